//! The API harness: commands called exactly as the UI calls them (a name and JSON arguments)
//! on an `Api` over a fresh data folder.

use std::fmt::Display;

use quayside_api::{Api, ApiError};
use serde::Deserialize;
use serde_json::{json, Value};
use tempfile::TempDir;

/// Call `command`; its answer, or a panic naming the command and the error.
pub fn call(api: &Api, command: &str, args: Value) -> Value {
    api.dispatch(command, args)
        .unwrap_or_else(|e| panic!("{command}: {e:?}"))
}

/// Call `command`, which must fail; the error.
pub fn fails(api: &Api, command: &str, args: Value) -> ApiError {
    api.dispatch(command, args)
        .expect_err("the call should fail")
}

/// Call `command`; the error as text (`Code: message`) for a caller that reports it rather than
/// panicking (a child process telling its parent what failed).
pub fn try_call(api: &Api, command: &str, args: Value) -> Result<Value, String> {
    api.dispatch(command, args)
        .map_err(|e| format!("{:?}: {}", e.code, e.message))
}

/// An `Api` on a fresh data folder, nobody signed in. Keep the folder as long as the `Api`.
pub fn fresh() -> (TempDir, Api) {
    let dir = tempfile::tempdir().unwrap();
    let api = Api::open(dir.path()).unwrap();
    (dir, api)
}

/// Who the app says is at the keyboard from now on (`role`: "inspector" or "supervisor").
pub fn as_user(api: &Api, name: &str, role: &str) {
    call(api, "set_user", json!({"name": name, "role": role}));
}

/// Ines Inspector at the keyboard.
pub fn signed_in(api: &Api) {
    as_user(api, "Ines Inspector", "inspector");
}

/// An `Api` on a fresh data folder with Ines Inspector at the keyboard.
pub fn setup() -> (TempDir, Api) {
    let (dir, api) = fresh();
    signed_in(&api);
    (dir, api)
}

/// Open a case in `port` (as typed: "NLRTM", "nl rtm"); its id.
pub fn open_case(api: &Api, port: &str) -> String {
    let view = call(api, "open_case", json!({ "port": port }));
    case_id(&view)
}

/// The case id of a case view, as the commands answer one.
pub fn case_id(view: &Value) -> String {
    view["case"]["id"].as_str().unwrap().to_string()
}

/// An `Api` with Ines Inspector at the keyboard and one case open at Rotterdam, and its id.
pub fn setup_with_case() -> (TempDir, Api, String) {
    let (dir, api) = setup();
    let id = open_case(&api, "NLRTM");
    (dir, api, id)
}

/// The `attach_photo` answer, read back from its JSON.
#[derive(Debug, Deserialize)]
pub struct Attached {
    pub file_name: String,
    pub sha256: String,
    /// "attached" or "already_attached".
    pub status: String,
    pub note: Option<String>,
}

/// Attach a file to a case as the UI does: through `dispatch_with_bytes`, the bytes beside the
/// arguments.
pub fn attach(
    api: &Api,
    case_id: impl Display,
    file_name: &str,
    bytes: &[u8],
) -> Result<Attached, ApiError> {
    let args = json!({ "case_id": case_id.to_string(), "file_name": file_name });
    api.dispatch_with_bytes("attach_photo", args, bytes)
        .map(|v| serde_json::from_value(v).expect("an attach result"))
}
