//! The timeline: every event in fold order, with its kind, author, role and changes.

use quayside_domain::event::Payload;
use quayside_domain::labels::english;
use quayside_domain::timeline::{Change, TimelineEntry};

use super::style::{ENTRY_WIDTH, ENTRY_X, LABEL, SUBHEADING, TIME_WIDTH, VALUE};
use super::words::time;
use super::writer::Writer;
use crate::layout::{Column, Op, Style, ALERT, HAIRLINE, LEFT, RIGHT};

impl Writer<'_> {
    pub(super) fn timeline(&mut self, timeline: &[TimelineEntry]) {
        self.heading("Timeline");
        if timeline.is_empty() {
            self.note(0.0, "No events.");
            return;
        }
        self.note(
            0.0,
            &format!(
                "{} events, in the order the case file folds them. Times are each device's own \
                 clock.",
                timeline.len()
            ),
        );
        self.layout.space(2.0);
        for (n, entry) in timeline.iter().enumerate() {
            let when = time(&entry.wall_time);
            let who = format!(
                "{}. {} · {} ({})",
                n + 1,
                kind_label(&entry.kind),
                entry.author,
                role_label(&entry.role)
            );
            let mut lines: Vec<(String, Style)> = entry
                .changes
                .iter()
                .map(|c| (change_line(c), VALUE))
                .collect();
            if let Some(reason) = &entry.refused {
                lines.push((format!("Refused: {reason}"), VALUE.with_color(ALERT)));
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

fn change_line(change: &Change) -> String {
    let label = change.english_label();
    match (&change.from, &change.to) {
        (Some(from), Some(to)) => format!("{label}: {from} → {to}"),
        (None, Some(to)) => format!("{label}: {to}"),
        (Some(from), None) => format!("{label}: {from} → (cleared)"),
        (None, None) => label,
    }
}

/// The catalogue's label of an event kind; a kind it does not know (from a newer version) as words.
fn kind_label(kind: &str) -> String {
    if let Some(known) = english(&Payload::kind_key(kind)) {
        return known.to_string();
    }
    let spaced = kind.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Event".to_string(),
    }
}

/// An author's role by its label ("Inspector"); a role this version does not know as stored.
fn role_label(role: &str) -> String {
    english(&format!("role.{role}")).unwrap_or_else(|| role.to_string())
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
        assert_eq!(kind_label("field_set"), "Field edited");
        assert_eq!(kind_label("custody_transferred"), "Custody transferred");
        assert_eq!(kind_label("photo_rotated"), "Photo rotated");
        assert_eq!(role_label("inspector"), "Inspector");
    }
}
