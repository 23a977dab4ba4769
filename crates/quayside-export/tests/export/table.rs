//! CSV and XLSX read back with real readers: the `csv` crate, and calamine for XLSX.

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use quayside_export::{csv, sheet_names, xlsx, Cell, ExportError, Sheet};

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn cases() -> Sheet {
    Sheet {
        name: "Cases".into(),
        headers: vec![
            "Case number".into(),
            "Vessel".into(),
            "Declared weight (kg)".into(),
            "Notes".into(),
        ],
        rows: vec![
            vec![
                text("NLRTM-2026-K7F3QA-0001"),
                text("MSC ANNA"),
                Cell::Number(18500.0),
                text("Shipper \"Ñandú Trading\", Shanghai; consignee Çağlar Öztürk"),
            ],
            vec![
                text("NLRTM-2026-K7F3QA-0002"),
                Cell::Empty,
                Cell::Number(0.125),
                text("first line\r\nsecond line, with a comma\nthird"),
            ],
            vec![
                text("NLRTM-2026-K7F3QA-0003"),
                text("王伟号"),
                Cell::Number(-42.5),
                Cell::Empty,
            ],
        ],
    }
}

fn formulas() -> Sheet {
    Sheet {
        name: "Seals: broken/intact?".into(),
        headers: vec!["=HEADER()".into(), "Value".into()],
        rows: vec![
            vec![text("=HYPERLINK(\"http://x\",\"click\")"), text("+1")],
            vec![text("-2+3"), text("@SUM(A1:A2)")],
            vec![text("\tindented"), text("\rreturn")],
            vec![text("a=b is fine"), Cell::Number(-7.0)],
        ],
    }
}

/// The CSV's records as strings, read by the csv crate after checking for the byte-order mark.
fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("the CSV starts with a UTF-8 byte-order mark");
    // `::csv` is the csv crate (the reader); plain `csv` is the export function.
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_round_trips_quotes_line_breaks_accents_and_numbers() {
    let sheet = cases();
    let bytes = quayside_export::csv(&sheet).unwrap();
    let records = read_csv(&bytes);
    assert_eq!(records.len(), 1 + sheet.rows.len());
    assert_eq!(records[0], sheet.headers);
    for (record, row) in records[1..].iter().zip(&sheet.rows) {
        let expected: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(t) => t.clone(),
                Cell::Number(n) => n.to_string(),
                Cell::Empty => String::new(),
            })
            .collect();
        assert_eq!(record, &expected);
    }
    let raw = String::from_utf8(bytes).unwrap();
    assert!(raw.contains("\"Shipper \"\"Ñandú Trading\"\", Shanghai; consignee Çağlar Öztürk\""));
    assert!(raw.contains(",18500,"), "numbers are plain decimals: {raw}");
    assert!(raw.ends_with("\r\n"), "RFC 4180 line ends");
}

#[test]
fn csv_guards_text_a_spreadsheet_would_run_as_a_formula() {
    let records = read_csv(&csv(&formulas()).unwrap());
    assert_eq!(records[0], vec!["'=HEADER()", "Value"]);
    assert_eq!(
        records[1],
        vec!["'=HYPERLINK(\"http://x\",\"click\")", "'+1"]
    );
    assert_eq!(records[2], vec!["'-2+3", "'@SUM(A1:A2)"]);
    assert_eq!(records[3], vec!["'\tindented", "'\rreturn"]);
    // Text with = elsewhere is left alone, and a number is a number, sign and all.
    assert_eq!(records[4], vec!["a=b is fine", "-7"]);
}

#[test]
fn a_row_of_the_wrong_length_or_a_non_number_is_refused_with_the_fix() {
    let mut sheet = cases();
    sheet.rows[1].pop();
    let err = csv(&sheet).unwrap_err();
    assert_eq!(
        err,
        ExportError::RowLength {
            sheet: "Cases".into(),
            row: 2,
            cells: 3,
            columns: 4
        }
    );
    assert!(err.to_string().contains("one cell per column heading"));
    assert!(xlsx(&[sheet]).is_err());

    let mut sheet = cases();
    sheet.rows[0][2] = Cell::Number(f64::NAN);
    let err = xlsx(&[sheet.clone()]).unwrap_err();
    assert!(
        err.to_string()
            .contains("column \"Declared weight (kg)\": NaN is not a number"),
        "{err}"
    );
    assert!(csv(&sheet).is_err());

    let err = xlsx(&[]).unwrap_err();
    assert_eq!(err, ExportError::NoSheets);

    let mut sheet = cases();
    sheet.rows[0][3] = text(&"x".repeat(40_000));
    let err = xlsx(&[sheet]).unwrap_err();
    assert!(
        err.to_string().contains("export it as CSV instead"),
        "{err}"
    );
}

fn expected_data(cell: &Cell) -> Data {
    match cell {
        Cell::Text(t) => Data::String(t.clone()),
        Cell::Number(n) => Data::Float(*n),
        Cell::Empty => Data::Empty,
    }
}

#[test]
fn xlsx_holds_every_header_and_cell_of_two_sheets_as_values_never_formulas() {
    let sheets = [cases(), formulas()];
    let bytes = xlsx(&sheets).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(names, vec!["Cases", "Seals_ broken_intact_"]);
    for (sheet, name) in sheets.iter().zip(&names) {
        let range = workbook.worksheet_range(name).unwrap();
        assert_eq!(range.start(), Some((0, 0)));
        let rows: Vec<&[Data]> = range.rows().collect();
        assert_eq!(rows.len(), 1 + sheet.rows.len(), "sheet {name}");
        let headers: Vec<Data> = sheet
            .headers
            .iter()
            .map(|h| Data::String(h.clone()))
            .collect();
        assert_eq!(rows[0], headers.as_slice());
        for (got, row) in rows[1..].iter().zip(&sheet.rows) {
            let want: Vec<Data> = row.iter().map(expected_data).collect();
            assert_eq!(*got, want.as_slice(), "sheet {name}");
        }
        let formulas = workbook.worksheet_formula(name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no cell of {name} is a formula"
        );
    }

    // The header row is frozen and carries filter buttons; headers are bold.
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        xml
    };
    let first = part("xl/worksheets/sheet1.xml");
    assert!(first.contains("ySplit=\"1\"") && first.contains("state=\"frozen\""));
    assert!(first.contains("<autoFilter ref=\"A1:D4\""), "{first}");
    assert!(first.contains("<col "), "column widths are set");
    assert!(part("xl/worksheets/sheet2.xml").contains("<autoFilter ref=\"A1:B5\""));
    assert!(part("xl/styles.xml").contains("<b/>"));
}

fn named(name: &str) -> Sheet {
    Sheet {
        name: name.into(),
        headers: vec!["A".into()],
        rows: vec![vec![Cell::Number(1.0)]],
    }
}

#[test]
fn sheet_names_are_made_valid_and_unique_for_excel() {
    let sheets: Vec<Sheet> = [
        "Goods [found]: weight/value?*\\",
        "A name far longer than thirty-one characters in all",
        "A name far longer than thirty-one characters, again",
        "'quoted'",
        "",
        "cases",
        "Cases",
        "History",
    ]
    .into_iter()
    .map(named)
    .collect();
    let names = sheet_names(&sheets);
    assert_eq!(
        names,
        vec![
            "Goods _found__ weight_value___",
            "A name far longer than thirty-o",
            "A name far longer than thir (2)",
            "quoted",
            "Sheet 5",
            "cases",
            "Cases (2)",
            "History_",
        ]
    );
    for name in &names {
        assert!(name.chars().count() <= 31);
    }
    // Excel (here, calamine and rust_xlsxwriter) accepts them all.
    let bytes = xlsx(&sheets).unwrap();
    let workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(workbook.sheet_names(), names);
}
