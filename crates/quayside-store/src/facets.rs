//! Per-case facts the case list filters and sorts on and statistics count: the outcome, the weight
//! seized, the route's countries (columns of `cases`), and the multi-valued facets (concealment
//! methods, materials, detection methods, countries on the route) in `case_facets`. Derived from the
//! folded case only (withdrawn items do not count), so a rebuild gives the same rows; `projection`
//! writes them. A leaf: what is derived, and the facet names queries and statistics filter on.

use std::collections::BTreeMap;

use quayside_domain::case::CaseFile;
use quayside_domain::fields::{Field, FieldKind, Section};
use quayside_domain::identifiers::parse_country;
use quayside_domain::input::InputConventions;
use quayside_domain::values::parse_weight;

pub(crate) const CONCEALMENT: &str = "concealment";
pub(crate) const MATERIAL: &str = "material";
pub(crate) const DETECTION: &str = "detection";
pub(crate) const COUNTRY: &str = "country";

/// What `projection` writes for one case.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Facts {
    pub outcome: Option<String>,
    pub seized_kg: f64,
    pub route_origin: Option<String>,
    pub route_transshipment: Option<String>,
    pub route_destination: Option<String>,
    /// (facet, value, amount in kg), each (facet, value) once.
    pub facets: Vec<(&'static str, String, f64)>,
}

/// The kg a stored weight stands for; a value that no longer parses counts as nothing.
fn kg(text: Option<&str>) -> f64 {
    text.and_then(|t| parse_weight(t, InputConventions::STORED).ok())
        .map_or(0.0, |(w, _)| w.kg)
}

/// The country of a UN/LOCODE: its first two letters, when they are a country.
fn country_of(locode: &str) -> Option<String> {
    country(locode.get(..2)?)
}

/// An ISO 3166 code as the domain's parser accepts it. Values arrive by sync unparsed, so what a
/// newer version or a damaged device wrote must never reach statistics shared outside as free text.
fn country(code: &str) -> Option<String> {
    parse_country(code).ok().filter(|c| c == code)
}

/// A code of `field`'s list, or `OTHER` for anything else (same reason as `country`).
fn known_code(field: Field, code: &str) -> String {
    match field.kind() {
        FieldKind::Code(list) | FieldKind::Codes(list) if list.iter().any(|e| e.code == code) => {
            code.to_string()
        }
        _ => OTHER.to_string(),
    }
}

/// The bucket of values that are not codes of their list.
pub(crate) const OTHER: &str = "other";

/// Countries in route order, a country repeated by consecutive legs once; None when there is none.
fn joined(countries: Vec<String>) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for c in countries {
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    (!out.is_empty()).then(|| out.join(" "))
}

pub(crate) fn derive(case: &CaseFile) -> Facts {
    // Goods found: the total, each material's own kg, and the kg of goods with no material given.
    let mut seized_kg = 0.0;
    let mut materials: BTreeMap<String, f64> = BTreeMap::new();
    let mut unnamed: Option<f64> = None;
    for goods in case.live_items(Section::GoodsFound) {
        let weight = kg(goods.value(Field::GoodsWeight));
        seized_kg += weight;
        match goods.value(Field::GoodsMaterial) {
            Some(m) => {
                *materials
                    .entry(known_code(Field::GoodsMaterial, m))
                    .or_default() += weight
            }
            None => *unnamed.get_or_insert(0.0) += weight,
        }
    }
    if materials.is_empty() {
        unnamed.get_or_insert(0.0);
    }

    // Route legs in the order of the file: (country, role).
    let legs: Vec<(String, Option<&str>)> = case
        .live_items(Section::Route)
        .filter_map(|leg| {
            let country = country_of(leg.value(Field::LegLocode)?)?;
            Some((country, leg.value(Field::LegRole)))
        })
        .collect();
    let with_role = |roles: &[&str]| -> Vec<String> {
        legs.iter()
            .filter(|(_, role)| role.is_some_and(|r| roles.contains(&r)))
            .map(|(c, _)| c.clone())
            .collect()
    };
    let declared_origin = case.value(Field::DeclaredOrigin).and_then(country);
    let first_of = |choices: [Vec<String>; 2]| choices.into_iter().find(|c| !c.is_empty());
    let route_origin = first_of([with_role(&["origin"]), with_role(&["loading"])])
        .or_else(|| declared_origin.clone().map(|c| vec![c]))
        .and_then(joined);
    let route_transshipment = joined(with_role(&["transshipment", "transit"]));
    let route_destination =
        first_of([with_role(&["destination"]), with_role(&["discharge"])]).and_then(joined);

    let mut facets: Vec<(&'static str, String, f64)> = Vec::new();
    let mut add_all = |facet: &'static str, values: Vec<String>, empty_row: bool| {
        let mut values = values;
        values.sort();
        values.dedup();
        if values.is_empty() && empty_row {
            values.push(String::new());
        }
        facets.extend(values.into_iter().map(|v| (facet, v, seized_kg)));
    };
    add_all(
        CONCEALMENT,
        case.live_items(Section::Concealments)
            .filter_map(|i| i.value(Field::ConcealmentMethod))
            .map(|c| known_code(Field::ConcealmentMethod, c))
            .collect(),
        true,
    );
    add_all(
        DETECTION,
        case.value(Field::DetectionMethods)
            .unwrap_or_default()
            .split_whitespace()
            .map(|c| known_code(Field::DetectionMethods, c))
            .collect(),
        true,
    );
    add_all(
        COUNTRY,
        legs.iter()
            .map(|(c, _)| c.clone())
            .chain(declared_origin)
            .collect(),
        false,
    );
    facets.extend(materials.into_iter().map(|(m, kg)| (MATERIAL, m, kg)));
    if let Some(kg) = unnamed {
        facets.push((MATERIAL, String::new(), kg));
    }

    Facts {
        outcome: case
            .value(Field::OutcomeCode)
            .map(|c| known_code(Field::OutcomeCode, c)),
        seized_kg,
        route_origin,
        route_transshipment,
        route_destination,
        facets,
    }
}
