//! The timeline: every event in fold order, with its kind, author, role and changes.

use quayside_domain::event::Payload;
use quayside_domain::fields::Field;
use quayside_domain::timeline::{Change, LabelPart, TimelineEntry};
use quayside_i18n::{Catalogue, Message};

use super::style::{ENTRY_WIDTH, ENTRY_X, LABEL, SUBHEADING, TIME_WIDTH, VALUE};
use super::words::{display_value, say, time};
use super::writer::Writer;
use crate::layout::{Column, Op, Style, ALERT, HAIRLINE, LEFT, RIGHT};

impl Writer<'_> {
    pub(super) fn timeline(&mut self, timeline: &[TimelineEntry]) {
        self.heading(&self.text("pdf.timeline"));
        if timeline.is_empty() {
            self.note(0.0, &self.text("pdf.no_events"));
            return;
        }
        let note =
            self.say(Message::new("pdf.timeline_note").number("count", timeline.len() as f64));
        self.note(0.0, &note);
        self.layout.space(2.0);
        for (n, entry) in timeline.iter().enumerate() {
            let when = time(&entry.wall_time);
            let who = self.say(
                Message::new("pdf.timeline_entry")
                    .number("number", (n + 1) as f64)
                    .text("kind", kind_label(self.words, &entry.kind))
                    .text("author", entry.author.clone())
                    .text("role", role_label(self.words, &entry.role)),
            );
            let mut lines: Vec<(String, Style)> = entry
                .changes
                .iter()
                .map(|c| (change_line(self.words, c), VALUE))
                .collect();
            if let Some(reason) = &entry.refused {
                let refused = self.say(Message::new("pdf.refused").text("reason", reason.clone()));
                lines.push((refused, VALUE.with_color(ALERT)));
            }
            let head = [
                Column {
                    x: LEFT,
                    width: TIME_WIDTH,
                    style: LABEL,
                    text: &when,
                },
                Column {
                    x: ENTRY_X,
                    width: ENTRY_WIDTH,
                    style: SUBHEADING,
                    text: &who,
                },
            ];
            // The entry's heading, and its first change, stay on one page.
            let first = lines.first().map_or(0.0, |(text, style)| {
                self.layout.row_height(&[entry_column(text, *style)])
            });
            self.layout.keep(self.layout.row_height(&head) + first);
            let (page, top) = (self.layout.page_index(), self.layout.y());
            self.layout.row(&[entry_column(&who, SUBHEADING)]);
            for (text, style) in &lines {
                self.layout.row(&[entry_column(text, *style)]);
            }
            // The time sits beside the entry's first lines, on the page where the entry starts.
            let mut baseline = top + SUBHEADING.line_height() - 0.3 * SUBHEADING.size;
            for line in self.layout.wrap(&when, LABEL, TIME_WIDTH) {
                let text = Op::Text {
                    x: LEFT,
                    baseline,
                    style: LABEL,
                    text: line,
                };
                self.layout.push_on(page, text);
                baseline += LABEL.line_height();
            }
            if self.layout.page_index() == page {
                let below_time = top + self.layout.row_height(&head) - self.layout.y();
                if below_time > 0.0 {
                    self.layout.space(below_time);
                }
            }
            self.layout.space(2.0);
            self.layout.rule(ENTRY_X, RIGHT, 0.3, HAIRLINE);
            self.layout.space(3.0);
        }
    }
}

fn change_line(words: &Catalogue, change: &Change) -> String {
    let label = change.label_text(words);
    // A field's values read as in its section: codes by their labels.
    let field = change.label.last().and_then(|part| match part {
        LabelPart::Key(key) => Field::ALL.iter().find(|f| f.label_key() == *key),
        LabelPart::Named { .. } => None,
    });
    let value = |v: &String| match field {
        Some(field) => display_value(words, *field, v),
        None => v.clone(),
    };
    let message = match (&change.from, &change.to) {
        (Some(from), Some(to)) => Message::new("pdf.change_set")
            .text("from", value(from))
            .text("to", value(to)),
        (None, Some(to)) => Message::new("pdf.change_first").text("to", value(to)),
        (Some(from), None) => Message::new("pdf.change_cleared").text("from", value(from)),
        (None, None) => return label,
    };
    say(words, message.text("label", label))
}

/// The catalogue's label of an event kind; a kind it does not know (from a newer version) as words.
fn kind_label(words: &Catalogue, kind: &str) -> String {
    if let Some(known) = words.text(&Payload::kind_key(kind)) {
        return known;
    }
    let spaced = kind.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words.text_or_key("event.unknown"),
    }
}

/// An author's role by its label ("Inspector"); a role this version does not know as stored.
fn role_label(words: &Catalogue, role: &str) -> String {
    words
        .text(&format!("role.{role}"))
        .unwrap_or_else(|| role.to_string())
}

fn entry_column(text: &str, style: Style) -> Column<'_> {
    Column {
        x: ENTRY_X,
        width: ENTRY_WIDTH,
        style,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_kinds_read_as_words() {
        let en = Catalogue::english();
        assert_eq!(kind_label(en, "field_set"), "Field edited");
        assert_eq!(kind_label(en, "custody_transferred"), "Custody transferred");
        assert_eq!(kind_label(en, "photo_rotated"), "Photo rotated");
        assert_eq!(role_label(en, "inspector"), "Inspector");
        let zh = Catalogue::get(quayside_i18n::Locale::ZhCn);
        assert_eq!(kind_label(zh, "field_set"), "字段已修改");
        assert_eq!(role_label(zh, "inspector"), "查验关员");
    }
}
