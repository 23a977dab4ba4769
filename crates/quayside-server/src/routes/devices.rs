//! Enrollment (`POST /v1/devices`) and where a device stands (`GET /v1/sync`).

use axum::extract::State;
use axum::http::StatusCode;
use ed25519_dalek::VerifyingKey;
use quayside_domain::event::Role;
use quayside_protocol::{
    Account, EnrollRequest, EnrollResponse, EnrollmentsRequest, EnrollmentsResponse, ErrorBody,
    ErrorCode, PersonRequest, Revocation, Statement, SyncState, MAX_BATCH_EVENTS,
};

use crate::auth::{self, Caller, ClientAddress};
use crate::error::{ApiError, Json};
use crate::storage::{self, EnrollOutcome, Enrollment};
use crate::{now_text, unix_ms, AppState};

/// What a 503 sign-in asks the client to wait.
pub const PASSWORD_CHECK_RETRY: std::time::Duration = std::time::Duration::from_secs(5);

/// Enroll a device with a user's credentials; answers a bearer token, shown only this once.
#[utoipa::path(
    post,
    path = "/v1/devices",
    tag = "devices",
    request_body = EnrollRequest,
    responses(
        (status = 200, description = "Enrolled; the token replaces any earlier one of this device", body = EnrollResponse),
        (status = 400, description = "A body that is not the request: a field missing or of another shape than the schema gives (invalid_request)", body = ErrorBody),
        (status = 401, description = "Wrong user name or password (bad_credentials); the user was revoked, or the proof does not verify with public_key (unauthorized); the device was revoked (device_revoked)", body = ErrorBody),
        (status = 409, description = "The device id is enrolled with another key, or by another user", body = ErrorBody),
        (status = 413, description = "A body over the server's limit (too_large)", body = ErrorBody),
        (status = 415, description = "No Content-Type: application/json", body = ErrorBody),
        (status = 429, description = "Five failed sign-ins for this user name from this client (its address; an enrolled device by its id) within a day: wait Retry-After seconds (30, doubling with each further failure, at most 900). Or more requests without a token from this client network (an IPv4 address, an IPv6 /64) than `serve --unauthenticated-per-minute` allows (60 a minute by default): wait Retry-After seconds", body = ErrorBody),
        (status = 503, description = "Busy: more sign-ins at once than the server checks passwords for (one a core) waited over 2 s; retry after Retry-After seconds", body = ErrorBody),
    )
)]
pub async fn enroll(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Json(request): Json<EnrollRequest>,
) -> Result<Json<EnrollResponse>, ApiError> {
    let public_key = parse_public_key(&request.public_key)?;
    check_proof(&request, &public_key)?;
    let name = request.device_name.trim().to_string();
    if blank(&request.device_name) || name.chars().count() > 200 {
        return Err(ApiError::invalid(
            "device_name must be 1 to 200 characters: a name people recognise in the device list",
        ));
    }
    let username = checked_username(&request.username)?;
    // Failures count per client: a device enrolled to this account already (its proof above
    // verified with the key the server holds for it) is never held up by anyone else's guesses.
    let enrolled = state
        .store
        .device(request.device_id)
        .await?
        .filter(|d| d.username == username && d.public_key == public_key && d.revoked_at.is_none())
        .map(|d| d.id);
    let client = auth::failure_client(enrolled, address);
    let user = check_credentials(&state, &username, &request.password, &client).await?;
    let (token, token_hash) = auth::new_token().map_err(ApiError::internal)?;
    let outcome = state
        .store
        .enroll(Enrollment {
            device_id: request.device_id,
            public_key,
            name,
            username: user.username.clone(),
            token_hash,
            now: now_text(),
            now_ms: unix_ms(),
        })
        .await?;
    match outcome {
        EnrollOutcome::Enrolled => Ok(Json(EnrollResponse {
            token,
            account: user.account(),
            server_key: state.key.public_hex(),
        })),
        EnrollOutcome::KeyConflict => Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::DeviceConflict,
            format!(
                "device {} is enrolled with another key: a device keeps its key for life, so \
                 this is another device reusing its id; make a new device identity",
                request.device_id
            ),
        )),
        EnrollOutcome::OtherUser { username } => Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::DeviceConflict,
            format!(
                "device {} is enrolled by user {username}: a device does not change hands by \
                 enrolling; an admin revokes it, and the new user enrolls a new device identity",
                request.device_id
            ),
        )),
        EnrollOutcome::Revoked { at } => Err(ApiError::device_revoked(format!(
            "device {} was revoked on {at}: it cannot enroll again; ask an admin",
            request.device_id
        ))),
    }
}

/// Nothing but white space, as the OpenAPI document's patterns (ECMAScript's `\S`) read it: one
/// character more or less than Rust's `char::is_whitespace` (U+0085 is none, U+FEFF is).
fn blank(text: &str) -> bool {
    text.chars()
        .all(|c| c == '\u{feff}' || (c.is_whitespace() && c != '\u{85}'))
}

/// A user name as a request gives it: none has an empty or overlong one, so it is refused before
/// a failed sign-in is recorded under it (a request cannot store megabytes in login_failures).
fn checked_username(text: &str) -> Result<String, ApiError> {
    let username = text.trim().to_string();
    if blank(text) || username.chars().count() > auth::MAX_USERNAME_CHARS {
        return Err(ApiError::invalid(format!(
            "username must be 1 to {} characters: the name of an account on this server",
            auth::MAX_USERNAME_CHARS
        )));
    }
    Ok(username)
}

/// The active user of these credentials, with every sign-in's guard: the client's growing wait
/// after failures, and a bounded number of password checks at once (else 503).
async fn check_credentials(
    state: &AppState,
    username: &str,
    password: &str,
    client: &str,
) -> Result<storage::User, ApiError> {
    let now_ms = unix_ms();
    let window = auth::FAILURE_WINDOW.as_millis() as i64;
    let failures = state
        .store
        .login_failures(username, client, now_ms - window)
        .await?;
    if let Some(wait) = auth::lockout(&failures, now_ms) {
        let mut error = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyAttempts,
            format!(
                "too many failed sign-ins for {username} from this address: wait {} seconds \
                 (Retry-After) and try again; each further failure doubles the wait",
                wait.as_secs()
            ),
        );
        error.retry_after = Some(wait.as_secs());
        return Err(error);
    }
    let user = state.store.user(username).await?;
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    // One check a core at a time, each waiting briefly for its turn: a flood of sign-ins costs
    // a few argon2 buffers and quick 503s, not memory for every request.
    let matches = state
        .password_checks
        .verify(password.to_string(), stored)
        .await
        .map_err(|_| {
            ApiError::busy(
                PASSWORD_CHECK_RETRY.as_secs(),
                "the server is checking as many passwords as it can at once: try again in a few \
                 seconds (Retry-After)",
            )
        })?;
    let user = match user {
        Some(user) if matches => user,
        _ => {
            state
                .store
                .record_login_failure(
                    username,
                    client,
                    now_ms,
                    now_ms - window,
                    auth::MAX_KEPT_FAILURES,
                )
                .await?;
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                ErrorCode::BadCredentials,
                "wrong user name or password: check both and try again",
            ));
        }
    };
    state.store.clear_login_failures(username, client).await?;
    if let Some(at) = &user.revoked_at {
        return Err(ApiError::unauthorized(format!(
            "user {username} was revoked on {at}: ask an admin for an active account"
        )));
    }
    Ok(user)
}

/// Largest body `POST /v1/devices/people` reads.
pub const PERSON_BODY_BYTES: usize = 4096;

/// Another account signs in on this enrolled device to work there too (a second inspector, a
/// supervisor reviewing on an inspector's laptop). Its password is checked as at enrollment, with
/// the same waits; the device's token stays as it is. From then on an event whose author names the
/// account's user name is judged by that account's role and ports, and the device pulls the cases
/// of its ports too. Answers the account.
#[utoipa::path(
    post,
    path = "/v1/devices/people",
    tag = "devices",
    security(("bearer" = [])),
    request_body = PersonRequest,
    responses(
        (status = 200, description = "The account works on this device (it did already, or it is the device's own user: nothing changes)", body = Account),
        (status = 400, description = "Malformed request, or a user name of more than 64 characters", body = ErrorBody),
        (status = 401, description = "Wrong user name or password (bad_credentials); that user was revoked, no token, an unknown or signed-out one (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
        (status = 413, description = "A body over 4 KiB (too_large)", body = ErrorBody),
        (status = 415, description = "No Content-Type: application/json", body = ErrorBody),
        (status = 429, description = "Five failed sign-ins for this user name from this device within a day: wait Retry-After seconds (30, doubling with each further failure, at most 900)", body = ErrorBody),
        (status = 503, description = "Busy: more sign-ins at once than the server checks passwords for waited over 2 s; retry after Retry-After seconds", body = ErrorBody),
    )
)]
pub async fn link_person(
    State(state): State<AppState>,
    caller: Caller,
    Json(request): Json<PersonRequest>,
) -> Result<Json<Account>, ApiError> {
    let username = checked_username(&request.username)?;
    // Guesses made on this device count against this device only.
    let client = auth::failure_client(Some(caller.device_id), None);
    let user = check_credentials(&state, &username, &request.password, &client).await?;
    state
        .store
        .link_person(caller.device_id, &user.username, &now_text())
        .await?;
    tracing::info!(device = %caller.device_id, "another account works on the device");
    Ok(Json(user.account()))
}

/// Where this device stands: the log's epoch, its acknowledged sequence, its account; the
/// server's public key, and every revoked device, signed (a client refuses their later events).
#[utoipa::path(
    get,
    path = "/v1/sync",
    tag = "devices",
    security(("bearer" = [])),
    responses(
        (status = 200, body = SyncState),
        (status = 401, description = "No token, an unknown or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
    )
)]
pub async fn sync_state(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<SyncState>, ApiError> {
    let revocations = state
        .store
        .revoked_devices()
        .await?
        .into_iter()
        .map(|revoked| {
            state.key.sign(&Statement::Revocation(Revocation {
                device_id: revoked.device_id,
                last_valid_seq: revoked.last_valid_seq,
                revoked_at: revoked.revoked_at,
            }))
        })
        .collect();
    Ok(Json(SyncState {
        epoch: state.store.epoch().await?,
        device_seq: caller.head_seq,
        device_head_hash: caller.head_hash,
        account: caller.account,
        server_key: state.key.public_hex(),
        revocations,
        accepts_gzip: true,
        accepts_zstd: true,
        control_list_version: state.store.control_list_version().await?,
    }))
}

/// The server's signed enrollment of each named device it knows: that the device id has this
/// public key, enrolled by this user. Revoked devices too (their earlier events stay valid);
/// unknown ids are left out. A client keeps these so a device key in a case-file bundle is
/// anchored by the server's signature, not by the bundle.
#[utoipa::path(
    post,
    path = "/v1/enrollments",
    tag = "devices",
    security(("bearer" = [])),
    request_body = EnrollmentsRequest,
    responses(
        (status = 200, description = "Statement::Enrollment of each known device whose user works a port of the caller's (or is an admin), signed by the server's key; other ids are left out", body = EnrollmentsResponse),
        (status = 400, description = "More than MAX_BATCH_EVENTS device ids, or a body that is not the request (invalid_request)", body = ErrorBody),
        (status = 401, description = "No token, an unknown, expired or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
        (status = 413, description = "A body over MAX_BODY_BYTES (too_large)", body = ErrorBody),
        (status = 415, description = "No Content-Type: application/json", body = ErrorBody),
    )
)]
pub async fn enrollments(
    State(state): State<AppState>,
    caller: Caller,
    Json(request): Json<EnrollmentsRequest>,
) -> Result<Json<EnrollmentsResponse>, ApiError> {
    if request.device_ids.len() > MAX_BATCH_EVENTS {
        return Err(ApiError::invalid(format!(
            "the request names {} devices; at most {MAX_BATCH_EVENTS} go in one request: ask for \
             the rest in further requests",
            request.device_ids.len()
        )));
    }
    let wanted: std::collections::HashSet<_> = request.device_ids.iter().collect();
    // Only devices whose people could have written in a case this caller sees: one of them works
    // a port of the caller's, or is an admin (every port). Others are left out, as unknown ids are.
    let users: std::collections::HashMap<String, storage::User> = state
        .store
        .users()
        .await?
        .into_iter()
        .map(|u| (u.username.clone(), u))
        .collect();
    let shares_a_port = |username: &str| {
        users
            .get(username)
            .is_some_and(|u| u.role == Role::Admin || caller.sees_any(&u.ports))
    };
    // A device's events may be any of its people's.
    let people = state.store.device_people().await?;
    let enrollments = state
        .store
        .devices()
        .await?
        .into_iter()
        .filter(|device| {
            wanted.contains(&device.id)
                && std::iter::once(&device.username)
                    .chain(people.get(&device.id).into_iter().flatten())
                    .any(|username| shares_a_port(username))
        })
        .map(|device| {
            state
                .key
                .sign(&Statement::Enrollment(quayside_protocol::Enrollment {
                    device_id: device.id,
                    public_key: hex::encode(device.public_key),
                    username: device.username,
                    enrolled_at: device.enrolled_at,
                }))
        })
        .collect();
    Ok(Json(EnrollmentsResponse { enrollments }))
}

fn parse_public_key(text: &str) -> Result<[u8; 32], ApiError> {
    let invalid =
        || ApiError::invalid("public_key must be the device's ed25519 public key as 64 hex digits");
    let bytes: [u8; 32] = hex::decode(text.trim())
        .map_err(|_| invalid())?
        .try_into()
        .map_err(|_| invalid())?;
    // 64 hex digits, as the document asks, that are no key: nothing can be proved with them.
    VerifyingKey::from_bytes(&bytes).map_err(|_| {
        ApiError::unauthorized(
            "public_key is not an ed25519 public key, so the proof cannot hold: send the \
             device's own public key",
        )
    })?;
    Ok(bytes)
}

/// The enrolling party must hold the device key: a valid signature over the enrollment message.
fn check_proof(request: &EnrollRequest, public_key: &[u8; 32]) -> Result<(), ApiError> {
    use base64::Engine;
    let key = VerifyingKey::from_bytes(public_key)
        .map_err(|_| ApiError::invalid("public_key is not an ed25519 public key"))?;
    let signature: [u8; 64] = base64::engine::general_purpose::STANDARD
        .decode(&request.proof)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| {
            ApiError::invalid("proof must be a 64-byte ed25519 signature in standard base64")
        })?;
    let message = quayside_protocol::enrollment_message(&request.username, request.device_id);
    key.verify_strict(&message, &ed25519_dalek::Signature::from_bytes(&signature))
        .map_err(|_| {
            ApiError::unauthorized(
                "proof does not verify with public_key: the device must sign the enrollment \
                 message with its own key",
            )
        })
}
