//! Exports: the case file as a PDF a court can read, and tables as CSV or XLSX.
//!
//! Pure: bytes in, bytes out. No files, no network, no clock (the caller passes the time), no
//! system fonts: the caller passes the bytes of the fonts the app ships ([`PdfFonts`]).

mod fonts;
mod layout;
pub mod pdf;
pub mod table;

pub use fonts::{PdfFonts, FONT_FILES};
pub use pdf::{
    case_file_pdf, display_time, display_value, manifest, manifest_sha256, CaseDocument,
    EventDigest, PhotoPage,
};
pub use table::{csv, sheet_names, xlsx, Cell, Sheet};

/// Why an export could not be made, said so that the person (or the caller) can fix it.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExportError {
    #[error("the font {file} could not be read ({reason})")]
    Font { file: String, reason: String },
    #[error(
        "the case has {photos} photos but the export was given {pages} photo pages: \
         pass one photo page per photo of the case, in the case's order"
    )]
    PhotoCount { photos: usize, pages: usize },
    #[error(
        "photo {position} of the case is {expected} but the export was given {given}: \
         pass the photo pages in the case's order"
    )]
    PhotoMismatch {
        position: usize,
        expected: String,
        given: String,
    },
    #[error(
        "event {event_id}: {value:?} is not a SHA-256 in hex (64 lowercase hex digits): pass the \
         hash of the event's signed body"
    )]
    EventHash { event_id: uuid::Uuid, value: String },
    #[error("the PDF could not be written ({0}); please report this with the case number")]
    Pdf(String),
    #[error("nothing to export: a workbook needs at least one sheet")]
    NoSheets,
    #[error(
        "sheet \"{sheet}\", row {row}: it has {cells} cells but the sheet has {columns} \
         columns; give every row one cell per column heading"
    )]
    RowLength {
        sheet: String,
        row: usize,
        cells: usize,
        columns: usize,
    },
    #[error(
        "sheet \"{sheet}\", row {row}, column \"{column}\": {value} is not a number a \
         spreadsheet can hold; leave the cell empty or write it as text"
    )]
    NotANumber {
        sheet: String,
        row: usize,
        column: String,
        value: f64,
    },
    #[error(
        "sheet \"{sheet}\" has {rows} rows, more than the {max} an XLSX sheet can hold: \
         narrow the selection or export it as CSV"
    )]
    TooManyRows {
        sheet: String,
        rows: usize,
        max: usize,
    },
    #[error(
        "sheet \"{sheet}\" has {columns} columns, more than the {max} an XLSX sheet can hold: \
         export fewer columns or export it as CSV"
    )]
    TooManyColumns {
        sheet: String,
        columns: usize,
        max: usize,
    },
    #[error(
        "sheet \"{sheet}\", row {row}, column \"{column}\": the text is {chars} characters, \
         more than the {max} a spreadsheet cell can hold; export it as CSV instead"
    )]
    CellTooLong {
        sheet: String,
        row: usize,
        column: String,
        chars: usize,
        max: usize,
    },
    #[error("the CSV could not be written ({0}); please report this")]
    Csv(String),
    #[error("the XLSX workbook could not be written ({0}); please report this")]
    Xlsx(String),
}
