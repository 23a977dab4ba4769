//! Case-file bundles through the API on a real data folder, checked by the real `quayside-check`
//! binary as an examiner would, with no access to the folder or a server.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use quayside_api::{Api, ErrorCode};
use serde_json::{json, Value};

use crate::harness::{
    as_user, attach, call, checker, data_key, english_json, jpeg, keyed_connection, open,
    open_store, saved, setup_with_case,
};

/// A case with a container number, a note and a photo, in a fresh data folder.
fn case_with_photo() -> (tempfile::TempDir, Api, String, String) {
    let (dir, api, id) = setup_with_case();
    api.set_export_dir(dir.path().join("exports"));
    for (field, text) in [
        ("container_number", "MSCU 123456 6"),
        ("case_notes", "Solder paste declared; gallium ingots found"),
    ] {
        call(
            &api,
            "set_field",
            json!({"case_id": id, "item": null, "field": field, "text": text}),
        );
    }
    let photo = attach(&api, &id, "ingots.jpg", &jpeg(3)).unwrap();
    (dir, api, id, photo.sha256)
}

fn check(bundle: &Path) -> (Option<i32>, String) {
    let Output { status, stdout, .. } = Command::new(env!("CARGO_BIN_EXE_quayside-check"))
        .arg("--bundle")
        .arg(bundle)
        .output()
        .unwrap();
    (status.code(), String::from_utf8_lossy(&stdout).into_owned())
}

fn export(api: &Api, id: &str) -> (PathBuf, Value) {
    let file = call(api, "export_case_bundle", json!({"case_id": id}));
    (saved(api, &file), file)
}

#[test]
fn an_exported_bundle_verifies_offline_and_a_flipped_byte_is_named() {
    let (_dir, api, id, photo) = case_with_photo();
    let (path, file) = export(&api, &id);
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(file["bytes"], bytes.len());
    assert_eq!(
        file["sha256"].as_str().unwrap(),
        hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes))
    );

    // Checked elsewhere: a copy in another folder, the data folder out of reach.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("bundle.zip");
    std::fs::copy(&path, &copy).unwrap();
    let (code, out) = check(&copy);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("verified: case NLRTM-"), "{out}");
    assert!(out.contains("4 events from 1 devices, 1 photos"), "{out}");
    // Never synced: nothing shows the server received any of it, and the check says so.
    assert_eq!(
        out.matches("not yet received by the server").count(),
        4,
        "{out}"
    );

    // One byte of the note's text, inside its event's entry.
    let mut bad = bytes.clone();
    let at = bad.windows(11).position(|w| w == b"gallium ing").unwrap();
    bad[at + 3] ^= 0x20;
    std::fs::write(&copy, &bad).unwrap();
    let (code, out) = check(&copy);
    assert_eq!(code, Some(1), "{out}");
    let case = call(&api, "get_case", json!({"case_id": id}));
    let timeline = call(&api, "timeline", json!({"case_id": id}));
    let note_event = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e.to_string().contains("gallium ingots"))
        .map(|e| e["event_id"].as_str().unwrap().to_string())
        .unwrap();
    assert!(
        out.contains(&note_event) && out.contains("damaged"),
        "{out}"
    );
    assert!(out.contains("FAILED"), "{out}");
    assert!(case["case"]["case_number"].is_string());

    // One byte of the photo.
    let mut bad = bytes.clone();
    let jpeg = jpeg(3);
    let at = bad.windows(64).position(|w| w == &jpeg[200..264]).unwrap();
    bad[at + 10] ^= 0x01;
    std::fs::write(&copy, &bad).unwrap();
    let (code, out) = check(&copy);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(&format!("photo {photo}")), "{out}");
}

#[test]
fn a_second_bundle_does_not_replace_the_first() {
    let (_dir, api, id, _) = case_with_photo();
    let first = call(&api, "export_case_bundle", json!({"case_id": id}));
    let second = call(&api, "export_case_bundle", json!({"case_id": id}));
    assert_ne!(first["path"], second["path"]);
    for file in [first, second] {
        assert!(Path::new(file["path"].as_str().unwrap()).exists());
    }
}

#[test]
fn a_bundle_is_refused_while_a_photo_is_not_on_this_device() {
    let (dir, api, id, photo) = case_with_photo();
    let original = dir.path().join("vault").join(&photo[..2]).join(&photo);
    std::fs::remove_file(original).unwrap();
    let err = api
        .dispatch("export_case_bundle", json!({"case_id": id}))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Refused);
    assert!(
        err.message.contains("ingots.jpg") && err.message.contains("Sync"),
        "{}",
        err.message
    );
    let exports = dir.path().join("exports");
    let left: Vec<_> = std::fs::read_dir(&exports)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_store_that_never_synced_has_no_server_evidence_and_no_problems() {
    let (_dir, api, _id, _) = case_with_photo();
    let evidence = call(&api, "server_evidence", json!({}));
    assert_eq!(evidence["server_key"], Value::Null);
    assert_eq!(evidence["checkpoint"], Value::Null);
    assert_eq!(evidence["receipts"], 0);
    assert_eq!(evidence["unproven_events"], 0);
    assert_eq!(evidence["problems"], json!([]));
    assert_eq!(evidence["alerts"], json!([]));
}

#[test]
fn alerts_a_sync_kept_are_worded_by_their_kind_and_keep_their_english_for_logs() {
    let (dir, api, _id, _) = case_with_photo();
    let store = open_store(dir.path());
    let shrank = "the server's log shrank from 40 to 38 events since 2026-12-01 10:00 UTC";
    store
        .record_log_alert(quayside_sync::ALERT_LOG_INCONSISTENT, shrank)
        .unwrap();
    store
        .record_log_alert("moon_phase", "a kind from a newer version")
        .unwrap();
    drop(store);
    let alerts = call(&api, "server_evidence", json!({}))["alerts"].clone();
    let alerts = alerts.as_array().unwrap();
    assert_eq!(alerts.len(), 2, "{alerts:?}");
    assert_eq!(alerts[0]["text"]["key"], "alert.log_inconsistent");
    assert!(english_json(&alerts[0]["text"]).contains("report it to your supervisor"));
    assert_eq!(alerts[0]["message"], shrank);
    assert_eq!(alerts[1]["text"]["key"], "alert.other");
    assert_eq!(
        english_json(&alerts[1]["text"]),
        "a kind from a newer version"
    );
}

#[test]
fn the_check_command_says_how_to_call_it_and_refuses_what_is_not_a_bundle() {
    let bin = env!("CARGO_BIN_EXE_quayside-check");
    let out = Command::new(bin).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bundle"));
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.zip");
    std::fs::write(&junk, b"not a zip").unwrap();
    let out = Command::new(bin)
        .arg("--bundle")
        .arg(&junk)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a readable zip archive"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(bin)
        .args(["--bundle", "x.zip", "--server-key", "zz"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an ed25519 public key"));
}

fn check_folder(dir: &Path) -> (Option<i32>, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = checker().arg("--data-dir").arg(dir).output().unwrap();
    (
        status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&stdout),
            String::from_utf8_lossy(&stderr)
        ),
    )
}

#[test]
fn a_flipped_byte_in_the_database_file_is_named_by_its_event() {
    let (dir, api, id, _) = case_with_photo();
    let timeline = call(&api, "timeline", json!({"case_id": id}));
    let note_event = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e.to_string().contains("gallium ingots"))
        .map(|e| e["event_id"].as_str().unwrap().to_string())
        .unwrap();
    drop(api);
    let (code, out) = check_folder(dir.path());
    assert_eq!(code, Some(0), "{out}");

    // The note's text sits in the event's signed bytes (and in the projection, which is not
    // evidence): the event is named. The file is encrypted, so the forger holds the key.
    let db = keyed_connection(dir.path());
    db.execute_batch(
        "DROP TRIGGER events_are_never_updated;
         UPDATE events SET body = CAST(replace(CAST(body AS TEXT), 'Solder paste declared', 'Solder PASTE declared') AS BLOB)
          WHERE CAST(body AS TEXT) LIKE '%Solder paste declared%';",
    )
    .unwrap();
    assert!(db.changes() >= 1);
    drop(db);
    let (code, out) = check_folder(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("event {note_event}")) && out.contains("changed after it was signed"),
        "{out}"
    );
    // The evidence screen gets the same finding keyed, to word in the reader's language.
    let api = open(dir.path()).unwrap();
    let report = call(&api, "verify_log", json!({}));
    let named: Vec<&Value> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["event_id"] == note_event.as_str())
        .map(|p| &p["what"])
        .collect();
    // The stored hash no longer matches the bytes, and the signature no longer verifies.
    let keys: Vec<&str> = named.iter().map(|w| w["key"].as_str().unwrap()).collect();
    assert_eq!(
        keys,
        ["finding.stored_hash_mismatch", "finding.bad_signature"],
        "{report:#}"
    );
    assert!(english_json(named[1]).contains("changed after it was signed"));
}

#[test]
fn a_damaged_page_of_the_database_file_is_named() {
    let (dir, api, _id, _) = case_with_photo();
    drop(api);
    // Encrypted pages carry a MAC: one flipped byte in a page is found, and the page named. The
    // page is the log's (read to verify it), not the schema's (read to open the file at all).
    let root: i64 = keyed_connection(dir.path())
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'events'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let db = dir.path().join("quayside.sqlite3");
    let page_size = 4096;
    let mut bytes = std::fs::read(&db).unwrap();
    let page = root as usize - 1;
    bytes[page * page_size + 100] ^= 0x01;
    std::fs::write(&db, bytes).unwrap();
    let (code, out) = check_folder(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("the database file is damaged: ")
            && out.contains(&format!("page {}", page + 1)),
        "{out}"
    );
}

#[test]
fn a_bundle_exported_by_a_device_that_wrote_nothing_in_the_case_verifies() {
    let (dir, api, id, photo) = case_with_photo();
    drop(api);
    // A supervisor's device receives the case's events (and the photo) and exports the bundle.
    let (events, key) = {
        let store = open_store(dir.path());
        let device = store.device();
        (
            store.outgoing(0, 100).unwrap(),
            (device.id, device.key.verifying_key().to_bytes()),
        )
    };
    let other = tempfile::tempdir().unwrap();
    drop(open(other.path()).unwrap());
    {
        let mut store = open_store(other.path());
        store.add_device_key(key.0, key.1).unwrap();
        let batch: Vec<(Vec<u8>, [u8; 64])> = events
            .iter()
            .map(|e| (e.bytes.clone(), e.signature))
            .collect();
        assert_eq!(store.ingest(&batch).unwrap().inserted, 4);
    }
    let original =
        quayside_photos::Vault::open_read_only(dir.path(), data_key(dir.path()).file_key())
            .unwrap()
            .read_original(&photo)
            .unwrap();
    quayside_photos::Vault::open(other.path(), data_key(other.path()).file_key())
        .unwrap()
        .store_received(&photo, &original)
        .unwrap();
    let supervisor = open(other.path()).unwrap();
    supervisor.set_export_dir(other.path().join("exports"));
    as_user(&supervisor, "Sam Supervisor", "supervisor");
    let (path, _) = export(&supervisor, &id);
    let (code, out) = check(&path);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("4 events from 1 devices, 1 photos"), "{out}");
}

#[test]
fn a_bundle_carries_a_samples_handovers_as_it_carries_an_evidence_items() {
    let (dir, api, id) = setup_with_case();
    api.set_export_dir(dir.path().join("exports"));
    let view = call(
        &api,
        "add_item",
        json!({"case_id": id, "section": "samples"}),
    );
    let sample = view["case"]["items"][0]["id"].as_str().unwrap().to_string();
    call(
        &api,
        "set_field",
        json!({"case_id": id, "item": sample, "field": "sample_seal", "text": "SB-0042"}),
    );
    let view = call(
        &api,
        "record_custody",
        json!({"case_id": id, "item": sample, "from": "Ines Inspector",
               "to": "Customs laboratory", "place": "Laem Chabang", "at": "2026-11-27 16:00",
               "condition": "bag SB-0042 sealed"}),
    );
    let handover = view["case"]["custody"][0]["event_id"]
        .as_str()
        .unwrap()
        .to_string();
    let (path, _) = export(&api, &id);
    let (code, out) = check(&path);
    assert_eq!(code, Some(0), "{out}");
    // The handover as signed, naming the sample, beside the case's other events.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut signed = String::new();
    for n in 0..zip.len() {
        let mut entry = zip.by_index(n).unwrap();
        if entry.name().unwrap().contains(&handover) {
            std::io::Read::read_to_string(&mut entry, &mut signed).unwrap();
        }
    }
    assert!(signed.contains("custody_transferred"), "{signed}");
    assert!(signed.contains(&sample), "{signed}");
    assert!(signed.contains("Customs laboratory"), "{signed}");
}

#[test]
fn a_document_travels_in_the_bundle_and_a_swapped_byte_in_it_is_caught() {
    let (_dir, api, id, _photo) = case_with_photo();
    let pdf = quayside_testkit::fixtures::small_pdf("Export licence EL-5521");
    let attached = api
        .dispatch_with_bytes(
            "attach_document",
            json!({"case_id": id, "file_name": "licence.pdf", "document_type": "export_licence", "number": "EL-5521"}),
            &pdf,
        )
        .unwrap();
    let sha = attached["sha256"].as_str().unwrap().to_string();
    let (path, _) = export(&api, &id);
    let (code, out) = check(&path);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("1 photos, 1 documents"), "{out}");

    let mut bad = std::fs::read(&path).unwrap();
    let at = bad
        .windows(14)
        .position(|w| w == b"Export licence")
        .unwrap();
    bad[at] ^= 0x20;
    std::fs::write(&path, &bad).unwrap();
    let (code, out) = check(&path);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with(&format!("document {sha}")) && l.contains("damaged")),
        "{out}"
    );
}

#[test]
fn an_annotated_photo_is_drawn_in_the_bundle_and_a_changed_drawing_is_caught() {
    let (_dir, api, id, photo) = case_with_photo();
    for mark in [
        json!({"shape": "box", "from": {"x": 1000, "y": 1000}, "to": {"x": 4000, "y": 5000}}),
        json!({"shape": "text", "at": {"x": 500, "y": 8000}, "text": "gallium <ingots>"}),
    ] {
        call(
            &api,
            "annotate_photo",
            json!({"case_id": id, "sha256": photo, "mark": mark}),
        );
    }
    let (path, _) = export(&api, &id);
    let (code, out) = check(&path);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("1 photos, 0 documents, 1 annotated photo renderings"),
        "{out}"
    );

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut svg = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name(&format!("renderings/{photo}.svg")).unwrap(),
        &mut svg,
    )
    .unwrap();
    let (width, height) = image::load_from_memory(&jpeg(3))
        .unwrap()
        .to_rgb8()
        .dimensions();
    assert!(
        svg.contains(&format!("viewBox=\"0 0 {width} {height}\"")),
        "{svg}"
    );
    assert!(
        svg.contains(&format!("href=\"../photos/{photo}\"")),
        "{svg}"
    );
    assert_eq!(
        svg.matches("<polyline").count(),
        2,
        "a halo and a line: {svg}"
    );
    assert!(svg.contains("gallium &lt;ingots&gt;"), "{svg}");

    let mut bad = std::fs::read(&path).unwrap();
    let at = bad.windows(12).position(|w| w == b"gallium &lt;").unwrap();
    bad[at] = b'G';
    std::fs::write(&path, &bad).unwrap();
    let (code, out) = check(&path);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!("the rendering of photo {photo}")),
        "{out}"
    );
}
