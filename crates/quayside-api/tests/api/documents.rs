//! Shipping documents through the API: checked and stored in the vault, then recorded with their
//! type and number; every refusal names the file, says what to do, and leaves nothing behind.

use quayside_api::{Api, ErrorCode};
use quayside_i18n::{Catalogue, Locale, Message};
use quayside_testkit::fixtures::small_pdf;
use serde_json::{json, Value};

use crate::harness::{english_json, jpeg, setup_with_case};
use crate::photos::vault_files;

fn attach(
    api: &Api,
    id: &str,
    file_name: &str,
    document_type: &str,
    number: &str,
    bytes: &[u8],
) -> Result<Value, quayside_api::ApiError> {
    api.dispatch_with_bytes(
        "attach_document",
        json!({"case_id": id, "file_name": file_name, "document_type": document_type, "number": number}),
        bytes,
    )
}

fn event_count(api: &Api, id: &str) -> u64 {
    api.dispatch("get_case", json!({"case_id": id})).unwrap()["case"]["event_count"]
        .as_u64()
        .unwrap()
}

#[test]
fn a_pdf_is_attached_with_its_type_and_number_and_listed_once() {
    let (dir, api, id) = setup_with_case();
    let pdf = small_pdf("Bill of lading MSCU1234567");
    let attached = attach(
        &api,
        &id,
        "BL MSCU1234567.pdf",
        "bill_of_lading",
        " MSCU1234567 ",
        &pdf,
    )
    .unwrap();
    assert_eq!(attached["already_attached"], false);
    let documents = &attached["case"]["case"]["documents"];
    assert_eq!(documents.as_array().unwrap().len(), 1);
    assert_eq!(documents[0]["file_name"], "BL MSCU1234567.pdf");
    assert_eq!(documents[0]["document_type"], "bill_of_lading");
    assert_eq!(documents[0]["number"], "MSCU1234567", "trimmed as any text");
    assert_eq!(documents[0]["media_type"], "application/pdf");
    assert_eq!(documents[0]["size"], pdf.len() as u64);
    assert_eq!(documents[0]["sha256"], attached["sha256"]);

    // A scan without a number; then the same PDF again records nothing.
    let scan = attach(&api, &id, "invoice.jpg", "commercial_invoice", "", &jpeg(3)).unwrap();
    assert_eq!(scan["case"]["case"]["documents"][1]["number"], Value::Null);
    assert_eq!(
        scan["case"]["case"]["documents"][1]["media_type"],
        "image/jpeg"
    );
    let before = event_count(&api, &id);
    let again = attach(&api, &id, "copy.pdf", "other", "", &pdf).unwrap();
    assert_eq!(again["already_attached"], true);
    assert_eq!(event_count(&api, &id), before);
    assert_eq!(vault_files(dir.path()), 2);

    let timeline = api.dispatch("timeline", json!({"case_id": id})).unwrap();
    let text = timeline.to_string();
    assert!(
        text.contains(r#"{"named":{"key":"change.document","name":"BL MSCU1234567.pdf"}}"#)
            && text.contains("change.document_attached_number")
            && text.contains("document_type.bill_of_lading")
            && text.contains(attached["sha256"].as_str().unwrap()),
        "{text}"
    );
}

/// A refusal: invalid input, a message in every language that names the file and says nothing
/// was stored, and neither the vault nor the log changed.
fn refused(api: &Api, dir: &std::path::Path, id: &str, file: &str, bytes: &[u8], says: &str) {
    let files = vault_files(dir);
    let events = event_count(api, id);
    let err = attach(api, id, file, "packing_list", "PL-7", bytes).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput, "{}", err.message);
    let text: Message = err.text.clone();
    for locale in [Locale::En, Locale::Es, Locale::Th, Locale::ZhCn] {
        Catalogue::get(locale)
            .format_checked(&text)
            .unwrap_or_else(|e| panic!("{locale:?}: {e}"));
    }
    let english = english_json(&serde_json::to_value(&text).unwrap());
    assert!(
        english.contains(file) && english.contains("Nothing was stored") && english.contains(says),
        "{english}"
    );
    assert_eq!(vault_files(dir), files, "nothing stored for {file}");
    assert_eq!(event_count(api, id), events, "nothing recorded for {file}");
}

#[test]
fn empty_foreign_cut_short_and_oversized_files_are_refused_with_nothing_written() {
    let (dir, api, id) = setup_with_case();
    refused(&api, dir.path(), &id, "empty.pdf", b"", "is empty");
    refused(
        &api,
        dir.path(),
        &id,
        "invoice.pdf",
        b"PK\x03\x04 a word processor file",
        "is not a PDF, JPEG, PNG or TIFF",
    );
    let pdf = small_pdf("Packing list");
    refused(
        &api,
        dir.path(),
        &id,
        "list.pdf",
        &pdf[..pdf.len() / 2],
        "cut short",
    );
    let mut huge = small_pdf("x");
    huge.resize(quayside_photos::MAX_DOCUMENT_BYTES as usize + 1, b' ');
    refused(
        &api,
        dir.path(),
        &id,
        "huge.pdf",
        &huge,
        "over the 25 MB limit",
    );
}

#[test]
fn a_bad_number_or_type_is_refused_before_the_file_is_stored() {
    let (dir, api, id) = setup_with_case();
    let pdf = small_pdf("Export licence");
    let err = attach(
        &api,
        &id,
        "licence.pdf",
        "export_licence",
        &"9".repeat(101),
        &pdf,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput, "{}", err.message);
    let err = attach(&api, &id, "licence.pdf", "passport", "", &pdf).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidRequest, "{}", err.message);
    assert_eq!(vault_files(dir.path()), 0);
}

#[test]
fn a_picked_document_is_read_from_its_path_and_refused_by_size_alone() {
    let (dir, api, id) = setup_with_case();
    let case_id = id.parse().unwrap();
    let picked = tempfile::tempdir().unwrap();
    let path = picked.path().join("origin.pdf");
    std::fs::write(&path, small_pdf("Certificate of origin")).unwrap();
    let attached = api
        .attach_document_file(
            case_id,
            &path,
            quayside_api::DocumentType::CertificateOfOrigin,
            "CO-2041",
        )
        .unwrap();
    assert_eq!(attached.file_name, "origin.pdf");
    // Over the limit by its size alone: a sparse file, so nothing is read.
    let huge = picked.path().join("scan.pdf");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(quayside_photos::MAX_DOCUMENT_BYTES + 1)
        .unwrap();
    let err = api
        .attach_document_file(case_id, &huge, quayside_api::DocumentType::Other, "")
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.message.contains("scan.pdf") && err.message.contains("25 MB"),
        "{}",
        err.message
    );
    assert_eq!(vault_files(dir.path()), 1);
}

#[test]
fn a_document_is_excluded_once_with_a_reason_and_stays_listed() {
    let (_dir, api, id) = setup_with_case();
    let attached = attach(&api, &id, "bl.pdf", "bill_of_lading", "", &small_pdf("BL")).unwrap();
    let sha = attached["sha256"].as_str().unwrap();
    let view = api
        .dispatch(
            "exclude_document",
            json!({"case_id": id, "sha256": sha, "reason": "another shipment's"}),
        )
        .unwrap();
    assert_eq!(
        view["case"]["documents"][0]["excluded"],
        "another shipment's"
    );
    let again = api
        .dispatch(
            "exclude_document",
            json!({"case_id": id, "sha256": sha, "reason": "again"}),
        )
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::Refused);
    assert_eq!(again.text.key, "error.document_already_excluded");
    let missing = api
        .dispatch(
            "exclude_document",
            json!({"case_id": id, "sha256": "cd".repeat(32), "reason": "x"}),
        )
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
    assert_eq!(missing.text.key, "error.no_such_document");
    let bad = api
        .dispatch(
            "exclude_document",
            json!({"case_id": id, "sha256": "../x", "reason": "x"}),
        )
        .unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidRequest);
}

#[test]
fn the_vault_check_covers_documents() {
    let (dir, api, id) = setup_with_case();
    let attached = attach(&api, &id, "bl.pdf", "bill_of_lading", "", &small_pdf("BL")).unwrap();
    let report = api.dispatch("check_vault", json!({})).unwrap();
    assert_eq!(report["photos_checked"], 1);
    assert!(report["problems"].as_array().unwrap().is_empty());
    let sha = attached["sha256"].as_str().unwrap();
    let path = dir.path().join("vault").join(&sha[..2]).join(sha);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&path, perms).unwrap();
    std::fs::remove_file(&path).unwrap();
    let report = api.dispatch("check_vault", json!({})).unwrap();
    assert_eq!(report["problems"][0]["file_name"], "bl.pdf");
}
