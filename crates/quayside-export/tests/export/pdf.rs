//! The case-file PDF, read back with poppler's own tools (pdftotext, pdftoppm, pdfinfo): what a
//! court clerk's viewer would show, not what we think we wrote.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use quayside_domain::document::DocumentType;
use quayside_domain::event::{CaseStatus, Payload};
use quayside_domain::fields::{Field, Section};
use quayside_domain::flags::{flags, Flag};
use quayside_domain::photo::Exif;
use quayside_domain::timeline::TimelineEntry;
use quayside_export::{manifest, manifest_sha256, CaseDocument, ExportError, PdfFonts, PhotoPage};
use quayside_i18n::{Catalogue, Locale};
use quayside_testkit::case_file::{supervisor, Recorder, CASE_NUMBER};
use quayside_testkit::fixtures::banded_jpeg;
use quayside_testkit::fonts::pdf_fonts;
use sha2::{Digest, Sha256};
use uuid::Uuid;

const LONG_TOKEN_LEN: usize = 300;

/// The case of the tests: every section, a route, goods found, parties with accented and Chinese
/// names, a long description, a withdrawn seal, a conflict, three photos, a review.
struct Fixture {
    recorder: Recorder,
    flags: Vec<Flag>,
    photos: Vec<PhotoPage>,
    long_token: String,
}

fn realistic_case() -> Fixture {
    let mut r = Recorder::open();
    r.set(
        Field::LegalBasis,
        "Regulation (EU) No 952/2013, art. 46 and 198",
    );
    let notes = "Inspection started after a risk profile hit on the declared origin and the \
                 declared weight. The container was moved to the scanning facility at Maasvlakte, \
                 scanned, and opened in the presence of the driver. "
        .repeat(14);
    r.set(Field::CaseNotes, &notes);

    r.set(Field::DeclarationNumber, "26NL0001234567890A");
    r.set(Field::TransportDocument, "MEDUSH123456789");
    r.set(
        Field::DeclaredDescription,
        "Glazed ceramic floor tiles, 60 x 60 cm, on 20 pallets",
    );
    r.set(Field::DeclaredHsCode, "6907.21");
    r.set(Field::DeclaredQuantity, "1200 cartons");
    r.set(Field::DeclaredWeight, "18500 kg");
    r.set(Field::DeclaredValue, "14250 USD");
    r.set(Field::DeclaredOrigin, "VN");
    r.set(Field::RiskLane, "red");

    r.set(Field::TransportMode, "sea");
    r.set(Field::VesselName, "MSC ANNA");
    r.set(Field::ImoNumber, "IMO 9074729");
    r.set(Field::Voyage, "AE123W");
    r.set(Field::ContainerNumber, "CSQU3054383");
    r.set(Field::SizeType, "45G1");
    // Edited at the same time on a supervisor's device that had not seen "MSC ANNA".
    r.apply_unseen(Payload::FieldSet {
        item: None,
        field: Field::VesselName,
        value: Some("MSC ANNA II".into()),
    });

    r.add(
        Section::Seals,
        &[
            (Field::SealNumber, "ML-4471932"),
            (Field::SealState, "intact"),
        ],
    );
    let twice = r.add(
        Section::Seals,
        &[
            (Field::SealNumber, "ML-4471932"),
            (Field::SealState, "broken"),
        ],
    );
    r.apply(Payload::ItemWithdrawn {
        section: Section::Seals,
        item: twice,
        reason: "recorded twice by mistake".into(),
    });

    for (place, role, basis) in [
        ("CNSHA", "origin", "declared"),
        ("MYPKG", "transshipment", "established"),
        ("NLRTM", "discharge", "declared"),
    ] {
        r.add(
            Section::Route,
            &[
                (Field::LegLocode, place),
                (Field::LegRole, role),
                (Field::LegBasis, basis),
            ],
        );
    }

    r.add(
        Section::DeclaredLines,
        &[
            (Field::LineDescription, "Glazed ceramic floor tiles"),
            (Field::LineHsCode, "6907.21"),
            (Field::LineQuantity, "1200 cartons"),
            (Field::LineWeight, "18500 kg"),
        ],
    );

    let long_token = "W".repeat(LONG_TOKEN_LEN);
    r.add(
        Section::GoodsFound,
        &[
            (
                Field::GoodsDescription,
                &format!(
                    "Grey metallic powder in 40 sealed drums of 60 kg, hidden behind the first two \
                     rows of tile pallets. Drum labels read {long_token} and nothing else."
                ),
            ),
            (Field::GoodsHsCode, "8101.10"),
            (Field::GoodsMaterial, "tungsten"),
            (Field::GoodsForm, "powder"),
            (Field::GoodsQuantity, "40 drums"),
            (Field::GoodsWeight, "2400 kg"),
            (Field::GoodsIdentifiedBy, "analyser"),
        ],
    );
    r.add(
        Section::GoodsFound,
        &[
            (
                Field::GoodsDescription,
                "Glazed ceramic floor tiles as declared",
            ),
            (Field::GoodsHsCode, "6907.21"),
            (Field::GoodsWeight, "16100 kg"),
        ],
    );
    r.add(
        Section::Samples,
        &[
            (Field::SampleSeal, "S-000871"),
            (Field::SampleMethod, "xrf"),
            (Field::SampleTakenAt, "2026-11-28 10:15"),
            (
                Field::SampleResult,
                "W 92.4 %, Co 6.1 %, balance Fe (handheld XRF, 3 readings)",
            ),
        ],
    );
    r.add(
        Section::Concealments,
        &[
            (Field::ConcealmentMethod, "C2"),
            (
                Field::ConcealmentDescription,
                "Drums stacked behind the first two rows of pallets",
            ),
            (
                Field::ConcealmentLocation,
                "Front of the container, floor level",
            ),
        ],
    );
    r.set(Field::DetectionMethods, "D1 D8");
    r.set(
        Field::DetectionNotes,
        "Scan image showed dense cylinders behind the tile pallets.",
    );
    r.add(
        Section::Parties,
        &[
            (Field::PartyRole, "shipper"),
            (Field::PartyKind, "company"),
            (Field::PartyName, "Ñandú Trading Co., Ltd."),
            (Field::PartyCountry, "CN"),
            (Field::PartyAddress, "88 Century Avenue, Pudong, Shanghai"),
        ],
    );
    r.add(
        Section::Parties,
        &[
            (Field::PartyRole, "consignee"),
            (Field::PartyKind, "person"),
            (Field::PartyName, "Çağlar Öztürk-Ñúñez"),
            (Field::PartyIdentifier, "NL-ID 12345678"),
            (Field::PartyCountry, "NL"),
        ],
    );
    r.add(
        Section::Parties,
        &[
            (Field::PartyRole, "driver"),
            (Field::PartyKind, "person"),
            (Field::PartyName, "王伟 (Wang Wei)"),
        ],
    );
    r.set(Field::OutcomeCode, "O4");
    r.set(Field::Shareable, "no");
    r.set(
        Field::OutcomeNotes,
        "Goods seized; referred to the public prosecutor.",
    );

    // Photos: two with thumbnails, one HEIC the vault cannot render.
    let door = banded_jpeg(320, 240, [200, 120, 60]);
    let drums = banded_jpeg(240, 320, [90, 140, 210]);
    let heic = b"....ftypheic this stands in for a HEIC original".to_vec();
    let door_hash = r.attach(
        &door,
        "container-door.jpg",
        "image/jpeg",
        Exif {
            captured_at: Some("2026-11-28 09:41:07".into()),
            camera: Some("Apple iPhone 15".into()),
            latitude: Some(51.95),
            longitude: Some(4.05),
            orientation: Some(1),
        },
    );
    let drums_hash = r.attach(&drums, "drums.jpg", "image/jpeg", Exif::default());
    let heic_hash = r.attach(&heic, "seal-closeup.heic", "image/heic", Exif::default());
    r.apply(Payload::PhotoCaptionSet {
        sha256: door_hash.clone(),
        caption: Some("Container door with seal ML-4471932 before opening".into()),
    });
    r.apply(Payload::PhotoExcluded {
        sha256: drums_hash.clone(),
        reason: "shows a bystander's face".into(),
    });
    for (n, (file, kind, number)) in [
        (
            "BL MEDUSH123456789.pdf",
            DocumentType::BillOfLading,
            Some("MEDUSH123456789"),
        ),
        ("invoice scan.png", DocumentType::CommercialInvoice, None),
        ("old licence.pdf", DocumentType::ExportLicence, Some("EL-1")),
    ]
    .into_iter()
    .enumerate()
    {
        r.apply(Payload::DocumentAttached {
            sha256: hex::encode(Sha256::digest(file.as_bytes())),
            size: 1000 + n as u64,
            media_type: "application/pdf".into(),
            file_name: file.into(),
            document_type: kind,
            number: number.map(str::to_string),
        });
    }
    r.apply(Payload::DocumentExcluded {
        sha256: hex::encode(Sha256::digest(b"old licence.pdf")),
        reason: "another shipment's".into(),
    });
    r.apply_as(
        supervisor(),
        Payload::ReviewReturned {
            comment: "Add the lab report reference".into(),
            sections: vec![],
        },
    );
    r.apply(Payload::StatusSet {
        status: CaseStatus::Closed,
        reason: Some("handed to the public prosecutor".into()),
    });

    let thumbnails = [Some(door), Some(drums), None];
    let photos = r
        .case
        .photos
        .iter()
        .zip(thumbnails)
        .map(|(p, jpeg)| PhotoPage {
            sha256: p.sha256.clone(),
            file_name: p.file_name.clone(),
            caption: p.caption.clone(),
            excluded: p.excluded.clone(),
            size: p.size,
            media_type: p.media_type.clone(),
            attached_at: p.attached_at.clone(),
            attached_by: p.attached_by.clone(),
            jpeg,
        })
        .collect();
    assert_eq!(
        [door_hash, drums_hash, heic_hash].to_vec(),
        r.case
            .photos
            .iter()
            .map(|p| p.sha256.clone())
            .collect::<Vec<_>>()
    );
    // A record that arrived but could not be folded still shows, with its reason.
    r.timeline.push(TimelineEntry {
        event_id: Uuid::now_v7(),
        wall_time: "2026-11-28T17:59:00.000Z".into(),
        author: "Unknown device".into(),
        role: "inspector".into(),
        device_id: Uuid::now_v7(),
        device_seq: 1,
        kind: "field_set".into(),
        changes: vec![],
        refused: Some("names an item that is not in this case".into()),
    });
    let flags = flags(
        &r.case,
        quayside_domain::control_list::ControlList::built_in(),
    );
    Fixture {
        recorder: r,
        flags,
        photos,
        long_token,
    }
}

fn document(f: &Fixture) -> CaseDocument<'_> {
    CaseDocument {
        words: Catalogue::english(),
        case: &f.recorder.case,
        flags: &f.flags,
        timeline: &f.recorder.timeline,
        photos: f.photos.clone(),
        events: f.recorder.events.clone(),
        review: vec![
            ("Review".into(), "Returned to the inspector".into()),
            ("By".into(), "Marieke de Vries (supervisor)".into()),
            ("Comment".into(), "Add the lab report reference".into()),
        ],
        custody: vec![],
        generated_at: "2026-11-28T18:05:00Z".into(),
        generated_by: "Çağlar Öztürk".into(),
    }
}

/// The case file in the repository's fonts, loaded once for every test.
fn case_file_pdf(doc: &CaseDocument) -> Result<Vec<u8>, ExportError> {
    quayside_export::case_file_pdf(doc, fonts())
}

fn fonts() -> &'static PdfFonts {
    static FONTS: OnceLock<PdfFonts> = OnceLock::new();
    FONTS.get_or_init(pdf_fonts)
}

/// Run one of poppler's tools; fail (not skip) when it is not installed.
fn poppler(tool: &str, args: &[&str]) -> Output {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "{tool} could not be run ({e}): install poppler-utils (apt-get install poppler-utils) \
             to run the PDF tests"
        )
    });
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn write_pdf(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    // To look at a rendering: QUAYSIDE_EXPORT_PDF_OUT=/some/folder cargo test -p quayside-export
    if let Some(out) = std::env::var_os("QUAYSIDE_EXPORT_PDF_OUT") {
        std::fs::write(Path::new(&out).join(name), bytes).unwrap();
    }
    path
}

fn page_count(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    let info = String::from_utf8(info.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .expect("pdfinfo names the page count")
        .trim()
        .parse()
        .unwrap()
}

/// The text of each page, as pdftotext lays it out.
fn pages_text(pdf: &Path) -> Vec<String> {
    let out = poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn tokens(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[test]
fn case_file_reads_back_with_every_page_numbered_and_every_hash_whole() {
    let fixture = realistic_case();
    let doc = document(&fixture);
    let bytes = case_file_pdf(&doc).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes.windows(9).any(|w| w == b"/Outlines"),
        "the sections are bookmarked"
    );
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "case-file.pdf", &bytes);

    let total = page_count(&pdf);
    assert!(
        total >= 3,
        "a case this full takes several pages, got {total}"
    );
    let pages = pages_text(&pdf);
    assert_eq!(pages.len(), total);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(CASE_NUMBER),
            "page {} lacks the case number:\n{page}",
            i + 1
        );
        assert!(
            page.contains(&format!("Page {} of {total}", i + 1)),
            "page {} lacks its number:\n{page}",
            i + 1
        );
        assert!(page.contains("Quayside case file"));
        assert!(page.contains("Generated 2026-11-28 18:05:00 UTC by Çağlar Öztürk"));
    }
    let text = pages.concat();
    let words = tokens(&text);

    // Every hash comes out as one unbroken token: photos (twice: photo page and manifest)...
    for photo in &fixture.photos {
        assert!(
            words.iter().filter(|w| **w == photo.sha256).count() >= 2,
            "photo hash {} is not whole in the text",
            photo.sha256
        );
    }
    // ...and every signed event.
    for event in &fixture.recorder.events {
        assert!(
            words.contains(&event.sha256.as_str()),
            "event hash {} is not whole",
            event.sha256
        );
        assert!(text.contains(&event.event_id.to_string()));
    }
    // The manifest's own hash, on the last page, is the one a verifier recomputes.
    let last = pages.last().unwrap();
    let printed = tokens(last)
        .windows(3)
        .find(|w| w[0] == "Manifest" && w[1] == "SHA-256:")
        .map(|w| w[2].to_string())
        .expect("the last page ends with the manifest hash");
    assert_eq!(printed, manifest_sha256(&doc));
    assert_eq!(
        printed,
        hex::encode(Sha256::digest(manifest(&doc).as_bytes()))
    );

    // The content a reader needs: sections, labels, code labels, items, conflicts, flags.
    for expected in [
        "Seizure case file",
        "Closed (handed to the public prosecutor)",
        "Declared HS code",
        "6907.21",
        "Red",      // risk lane label, not the code "red"
        "Tungsten", // material label
        "Handheld analyser",
        "Seized",           // outcome O4
        "Radiation portal", // one of the detection codes
        "Route leg 2",
        "Route legs",                     // the section's heading, as on screen
        "Controlled material undeclared", // flags carry their label, as on screen
        "(Inspector)",                    // an author's role by its label
        "Transshipment",
        "Goods found 1",
        "Seal 2 (withdrawn: recorded twice by mistake)",
        "Party 3",
        "Ñandú Trading Co., Ltd.",
        "Çağlar Öztürk-Ñúñez",
        "Vessel name",
        "MSC ANNA II",
        "Value 2 (shown)",
        "Marieke de Vries",
        "Controlled material found",
        "Photo 2 of 3 · drums.jpg (excluded)",
        "shows a bystander's face",
        "No thumbnail for this image/heic file",
        "Container door with seal ML-4471932 before opening",
        "Returned to the inspector",
        "No custody events recorded.",
        "1 event was not folded into the case",
        "Unknown device (Inspector) · 1 session",
        "Photo attached",
    ] {
        assert!(text.contains(expected), "{expected:?} is missing");
    }
    // The long token is broken across lines, never lost.
    let broken: String = text.chars().filter(|c| *c == 'W').collect();
    assert!(broken.len() >= LONG_TOKEN_LEN);
    assert!(
        !words.iter().any(|w| w.len() > 200),
        "a token overflowed its line"
    );
    let _ = &fixture.long_token;
}

/// Words' boxes, from pdftotext -bbox: (page width, [xMax of every word]).
fn word_right_edges(pdf: &Path) -> (f32, Vec<(f32, String)>) {
    let out = poppler("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let html = String::from_utf8(out.stdout).unwrap();
    let attribute = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    let page_tag = html.split("<page ").nth(1).unwrap();
    let width = attribute(page_tag, "width");
    let words = html
        .split("<word ")
        .skip(1)
        .map(|w| {
            let text = w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()].to_string();
            (attribute(w, "xMax"), text)
        })
        .collect();
    (width, words)
}

#[test]
fn nothing_runs_past_the_right_margin_and_every_page_renders() {
    let fixture = realistic_case();
    let bytes = case_file_pdf(&document(&fixture)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "margins.pdf", &bytes);

    let (width, words) = word_right_edges(&pdf);
    let margin = 20.0 * 72.0 / 25.4;
    for (right, word) in &words {
        assert!(
            *right <= width - margin + 0.5,
            "{word:?} ends at {right}, past the margin at {}",
            width - margin
        );
    }

    let total = page_count(&pdf);
    let prefix = dir.path().join("page");
    poppler(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "50",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let pngs = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".png"))
        .count();
    assert_eq!(pngs, total, "pdftoppm made one PNG per page");
}

#[test]
fn an_empty_case_says_nothing_was_recorded() {
    let mut recorder = Recorder::open();
    recorder.set(Field::VesselName, "王伟号");
    let doc = CaseDocument {
        words: Catalogue::english(),
        case: &recorder.case,
        flags: &[],
        timeline: &recorder.timeline,
        photos: vec![],
        events: recorder.events.clone(),
        review: vec![],
        custody: vec![],
        generated_at: "not a time".into(),
        generated_by: "Ñandú".into(),
    };
    let bytes = case_file_pdf(&doc).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "empty-case.pdf", &bytes);
    let pages = pages_text(&pdf);
    let text = pages.concat();
    for expected in [
        "Nothing recorded.",
        "No photographs attached.",
        "No custody events recorded.",
        "No review recorded.",
        "No discrepancy flags raised.",
        "Flags judged by control list 1.",
        "No unsettled conflicts",
        "Generated not a time by Ñandú",
        "王伟号",
    ] {
        assert!(text.contains(expected), "{expected:?} is missing:\n{text}");
    }
    let total = pages.len();
    assert!(pages
        .last()
        .unwrap()
        .contains(&format!("Page {total} of {total}")));
    assert!(pages.last().unwrap().contains(&manifest_sha256(&doc)));
    assert_eq!(
        manifest(&doc).lines().count(),
        1 + recorder.events.len(),
        "the case line and one line per event"
    );
}

#[test]
fn shipping_documents_are_a_table_of_type_number_file_and_whole_hash() {
    let fixture = realistic_case();
    let doc = document(&fixture);
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "documents.pdf", &case_file_pdf(&doc).unwrap());
    let text = pages_text(&pdf).join("\n");
    let start = text
        .find("Shipping documents\n")
        .expect("a Shipping documents heading");
    let table = &text[start..];
    for (kind, number, file) in [
        (
            "Bill of lading",
            "MEDUSH123456789",
            "BL MEDUSH123456789.pdf",
        ),
        ("Commercial invoice", "not given", "invoice scan.png"),
        (
            "Export licence",
            "EL-1",
            // The reason wraps within the file name's column.
            "old licence.pdf (excluded:",
        ),
    ] {
        let line = table
            .lines()
            .find(|l| l.contains(kind))
            .unwrap_or_else(|| panic!("a row for {kind}: {table}"));
        assert!(line.contains(number) && line.contains(file), "{line}");
    }
    for document in &doc.case.documents {
        assert!(
            tokens(table).contains(&document.sha256.as_str()),
            "the whole hash of {}",
            document.file_name
        );
    }
    let manifest_photos = text.rfind("Photo originals (").unwrap();
    assert!(text[manifest_photos..].contains("Shipping documents (3)"));
}

#[test]
fn the_manifest_is_one_line_per_entry_as_documented() {
    let fixture = realistic_case();
    let mut doc = document(&fixture);
    doc.photos[0].file_name = "door\nphoto.jpg".into();
    let text = manifest(&doc);
    let lines: Vec<&str> = text.lines().collect();
    assert!(text.ends_with('\n'));
    assert_eq!(lines[0], format!("case {} {CASE_NUMBER}", doc.case.id));
    let first = &doc.events[0];
    assert_eq!(
        lines[1],
        format!(
            "event {} {}:{} {}",
            first.event_id, first.device_id, first.device_seq, first.sha256
        )
    );
    let documents = &doc.case.documents;
    assert_eq!(
        lines.len(),
        1 + doc.events.len() + doc.photos.len() + documents.len()
    );
    assert_eq!(
        lines.last().copied(),
        Some(format!("document {} old licence.pdf", documents[2].sha256).as_str())
    );
    assert_eq!(
        lines[1 + doc.events.len()],
        format!("photo {} door\u{fffd}photo.jpg", doc.photos[0].sha256)
    );
    // The hash does not depend on who generated the file or when.
    let before = manifest_sha256(&doc);
    doc.generated_at = "2030-01-01T00:00:00Z".into();
    doc.generated_by = "someone else".into();
    assert_eq!(manifest_sha256(&doc), before);
}

#[test]
fn photo_pages_that_do_not_match_the_case_are_refused_with_the_fix() {
    let fixture = realistic_case();
    let mut doc = document(&fixture);
    doc.photos.pop();
    let err = case_file_pdf(&doc).unwrap_err();
    assert_eq!(
        err,
        ExportError::PhotoCount {
            photos: 3,
            pages: 2
        }
    );
    assert!(err.to_string().contains("one photo page per photo"));

    let mut doc = document(&fixture);
    doc.photos.swap(0, 1);
    let err = case_file_pdf(&doc).unwrap_err();
    assert!(matches!(
        err,
        ExportError::PhotoMismatch { position: 1, .. }
    ));
    assert!(err.to_string().contains("in the case's order"), "{err}");

    let mut doc = document(&fixture);
    doc.events[3].sha256 = "not a hash".into();
    let err = case_file_pdf(&doc).unwrap_err();
    assert!(err.to_string().contains("is not a SHA-256"), "{err}");
}

#[test]
fn an_unreadable_thumbnail_is_noted_and_the_file_still_made() {
    let fixture = realistic_case();
    let mut doc = document(&fixture);
    doc.photos[0].jpeg = Some(b"not a jpeg at all".to_vec());
    let bytes = case_file_pdf(&doc).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "bad-thumbnail.pdf", &bytes);
    let text = pages_text(&pdf).concat();
    assert!(text.contains("The thumbnail could not be read"), "{text}");
    assert!(tokens(&text).contains(&doc.photos[0].sha256.as_str()));
}

/// One line of `pdffonts`: the font's name (subset prefix and all), its type, and whether it is
/// embedded and subset.
fn embedded_fonts(pdf: &Path) -> Vec<(String, String, bool, bool)> {
    let out = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    // name, type (words), encoding, emb, sub, uni, object id: the flags count from the end.
    text.lines()
        .skip(2)
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let n = words.len();
            let flag = |w: &str| w == "yes";
            (
                words[0].to_string(),
                words[1..n - 6].join(" "),
                flag(words[n - 5]),
                flag(words[n - 4]),
            )
        })
        .collect()
}

const SHIPPER: &str = "深圳华鑫贸易有限公司";
const SHIPPER_ADDRESS: &str = "广东省深圳市福田区深南大道1001号";
const CONSIGNEE: &str = "บริษัท แหลมฉบัง โลจิสติกส์ จำกัด";
const CONSIGNEE_ADDRESS: &str = "ถนนสุขุมวิท ศรีราชา ชลบุรี 20230";
const BROKER: &str = "Importadora del Pacífico S.A. de C.V.";
const DRIVER: &str = "王伟 (Wang Wei)";
const GOODS: &str = "灰色金属粉末，装在四十个密封桶中";
const INSPECTOR: &str = "สมชาย ใจดี";

/// The English case file of what `r` recorded, each photo with its thumbnail from `jpegs` in order.
fn recorded_document(r: &Recorder, jpegs: Vec<Vec<u8>>) -> CaseDocument<'_> {
    let photos = r
        .case
        .photos
        .iter()
        .zip(jpegs)
        .map(|(p, jpeg)| PhotoPage {
            sha256: p.sha256.clone(),
            file_name: p.file_name.clone(),
            caption: None,
            excluded: None,
            size: p.size,
            media_type: p.media_type.clone(),
            attached_at: p.attached_at.clone(),
            attached_by: p.attached_by.clone(),
            jpeg: Some(jpeg),
        })
        .collect();
    CaseDocument {
        words: Catalogue::english(),
        case: &r.case,
        flags: &[],
        timeline: &r.timeline,
        photos,
        events: r.events.clone(),
        review: vec![],
        custody: vec![],
        generated_at: "2026-11-28T18:05:00Z".into(),
        generated_by: INSPECTOR.into(),
    }
}

#[test]
fn chinese_thai_and_latin_names_read_back_exactly_in_embedded_fonts_that_have_them() {
    let mut r = Recorder::open();
    for (role, name, country, address) in [
        ("shipper", SHIPPER, "CN", SHIPPER_ADDRESS),
        ("consignee", CONSIGNEE, "TH", CONSIGNEE_ADDRESS),
        (
            "declarant",
            BROKER,
            "MX",
            "Av. Teniente Azueta 1, Manzanillo",
        ),
    ] {
        r.add(
            Section::Parties,
            &[
                (Field::PartyRole, role),
                (Field::PartyKind, "company"),
                (Field::PartyName, name),
                (Field::PartyCountry, country),
                (Field::PartyAddress, address),
            ],
        );
    }
    r.add(
        Section::Parties,
        &[
            (Field::PartyRole, "driver"),
            (Field::PartyKind, "person"),
            (Field::PartyName, DRIVER),
        ],
    );
    r.add(
        Section::GoodsFound,
        &[
            (Field::GoodsDescription, GOODS),
            (Field::GoodsWeight, "2400 kg"),
        ],
    );
    // Photo titles are set in bold: Chinese in the emboldened regular font, Thai in its bold.
    let door = banded_jpeg(160, 120, [200, 120, 60]);
    let drums = banded_jpeg(120, 160, [90, 140, 210]);
    r.attach(&door, "集装箱门.jpg", "image/jpeg", Exif::default());
    r.attach(&drums, "ตู้คอนเทนเนอร์.jpg", "image/jpeg", Exif::default());
    let bytes = case_file_pdf(&recorded_document(&r, vec![door, drums])).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "scripts.pdf", &bytes);

    let names = [
        SHIPPER,
        SHIPPER_ADDRESS,
        CONSIGNEE,
        CONSIGNEE_ADDRESS,
        BROKER,
        DRIVER,
        GOODS,
        INSPECTOR,
        "集装箱门.jpg",
        "ตู้คอนเทนเนอร์.jpg",
    ];
    let text = pages_text(&pdf).concat();
    for name in names {
        assert!(text.contains(name), "{name:?} does not read back:\n{text}");
        assert_eq!(fonts().missing_glyphs(name), vec![], "{name}");
    }
    assert!(
        text.contains(&format!("Generated 2026-11-28 18:05:00 UTC by {INSPECTOR}")),
        "the footer"
    );
    assert!(!text.contains("not in the PDF's font"), "{text}");

    // Every font is embedded, subset to the glyphs used; the Thai and Chinese ones among them
    // (named XXXXXX+Name, a CFF font with its encoding after it).
    let embedded = embedded_fonts(&pdf);
    for (name, kind, emb, sub) in &embedded {
        assert!(*emb && *sub, "{name} ({kind}) is not embedded as a subset");
    }
    for font in [
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSansMono",
        "NotoSansThai-Regular",
        "NotoSansThai-Bold",
        "NotoSansCJKsc-Regular",
    ] {
        assert!(
            embedded.iter().any(|(name, ..)| {
                let base = name.split_once('+').map_or("", |(_, base)| base);
                base.strip_suffix("-Identity-H").unwrap_or(base) == font
            }),
            "{font} is not in the PDF: {embedded:?}"
        );
    }
}

/// The words of the PDF that are the catalogue's, never the case's: what must not be left in
/// English in another language's PDF.
fn heading_keys() -> Vec<String> {
    let mut keys: Vec<String> = [
        "pdf.running_title",
        "pdf.title",
        "pdf.case_number",
        "pdf.port",
        "pdf.opened_at",
        "pdf.last_change",
        "pdf.generated_by",
        "pdf.flags",
        "pdf.conflicts",
        "pdf.photographs",
        "pdf.file_name",
        "pdf.review",
        "pdf.custody",
        "pdf.no_custody",
        "pdf.no_review",
        "pdf.appendix",
        "pdf.summary_findings",
        "pdf.manifest",
        "pdf.manifest_sha256",
    ]
    .map(str::to_string)
    .to_vec();
    keys.extend(Section::ALL.iter().map(|s| s.label_key()));
    keys
}

#[test]
fn a_chinese_case_file_is_worded_in_chinese_with_names_as_recorded_and_the_same_manifest() {
    let mut fixture = realistic_case();
    for (role, name, country) in [("shipper", SHIPPER, "CN"), ("consignee", CONSIGNEE, "TH")] {
        fixture.recorder.add(
            Section::Parties,
            &[
                (Field::PartyRole, role),
                (Field::PartyKind, "company"),
                (Field::PartyName, name),
                (Field::PartyCountry, country),
            ],
        );
    }
    let zh = Catalogue::get(Locale::ZhCn);
    let english = document(&fixture);
    let doc = CaseDocument {
        words: zh,
        review: vec![],
        generated_by: INSPECTOR.into(),
        ..english.clone()
    };
    // The manifest is evidence: the same bytes whoever exports it, in whatever language.
    assert_eq!(manifest(&doc), manifest(&english));
    assert_eq!(manifest_sha256(&doc), manifest_sha256(&english));

    let bytes = case_file_pdf(&doc).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "case-file-zh.pdf", &bytes);
    let pages = pages_text(&pdf);
    let text = pages.concat();
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("第 {} 页，共 {total} 页", i + 1)),
            "{page}"
        );
    }
    let zh_text = |key: &str| zh.text(key).unwrap();
    for expected in [
        zh_text("section.parties"),
        zh_text("pdf.title"),
        zh_text("pdf.manifest"),
        zh_text("outcome.O4"),
        zh_text("flag.controlled_undeclared"),
        zh_text("role.inspector"),
        format!("{} 2", zh_text("item.seals")),
        SHIPPER.to_string(),
        CONSIGNEE.to_string(),
        "Ñandú Trading Co., Ltd.".to_string(),
        "Çağlar Öztürk-Ñúñez".to_string(),
        DRIVER.to_string(),
        format!("由 {INSPECTOR} 于 2026-11-28 18:05:00 UTC 生成"),
    ] {
        assert!(text.contains(&expected), "{expected:?} is missing:\n{text}");
    }
    // An event kind in the appendix's list of what changed may wrap: read it in reading order.
    let read = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let read: String = String::from_utf8(read.stdout)
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(read.contains(&zh_text("event.photo_attached")));
    let english_words = Catalogue::english();
    for key in heading_keys() {
        let heading = english_words.text(&key).unwrap();
        assert!(
            !text.contains(&heading),
            "{key} is in English ({heading:?}):\n{text}"
        );
    }
    // The printed hash, after its label in Chinese, is the manifest's.
    let label = zh_text("pdf.manifest_sha256");
    let printed = pages.last().unwrap().split(&label).nth(1).unwrap();
    assert_eq!(tokens(printed)[0], manifest_sha256(&doc));
}

#[test]
fn every_language_words_the_whole_case_file_without_a_bare_key() {
    // Debug builds refuse a catalogue message with a missing key or variable, so making the
    // file in each language checks every message it uses there.
    let fixture = realistic_case();
    for locale in Locale::OFFERED {
        let doc = CaseDocument {
            words: Catalogue::get(locale),
            ..document(&fixture)
        };
        let bytes = case_file_pdf(&doc).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let pdf = write_pdf(
            dir.path(),
            &format!("case-file-{}.pdf", locale.tag()),
            &bytes,
        );
        let text = pages_text(&pdf).concat();
        assert!(
            !text.contains("pdf."),
            "{}: a bare key:\n{text}",
            locale.tag()
        );
        // Longer labels wrap in their column: nothing passes the margin in any language.
        let (width, words) = word_right_edges(&pdf);
        let margin = 20.0 * 72.0 / 25.4;
        for (right, word) in &words {
            assert!(
                *right <= width - margin + 0.5,
                "{}: {word:?} ends at {right}, past the margin",
                locale.tag()
            );
        }
        assert!(
            text.contains(&Catalogue::get(locale).text("pdf.title").unwrap()),
            "{}",
            locale.tag()
        );
    }
}

/// The body lines of a page as pdftotext lays them out: without the running header (its first
/// line) and footer (its last), trimmed, empty ones dropped.
fn body_lines(page: &str) -> Vec<String> {
    let lines: Vec<String> = page
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    lines[1..lines.len().saturating_sub(1)].to_vec()
}

/// The realistic case with a custody transfer and a status set by code, the case file in `locale`.
fn case_file_in(locale: Locale) -> (Fixture, Vec<String>) {
    let mut fixture = realistic_case();
    let evidence = fixture.recorder.add(
        Section::Evidence,
        &[(Field::EvidenceNumber, "EV-2026-0042")],
    );
    fixture.recorder.apply(Payload::CustodyTransferred {
        item: evidence,
        from: "Çağlar Öztürk".into(),
        to: "Evidence room Maasvlakte".into(),
        place: "Maasvlakte".into(),
        at: "2026-11-28T17:00:00Z".into(),
        condition: "sealed bag intact".into(),
    });
    let mut doc = document(&fixture);
    doc.words = Catalogue::get(locale);
    let bytes = case_file_pdf(&doc).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        &format!("case-file-{}.pdf", locale.tag()),
        &bytes,
    );
    let pages = pages_text(&pdf);
    (fixture, pages)
}

/// The text of the case file written by [`case_file_in`], in pdftotext's reading order.
fn reading_order(locale: Locale) -> String {
    let (fixture, _) = case_file_in(locale);
    let mut doc = document(&fixture);
    doc.words = Catalogue::get(locale);
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "reading.pdf", &case_file_pdf(&doc).unwrap());
    let out = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_summary_comes_first_flags_goods_concealment_outcome_and_photos() {
    let (_, pages) = case_file_in(Locale::En);
    let first = &pages[0];
    for expected in [
        "Discrepancy flags",
        "Controlled material undeclared",
        "What was found",
        "Tungsten",
        "kg found",
        "Seized",
        "Radiation portal",
        "Photos",
        "3 (1 excluded)",
    ] {
        assert!(
            first.contains(expected),
            "page 1 lacks {expected:?}:\n{first}"
        );
    }
    // The sections, photographs and the appendix come after the summary.
    let text = pages.concat();
    let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    assert!(at("What was found") < at("Declared HS code"));
    assert!(at("Declared HS code") < at("Appendix: changes by person and session"));
    assert!(at("Appendix: changes by person and session") < at("Manifest SHA-256"));
}

#[test]
fn no_heading_is_the_last_thing_on_a_page_in_any_language() {
    for locale in [Locale::En, Locale::ZhCn, Locale::Th, Locale::Es] {
        let words = Catalogue::get(locale);
        let (fixture, pages) = case_file_in(locale);
        // Section headings ("3. Route legs") and the subheadings of items and people.
        let mut titles: Vec<String> = [
            "pdf.flags",
            "pdf.summary_findings",
            "pdf.conflicts",
            "pdf.photographs",
            "pdf.review",
            "pdf.custody",
            "pdf.appendix",
            "pdf.manifest",
        ]
        .iter()
        .map(|k| words.text_or_key(k))
        .chain(
            Section::ALL
                .iter()
                .map(|s| words.text_or_key(&s.label_key())),
        )
        .collect();
        for section in Section::ALL {
            if let Some(key) = section.item_key() {
                let count = fixture
                    .recorder
                    .case
                    .items
                    .iter()
                    .filter(|i| i.section == section)
                    .count();
                titles.extend((1..=count).map(|n| format!("{} {n}", words.text_or_key(&key))));
            }
        }
        let authors = ["Çağlar", "Marieke de Vries", "Unknown device"];
        assert!(pages.len() >= 4);
        for (n, page) in pages.iter().enumerate().take(pages.len() - 1) {
            let lines = body_lines(page);
            let last = lines.last().expect("a page has a body");
            let heading = titles.iter().any(|t| {
                last == t
                    || last.ends_with(&format!(". {t}"))
                    || last.starts_with(&format!("{t} ("))
            }) || authors.iter().any(|a| last.starts_with(a));
            assert!(
                !heading,
                "{}: page {} ends with the heading {last:?}",
                locale.tag(),
                n + 1
            );
        }
    }
}

#[test]
fn codes_never_appear_where_a_label_exists() {
    for locale in [Locale::En, Locale::ZhCn] {
        let (_, pages) = case_file_in(locale);
        let text = pages.concat();
        let words = tokens(&text);
        for code in Payload::KINDS {
            assert!(
                !text.contains(code),
                "{}: the kind {code} shows",
                locale.tag()
            );
        }
        for code in ["O4", "sea", "intact", "closed", "C2", "D8"] {
            assert!(
                !words
                    .iter()
                    .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == code),
                "{}: the code {code} shows",
                locale.tag()
            );
        }
        if locale == Locale::ZhCn {
            // Nor does an English label stand in for a code's Chinese one.
            for english in [
                "company",
                "Company",
                "Seized",
                "Tungsten",
                "Custody transferred",
            ] {
                assert!(!text.contains(english), "zh-CN: {english:?} shows");
            }
        }
        // The kind reads as its label, wrapped or not (its words in order, in the text's
        // reading order, where the column of times does not come between them).
        let custody = Catalogue::get(locale).text_or_key("event.custody_transferred");
        let read = tokens(&reading_order(locale)).concat();
        assert!(
            read.contains(&tokens(&custody).concat()),
            "{}: no {custody:?}",
            locale.tag()
        );
    }
}

#[test]
fn the_appendix_groups_changes_per_person_and_session() {
    let (fixture, pages) = case_file_in(Locale::En);
    let text = pages.concat();
    let appendix = &text[text
        .find("Appendix: changes by person and session")
        .unwrap()..text.rfind(". Manifest").unwrap()];
    assert!(appendix.contains("in the evidence bundle"), "{appendix}");
    // Each person once, with their sessions.
    let inspector = &fixture.recorder.timeline[0].author;
    assert_eq!(
        appendix
            .matches(&format!("{inspector} (Inspector)"))
            .count(),
        1
    );
    assert_eq!(appendix.matches("Marieke de Vries (Supervisor)").count(), 1);
    // The inspector's work was cut into sessions by the supervisor's edits in between.
    let sessions = appendix.matches("changes on device").count()
        + appendix.matches("change on device").count();
    let people = 3;
    assert!(sessions > people, "{sessions} sessions:\n{appendix}");
    // Every change counted once, each field named rather than listed change by change.
    assert!(appendix.contains("Vessel name"));
    assert!(
        !appendix.contains("MSC ANNA"),
        "values stay in the evidence bundle"
    );
}

#[test]
fn each_bag_label_printed_in_the_case_file_scans_back_to_its_case_and_entry() {
    use quayside_domain::bag_labels::BagLabel;
    let mut fixture = realistic_case();
    let evidence = fixture.recorder.add(
        Section::Evidence,
        &[(Field::EvidenceNumber, "EV-2026-0042")],
    );
    let sample = fixture
        .recorder
        .case
        .live_items(Section::Samples)
        .next()
        .unwrap()
        .id;
    let bytes = case_file_pdf(&document(&fixture)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "bag-labels.pdf", &bytes);
    let pages = pages_text(&pdf);
    let first = pages
        .iter()
        .position(|p| p.contains("Bag labels"))
        .expect("a part of bag labels")
        + 1;
    let labels_text = pages[first - 1..].join("\n");
    assert!(labels_text.contains("EV-2026-0042") && labels_text.contains("S-000871"));
    let mut read: Vec<BagLabel> = Vec::new();
    for page in first..=pages.len() {
        let prefix = dir.path().join(format!("labels-{page}"));
        let page = page.to_string();
        poppler(
            "pdftoppm",
            &[
                "-png",
                "-gray",
                "-r",
                "200",
                "-f",
                &page,
                "-l",
                &page,
                "-singlefile",
                pdf.to_str().unwrap(),
                prefix.to_str().unwrap(),
            ],
        );
        let gray = image::open(prefix.with_extension("png"))
            .unwrap()
            .into_luma8();
        let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
            gray.width() as usize,
            gray.height() as usize,
            |x, y| gray.get_pixel(x as u32, y as u32)[0],
        );
        read.extend(
            prepared
                .detect_grids()
                .iter()
                .map(|grid| grid.decode().expect("each code decodes").1)
                .map(|text| BagLabel::read(&text).expect("each code is one of our labels")),
        );
    }
    read.sort_by_key(|l| l.section != Section::Samples);
    let case_number = &fixture.recorder.case.case_number;
    assert_eq!(
        read,
        [
            BagLabel::of(case_number, Section::Samples, sample),
            BagLabel::of(case_number, Section::Evidence, evidence),
        ]
    );
}

/// Pixels of the annotations' yellow in every page of a PDF rendered at 72 dpi.
fn yellow_pixels(dir: &Path, pdf: &Path) -> usize {
    let prefix = dir.join(pdf.file_stem().unwrap());
    poppler(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "72",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let stem = pdf.file_stem().unwrap().to_string_lossy().to_string();
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&stem) && name.ends_with(".png")
        })
        .map(|png| {
            image::open(png)
                .unwrap()
                .to_rgb8()
                .pixels()
                .filter(|p| p[0] > 220 && p[1] > 180 && p[1] < 235 && p[2] < 60)
                .count()
        })
        .sum()
}

#[test]
fn annotations_are_drawn_over_the_photo_and_listed_beside_it() {
    use quayside_domain::annotation::{Mark, Point};
    let render = |annotated: bool| {
        let mut r = Recorder::open();
        let door = banded_jpeg(160, 120, [90, 90, 90]);
        let sha = r.attach(&door, "door.jpg", "image/jpeg", Exif::default());
        if annotated {
            for mark in [
                Mark::Box {
                    from: Point { x: 1000, y: 1000 },
                    to: Point { x: 6000, y: 7000 },
                },
                Mark::Arrow {
                    from: Point { x: 9000, y: 9000 },
                    to: Point { x: 6500, y: 5000 },
                },
                Mark::Text {
                    at: Point { x: 500, y: 8000 },
                    text: "antimony in drum 3".into(),
                },
            ] {
                r.apply(Payload::PhotoAnnotated {
                    sha256: sha.clone(),
                    annotation: Uuid::now_v7(),
                    mark: Some(mark),
                });
            }
        }
        case_file_pdf(&recorded_document(&r, vec![door])).unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    let plain = write_pdf(dir.path(), "plain.pdf", &render(false));
    let marked = write_pdf(dir.path(), "annotated.pdf", &render(true));

    assert_eq!(
        yellow_pixels(dir.path(), &plain),
        0,
        "nothing drawn on a photo without annotations"
    );
    assert!(
        yellow_pixels(dir.path(), &marked) > 300,
        "the box, the arrow and the text are drawn over the photo"
    );
    let text = pages_text(&marked).concat();
    assert!(text.contains("antimony in drum 3"), "{text}");
    for line in ["1. Box: ", "2. Arrow: ", "3. Text “antimony in drum 3”: "] {
        assert!(text.contains(line), "{line:?} in {text}");
    }
    assert!(!pages_text(&plain).concat().contains("Annotations"));
}
