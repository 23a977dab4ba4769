//! Discrepancy flags: what the goods found and the route say against the declaration.

use std::collections::{BTreeMap, BTreeSet};

use quayside_i18n::Message;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::{CaseFile, Item};
use crate::control_list::ControlList;
use crate::fields::{Field, Section};
use crate::identifiers::{locode_country, parse_hs_code};
use crate::input::InputConventions;
use crate::reference::{
    composition_of, material_key, Composition, ANALYSER_THRESHOLD_PERCENT, CONTROLLED_ELEMENTS,
    ELEMENTS, VALUE_TOLERANCE, WEIGHT_TOLERANCE,
};
use crate::values::parse_weight;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FlagCode {
    /// Goods found fall under the watchlist while nothing declared does.
    ControlledUndeclared,
    /// Goods are declared under a control-list entry that needs an export licence, and no licence
    /// is recorded, or the one recorded had expired by the inspection.
    ControlledWithoutLicence,
    /// A found HS heading matches no declared heading.
    HsHeadingMismatch,
    /// Weight found is off the declared weight by more than the tolerance: per declared line
    /// against the goods found linked to it, or in total where no goods are linked.
    WeightDiscrepancy,
    /// A count found differs from the count declared in the same unit: per declared line, or in
    /// total where no goods are linked.
    QuantityDiscrepancy,
    /// The value assessed for the goods found differs from the value declared, in the same
    /// currency, by more than the tolerance: per declared line, or in total where no goods are
    /// linked.
    ValueDiscrepancy,
    /// Controlled material found within (or in place of) a declared line of other goods.
    Commingling,
    /// An analyser read a controlled element above the threshold in goods declared as something
    /// whose composition excludes it.
    AnalyserControlled,
    /// The declared origin country is on none of the route legs, and no leg establishes another.
    OriginNotOnRoute,
    /// The route's origin, as established by the inspection, is another country than the one
    /// declared.
    OriginRelabelled,
    /// Goods were transshipped in a third country: neither the declared origin nor the
    /// destination, and on no declared leg.
    UndeclaredTransshipment,
    /// An evidence item or sample whose holder is unknown: never handed to anyone, or handed on
    /// by someone who was not holding it.
    CustodyBreak,
}

impl FlagCode {
    pub const ALL: [FlagCode; 12] = [
        FlagCode::ControlledUndeclared,
        FlagCode::ControlledWithoutLicence,
        FlagCode::HsHeadingMismatch,
        FlagCode::WeightDiscrepancy,
        FlagCode::QuantityDiscrepancy,
        FlagCode::ValueDiscrepancy,
        FlagCode::Commingling,
        FlagCode::AnalyserControlled,
        FlagCode::OriginNotOnRoute,
        FlagCode::OriginRelabelled,
        FlagCode::UndeclaredTransshipment,
        FlagCode::CustodyBreak,
    ];

    /// `flag.<code>` in the label catalogue.
    pub fn label_key(self) -> String {
        crate::labels::key("flag", &self)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Flag {
    pub code: FlagCode,
    /// What raised it, as keyed messages (`discrepancy.*`): one, or one per controlled material
    /// found or per break in a chain of custody.
    pub details: Vec<Message>,
}

impl Flag {
    /// The details in a catalogue's language, one after another.
    pub fn details_text(&self, words: &quayside_i18n::Catalogue) -> String {
        let details: Vec<String> = self.details.iter().map(|m| words.format(m)).collect();
        details.join("; ")
    }

    /// The details in English: for logs and tests.
    pub fn english(&self) -> String {
        self.details_text(quayside_i18n::Catalogue::english())
    }
}

/// Every flag the case raises, judged by `list` (the control list the case names), in code order.
/// Values are canonical (validated before they were stored).
pub fn flags(case: &CaseFile, control: &ControlList) -> Vec<Flag> {
    let declared_hs: Vec<String> = case
        .value(Field::DeclaredHsCode)
        .into_iter()
        .chain(
            case.live_items(Section::DeclaredLines)
                .filter_map(|i| i.value(Field::LineHsCode)),
        )
        .filter_map(digits)
        .collect();
    let goods: Vec<_> = case.live_items(Section::GoodsFound).collect();
    let mut out = Vec::new();

    // Materials by their label keys, so each is named in the reader's language.
    let controlled_found: BTreeSet<&str> = goods
        .iter()
        .filter_map(|g| controlled(g, control))
        .collect();
    let controlled_declared = declared_hs.iter().any(|d| control.entry_for(d).is_some());
    if !controlled_found.is_empty() && !controlled_declared {
        out.push(Flag {
            code: FlagCode::ControlledUndeclared,
            details: controlled_found
                .into_iter()
                .map(|material| {
                    Message::new("discrepancy.controlled_undeclared").label("material", material)
                })
                .collect(),
        });
    }

    let declared_headings: BTreeSet<&str> = declared_hs.iter().map(|d| &d[..4]).collect();
    if !declared_headings.is_empty() {
        // Controlled material hidden within a line of other goods has a heading of its own; the
        // commingling flag names it with its line, so its heading is not a second flag.
        let odd: BTreeSet<&str> = goods
            .iter()
            .filter(|g| !commingled(case, g, control))
            .filter_map(|g| g.value(Field::GoodsHsCode))
            .filter(|hs| digits(hs).is_some_and(|d| !declared_headings.contains(&d[..4])))
            .collect();
        if !odd.is_empty() {
            out.push(Flag {
                code: FlagCode::HsHeadingMismatch,
                details: vec![Message::new("discrepancy.hs_heading_mismatch")
                    .text("found", list(odd))
                    .text("declared", list(declared_headings))],
            });
        }
    }

    out.extend(without_licence(case, &declared_hs, control));
    out.extend(goods_against_declaration(case, &goods, control));
    out.extend(analyser_readings(case));
    out.extend(route_flags(case));
    let breaks = crate::custody::breaks(case);
    if !breaks.is_empty() {
        out.push(Flag {
            code: FlagCode::CustodyBreak,
            details: breaks.into_iter().map(|b| b.text).collect(),
        });
    }
    out.sort_by_key(|f| f.code);
    out
}

/// The outcome a case's flags point to, offered to the person deciding and never set for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SuggestedOutcome {
    /// An outcome code (`outcome.<code>`).
    pub code: String,
    /// The flags it follows from.
    pub because: Vec<FlagCode>,
}

/// Controlled material found undeclared, hidden in other goods or read by an analyser where the
/// declaration excludes it points to seizure (O4); controlled goods declared as such but without a
/// valid licence, to holding them until one is shown (O3). Anything else suggests nothing: the
/// flags alone do not say.
pub fn suggested_outcome(flags: &[Flag]) -> Option<SuggestedOutcome> {
    const SEIZURE: [FlagCode; 3] = [
        FlagCode::ControlledUndeclared,
        FlagCode::Commingling,
        FlagCode::AnalyserControlled,
    ];
    let raised = |codes: &[FlagCode]| -> Vec<FlagCode> {
        flags
            .iter()
            .map(|f| f.code)
            .filter(|c| codes.contains(c))
            .collect()
    };
    let seizure = raised(&SEIZURE);
    if !seizure.is_empty() {
        return Some(SuggestedOutcome {
            code: "O4".into(),
            because: seizure,
        });
    }
    let licence = raised(&[FlagCode::ControlledWithoutLicence]);
    (!licence.is_empty()).then(|| SuggestedOutcome {
        code: "O3".into(),
        because: licence,
    })
}

/// Goods declared under a control-list entry that needs a licence, without a valid one: one detail
/// per entry, naming it in the reader's language.
fn without_licence(case: &CaseFile, declared_hs: &[String], list: &ControlList) -> Option<Flag> {
    let mut entries = Vec::new();
    for code in declared_hs {
        if let Some(entry) = list.entry_for(code).filter(|e| e.licence_required) {
            if !entries
                .iter()
                .any(|e: &&crate::control_list::ControlEntry| e.id == entry.id)
            {
                entries.push(entry);
            }
        }
    }
    if entries.is_empty() {
        return None;
    }
    let licence = case.value(Field::ExportLicenceNumber);
    let until = case.value(Field::ExportLicenceValidUntil);
    // The inspection's day: when the case was opened (RFC 3339, so its first ten characters).
    let inspected = case.opened_at.get(..10).unwrap_or_default();
    let details: Vec<Message> = match (licence, until) {
        (None, _) => entries
            .iter()
            .map(|e| {
                Message::new("discrepancy.no_licence")
                    .words("name", e.names.clone())
                    .text("entry", e.id.clone())
                    .number("version", list.version)
            })
            .collect(),
        // Canonical days (YYYY-MM-DD) compare as text.
        (Some(licence), Some(until)) if until < inspected => {
            vec![Message::new("discrepancy.licence_expired")
                .text("licence", licence)
                .text("until", until)
                .text("inspected", inspected)]
        }
        _ => Vec::new(),
    };
    (!details.is_empty()).then_some(Flag {
        code: FlagCode::ControlledWithoutLicence,
        details,
    })
}

/// The controlled material an entry of goods found is, by its label key: by its HS code on the
/// watchlist, else by the material chosen.
fn controlled(goods: &Item, list: &ControlList) -> Option<&'static str> {
    let by_hs = goods
        .value(Field::GoodsHsCode)
        .and_then(digits)
        .and_then(|d| list.entry_for(&d).map(|e| e.material.clone()));
    match (by_hs, goods.value(Field::GoodsMaterial)) {
        (Some(material), _) => material_key(&material),
        (None, Some(m)) if m != "none" => material_key(m),
        _ => None,
    }
}

/// Whether goods found are controlled material linked to a live declared line of other goods
/// (one whose HS code is not on the control list): what the commingling flag names.
fn commingled(case: &CaseFile, goods: &Item, list: &ControlList) -> bool {
    controlled(goods, list).is_some()
        && goods.value(Field::GoodsDeclaredLine).is_some_and(|link| {
            case.live_items(Section::DeclaredLines)
                .any(|line| line.id.to_string() == link && !declares_controlled(line, list))
        })
}

/// Whether a declared line's HS code falls under the control list.
fn declares_controlled(line: &Item, list: &ControlList) -> bool {
    line.value(Field::LineHsCode)
        .and_then(digits)
        .is_some_and(|d| list.entry_for(&d).is_some())
}

/// A declared line as flags name it: its number among the section's entries (as the case file
/// shows it) and what it is.
struct Line<'a> {
    item: &'a Item,
    number: usize,
    /// Goods found linked to this line.
    goods: Vec<&'a Item>,
}

impl Line<'_> {
    /// What the line declares, short: its description's first line, else its HS code.
    fn description(&self, message: Message) -> Message {
        const LONGEST: usize = 60;
        let described = self
            .item
            .value(Field::LineDescription)
            .and_then(|d| d.lines().map(str::trim).find(|l| !l.is_empty()));
        match (described, self.item.value(Field::LineHsCode)) {
            (Some(text), _) if text.chars().count() > LONGEST => {
                let cut: String = text.chars().take(LONGEST - 1).collect();
                message.text("description", format!("{}…", cut.trim_end()))
            }
            (Some(text), _) => message.text("description", text),
            (None, Some(hs)) => message.text("description", format!("HS {hs}")),
            (None, None) => message.label("description", "discrepancy.line_undescribed"),
        }
    }

    fn is_controlled(&self, list: &ControlList) -> bool {
        declares_controlled(self.item, list)
    }
}

/// Weight, count and kind of the goods found against what was declared. Goods linked to a
/// declared line are compared with that line; only when none is linked are the totals compared.
/// Controlled material found within a line of other goods is commingling, not a weight
/// discrepancy: the weight of what was hidden says nothing about the declared goods.
fn goods_against_declaration(case: &CaseFile, goods: &[&Item], list: &ControlList) -> Vec<Flag> {
    let mut lines: Vec<Line> = case
        .items
        .iter()
        .filter(|i| i.section == Section::DeclaredLines)
        .enumerate()
        .filter(|(_, i)| i.withdrawn.is_none())
        .map(|(at, item)| Line {
            item,
            number: at + 1,
            goods: Vec::new(),
        })
        .collect();
    for g in goods {
        let link = g.value(Field::GoodsDeclaredLine);
        if let Some(line) = lines
            .iter_mut()
            .find(|l| link.is_some_and(|id| l.item.id.to_string() == id))
        {
            line.goods.push(g);
        }
    }
    let any_linked = lines.iter().any(|l| !l.goods.is_empty());
    let mut weight = Vec::new();
    let mut quantity = Vec::new();
    let mut value = Vec::new();
    let mut commingling = Vec::new();

    if any_linked {
        for line in lines.iter().filter(|l| !l.goods.is_empty()) {
            // Controlled material within a line of other goods: by material, with its weight.
            let mut hidden: BTreeMap<&str, Vec<&Item>> = BTreeMap::new();
            if !line.is_controlled(list) {
                for g in &line.goods {
                    if let Some(material) = controlled(g, list) {
                        hidden.entry(material).or_default().push(g);
                    }
                }
            }
            for (material, found) in &hidden {
                let found_kg = sum(found.iter().map(|g| g.value(Field::GoodsWeight)));
                let declared_kg = line.item.value(Field::LineWeight).and_then(kg);
                let message = match (found_kg, declared_kg) {
                    (Some(found), Some(declared)) => Message::new("discrepancy.commingling")
                        .number("found", round(found))
                        .number("declared", round(declared)),
                    (Some(found), None) => {
                        Message::new("discrepancy.commingling_found").number("found", round(found))
                    }
                    (None, _) => Message::new("discrepancy.commingling_unweighed"),
                };
                commingling.push(
                    line.description(
                        message
                            .label("material", *material)
                            .number("line", line.number as f64),
                    ),
                );
            }
            let declared_goods: Vec<&Item> = line
                .goods
                .iter()
                .copied()
                .filter(|g| !hidden.values().flatten().any(|h| h.id == g.id))
                .collect();
            if hidden.is_empty() {
                let declared = line.item.value(Field::LineValue);
                if let Some(message) = compare_values(
                    declared,
                    declared_goods.iter().map(|g| g.value(Field::GoodsValue)),
                    "discrepancy.line_value",
                ) {
                    value.push(line.description(message.number("line", line.number as f64)));
                }
                let found = sum(declared_goods.iter().map(|g| g.value(Field::GoodsWeight)));
                let declared = line.item.value(Field::LineWeight).and_then(kg);
                if let Some(message) = compare_weights(declared, found, "discrepancy.line_weight") {
                    weight.push(match message.key.as_str() {
                        "discrepancy.line_weight" => {
                            line.description(message.number("line", line.number as f64))
                        }
                        _ => message,
                    });
                }
            }
            let declared = line.item.value(Field::LineQuantity).and_then(count);
            if let Some(message) = compare_counts(
                declared,
                declared_goods.iter().map(|g| g.value(Field::GoodsQuantity)),
                "discrepancy.line_quantity",
            ) {
                quantity.push(line.description(message.number("line", line.number as f64)));
            }
        }
    } else {
        let declared_kg = case
            .value(Field::DeclaredWeight)
            .and_then(kg)
            .or_else(|| sum(lines.iter().map(|l| l.item.value(Field::LineWeight))));
        let found_kg = sum(goods.iter().map(|g| g.value(Field::GoodsWeight)));
        weight.extend(compare_weights(declared_kg, found_kg, "discrepancy.weight"));
        let declared = case.value(Field::DeclaredQuantity).and_then(count);
        quantity.extend(compare_counts(
            declared,
            goods.iter().map(|g| g.value(Field::GoodsQuantity)),
            "discrepancy.quantity",
        ));
        value.extend(compare_values(
            case.value(Field::DeclaredValue),
            goods.iter().map(|g| g.value(Field::GoodsValue)),
            "discrepancy.value",
        ));
    }

    [
        (FlagCode::WeightDiscrepancy, weight),
        (FlagCode::QuantityDiscrepancy, quantity),
        (FlagCode::ValueDiscrepancy, value),
        (FlagCode::Commingling, commingling),
    ]
    .into_iter()
    .filter(|(_, details)| !details.is_empty())
    .map(|(code, details)| Flag { code, details })
    .collect()
}

/// The weight found against the weight declared, when it is off by more than the tolerance:
/// `key` with the weights and the share, or, when nothing was declared, that it was nothing.
fn compare_weights(declared: Option<f64>, found: Option<f64>, key: &str) -> Option<Message> {
    let (declared, found) = (declared?, found?);
    let off = (found - declared).abs();
    if off <= declared * WEIGHT_TOLERANCE {
        return None;
    }
    Some(if declared > 0.0 {
        Message::new(key)
            .number("found", round(found))
            .number("declared", round(declared))
            .number("percent", (off / declared * 100.0).round())
            .number("tolerance", (WEIGHT_TOLERANCE * 100.0).round())
    } else {
        // No share of nothing: say that nothing was declared.
        Message::new("discrepancy.weight_none_declared").number("found", round(found))
    })
}

/// The count found in the declared count's unit against it, when they differ. Counts in other
/// units are not compared (cartons with pieces say nothing); none in the unit, nothing to say.
fn compare_counts<'a>(
    declared: Option<(f64, &str)>,
    found: impl Iterator<Item = Option<&'a str>>,
    key: &str,
) -> Option<Message> {
    let (declared, unit) = declared?;
    let same_unit: Vec<f64> = found
        .flatten()
        .filter_map(count)
        .filter(|(_, u)| *u == unit)
        .map(|(n, _)| n)
        .collect();
    if same_unit.is_empty() {
        return None;
    }
    let found: f64 = same_unit.iter().sum();
    ((found - declared).abs() > 1e-9).then(|| {
        Message::new(key)
            .number("found", found)
            .number("declared", declared)
            .text("unit", unit)
    })
}

/// The value assessed for the goods (those in the declared value's currency) against the value
/// declared, when it is off by more than the tolerance. Values in another currency are not
/// converted: no rate is known offline.
fn compare_values<'a>(
    declared: Option<&str>,
    found: impl Iterator<Item = Option<&'a str>>,
    key: &str,
) -> Option<Message> {
    let (declared, currency) = money(declared?)?;
    let same: Vec<f64> = found
        .flatten()
        .filter_map(money)
        .filter(|(_, c)| *c == currency)
        .map(|(amount, _)| amount)
        .collect();
    if same.is_empty() {
        return None;
    }
    let found: f64 = same.iter().sum();
    let off = (found - declared).abs();
    if off <= declared * VALUE_TOLERANCE {
        return None;
    }
    let percent = if declared > 0.0 {
        (off / declared * 100.0).round()
    } else {
        100.0
    };
    Some(
        Message::new(key)
            .text("found", format!("{found:.2}"))
            .text("declared", format!("{declared:.2}"))
            .text("currency", currency)
            .number("percent", percent)
            .number("tolerance", (VALUE_TOLERANCE * 100.0).round()),
    )
}

/// A stored amount ("12000.00 USD"): the number and the currency code.
fn money(value: &str) -> Option<(f64, &str)> {
    let (amount, currency) = value.split_once(' ')?;
    Some((amount.parse().ok()?, currency))
}

/// A stored quantity ("1200 pcs"): its number and unit word.
fn count(quantity: &str) -> Option<(f64, &str)> {
    let (number, unit) = quantity.split_once(' ')?;
    Some((number.parse().ok()?, unit))
}

/// Analyser readings against what was declared: a controlled element read above the threshold
/// where every declared HS code is of goods whose composition is known and excludes it. A
/// declared code of unknown composition, or one that may contain the element, says nothing, so
/// tin and lead in solder paste, or gallium in a declared gallium line, raise nothing.
fn analyser_readings(case: &CaseFile) -> Vec<Flag> {
    let declared: Vec<(&str, Option<&'static Composition>)> = case
        .value(Field::DeclaredHsCode)
        .into_iter()
        .chain(
            case.live_items(Section::DeclaredLines)
                .filter_map(|i| i.value(Field::LineHsCode)),
        )
        .map(|hs| (hs, digits(hs).and_then(|d| composition_of(&d))))
        .collect();
    let Some((first_hs, Some(first))) = declared.first().copied() else {
        return Vec::new();
    };
    let excluded = |symbol: &str| {
        declared
            .iter()
            .all(|(_, c)| c.is_some_and(|c| !c.elements.contains(&symbol)))
    };
    let readings = case
        .items
        .iter()
        .filter(|i| i.section == Section::Readings)
        .enumerate()
        .filter(|(_, i)| i.withdrawn.is_none());
    let mut details = Vec::new();
    for (at, reading) in readings {
        let (Some(symbol), Some(percent)) = (
            reading.value(Field::ReadingElement),
            reading.value(Field::ReadingMassPercent),
        ) else {
            continue;
        };
        let over = percent
            .parse::<f64>()
            .is_ok_and(|p| p > ANALYSER_THRESHOLD_PERCENT);
        if !over || !CONTROLLED_ELEMENTS.contains(&symbol) || !excluded(symbol) {
            continue;
        }
        let Some(element) = ELEMENTS.iter().find(|e| e.code == symbol) else {
            continue;
        };
        let sample = reading
            .value(Field::ReadingSample)
            .and_then(|id| sample_number(case, id));
        let message = match sample {
            Some(n) => Message::new("discrepancy.analyser_controlled").number("sample", n as f64),
            None => Message::new("discrepancy.analyser_controlled_reading")
                .number("reading", (at + 1) as f64),
        };
        details.push(
            message
                .text("percent", percent)
                .text("symbol", symbol)
                .label("element", element.key)
                .text("hs", first_hs)
                .label("goods", first.key),
        );
    }
    if details.is_empty() {
        return Vec::new();
    }
    vec![Flag {
        code: FlagCode::AnalyserControlled,
        details,
    }]
}

/// A sample's number among the samples (as the case file shows it), if it stands.
fn sample_number(case: &CaseFile, id: &str) -> Option<usize> {
    let samples: Vec<&Item> = case
        .items
        .iter()
        .filter(|i| i.section == Section::Samples)
        .collect();
    let at = samples.iter().position(|i| i.id.to_string() == id)?;
    samples[at].withdrawn.is_none().then_some(at + 1)
}

/// One live leg of the route, as recorded: its place, role and basis (each may be missing).
struct Leg<'a> {
    locode: &'a str,
    role: Option<&'a str>,
    basis: Option<&'a str>,
}

impl Leg<'_> {
    fn country(&self) -> &str {
        locode_country(self.locode)
    }

    fn is(&self, role: &str) -> bool {
        self.role == Some(role)
    }

    /// Found by the inspection (documents, findings), not taken from the declaration. A leg
    /// whose basis is not given is evidence of nothing either way.
    fn established(&self) -> bool {
        self.basis == Some("established")
    }

    fn declared(&self) -> bool {
        self.basis == Some("declared")
    }
}

/// What the route says against the declared origin: the origin the inspection established, or
/// the declared origin missing from the route, and transshipments in third countries nobody
/// declared. One fact raises one flag: an established origin leg settles where the goods come
/// from, so the declared origin is then not also looked for on the route.
fn route_flags(case: &CaseFile) -> Vec<Flag> {
    let legs: Vec<Leg> = case
        .live_items(Section::Route)
        .filter_map(|leg| {
            Some(Leg {
                locode: leg.value(Field::LegLocode)?,
                role: leg.value(Field::LegRole),
                basis: leg.value(Field::LegBasis),
            })
        })
        .collect();
    let declared_origin = case.value(Field::DeclaredOrigin);
    let established_origins: Vec<&Leg> = legs
        .iter()
        .filter(|l| l.is("origin") && l.established())
        .collect();
    let mut out = Vec::new();

    if let Some(origin) = declared_origin {
        if established_origins.is_empty() {
            let countries: Vec<&str> = legs.iter().map(Leg::country).collect();
            if !countries.is_empty() && !countries.contains(&origin) {
                out.push(Flag {
                    code: FlagCode::OriginNotOnRoute,
                    details: vec![Message::new("discrepancy.origin_not_on_route")
                        .text("origin", origin)
                        .text("route", countries.join(" → "))],
                });
            }
        } else {
            let details: Vec<Message> = established_origins
                .iter()
                .filter(|l| l.country() != origin)
                .map(|l| {
                    Message::new("discrepancy.origin_relabelled")
                        .text("declared", origin)
                        .text("established", l.country())
                        .text("place", l.locode)
                })
                .collect();
            if !details.is_empty() {
                out.push(Flag {
                    code: FlagCode::OriginRelabelled,
                    details,
                });
            }
        }
    }

    // Countries the goods may pass through without saying anything new: the declared origin,
    // where they go, every country the declaration names, and where they come from (a
    // relabelled origin is its own flag).
    let accounted: BTreeSet<&str> = declared_origin
        .into_iter()
        .chain(
            legs.iter()
                .filter(|l| l.is("destination") || l.is("origin") || l.declared())
                .map(Leg::country),
        )
        .collect();
    let mut places = BTreeSet::new();
    let details: Vec<Message> = legs
        .iter()
        .filter(|l| l.is("transshipment") && l.established())
        .filter(|l| !accounted.contains(l.country()))
        .filter(|l| places.insert(l.locode))
        .map(|l| {
            Message::new("discrepancy.undeclared_transshipment")
                .text("place", l.locode)
                .text("country", l.country())
        })
        .collect();
    if !details.is_empty() {
        out.push(Flag {
            code: FlagCode::UndeclaredTransshipment,
            details,
        });
    }
    out
}

fn digits(hs: &str) -> Option<String> {
    parse_hs_code(hs).ok().map(|h| h.digits().to_string())
}

fn kg(weight: &str) -> Option<f64> {
    parse_weight(weight, InputConventions::STORED)
        .ok()
        .map(|(w, _)| w.kg)
}

/// Sum of the weights given; None when none is given (so an empty side raises no flag).
fn sum<'a>(weights: impl Iterator<Item = Option<&'a str>>) -> Option<f64> {
    let given: Vec<f64> = weights.flatten().filter_map(kg).collect();
    (!given.is_empty()).then(|| given.iter().sum())
}

/// To the gram: more digits would be noise from unit conversions.
fn round(kg: f64) -> f64 {
    (kg * 1000.0).round() / 1000.0
}

fn list<T: AsRef<str>>(set: BTreeSet<T>) -> String {
    set.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", ")
}
