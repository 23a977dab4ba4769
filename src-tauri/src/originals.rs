//! The `original:` protocol: the viewer's full-size photo streamed from the vault as bytes
//! (`original://localhost/<sha256>`; `http://original.localhost/<sha256>` on Windows), instead of a
//! base64 data URL over IPC, which made a 100 MB original slow and three times its size in memory.
//! The API reads it with its hash checked and behind the unlock gate; nothing is cached, and any
//! other path or a failure answers with an error status the viewer reports through the IPC path.

use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, UriSchemeContext, UriSchemeResponder};

use crate::AppState;

/// The scheme the web view asks with.
pub const SCHEME: &str = "original";

fn answer(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        // The original is evidence: never kept by the web view's cache.
        .header(header::CACHE_CONTROL, "no-store")
        .body(body)
        .expect("a status, two headers and a body always make a response")
}

/// Serve one request off the window's thread: reading and hashing 100 MB takes a moment.
pub fn serve<R: tauri::Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let sha256 = request.uri().path().trim_start_matches('/').to_string();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let response = match &state.0 {
            Ok(api) => match api.original_for_viewer(&sha256) {
                Ok((bytes, media_type)) => answer(StatusCode::OK, media_type, bytes),
                Err(e) => answer(
                    StatusCode::NOT_FOUND,
                    "text/plain; charset=utf-8",
                    e.message.into_bytes(),
                ),
            },
            Err(e) => answer(
                StatusCode::SERVICE_UNAVAILABLE,
                "text/plain; charset=utf-8",
                e.message.clone().into_bytes(),
            ),
        };
        responder.respond(response);
    });
}
