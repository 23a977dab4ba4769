//! What every test module uses: the testkit's API harness (calls made exactly as the UI makes
//! them, through `Api::dispatch`), and the two small images these tests attach.

pub use quayside_testkit::api::*;
use quayside_testkit::fixtures::{gradient_jpeg, rgb_png};

/// A small real JPEG; each seed gives other bytes.
pub fn jpeg(seed: u8) -> Vec<u8> {
    gradient_jpeg(96, 64, seed)
}

/// A small real PNG.
pub fn png() -> Vec<u8> {
    rgb_png(40, 30)
}

/// `quayside-check`, with the first person's passphrase to open an encrypted data folder.
pub fn checker() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_quayside-check"));
    command.env("QUAYSIDE_PASSPHRASE", passphrase(FIRST_PERSON));
    command
}

/// A raw connection to a data folder's encrypted database, as someone holding its key would open it.
pub fn keyed_connection(dir: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(dir.join(quayside_store::DATABASE_FILE)).unwrap();
    conn.pragma_update(None, "key", data_key(dir).database_key().pragma_value())
        .unwrap();
    conn
}

/// A keyed message in English, checked: its key is in the catalogue, given every argument it uses.
pub fn english(message: &quayside_i18n::Message) -> String {
    quayside_i18n::Catalogue::english()
        .format_checked(message)
        .unwrap_or_else(|problem| panic!("{problem}"))
}

/// The same for a message in a command's answer (JSON).
pub fn english_json(message: &serde_json::Value) -> String {
    english(&serde_json::from_value(message.clone()).expect("a keyed message"))
}

/// An export as the Save dialog leaves it: out of the data folder (where it waits sealed) and in
/// clear, in `saved/` beside the data folder's own files; its path.
pub fn saved(api: &quayside_api::Api, file: &serde_json::Value) -> std::path::PathBuf {
    let written: quayside_api::ExportedFile = serde_json::from_value(file.clone()).unwrap();
    let waiting = std::path::Path::new(&written.path);
    let folder = waiting.parent().unwrap().parent().unwrap().join("saved");
    std::fs::create_dir_all(&folder).unwrap();
    let destination = folder.join(waiting.file_name().unwrap());
    api.save_export_as(&written, &destination).unwrap();
    destination
}
