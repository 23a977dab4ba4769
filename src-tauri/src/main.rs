//! The desktop app. All behaviour lives in `quayside-api`; this file finds the data directory,
//! opens the API, and forwards the UI's calls to it.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;

use quayside_api::{Api, ApiError, ErrorCode, Message};
use tauri::Manager;

/// The API, or why it could not be opened (shown by the UI instead of a crash).
struct AppState(Result<Api, ApiError>);

/// The one command the UI calls. A JSON body is `{command, args}`; a raw body is a file's bytes
/// (`attach_photo`), with the command and its JSON arguments in headers, so a photo crosses
/// without base64. Either way it goes to `Api::dispatch_with_bytes`. Async so database work never
/// blocks the window's thread.
#[tauri::command]
async fn api(
    state: tauri::State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> Result<serde_json::Value, ApiError> {
    let api = state.0.as_ref().map_err(Clone::clone)?;
    let bad = |what: &str| {
        ApiError::new(
            ErrorCode::InvalidRequest,
            Message::new("error.malformed_request").text("detail", what),
        )
    };
    match request.body() {
        tauri::ipc::InvokeBody::Json(body) => {
            let command = body["command"]
                .as_str()
                .ok_or_else(|| bad("the request names no command"))?;
            api.dispatch(command, body["args"].clone())
        }
        tauri::ipc::InvokeBody::Raw(bytes) => {
            let header = |name: &str| {
                let value = request
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| bad(&format!("a file was sent without the header {name}")))?;
                // Headers carry ASCII only, so the UI sends them through encodeURIComponent.
                percent_encoding::percent_decode_str(value)
                    .decode_utf8()
                    .map(|v| v.into_owned())
                    .map_err(|_| bad(&format!("the header {name} is not UTF-8")))
            };
            let command = header("x-command")?;
            let args = serde_json::from_str(&header("x-args")?)
                .map_err(|e| bad(&format!("the header x-args is not JSON: {e}")))?;
            api.dispatch_with_bytes(&command, args, bytes)
        }
    }
}

/// `--data-dir PATH`, then `QUAYSIDE_DATA_DIR`, then the platform's app data directory.
fn data_dir(app: &tauri::App) -> Result<PathBuf, ApiError> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Ok(PathBuf::from(dir));
        }
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::StorageUnavailable,
                    Message::new("error.data_dir_argument"),
                )
            });
        }
    }
    if let Some(dir) = std::env::var_os("QUAYSIDE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    app.path().app_data_dir().map_err(|e| {
        ApiError::new(
            ErrorCode::StorageUnavailable,
            Message::new("error.no_data_folder").text("detail", e.to_string()),
        )
    })
}

/// `--idle-lock-seconds N`: lock after N seconds without use, whatever the setting says.
fn idle_lock_seconds() -> Option<u32> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--idle-lock-seconds" {
            return args.next().and_then(|n| n.parse().ok());
        }
    }
    None
}

/// `QUAYSIDE_EXPORT_DIR`, then "Quayside exports" in the person's documents folder; without
/// either, the API writes to `exports/` in the data folder.
fn export_dir(app: &tauri::App) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("QUAYSIDE_EXPORT_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    app.path()
        .document_dir()
        .ok()
        .map(|d| d.join("Quayside exports"))
}

/// The fonts PDF exports are set in, shipped beside the app (`bundle.resources` in
/// tauri.conf.json): in the resource folder of an installed app, beside the binary in a build.
fn font_dir(app: &tauri::App) -> Option<PathBuf> {
    app.path().resource_dir().ok().map(|d| d.join("fonts"))
}

fn main() {
    tauri::Builder::default()
        .setup(|app| {
            let state = data_dir(app).and_then(|dir| Api::open(&dir));
            match &state {
                Ok(api) => {
                    if let Some(dir) = export_dir(app) {
                        api.set_export_dir(dir);
                    }
                    if let Some(dir) = font_dir(app) {
                        api.set_font_dir(dir);
                    }
                    if let Some(seconds) = idle_lock_seconds() {
                        api.set_idle_lock_seconds(seconds);
                    }
                    api.start_sync(quayside_api::sync_timing())
                }
                Err(e) => eprintln!("quayside: {}", e.message),
            }
            app.manage(AppState(state));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![api])
        .run(tauri::generate_context!())
        .expect("the window system failed to start");
}
