//! The one error answer: `ErrorBody { code, message }` with a fitting status. Axum's own rejections
//! (bad JSON, wrong types, bodies over the limit, unknown routes, wrong methods) are turned into it
//! as well, so a client always reads one shape and acts on `code`.

use axum::body::Body;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use quayside_protocol::{ErrorBody, ErrorCode, MAX_BODY_BYTES};

use crate::storage::StoreError;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: ErrorCode,
    pub message: String,
    /// Seconds, sent as `Retry-After` (sign-in lockout).
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, ErrorCode::InvalidRequest, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized, message)
    }

    /// The device was revoked: 401 with its own code, so the client stops and wipes its keys.
    pub fn device_revoked(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, ErrorCode::DeviceRevoked, message)
    }

    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, message)
    }

    /// 503 with `Retry-After`: the server is at its limit for this work; the client waits.
    pub fn busy(retry_after: u64, message: impl Into<String>) -> ApiError {
        let mut error = ApiError::new(StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Busy, message);
        error.retry_after = Some(retry_after);
        error
    }

    pub fn too_large(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::TooLarge, message)
    }

    pub fn body_too_large() -> ApiError {
        ApiError::too_large(format!(
            "the body is larger than the server reads ({MAX_BODY_BYTES} bytes): send fewer events per push"
        ))
    }

    /// A failure of the server itself: logged in full, answered without internals.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        tracing::error!("request failed: {cause}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "something failed on the server (it is logged there); retry later",
        )
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::StaleCursor(message) => {
                ApiError::new(StatusCode::CONFLICT, ErrorCode::StaleCursor, message)
            }
            StoreError::Revoked(message) => ApiError::unauthorized(message),
            StoreError::NotFound(message) => ApiError::not_found(message),
            StoreError::Conflict(message) => {
                ApiError::new(StatusCode::CONFLICT, ErrorCode::InvalidRequest, message)
            }
            StoreError::Backend(_) => ApiError::internal(e),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code,
            message: self.message,
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// A request that came compressed (`Content-Encoding: gzip` or `zstd`; the decompression layer
/// removes the header), so a body that fails to read is named as one that does not inflate.
#[derive(Debug, Clone, Copy)]
pub struct Compressed(pub &'static str);

/// Middleware, outside the decompression layer: marks a compressed request with [`Compressed`].
/// Only a push carries a body: on a pull the header is dropped, ignored as on every other route.
pub async fn mark_compressed(mut request: Request, next: Next) -> Response {
    if request.method() != axum::http::Method::POST {
        request.headers_mut().remove(header::CONTENT_ENCODING);
    }
    let encoding = request
        .headers()
        .get(header::CONTENT_ENCODING)
        .and_then(|v| {
            ["gzip", "zstd"]
                .into_iter()
                .find(|name| v.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
        });
    if let Some(encoding) = encoding {
        request.extensions_mut().insert(Compressed(encoding));
    }
    next.run(request).await
}

/// `axum::Json` whose rejections answer with our `ErrorBody`, and which takes a JSON object only:
/// every request body of the protocol is one, and serde would otherwise read a struct from an
/// array of its fields in order (`[[]]` as a push of no events).
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let compressed = req.extensions().get::<Compressed>().map(|c| c.0);
        match axum::Json::<Object<T>>::from_request(req, state).await {
            Ok(axum::Json(Object(value))) => Ok(Json(value)),
            Err(JsonRejection::BytesRejection(e))
                if compressed.is_some() && e.status() != StatusCode::PAYLOAD_TOO_LARGE =>
            {
                let encoding = compressed.unwrap_or_default();
                Err(ApiError::invalid(format!(
                    "the body says Content-Encoding: {encoding} but does not inflate ({}): send \
                     it {encoding}-compressed whole, or uncompressed without that header",
                    e.body_text()
                )))
            }
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

/// A value read from a JSON object only.
struct Object<T>(T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Fields<T> {
            type Value = T;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer
            .deserialize_map(Fields(std::marker::PhantomData))
            .map(Object)
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

fn json_rejection(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::JsonDataError(e) => ApiError::invalid(format!(
            "the JSON does not have the shape this route takes ({}): see /v1/openapi.json",
            e.body_text()
        )),
        JsonRejection::JsonSyntaxError(e) => ApiError::invalid(format!(
            "the body is not valid JSON ({}): send one JSON document",
            e.body_text()
        )),
        JsonRejection::MissingJsonContentType(_) => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::InvalidRequest,
            "the body must be JSON: send it with Content-Type: application/json",
        ),
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ApiError::body_too_large(),
        other => ApiError::new(other.status(), ErrorCode::InvalidRequest, other.body_text()),
    }
}

/// Middleware: an error answer that is not an `ErrorBody` yet (axum's own: a path or query that does
/// not parse, a wrong method, a body over the limit) becomes one, keeping its status and its text.
pub async fn uniform_errors(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 16 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let (code, message) = match status {
        StatusCode::METHOD_NOT_ALLOWED => (
            ErrorCode::InvalidRequest,
            format!("{path} does not take {method}: see /v1/openapi.json"),
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (ErrorCode::TooLarge, ApiError::body_too_large().message),
        // The decompression layer's answer to an encoding it does not read (empty body).
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (
            ErrorCode::InvalidRequest,
            "the body's Content-Encoding is not one this route reads: send it compressed with \
             zstd or gzip (Content-Encoding: zstd or gzip) or uncompressed"
                .to_string(),
        ),
        StatusCode::UNAUTHORIZED => (ErrorCode::Unauthorized, text),
        StatusCode::FORBIDDEN => (ErrorCode::Forbidden, text),
        StatusCode::NOT_FOUND => (ErrorCode::NotFound, text),
        StatusCode::TOO_MANY_REQUESTS => (ErrorCode::TooManyAttempts, text),
        s if s.is_server_error() => (ErrorCode::Internal, text),
        _ => (ErrorCode::InvalidRequest, text),
    };
    let mut rebuilt = ApiError::new(status, code, message).into_response();
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            rebuilt.headers_mut().insert(name.clone(), value.clone());
        }
    }
    rebuilt
}

/// The largest body a route reads, and what to tell a client that sends more.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit {
    pub bytes: usize,
    pub advice: &'static str,
}

/// A body must arrive within this much time, plus a second for every `BODY_MIN_RATE` bytes: a
/// 4 MiB push gets over four minutes (a slow field link), a body trickled a byte at a time is cut
/// off instead of holding its connection and its memory.
pub const BODY_READ_BASE: std::time::Duration = std::time::Duration::from_secs(10);
pub const BODY_MIN_RATE: u64 = 16 * 1024;

/// The deadline of a body of `bytes` (at most: the route's limit when none is declared).
pub fn body_deadline(bytes: u64) -> std::time::Duration {
    BODY_READ_BASE + std::time::Duration::from_secs(bytes.div_ceil(BODY_MIN_RATE))
}

/// Middleware: the whole body is read before the handler runs, within `body_deadline`, and a
/// body declared over the route's limit is answered 413 at once, from its Content-Length, without
/// reading it; the connection is closed after the answer, so what the client sends on is not
/// read either. One sent without a length stops being read at the limit.
pub async fn refuse_oversized(
    State(limit): State<BodyLimit>,
    request: Request,
    next: Next,
) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(declared) = declared.filter(|n| *n > limit.bytes as u64) {
        let mut response = ApiError::too_large(format!(
            "the body is {declared} bytes, over the {} bytes this route reads: {}",
            limit.bytes, limit.advice
        ))
        .into_response();
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        return response;
    }
    let deadline = body_deadline(declared.unwrap_or(limit.bytes as u64));
    let (parts, body) = request.into_parts();
    match tokio::time::timeout(deadline, axum::body::to_bytes(body, limit.bytes)).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Ok(Err(_)) => ApiError::too_large(format!(
            "the body is over the {} bytes this route reads: {}",
            limit.bytes, limit.advice
        ))
        .into_response(),
        Err(_) => {
            let mut response = ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                ErrorCode::InvalidRequest,
                format!(
                    "the body did not arrive within {} s: send it at {} KiB/s or more, or in \
                     smaller requests",
                    deadline.as_secs(),
                    BODY_MIN_RATE / 1024
                ),
            )
            .into_response();
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            response
        }
    }
}

/// Answer for a path no route serves.
pub async fn no_route(request: Request<Body>) -> ApiError {
    ApiError::not_found(format!(
        "no route {} {}: the routes are listed in /v1/openapi.json",
        request.method(),
        request.uri().path()
    ))
}
