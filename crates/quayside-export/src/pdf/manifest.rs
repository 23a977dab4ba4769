//! The manifest: its text and hash, and the last page listing every signed event, photo
//! original and shipping document with its SHA-256.

use quayside_i18n::Message;
use sha2::{Digest, Sha256};

use super::document::CaseDocument;
use super::style::{HASH, LABEL, SMALL_MONO, SUBHEADING, VALUE};
use super::words::one_line;
use super::writer::Writer;
use crate::fonts::Face;
use crate::layout::{Column, Style, ACCENT, INK, LEFT, MM, SHADE, WIDTH};

/// The manifest of a case file, as text. Its SHA-256 ([`manifest_sha256`]) is printed on the
/// PDF's last page, so anyone holding the data can recompute it and compare.
///
/// The text is a sequence of lines, each ending in a line feed (U+000A), the last one included:
///
/// 1. `case <case id> <case number>`
/// 2. one line per signed event of the case, in timeline order (the order of
///    [`CaseDocument::events`]): `event <event id> <device id>:<device seq> <sha256>`
/// 3. one line per photo of the case, in the order the photos were attached (the order of
///    [`CaseDocument::photos`]), excluded photos included: `photo <sha256> <file name>`
/// 4. one line per shipping document of the case, in the order attached, excluded ones included:
///    `document <sha256> <file name>` (none for a case without documents, so such a case's
///    manifest is as it was before documents existed)
///
/// Fields are separated by one space (U+0020). Ids are UUIDs in lowercase hyphenated form
/// (`0190f5b2-...`), the device sequence a decimal number without leading zeros, and every
/// `<sha256>` 64 lowercase hex digits: of the event's signed body bytes for an event, of the
/// original file's bytes for a photo. Control characters (Unicode category Cc) in the case
/// number and file names are replaced by U+FFFD, so each entry stays on its own line.
///
/// Example, with one event and one photo:
///
/// ```text
/// case 0190f5b2-1c4e-7d7a-9b1e-3f5a2c4d6e8f NLRTM-2026-K7F3QA-0001
/// event 0190f5b2-1c4e-7d7a-9b1e-3f5a2c4d6e8f 0190f5b1-0000-7000-8000-000000000001:1 3a7bd3e2...
/// photo 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 container-door.jpg
/// ```
pub fn manifest(doc: &CaseDocument) -> String {
    let mut text = format!("case {} {}\n", doc.case.id, one_line(&doc.case.case_number));
    for e in &doc.events {
        text.push_str(&format!(
            "event {} {}:{} {}\n",
            e.event_id, e.device_id, e.device_seq, e.sha256
        ));
    }
    for p in &doc.photos {
        text.push_str(&format!("photo {} {}\n", p.sha256, one_line(&p.file_name)));
    }
    for d in &doc.case.documents {
        text.push_str(&format!(
            "document {} {}\n",
            d.sha256,
            one_line(&d.file_name)
        ));
    }
    text
}

/// Lowercase hex SHA-256 of the UTF-8 bytes of [`manifest`]`(doc)`: what the PDF prints as
/// "Manifest SHA-256". To check a printed case file: rebuild the manifest text from the data as
/// [`manifest`] describes, hash it (`sha256sum`), and compare.
pub fn manifest_sha256(doc: &CaseDocument) -> String {
    hex::encode(Sha256::digest(manifest(doc).as_bytes()))
}

impl Writer<'_> {
    /// Entry `n` of the manifest: its number beside the first line, the second line under it,
    /// kept on one page.
    fn manifest_entry(&mut self, n: usize, first: (&str, Style), second: (&str, Style)) {
        fn line<'t>(number: &'t str, (text, style): (&'t str, Style)) -> [Column<'t>; 2] {
            let number_width = 11.0 * MM;
            [
                Column {
                    x: LEFT,
                    width: number_width,
                    style: LABEL,
                    text: number,
                },
                Column {
                    x: LEFT + number_width,
                    width: WIDTH - number_width,
                    style,
                    text,
                },
            ]
        }
        let number = format!("{}.", n + 1);
        let rows = [line(&number, first), line("", second)];
        self.layout
            .keep(rows.iter().map(|r| self.layout.row_height(r)).sum());
        for row in &rows {
            self.layout.row(row);
        }
        self.layout.space(2.5);
    }

    pub(super) fn manifest(&mut self, doc: &CaseDocument) {
        if !self.layout.at_page_top() {
            self.layout.new_page();
        }
        self.heading(&self.text("pdf.manifest"));
        self.note(0.0, &self.text("pdf.manifest_note"));
        let events =
            self.say(Message::new("pdf.manifest_events").number("count", doc.events.len() as f64));
        self.subheading(0.0, &events, SUBHEADING);
        for (n, event) in doc.events.iter().enumerate() {
            let id = self.say(
                Message::new("pdf.manifest_event")
                    .text("event", event.event_id.to_string())
                    .text("device", event.device_id.to_string())
                    .text("seq", event.device_seq.to_string()),
            );
            self.manifest_entry(n, (&id, SMALL_MONO), (&event.sha256, HASH));
        }
        if doc.events.is_empty() {
            self.note(0.0, &self.text("pdf.no_signed_events"));
        }
        let photos =
            self.say(Message::new("pdf.manifest_photos").number("count", doc.photos.len() as f64));
        self.subheading(0.0, &photos, SUBHEADING);
        if doc.photos.is_empty() {
            self.note(0.0, &self.text("pdf.no_photos"));
        }
        for (n, photo) in doc.photos.iter().enumerate() {
            self.manifest_entry(n, (&photo.sha256, HASH), (&photo.file_name, VALUE));
        }
        let documents = &doc.case.documents;
        if !documents.is_empty() {
            let heading = self.say(
                Message::new("pdf.manifest_documents").number("count", documents.len() as f64),
            );
            self.subheading(0.0, &heading, SUBHEADING);
            self.note(0.0, &self.text("pdf.manifest_documents_note"));
            for (n, document) in documents.iter().enumerate() {
                self.manifest_entry(n, (&document.sha256, HASH), (&document.file_name, VALUE));
            }
        }

        // The manifest's own hash, boxed, at the very end.
        let hash = manifest_sha256(doc);
        let label = &self.text("pdf.manifest_sha256");
        let strong = Style::new(Face::Bold, 9.5, INK);
        let mono = Style::new(Face::Mono, 8.5, INK);
        let label_width = self.layout.text_width(label, strong) + 3.0 * MM;
        let pad = 3.0 * MM;
        let columns = [
            Column {
                x: LEFT + pad,
                width: label_width,
                style: strong,
                text: label,
            },
            Column {
                x: LEFT + pad + label_width,
                width: WIDTH - 2.0 * pad - label_width,
                style: mono,
                text: &hash,
            },
        ];
        let height = self.layout.row_height(&columns) + 2.0 * pad;
        self.layout.space(5.0 * MM);
        self.layout.keep(height);
        self.layout
            .rect(LEFT, 0.0, WIDTH, height, Some(SHADE), Some(ACCENT));
        self.layout.down(pad);
        self.layout.row(&columns);
        self.layout.down(pad);
    }
}
