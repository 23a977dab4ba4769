//! The desktop app. All behaviour lives in `quayside-api`; this file finds the data directory,
//! opens the API, forwards the UI's calls to it, and does what only the desktop can: the native
//! Save dialog for exports, the Open dialog for photos and "Show in folder". The dialogs are
//! opened from here, never by the web view, so the window's capabilities grant no dialog, file or
//! opener permission at all, and no path on the disk crosses into the web view.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod camera;
mod originals;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use quayside_api::{
    Api, ApiError, AttachResult, AttachedDocument, DocumentType, ErrorCode, ExportedFile, Message,
    PickedPhoto,
};
use tauri::Manager;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// The API, or why it could not be opened (shown by the UI instead of a crash).
struct AppState(Result<Api, ApiError>);

/// The one command the UI calls. A JSON body is `{command, args}`; a raw body is a file's bytes
/// (a dropped photo, an analyser CSV), with the command and its JSON arguments in headers, so it crosses
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

/// Where exports go once written: to a folder an administrator fixed (`--export-dir`,
/// `QUAYSIDE_EXPORT_DIR`), or wherever the person chooses in the Save dialog.
struct Exports {
    /// Exports stay in the folder fixed at start; no dialog.
    fixed: bool,
    /// Where the Save dialog opens first: the folder last saved to, else "Quayside exports" in
    /// the person's documents.
    folder: Mutex<Option<PathBuf>>,
    /// Files saved in this run: the only ones "Show in folder" shows, so the web view cannot
    /// have any path on the disk revealed.
    saved: Mutex<HashSet<PathBuf>>,
}

/// Run an export (`command` is one of the API's `export_*`), then ask where to save it in the
/// system's Save dialog. The file moves there whole; a cancelled dialog removes it and answers
/// `null`. With a fixed exports folder the file stays where it was written.
#[tauri::command]
async fn save_export(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    exports: tauri::State<'_, Exports>,
    command: String,
    args: serde_json::Value,
) -> Result<Option<ExportedFile>, ApiError> {
    let api = state.0.as_ref().map_err(Clone::clone)?;
    if !command.starts_with("export_") {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            Message::new("error.malformed_request")
                .text("detail", format!("{command} is no export")),
        ));
    }
    let written: ExportedFile =
        serde_json::from_value(api.dispatch(&command, args)?).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                Message::new("error.malformed_request").text("detail", e.to_string()),
            )
        })?;
    let remember = |path: &Path| {
        exports.saved.lock().unwrap().insert(path.to_path_buf());
    };
    if exports.fixed {
        remember(Path::new(&written.path));
        return Ok(Some(written));
    }
    let name = Path::new(&written.path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut dialog = app
        .dialog()
        .file()
        .set_file_name(&name)
        .add_filter(ext.to_uppercase(), &[ext.as_str()]);
    if let Some(folder) = exports.folder.lock().unwrap().clone() {
        dialog = dialog.set_directory(folder);
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok());
    let Some(destination) = chosen else {
        api.discard_export(&written)?;
        return Ok(None);
    };
    let saved = api.save_export_as(&written, &destination)?;
    remember(&destination);
    *exports.folder.lock().unwrap() = destination.parent().map(Path::to_path_buf);
    Ok(Some(saved))
}

/// Show a file saved in this run in the system's file manager, selected.
#[tauri::command]
fn show_in_folder(
    app: tauri::AppHandle,
    exports: tauri::State<'_, Exports>,
    path: String,
) -> Result<(), ApiError> {
    let path = PathBuf::from(path);
    if !exports.saved.lock().unwrap().contains(&path) {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            Message::new("error.malformed_request")
                .text("detail", "only a file saved in this run is shown"),
        ));
    }
    app.opener().reveal_item_in_dir(&path).map_err(|e| {
        ApiError::new(
            ErrorCode::DesktopUnavailable,
            Message::new("error.cannot_show_folder")
                .text("path", path.display().to_string())
                .text("detail", e.to_string()),
        )
    })
}

/// Files picked in the Open dialog and not attached yet, by the token the web view holds.
struct Picks {
    files: Mutex<HashMap<String, PathBuf>>,
    /// Where the Open dialog opens: the folder last picked from, else the person's pictures.
    folder: Mutex<Option<PathBuf>>,
}

/// The extensions the vault takes, as the Open dialog's filter.
const PHOTO_EXTENSIONS: [&str; 16] = [
    "jpg", "jpeg", "png", "heic", "heif", "tif", "tiff", "webp", "JPG", "JPEG", "PNG", "HEIC",
    "HEIF", "TIF", "TIFF", "WEBP",
];

/// The extensions the vault takes as shipping documents, as the Open dialog's filter.
const DOCUMENT_EXTENSIONS: [&str; 12] = [
    "pdf", "jpg", "jpeg", "png", "tif", "tiff", "PDF", "JPG", "JPEG", "PNG", "TIF", "TIFF",
];

/// Ask for photos in the system's Open dialog (`title` and `filter` in the person's language).
/// Answers a name, size and token per file, in the order picked; nothing when cancelled.
#[tauri::command]
async fn pick_photos(
    app: tauri::AppHandle,
    picks: tauri::State<'_, Picks>,
    title: String,
    filter: String,
) -> Result<Vec<PickedPhoto>, ApiError> {
    Ok(pick(&app, &picks, title, filter, &PHOTO_EXTENSIONS).await)
}

/// Ask for shipping documents (PDFs and scans) in the system's Open dialog, as `pick_photos`.
#[tauri::command]
async fn pick_documents(
    app: tauri::AppHandle,
    picks: tauri::State<'_, Picks>,
    title: String,
    filter: String,
) -> Result<Vec<PickedPhoto>, ApiError> {
    Ok(pick(&app, &picks, title, filter, &DOCUMENT_EXTENSIONS).await)
}

/// The Open dialog, filtered to `extensions`: a token per file picked, never its path.
async fn pick(
    app: &tauri::AppHandle,
    picks: &Picks,
    title: String,
    filter: String,
    extensions: &[&str],
) -> Vec<PickedPhoto> {
    let chosen = match test_picks() {
        Some(paths) => paths,
        None => {
            let mut dialog = app
                .dialog()
                .file()
                .set_title(title)
                .add_filter(filter, extensions);
            if let Some(folder) = picks.folder.lock().unwrap().clone() {
                dialog = dialog.set_directory(folder);
            }
            if let Some(window) = app.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_files())
                .await
                .ok()
                .flatten()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| p.into_path().ok())
                .collect()
        }
    };
    if let Some(folder) = chosen.first().and_then(|p| p.parent()) {
        *picks.folder.lock().unwrap() = Some(folder.to_path_buf());
    }
    let mut files = picks.files.lock().unwrap();
    chosen
        .into_iter()
        .map(|path| {
            // 122 random bits from the system: no page can guess another pick's token.
            let token = uuid::Uuid::new_v4().simple().to_string();
            let picked = PickedPhoto {
                token: token.clone(),
                file_name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                size: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
            };
            files.insert(token, path);
            picked
        })
        .collect()
}

/// Attach one picked file to a case; its token is spent either way.
#[tauri::command]
async fn attach_picked_photo(
    state: tauri::State<'_, AppState>,
    picks: tauri::State<'_, Picks>,
    case_id: String,
    token: String,
) -> Result<AttachResult, ApiError> {
    let api = state.0.as_ref().map_err(Clone::clone)?;
    let (case_id, path) = spend_pick(&picks, &case_id, &token)?;
    api.attach_photo_file(case_id, &path)
}

/// Attach one picked file to a case as a shipping document of `document_type`, with the number
/// printed on it; its token is spent either way.
#[tauri::command]
async fn attach_picked_document(
    state: tauri::State<'_, AppState>,
    picks: tauri::State<'_, Picks>,
    case_id: String,
    token: String,
    document_type: DocumentType,
    number: String,
) -> Result<AttachedDocument, ApiError> {
    let api = state.0.as_ref().map_err(Clone::clone)?;
    let (case_id, path) = spend_pick(&picks, &case_id, &token)?;
    api.attach_document_file(case_id, &path, document_type, &number)
}

/// The path picked under `token` (removed, so a token is spent once) and the case id read.
fn spend_pick(
    picks: &Picks,
    case_id: &str,
    token: &str,
) -> Result<(uuid::Uuid, PathBuf), ApiError> {
    let bad = |detail: &str| {
        ApiError::new(
            ErrorCode::InvalidRequest,
            Message::new("error.malformed_request").text("detail", detail.to_string()),
        )
    };
    let path = picks
        .files
        .lock()
        .unwrap()
        .remove(token)
        .ok_or_else(|| bad("no file was picked under this token"))?;
    let case_id = case_id
        .parse::<uuid::Uuid>()
        .map_err(|_| bad("the case id is no UUID"))?;
    Ok((case_id, path))
}

/// The end-to-end tests' stand-in for the person at the Open dialog, in debug builds only: the
/// file `--test-picks FILE` names lists the paths to answer with, one per line. Release builds
/// always ask the person.
fn test_picks() -> Option<Vec<PathBuf>> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let mut args = std::env::args().skip(1);
    let file = loop {
        if args.next()? == "--test-picks" {
            break args.next()?;
        }
    };
    let list = std::fs::read_to_string(file).ok()?;
    Some(
        list.lines()
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect(),
    )
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

/// `--export-dir PATH`, then `QUAYSIDE_EXPORT_DIR`: a folder every export is written to, without
/// a Save dialog (a kiosk set up by an administrator; the end-to-end tests). Without either, the
/// API writes to `exports/` in the data folder and the Save dialog moves the file on.
fn fixed_export_dir() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--export-dir" {
            return args.next().map(PathBuf::from);
        }
    }
    std::env::var_os("QUAYSIDE_EXPORT_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

/// The fonts PDF exports are set in, shipped beside the app (`bundle.resources` in
/// tauri.conf.json): in the resource folder of an installed app, beside the binary in a build.
fn font_dir(app: &tauri::App) -> Option<PathBuf> {
    app.path().resource_dir().ok().map(|d| d.join("fonts"))
}

fn main() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .register_asynchronous_uri_scheme_protocol(originals::SCHEME, originals::serve)
        .setup(|app| {
            let state = data_dir(app).and_then(|dir| Api::open(&dir));
            let fixed = fixed_export_dir();
            app.manage(Exports {
                fixed: fixed.is_some(),
                folder: Mutex::new(app.path().document_dir().ok()),
                saved: Mutex::new(HashSet::new()),
            });
            app.manage(Picks {
                files: Mutex::new(HashMap::new()),
                folder: Mutex::new(app.path().picture_dir().ok()),
            });
            match &state {
                Ok(api) => {
                    if let Some(dir) = fixed {
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
            if let Some(window) = app.get_webview_window("main") {
                camera::allow(&window);
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            api,
            save_export,
            show_in_folder,
            pick_photos,
            attach_picked_photo,
            pick_documents,
            attach_picked_document
        ])
        .run(tauri::generate_context!())
        .expect("the window system failed to start");
}
