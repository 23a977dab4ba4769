//! Control lists for devices: each list an admin published (`quayside-server control-list
//! publish`), signed by the server key when it was published, served as stored.

use axum::extract::{Query, State};
use quayside_protocol::{ControlListsPage, ErrorBody, SignedStatement, CONTROL_LISTS_PER_PAGE};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Caller;
use crate::error::{ApiError, Json};
use crate::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ControlListParams {
    /// The newest version the device holds (1: only the list built into the app); absent: 0.
    #[param(value_type = Option<i64>, minimum = 0, maximum = 4_294_967_295.0)]
    pub after: Option<u32>,
}

/// Published control lists above version `after`, oldest first, at most
/// `CONTROL_LISTS_PER_PAGE` (8) an answer: ask again after the last one for more. Each is a
/// `Statement::ControlList` signed with the server key; a device checks the signature against the
/// key it pinned at enrollment before it judges a case by the list. Any enrolled device may read
/// them: lists are the same for every port.
#[utoipa::path(
    get,
    path = "/v1/control-lists",
    tag = "devices",
    security(("bearer" = [])),
    params(ControlListParams),
    responses(
        (status = 200, body = ControlListsPage),
        (status = 400, description = "`after` is not a whole number from 0 to 4294967295", body = ErrorBody),
        (status = 401, description = "No token, an unknown or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
    )
)]
pub async fn control_lists(
    State(state): State<AppState>,
    _caller: Caller,
    params: Result<Query<ControlListParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ControlListsPage>, ApiError> {
    let Query(params) = params.map_err(|_| {
        ApiError::invalid("`after` must be a whole number from 0 to 4294967295: a list version")
    })?;
    let lists = state
        .store
        .control_lists(params.after.unwrap_or(0), CONTROL_LISTS_PER_PAGE)
        .await?
        .into_iter()
        .map(|l| SignedStatement::from_parts(&l.statement, &l.signature))
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::internal)?;
    Ok(Json(ControlListsPage { lists }))
}
