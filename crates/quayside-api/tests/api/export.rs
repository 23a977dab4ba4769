//! Exports through the API, on a real data folder: the files as written, read back with real tools.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use quayside_api::{Api, ErrorCode};
use quayside_i18n::{Catalogue, Locale};
use serde_json::json;

use crate::harness::{as_user, attach, call, jpeg, saved, setup, submit};

/// A case at `port` with a party named `name`, a note naming them too, and goods found.
fn case_with_party(api: &Api, port: &str, name: &str) -> String {
    let id = call(api, "open_case", json!({"port": port}))["case"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let set = |item: Option<&str>, field: &str, text: &str| {
        call(
            api,
            "set_field",
            json!({"case_id": id, "item": item, "field": field, "text": text}),
        );
    };
    set(None, "container_number", "MSCU 123456 6");
    set(
        None,
        "case_notes",
        &format!("{name} was present at the inspection"),
    );
    let add = |section: &str| -> String {
        let view = call(api, "add_item", json!({"case_id": id, "section": section}));
        let items = view["case"]["items"].as_array().unwrap();
        items.last().unwrap()["id"].as_str().unwrap().to_string()
    };
    let party = add("parties");
    set(Some(&party), "party_name", name);
    set(Some(&party), "party_identifier", "ID-778899-X");
    set(Some(&party), "party_address", "Keizersgracht 1, Amsterdam");
    let goods = add("goods_found");
    set(Some(&goods), "goods_material", "antimony");
    set(Some(&goods), "goods_weight", "1250 kg");
    id
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_case_file_pdf_holds_the_case_number_every_photo_hash_and_is_never_overwritten() {
    let (dir, api) = setup();
    let id = case_with_party(&api, "NLRTM", "Jan Jansen");
    let a = attach(&api, &id, "IMG_0001.jpg", &jpeg(1)).unwrap();
    let b = attach(&api, &id, "IMG_0002.jpg", &jpeg(2)).unwrap();
    let view = call(&api, "get_case", json!({"case_id": id}));
    let number = view["case"]["case_number"].as_str().unwrap().to_string();

    let file = call(&api, "export_case_pdf", json!({"case_id": id}));
    let path = Path::new(file["path"].as_str().unwrap()).to_path_buf();
    assert!(
        path.starts_with(dir.path().join("exports")),
        "{}",
        path.display()
    );
    let again = call(&api, "export_case_pdf", json!({"case_id": id}));
    assert_ne!(again["path"], file["path"], "an earlier export is kept");
    assert!(path.exists());

    let path = saved(&api, &file);
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(file["bytes"], bytes.len());
    assert_eq!(file["sha256"], quayside_domain::event::body_hash(&bytes));
    let text = pdf_text(&path);
    for page in text.split('\u{c}').filter(|p| !p.trim().is_empty()) {
        assert!(
            page.contains(&number),
            "a page without the case number:\n{page}"
        );
    }
    for sha in [&a.sha256, &b.sha256] {
        assert!(text.contains(sha.as_str()), "photo {sha} missing");
    }
    assert!(text.contains("Manifest SHA-256"), "no manifest");
}

#[test]
fn the_case_list_exports_as_csv_and_xlsx_matching_the_filtered_list() {
    let (_dir, api) = setup();
    for (port, name) in [("NLRTM", "A One"), ("BEANR", "B Two"), ("NLRTM", "C Three")] {
        case_with_party(&api, port, name);
    }
    let filter = json!({"port": "NLRTM", "limit": 1});
    let listed = call(&api, "list_cases", json!({"port": "NLRTM"}));
    let numbers: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["case_number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers.len(), 2);

    let csv_file = call(
        &api,
        "export_cases",
        json!({"filter": filter, "format": "csv"}),
    );
    let bytes = std::fs::read(saved(&api, &csv_file)).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a BOM for spreadsheet programs"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let csv_numbers: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        csv_numbers, numbers,
        "every filtered case, whatever the page size"
    );

    use calamine::Reader;
    let xlsx_file = call(
        &api,
        "export_cases",
        json!({"filter": filter, "format": "xlsx"}),
    );
    let mut book = calamine::open_workbook_auto(saved(&api, &xlsx_file)).unwrap();
    let range = book.worksheet_range("Cases").unwrap();
    let xlsx_numbers: Vec<String> = range.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(xlsx_numbers, numbers);
    assert_eq!(range.rows().next().unwrap()[0].to_string(), "Case number");
}

/// Every XML part of the workbook, as text.
fn xlsx_text(path: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..archive.len() {
        archive
            .by_index(i)
            .unwrap()
            .read_to_string(&mut all)
            .unwrap();
    }
    all
}

#[test]
fn the_shared_statistics_hold_no_party_data_and_match_the_counts() {
    let (_dir, api) = setup();
    let names = ["Jan Jansen", "Maria Müller", "Wang Wei"];
    for (i, name) in names.iter().enumerate() {
        case_with_party(&api, if i == 1 { "BEANR" } else { "NLRTM" }, name);
    }
    let stats = call(&api, "statistics", json!({}));
    let file = call(&api, "export_statistics", json!({"filter": {}}));
    let path = saved(&api, &file);
    let all = xlsx_text(path.to_str().unwrap());
    for planted in
        names
            .iter()
            .copied()
            .chain(["ID-778899-X", "Keizersgracht", "present at the inspection"])
    {
        assert!(
            !all.contains(planted),
            "{planted} leaked into the shared export"
        );
    }

    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let totals = book.worksheet_range("Totals").unwrap();
    let cases = totals.rows().nth(1).unwrap()[0].to_string();
    assert_eq!(cases, stats["total_cases"].to_string());
    assert_eq!(stats["total_cases"], 3);
    let materials = book.worksheet_range("By material").unwrap();
    let row = materials.rows().nth(1).unwrap();
    assert_eq!(row[0].to_string(), "Antimony", "labels, not codes");
    assert_eq!(row[1].to_string(), "3");
    // Antimony found and nothing declared: every case raises the same flag, counted by its label.
    let flags = book.worksheet_range("By flag").unwrap();
    let row = flags.rows().nth(1).unwrap();
    assert_eq!(row[0].to_string(), "Controlled material undeclared");
    assert_eq!(row[1].to_string(), "3");
    assert_eq!(row[2].to_string(), "3750");

    // The same filter as the list: one port.
    let file = call(
        &api,
        "export_statistics",
        json!({"filter": {"port": "BEANR"}}),
    );
    let mut book = calamine::open_workbook_auto(saved(&api, &file)).unwrap();
    let totals = book.worksheet_range("Totals").unwrap();
    assert_eq!(totals.rows().nth(1).unwrap()[0].to_string(), "1");
}

#[test]
fn an_export_that_cannot_be_written_says_where_and_leaves_nothing() {
    let (dir, api) = setup();
    let id = case_with_party(&api, "NLRTM", "Jan Jansen");
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"a file").unwrap();
    api.set_export_dir(blocker.join("exports"));
    let err = api
        .dispatch("export_case_pdf", json!({"case_id": id}))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::StorageUnavailable, "{err:?}");
    assert!(err.message.contains("not-a-folder"), "{}", err.message);

    let err = api
        .dispatch("export_case_pdf", json!({"case_id": uuid::Uuid::now_v7()}))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = api
        .dispatch("export_cases", json!({"filter": {}, "format": "pdf"}))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidRequest);
}

#[test]
fn the_pdf_shows_each_evidence_items_chain_of_custody_and_its_breaks() {
    let (_dir, api) = setup();
    let id = call(&api, "open_case", json!({"port": "NLRTM"}))["case"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let view = call(
        &api,
        "add_item",
        json!({"case_id": id, "section": "evidence"}),
    );
    let item = view["case"]["items"][0]["id"].clone();
    call(
        &api,
        "set_field",
        json!({"case_id": id, "item": item, "field": "evidence_number", "text": "EV-0042"}),
    );
    for (from, to, at) in [
        ("Ines Inspector", "Sam Keeper", "2026-11-27 10:00"),
        ("Someone Else", "Forensic Lab", "2026-11-27 15:00"),
    ] {
        call(
            &api,
            "record_custody",
            json!({"case_id": id, "item": item, "from": from, "to": to, "place": "Rotterdam",
                   "at": at, "condition": "intact"}),
        );
    }
    let file = call(&api, "export_case_pdf", json!({"case_id": id}));
    let text = pdf_text(&saved(&api, &file));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Evidence item 1 (EV-0042)"), "{flat}");
    assert!(flat.contains("Ines Inspector → Sam Keeper"), "{flat}");
    assert!(
        flat.contains("Sam Keeper held it"),
        "the break is named: {flat}"
    );
}

#[test]
fn the_pdf_shows_a_samples_chain_as_it_shows_an_evidence_items() {
    let (_dir, api) = setup();
    let id = call(&api, "open_case", json!({"port": "THLCH"}))["case"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let add = |section: &str, number: (&str, &str)| {
        let view = call(&api, "add_item", json!({"case_id": id, "section": section}));
        let item = view["case"]["items"].as_array().unwrap().last().unwrap()["id"].clone();
        call(
            &api,
            "set_field",
            json!({"case_id": id, "item": item, "field": number.0, "text": number.1}),
        );
        item
    };
    let sample = add("samples", ("sample_seal", "SB-0042"));
    let bag = add("evidence", ("evidence_number", "EV-0007"));
    for (item, from, to, at) in [
        (&sample, "Ines Inspector", "Lab courier", "2026-11-27 16:00"),
        (
            &sample,
            "Lab courier",
            "Customs laboratory",
            "2026-11-27 18:30",
        ),
        (&bag, "Ines Inspector", "Sam Keeper", "2026-11-27 17:00"),
    ] {
        call(
            &api,
            "record_custody",
            json!({"case_id": id, "item": item, "from": from, "to": to,
                   "place": "Laem Chabang", "at": at, "condition": "sealed"}),
        );
    }
    let flat = exported_text(&api, &id);
    let sample_at = flat.find("Sample 1 (SB-0042)").expect(&flat);
    let courier = flat
        .find("2026-11-27 16:00: Ines Inspector → Lab courier")
        .expect(&flat);
    let lab = flat.find("Lab courier → Customs laboratory").expect(&flat);
    let bag_at = flat.find("Evidence item 1 (EV-0007)").expect(&flat);
    assert!(
        sample_at < courier && courier < lab && lab < bag_at,
        "the sample's handovers under it, in time order, then the evidence item: {flat}"
    );
    assert!(!flat.contains("Custody chain broken"), "{flat}");
}

#[test]
fn a_case_file_pdf_prints_chinese_and_thai_names_in_the_fonts_the_app_ships() {
    let (_dir, api) = setup();
    let id = case_with_party(&api, "CNSHK", "深圳华鑫贸易有限公司");
    let thai = call(
        &api,
        "add_item",
        json!({"case_id": id, "section": "parties"}),
    );
    let party = thai["case"]["items"].as_array().unwrap().last().unwrap()["id"].clone();
    call(
        &api,
        "set_field",
        json!({"case_id": id, "item": party, "field": "party_name",
               "text": "บริษัท แหลมฉบัง โลจิสติกส์ จำกัด"}),
    );
    let file = call(&api, "export_case_pdf", json!({"case_id": id}));
    let text = pdf_text(&saved(&api, &file));
    for name in [
        "深圳华鑫贸易有限公司",
        "深圳华鑫贸易有限公司 was present at the inspection",
        "บริษัท แหลมฉบัง โลจิสติกส์ จำกัด",
    ] {
        assert!(text.contains(name), "{name:?} is missing:\n{text}");
    }
    assert!(!text.contains("not in the PDF's font"), "{text}");
}

#[test]
fn without_its_fonts_the_app_says_to_reinstall_and_writes_nothing() {
    let (dir, api) = quayside_testkit::api::fresh();
    // The fonts folder is set once: this API is made without the harness's.
    drop(api);
    let api = Api::open_with(
        dir.path(),
        Box::new(quayside_store::SystemClock),
        quayside_api::KdfCost::Minimal,
    )
    .unwrap();
    let empty = dir.path().join("no-fonts");
    std::fs::create_dir_all(&empty).unwrap();
    api.set_font_dir(empty);
    quayside_testkit::api::signed_in(&api);
    let id = case_with_party(&api, "NLRTM", "Jan Jansen");
    let err = api
        .dispatch("export_case_pdf", json!({"case_id": id}))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Internal, "{err:?}");
    for part in ["DejaVuSans.ttf", "no-fonts", "Reinstall Quayside"] {
        assert!(
            err.message.contains(part),
            "{part:?} not in {}",
            err.message
        );
    }
    assert!(!dir.path().join("exports").exists());
}

/// A catalogue text in a language, as the export words it.
fn text_in(locale: Locale, key: &str) -> String {
    Catalogue::get(locale).text(key).unwrap()
}

#[test]
fn a_person_who_reads_chinese_exports_a_chinese_case_file_with_names_as_recorded() {
    let (_dir, api) = setup();
    let id = case_with_party(&api, "CNSHK", "深圳华鑫贸易有限公司");
    let added = call(
        &api,
        "add_item",
        json!({"case_id": id, "section": "parties"}),
    );
    let party = added["case"]["items"].as_array().unwrap().last().unwrap()["id"].clone();
    call(
        &api,
        "set_field",
        json!({"case_id": id, "item": party, "field": "party_name",
               "text": "บริษัท แหลมฉบัง โลจิสติกส์ จำกัด"}),
    );
    let evidence = call(
        &api,
        "add_item",
        json!({"case_id": id, "section": "evidence"}),
    );
    let item = evidence["case"]["items"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["id"]
        .clone();
    call(
        &api,
        "set_field",
        json!({"case_id": id, "item": item, "field": "evidence_number", "text": "EV-0042"}),
    );
    call(
        &api,
        "record_custody",
        json!({"case_id": id, "item": item, "from": "李晓明", "to": "王伟", "place": "蛇口",
               "at": "2026-11-27 10:00", "condition": "封志完好"}),
    );
    submit(&api, &id);
    call(&api, "set_language", json!({"locale": "zh-CN"}));

    let file = call(&api, "export_case_pdf", json!({"case_id": id}));
    let text = pdf_text(&saved(&api, &file));
    let zh = |key: &str| text_in(Locale::ZhCn, key);
    for expected in [
        zh("section.parties"),
        zh("pdf.title"),
        zh("pdf.custody"),
        zh("material.antimony"),
        zh("review.submitted"),
        zh("event.review_submitted"),
        format!("{} 1（EV-0042）", zh("item.evidence")),
        "李晓明 → 王伟，地点：蛇口，状况：封志完好".to_string(),
        "深圳华鑫贸易有限公司".to_string(),
        "บริษัท แหลมฉบัง โลจิสติกส์ จำกัด".to_string(),
    ] {
        assert!(text.contains(&expected), "{expected:?} is missing:\n{text}");
    }
    for key in [
        "pdf.title",
        "pdf.running_title",
        "pdf.review",
        "pdf.custody",
        "pdf.appendix",
        "pdf.manifest",
        "pdf.manifest_sha256",
        "section.parties",
        "section.goods_found",
        "change.review",
    ] {
        let english = text_in(Locale::En, key);
        assert!(!text.contains(&english), "{key} in English:\n{text}");
    }
}

#[test]
fn a_person_who_reads_spanish_exports_spreadsheets_headed_in_spanish() {
    let (_dir, api) = setup();
    case_with_party(&api, "MXZLO", "Importadora del Pacífico S.A. de C.V.");
    call(&api, "set_language", json!({"locale": "es"}));
    let es = |key: &str| text_in(Locale::Es, key);

    let file = call(&api, "export_cases", json!({"filter": {}, "format": "csv"}));
    let bytes = std::fs::read(saved(&api, &file)).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(headers[0], "Número de caso");
    assert_eq!(headers[2], es("column.opened_at"));
    assert_eq!(headers[4], es("column.opened_by"));
    assert_eq!(headers[7], es("field.container_number"));
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[5], es("state.draft"), "a state by its label");

    use calamine::Reader;
    let file = call(
        &api,
        "export_cases",
        json!({"filter": {}, "format": "xlsx"}),
    );
    let mut book = calamine::open_workbook_auto(saved(&api, &file)).unwrap();
    let cases = book.worksheet_range(&es("sheet.cases")).unwrap();
    assert_eq!(
        cases.rows().next().unwrap()[0].to_string(),
        "Número de caso"
    );

    let file = call(&api, "export_statistics", json!({"filter": {}}));
    let mut book = calamine::open_workbook_auto(saved(&api, &file)).unwrap();
    assert!(book.worksheet_range(&es("sheet.totals")).is_ok());
    let materials = book.worksheet_range(&es("sheet.by_material")).unwrap();
    let rows: Vec<_> = materials.rows().collect();
    assert_eq!(rows[0][0].to_string(), es("field.goods_material"));
    assert_eq!(rows[0][1].to_string(), es("column.cases"));
    assert_eq!(rows[1][0].to_string(), es("material.antimony"));
}

/// The case file's text, on one line, as the signed-in person exports it.
fn exported_text(api: &Api, id: &str) -> String {
    let file = call(api, "export_case_pdf", json!({"case_id": id}));
    let text = pdf_text(&saved(api, &file));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_review_lines_of_a_spanish_case_file_are_in_spanish() {
    let (_dir, api) = setup();
    call(&api, "set_language", json!({"locale": "es"}));
    let es = |key: &str| text_in(Locale::Es, key);
    let id = case_with_party(&api, "MXZLO", "Importadora del Pacífico S.A. de C.V.");
    submit(&api, &id);
    as_user(&api, "Sam Supervisor", "supervisor");
    call(
        &api,
        "return_case",
        json!({"case_id": id, "comment": "Falta el número OMI",
               "sections": [{"section": "transport", "comment": "Agregar el número OMI"}]}),
    );
    as_user(&api, "Ines Inspector", "inspector");
    let returned = exported_text(&api, &id);
    for expected in [
        es("review.returned"),
        // The label wraps in its column, beside the comment.
        "Comentario sobre".to_string(),
        "Agregar el número OMI".to_string(),
        ": Falta el número OMI".to_string(),
        // The summary names the material found by its label; the appendix the field changed.
        format!("{}: 1 registro", es("material.antimony")),
        es("pdf.appendix"),
        es("field.goods_material"),
    ] {
        assert!(
            returned.contains(&expected),
            "{expected:?} is missing:\n{returned}"
        );
    }

    submit(&api, &id);
    as_user(&api, "Sam Supervisor", "supervisor");
    let view = call(&api, "get_case", json!({"case_id": id}));
    call(
        &api,
        "approve_case",
        json!({"case_id": id, "head": view["case"]["head"],
               "event_count": view["case"]["event_count"], "comment": "Correcto"}),
    );
    as_user(&api, "Ines Inspector", "inspector");
    call(
        &api,
        "set_change_reason",
        json!({"case_id": id, "reason": "viaje mal leído"}),
    );
    call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "voyage", "text": "123W"}),
    );
    let approved = exported_text(&api, &id);
    for expected in [
        es("pdf.title"),
        es("review.reopened"),
        es("event.review_approved"),
        format!(
            "{} 1 evento (marcado en el historial)",
            es("pdf.changed_since_approval")
        ),
        ": Correcto".to_string(),
    ] {
        assert!(
            approved.contains(&expected),
            "{expected:?} is missing:\n{approved}"
        );
    }
    for english in [
        "Seizure case file",
        "Comment on",
        "Changed since approval",
        " at 20",
    ] {
        assert!(
            !approved.contains(english),
            "{english:?} in English:\n{approved}"
        );
        assert!(
            !returned.contains(english),
            "{english:?} in English:\n{returned}"
        );
    }
}

/// The case-list CSV in the signed-in person's language: its headers, and each row by header.
fn cases_csv(api: &Api) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    let file = call(api, "export_cases", json!({"filter": {}, "format": "csv"}));
    let bytes = std::fs::read(saved(api, &file)).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (headers, rows)
}

#[test]
fn the_case_list_has_every_column_a_supervisor_filters_on_with_labels_and_codes() {
    let (_dir, api) = setup();
    let id = case_with_party(&api, "NLRTM", "Jan Jansen");
    let set = |item: Option<&str>, field: &str, text: &str| {
        call(
            &api,
            "set_field",
            json!({"case_id": id, "item": item, "field": field, "text": text}),
        );
    };
    let add = |section: &str| -> String {
        let view = call(&api, "add_item", json!({"case_id": id, "section": section}));
        let items = view["case"]["items"].as_array().unwrap();
        items.last().unwrap()["id"].as_str().unwrap().to_string()
    };
    set(None, "declared_description", "Ceramic tiles");
    set(None, "declared_hs_code", "6907.21");
    set(None, "declared_weight", "18500 kg");
    set(None, "declared_origin", "VN");
    set(None, "outcome_code", "O4");
    set(None, "detection_methods", "D1 D8");
    let goods = add("goods_found");
    set(Some(&goods), "goods_material", "tungsten");
    set(Some(&goods), "goods_hs_code", "8101.10");
    set(Some(&goods), "goods_weight", "750 kg");
    let concealment = add("concealments");
    set(Some(&concealment), "concealment_method", "C2");
    for (kind, number) in [("container", "MSCU1000070"), ("postal", "RR123456785CN")] {
        let unit = add("units");
        set(Some(&unit), "unit_kind", kind);
        set(Some(&unit), "unit_number", number);
    }
    for (locode, role) in [
        ("CNSHA", "origin"),
        ("MYPKG", "transshipment"),
        ("NLRTM", "destination"),
    ] {
        let leg = add("route");
        set(Some(&leg), "leg_locode", locode);
        set(Some(&leg), "leg_role", role);
    }

    for locale in [Locale::En, Locale::ZhCn] {
        call(&api, "set_language", json!({"locale": locale.tag()}));
        let words = |key: &str| text_in(locale, key);
        let code = |key: &str| {
            quayside_i18n::Catalogue::get(locale)
                .format(&quayside_i18n::Message::new("column.code").text("column", words(key)))
        };
        let (headers, rows) = cases_csv(&api);
        let expected_headers: Vec<String> = vec![
            words("change.case_number"),
            words("field.port"),
            words("column.opened_at"),
            words("column.updated_at"),
            words("column.opened_by"),
            words("change.status"),
            code("change.status"),
            words("field.container_number"),
            words("section.units"),
            words("field.declared_description"),
            words("field.declared_hs_code"),
            words("field.goods_hs_code"),
            words("field.goods_material"),
            code("field.goods_material"),
            words("column.declared_kg"),
            words("column.found_kg"),
            words("field.outcome_code"),
            code("field.outcome_code"),
            words("field.concealment_method"),
            code("field.concealment_method"),
            words("field.detection_methods"),
            code("field.detection_methods"),
            words("field.declared_origin"),
            words("route_role.origin"),
            words("route_role.transshipment"),
            words("route_role.destination"),
            words("column.flags"),
            code("column.flags"),
            words("column.events"),
        ];
        assert_eq!(headers, expected_headers, "{}", locale.tag());
        let row = &rows[0];
        let cell = |key: &str| row[&words(key)].clone();
        let code_of = |key: &str| row[&code(key)].clone();
        assert_eq!(cell("field.port"), "NLRTM");
        assert_eq!(cell("change.status"), words("state.draft"));
        assert_eq!(code_of("change.status"), "draft");
        assert_eq!(cell("field.declared_hs_code"), "6907.21");
        assert_eq!(
            cell("section.units"),
            format!(
                "{}: MSCU1000070; {}: RR123456785CN",
                words("unit_kind.container"),
                words("unit_kind.postal")
            )
        );
        assert_eq!(cell("field.goods_hs_code"), "8101.10");
        // Both goods entries: the antimony of the party case and the tungsten.
        assert_eq!(
            cell("field.goods_material"),
            format!(
                "{}; {}",
                words("material.antimony"),
                words("material.tungsten")
            )
        );
        assert_eq!(code_of("field.goods_material"), "antimony tungsten");
        assert_eq!(cell("column.declared_kg"), "18500");
        assert_eq!(cell("column.found_kg"), "2000");
        assert_eq!(cell("field.outcome_code"), words("outcome.O4"));
        assert_eq!(code_of("field.outcome_code"), "O4");
        assert_eq!(cell("field.concealment_method"), words("concealment.C2"));
        assert_eq!(code_of("field.concealment_method"), "C2");
        assert_eq!(
            cell("field.detection_methods"),
            format!("{}; {}", words("detection.D1"), words("detection.D8"))
        );
        assert_eq!(code_of("field.detection_methods"), "D1 D8");
        assert_eq!(cell("field.declared_origin"), "VN");
        assert_eq!(cell("route_role.origin"), "CNSHA");
        assert_eq!(cell("route_role.transshipment"), "MYPKG");
        assert_eq!(cell("route_role.destination"), "NLRTM");
        assert!(
            code_of("column.flags")
                .split(' ')
                .any(|c| c == "controlled_undeclared"),
            "{row:?}"
        );
        assert!(cell("column.flags").contains(&words("flag.controlled_undeclared")));
        assert_eq!(cell("column.opened_by"), "Ines Inspector");
        // The parties' personal data is no column of the case list.
        let all: String = row.values().cloned().collect();
        assert!(
            !all.contains("Jan Jansen") && !all.contains("ID-778899-X"),
            "{row:?}"
        );
        assert!(!all.contains("Keizersgracht"));
    }
}

/// The partner sheet's CSV, read back: headers, and each row by header.
fn partner_csv(api: &Api) -> Result<(Vec<String>, Vec<Vec<String>>), quayside_api::ApiError> {
    let file: serde_json::Value = api.dispatch(
        "export_partner_cases",
        json!({"filter": {}, "format": "csv"}),
    )?;
    assert_eq!(file["notice_key"], "export.partner");
    let bytes = std::fs::read(saved(api, &file)).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    Ok((headers, rows))
}

#[test]
fn the_partner_sheet_holds_only_shareable_approved_cases_and_nothing_personal() {
    let (_dir, api) = setup();
    let shared = case_with_party(&api, "THLCH", "Somchai Jaidee");
    let kept = case_with_party(&api, "THLCH", "Wanida Srisuk");
    let unreviewed = case_with_party(&api, "THLCH", "Kittisak Boonmee");
    let set = |id: &str, item: Option<&str>, field: &str, text: &str| {
        call(
            &api,
            "set_field",
            json!({"case_id": id, "item": item, "field": field, "text": text}),
        );
    };
    for id in [&shared, &kept, &unreviewed] {
        set(id, None, "location_type", "seaport");
        set(id, None, "customs_procedure", "export");
        set(
            id,
            None,
            "outcome_notes",
            "Handed to prosecutor Niran Thongdee",
        );
    }
    let party = call(&api, "get_case", json!({"case_id": shared}))["case"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["section"] == "parties")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    set(&shared, Some(&party), "party_role", "driver");
    set(&shared, Some(&party), "party_kind", "person");
    set(&shared, Some(&party), "party_nationality", "CN");
    set(&shared, Some(&party), "party_birth_year", "1975");
    set(&shared, Some(&party), "party_gender", "male");
    // A transport unit's number identifies transport, not a person: it may be shared.
    let unit = call(
        &api,
        "add_item",
        json!({"case_id": shared, "section": "units"}),
    )["case"]["items"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    set(&shared, Some(&unit), "unit_kind", "postal");
    set(&shared, Some(&unit), "unit_number", "RR123456785CN");
    set(&shared, None, "shareable", "yes");
    set(&kept, None, "shareable", "no");
    set(&unreviewed, None, "shareable", "yes");

    // Nothing approved yet: no file, and the message says what makes a case shareable.
    let err = partner_csv(&api).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.message.contains("None of the 3 cases") && err.message.contains("approved"),
        "{}",
        err.message
    );

    for id in [&shared, &kept] {
        submit(&api, id);
    }
    as_user(&api, "Sara Supervisor", "supervisor");
    for id in [&shared, &kept] {
        let view = call(&api, "get_case", json!({"case_id": id}));
        call(
            &api,
            "approve_case",
            json!({"case_id": id, "head": view["case"]["head"], "event_count": view["case"]["event_count"]}),
        );
    }
    let (headers, rows) = partner_csv(&api).unwrap();
    assert_eq!(rows.len(), 1, "only the approved case marked shareable");
    let cell = |header: &str| {
        let at = headers.iter().position(|h| h == header);
        rows[0][at.unwrap_or_else(|| panic!("no column {header} in {headers:?}"))].clone()
    };
    let number = call(&api, "get_case", json!({"case_id": shared}))["case"]["case_number"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(cell("Case number"), number);
    assert_eq!(cell("Type of location"), "Seaport");
    assert_eq!(cell("Type of location (code)"), "seaport");
    assert_eq!(cell("Customs procedure (code)"), "export");
    assert_eq!(cell("Container number (ISO 6346)"), "MSCU1234566");
    assert_eq!(cell("Transport units"), "Postal item: RR123456785CN");
    assert_eq!(
        cell("Offenders (role: nationality, year of birth, gender)"),
        "Driver: CN, 1975, Male"
    );
    let whole = format!("{headers:?}{rows:?}");
    for personal in [
        "Somchai",
        "ID-778899",
        "Keizersgracht",
        "prosecutor",
        "Ines Inspector",
        "Sara Supervisor",
        "present at the inspection",
    ] {
        assert!(
            !whole.contains(personal),
            "{personal} left the agency: {whole}"
        );
    }
}

#[test]
fn the_pdf_names_a_relabelled_origin_and_an_undeclared_transshipment() {
    let (_dir, api) = setup();
    let id = call(&api, "open_case", json!({"port": "THLCH"}))["case"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "declared_origin", "text": "TH"}),
    );
    for (place, role, basis) in [
        ("CNSHA", "origin", "established"),
        ("VNSGN", "transshipment", "established"),
        ("USLAX", "destination", "declared"),
    ] {
        let view = call(&api, "add_item", json!({"case_id": id, "section": "route"}));
        let leg = view["case"]["items"].as_array().unwrap().last().unwrap()["id"].clone();
        for (field, text) in [
            ("leg_locode", place),
            ("leg_role", role),
            ("leg_basis", basis),
        ] {
            call(
                &api,
                "set_field",
                json!({"case_id": id, "item": leg, "field": field, "text": text}),
            );
        }
    }
    let flat = exported_text(&api, &id);
    assert!(flat.contains("Origin relabelled"), "{flat}");
    assert!(
        flat.contains("Declared origin TH; route establishes CN (CNSHA)"),
        "{flat}"
    );
    assert!(flat.contains("Undeclared transshipment"), "{flat}");
    assert!(flat.contains("transshipped at VNSGN (VN)"), "{flat}");
}

#[test]
fn the_pdf_names_the_declared_line_goods_were_found_within_and_the_commingling() {
    let (_dir, api) = setup();
    let id = call(&api, "open_case", json!({"port": "CNSHA"}))["case"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let add = |section: &str, fields: &[(&str, &str)]| {
        let view = call(&api, "add_item", json!({"case_id": id, "section": section}));
        let item = view["case"]["items"].as_array().unwrap().last().unwrap()["id"].clone();
        for (field, text) in fields {
            call(
                &api,
                "set_field",
                json!({"case_id": id, "item": item, "field": field, "text": text}),
            );
        }
        item.as_str().unwrap().to_string()
    };
    let tiles = add(
        "declared_lines",
        &[
            ("line_description", "Ceramic tiles"),
            ("line_weight", "18000 kg"),
        ],
    );
    add(
        "goods_found",
        &[
            ("goods_material", "antimony"),
            ("goods_weight", "2400 kg"),
            ("goods_declared_line", tiles.as_str()),
        ],
    );
    let flat = exported_text(&api, &id);
    assert!(
        flat.contains("Controlled material within other goods"),
        "{flat}"
    );
    assert!(
        flat.contains("2400 kg of Antimony found within declared line 1 (Ceramic tiles, 18000 kg)"),
        "{flat}"
    );
    assert!(
        flat.contains("Found within or in place of Declared line 1"),
        "{flat}"
    );
    assert!(
        !flat.contains(&tiles),
        "the line's id is not printed: {flat}"
    );
}

#[test]
fn the_pdf_lists_the_transport_units_and_names_the_unit_goods_were_found_in() {
    let (_dir, api) = setup();
    let id = call(&api, "open_case", json!({"port": "THLCH"}))["case"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let add = |section: &str, fields: &[(&str, &str)]| {
        let view = call(&api, "add_item", json!({"case_id": id, "section": section}));
        let item = view["case"]["items"].as_array().unwrap().last().unwrap()["id"].clone();
        for (field, text) in fields {
            call(
                &api,
                "set_field",
                json!({"case_id": id, "item": item, "field": field, "text": text}),
            );
        }
        item.as_str().unwrap().to_string()
    };
    add(
        "units",
        &[("unit_kind", "container"), ("unit_number", "CSQU3054383")],
    );
    let uld = add(
        "units",
        &[("unit_kind", "uld"), ("unit_number", "AKE12345CX")],
    );
    add(
        "goods_found",
        &[
            ("goods_material", "gallium_germanium"),
            ("goods_unit", uld.as_str()),
        ],
    );
    let flat = exported_text(&api, &id);
    assert!(flat.contains("Transport units"), "{flat}");
    assert!(flat.contains("Unit number CSQU3054383"), "{flat}");
    assert!(flat.contains("Unit number AKE12345CX"), "{flat}");
    assert!(flat.contains("Found in unit Unit 2"), "{flat}");
    assert!(!flat.contains(&uld), "the unit's id is not printed: {flat}");
}

#[test]
fn the_pdf_names_the_sample_a_reading_was_taken_on_and_the_analyser_flag() {
    let (_dir, api) = setup();
    let id = call(&api, "open_case", json!({"port": "CNSHA"}))["case"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "declared_hs_code", "text": "3810.10"}),
    );
    let add = |section: &str, fields: &[(&str, &str)]| {
        let view = call(&api, "add_item", json!({"case_id": id, "section": section}));
        let item = view["case"]["items"].as_array().unwrap().last().unwrap()["id"].clone();
        for (field, text) in fields {
            call(
                &api,
                "set_field",
                json!({"case_id": id, "item": item, "field": field, "text": text}),
            );
        }
        item.as_str().unwrap().to_string()
    };
    let sample = add("samples", &[("sample_method", "xrf")]);
    add(
        "readings",
        &[
            ("reading_sample", sample.as_str()),
            ("reading_element", "Ga"),
            ("reading_mass_percent", "38.2"),
        ],
    );
    let flat = exported_text(&api, &id);
    assert!(
        flat.contains("Controlled element read by the analyser"),
        "{flat}"
    );
    assert!(
        flat.contains("The analyser read 38.2 % Ga in sample 1"),
        "{flat}"
    );
    assert!(flat.contains("Sample 1"), "{flat}");
    assert!(
        !flat.contains(&sample),
        "the sample's id is not printed: {flat}"
    );
}
