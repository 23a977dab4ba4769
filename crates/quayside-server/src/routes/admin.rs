//! What an admin reads over HTTP: the quarantine.

use axum::extract::State;
use quayside_protocol::ErrorBody;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{self, Caller};
use crate::error::{ApiError, Json};
use crate::storage::QuarantinedEvent;
use crate::AppState;

/// Events the server set aside, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuarantineList {
    pub events: Vec<QuarantinedEvent>,
}

/// Every event set aside, with the reason (admins only).
#[utoipa::path(
    get,
    path = "/v1/admin/quarantine",
    tag = "admin",
    security(("bearer" = [])),
    responses(
        (status = 200, body = QuarantineList),
        (status = 401, body = ErrorBody),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
    )
)]
pub async fn quarantine(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<QuarantineList>, ApiError> {
    if !caller.is_admin() {
        return Err(ApiError::forbidden(format!(
            "only admins see the quarantine; {} is a {}: ask an admin",
            caller.account.username,
            auth::role_name(caller.account.role)
        )));
    }
    Ok(Json(QuarantineList {
        events: state.store.quarantine().await?,
    }))
}
