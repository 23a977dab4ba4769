//! The summary on the first page, after the title block: the flags, then what was found and what
//! became of it (goods by material, concealment, detection, outcome, photos), each by its label.

use std::collections::BTreeMap;

use quayside_domain::case::CaseFile;
use quayside_domain::fields::{Field, Section};
use quayside_domain::input::InputConventions;
use quayside_domain::values::parse_weight;
use quayside_i18n::Message;

use super::document::CaseDocument;
use super::style::VALUE;
use super::words::{display_value, field_label, section_title};
use super::writer::Writer;

impl Writer<'_> {
    pub(super) fn summary(&mut self, doc: &CaseDocument) {
        self.flags(doc.flags);
        let case = doc.case;
        // What the flags were judged by: a list published later does not judge this case.
        let version = case.control_list.as_ref().map_or(1, |l| l.version);
        let judged = self.say(Message::new("pdf.control_list").number("version", version));
        self.note(0.0, &judged);
        self.heading(&self.text("pdf.summary_findings"));
        let goods = self.goods_lines(case);
        let goods = if goods.is_empty() {
            self.text("pdf.not_recorded")
        } else {
            goods.join("\n")
        };
        self.field(
            0.0,
            &section_title(self.words, Section::GoodsFound),
            &goods,
            VALUE,
        );
        // Concealment under its section's title: the field's own label ("Method") needs the
        // section around it.
        let rows = [
            (
                section_title(self.words, Section::Concealments),
                Field::ConcealmentMethod,
            ),
            (
                field_label(self.words, Field::DetectionMethods),
                Field::DetectionMethods,
            ),
            (
                field_label(self.words, Field::OutcomeCode),
                Field::OutcomeCode,
            ),
        ];
        for (label, field) in rows {
            let value = self.codes_of(case, field);
            self.field(0.0, &label, &value, VALUE);
        }
        let excluded = case.photos.iter().filter(|p| p.excluded.is_some()).count();
        let photos = match excluded {
            0 => case.photos.len().to_string(),
            n => self.say(
                Message::new("pdf.photos_excluded")
                    .number("count", case.photos.len() as f64)
                    .number("excluded", n as f64),
            ),
        };
        self.field(0.0, &self.text("pdf.photos"), &photos, VALUE);
    }

    /// One line per material of the goods found: its label, how many entries, the weight found.
    fn goods_lines(&self, case: &CaseFile) -> Vec<String> {
        let mut materials: BTreeMap<Option<&str>, (usize, f64)> = BTreeMap::new();
        for goods in case.live_items(Section::GoodsFound) {
            let entry = materials
                .entry(goods.value(Field::GoodsMaterial))
                .or_default();
            entry.0 += 1;
            entry.1 += goods
                .value(Field::GoodsWeight)
                .and_then(|w| parse_weight(w, InputConventions::STORED).ok())
                .map_or(0.0, |(w, _)| w.kg);
        }
        materials
            .into_iter()
            .map(|(material, (count, kg))| {
                let material = match material {
                    Some(code) => display_value(self.words, Field::GoodsMaterial, code),
                    None => self.text("pdf.material_not_recorded"),
                };
                self.say(
                    Message::new("pdf.goods_line")
                        .text("material", material)
                        .number("count", count as f64)
                        .text("weight", kilograms(kg)),
                )
            })
            .collect()
    }

    /// Every code given for `field` in the case (or its live items), each once, by its label.
    fn codes_of(&self, case: &CaseFile, field: Field) -> String {
        let mut codes: Vec<&str> = Vec::new();
        let values = std::iter::once(case.value(field))
            .chain(case.live_items(field.section()).map(|i| i.value(field)));
        for value in values.flatten() {
            for code in value.split_whitespace() {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        if codes.is_empty() {
            return self.text("pdf.not_recorded");
        }
        codes
            .iter()
            .map(|c| display_value(self.words, field, c))
            .collect::<Vec<_>>()
            .join(&self.text("pdf.list_separator"))
    }
}

/// "45600" or "12.5": kilograms to the gram, as weights are stored (no grouping mark, which
/// reads as a decimal mark in some of the app's languages).
pub(super) fn kilograms(kg: f64) -> String {
    let text = format!("{:.3}", (kg * 1000.0).round() / 1000.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
