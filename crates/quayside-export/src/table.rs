//! Tables as CSV (one sheet) or XLSX (a workbook of sheets).
//!
//! Text that a spreadsheet would run as a formula never is: in CSV a text cell starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice against CSV
//! injection); in XLSX text is always written as a string cell, never as a formula.

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook};

use crate::ExportError;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The tab's name in a workbook; made valid and unique by [`sheet_names`].
    pub name: String,
    pub headers: Vec<String>,
    /// One cell per header in each row.
    pub rows: Vec<Vec<Cell>>,
}

/// Rows an XLSX sheet holds below its header row (Excel's limit is 1,048,576 rows in all).
const MAX_ROWS: usize = 1_048_575;
const MAX_COLUMNS: usize = 16_384;
/// Characters one spreadsheet cell holds.
const MAX_CELL_CHARS: usize = 32_767;
const MAX_SHEET_NAME: usize = 31;

/// The sheet as CSV: UTF-8 with a byte-order mark (so Excel reads accents right), comma
/// separated, CRLF line ends, fields quoted as RFC 4180 requires (a comma, quote or line break
/// inside), numbers as plain decimals, text guarded against formula injection.
pub fn csv(sheet: &Sheet) -> Result<Vec<u8>, ExportError> {
    check(sheet)?;
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut out);
    let failed = |e: csv::Error| ExportError::Csv(e.to_string());
    writer
        .write_record(sheet.headers.iter().map(|h| guard(h)))
        .map_err(failed)?;
    for row in &sheet.rows {
        writer
            .write_record(row.iter().map(|cell| match cell {
                Cell::Text(text) => guard(text),
                Cell::Number(n) => n.to_string(),
                Cell::Empty => String::new(),
            }))
            .map_err(failed)?;
    }
    writer
        .flush()
        .map_err(|e| ExportError::Csv(e.to_string()))?;
    drop(writer);
    Ok(out)
}

/// A leading `'` on text a spreadsheet would take for a formula (or for a formula after a
/// stripped tab or carriage return). Spreadsheets show the `'` as text, which is the point.
fn guard(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The sheets as an XLSX workbook: a bold, shaded header row that stays in view (frozen) with
/// filter buttons, and columns about as wide as their contents.
pub fn xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, ExportError> {
    if sheets.is_empty() {
        return Err(ExportError::NoSheets);
    }
    let failed = |e: rust_xlsxwriter::XlsxError| ExportError::Xlsx(e.to_string());
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE4E9EF))
        .set_border_bottom(FormatBorder::Thin);
    let mut workbook = Workbook::new();
    for (sheet, name) in sheets.iter().zip(sheet_names(sheets)) {
        check(sheet)?;
        check_xlsx_limits(sheet)?;
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(name).map_err(failed)?;
        for (col, heading) in sheet.headers.iter().enumerate() {
            worksheet
                .write_string_with_format(0, col as u16, heading, &header)
                .map_err(failed)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let col = col as u16;
                match cell {
                    Cell::Text(text) => worksheet.write_string(r, col, text).map_err(failed)?,
                    Cell::Number(n) => worksheet.write_number(r, col, *n).map_err(failed)?,
                    Cell::Empty => worksheet,
                };
            }
        }
        if !sheet.headers.is_empty() {
            worksheet.set_freeze_panes(1, 0).map_err(failed)?;
            worksheet
                .autofilter(
                    0,
                    0,
                    sheet.rows.len() as u32,
                    (sheet.headers.len() - 1) as u16,
                )
                .map_err(failed)?;
        }
        for (col, width) in column_widths(sheet).into_iter().enumerate() {
            worksheet
                .set_column_width(col as u16, width)
                .map_err(failed)?;
        }
    }
    workbook.save_to_buffer().map_err(failed)
}

/// Width of each column in Excel's character units: the longest line of its header (plus room
/// for the filter button) or cells, between 8 and 60.
fn column_widths(sheet: &Sheet) -> Vec<f64> {
    let longest = |text: &str| text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    sheet
        .headers
        .iter()
        .enumerate()
        .map(|(col, heading)| {
            let cells = sheet
                .rows
                .iter()
                .filter_map(|row| row.get(col))
                .map(|cell| match cell {
                    Cell::Text(text) => longest(text),
                    Cell::Number(n) => n.to_string().len(),
                    Cell::Empty => 0,
                })
                .max()
                .unwrap_or(0);
            let chars = cells.max(longest(heading) + 3);
            (chars as f64 + 1.0).clamp(8.0, 60.0)
        })
        .collect()
}

/// Each sheet's name made valid for Excel and unique within the workbook (case-insensitively,
/// as Excel compares them): the characters `[ ] : * ? / \` become `_`, at most 31 characters, no
/// `'` at either end, not the reserved "History"; an empty name becomes "Sheet N"; a repeated
/// name gets " (2)", " (3)", ...
pub fn sheet_names(sheets: &[Sheet]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(sheets.len());
    for (index, sheet) in sheets.iter().enumerate() {
        let base = sanitise_sheet_name(&sheet.name, index);
        let mut name = base.clone();
        let mut n = 2;
        while names.iter().any(|taken| same_name(taken, &name)) {
            let suffix = format!(" ({n})");
            let room = MAX_SHEET_NAME - suffix.chars().count();
            let stem: String = base.chars().take(room).collect();
            name = format!("{}{suffix}", stem.trim_end());
            n += 1;
        }
        names.push(name);
    }
    names
}

fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

fn sanitise_sheet_name(name: &str, index: usize) -> String {
    let replaced: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trim = |s: &str| s.trim().trim_matches('\'').trim().to_string();
    let truncated: String = trim(&replaced).chars().take(MAX_SHEET_NAME).collect();
    let name = trim(&truncated);
    if name.is_empty() {
        format!("Sheet {}", index + 1)
    } else if name.eq_ignore_ascii_case("history") {
        format!("{name}_")
    } else {
        name
    }
}

/// Every row has one cell per header, and every number is one a spreadsheet can hold.
fn check(sheet: &Sheet) -> Result<(), ExportError> {
    let columns = sheet.headers.len();
    for (r, row) in sheet.rows.iter().enumerate() {
        if row.len() != columns {
            return Err(ExportError::RowLength {
                sheet: sheet.name.clone(),
                row: r + 1,
                cells: row.len(),
                columns,
            });
        }
        for (c, cell) in row.iter().enumerate() {
            if let Cell::Number(n) = cell {
                if !n.is_finite() {
                    return Err(ExportError::NotANumber {
                        sheet: sheet.name.clone(),
                        row: r + 1,
                        column: sheet.headers[c].clone(),
                        value: *n,
                    });
                }
            }
        }
    }
    Ok(())
}

fn check_xlsx_limits(sheet: &Sheet) -> Result<(), ExportError> {
    if sheet.rows.len() > MAX_ROWS {
        return Err(ExportError::TooManyRows {
            sheet: sheet.name.clone(),
            rows: sheet.rows.len(),
            max: MAX_ROWS,
        });
    }
    if sheet.headers.len() > MAX_COLUMNS {
        return Err(ExportError::TooManyColumns {
            sheet: sheet.name.clone(),
            columns: sheet.headers.len(),
            max: MAX_COLUMNS,
        });
    }
    let too_long = |row: usize, column: &str, text: &str| {
        let chars = text.chars().count();
        (chars > MAX_CELL_CHARS).then(|| ExportError::CellTooLong {
            sheet: sheet.name.clone(),
            row,
            column: column.to_string(),
            chars,
            max: MAX_CELL_CHARS,
        })
    };
    for (r, row) in sheet.rows.iter().enumerate() {
        for (cell, heading) in row.iter().zip(&sheet.headers) {
            if let Cell::Text(text) = cell {
                if let Some(e) = too_long(r + 1, heading, text) {
                    return Err(e);
                }
            }
        }
    }
    Ok(())
}
