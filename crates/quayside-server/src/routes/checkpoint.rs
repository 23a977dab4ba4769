//! Checkpoints of the log (`POST /v1/checkpoint` for a client, with proofs; `GET /v1/checkpoint`
//! for anyone, auditors and monitors included): the log's size and Merkle root, signed by the
//! server's key.

use axum::extract::State;
use quayside_protocol::merkle::unhex32;
use quayside_protocol::{
    is_sha256, Checkpoint, CheckpointRequest, CheckpointResponse, ErrorBody, InclusionProof,
    SignedStatement, Statement, MAX_BATCH_EVENTS,
};

use crate::auth::Caller;
use crate::error::{ApiError, Json};
use crate::{now_text, AppState};

/// The current checkpoint, proof that it extends the one of `from_size` events the client saw,
/// and where each named event is in it (hashes the log does not hold yet are left out): a path
/// each, or with `batch` one batch proof for all.
#[utoipa::path(
    post,
    path = "/v1/checkpoint",
    tag = "log",
    security(("bearer" = [])),
    request_body = CheckpointRequest,
    responses(
        (status = 200, description = "Signed checkpoint, consistency proof from from_size (empty when from_size is 0, the same size, or larger than the log: then the client names the shrink), inclusion proofs: a path each, or with batch one batch_proof for all and empty paths; only for events of cases of the caller's ports (others are answered as not in the log)", body = CheckpointResponse),
        (status = 400, description = "More than MAX_BATCH_EVENTS hashes, or one that is not 64 lower-case hex digits", body = ErrorBody),
        (status = 401, description = "No token, an unknown, expired or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
        (status = 413, description = "A body over MAX_BODY_BYTES, inflated when compressed (too_large)", body = ErrorBody),
        (status = 415, description = "No Content-Type: application/json, or a Content-Encoding other than zstd or gzip", body = ErrorBody),
    )
)]
pub async fn checkpoint_with_proofs(
    State(state): State<AppState>,
    caller: Caller,
    Json(request): Json<CheckpointRequest>,
) -> Result<Json<CheckpointResponse>, ApiError> {
    if request.hashes.len() > MAX_BATCH_EVENTS {
        return Err(ApiError::invalid(format!(
            "the request names {} hashes; at most {MAX_BATCH_EVENTS} go in one request: ask for \
             the rest in further requests",
            request.hashes.len()
        )));
    }
    let mut leaves = Vec::with_capacity(request.hashes.len());
    for (index, hash) in request.hashes.iter().enumerate() {
        if !is_sha256(hash) {
            return Err(ApiError::invalid(format!(
                "hashes[{index}] is {hash:?}: each hash is an event body's SHA-256 as 64 \
                 lower-case hex digits"
            )));
        }
        leaves.push((hash, unhex32(hash).map_err(ApiError::invalid)?));
    }
    // Only events of cases the caller's ports hold are proven: for another port's event the
    // answer is as for one not in the log, so a hash read in a bundle says nothing.
    let visible: Option<std::collections::HashMap<String, String>> = if caller.is_admin() {
        None
    } else {
        Some(state.store.event_ports(request.hashes.clone()).await?)
    };
    let sees = |hash: &str| {
        visible.as_ref().is_none_or(|ports| {
            ports
                .get(hash)
                .is_some_and(|port| caller.sees_any(std::slice::from_ref(port)))
        })
    };
    let (checkpoint, consistency, proofs, indices, batch_proof) = {
        let mut log = state.log.lock().await;
        log.catch_up(state.store.as_ref()).await?;
        let tree = log.tree();
        let found: Vec<Option<u64>> = leaves
            .iter()
            .map(|(hash, leaf)| log.index_of(leaf).filter(|_| sees(hash)))
            .collect();
        let (proofs, indices, batch_proof) = if request.batch {
            // One proof for all: shared subtrees once, and no hash sent back.
            let held: Vec<u64> = found.iter().flatten().copied().collect();
            (Vec::new(), found, tree.batch_inclusion(&held))
        } else {
            let proofs = leaves
                .iter()
                .zip(&found)
                .filter_map(|((hash, _), index)| {
                    let index = (*index)?;
                    Some(InclusionProof {
                        hash: (*hash).clone(),
                        index,
                        path: tree.inclusion(index),
                    })
                })
                .collect();
            (proofs, Vec::new(), Vec::new())
        };
        (
            current(log.epoch(), tree),
            tree.consistency(request.from_size),
            proofs,
            indices,
            batch_proof,
        )
    };
    Ok(Json(CheckpointResponse {
        checkpoint: state.key.sign(&Statement::Checkpoint(checkpoint)),
        consistency,
        proofs,
        indices,
        batch_proof,
    }))
}

/// The current checkpoint of the log, signed; no sign-in needed.
#[utoipa::path(
    get,
    path = "/v1/checkpoint",
    tag = "log",
    responses(
        (status = 200, description = "Statement::Checkpoint signed by the server's key", body = SignedStatement),
        (status = 429, description = "More requests without a token from this client network (an IPv4 address, an IPv6 /64) than `serve --unauthenticated-per-minute` allows (60 a minute by default): wait Retry-After seconds (too_many_attempts)", body = ErrorBody),
    )
)]
pub async fn checkpoint(State(state): State<AppState>) -> Result<Json<SignedStatement>, ApiError> {
    let checkpoint = {
        let mut log = state.log.lock().await;
        log.catch_up(state.store.as_ref()).await?;
        current(log.epoch(), log.tree())
    };
    Ok(Json(state.key.sign(&Statement::Checkpoint(checkpoint))))
}

/// The checkpoint of the log as the tree holds it, issued now.
pub(crate) fn current(epoch: &str, tree: &quayside_protocol::merkle::LogTree) -> Checkpoint {
    Checkpoint {
        epoch: epoch.to_string(),
        size: tree.len(),
        root: tree.root(),
        issued_at: now_text(),
    }
}
