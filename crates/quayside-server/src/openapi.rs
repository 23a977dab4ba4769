//! The OpenAPI document's fixed part: its title, description and the bearer security scheme. The
//! routes add their own paths and schemas to it (`routes::api`), so the document and the routes
//! cannot drift; `routes::meta` serves the result. This module depends on no other of the crate.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::OpenApi;
use utoipa::{Modify, OpenApi as _};

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Quayside sync server",
        description = "Push a device's signed events, pull others', upload and download photo \
                       originals and shipping documents (files by hash, alike). Every error answers ErrorBody { code, message }. The server is \
                       language-neutral: a client words each ErrorCode, and each RefusalCode of \
                       an event it set aside, in its person's language; message and reason are \
                       English, for logs and operators."
    ),
    modifiers(&BearerToken),
    components(schemas(quayside_protocol::ErrorCode, quayside_protocol::RefusalCode))
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

/// The document before any route is added.
pub(crate) fn base() -> OpenApi {
    Base::openapi()
}
