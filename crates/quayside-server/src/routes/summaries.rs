//! Case summaries for analysts: every port's cases as what they are and how they ended, with the
//! entities they name, so an analyst's app links cases across ports. A page follows the log like
//! a pull (same cursor, same order), and holds the cases its events belong to as they are now.

use std::collections::BTreeSet;

use axum::extract::{Query, State};
use quayside_domain::event::Role;
use quayside_protocol::{ErrorBody, SummaryPage, MAX_BATCH_EVENTS};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::{self, Caller};
use crate::cursor::Cursor;
use crate::error::{ApiError, Json};
use crate::routes::events::DEFAULT_PULL_LIMIT;
use crate::storage::{summary_for, PullQuery, StoreError};
use crate::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryParams {
    /// The cursor of the previous page, unchanged; absent or empty: from the start of the log.
    #[param(pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// Most events of the log the page covers, 1 to MAX_BATCH_EVENTS (1,000); absent: 500. A
    /// page holds at most as many cases.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 1000)]
    pub limit: Option<u64>,
}

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
    params(SummaryParams),
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
    Query(params): Query<SummaryParams>,
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
    let limit = match params.limit {
        Some(n) if (1..=MAX_BATCH_EVENTS as u64).contains(&n) => n as usize,
        Some(_) => {
            return Err(ApiError::invalid(format!(
                "limit must be 1 to {MAX_BATCH_EVENTS}"
            )))
        }
        None => DEFAULT_PULL_LIMIT,
    };
    let cursor = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(text) => {
            Some(Cursor::decode(text).map_err(|e| ApiError::from(StoreError::StaleCursor(e)))?)
        }
        None => None,
    };
    let page = state
        .store
        .pull(PullQuery {
            epoch: cursor.as_ref().map(|c| c.epoch.clone()),
            after_xid: cursor.as_ref().map_or(0, |c| c.xid),
            after: cursor.as_ref().map_or(0, |c| c.seq),
            mark: cursor.as_ref().and_then(|c| c.mark.clone()),
            limit,
            // Every device's events, every port's cases.
            exclude_device: Uuid::nil(),
            ports: None,
        })
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
    summaries.sort_by_key(|s| order.iter().position(|id| *id == s.case_id));
    Ok(Json(SummaryPage {
        summaries,
        cursor: Cursor {
            epoch: page.epoch,
            xid: page.last_xid,
            seq: page.last,
            mark: page.last_mark,
        }
        .encode(),
        more: page.more,
    }))
}
