//! Discrepancy flags: what the goods found and the route say against the declaration.

use std::collections::BTreeSet;

use quayside_i18n::Message;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::CaseFile;
use crate::fields::{Field, Section};
use crate::identifiers::{locode_country, parse_hs_code};
use crate::input::InputConventions;
use crate::reference::{material_key, watched, WEIGHT_TOLERANCE};
use crate::values::parse_weight;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FlagCode {
    /// Goods found fall under the watchlist while nothing declared does.
    ControlledUndeclared,
    /// A found HS heading matches no declared heading.
    HsHeadingMismatch,
    /// Total weight found is off the declared weight by more than the tolerance.
    WeightDiscrepancy,
    /// The declared origin country is on none of the route legs, and no leg establishes another.
    OriginNotOnRoute,
    /// The route's origin, as established by the inspection, is another country than the one
    /// declared.
    OriginRelabelled,
    /// Goods were transshipped in a third country: neither the declared origin nor the
    /// destination, and on no declared leg.
    UndeclaredTransshipment,
    /// An evidence item whose holder is unknown: never handed to anyone, or handed on by someone
    /// who was not holding it.
    CustodyBreak,
}

impl FlagCode {
    pub const ALL: [FlagCode; 7] = [
        FlagCode::ControlledUndeclared,
        FlagCode::HsHeadingMismatch,
        FlagCode::WeightDiscrepancy,
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

/// Every flag the case raises, in code order. Values are canonical (validated before they were stored).
pub fn flags(case: &CaseFile) -> Vec<Flag> {
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
        .filter_map(|g| {
            let by_hs = g
                .value(Field::GoodsHsCode)
                .and_then(digits)
                .and_then(|d| watched(&d));
            match (by_hs, g.value(Field::GoodsMaterial)) {
                (Some(w), _) => material_key(w.material),
                (None, Some(m)) if m != "none" => material_key(m),
                _ => None,
            }
        })
        .collect();
    let controlled_declared = declared_hs.iter().any(|d| watched(d).is_some());
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
        let odd: BTreeSet<&str> = goods
            .iter()
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

    let declared_kg = case.value(Field::DeclaredWeight).and_then(kg).or_else(|| {
        sum(case
            .live_items(Section::DeclaredLines)
            .map(|i| i.value(Field::LineWeight)))
    });
    let found_kg = sum(goods.iter().map(|g| g.value(Field::GoodsWeight)));
    if let (Some(declared), Some(found)) = (declared_kg, found_kg) {
        let off = (found - declared).abs();
        if off > declared * WEIGHT_TOLERANCE {
            let tolerance = (WEIGHT_TOLERANCE * 100.0).round();
            let detail = if declared > 0.0 {
                Message::new("discrepancy.weight")
                    .number("found", round(found))
                    .number("declared", round(declared))
                    .number("percent", (off / declared * 100.0).round())
                    .number("tolerance", tolerance)
            } else {
                // No share of nothing: say that nothing was declared.
                Message::new("discrepancy.weight_none_declared").number("found", round(found))
            };
            out.push(Flag {
                code: FlagCode::WeightDiscrepancy,
                details: vec![detail],
            });
        }
    }

    out.extend(route_flags(case));
    let breaks = crate::custody::breaks(case);
    if !breaks.is_empty() {
        out.push(Flag {
            code: FlagCode::CustodyBreak,
            details: breaks.into_iter().map(|b| b.text).collect(),
        });
    }
    out
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
