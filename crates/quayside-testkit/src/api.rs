//! The API harness: commands called exactly as the UI calls them (a name and JSON arguments)
//! on an `Api` over a fresh data folder.

use std::fmt::Display;
use std::path::Path;

use quayside_api::{Api, ApiError, KdfCost};
use quayside_domain::event::Role;
use quayside_keys::{DataKey, KeySlots};
use quayside_store::{Clock, Store, SystemClock};
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

/// The passphrase every test person unlocks with: `<name> passphrase`.
pub fn passphrase(name: &str) -> String {
    format!("{name} passphrase")
}

/// Who sets a test device up.
pub const FIRST_PERSON: &str = "Ines Inspector";

/// An `Api` on `dir` as the app opens it (the repository's fonts for PDFs), but with the cheapest
/// key derivation (tests only) and `clock`: locked, or new.
pub fn open_locked(dir: &Path, clock: Box<dyn Clock>) -> Api {
    let api = Api::open_with(dir, clock, KdfCost::Minimal).unwrap();
    api.set_font_dir(crate::fonts::dir());
    api
}

/// An `Api` on `dir`, unlocked by Ines Inspector: the device is set up by her when new.
pub fn open_with_clock(dir: &Path, clock: Box<dyn Clock>) -> Result<Api, ApiError> {
    let api = Api::open_with(dir, clock, KdfCost::Minimal)?;
    api.set_font_dir(crate::fonts::dir());
    let state = api.dispatch("lock_state", json!({}))?;
    let args = json!({ "name": FIRST_PERSON, "passphrase": passphrase(FIRST_PERSON) });
    match state["phase"].as_str() {
        Some("locked") => {
            api.dispatch("unlock", json!({ "passphrase": passphrase(FIRST_PERSON) }))?
        }
        _ => api.dispatch("set_up", args)?,
    };
    Ok(api)
}

/// `open_with_clock` with the system clock.
pub fn open(dir: &Path) -> Result<Api, ApiError> {
    open_with_clock(dir, Box::new(SystemClock))
}

/// The store of a data folder the API made (encrypted), opened with Ines Inspector's passphrase.
pub fn open_store(dir: &Path) -> Store {
    let key = data_key(dir);
    Store::open_encrypted(dir, &key, Box::new(SystemClock)).unwrap()
}

/// The data key of a folder the API made, unwrapped with Ines Inspector's passphrase.
pub fn data_key(dir: &Path) -> DataKey {
    let mut slots = KeySlots::load(dir).unwrap();
    slots
        .unlock(&passphrase(FIRST_PERSON), std::time::SystemTime::now())
        .unwrap()
        .1
}

/// An `Api` on a fresh data folder, not set up yet. Keep the folder as long as the `Api`.
pub fn fresh() -> (TempDir, Api) {
    let dir = tempfile::tempdir().unwrap();
    let api = open_locked(dir.path(), Box::new(SystemClock));
    (dir, api)
}

/// `name` at the keyboard from now on, with `role` ("inspector", "supervisor", "admin"): a new
/// device is set up by them; someone new to the device is added; a role other than inspector is
/// granted as a server account would.
pub fn as_user(api: &Api, name: &str, role: &str) {
    let state = call(api, "lock_state", json!({}));
    let unlock = json!({ "passphrase": passphrase(name) });
    match state["phase"].as_str() {
        Some("new") => {
            call(
                api,
                "set_up",
                json!({ "name": name, "passphrase": passphrase(name) }),
            );
        }
        Some("unlocked") if state["person"] == name => {}
        Some("unlocked") => {
            // Refused when they are on this device already (their passphrase opens a slot).
            let _ = api.dispatch(
                "add_person",
                json!({ "name": name, "passphrase": passphrase(name) }),
            );
            call(api, "lock", json!({}));
            call(api, "unlock", unlock);
        }
        _ => {
            call(api, "unlock", unlock);
        }
    }
    let role: Role = serde_json::from_value(json!(role)).expect("a role");
    if role != Role::Inspector {
        api.test_grant_role(role).unwrap();
    }
}

/// Ines Inspector at the keyboard.
pub fn signed_in(api: &Api) {
    as_user(api, FIRST_PERSON, "inspector");
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

/// Submit a case for review as an inspector who read and acknowledged each open flag.
pub fn submit(api: &Api, case: &str) -> Value {
    let view = call(api, "get_case", json!({ "case_id": case }));
    let acknowledged: Vec<Value> = view["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| json!({"code": f["code"], "details": f["details"]}))
        .collect();
    call(
        api,
        "submit_case",
        json!({ "case_id": case, "acknowledged": acknowledged }),
    )
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
    /// The import's notes, as the keyed messages the UI words.
    pub notes: Vec<Value>,
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
