//! The log: push this device's events (`POST /v1/events`), pull others' (`GET /v1/events`).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use ed25519_dalek::VerifyingKey;
use quayside_protocol::{
    ErrorBody, ErrorCode, PullResponse, PushRequest, PushResponse, Receipt, Statement, WireEvent,
    MAX_BATCH_EVENTS,
};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Caller;
use crate::cursor::Cursor;
use crate::error::{ApiError, Json};
use crate::push;
use crate::storage::{PullQuery, Pusher};
use crate::{now_text, AppState};

/// Events per pull page when the client names no limit.
pub const DEFAULT_PULL_LIMIT: usize = 500;

/// Push a batch of this device's own events, in sequence order. Every event is answered: accepted,
/// duplicate, quarantined (held, with the reason) or deferred (not stored: send again). The answer
/// carries the server's signed receipt for the chain it holds, once it holds any.
#[utoipa::path(
    post,
    path = "/v1/events",
    tag = "events",
    security(("bearer" = [])),
    request_body = PushRequest,
    responses(
        (status = 200, description = "The batch was taken in one transaction", body = PushResponse),
        (status = 400, description = "Malformed JSON, more than MAX_BATCH_EVENTS events, an event that is not an object with `body` (a JSON object) and `signature`, or a body sent with Content-Encoding: zstd or gzip that does not inflate (invalid_request)", body = ErrorBody),
        (status = 401, description = "No token, an unknown, expired or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
        (status = 413, description = "Body over MAX_BODY_BYTES (inflated, when compressed with zstd or gzip)", body = ErrorBody),
        (status = 415, description = "A Content-Encoding other than zstd or gzip, or no Content-Type: application/json", body = ErrorBody),
        (status = 429, description = "The push holds events the device did not sign (unreadable, or another device's) and the device's quarantine of such is full (JUNK_QUOTA, 1,000): an admin prunes it", body = ErrorBody),
    )
)]
pub async fn push_events(
    State(state): State<AppState>,
    caller: Caller,
    Json(request): Json<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    if request.events.len() > MAX_BATCH_EVENTS {
        return Err(ApiError::invalid(format!(
            "the push holds {} events; at most {MAX_BATCH_EVENTS} go in one push: send the rest \
             in further pushes",
            request.events.len()
        )));
    }
    // An event is an object, as signed: anything else is not the request the document describes,
    // and is refused whole rather than kept as junk (a body that is an object but does not verify
    // is set aside, so the client learns which one).
    if let Some(index) = request
        .events
        .iter()
        .position(|e| !e.body.get().trim_start().starts_with('{'))
    {
        return Err(ApiError::invalid(format!(
            "events[{index}].body must be a JSON object: the event exactly as the device signed it"
        )));
    }
    let key = VerifyingKey::from_bytes(&caller.public_key).map_err(ApiError::internal)?;
    let device = caller.device_id;
    // Signature checks are CPU work: off the async threads, and before the write lock is taken.
    let events: Vec<WireEvent> = request.events;
    let batch = tokio::task::spawn_blocking(move || push::check(&events, device, &key))
        .await
        .map_err(ApiError::internal)?;
    // What the device did not sign is kept as a hash and a size only, and only so much of it.
    let junk = batch
        .iter()
        .filter(|c| matches!(c, push::Checked::Refused { signed: false, .. }))
        .count() as u64;
    if junk > 0 {
        let held = state.store.junk_count(device).await?;
        if held + junk > push::JUNK_QUOTA {
            let mut error = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyAttempts,
                format!(
                    "device {device} has pushed {held} unreadable or unsigned events already, and \
                     this push holds {junk} more, over the {} kept for a device: fix the client; \
                     an admin reviews them with `quayside-server quarantine` and removes them with \
                     `quayside-server quarantine prune`",
                    push::JUNK_QUOTA
                ),
            );
            error.retry_after = Some(3600);
            return Err(error);
        }
    }
    let received_at = now_text();
    let pusher = Pusher {
        device_id: device,
        rights: caller.rights(),
        received_at: received_at.clone(),
        #[cfg(feature = "test-support")]
        hold_before_commit: state.faults.delay_in_push(),
    };
    let pushed = state.store.push(pusher, batch).await?;
    #[cfg(feature = "test-support")]
    state.faults.after_push_commit();
    let mut response = pushed.response;
    // Signed here, after the transaction: signing is CPU work the write lock need not wait for.
    if response.acked_seq > 0 {
        response.receipt = Some(state.key.sign(&Statement::Receipt(Receipt {
            epoch: pushed.epoch,
            device_id: device,
            acked_seq: response.acked_seq,
            head_hash: pushed.head_hash,
            accepted: response.accepted as u64,
            received_at,
        })));
    }
    Ok(Json(response))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PullParams {
    /// The cursor of the previous pull, unchanged; absent or empty: from the start of the log.
    #[param(pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// Most events in the page, 1 to MAX_BATCH_EVENTS (1,000); absent: 500.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 1000)]
    pub limit: Option<u64>,
}

/// Pull events of other devices, of cases of the caller's ports, in log order after the cursor.
#[utoipa::path(
    get,
    path = "/v1/events",
    tag = "events",
    security(("bearer" = [])),
    params(PullParams),
    responses(
        (status = 200, body = PullResponse),
        (status = 400, description = "A limit outside 1 to 1,000, or a query that cannot be read (invalid_request)", body = ErrorBody),
        (status = 401, description = "No token, an unknown, expired or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
        (status = 409, description = "stale_cursor: the log was restored or reset, or the cursor is not one this server gave out; pull again from the start", body = ErrorBody),
    )
)]
pub async fn pull_events(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<PullParams>,
) -> Result<Json<PullResponse>, ApiError> {
    let page = state
        .store
        .pull(log_page(&params, caller.device_id, caller.visible_ports())?)
        .await?;
    let events = page
        .events
        .iter()
        .map(|e| WireEvent::new(&e.body, &e.signature))
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::internal)?;
    let cursor = next_cursor(&page);
    Ok(Json(PullResponse {
        events,
        devices: page.keys,
        cursor,
        more: page.more,
    }))
}

/// The part of the log a page asks for: after its cursor, at most its limit of events. A cursor
/// this server never gave out is answered as one of a log it no longer has: the client starts
/// again from the beginning, which is always safe.
pub(crate) fn log_page(
    params: &PullParams,
    exclude_device: uuid::Uuid,
    ports: Option<Vec<String>>,
) -> Result<PullQuery, ApiError> {
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
        Some(text) => Some(
            Cursor::decode(text)
                .map_err(|e| ApiError::from(crate::storage::StoreError::StaleCursor(e)))?,
        ),
        None => None,
    };
    Ok(PullQuery {
        epoch: cursor.as_ref().map(|c| c.epoch.clone()),
        after_xid: cursor.as_ref().map_or(0, |c| c.xid),
        after: cursor.as_ref().map_or(0, |c| c.seq),
        mark: cursor.as_ref().and_then(|c| c.mark.clone()),
        limit,
        exclude_device,
        ports,
    })
}

/// Where the page after `page` starts.
pub(crate) fn next_cursor(page: &crate::storage::PullPage) -> String {
    Cursor {
        epoch: page.epoch.clone(),
        xid: page.last_xid,
        seq: page.last,
        mark: page.last_mark.clone(),
    }
    .encode()
}
