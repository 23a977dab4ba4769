//! The review and chain-of-custody sections, from lines the caller wrote.

use super::style::VALUE;
use super::writer::Writer;

impl Writer<'_> {
    pub(super) fn review(&mut self, review: &[(String, String)]) {
        self.heading(&self.text("pdf.review"));
        if review.is_empty() {
            self.note(0.0, &self.text("pdf.no_review"));
        }
        for (label, value) in review {
            self.field(0.0, label, value, VALUE);
        }
    }

    pub(super) fn custody(&mut self, custody: &[String]) {
        self.heading(&self.text("pdf.custody"));
        if custody.is_empty() {
            self.note(0.0, &self.text("pdf.no_custody"));
        }
        for line in custody {
            self.bullet(line, VALUE);
        }
    }
}
