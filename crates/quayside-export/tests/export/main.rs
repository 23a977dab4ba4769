//! The export crate's integration tests, one module per source module: `fonts` checks the font
//! files are where the app ships them from, `pdf` reads the case-file PDF back with poppler's
//! tools, `table` reads CSV and XLSX back with real readers.

mod fonts;
mod pdf;
mod table;
