//! A store's case and lists set beside the model's.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use quayside_domain::case::CaseFile;
use quayside_domain::event::CaseStatus;
use quayside_domain::fields::{Field, Section};
use quayside_domain::state::CaseState;
use quayside_store::{CaseFilter, CaseSort};
use uuid::Uuid;

use super::fold::{Key, ModelCase, ModelItem, ModelPhoto};

/// Searches of the case list: each word is a prefix of a word of a current value.
pub const SEARCHES: &[&str] = &[
    "tungst",
    "silva",
    "ever given",
    "CSQU3054383",
    "扫描",
    "新扫描 rescan",
];

fn container(m: &ModelCase) -> Option<&str> {
    m.value(&(None, Field::ContainerNumber))
}

/// Weights of the goods found in items not withdrawn.
fn seized_kg(m: &ModelCase) -> f64 {
    let kg = |text: &str| text.trim_end_matches(" kg").parse::<f64>().unwrap();
    (m.items.iter())
        .filter(|i| i.section == Section::GoodsFound && i.withdrawn.is_none())
        .filter_map(|i| m.value(&(Some(i.id), Field::GoodsWeight)))
        .map(kg)
        .sum()
}

/// Live route legs in a country.
fn leg_in(m: &ModelCase, country: &str) -> bool {
    (m.items.iter())
        .filter(|i| i.section == Section::Route && i.withdrawn.is_none())
        .filter_map(|i| m.value(&(Some(i.id), Field::LegLocode)))
        .any(|place| place.starts_with(country))
}

/// The order the list shows cases in: by the sort's column, then case number, then id.
pub fn list_order(filter: &CaseFilter, a: &ModelCase, b: &ModelCase) -> Ordering {
    let order = match filter.sort {
        CaseSort::UpdatedAt => a.updated_at.cmp(&b.updated_at),
        CaseSort::Container => container(a).cmp(&container(b)),
        CaseSort::SeizedKg => seized_kg(a).total_cmp(&seized_kg(b)),
        other => unreachable!("{other:?}"),
    };
    let order = order.then_with(|| (&a.case_number, a.id).cmp(&(&b.case_number, b.id)));
    if filter.descending {
        order.reverse()
    } else {
        order
    }
}

type Selects = fn(&ModelCase) -> bool;

/// Lists in several orders and filters, with which cases each selects.
pub fn filters() -> Vec<(CaseFilter, Selects)> {
    let list = |sort, descending| CaseFilter {
        sort,
        descending,
        ..CaseFilter::default()
    };
    vec![
        (list(CaseSort::UpdatedAt, false), |_| true),
        (list(CaseSort::Container, true), |_| true),
        (list(CaseSort::SeizedKg, false), |_| true),
        (
            CaseFilter {
                outcome: Some("O4".into()),
                ..CaseFilter::default()
            },
            |m| m.value(&(None, Field::OutcomeCode)) == Some("O4"),
        ),
        (
            CaseFilter {
                detection: Some("D5".into()),
                ..CaseFilter::default()
            },
            |m| m.value(&(None, Field::DetectionMethods)) == Some("D5"),
        ),
        (
            CaseFilter {
                country: Some("CN".into()),
                ..CaseFilter::default()
            },
            |m| leg_in(m, "CN"),
        ),
        (
            CaseFilter {
                state: Some(CaseState::Closed),
                ..CaseFilter::default()
            },
            |m| m.status == CaseStatus::Closed,
        ),
        (
            CaseFilter {
                state: Some(CaseState::Reopened),
                ..CaseFilter::default()
            },
            |m| CaseState::of(m.status, m.review_state()) == CaseState::Reopened,
        ),
    ]
}

/// Conflicts in a fixed order: the store reads conflicts over personal fields back after the others.
pub fn sorted(mut case: CaseFile) -> CaseFile {
    case.conflicts.sort_by_key(|c| (c.item, c.field));
    case
}

pub fn compare_case(case: &CaseFile, m: &ModelCase) {
    let id = case.id;
    assert_eq!(
        (
            &case.case_number,
            &case.opened_by,
            case.head,
            &case.updated_at,
            case.event_count,
            case.status,
            &case.status_reason
        ),
        (
            &m.case_number,
            &m.opened_by,
            m.head,
            &m.updated_at,
            m.event_count,
            m.status,
            &m.status_reason
        ),
        "case {id}"
    );
    let items: Vec<ModelItem> = (case.items.iter())
        .map(|i| ModelItem {
            id: i.id,
            section: i.section,
            withdrawn: i.withdrawn.clone(),
        })
        .collect();
    assert_eq!(items, m.items, "items of {id}, in order");

    let photos: Vec<ModelPhoto> = (case.photos.iter())
        .map(|p| ModelPhoto {
            sha256: p.sha256.clone(),
            file_name: p.file_name.clone(),
            caption: p.caption.clone(),
            excluded: p.excluded.clone(),
        })
        .collect();
    assert_eq!(photos, m.photos, "photos of {id}");
    let custody: Vec<Uuid> = case.custody.iter().map(|r| r.event_id).collect();
    assert_eq!(custody, m.custody, "handovers of {id}");

    let mut values: BTreeMap<Key, (String, Uuid)> = BTreeMap::new();
    for (field, v) in &case.fields {
        values.insert((None, *field), (v.value.clone(), v.event_id));
    }
    for item in &case.items {
        for (field, v) in &item.fields {
            values.insert((Some(item.id), *field), (v.value.clone(), v.event_id));
        }
    }
    let expected: BTreeMap<Key, (String, Uuid)> = (m.edits.keys())
        .filter_map(|key| {
            let winner = m.winner(key)?;
            Some((*key, (winner.value.clone()?, winner.id)))
        })
        .collect();
    assert_eq!(values, expected, "field values of {id}: the last edit wins");

    let conflicts: BTreeMap<Key, Vec<(Option<String>, Uuid)>> = (case.conflicts.iter())
        .map(|c| {
            let values = c.values.iter().map(|r| (r.value.clone(), r.event_id));
            ((c.item, c.field), values.collect())
        })
        .collect();
    assert_eq!(
        conflicts.len(),
        case.conflicts.len(),
        "one conflict per field"
    );
    assert_eq!(conflicts, m.conflicts(), "conflicts of {id}");

    let cleared: BTreeMap<Key, Uuid> = (case.cleared.iter())
        .map(|c| ((c.item, c.field), c.by.event_id))
        .collect();
    assert_eq!(cleared, m.cleared(), "cleared fields of {id}");

    assert_eq!(
        (
            case.review.state,
            &case.review.uncovered,
            case.review.last_step
        ),
        (m.review_state(), &m.uncovered(), m.last_step()),
        "review of {id}"
    );
}
