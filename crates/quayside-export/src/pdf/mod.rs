//! The case file as a PDF, in the order a prosecutor reads it: on the first page the case and a
//! summary of what was found and what became of it, then every section, photo, shipping document,
//! review line and custody record, labels for the sample and evidence bags, an appendix of who changed the case in which session, and on the last page a
//! manifest of every signed event, photo original and document with its SHA-256, so the paper can be
//! checked against the data it was made from.
//!
//! One module per part of the document: [`sections`] (title block, flags, conflicts, sections),
//! [`summary`], [`photos`] (with [`annotations`] drawn over them), [`documents`] (the shipping documents' table), [`review`] (review and custody), [`labels`] (bag labels), [`history`] (the appendix),
//! [`manifest`]; each adds methods to the shared [`writer::Writer`]. [`frame`] draws the running header and footer, [`style`] and
//! [`words`] hold the shared text styles and value formatting.

mod annotations;
mod document;
mod documents;
mod frame;
mod history;
mod labels;
mod manifest;
mod photos;
mod review;
mod sections;
mod style;
mod summary;
mod words;
mod writer;

use quayside_domain::fields::Section;
use quayside_domain::photo::is_sha256;
use quayside_i18n::Message;

pub use document::{CaseDocument, EventDigest, PhotoPage};
pub use manifest::{manifest, manifest_sha256};
pub use words::{display_value, time as display_time};

use crate::fonts::{Fonts, PdfFonts};
use crate::layout::{render, Layout};
use crate::ExportError;
use frame::{metadata, running};
use words::{one_line, say, time};
use writer::Writer;

/// Render the case file in `fonts`. Fails only on inputs that do not belong together (photo pages
/// that do not match the case's photos, an event hash that is not a SHA-256) or if the PDF writer
/// fails.
pub fn case_file_pdf(doc: &CaseDocument, fonts: &PdfFonts) -> Result<Vec<u8>, ExportError> {
    check(doc)?;
    let fonts = Fonts::new(fonts);
    let mut w = Writer {
        layout: Layout::new(&fonts),
        headings: 0,
        words: doc.words,
    };
    w.title_block(doc);
    w.summary(doc);
    w.conflicts(doc.case);
    for section in Section::ALL {
        w.section(doc.case, section);
    }
    w.photos(doc);
    w.documents(doc.case);
    w.review(&doc.review);
    w.custody(&doc.custody);
    w.bag_labels(doc.case);
    w.history(doc.timeline);
    w.manifest(doc);
    let (pages, bookmarks) = w.layout.finish();

    let case_number = one_line(&doc.case.case_number);
    let footer = say(
        doc.words,
        Message::new("pdf.footer")
            .text("at", time(&doc.generated_at))
            .text("by", doc.generated_by.clone()),
    );
    let decorate =
        |page: usize, total: usize| running(&fonts, doc.words, &case_number, &footer, page, total);
    render(&fonts, pages, bookmarks, metadata(doc), decorate)
}

fn check(doc: &CaseDocument) -> Result<(), ExportError> {
    let photos = &doc.case.photos;
    if photos.len() != doc.photos.len() {
        return Err(ExportError::PhotoCount {
            photos: photos.len(),
            pages: doc.photos.len(),
        });
    }
    for (i, (photo, page)) in photos.iter().zip(&doc.photos).enumerate() {
        if photo.sha256 != page.sha256 {
            return Err(ExportError::PhotoMismatch {
                position: i + 1,
                expected: photo.sha256.clone(),
                given: page.sha256.clone(),
            });
        }
    }
    if let Some(e) = doc.events.iter().find(|e| !is_sha256(&e.sha256)) {
        return Err(ExportError::EventHash {
            event_id: e.event_id,
            value: e.sha256.clone(),
        });
    }
    Ok(())
}
