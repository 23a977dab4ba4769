//! Seen at other ports: how many cases at ports a device's people do not work name an entity
//! its case names (a company, a container, a phone), as a count, from the server's entity index;
//! never which cases or what they hold.

use axum::extract::State;
use quayside_protocol::{
    ErrorBody, SeenCount, SeenRequest, SeenResponse, MAX_ENTITY_KEY_CHARS, MAX_SEEN_ENTITIES,
};

use crate::auth::Caller;
use crate::error::{ApiError, Json};
use crate::AppState;

/// Largest body `POST /v1/entities/seen` reads: 200 keys of a few hundred bytes, with room.
pub const SEEN_BODY_BYTES: usize = 1024 * 1024;

/// For each entity asked about (at most 200), how many cases at ports this device's people do
/// not work name it. An admin's device sees every port: its counts are 0.
#[utoipa::path(
    post,
    path = "/v1/entities/seen",
    tag = "entities",
    security(("bearer" = [])),
    request_body = SeenRequest,
    responses(
        (status = 200, description = "One count per entity asked about, in the order asked", body = SeenResponse),
        (status = 400, description = "More than 200 entities, a key empty, over 4,000 characters or holding NUL, an unknown kind, or a body that cannot be read (invalid_request)", body = ErrorBody),
        (status = 401, description = "No token, an unknown, expired or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
        (status = 413, description = "A body over 1 MiB (too_large)", body = ErrorBody),
        (status = 415, description = "No Content-Type: application/json", body = ErrorBody),
    )
)]
pub async fn seen(
    State(state): State<AppState>,
    caller: Caller,
    Json(request): Json<SeenRequest>,
) -> Result<Json<SeenResponse>, ApiError> {
    if request.entities.len() > MAX_SEEN_ENTITIES {
        return Err(ApiError::invalid(format!(
            "at most {MAX_SEEN_ENTITIES} entities at once; ask again for the rest"
        )));
    }
    if let Some(bad) = request.entities.iter().find(|e| {
        let chars = e.key.chars().count();
        chars == 0 || chars > MAX_ENTITY_KEY_CHARS || e.key.contains('\0')
    }) {
        return Err(ApiError::invalid(format!(
            "an entity's key is 1 to {MAX_ENTITY_KEY_CHARS} characters without NUL; one {} key \
             has {} characters",
            bad.kind.as_str(),
            bad.key.chars().count()
        )));
    }
    let asked: Vec<(String, String)> = request
        .entities
        .iter()
        .map(|e| (e.kind.as_str().to_string(), e.key.clone()))
        .collect();
    let counts = state
        .store
        .seen_at_other_ports(asked, caller.visible_ports())
        .await?;
    Ok(Json(SeenResponse {
        counts: request
            .entities
            .into_iter()
            .zip(counts)
            .map(|(entity, other_ports)| SeenCount {
                entity,
                other_ports,
            })
            .collect(),
    }))
}
