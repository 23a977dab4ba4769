//! The shipping documents: one table of each document's type, number and file name, with the
//! SHA-256 of its bytes under it (the file itself is in the evidence bundle, by that hash).

use super::style::{HASH, LABEL, VALUE};
use quayside_domain::case::CaseFile;
use quayside_i18n::Message;

use super::writer::Writer;
use crate::layout::{Column, Style, ALERT, HAIRLINE, LEFT, MM, RIGHT};

const TYPE_WIDTH: f32 = 48.0 * MM;
const NUMBER_WIDTH: f32 = 42.0 * MM;
const GAP: f32 = 3.0 * MM;
const NUMBER_X: f32 = LEFT + TYPE_WIDTH + GAP;
const FILE_X: f32 = NUMBER_X + NUMBER_WIDTH + GAP;
const FILE_WIDTH: f32 = RIGHT - FILE_X;

impl Writer<'_> {
    pub(super) fn documents(&mut self, case: &CaseFile) {
        self.heading(&self.text("pdf.documents"));
        if case.documents.is_empty() {
            self.note(0.0, &self.text("pdf.no_documents"));
            return;
        }
        let head = [
            self.text("pdf.document_type"),
            self.text("pdf.document_number"),
            self.text("pdf.file_name"),
        ];
        fn columns<'t>(texts: [&'t str; 3], style: Style) -> [Column<'t>; 3] {
            [
                Column {
                    x: LEFT,
                    width: TYPE_WIDTH,
                    style,
                    text: texts[0],
                },
                Column {
                    x: NUMBER_X,
                    width: NUMBER_WIDTH,
                    style,
                    text: texts[1],
                },
                Column {
                    x: FILE_X,
                    width: FILE_WIDTH,
                    style,
                    text: texts[2],
                },
            ]
        }
        self.layout
            .row(&columns([&head[0], &head[1], &head[2]], LABEL));
        self.layout.space(1.0);
        for document in &case.documents {
            let kind = self.text(&document.document_type.label_key());
            let number = document
                .number
                .clone()
                .unwrap_or_else(|| self.text("pdf.no_document_number"));
            let file = match &document.excluded {
                Some(reason) => self.say(
                    Message::new("pdf.document_excluded")
                        .text("file", document.file_name.clone())
                        .text("reason", reason.clone()),
                ),
                None => document.file_name.clone(),
            };
            let style = if document.excluded.is_some() {
                VALUE.with_color(ALERT)
            } else {
                VALUE
            };
            let first = columns([&kind, &number, &file], style);
            let hash = [Column {
                x: LEFT,
                width: RIGHT - LEFT,
                style: HASH,
                text: &document.sha256,
            }];
            // A document's line and its hash stay on one page.
            self.layout
                .keep(self.layout.row_height(&first) + self.layout.row_height(&hash) + 3.0);
            self.layout.rule(LEFT, RIGHT, 0.5, HAIRLINE);
            self.layout.space(1.5);
            self.layout.row(&first);
            self.layout.row(&hash);
            self.layout.space(1.5);
        }
        self.note(0.0, &self.text("pdf.documents_note"));
    }
}
