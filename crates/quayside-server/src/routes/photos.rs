//! Photo originals and shipping documents (files by hash, alike here): which the server lacks,
//! chunked resumable uploads, and downloads (with `Range: bytes=N-` to resume). A file is known to
//! the server only through an accepted `photo_attached` or `document_attached` event: it gives the
//! size to expect and the case (so the port) it belongs to.

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use quayside_protocol::{
    is_sha256, ErrorBody, ErrorCode, PhotoMissing, PhotoQuery, UploadStatus, MAX_BATCH_EVENTS,
    MAX_PHOTO_BYTES, PHOTO_CHUNK_BYTES,
};
use serde::Deserialize;
use tokio_util::io::ReaderStream;
use utoipa::IntoParams;

use crate::auth::Caller;
use crate::blobs::{Appended, Finished};
use crate::error::{ApiError, Json};
use crate::storage::PhotoRef;
use crate::AppState;

/// Room for a chunk over `PHOTO_CHUNK_BYTES` before the body is refused.
pub const CHUNK_SLACK_BYTES: usize = 64 * 1024;

fn checked_hash(sha256: &str) -> Result<(), ApiError> {
    if is_sha256(sha256) {
        Ok(())
    } else {
        Err(ApiError::invalid(format!(
            "{sha256:?} is not a photo hash: send the SHA-256 of the original as 64 lower-case hex digits"
        )))
    }
}

/// The photo's reference, if the caller may see a case that holds it.
async fn visible_ref(
    state: &AppState,
    caller: &Caller,
    sha256: &str,
) -> Result<PhotoRef, ApiError> {
    checked_hash(sha256)?;
    // A photo of another port's cases is answered as one never referenced: the answer says
    // nothing of other ports, not even that the hash is known.
    match state.store.photo_ref(sha256).await? {
        Some(photo) if caller.sees_any(&photo.ports) => Ok(photo),
        _ => Err(ApiError::not_found(format!(
            "no case of the ports you work has an accepted photo_attached or document_attached \
             event referencing {sha256}: push the event that attaches it first"
        ))),
    }
}

/// Which of these originals the server does not hold complete (upload those).
#[utoipa::path(
    post,
    path = "/v1/photos/missing",
    tag = "photos",
    security(("bearer" = [])),
    request_body = PhotoQuery,
    responses(
        (status = 200, body = PhotoMissing),
        (status = 400, description = "More than MAX_BATCH_EVENTS hashes, or one that is not 64 lower-case hex digits", body = ErrorBody),
        (status = 401, description = "No token, an unknown, expired or signed-out one, or a revoked user (unauthorized); a revoked device (device_revoked)", body = ErrorBody),
        (status = 413, description = "A body over MAX_BODY_BYTES (too_large)", body = ErrorBody),
        (status = 415, description = "No Content-Type: application/json", body = ErrorBody),
    )
)]
pub async fn missing(
    State(state): State<AppState>,
    caller: Caller,
    Json(query): Json<PhotoQuery>,
) -> Result<Json<PhotoMissing>, ApiError> {
    // Like every batch: a body of 4 MiB holds 60,000 hashes, each a file lookup.
    if query.sha256.len() > MAX_BATCH_EVENTS {
        return Err(ApiError::invalid(format!(
            "the request names {} photos; at most {MAX_BATCH_EVENTS} go in one request: ask for \
             the rest in further requests",
            query.sha256.len()
        )));
    }
    for sha256 in &query.sha256 {
        checked_hash(sha256)?;
    }
    let mut missing = Vec::new();
    for sha256 in query.sha256 {
        // Not held means missing, referenced or not: a client may prune an original only once
        // the server holds it. One held only for other ports' cases is missing to this caller:
        // the answer does not tell whether anyone holds a hash.
        let visible = match state.store.photo_ref(&sha256).await? {
            Some(photo) => caller.sees_any(&photo.ports),
            None => true,
        };
        let held = visible
            && state
                .blobs
                .complete_size(&sha256)
                .await
                .map_err(ApiError::internal)?
                .is_some();
        if !held && !missing.contains(&sha256) {
            missing.push(sha256);
        }
    }
    Ok(Json(PhotoMissing { missing }))
}

/// A photo's path parameter, as the document states it.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct PhotoPath {
    /// SHA-256 of the original, 64 lower-case hex digits.
    #[param(pattern = "^[0-9a-f]{64}$")]
    pub sha256: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadParams {
    /// Where this chunk starts: must equal the bytes the server holds (`received`).
    pub offset: u64,
}

/// Upload one chunk of an original. Resumable: the offset must be what the server holds.
#[utoipa::path(
    put,
    path = "/v1/photos/{sha256}",
    tag = "photos",
    security(("bearer" = [])),
    params(PhotoPath, UploadParams),
    request_body(content = String, content_type = "application/octet-stream", description = "The chunk's raw bytes, at most PHOTO_CHUNK_BYTES"),
    responses(
        (status = 200, description = "Where the upload stands (complete once the hash checked)", body = UploadStatus),
        (status = 400, description = "Bad hash, or a chunk past the photo's size", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No accepted event of a case of the caller's ports references the photo (another port's photo is answered so too)", body = ErrorBody),
        (status = 409, description = "offset_mismatch: resume from the received count (this device's own upload: each device uploads on its own)", body = ErrorBody),
        (status = 413, description = "Chunk or photo too large", body = ErrorBody),
        (status = 422, description = "hash_mismatch: the upload was discarded", body = ErrorBody),
        (status = 507, description = "The unfinished uploads of the account's devices would hold over MAX_IN_PROGRESS_BYTES (1 GiB): finish one first", body = ErrorBody),
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    Path(sha256): Path<String>,
    Query(params): Query<UploadParams>,
    chunk: Result<Bytes, BytesRejection>,
) -> Result<Json<UploadStatus>, ApiError> {
    let photo = visible_ref(&state, &caller, &sha256).await?;
    let chunk = chunk.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(format!(
                "a chunk is at most {PHOTO_CHUNK_BYTES} bytes: cut the photo into smaller chunks"
            ))
        } else {
            ApiError::invalid(rejection.body_text())
        }
    })?;
    if photo.size > MAX_PHOTO_BYTES {
        return Err(ApiError::too_large(format!(
            "photo {sha256} is {} bytes, over the {MAX_PHOTO_BYTES} the server takes",
            photo.size
        )));
    }
    let status = |received: u64, complete: bool| UploadStatus {
        sha256: sha256.clone(),
        received,
        complete,
    };
    let chunk_len = chunk.len() as u64;
    // The quota is the account's: one more device enrolled is no more room.
    let quota = crate::blobs::Quota {
        devices: state.store.devices_of(&caller.account.username).await?,
        bytes: state.upload_quota_bytes,
    };
    let appended = state
        .blobs
        .append(
            &sha256,
            caller.device_id,
            quota,
            params.offset,
            chunk,
            photo.size,
        )
        .await
        .map_err(ApiError::internal)?;
    match appended {
        Appended::Complete => return Ok(Json(status(photo.size, true))),
        Appended::OffsetMismatch { received } => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::OffsetMismatch,
                format!(
                    "the server holds {received} bytes of photo {sha256}, so the next chunk starts \
                     at offset {received}, not {}: resume from {received}",
                    params.offset
                ),
            ))
        }
        Appended::OverQuota { in_progress } => {
            return Err(ApiError::new(
                StatusCode::INSUFFICIENT_STORAGE,
                ErrorCode::TooLarge,
                format!(
                    "the unfinished uploads of this account's devices hold {in_progress} bytes; \
                     the server keeps at most {} for an account: finish (or drop) an upload before \
                     starting another; one that makes no progress for a day is removed",
                    state.upload_quota_bytes
                ),
            ))
        }
        Appended::PastSize { .. } => {
            return Err(ApiError::invalid(format!(
                "the chunk would end at byte {}, past the file's size of {} bytes named by its \
                 photo_attached or document_attached event: send only the file's own bytes",
                params.offset + chunk_len,
                photo.size
            )))
        }
        Appended::Written { received } => {
            #[cfg(feature = "test-support")]
            state.faults.after_upload_bytes(chunk_len);
            if received < photo.size {
                return Ok(Json(status(received, false)));
            }
        }
    }
    match state
        .blobs
        .finish(&sha256, caller.device_id, photo.size)
        .await
        .map_err(ApiError::internal)?
    {
        Finished::Complete => Ok(Json(status(photo.size, true))),
        Finished::Incomplete { received } => Ok(Json(status(received, false))),
        Finished::HashMismatch { actual } => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::HashMismatch,
            format!(
                "the {} bytes received hash to {actual}, not {sha256}: the upload was discarded; \
                 send the original again from offset 0",
                photo.size
            ),
        )),
    }
}

/// Where the upload of an original stands.
#[utoipa::path(
    get,
    path = "/v1/photos/{sha256}/upload",
    tag = "photos",
    security(("bearer" = [])),
    params(PhotoPath),
    responses(
        (status = 200, body = UploadStatus),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No accepted event of a case of the caller's ports references the photo", body = ErrorBody),
    )
)]
pub async fn upload_status(
    State(state): State<AppState>,
    caller: Caller,
    Path(sha256): Path<String>,
) -> Result<Json<UploadStatus>, ApiError> {
    let photo = visible_ref(&state, &caller, &sha256).await?;
    let complete = state
        .blobs
        .complete_size(&sha256)
        .await
        .map_err(ApiError::internal)?
        .is_some();
    let received = if complete {
        photo.size
    } else {
        state
            .blobs
            .received(&sha256, Some(caller.device_id))
            .await
            .map_err(ApiError::internal)?
    };
    if !complete && received >= photo.size {
        // Every byte arrived but the hash check never ran (the request was dropped or the
        // process died between the last chunk and `finish`): no chunk is left to send, so finish
        // here, or the upload could never complete.
        let (received, complete) = match state
            .blobs
            .finish(&sha256, caller.device_id, photo.size)
            .await
            .map_err(ApiError::internal)?
        {
            Finished::Complete => (photo.size, true),
            Finished::Incomplete { received } => (received, false),
            // Discarded: the device sends it again from offset 0. Bytes that arrived whole and
            // hash wrong are worth an operator's look (a disk, or a client, at fault).
            Finished::HashMismatch { actual } => {
                tracing::warn!(
                    "photo {sha256}: the {} bytes received hash to {actual}; discarded, to be sent again",
                    photo.size
                );
                (0, false)
            }
        };
        return Ok(Json(UploadStatus {
            sha256,
            received,
            complete,
        }));
    }
    Ok(Json(UploadStatus {
        sha256,
        received,
        complete,
    }))
}

/// Download an original; `Range: bytes=N-` (or `bytes=N-M`) resumes from byte N with 206.
#[utoipa::path(
    get,
    path = "/v1/photos/{sha256}",
    tag = "photos",
    security(("bearer" = [])),
    params(
        PhotoPath,
        ("Range" = Option<String>, Header, description = "bytes=N- to resume from byte N"),
    ),
    responses(
        (status = 200, description = "The original's bytes", content_type = "application/octet-stream", body = String),
        (status = 206, description = "The bytes from the range's start", content_type = "application/octet-stream", body = String),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 404, description = "Not referenced by a case of the caller's ports (another port's photo is answered so too), or not uploaded yet", body = ErrorBody),
        (status = 416, description = "The range starts past the end", body = ErrorBody),
    )
)]
pub async fn download(
    State(state): State<AppState>,
    caller: Caller,
    Path(sha256): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    visible_ref(&state, &caller, &sha256).await?;
    let range = match headers.get(header::RANGE) {
        Some(value) => Some(parse_range(value.to_str().unwrap_or_default())?),
        None => None,
    };
    let from = range.map_or(0, |(start, _)| start);
    let Some((size, reader)) = state
        .blobs
        .read(&sha256, from)
        .await
        .map_err(ApiError::internal)?
    else {
        return Err(ApiError::not_found(format!(
            "the server does not hold photo {sha256} yet: the device that attached it has not \
             finished uploading it; try again later"
        )));
    };
    let Some((start, end)) = range else {
        let body = Body::from_stream(ReaderStream::new(reader));
        return Ok((
            [
                (header::CONTENT_TYPE, "application/octet-stream".to_string()),
                (header::CONTENT_LENGTH, size.to_string()),
                (header::ACCEPT_RANGES, "bytes".to_string()),
            ],
            body,
        )
            .into_response());
    };
    if start >= size {
        let mut error = ApiError::new(
            StatusCode::RANGE_NOT_SATISFIABLE,
            ErrorCode::InvalidRequest,
            format!("the range starts at byte {start}, but photo {sha256} has {size} bytes"),
        )
        .into_response();
        error.headers_mut().insert(
            header::CONTENT_RANGE,
            format!("bytes */{size}").parse().expect("a valid header"),
        );
        return Ok(error);
    }
    let last = end.map_or(size - 1, |e| e.min(size - 1));
    let length = last - start + 1;
    let body = Body::from_stream(ReaderStream::new(tokio::io::AsyncReadExt::take(
        reader, length,
    )));
    Ok((
        StatusCode::PARTIAL_CONTENT,
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_string()),
            (header::CONTENT_LENGTH, length.to_string()),
            (
                header::CONTENT_RANGE,
                format!("bytes {start}-{last}/{size}"),
            ),
            (header::ACCEPT_RANGES, "bytes".to_string()),
        ],
        body,
    )
        .into_response())
}

/// `bytes=N-` or `bytes=N-M` (one range; the protocol needs no more).
pub fn parse_range(text: &str) -> Result<(u64, Option<u64>), ApiError> {
    let invalid = || {
        ApiError::invalid(format!(
            "Range {text:?} is not one the server serves: send bytes=N- to resume from byte N"
        ))
    };
    let spec = text.trim().strip_prefix("bytes=").ok_or_else(invalid)?;
    let (start, end) = spec.split_once('-').ok_or_else(invalid)?;
    let start: u64 = start.trim().parse().map_err(|_| invalid())?;
    let end = match end.trim() {
        "" => None,
        end => {
            let end: u64 = end.parse().map_err(|_| invalid())?;
            if end < start {
                return Err(invalid());
            }
            Some(end)
        }
    };
    Ok((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_from_a_byte_on_are_read_and_others_named() {
        assert_eq!(parse_range("bytes=100-").unwrap(), (100, None));
        assert_eq!(parse_range("bytes=0-9").unwrap(), (0, Some(9)));
        for bad in ["bytes=-5", "items=0-", "bytes=9-3", "bytes=0-1,5-6"] {
            assert!(parse_range(bad).unwrap_err().message.contains("bytes=N-"));
        }
    }
}
