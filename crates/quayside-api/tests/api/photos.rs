//! Photos through the API: the vault and the log together, on a real data folder.

use std::path::Path;
use std::process::Command;

use quayside_api::{Api, ErrorCode};
use serde_json::{json, Value};

use crate::harness::{
    attach, checker, english, english_json, jpeg, open, open_store, png, setup_with_case,
};

fn case(api: &Api, id: &str) -> Value {
    api.dispatch("get_case", json!({"case_id": id})).unwrap()
}

pub(crate) fn vault_files(dir: &Path) -> usize {
    fn count(p: &Path) -> usize {
        std::fs::read_dir(p)
            .map(|rd| {
                rd.map(|e| e.unwrap().path())
                    .map(|p| {
                        if p.is_dir() {
                            if p.ends_with("tmp") {
                                0
                            } else {
                                count(&p)
                            }
                        } else {
                            // The vault's key check is not a photo.
                            usize::from(p.file_name().is_none_or(|n| n != "key-check"))
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    count(&dir.join("vault"))
}

#[test]
fn photos_attach_once_per_case_and_are_stored_once() {
    let (dir, api, id) = setup_with_case();
    let first = attach(&api, &id, "IMG_0001.jpg", &jpeg(1)).unwrap();
    assert_eq!(first.status, "attached");
    let second = attach(&api, &id, "scan.png", &png()).unwrap();
    assert_eq!(second.status, "attached");
    let again = attach(&api, &id, "IMG_0001 copy.jpg", &jpeg(1)).unwrap();
    assert_eq!(again.status, "already_attached");
    assert_eq!(again.sha256, first.sha256);

    let view = case(&api, &id);
    assert_eq!(view["case"]["photos"].as_array().unwrap().len(), 2);
    assert_eq!(view["case"]["photos"][0]["file_name"], "IMG_0001.jpg");
    assert_eq!(view["case"]["photos"][1]["media_type"], "image/png");
    assert_eq!(
        view["case"]["event_count"], 3,
        "the duplicate recorded nothing"
    );

    // The same bytes in another case: a second reference, still one original.
    let other = api.dispatch("open_case", json!({"port": "THLCH"})).unwrap();
    let other_id = other["case"]["id"].as_str().unwrap();
    assert_eq!(
        attach(&api, other_id, "IMG_0001.jpg", &jpeg(1))
            .unwrap()
            .status,
        "attached"
    );
    assert_eq!(vault_files(dir.path()), 2);

    let timeline = api.dispatch("timeline", json!({"case_id": id})).unwrap();
    let text = timeline.to_string();
    assert!(
        text.contains(r#"{"named":{"key":"change.photo","name":"IMG_0001.jpg"}}"#)
            && text.contains(&first.sha256),
        "{text}"
    );
}

#[test]
fn an_import_note_crosses_as_a_keyed_message() {
    let (_dir, api, id) = setup_with_case();
    // A plain import says nothing more than "attached".
    assert!(attach(&api, &id, "IMG_0001.jpg", &jpeg(1))
        .unwrap()
        .notes
        .is_empty());
    // A PNG named .jpg is stored as PNG, and the note says so in the reader's words.
    let renamed = attach(&api, &id, "screenshot.jpg", &png()).unwrap();
    assert_eq!(renamed.notes.len(), 1);
    let note = &renamed.notes[0];
    assert_eq!(note["key"], "notice.import_renamed");
    assert_eq!(note["args"]["extension"]["value"], "jpg");
    assert_eq!(note["args"]["format"]["value"], "PNG");
    assert_eq!(
        english_json(note),
        "named .jpg but is a PNG image: stored as PNG"
    );
}

#[test]
fn a_bad_file_is_refused_by_name_and_nothing_is_written() {
    let (dir, api, id) = setup_with_case();
    let mut truncated = jpeg(2);
    truncated.truncate(truncated.len() / 2);
    for (name, bytes, expect) in [
        (
            "notes.jpg",
            b"these are inspection notes, not a photo".to_vec(),
            "not",
        ),
        ("half.jpg", truncated, "half.jpg"),
        ("empty.png", Vec::new(), "empty.png"),
    ] {
        let err = attach(&api, &id, name, &bytes).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{name}");
        assert!(err.message.contains(expect), "{name}: {}", err.message);
    }
    assert_eq!(case(&api, &id)["case"]["event_count"], 1);
    assert_eq!(vault_files(dir.path()), 0);
    // The rest of a batch still imports.
    assert_eq!(
        attach(&api, &id, "ok.jpg", &jpeg(3)).unwrap().status,
        "attached"
    );
}

#[test]
fn file_names_lose_their_folders() {
    let (_dir, api, id) = setup_with_case();
    let r = attach(&api, &id, "../../etc/seal 7.jpg", &jpeg(4)).unwrap();
    assert_eq!(r.file_name, "seal 7.jpg");
}

#[test]
fn captions_change_through_events_and_exclusion_keeps_the_photo() {
    let (_dir, api, id) = setup_with_case();
    let r = attach(&api, &id, "mannequin.jpg", &jpeg(5)).unwrap();
    let view = api
        .dispatch(
            "set_photo_caption",
            json!({"case_id": id, "sha256": r.sha256, "text": "Cut-open mannequin"}),
        )
        .unwrap();
    assert_eq!(view["case"]["photos"][0]["caption"], "Cut-open mannequin");
    let err = api
        .dispatch(
            "exclude_photo",
            json!({"case_id": id, "sha256": r.sha256, "reason": " "}),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let view = api
        .dispatch(
            "exclude_photo",
            json!({"case_id": id, "sha256": r.sha256, "reason": "wrong unit"}),
        )
        .unwrap();
    assert_eq!(view["case"]["photos"][0]["excluded"], "wrong unit");
    let err = api
        .dispatch(
            "set_photo_caption",
            json!({"case_id": id, "sha256": "zz", "text": "x"}),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidRequest);

    let thumb = api
        .dispatch(
            "photo_image",
            json!({"sha256": r.sha256, "size": "thumbnail"}),
        )
        .unwrap();
    assert!(thumb["data_url"]
        .as_str()
        .unwrap()
        .starts_with("data:image/jpeg;base64,"));
    let err = api
        .dispatch(
            "photo_image",
            json!({"sha256": "../../etc/passwd", "size": "preview"}),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidRequest);
}

#[test]
fn a_withdrawn_case_takes_no_photos() {
    let (_dir, api, id) = setup_with_case();
    api.dispatch(
        "set_status",
        json!({"case_id": id, "status": "withdrawn", "reason": "duplicate"}),
    )
    .unwrap();
    let err = attach(&api, &id, "a.jpg", &jpeg(6)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Refused);
}

/// Make a stored original writable again (originals are read-only) and change it.
fn tamper(dir: &Path, sha256: &str) {
    let path = dir.join("vault").join(&sha256[..2]).join(sha256);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&path, perms).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 3;
    bytes[last] ^= 0xff;
    std::fs::write(&path, bytes).unwrap();
}

#[test]
fn the_vault_check_names_each_altered_or_missing_photo_by_case() {
    let (dir, api, id) = setup_with_case();
    let a = attach(&api, &id, "seal.jpg", &jpeg(7)).unwrap();
    let b = attach(&api, &id, "tiles.png", &png()).unwrap();
    let report = api.vault_report().unwrap();
    assert_eq!((report.photos_checked, report.problems.len()), (2, 0));

    tamper(dir.path(), &a.sha256);
    std::fs::remove_file(
        dir.path()
            .join("vault")
            .join(&b.sha256[..2])
            .join(&b.sha256),
    )
    .unwrap();
    let report = api.vault_report().unwrap();
    assert_eq!(report.problems.len(), 2);
    let case_number = case(&api, &id)["case"]["case_number"]
        .as_str()
        .unwrap()
        .to_string();
    let seal = report
        .problems
        .iter()
        .find(|p| p.file_name == "seal.jpg")
        .unwrap();
    assert!(
        english(&seal.problem).contains("altered"),
        "{:?}",
        seal.problem
    );
    assert_eq!(seal.case_number, case_number);
    let tiles = report
        .problems
        .iter()
        .find(|p| p.file_name == "tiles.png")
        .unwrap();
    assert!(
        english(&tiles.problem).contains("missing"),
        "{:?}",
        tiles.problem
    );
}

/// A photo another device attached arrives by sync before its original does: the check counts it
/// as not fetched yet, not as a missing original; this device's own photo missing still fails.
#[test]
fn another_devices_photo_not_fetched_yet_is_no_failure() {
    let (dir, api, id) = setup_with_case();
    let own = attach(&api, &id, "seal.jpg", &jpeg(7)).unwrap();
    drop(api);
    let author = open_store(dir.path());
    let events: Vec<(Vec<u8>, [u8; 64])> = author
        .outgoing(0, 100)
        .unwrap()
        .into_iter()
        .map(|e| (e.bytes, e.signature))
        .collect();
    let (device, key) = (
        author.device().id,
        author.device().key.verifying_key().to_bytes(),
    );
    drop(author);

    let other = tempfile::tempdir().unwrap();
    let mut store = quayside_store::Store::open(other.path()).unwrap();
    store.add_device_key(device, key).unwrap();
    store.ingest(&events).unwrap();
    drop(store);
    let api = open(other.path()).unwrap();
    let report = api.vault_report().unwrap();
    assert_eq!(report.photos_checked, 1);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.not_fetched.len(), 1);
    assert_eq!(report.not_fetched[0].sha256, own.sha256);
    assert!(english(&report.not_fetched[0].problem).contains("not fetched yet"));

    std::fs::remove_file(
        dir.path()
            .join("vault")
            .join(&own.sha256[..2])
            .join(&own.sha256),
    )
    .unwrap();
    let api = open(dir.path()).unwrap();
    let report = api.vault_report().unwrap();
    assert!(report.not_fetched.is_empty());
    assert_eq!(report.problems.len(), 1, "its own original is missing");
    assert!(english(&report.problems[0].problem).contains("missing from the vault"));
}

#[test]
fn the_check_command_verifies_a_data_folder_and_names_failures() {
    let bin = env!("CARGO_BIN_EXE_quayside-check");
    let (dir, api, id) = setup_with_case();
    let a = attach(&api, &id, "seal.jpg", &jpeg(8)).unwrap();
    drop(api);

    let ok = checker()
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{out}");
    assert!(
        out.contains("verified: 2 events, from 1 device; 1 photo"),
        "{out}"
    );

    tamper(dir.path(), &a.sha256);
    let bad = checker()
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&bad.stdout);
    assert_eq!(bad.status.code(), Some(1), "{out}");
    assert!(
        out.contains("photo seal.jpg of case NLRTM-") && out.contains("altered"),
        "{out}"
    );

    // A copy without the device key, with a write in flight in vault/tmp: still checked, untouched.
    let copy = tempfile::tempdir().unwrap();
    for file in ["quayside.sqlite3", "keys.json"] {
        std::fs::copy(dir.path().join(file), copy.path().join(file)).unwrap();
    }
    let original = dir
        .path()
        .join("vault")
        .join(&a.sha256[..2])
        .join(&a.sha256);
    std::fs::create_dir_all(copy.path().join("vault").join(&a.sha256[..2])).unwrap();
    std::fs::create_dir_all(copy.path().join("vault/tmp")).unwrap();
    std::fs::copy(
        &original,
        copy.path()
            .join("vault")
            .join(&a.sha256[..2])
            .join(&a.sha256),
    )
    .unwrap();
    // The vault's key check travels with the copy: without it, a copy whose only original is
    // damaged could not be told from one opened with another key.
    std::fs::copy(
        dir.path().join("vault/key-check"),
        copy.path().join("vault/key-check"),
    )
    .unwrap();
    std::fs::write(copy.path().join("vault/tmp/in-flight.part"), b"half").unwrap();
    let checked = checker()
        .arg("--data-dir")
        .arg(copy.path())
        .output()
        .unwrap();
    assert_eq!(
        checked.status.code(),
        Some(1),
        "the tampered copy still fails: {}",
        String::from_utf8_lossy(&checked.stderr)
    );
    assert!(
        copy.path().join("vault/tmp/in-flight.part").exists(),
        "nothing cleaned up"
    );
    assert!(!copy.path().join("device.key").exists(), "no key made");

    let usage = Command::new(bin).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let none = Command::new(bin)
        .arg("--data-dir")
        .arg(empty.path())
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no case database"));
}

#[test]
fn the_original_is_shown_only_while_it_matches_its_hash() {
    let (dir, api, id) = setup_with_case();
    let r = attach(&api, &id, "tiles.png", &png()).unwrap();
    let original = api
        .dispatch(
            "photo_image",
            json!({"sha256": r.sha256, "size": "original"}),
        )
        .unwrap();
    let url = original["data_url"].as_str().unwrap();
    assert!(url.starts_with("data:image/png;base64,"), "{}", &url[..40]);
    tamper(dir.path(), &r.sha256);
    let err = api
        .dispatch(
            "photo_image",
            json!({"sha256": r.sha256, "size": "original"}),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(
        err.message.contains("altered") || err.message.contains("changed"),
        "{}",
        err.message
    );
}

#[test]
fn a_vault_that_cannot_store_the_file_records_nothing() {
    let (dir, api, id) = setup_with_case();
    let bytes = jpeg(9);
    let sha = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&bytes))
    };
    // The fan-out folder the original needs is taken by a file: the write cannot complete.
    std::fs::write(dir.path().join("vault").join(&sha[..2]), b"in the way").unwrap();
    let err = attach(&api, &id, "blocked.jpg", &bytes).unwrap_err();
    assert!(
        err.message.contains("blocked.jpg") || err.message.contains(&sha[..2]),
        "{}",
        err.message
    );
    assert_eq!(
        case(&api, &id)["case"]["event_count"],
        1,
        "no event for a photo that is not stored"
    );
    assert_eq!(api.vault_report().unwrap().photos_checked, 0);
}

#[test]
fn a_photo_larger_than_any_other_request_attaches_and_bytes_sent_to_another_command_are_refused() {
    let (dir, api, id) = setup_with_case();
    // Noise does not compress: a PNG well over the limit of every other command's arguments.
    let noise = image::RgbImage::from_fn(200, 200, |x, y| {
        let n = (x * 7919 + y * 104_729) ^ (x * y);
        image::Rgb([n as u8, (n >> 8) as u8, (n >> 3) as u8])
    });
    let mut big = std::io::Cursor::new(Vec::new());
    noise.write_to(&mut big, image::ImageFormat::Png).unwrap();
    let big = big.into_inner();
    assert!(big.len() > quayside_api::MAX_REQUEST_BYTES, "{}", big.len());
    assert_eq!(
        attach(&api, &id, "noise.png", &big).unwrap().status,
        "attached"
    );

    let before = vault_files(dir.path());
    // A file sent with a command that reads none is refused, not dropped silently.
    let err = api
        .dispatch_with_bytes("get_case", json!({"case_id": id}), &big)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidRequest, "{err:?}");
    assert!(err.message.contains("get_case takes no file"), "{err:?}");
    // Arguments that name no file are refused before anything is stored.
    let err = api
        .dispatch_with_bytes("attach_photo", json!({"case_id": id}), &big)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidRequest, "{err:?}");
    assert_eq!(vault_files(dir.path()), before);
    assert_eq!(
        case(&api, &id)["case"]["photos"].as_array().unwrap().len(),
        1
    );
}

#[test]
fn a_photo_picked_from_disk_attaches_by_its_name_and_a_bad_pick_is_refused_before_it_is_read() {
    let (dir, api, id) = setup_with_case();
    let id = uuid::Uuid::parse_str(&id).unwrap();
    let picked = tempfile::tempdir().unwrap();
    let photo = picked.path().join("IMG_2041.jpg");
    std::fs::write(&photo, jpeg(7)).unwrap();
    let attached = api.attach_photo_file(id, &photo).unwrap();
    assert_eq!(attached.file_name, "IMG_2041.jpg");
    let view = case(&api, &id.to_string());
    assert_eq!(view["case"]["photos"][0]["file_name"], "IMG_2041.jpg");
    assert_eq!(
        view["case"]["photos"][0]["sha256"],
        attached.sha256.as_str()
    );

    // Over the limit by its size alone: a sparse file, so nothing is read or held in memory.
    let huge = picked.path().join("video.jpg");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(quayside_photos::MAX_PHOTO_BYTES + 1)
        .unwrap();
    let err = api.attach_photo_file(id, &huge).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.message.contains("video.jpg") && err.message.contains("100 MB"),
        "{}",
        err.message
    );

    // A folder, and a file gone since it was picked: each named, with what to do.
    for (path, why) in [
        (picked.path().join("DCIM"), "not a file"),
        (picked.path().join("gone.jpg"), "No such file"),
    ] {
        if path.ends_with("DCIM") {
            std::fs::create_dir(&path).unwrap();
        }
        let err = api.attach_photo_file(id, &path).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            err.message.contains(&name)
                && err.message.contains(why)
                && err.message.contains("Nothing was stored"),
            "{}",
            err.message
        );
    }
    assert_eq!(case(&api, &id.to_string())["case"]["event_count"], 2);
    assert_eq!(vault_files(dir.path()), 1);
}

#[test]
fn a_16_bit_xray_is_shown_as_a_rendering_through_its_window_and_says_so() {
    use std::io::Cursor;
    let (_dir, api, id) = setup_with_case();
    let xray = image::ImageBuffer::from_fn(400, 300, |x, _| image::Luma([400u16 + x as u16 * 8]));
    let mut tiff = Cursor::new(Vec::new());
    image::DynamicImage::ImageLuma16(xray)
        .write_to(&mut tiff, image::ImageFormat::Tiff)
        .unwrap();
    let r = attach(&api, &id, "scan-0412.tiff", &tiff.into_inner()).unwrap();
    assert_eq!(r.notes, Vec::<Value>::new());
    let view = case(&api, &id);
    assert_eq!(view["case"]["photos"][0]["media_type"], "image/tiff");
    let shown = api
        .dispatch(
            "photo_image",
            json!({"sha256": r.sha256, "size": "original"}),
        )
        .unwrap();
    assert!(shown["data_url"]
        .as_str()
        .unwrap()
        .starts_with("data:image/jpeg;base64,"));
    assert_eq!(shown["note"]["key"], "notice.shown_as_rendering");

    // The window: its own to start with, then as the person sets it.
    let auto = api
        .dispatch("photo_windowed", json!({"sha256": r.sha256}))
        .unwrap();
    assert!(auto["data_url"]
        .as_str()
        .unwrap()
        .starts_with("data:image/jpeg;base64,"));
    assert_eq!(auto["low"], auto["auto_low"]);
    let chosen = api
        .dispatch(
            "photo_windowed",
            json!({"sha256": r.sha256, "low": 500, "high": 900}),
        )
        .unwrap();
    assert_eq!(
        (chosen["low"].as_u64(), chosen["high"].as_u64()),
        (Some(500), Some(900))
    );
    assert_eq!(chosen["auto_low"], auto["auto_low"]);
    assert_ne!(chosen["data_url"], auto["data_url"]);
    for bad in [json!({"low": 900, "high": 500}), json!({"low": 500})] {
        let mut args = bad.clone();
        args["sha256"] = json!(r.sha256);
        let err = api.dispatch("photo_windowed", args).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidRequest, "{bad}");
    }
    // A camera's JPEG has no window.
    let photo = attach(&api, &id, "door.jpg", &jpeg(21)).unwrap();
    let none = api
        .dispatch("photo_windowed", json!({"sha256": photo.sha256}))
        .unwrap();
    assert_eq!(none, Value::Null);
}

#[test]
fn a_photo_taken_with_the_camera_is_recorded_as_taken_here_and_an_imported_one_is_not() {
    let (_dir, api, id) = setup_with_case();
    let info = api.dispatch("app_info", json!({})).unwrap();
    let taken = api
        .dispatch_with_bytes(
            "attach_photo",
            json!({"case_id": id, "file_name": "camera-1.jpg",
                   "capture": {"camera": "Rear camera", "shot": 1, "latitude": 13.08, "longitude": 100.88}}),
            &jpeg(11),
        )
        .unwrap();
    assert_eq!(taken["status"], "attached");
    attach(&api, &id, "IMG_0002.jpg", &jpeg(12)).unwrap();
    let photos = case(&api, &id)["case"]["photos"].clone();
    let captured = &photos[0]["captured"];
    assert_eq!(captured["device"], info["device_id"]);
    assert_eq!(captured["device_short_id"], info["device_short_id"]);
    assert_eq!(captured["camera"], "Rear camera");
    assert_eq!(captured["shot"], 1);
    assert_eq!(captured["latitude"], 13.08);
    assert!(captured["captured_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        photos[1]["captured"],
        Value::Null,
        "imported, not taken here"
    );

    // What the camera screen sends is checked: nothing is attached when it is wrong.
    for capture in [
        json!({"latitude": 91.0, "longitude": 0.0}),
        json!({"latitude": 10.0}),
        json!({"shot": 0}),
        json!({"shot": 1000}),
    ] {
        let err = api
            .dispatch_with_bytes(
                "attach_photo",
                json!({"case_id": id, "file_name": "camera-2.jpg", "capture": capture}),
                &jpeg(13),
            )
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidRequest, "{capture}");
    }
    assert_eq!(
        case(&api, &id)["case"]["photos"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn codes_are_read_from_a_camera_frame_and_a_frame_that_is_not_an_image_is_refused() {
    use std::io::Cursor;
    let (_dir, api, _id) = setup_with_case();
    let code = qrcode::QrCode::new(b"CN1234567").unwrap();
    let side = code.width() as u32;
    let colors = code.to_colors();
    let frame = image::ImageBuffer::from_fn((side + 8) * 6, (side + 8) * 6, |x, y| {
        let (cx, cy) = (x / 6, y / 6);
        let dark = cx >= 4
            && cy >= 4
            && cx < side + 4
            && cy < side + 4
            && colors[((cy - 4) * side + cx - 4) as usize] == qrcode::Color::Dark;
        image::Luma([if dark { 0u8 } else { 255 }])
    });
    let mut png = Cursor::new(Vec::new());
    image::DynamicImage::ImageLuma8(frame)
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let texts = api
        .dispatch_with_bytes("read_codes", json!({}), &png.into_inner())
        .unwrap();
    assert_eq!(texts, json!(["CN1234567"]));
    let err = api
        .dispatch_with_bytes("read_codes", json!({}), b"not a frame")
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
}
