//! A bag label scanned into the search finds its case and entry; a misread or a bag of a case this
//! device does not hold says so.

use quayside_api::ErrorCode;
use quayside_domain::bag_labels::BagLabel;
use quayside_domain::fields::Section;
use serde_json::json;
use uuid::Uuid;

use crate::harness::{call, fails, fresh, open_case, signed_in};

#[test]
fn a_scanned_bag_label_finds_its_case_and_entry() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let case = open_case(&api, "CNSZX");
    call(
        &api,
        "add_item",
        json!({"case_id": case, "section": "samples"}),
    );
    let view = call(
        &api,
        "add_item",
        json!({"case_id": case, "section": "samples"}),
    );
    let second: Uuid = serde_json::from_value(view["case"]["items"][1]["id"].clone()).unwrap();
    let number = view["case"]["case_number"].as_str().unwrap().to_string();
    let label = BagLabel::of(&number, Section::Samples, second).text();

    // As a scanner types it: lower case or not, with its line ending.
    let found = call(
        &api,
        "find_bag_label",
        json!({"text": format!("{}\r\n", label.to_lowercase())}),
    );
    assert_eq!(found["case_id"], case);
    assert_eq!(found["item"], second.to_string());
    assert_eq!(found["section"], "samples");

    // One character misread: refused, saying what to do.
    let mut misread = label.clone().into_bytes();
    let at = misread.len() - 4;
    misread[at] = if misread[at] == b'7' { b'8' } else { b'7' };
    let err = fails(
        &api,
        "find_bag_label",
        json!({"text": String::from_utf8(misread).unwrap()}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.message.contains("Scan the code on the bag again"),
        "{}",
        err.message
    );
    // A seal number is not a label.
    assert_eq!(
        fails(&api, "find_bag_label", json!({"text": "CN1234567"})).code,
        ErrorCode::InvalidInput
    );
    // A bag of a case opened elsewhere.
    let elsewhere =
        BagLabel::of("THLCH-2026-AAAAAA-0001", Section::Evidence, Uuid::now_v7()).text();
    let err = fails(&api, "find_bag_label", json!({"text": elsewhere}));
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(
        err.message.contains("THLCH-2026-AAAAAA-0001"),
        "{}",
        err.message
    );
}
