//! Bag labels: one for each sample and evidence item still in the case, to cut out and fix to its
//! bag. Each holds a QR code of the label's text (the domain's `bag_labels`: case, entry and check
//! characters), the entry's name and number, the case number, and the same text in letters, for a
//! scanner that cannot read the code. A bag scanned later finds its case.

use qrcode::{Color as Module, EcLevel, QrCode};
use quayside_domain::bag_labels::BagLabel;
use quayside_domain::case::CaseFile;
use quayside_domain::fields::{Field, Section};

use super::style::{SMALL_MONO, SUBHEADING, VALUE};
use super::words::numbered;
use super::writer::Writer;
use crate::layout::{Column, HAIRLINE, INK, LEFT, MM, WIDTH};

/// The QR code's side: 25 mm reads from a phone or a handheld scanner at arm's length.
const CODE_SIDE: f32 = 25.0 * MM;
/// White around the code, as the QR standard asks (four modules at the usual sizes).
const QUIET: f32 = 3.0 * MM;
const LABEL_HEIGHT: f32 = CODE_SIDE + 2.0 * QUIET;

impl Writer<'_> {
    pub(super) fn bag_labels(&mut self, case: &CaseFile) {
        let bags: Vec<(Section, usize, &quayside_domain::case::Item)> =
            [Section::Samples, Section::Evidence]
                .into_iter()
                .flat_map(|section| {
                    case.items
                        .iter()
                        .filter(move |i| i.section == section)
                        .enumerate()
                        .filter(|(_, i)| i.withdrawn.is_none())
                        .map(move |(n, i)| (section, n + 1, i))
                })
                .collect();
        if bags.is_empty() {
            return;
        }
        self.heading(&self.text("pdf.bag_labels"));
        self.note(0.0, &self.text("pdf.bag_labels_note"));
        for (section, number, item) in bags {
            let label = BagLabel::of(&case.case_number, section, item.id);
            let text = label.text();
            let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else {
                continue;
            };
            self.layout.keep(LABEL_HEIGHT + 2.0 * MM);
            let top = self.layout.y();
            // The label's outline, to cut along.
            self.layout
                .rect(LEFT, 0.0, WIDTH, LABEL_HEIGHT, None, Some(HAIRLINE));
            self.qr(&code, LEFT + QUIET, QUIET);
            let name = numbered(self.words, section, number);
            let mark = match section {
                Section::Samples => item.value(Field::SampleSeal),
                _ => item.value(Field::EvidenceNumber),
            }
            .unwrap_or_default();
            let x = LEFT + CODE_SIDE + 2.0 * QUIET + 2.0 * MM;
            let width = WIDTH - (x - LEFT) - QUIET;
            self.layout.space(QUIET);
            for (style, line) in [
                (SUBHEADING, name.as_str()),
                (VALUE, mark),
                (VALUE, case.case_number.as_str()),
                (SMALL_MONO, text.as_str()),
            ] {
                if line.is_empty() {
                    continue;
                }
                self.layout.row(&[Column {
                    x,
                    width,
                    style,
                    text: line,
                }]);
                self.layout.space(1.0);
            }
            let used = self.layout.y() - top;
            self.layout.space((LABEL_HEIGHT - used).max(0.0) + 2.0 * MM);
        }
    }

    /// The dark modules of `code` as squares, its top-left corner `dy` below the cursor; runs of
    /// dark modules in a row are drawn as one box.
    fn qr(&mut self, code: &QrCode, x: f32, dy: f32) {
        let width = code.width();
        let module = CODE_SIDE / width as f32;
        let colors = code.to_colors();
        for row in 0..width {
            let mut col = 0;
            while col < width {
                if colors[row * width + col] != Module::Dark {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < width && colors[row * width + col] == Module::Dark {
                    col += 1;
                }
                self.layout.rect(
                    x + start as f32 * module,
                    dy + row as f32 * module,
                    (col - start) as f32 * module,
                    module,
                    Some(INK),
                    None,
                );
            }
        }
    }
}
