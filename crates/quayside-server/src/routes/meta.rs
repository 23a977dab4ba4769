//! The OpenAPI document of every route, and the route that serves it, `GET /v1/openapi.json`.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::OpenApi;

/// The document of every route.
pub fn openapi() -> OpenApi {
    super::api(&crate::rate_limit::per_minute(
        crate::rate_limit::DEFAULT_PER_MINUTE,
    ))
    .split_for_parts()
    .1
}

static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    openapi()
        .to_pretty_json()
        .expect("the OpenAPI document serializes")
});

/// This document.
#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    tag = "meta",
    responses(
        (status = 200, description = "The OpenAPI 3.1 document of this server", content_type = "application/json"),
        (status = 429, description = "More requests without a token from this client network (an IPv4 address, an IPv6 /64) than `serve --unauthenticated-per-minute` allows (60 a minute by default): wait Retry-After seconds (too_many_attempts)", body = quayside_protocol::ErrorBody),
    )
)]
pub async fn document() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        DOCUMENT.as_str(),
    )
}
