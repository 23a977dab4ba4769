//! Reads for the UI: the list by status and sort, and search.

use chrono::Duration;
use quayside_domain::event::{CaseStatus, Payload};
use quayside_domain::fields::{Field, Section};
use quayside_domain::flags::FlagCode;
use quayside_domain::state::CaseState;
use quayside_store::{CaseFilter, CaseSort, Store};
use uuid::Uuid;

use crate::common::*;

#[test]
fn the_list_filters_by_status_and_sorts() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let mut store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    let a = store.open_case(&inspector(), "THLCH").unwrap().id;
    clock.advance(Duration::minutes(1));
    let b = store.open_case(&inspector(), "NLRTM").unwrap().id;
    clock.advance(Duration::minutes(1));
    set(&mut store, a, None, Field::DeclaredHsCode, "3810.10");
    let goods = add(&mut store, a, Section::GoodsFound);
    set(&mut store, a, Some(goods), Field::GoodsHsCode, "2805.30");
    clock.advance(Duration::minutes(1));
    store
        .append(
            &inspector(),
            b,
            Payload::StatusSet {
                status: CaseStatus::Closed,
                reason: None,
            },
        )
        .unwrap();

    let all = store.list_cases(&CaseFilter::default()).unwrap();
    assert_eq!(
        all.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![a, b],
        "oldest update first"
    );
    let by_port = store
        .list_cases(&CaseFilter {
            sort: CaseSort::Port,
            descending: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_port[0].port, "THLCH");
    let closed = store
        .list_cases(&CaseFilter {
            state: Some(CaseState::Closed),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(closed.iter().map(|c| c.id).collect::<Vec<_>>(), vec![b]);
    let flagged = store
        .list_cases(&CaseFilter {
            flagged_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(flagged.len(), 1);
    assert!(flagged[0].flags.contains(&FlagCode::ControlledUndeclared));
    assert!(flagged[0].flags.contains(&FlagCode::HsHeadingMismatch));
}

#[test]
fn search_finds_a_case_by_any_of_its_words_and_no_typed_text_breaks_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let wanted = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(
        &mut store,
        wanted,
        None,
        Field::ContainerNumber,
        "CSQU3054383",
    );
    set(
        &mut store,
        wanted,
        None,
        Field::DeclaredDescription,
        "Solder paste in tins",
    );
    let seal = add(&mut store, wanted, Section::Seals);
    set(
        &mut store,
        wanted,
        Some(seal),
        Field::SealNumber,
        "ML-778812",
    );
    let party = add(&mut store, wanted, Section::Parties);
    set(
        &mut store,
        wanted,
        Some(party),
        Field::PartyName,
        "Jürgen Müller",
    );
    let other = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(
        &mut store,
        other,
        None,
        Field::DeclaredDescription,
        "Ceramic tiles",
    );

    let find = |store: &Store, text: &str| -> Vec<Uuid> {
        let filter = CaseFilter {
            search: Some(text.into()),
            ..Default::default()
        };
        store
            .list_cases(&filter)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    for text in [
        "ML-778812",
        "778812",
        "ml 7788",
        "csqu305",
        "solder TINS",
        "jurgen",
        "Müller",
    ] {
        assert_eq!(find(&store, text), [wanted], "{text:?}");
    }
    assert_eq!(find(&store, "ceramic"), [other]);
    assert!(
        find(&store, "solder ceramic").is_empty(),
        "every word must match"
    );
    let mut both = find(&store, "");
    both.sort();
    let mut all = vec![wanted, other];
    all.sort();
    assert_eq!(both, all, "no search text: every case");
    // FTS5 syntax typed by a person is only text: never an error, never an operator.
    for hostile in [
        "\"",
        "'",
        "\"CSQU",
        "CSQU\"",
        "AND",
        "OR",
        "NOT solder",
        "solder OR ceramic",
        "NEAR(solder tins)",
        "*",
        "solder*",
        "-solder",
        "^solder",
        "body:solder",
        "(",
        ")",
        "{",
        "[]",
        ";--",
        "\u{0}",
        "💥",
    ] {
        let found = find(&store, hostile);
        let words: Vec<&str> = hostile
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            assert!(found.is_empty(), "{hostile:?} names no word: {found:?}");
        }
    }
    assert_eq!(find(&store, "\"CSQU"), [wanted]);
    assert!(
        find(&store, "solder OR ceramic").is_empty(),
        "OR is a word here, not an operator"
    );
    assert_eq!(
        find(&store, "NEAR(solder tins)").len(),
        0,
        "NEAR is a word too"
    );

    // A withdrawn seal is still findable; the index follows edits and rebuilds identically.
    set(
        &mut store,
        other,
        None,
        Field::DeclaredDescription,
        "Ceramic tiles with solder",
    );
    assert_eq!(find(&store, "solder").len(), 2);
    let before = store.projection_dump().unwrap();
    store.rebuild_projection().unwrap();
    assert_eq!(before, store.projection_dump().unwrap());
}
