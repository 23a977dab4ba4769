//! The case itself: the title block, the discrepancy flags, the unsettled conflicts and every
//! section with its fields and items.

use quayside_domain::case::{CaseFile, Item};
use quayside_domain::fields::{Field, FieldKind, Section};
use quayside_domain::flags::Flag;
use quayside_i18n::Message;

use super::document::CaseDocument;
use super::style::{INDENT, NOTE, SUBHEADING, SUBTITLE, TITLE, VALUE};
use super::words::{
    display_value, field_label, item_label, numbered, one_line, section_title, time,
};
use super::writer::Writer;
use crate::layout::{ACCENT, ALERT, LEFT, RIGHT, WIDTH};

impl Writer<'_> {
    pub(super) fn title_block(&mut self, doc: &CaseDocument) {
        let case = doc.case;
        self.layout.bookmark(&self.text("pdf.summary"));
        self.layout
            .paragraph(LEFT, WIDTH, TITLE, &self.text("pdf.title"));
        self.layout.space(1.0);
        self.layout
            .paragraph(LEFT, WIDTH, SUBTITLE, &one_line(&case.case_number));
        self.layout.space(3.0);
        self.layout.rule(LEFT, RIGHT, 1.0, ACCENT);
        self.layout.space(4.0);
        let status = self.text(&case.state().label_key());
        let status = match &case.status_reason {
            Some(reason) => self.say(
                Message::new("pdf.status_reason")
                    .text("status", status)
                    .text("reason", reason.clone()),
            ),
            None => status,
        };
        let port = match case.value(Field::Port) {
            Some(port) => port.to_string(),
            None => self.text("pdf.not_recorded"),
        };
        let rows = [
            ("pdf.case_number", one_line(&case.case_number)),
            ("pdf.port", port),
            ("pdf.opened_at", time(&case.opened_at)),
            ("pdf.opened_by", case.opened_by.clone()),
            ("pdf.status", status),
            ("pdf.last_change", time(&case.updated_at)),
            ("pdf.signed_events", doc.events.len().to_string()),
            ("pdf.case_id", case.id.to_string()),
            ("pdf.generated_at", time(&doc.generated_at)),
            ("pdf.generated_by", doc.generated_by.clone()),
        ];
        for (label, value) in rows {
            self.field(0.0, &self.text(label), &value, VALUE);
        }
        self.layout.space(3.0);
        self.note(0.0, &self.text("pdf.summary_note"));
    }

    pub(super) fn flags(&mut self, flags: &[Flag]) {
        self.heading(&self.text("pdf.flags"));
        if flags.is_empty() {
            self.note(0.0, &self.text("pdf.no_flags"));
        }
        for flag in flags {
            let line = self.say(
                Message::new("pdf.flag")
                    .label("flag", flag.code.label_key())
                    .text("details", flag.details_text(self.words)),
            );
            self.bullet(&line, VALUE.with_color(ALERT));
        }
    }

    pub(super) fn conflicts(&mut self, case: &CaseFile) {
        self.heading(&self.text("pdf.conflicts"));
        if case.conflicts.is_empty() {
            self.note(0.0, &self.text("pdf.no_conflicts"));
            return;
        }
        self.note(0.0, &self.text("pdf.conflicts_note"));
        for conflict in &case.conflicts {
            let field = field_label(self.words, conflict.field);
            let title = match conflict.item {
                Some(item) => format!("{} · {field}", item_label(self.words, case, item)),
                None => field,
            };
            self.subheading(0.0, &title, SUBHEADING);
            let last = conflict.values.len().saturating_sub(1);
            for (i, rival) in conflict.values.iter().enumerate() {
                let key = if i == last {
                    "pdf.value_shown"
                } else {
                    "pdf.value"
                };
                let label = self.say(Message::new(key).number("number", (i + 1) as f64));
                let value = match &rival.value {
                    Some(v) => display_value(self.words, conflict.field, v),
                    None => self.text("pdf.cleared"),
                };
                let by = self.say(
                    Message::new("pdf.value_by")
                        .text("author", rival.author.clone())
                        .text("at", time(&rival.at)),
                );
                let text = format!("{value}\n{by}");
                self.field(INDENT, &label, &text, VALUE);
            }
        }
    }

    pub(super) fn section(&mut self, case: &CaseFile, section: Section) {
        self.heading(&section_title(self.words, section));
        if !section.is_list() {
            let fields: Vec<Field> = Field::ALL
                .iter()
                .copied()
                .filter(|f| f.section() == section && case.value(*f).is_some())
                .collect();
            if fields.is_empty() {
                self.note(0.0, &self.text("pdf.nothing_recorded"));
            }
            for field in fields {
                let value = case.value(field).unwrap_or_default();
                self.field(
                    0.0,
                    &field_label(self.words, field),
                    &display_value(self.words, field, value),
                    VALUE,
                );
                if case.conflict(None, field).is_some() {
                    self.field(0.0, "", &self.text("pdf.in_conflict"), NOTE);
                }
            }
            return;
        }
        let items: Vec<&Item> = case.items.iter().filter(|i| i.section == section).collect();
        if items.is_empty() {
            self.note(0.0, &self.text("pdf.nothing_recorded"));
        }
        for (n, item) in items.into_iter().enumerate() {
            let title = numbered(self.words, section, n + 1);
            match &item.withdrawn {
                Some(reason) => {
                    let title = self.say(
                        Message::new("pdf.withdrawn")
                            .text("item", title)
                            .text("reason", reason.clone()),
                    );
                    self.subheading(0.0, &title, SUBHEADING.with_color(ALERT))
                }
                None => self.subheading(0.0, &title, SUBHEADING),
            }
            let fields: Vec<(Field, &str)> = Field::ALL
                .iter()
                .copied()
                .filter(|f| f.section() == section)
                .filter_map(|f| item.value(f).map(|v| (f, v)))
                .collect();
            if fields.is_empty() {
                self.note(INDENT, &self.text("pdf.no_details"));
            }
            for (field, value) in fields {
                // A link to another entry is named as the case file names that entry.
                let shown = match (field.kind(), uuid::Uuid::try_parse(value)) {
                    (FieldKind::ItemOf(_), Ok(id)) => item_label(self.words, case, id),
                    _ => display_value(self.words, field, value),
                };
                self.field(INDENT, &field_label(self.words, field), &shown, VALUE);
                if case.conflict(Some(item.id), field).is_some() {
                    self.field(INDENT, "", &self.text("pdf.in_conflict"), NOTE);
                }
            }
        }
    }
}
