//! The case list as a sheet, one row per case, with every column a supervisor filters on: dates,
//! state (review included), HS codes, materials, weights, outcome, concealment, detection, route
//! and flags. A value that is a code has its label in the exporter's language and, in the column
//! after it, the code itself, so the sheet can be filtered in any language and compared across
//! them. Parties' personal data (names, identity numbers, addresses) is never a column.
//!
//! The partner sheet is what may leave the agency (the fields the WCO's Customs Enforcement Network
//! asks for): only codes, numbers, dates and identifiers of goods and transport (transport units
//! included). No name, identity
//! number or address, no officer, and no free text, which can hold any of them; offenders are
//! counted by role, nationality, year of birth and gender.

use quayside_domain::case::CaseFile;
use quayside_domain::fields::{Field, Section};
use quayside_domain::input::InputConventions;
use quayside_domain::labels::table;
use quayside_domain::reference::ROUTE_ROLES;
use quayside_domain::timeline::{self as t, field_value_text};
use quayside_domain::values::parse_weight;
use quayside_export::{Cell, Sheet};
use quayside_i18n::{Catalogue, Message};
use quayside_store::CaseSummary;

/// One column: its heading's key, and whether a code column follows it.
enum Column {
    Plain(String),
    /// A label column and, after it, a column of the codes labelled.
    Coded(String),
}

/// Codes and their labels: "Tungsten; Gallium" beside "tungsten gallium".
struct Coded {
    labels: Vec<String>,
    codes: Vec<String>,
}

/// What one row's cells are made of, in the columns' order.
enum Value {
    Text(Option<String>),
    Number(Option<f64>),
    Coded(Coded),
}

/// Every distinct value of `field` in the case: on the case itself or on its live items.
fn values(case: &CaseFile, field: Field) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = std::iter::once(case.value(field))
        .chain(case.live_items(field.section()).map(|i| i.value(field)));
    for value in all.flatten() {
        if !out.iter().any(|v| v == value) {
            out.push(value.to_string());
        }
    }
    out
}

fn coded(words: &Catalogue, case: &CaseFile, field: Field) -> Coded {
    let mut codes: Vec<String> = Vec::new();
    for value in values(case, field) {
        for code in value.split_whitespace() {
            if !codes.iter().any(|c| c == code) {
                codes.push(code.to_string());
            }
        }
    }
    Coded {
        labels: codes
            .iter()
            .map(|c| field_value_text(words, field, c))
            .collect(),
        codes,
    }
}

/// A keyed value ("status.open") as its label and its code ("open").
fn keyed(words: &Catalogue, keys: &[String]) -> Coded {
    Coded {
        labels: keys.iter().map(|k| words.text_or_key(k)).collect(),
        codes: keys
            .iter()
            .map(|k| k.split_once('.').map_or(k.as_str(), |(_, c)| c).to_string())
            .collect(),
    }
}

fn kilograms(weight: Option<&str>) -> Option<f64> {
    parse_weight(weight?, InputConventions::STORED)
        .ok()
        .map(|(w, _)| w.kg)
}

/// The case's transport units, each as its kind and number: "Container: CSQU3054383; Postal
/// item: RR123456785CN". Numbers identify transport, not people, so the partner sheet has them too.
fn units(words: &Catalogue, case: &CaseFile) -> Option<String> {
    let units: Vec<String> = case
        .live_items(Section::Units)
        .filter_map(|unit| {
            let kind = unit
                .value(Field::UnitKind)
                .map(|k| field_value_text(words, Field::UnitKind, k));
            match (kind, unit.value(Field::UnitNumber)) {
                (Some(kind), Some(number)) => Some(format!("{kind}: {number}")),
                (kind, number) => kind.or(number.map(str::to_string)),
            }
        })
        .collect();
    (!units.is_empty()).then(|| units.join("; "))
}

/// The route's places of one role (origin, transshipment, destination), UN/LOCODEs.
fn legs(case: &CaseFile, role: &str) -> Option<String> {
    let places: Vec<&str> = case
        .live_items(Section::Route)
        .filter(|leg| leg.value(Field::LegRole) == Some(role))
        .filter_map(|leg| leg.value(Field::LegLocode))
        .collect();
    (!places.is_empty()).then(|| places.join(" "))
}

/// The legs a route is filtered and summed by, as in the statistics.
const ROUTE_LEGS: [&str; 3] = ["origin", "transshipment", "destination"];

fn route_role_key(role: &str) -> String {
    let entry = ROUTE_ROLES.iter().find(|e| e.code == role);
    entry
        .expect("a route role of the code list")
        .key
        .to_string()
}

fn columns() -> Vec<Column> {
    let plain = |key: &str| Column::Plain(key.to_string());
    let coded = |key: &str| Column::Coded(key.to_string());
    let mut columns = vec![
        plain(t::CASE_NUMBER),
        plain(&Field::Port.label_key()),
        plain(table::OPENED_AT),
        plain(table::UPDATED_AT),
        plain(table::OPENED_BY),
        coded(t::STATUS),
        plain(&Field::ContainerNumber.label_key()),
        plain(&Section::Units.label_key()),
        plain(&Field::DeclaredDescription.label_key()),
        plain(&Field::DeclaredHsCode.label_key()),
        plain(&Field::GoodsHsCode.label_key()),
        coded(&Field::GoodsMaterial.label_key()),
        plain(table::DECLARED_KG),
        plain(table::FOUND_KG),
        coded(&Field::OutcomeCode.label_key()),
        coded(&Field::ConcealmentMethod.label_key()),
        coded(&Field::DetectionMethods.label_key()),
        plain(&Field::DeclaredOrigin.label_key()),
    ];
    columns.extend(ROUTE_LEGS.iter().map(|role| plain(&route_role_key(role))));
    columns.extend([coded(table::FLAGS), plain(table::EVENTS)]);
    columns
}

fn row(words: &Catalogue, summary: &CaseSummary, case: &CaseFile) -> Vec<Value> {
    let text = |v: Option<&str>| Value::Text(v.map(str::to_string));
    let joined = |v: Vec<String>| Value::Text((!v.is_empty()).then(|| v.join("; ")));
    let flags: Vec<String> = summary.flags.iter().map(|f| f.label_key()).collect();
    let mut row = vec![
        text(Some(&summary.case_number)),
        text(Some(&summary.port)),
        text(Some(&summary.opened_at)),
        text(Some(&summary.updated_at)),
        text(Some(&summary.opened_by)),
        Value::Coded(keyed(words, &[summary.state.label_key()])),
        text(summary.container_number.as_deref()),
        Value::Text(units(words, case)),
        text(summary.declared_description.as_deref()),
        joined(values(case, Field::DeclaredHsCode)),
        joined(values(case, Field::GoodsHsCode)),
        Value::Coded(coded(words, case, Field::GoodsMaterial)),
        Value::Number(declared_kg(case)),
        Value::Number(found_kg(case)),
        Value::Coded(coded(words, case, Field::OutcomeCode)),
        Value::Coded(coded(words, case, Field::ConcealmentMethod)),
        Value::Coded(coded(words, case, Field::DetectionMethods)),
        text(case.value(Field::DeclaredOrigin)),
    ];
    row.extend(ROUTE_LEGS.iter().map(|role| Value::Text(legs(case, role))));
    row.extend([
        Value::Coded(keyed(words, &flags)),
        Value::Number(Some(summary.event_count as f64)),
    ]);
    row
}

/// The sheet of `cases`, each with its case file, headed and labelled in `words`' language.
pub(crate) fn case_sheet(words: &Catalogue, cases: &[(CaseSummary, CaseFile)]) -> Sheet {
    sheet(words, table::SHEET_CASES, columns(), cases, row)
}

/// The partner sheet of `cases`: those the caller already chose as shareable.
pub(crate) fn partner_sheet(words: &Catalogue, cases: &[(CaseSummary, CaseFile)]) -> Sheet {
    sheet(
        words,
        table::SHEET_PARTNER,
        partner_columns(),
        cases,
        partner_row,
    )
}

fn partner_columns() -> Vec<Column> {
    let plain = |key: &str| Column::Plain(key.to_string());
    let coded = |key: &str| Column::Coded(key.to_string());
    let mut columns = vec![
        plain(t::CASE_NUMBER),
        plain(&Field::Port.label_key()),
        plain(table::OPENED_AT),
        coded(&Field::LocationType.label_key()),
        coded(&Field::CustomsProcedure.label_key()),
        coded(&Field::TransportMode.label_key()),
        plain(&Field::ContainerNumber.label_key()),
        plain(&Section::Units.label_key()),
        plain(&Field::ImoNumber.label_key()),
        plain(&Field::DeclaredHsCode.label_key()),
        plain(&Field::GoodsHsCode.label_key()),
        coded(&Field::GoodsMaterial.label_key()),
        plain(table::DECLARED_KG),
        plain(table::FOUND_KG),
        coded(&Field::ConcealmentMethod.label_key()),
        coded(&Field::DetectionMethods.label_key()),
        plain(&Field::DeclaredOrigin.label_key()),
    ];
    columns.extend(ROUTE_LEGS.iter().map(|role| plain(&route_role_key(role))));
    columns.extend([
        coded(&Field::OutcomeCode.label_key()),
        coded(table::FLAGS),
        plain(table::OFFENDERS),
    ]);
    columns
}

fn partner_row(words: &Catalogue, summary: &CaseSummary, case: &CaseFile) -> Vec<Value> {
    let text = |v: Option<&str>| Value::Text(v.map(str::to_string));
    let joined = |v: Vec<String>| Value::Text((!v.is_empty()).then(|| v.join("; ")));
    let flags: Vec<String> = summary.flags.iter().map(|f| f.label_key()).collect();
    let mut row = vec![
        text(Some(&summary.case_number)),
        text(Some(&summary.port)),
        text(Some(&summary.opened_at)),
        Value::Coded(coded(words, case, Field::LocationType)),
        Value::Coded(coded(words, case, Field::CustomsProcedure)),
        Value::Coded(coded(words, case, Field::TransportMode)),
        text(case.value(Field::ContainerNumber)),
        Value::Text(units(words, case)),
        text(case.value(Field::ImoNumber)),
        joined(values(case, Field::DeclaredHsCode)),
        joined(values(case, Field::GoodsHsCode)),
        Value::Coded(coded(words, case, Field::GoodsMaterial)),
        Value::Number(declared_kg(case)),
        Value::Number(found_kg(case)),
        Value::Coded(coded(words, case, Field::ConcealmentMethod)),
        Value::Coded(coded(words, case, Field::DetectionMethods)),
        text(case.value(Field::DeclaredOrigin)),
    ];
    row.extend(ROUTE_LEGS.iter().map(|role| Value::Text(legs(case, role))));
    row.extend([
        Value::Coded(coded(words, case, Field::OutcomeCode)),
        Value::Coded(keyed(words, &flags)),
        joined(offenders(words, case)),
    ]);
    row
}

/// Each natural person among the parties, without their name: "Consignor: CN, 1975, Male". A
/// company is no offender profile.
fn offenders(words: &Catalogue, case: &CaseFile) -> Vec<String> {
    case.live_items(Section::Parties)
        .filter(|p| p.value(Field::PartyKind) == Some("person"))
        .map(|p| {
            let label = |field: Field| p.value(field).map(|v| field_value_text(words, field, v));
            let traits: Vec<String> = [
                p.value(Field::PartyNationality).map(str::to_string),
                p.value(Field::PartyBirthYear).map(str::to_string),
                label(Field::PartyGender),
            ]
            .into_iter()
            .flatten()
            .collect();
            let role =
                label(Field::PartyRole).unwrap_or_else(|| words.text_or_key(table::NOT_RECORDED));
            if traits.is_empty() {
                role
            } else {
                format!("{role}: {}", traits.join(", "))
            }
        })
        .collect()
}

fn declared_kg(case: &CaseFile) -> Option<f64> {
    kilograms(case.value(Field::DeclaredWeight))
}

fn found_kg(case: &CaseFile) -> Option<f64> {
    let found: Vec<f64> = case
        .live_items(Section::GoodsFound)
        .filter_map(|g| kilograms(g.value(Field::GoodsWeight)))
        .collect();
    (!found.is_empty()).then(|| found.iter().sum())
}

type RowOf = fn(&Catalogue, &CaseSummary, &CaseFile) -> Vec<Value>;

fn sheet(
    words: &Catalogue,
    name_key: &str,
    columns: Vec<Column>,
    cases: &[(CaseSummary, CaseFile)],
    row: RowOf,
) -> Sheet {
    let mut headers = Vec::new();
    for column in columns {
        match column {
            Column::Plain(key) => headers.push(words.text_or_key(&key)),
            Column::Coded(key) => {
                let label = words.text_or_key(&key);
                let code =
                    words.format(&Message::new(table::CODE_COLUMN).text("column", label.clone()));
                headers.extend([label, code]);
            }
        }
    }
    let rows = cases
        .iter()
        .map(|(summary, case)| {
            let mut cells = Vec::new();
            for value in row(words, summary, case) {
                match value {
                    Value::Text(v) => cells.push(v.map_or(Cell::Empty, Cell::Text)),
                    Value::Number(n) => cells.push(n.map_or(Cell::Empty, Cell::Number)),
                    Value::Coded(c) if c.codes.is_empty() => {
                        cells.extend([Cell::Empty, Cell::Empty])
                    }
                    Value::Coded(c) => cells.extend([
                        Cell::Text(c.labels.join("; ")),
                        Cell::Text(c.codes.join(" ")),
                    ]),
                }
            }
            cells
        })
        .collect();
    Sheet {
        name: words.text_or_key(name_key),
        headers,
        rows,
    }
}
