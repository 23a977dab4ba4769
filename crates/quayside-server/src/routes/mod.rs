//! The HTTP routes, one module per concern. Every route is added through `OpenApiRouter::routes`,
//! so the OpenAPI document (`openapi.rs`) is made from the routes themselves.

pub mod admin;
pub mod checkpoint;
pub mod control_lists;
pub mod devices;
pub mod entities;
pub mod events;
pub mod meta;
pub mod photos;
pub mod revocation;
pub mod summaries;

use axum::extract::DefaultBodyLimit;
use quayside_protocol::PHOTO_CHUNK_BYTES;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{mark_compressed, refuse_oversized, BodyLimit};
use crate::rate_limit::{self, Limits};
use crate::AppState;

/// Every route of the protocol, documented; those answering without a token under `limits`.
pub fn api(limits: &Limits) -> OpenApiRouter<AppState> {
    let (schemas, paths, upload) = routes!(photos::upload, photos::download);
    let limit = BodyLimit {
        bytes: PHOTO_CHUNK_BYTES + photos::CHUNK_SLACK_BYTES,
        advice: "send the photo in smaller chunks (PHOTO_CHUNK_BYTES)",
    };
    let upload = upload.layer(DefaultBodyLimit::max(limit.bytes)).layer(
        axum::middleware::from_fn_with_state(limit, refuse_oversized),
    );
    // A push and a checkpoint request may come compressed (`SyncState::accepts_gzip`,
    // `accepts_zstd`): inflated as
    // the handler reads it, so the body limit (DefaultBodyLimit, outside) counts inflated bytes
    // and a bomb stops there.
    let (event_schemas, event_paths, events) = routes!(events::push_events, events::pull_events);
    let events = events
        .layer(
            tower_http::decompression::RequestDecompressionLayer::new()
                .gzip(true)
                .zstd(true),
        )
        .layer(axum::middleware::from_fn(mark_compressed));
    let (checkpoint_schemas, checkpoint_paths, checkpoints) =
        routes!(checkpoint::checkpoint_with_proofs);
    // The published checkpoint needs no token: limited per address like the other such routes.
    let (public_checkpoint_schemas, public_checkpoint_paths, public_checkpoint) =
        routes!(checkpoint::checkpoint);
    let public_checkpoint = public_checkpoint.layer(rate_limit::layer(limits));
    let checkpoints = checkpoints
        .layer(
            tower_http::decompression::RequestDecompressionLayer::new()
                .gzip(true)
                .zstd(true),
        )
        .layer(axum::middleware::from_fn(mark_compressed));
    let small = |bytes: usize| BodyLimit {
        bytes,
        advice: "this route takes a few hundred bytes at most",
    };
    let (sign_out_schemas, sign_out_paths, sign_out) = routes!(revocation::sign_out);
    let limit = small(revocation::SIGN_OUT_BODY_BYTES);
    let sign_out = sign_out.layer(DefaultBodyLimit::max(limit.bytes)).layer(
        axum::middleware::from_fn_with_state(limit, refuse_oversized),
    );
    let (wipe_schemas, wipe_paths, wipe) = routes!(revocation::wipe_confirmation);
    let limit = small(revocation::WIPE_CONFIRMATION_BODY_BYTES);
    let wipe = wipe
        .layer(DefaultBodyLimit::max(limit.bytes))
        .layer::<_, std::convert::Infallible>(axum::middleware::from_fn_with_state(
            limit,
            refuse_oversized,
        ))
        .layer(rate_limit::layer(limits));
    let (enroll_schemas, enroll_paths, enroll) = routes!(devices::enroll);
    let enroll = enroll.layer(rate_limit::layer(limits));
    let (document_schemas, document_paths, document) = routes!(meta::document);
    let document = document.layer(rate_limit::layer(limits));
    let (person_schemas, person_paths, person) = routes!(devices::link_person);
    let limit = small(devices::PERSON_BODY_BYTES);
    let person = person.layer(DefaultBodyLimit::max(limit.bytes)).layer(
        axum::middleware::from_fn_with_state(limit, refuse_oversized),
    );
    let (seen_schemas, seen_paths, seen) = routes!(entities::seen);
    let limit = BodyLimit {
        bytes: entities::SEEN_BODY_BYTES,
        advice: "ask about at most 200 entities at once",
    };
    let seen =
        seen.layer(DefaultBodyLimit::max(limit.bytes))
            .layer(axum::middleware::from_fn_with_state(
                limit,
                refuse_oversized,
            ));
    OpenApiRouter::with_openapi(crate::openapi::base())
        .routes((enroll_schemas, enroll_paths, enroll))
        .routes(routes!(devices::sync_state))
        .routes((person_schemas, person_paths, person))
        .routes(routes!(devices::enrollments))
        .routes(routes!(control_lists::control_lists))
        .routes((sign_out_schemas, sign_out_paths, sign_out))
        .routes((wipe_schemas, wipe_paths, wipe))
        .routes((event_schemas, event_paths, events))
        .routes((checkpoint_schemas, checkpoint_paths, checkpoints))
        .routes((
            public_checkpoint_schemas,
            public_checkpoint_paths,
            public_checkpoint,
        ))
        .routes(routes!(photos::missing))
        .routes((schemas, paths, upload))
        .routes(routes!(photos::upload_status))
        .routes(routes!(admin::quarantine))
        .routes((document_schemas, document_paths, document))
        .routes((seen_schemas, seen_paths, seen))
        .routes(routes!(summaries::summaries))
}
