//! The OpenAPI document, `GET /v1/openapi.json`. It is made by the router from the routes' own
//! annotations (utoipa-axum), so the document and the routes cannot drift.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::OpenApi;
use utoipa::{Modify, OpenApi as _};

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Quayside sync server",
        description = "Push a device's signed events, pull others', upload and download photo \
                       originals. Every error answers ErrorBody { code, message }."
    ),
    modifiers(&BearerToken),
    components(schemas(quayside_protocol::ErrorCode))
)]
struct Base;

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub(crate) fn base() -> OpenApi {
    Base::openapi()
}

/// The document of every route.
pub fn openapi() -> OpenApi {
    crate::routes::api().split_for_parts().1
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
    responses((status = 200, description = "The OpenAPI 3.1 document of this server", content_type = "application/json"))
)]
pub async fn document() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        DOCUMENT.as_str(),
    )
}
