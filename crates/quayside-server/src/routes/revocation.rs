//! Ending a device's access: a sign-out revokes the calling token (`POST /v1/sign-out`), and a
//! revoked device confirms it destroyed its keys (`POST /v1/devices/{id}/wipe-confirmation`),
//! signed with the device's own key since its token no longer works.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use ed25519_dalek::VerifyingKey;
use quayside_protocol::{wipe_confirmation_message, ErrorBody, ErrorCode, WipeConfirmation};
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::{ApiError, Json};
use crate::{now_text, AppState};

/// Largest body `POST /v1/sign-out` reads (it takes none).
pub const SIGN_OUT_BODY_BYTES: usize = 1024;
/// Largest body `POST /v1/devices/{id}/wipe-confirmation` reads.
pub const WIPE_CONFIRMATION_BODY_BYTES: usize = 4096;

/// Revoke the bearer token this request carries: the device is signed out (it may enroll again
/// with a password). A body, if any, is ignored; at most 1 KiB is read.
#[utoipa::path(
    post,
    path = "/v1/sign-out",
    tag = "devices",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The token is revoked: every later request with it answers 401 unauthorized"),
        (status = 401, description = "No token, an unknown or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
        (status = 413, description = "A body over 1 KiB (too_large)", body = ErrorBody),
    )
)]
pub async fn sign_out(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<StatusCode, ApiError> {
    // False only when the device enrolled again meanwhile: the token is dead either way.
    state
        .store
        .sign_out(caller.device_id, &caller.token_hash)
        .await?;
    tracing::info!(device = %caller.device_id, "signed out");
    Ok(StatusCode::NO_CONTENT)
}

/// A revoked device reports that it destroyed its keys. No bearer token (a revoked device's is
/// refused): the body is signed with the device's enrolled key over
/// `wipe_confirmation_message(device_id, confirmed_at)`. The server keeps the time it received the
/// first valid confirmation; a repeated one changes nothing. At most 4 KiB of body is read.
#[utoipa::path(
    post,
    path = "/v1/devices/{device_id}/wipe-confirmation",
    tag = "devices",
    params(("device_id" = Uuid, Path, description = "The revoked device")),
    request_body = WipeConfirmation,
    responses(
        (status = 204, description = "Recorded (or recorded already)"),
        (status = 400, description = "Malformed body or signature encoding", body = ErrorBody),
        (status = 401, description = "The signature does not verify with the device's enrolled key (unauthorized)", body = ErrorBody),
        (status = 404, description = "No such device", body = ErrorBody),
        (status = 409, description = "The device is not revoked: only a revoked device confirms a wipe (device_conflict)", body = ErrorBody),
        (status = 413, description = "A body over 4 KiB (too_large)", body = ErrorBody),
        (status = 415, description = "No Content-Type: application/json", body = ErrorBody),
        (status = 429, description = "More requests without a token from this client network (an IPv4 address, an IPv6 /64) than `serve --unauthenticated-per-minute` allows (60 a minute by default): wait Retry-After seconds (too_many_attempts)", body = ErrorBody),
    )
)]
pub async fn wipe_confirmation(
    State(state): State<AppState>,
    Path(device_id): Path<String>,
    Json(confirmation): Json<WipeConfirmation>,
) -> Result<StatusCode, ApiError> {
    let device_id: Uuid = device_id.parse().map_err(|_| {
        ApiError::invalid(
            "the path must name a device by its id (a UUID): /v1/devices/{id}/wipe-confirmation",
        )
    })?;
    let device = state
        .store
        .devices()
        .await?
        .into_iter()
        .find(|d| d.id == device_id)
        .ok_or_else(|| ApiError::not_found(format!("there is no device {device_id}")))?;
    check_signature(&confirmation, device_id, &device.public_key)?;
    if device.revoked_at.is_none() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::DeviceConflict,
            format!(
                "device {device_id} is not revoked: only a revoked device confirms a wipe (an \
                 admin revokes it with `device revoke`)"
            ),
        ));
    }
    let now = now_text();
    state.store.confirm_wipe(device_id, &now).await?;
    tracing::info!(device = %device_id, "wipe confirmed");
    Ok(StatusCode::NO_CONTENT)
}

fn check_signature(
    confirmation: &WipeConfirmation,
    device_id: Uuid,
    public_key: &[u8; 32],
) -> Result<(), ApiError> {
    use base64::Engine;
    if confirmation.confirmed_at.len() > 64 {
        return Err(ApiError::invalid(
            "confirmed_at must be an RFC 3339 time of at most 64 characters",
        ));
    }
    let signature: [u8; 64] = base64::engine::general_purpose::STANDARD
        .decode(&confirmation.signature)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| {
            ApiError::invalid("signature must be a 64-byte ed25519 signature in standard base64")
        })?;
    let key = VerifyingKey::from_bytes(public_key).map_err(ApiError::internal)?;
    let message = wipe_confirmation_message(device_id, &confirmation.confirmed_at);
    key.verify_strict(&message, &ed25519_dalek::Signature::from_bytes(&signature))
        .map_err(|_| {
            ApiError::unauthorized(
                "the signature does not verify with this device's enrolled key: only the device \
                 itself confirms its wipe",
            )
        })
}
