//! The writer every part of the case file lays itself out with, and its building blocks: numbered
//! headings, subheadings, label/value rows, notes and bullets.

use quayside_i18n::{Catalogue, Message};

use super::style::{HEADING, LABEL, LABEL_WIDTH, NOTE, VALUE, VALUE_WIDTH, VALUE_X};
use super::words::say;
use crate::layout::{Column, Layout, Style, HAIRLINE, LEFT, MM, RIGHT, WIDTH};

pub(super) struct Writer<'f> {
    pub(super) layout: Layout<'f>,
    pub(super) headings: usize,
    /// The exporting person's catalogue.
    pub(super) words: &'static Catalogue,
}

impl Writer<'_> {
    /// A key's text in the document's language.
    pub(super) fn text(&self, key: &str) -> String {
        self.words.text_or_key(key)
    }

    /// A message in the document's language.
    pub(super) fn say(&self, message: Message) -> String {
        say(self.words, message)
    }

    /// A numbered section heading with a rule, kept with the lines that follow it: if the page
    /// ends before its first line of content, the heading moves to the next page with it.
    pub(super) fn heading(&mut self, title: &str) {
        self.headings += 1;
        self.layout.space(7.0 * MM);
        self.layout
            .keep(HEADING.line_height() + 4.0 + 3.0 * VALUE.line_height());
        self.layout.hold();
        let text = format!("{}. {title}", self.headings);
        self.layout.bookmark(&text);
        self.layout.paragraph(LEFT, WIDTH, HEADING, &text);
        self.layout.space(1.0);
        self.layout.rule(LEFT, RIGHT, 0.6, HAIRLINE);
        self.layout.space(3.5);
        self.layout.arm();
    }

    /// A subheading, kept (with a heading right above it) with its first line of content.
    pub(super) fn subheading(&mut self, indent: f32, text: &str, style: Style) {
        self.layout.space(2.5);
        self.layout
            .keep(style.line_height() + 2.0 * VALUE.line_height());
        self.layout.hold();
        self.layout
            .paragraph(LEFT + indent, WIDTH - indent, style, text);
        self.layout.space(1.5);
        self.layout.arm();
    }

    pub(super) fn field(&mut self, indent: f32, label: &str, value: &str, style: Style) {
        self.layout
            .row(&self::field_columns(indent, label, value, style));
        self.layout.space(1.8);
    }

    pub(super) fn field_height(&self, indent: f32, label: &str, value: &str, style: Style) -> f32 {
        self.layout
            .row_height(&field_columns(indent, label, value, style))
            + 1.8
    }

    pub(super) fn note(&mut self, indent: f32, text: &str) {
        self.layout
            .paragraph(LEFT + indent, WIDTH - indent, NOTE, text);
        self.layout.space(1.5);
    }

    pub(super) fn bullet(&mut self, text: &str, style: Style) {
        self.layout.row(&[
            Column {
                x: LEFT + 1.0 * MM,
                width: 4.0 * MM,
                style,
                text: "•",
            },
            Column {
                x: LEFT + 5.0 * MM,
                width: WIDTH - 5.0 * MM,
                style,
                text,
            },
        ]);
        self.layout.space(1.5);
    }
}

pub(super) fn field_columns<'t>(
    indent: f32,
    label: &'t str,
    value: &'t str,
    style: Style,
) -> [Column<'t>; 2] {
    [
        Column {
            x: LEFT + indent,
            width: LABEL_WIDTH - indent,
            style: LABEL,
            text: label,
        },
        Column {
            x: VALUE_X,
            width: VALUE_WIDTH,
            style,
            text: value,
        },
    ]
}
