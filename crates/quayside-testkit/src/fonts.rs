//! The fonts of the PDF exports: the repository's `fonts/`, the files the app ships beside itself.

use std::path::PathBuf;

use quayside_export::PdfFonts;

/// The repository's fonts folder.
pub fn dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fonts"))
}

/// The fonts, loaded; a panic saying how to fetch the one not kept in the repository if absent.
pub fn pdf_fonts() -> PdfFonts {
    PdfFonts::load(|name| std::fs::read(dir().join(name))).unwrap_or_else(|e| {
        panic!("{e}: fetch the fonts first (source scripts/deps.sh && install_fonts)")
    })
}
