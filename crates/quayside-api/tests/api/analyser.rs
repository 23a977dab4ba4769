//! Importing a handheld analyser's export: columns recognised or chosen, one reading per element
//! detected, bad rows named by their line, and an import refused or written whole.

use quayside_api::Api;
use serde_json::{json, Value};

use crate::harness::{call, english_json, fails, setup_with_case};

/// As a Vanta writes it: one row per reading, each element with its "+/-" column.
const VANTA: &str = "\
Reading No,Time,Instrument Serial,Ga,Ga +/-,Ge,Ge +/-,Sn,Sn +/-,Pb,Pb +/-
1,2026-11-28 10:02:11,VNT-804211,38.2,0.4,<LOD,,41.75,0.31,12.1,0.2
2,2026-11-28 10:03:40,VNT-804211,<LOD,,<LOD,,62.5,0.5,36.1,0.3
";

/// Columns no analyser's layout names: the person says what each is.
const NITON: &str = "\
Probe #;Date;Clock;Unit SN;Gallium %;Gallium 2s;Zinn;Blei
17;2026-11-28;11:20;NTN-5521;0,85;0,05;63,4;35,9
18;2026-11-28;11:21;NTN-5521;ND;;62,9;36,0
";

fn columns(api: &Api, case: &str, csv: &str) -> Value {
    api.dispatch_with_bytes(
        "analyser_columns",
        json!({"case_id": case, "file_name": "export.csv"}),
        csv.as_bytes(),
    )
    .unwrap()
}

fn import(api: &Api, case: &str, csv: &str, args: Value) -> Result<Value, quayside_api::ApiError> {
    let mut all = json!({"case_id": case, "file_name": "export.csv"});
    for (k, v) in args.as_object().unwrap() {
        all[k] = v.clone();
    }
    api.dispatch_with_bytes("import_readings", all, csv.as_bytes())
}

/// A case declaring solder paste, with one sample handed to the lab (so its chain of custody
/// holds and only readings raise flags); the sample's id.
fn solder_paste_case(api: &Api, case: &str) -> String {
    call(
        api,
        "set_field",
        json!({"case_id": case, "field": "declared_hs_code", "text": "3810.10"}),
    );
    let view = call(
        api,
        "add_item",
        json!({"case_id": case, "section": "samples"}),
    );
    let sample = view["case"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["section"] == "samples")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    call(
        api,
        "record_custody",
        json!({"case_id": case, "item": sample, "from": "Ines Inspector", "to": "Port lab",
               "place": "Shanghai customs lab", "at": "2026-11-28 10:30", "condition": "sealed"}),
    );
    sample
}

fn readings(view: &Value) -> Vec<&Value> {
    view["case"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["section"] == "readings")
        .collect()
}

fn field<'a>(item: &'a Value, field: &str) -> Option<&'a str> {
    item["fields"][field]["value"].as_str()
}

fn events(api: &Api, case: &str) -> usize {
    call(api, "timeline", json!({"case_id": case}))
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn a_vanta_export_is_read_as_it_is_and_flags_the_gallium() {
    let (_dir, api, case) = setup_with_case();
    let sample = solder_paste_case(&api, &case);
    let found = columns(&api, &case, VANTA);
    assert_eq!(found["rows"], 2);
    assert_eq!(found["headers"][3], "Ga");
    let meanings = found["meanings"].clone();
    assert_eq!(meanings.as_array().unwrap().len(), 11, "{meanings}");
    assert_eq!(found["preview"][0][3], "38.2");

    let result = import(&api, &case, VANTA, json!({"sample": sample, "meanings": meanings, "instrument_make": "Olympus", "instrument_model": "Vanta C"})).unwrap();
    assert_eq!(result["written"], true);
    assert_eq!(result["rows_imported"], 2);
    // Row 1: Ga, Sn, Pb; row 2: Sn, Pb. Germanium was detected in neither.
    assert_eq!(result["readings_added"], 5);
    assert_eq!(result["not_detected"], 3);
    let view = call(&api, "get_case", json!({"case_id": case}));
    let read = readings(&view);
    assert_eq!(read.len(), 5);
    let gallium = read[0];
    assert_eq!(field(gallium, "reading_element"), Some("Ga"));
    assert_eq!(field(gallium, "reading_mass_percent"), Some("38.2"));
    assert_eq!(field(gallium, "reading_uncertainty"), Some("0.4"));
    assert_eq!(field(gallium, "reading_id"), Some("1"));
    assert_eq!(field(gallium, "reading_taken_at"), Some("2026-11-28 10:02"));
    assert_eq!(
        field(gallium, "reading_instrument_serial"),
        Some("VNT-804211")
    );
    assert_eq!(field(gallium, "reading_instrument_make"), Some("Olympus"));
    assert_eq!(field(gallium, "reading_sample"), Some(sample.as_str()));

    // Tin and lead are what solder paste is: only the gallium is flagged.
    let flags = view["flags"].as_array().unwrap();
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert_eq!(flags[0]["code"], "analyser_controlled");
    assert_eq!(
        english_json(&flags[0]["details"][0]),
        "The analyser read 38.2 % Ga in sample 1; the declaration (3810.10 solder paste) \
         contains no Gallium"
    );

    // The timeline names the sample, not its id.
    let timeline = call(&api, "timeline", json!({"case_id": case}));
    let text = timeline.to_string();
    assert!(
        !text.contains(&sample),
        "the sample's id shows in the timeline"
    );
    assert!(text.contains("change.entry"), "{text}");
}

#[test]
fn an_unknown_layout_is_read_once_the_person_says_what_each_column_is() {
    let (_dir, api, case) = setup_with_case();
    let sample = solder_paste_case(&api, &case);
    let found = columns(&api, &case, NITON);
    // "Date" and the gallium column by its name are recognised; the rest is the person's to say.
    assert_eq!(
        found["meanings"],
        json!([
            {"column": 1, "role": "time", "element": null},
            {"column": 4, "role": "element", "element": "Ga"},
        ])
    );
    let refused = import(
        &api,
        &case,
        NITON,
        json!({"sample": sample, "meanings": []}),
    )
    .unwrap_err();
    assert_eq!(
        refused.message,
        "No column is marked as an element: for each column of mass %, choose the element it reads"
    );
    let meanings = json!([
        {"column": 0, "role": "reading_id"},
        {"column": 1, "role": "time"},
        {"column": 2, "role": "time"},
        {"column": 3, "role": "instrument_serial"},
        {"column": 4, "role": "element", "element": "Ga"},
        {"column": 5, "role": "uncertainty", "element": "Ga"},
        {"column": 6, "role": "element", "element": "Sn"},
        {"column": 7, "role": "element", "element": "Pb"},
    ]);
    let result = import(
        &api,
        &case,
        NITON,
        json!({"sample": sample, "meanings": meanings}),
    )
    .unwrap();
    assert_eq!(result["readings_added"], 5);
    let view = &result["case"];
    let read = readings(&result["case"]);
    assert_eq!(field(read[0], "reading_mass_percent"), Some("0.85"));
    assert_eq!(field(read[0], "reading_uncertainty"), Some("0.05"));
    assert_eq!(field(read[0], "reading_taken_at"), Some("2026-11-28 11:20"));
    assert_eq!(field(read[1], "reading_element"), Some("Sn"));
    assert_eq!(field(read[1], "reading_mass_percent"), Some("63.4"));
    // 0.85 % gallium is a trace, under the threshold.
    assert_eq!(view["flags"], json!([]));

    let twice = json!([
        {"column": 4, "role": "element", "element": "Ga"},
        {"column": 6, "role": "element", "element": "Ga"},
    ]);
    let refused = import(
        &api,
        &case,
        NITON,
        json!({"sample": sample, "meanings": twice}),
    )
    .unwrap_err();
    assert!(
        refused
            .message
            .starts_with("Two columns are marked as Gallium"),
        "{}",
        refused.message
    );
    let outside = json!([{"column": 9, "role": "element", "element": "Ga"}]);
    let refused = import(
        &api,
        &case,
        NITON,
        json!({"sample": sample, "meanings": outside}),
    )
    .unwrap_err();
    assert_eq!(
        refused.message,
        "Column 10 is not in the file, which has 8 columns: choose the columns' meanings again"
    );
}

#[test]
fn a_bad_row_is_named_by_its_line_and_nothing_is_written_without_consent() {
    let (_dir, api, case) = setup_with_case();
    let sample = solder_paste_case(&api, &case);
    let bad = format!("{VANTA}3,2026-11-28 10:05:02,VNT-804211,abc,,,,60.1,0.5,38.2,0.3\n");
    let meanings = columns(&api, &case, &bad)["meanings"].clone();
    let before = events(&api, &case);
    let result = import(
        &api,
        &case,
        &bad,
        json!({"sample": sample, "meanings": meanings}),
    )
    .unwrap();
    assert_eq!(result["written"], false);
    let named: Vec<String> = result["bad_rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(english_json)
        .collect();
    assert_eq!(
        named,
        vec!["line 4: Ga is 'abc', not a number from 0 to 100 with at most 4 decimals"]
    );
    assert_eq!(
        events(&api, &case),
        before,
        "a refused import wrote something"
    );
    assert!(readings(&result["case"]).is_empty());

    // With the person's word, the good rows go in and the bad one stays out.
    let result = import(
        &api,
        &case,
        &bad,
        json!({"sample": sample, "meanings": meanings, "skip_bad_rows": true}),
    )
    .unwrap();
    assert_eq!(result["written"], true);
    assert_eq!(result["rows_imported"], 2);
    assert_eq!(readings(&result["case"]).len(), 5);
}

#[test]
fn readings_name_a_sample_of_this_case_that_stands() {
    let (_dir, api, case) = setup_with_case();
    solder_paste_case(&api, &case);
    let meanings = columns(&api, &case, VANTA)["meanings"].clone();
    let before = events(&api, &case);
    let stranger = "0190f0c2-58a4-7cc3-9d1e-3f2f1a6c9b10";
    let refused = import(
        &api,
        &case,
        VANTA,
        json!({"sample": stranger, "meanings": meanings}),
    )
    .unwrap_err();
    assert_eq!(
        refused.message,
        "That Sample is not in this case or has been withdrawn: choose one from the list"
    );
    assert_eq!(events(&api, &case), before);

    // Typed by hand, the link is checked the same way.
    let view = call(
        &api,
        "add_item",
        json!({"case_id": case, "section": "readings"}),
    );
    let reading = readings(&view)[0]["id"].as_str().unwrap().to_string();
    let refused = fails(
        &api,
        "set_field",
        json!({"case_id": case, "item": reading, "field": "reading_sample", "text": stranger}),
    );
    assert_eq!(
        refused.field.map(|f| format!("{f:?}")),
        Some("ReadingSample".into())
    );
}

#[test]
fn what_is_not_an_export_is_refused_with_what_to_do() {
    let (_dir, api, case) = setup_with_case();
    let empty = api
        .dispatch_with_bytes(
            "analyser_columns",
            json!({"case_id": case, "file_name": "empty.csv"}),
            b"Reading No,Ga\n",
        )
        .unwrap_err();
    assert_eq!(
        empty.message,
        "empty.csv holds no readings: it needs a row of column names and then a row per reading. \
         Nothing was imported."
    );
    let binary = api
        .dispatch_with_bytes(
            "analyser_columns",
            json!({"case_id": case, "file_name": "photo.jpg"}),
            &[0xff, 0xd8, 0xff, 0xe0, 0x00],
        )
        .unwrap_err();
    assert!(
        binary
            .message
            .starts_with("photo.jpg cannot be read as a CSV file (not UTF-8 text)"),
        "{}",
        binary.message
    );
}

/// A geochemical-mode export: concentrations in parts per million, said in the headers.
const PPM: &str = "\
Reading No,Ga (ppm),Ga +/- (ppm),Sn (ppm),Sn +/- (ppm)
7,382000,4000,415000,3100
8,2500,90,620000,5000
";

#[test]
fn parts_per_million_are_recognised_and_kept_as_mass_percent() {
    let (_dir, api, case) = setup_with_case();
    let sample = solder_paste_case(&api, &case);
    let found = columns(&api, &case, PPM);
    assert_eq!(found["concentration"], "ppm");
    assert_eq!(columns(&api, &case, VANTA)["concentration"], "percent");
    let meanings = found["meanings"].clone();
    assert_eq!(meanings.as_array().unwrap().len(), 5, "{meanings}");

    // Read as mass %, the ppm values are over 100: refused by row, nothing written.
    let as_percent = import(
        &api,
        &case,
        PPM,
        json!({"sample": sample, "meanings": meanings, "concentration": "percent"}),
    )
    .unwrap();
    assert_eq!(as_percent["written"], false);
    assert_eq!(as_percent["bad_rows"].as_array().unwrap().len(), 2);

    let result = import(
        &api,
        &case,
        PPM,
        json!({"sample": sample, "meanings": meanings, "concentration": "ppm"}),
    )
    .unwrap();
    assert_eq!(result["written"], true, "{result}");
    let view = call(&api, "get_case", json!({"case_id": case}));
    let read = readings(&view);
    assert_eq!(field(read[0], "reading_mass_percent"), Some("38.2"));
    assert_eq!(field(read[0], "reading_uncertainty"), Some("0.4"));
    assert_eq!(field(read[2], "reading_mass_percent"), Some("0.25"));
    let flags = view["flags"].as_array().unwrap();
    assert_eq!(flags[0]["code"], "analyser_controlled");
    assert!(english_json(&flags[0]["details"][0]).contains("38.2 % Ga"));
}
