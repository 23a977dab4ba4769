//! The export crate's integration tests, one module per source module: `pdf` reads the case-file
//! PDF back with poppler's tools, `table` reads CSV and XLSX back with real readers.

mod pdf;
mod table;
