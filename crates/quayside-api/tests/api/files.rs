//! Where an export ends up after the Save dialog: moved whole to the chosen path, or removed when
//! the dialog is cancelled; never a file that is not this app's export.

use std::path::Path;

use quayside_api::{ErrorCode, ExportedFile};
use serde_json::json;

use crate::harness::{call, setup_with_case};

fn exported(api: &quayside_api::Api, id: &str) -> ExportedFile {
    serde_json::from_value(call(api, "export_case_pdf", json!({"case_id": id}))).unwrap()
}

#[test]
fn a_saved_export_moves_to_the_chosen_path_whole_and_leaves_nothing_behind() {
    let (dir, api, id) = setup_with_case();
    let written = exported(&api, &id);
    let chosen_folder = tempfile::tempdir().unwrap();
    let chosen = chosen_folder.path().join("seizure for the prosecutor.pdf");
    // The person confirmed replacing an older file of that name in the dialog.
    std::fs::write(&chosen, b"an older file").unwrap();

    let saved = api.save_export_as(&written, &chosen).unwrap();

    assert_eq!(saved.path, chosen.display().to_string());
    assert_eq!(saved.sha256, written.sha256);
    let bytes = std::fs::read(&chosen).unwrap();
    assert_eq!(quayside_domain::event::body_hash(&bytes), written.sha256);
    assert!(
        !Path::new(&written.path).exists(),
        "the export stays in the exports folder"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("exports"))
        .unwrap()
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&chosen).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o600,
            "a saved export holding personal data is the owner's alone"
        );
    }
}

#[test]
fn a_cancelled_save_removes_the_export() {
    let (_dir, api, id) = setup_with_case();
    let written = exported(&api, &id);
    api.discard_export(&written).unwrap();
    assert!(!Path::new(&written.path).exists());
}

#[test]
fn only_a_file_of_the_exports_folder_is_moved_or_removed() {
    let (dir, api, id) = setup_with_case();
    let written = exported(&api, &id);
    // The store itself, dressed up as an export: neither moved nor removed.
    let store = dir.path().join("quayside.sqlite3");
    assert!(store.exists());
    let forged = ExportedFile {
        path: store.display().to_string(),
        ..written.clone()
    };
    let elsewhere = tempfile::tempdir().unwrap();
    let err = api
        .save_export_as(&forged, &elsewhere.path().join("stolen.sqlite3"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidRequest);
    assert_eq!(
        api.discard_export(&forged).unwrap_err().code,
        ErrorCode::InvalidRequest
    );
    // A path that climbs out of the folder is no export either.
    let climbing = ExportedFile {
        path: dir
            .path()
            .join("exports/../quayside.sqlite3")
            .display()
            .to_string(),
        ..written.clone()
    };
    assert_eq!(
        api.discard_export(&climbing).unwrap_err().code,
        ErrorCode::InvalidRequest
    );
    assert!(store.exists());
    assert!(Path::new(&written.path).exists());
}

#[test]
fn a_folder_that_cannot_be_written_says_so_and_keeps_the_export() {
    let (_dir, api, id) = setup_with_case();
    let written = exported(&api, &id);
    let missing = Path::new("/nonexistent-folder-for-a-test/case.pdf");
    let err = api.save_export_as(&written, missing).unwrap_err();
    assert_eq!(err.code, ErrorCode::StorageUnavailable);
    assert_eq!(err.text.key, "error.export_not_saved");
    assert!(
        Path::new(&written.path).exists(),
        "the export is kept to try again"
    );
}

#[test]
fn an_export_waiting_for_its_destination_is_sealed_and_one_a_crash_left_is_gone_at_the_next_unlock()
{
    let (dir, api, id) = setup_with_case();
    call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "declared_description", "text": "Gallium ingots for Zhuzhou"}),
    );
    let written = exported(&api, &id);
    let waiting = std::fs::read(&written.path).unwrap();
    assert!(quayside_keys::is_sealed(&waiting), "sealed while it waits");
    assert!(!waiting.starts_with(b"%PDF"));
    assert!(
        !waiting.windows(8).any(|w| w == b"Zhuzhou"),
        "no word of the case in the waiting file"
    );
    // Its size and fingerprint are the PDF's, which the chosen path gets in clear.
    let chosen_folder = tempfile::tempdir().unwrap();
    let chosen = chosen_folder.path().join("case.pdf");
    api.save_export_as(&written, &chosen).unwrap();
    let pdf = std::fs::read(&chosen).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(pdf.len() as u64, written.bytes);
    assert_eq!(quayside_domain::event::body_hash(&pdf), written.sha256);

    // The app dies with a Save dialog open: the sealed export stays until the next start.
    let left = exported(&api, &id);
    drop(api);
    assert!(Path::new(&left.path).exists());
    let _api = quayside_testkit::api::open(dir.path()).unwrap();
    let remaining: Vec<_> = std::fs::read_dir(dir.path().join("exports"))
        .unwrap()
        .collect();
    assert!(remaining.is_empty(), "left behind: {remaining:?}");
}
