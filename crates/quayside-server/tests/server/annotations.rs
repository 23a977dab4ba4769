//! Annotations travel: drawn on one device, synced through the server to a second, edited there,
//! synced back, and drawn in the second device's case-file PDF.

use std::process::Command;

use serde_json::{json, Value};

use crate::common::*;

fn sign_in(api: &quayside_api::Api, server: &str, device: &str) {
    api.dispatch(
        "sign_in",
        json!({"server": server, "username": "ines", "password": PASSWORD, "device_name": device}),
    )
    .unwrap();
}

fn sync(api: &quayside_api::Api) {
    let status = api.dispatch("sync_now", json!({})).unwrap();
    assert_eq!(status["last_error"], Value::Null, "{status}");
}

fn marks(api: &quayside_api::Api, case: &str) -> Vec<Value> {
    let view = api.dispatch("get_case", json!({"case_id": case})).unwrap();
    view["case"]["photos"][0]["annotations"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn an_annotation_drawn_on_one_device_is_edited_on_another_and_printed_there() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let (_laptop_dir, laptop) = app();
    let case = app_record_case(&laptop);
    let photo = quayside_testkit::fixtures::banded_jpeg(320, 240, [120, 120, 120]);
    let attached = laptop
        .dispatch_with_bytes(
            "attach_photo",
            json!({"case_id": case, "file_name": "drum-3.jpg"}),
            &photo,
        )
        .unwrap();
    let sha = attached["sha256"].as_str().unwrap().to_string();
    for mark in [
        json!({"shape": "arrow", "from": {"x": 9000, "y": 9000}, "to": {"x": 5000, "y": 5000}}),
        json!({"shape": "text", "at": {"x": 800, "y": 1000}, "text": "powder under false floor"}),
    ] {
        laptop
            .dispatch(
                "annotate_photo",
                json!({"case_id": case, "sha256": sha, "mark": mark}),
            )
            .unwrap();
    }
    sign_in(&laptop, &server.url, "laptop 3");
    sync(&laptop);

    let (tablet_dir, tablet) = app();
    sign_in(&tablet, &server.url, "tablet 7");
    sync(&tablet);
    let drawn = marks(&laptop, &case);
    assert_eq!(
        marks(&tablet, &case),
        drawn,
        "the same marks, ids and authors"
    );
    let text_id = drawn[1]["id"].as_str().unwrap();
    tablet
        .dispatch(
            "annotate_photo",
            json!({"case_id": case, "sha256": sha, "annotation": text_id,
                   "mark": {"shape": "text", "at": {"x": 800, "y": 1000}, "text": "antimony under false floor"}}),
        )
        .unwrap();
    sync(&tablet);
    sync(&laptop);
    let edited = marks(&laptop, &case);
    assert_eq!(edited.len(), 2);
    assert_eq!(
        edited[1]["id"], text_id,
        "edited under its id, not drawn anew"
    );
    assert_eq!(edited[1]["mark"]["text"], "antimony under false floor");
    assert_eq!(edited, marks(&tablet, &case));

    let file = tablet
        .dispatch("export_case_pdf", json!({"case_id": case}))
        .unwrap();
    // Out of its sealed waiting place, in clear, as the Save dialog leaves it.
    let written: quayside_api::ExportedFile = serde_json::from_value(file).unwrap();
    let pdf = tablet_dir.path().join("case.pdf");
    tablet.save_export_as(&written, &pdf).unwrap();
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("antimony under false floor"), "{text}");
    assert!(!text.contains("powder under false floor"), "{text}");
    assert!(text.contains("1. Arrow"), "{text}");
}
