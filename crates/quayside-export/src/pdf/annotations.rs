//! Annotations drawn over a photo's thumbnail as the viewer draws them (a dark halo under a bright
//! line; text on a dark ground), and listed in words beside it.

use quayside_domain::annotation::{drawing, Annotation, Mark};
use quayside_i18n::Message;

use super::words::time;
use super::writer::Writer;
use crate::fonts::Face;
use crate::layout::{Color, Op, Style};

const MARK: Color = Color(0xff, 0xd4, 0x00);
const HALO: Color = Color(0x00, 0x00, 0x00);

impl Writer<'_> {
    /// Draw `annotations` over an image whose top-left corner is at (`x`, `top`), `w` x `h`.
    pub(super) fn draw_annotations(
        &mut self,
        (x, top, w, h): (f32, f32, f32, f32),
        annotations: &[Annotation],
    ) {
        let line = w.min(h) * drawing::LINE;
        let place = |(px, py): (f32, f32)| (x + px, top + py);
        for annotation in annotations {
            if let Mark::Text { at, text } = &annotation.mark {
                let size = w.min(h) * drawing::TEXT;
                let style = Style::new(Face::Bold, size, MARK);
                let (tx, ty) = place(drawing::at(*at, w, h));
                let width = self.layout.text_width(text, style);
                let pad = size * 0.2;
                self.layout.push(Op::Rect {
                    x: tx - pad,
                    y: ty,
                    w: width + 2.0 * pad,
                    h: size * 1.25,
                    fill: Some(HALO),
                    stroke: None,
                });
                self.layout.push(Op::Text {
                    x: tx,
                    baseline: ty + size * 0.95,
                    style,
                    text: text.clone(),
                });
                continue;
            }
            let lines: Vec<Vec<(f32, f32)>> = drawing::strokes(&annotation.mark, w, h)
                .into_iter()
                .map(|points| points.into_iter().map(place).collect())
                .collect();
            for (width, color) in [(line * 2.2, HALO), (line, MARK)] {
                for points in &lines {
                    self.layout.push(Op::Polyline {
                        points: points.clone(),
                        width,
                        color,
                    });
                }
            }
        }
    }

    /// Each annotation in words: its shape (a text's text), who set it and when.
    pub(super) fn annotation_lines(&self, annotations: &[Annotation]) -> String {
        annotations
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mark = match &a.mark {
                    Mark::Text { text, .. } => {
                        self.say(Message::new("change.annotation_text").text("text", text.clone()))
                    }
                    other => self.text(other.label_key()),
                };
                self.say(
                    Message::new("pdf.annotation_line")
                        .number("number", (i + 1) as f64)
                        .text("mark", mark)
                        .text("author", a.set_by.clone())
                        .text("at", time(&a.set_at)),
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}
