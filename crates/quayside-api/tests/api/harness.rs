//! What every test module uses: a fresh API on its own data folder, calls made exactly as the UI
//! makes them (a command name and JSON arguments through `Api::dispatch`), and image fixtures.

use std::fmt::Display;

use quayside_api::{Api, ApiError};
use serde::Deserialize;
use serde_json::{json, Value};

/// A call that must succeed; the panic names the command and the error.
pub fn call(api: &Api, command: &str, args: Value) -> Value {
    api.dispatch(command, args)
        .unwrap_or_else(|e| panic!("{command}: {e:?}"))
}

/// A call that must fail, and its error.
pub fn fails(api: &Api, command: &str, args: Value) -> ApiError {
    api.dispatch(command, args)
        .expect_err("the call should fail")
}

/// A fresh API in a fresh data folder; nobody has said who uses the device yet.
pub fn open() -> (tempfile::TempDir, Api) {
    let dir = tempfile::tempdir().unwrap();
    let api = Api::open(dir.path()).unwrap();
    (dir, api)
}

pub fn as_user(api: &Api, name: &str, role: &str) {
    call(api, "set_user", json!({"name": name, "role": role}));
}

/// The inspector most tests record as.
pub fn as_inspector(api: &Api) {
    as_user(api, "Ines Inspector", "inspector");
}

/// A fresh API with the inspector set.
pub fn setup() -> (tempfile::TempDir, Api) {
    let (dir, api) = open();
    as_inspector(&api);
    (dir, api)
}

/// A fresh API with the inspector set and one case open at Rotterdam, and that case's id.
pub fn setup_with_case() -> (tempfile::TempDir, Api, String) {
    let (dir, api) = setup();
    let id = new_case(&api, "NLRTM");
    (dir, api, id)
}

/// Open a case at `port` and answer its id.
pub fn new_case(api: &Api, port: &str) -> String {
    let view = call(api, "open_case", json!({"port": port}));
    view["case"]["id"].as_str().unwrap().to_string()
}

/// The `attach_photo` answer, read back from its JSON.
#[derive(Debug, Deserialize)]
pub struct Attached {
    pub file_name: String,
    pub sha256: String,
    /// "attached" or "already_attached".
    pub status: String,
    #[allow(dead_code)]
    pub note: Option<String>,
}

/// Attach a file to a case as the UI does: through `dispatch_with_bytes`, the bytes beside the arguments.
pub fn attach(
    api: &Api,
    case_id: impl Display,
    file_name: &str,
    bytes: &[u8],
) -> Result<Attached, ApiError> {
    let args = json!({
        "case_id": case_id.to_string(),
        "file_name": file_name,
    });
    api.dispatch_with_bytes("attach_photo", args, bytes)
        .map(|v| serde_json::from_value(v).expect("an attach result"))
}

/// A small real JPEG; each seed gives other bytes.
pub fn jpeg(seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(96, 64, |x, y| image::Rgb([x as u8 * 2, y as u8 * 3, seed]));
    encode(img, image::ImageFormat::Jpeg)
}

/// A small real PNG.
pub fn png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8, y as u8, 200]));
    encode(img, image::ImageFormat::Png)
}

fn encode(img: image::RgbImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}
