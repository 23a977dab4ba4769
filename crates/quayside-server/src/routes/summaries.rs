//! Case summaries for analysts: every port's cases as what they are and how they ended, with the
//! entities they name, so an analyst's app links cases across ports. A page follows the log like
//! a pull (same cursor, same order), and holds the cases its events belong to as they are now.

use std::collections::{BTreeSet, HashMap};

use axum::extract::{Query, State};
use quayside_domain::event::Role;
use quayside_protocol::{ErrorBody, SummaryPage};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::{self, Caller};
use crate::error::{ApiError, Json};
use crate::routes::events::{log_page, next_cursor, PullParams};
use crate::storage::summary_for;
use crate::AppState;

/// Just enough of an event to know its case.
#[derive(Deserialize)]
struct CaseOf {
    case_id: Uuid,
}

/// The summaries of every port's cases that changed after the cursor, in log order: for the
/// device's own user when an analyst or an admin. Personal entities only to an account allowed
/// personal data.
#[utoipa::path(
    get,
    path = "/v1/summaries",
    tag = "entities",
    security(("bearer" = [])),
    params(PullParams),
    responses(
        (status = 200, body = SummaryPage),
        (status = 400, description = "A limit outside 1 to 1,000, or a query that cannot be read (invalid_request)", body = ErrorBody),
        (status = 401, description = "No token, an unknown, expired or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
        (status = 403, description = "The device's user is neither an analyst nor an admin (forbidden)", body = ErrorBody),
        (status = 409, description = "stale_cursor: the log was restored or reset, or the cursor is not one this server gave out; start again without a cursor", body = ErrorBody),
    )
)]
pub async fn summaries(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<PullParams>,
) -> Result<Json<SummaryPage>, ApiError> {
    let account = &caller.account;
    if !matches!(account.role, Role::Analyst | Role::Admin) {
        return Err(ApiError::forbidden(format!(
            "case summaries of every port are for analysts; {} is a {}: ask an admin for an \
             analyst account",
            account.username,
            auth::role_name(account.role)
        )));
    }
    // Every device's events, every port's cases.
    let page = state
        .store
        .pull(log_page(&params, Uuid::nil(), None)?)
        .await?;
    let mut order: Vec<Uuid> = Vec::new();
    let mut seen = BTreeSet::new();
    for event in &page.events {
        if let Ok(CaseOf { case_id }) = serde_json::from_slice(&event.body) {
            if seen.insert(case_id) {
                order.push(case_id);
            }
        }
    }
    let stored = state.store.case_summaries(order.clone()).await?;
    let mut summaries = stored
        .iter()
        .map(|json| summary_for(json, account.personal_data))
        .collect::<Result<Vec<_>, _>>()?;
    // In log order, as the events came.
    let place: HashMap<Uuid, usize> = order.iter().enumerate().map(|(n, id)| (*id, n)).collect();
    summaries.sort_by_key(|s| place.get(&s.case_id).copied());
    Ok(Json(SummaryPage {
        summaries,
        cursor: next_cursor(&page),
        more: page.more,
    }))
}
