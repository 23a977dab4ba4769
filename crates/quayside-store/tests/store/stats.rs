//! Statistics count what the list shows, by week, month, route and code, and never carry free text.

use chrono::{TimeZone, Utc};
use quayside_domain::event::Payload;
use quayside_domain::fields::{Field, Section};
use quayside_domain::input::InputConventions;
use quayside_domain::state::CaseState;
use quayside_domain::values::parse_weight;
use quayside_store::{Bucket, CaseFilter, Statistics, Store};

use crate::common::*;

fn assert_statistics_match_the_list(store: &Store, filter: &CaseFilter) -> Statistics {
    let stats = store.statistics(filter).unwrap();
    let listed = store.list_cases(filter).unwrap();
    assert_eq!(stats.total_cases, listed.len() as u64, "{filter:?}");
    assert_eq!(stats.total_cases, store.count_cases(filter).unwrap());
    let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
    // Each case once: the total is the goods found in the listed cases, read from the case files.
    let goods_kg: f64 = listed
        .iter()
        .map(|summary| {
            let (case, _) = store.case(summary.id).unwrap();
            case.live_items(Section::GoodsFound)
                .filter_map(|goods| goods.value(Field::GoodsWeight))
                // Stored weights are canonical: read as stored.
                .map(|w| parse_weight(w, InputConventions::STORED).unwrap().0.kg)
                .sum::<f64>()
        })
        .sum();
    assert!(close(stats.total_seized_kg, goods_kg), "{filter:?}");
    // Single-valued: buckets add up to the total.
    for buckets in [&stats.by_outcome, &stats.by_week, &stats.by_month] {
        assert_eq!(
            buckets.iter().map(|b| b.cases).sum::<u64>(),
            stats.total_cases
        );
        assert!(close(
            buckets.iter().map(|b| b.seized_kg).sum(),
            stats.total_seized_kg
        ));
    }
    assert_eq!(
        stats.routes.iter().map(|r| r.cases).sum::<u64>(),
        stats.total_cases
    );
    // Multi-valued: a case may count under several buckets, but its weight is counted once
    // (materials carry their own kg, goods with no material are under ""; a case's methods share
    // its kg), so each kg column adds up to the total.
    for buckets in [
        &stats.by_material,
        &stats.by_concealment,
        &stats.by_detection,
        &stats.by_flag,
    ] {
        assert!(
            close(
                buckets.iter().map(|b| b.seized_kg).sum(),
                stats.total_seized_kg
            ),
            "{buckets:?} against {}",
            stats.total_seized_kg
        );
        assert!(buckets.iter().map(|b| b.cases).sum::<u64>() >= stats.total_cases);
    }
    // Each bucket holds as many cases as the list shows for that value with the same filter.
    let narrowed = |edit: &dyn Fn(&mut CaseFilter)| {
        let mut f = filter.clone();
        edit(&mut f);
        store.count_cases(&f).unwrap()
    };
    for b in stats.by_material.iter().filter(|b| !b.key.is_empty()) {
        assert_eq!(b.cases, narrowed(&|f| f.material = Some(b.key.clone())));
    }
    for b in stats.by_concealment.iter().filter(|b| !b.key.is_empty()) {
        assert_eq!(b.cases, narrowed(&|f| f.concealment = Some(b.key.clone())));
    }
    for b in stats.by_detection.iter().filter(|b| !b.key.is_empty()) {
        assert_eq!(b.cases, narrowed(&|f| f.detection = Some(b.key.clone())));
    }
    for b in stats.by_outcome.iter().filter(|b| !b.key.is_empty()) {
        assert_eq!(b.cases, narrowed(&|f| f.outcome = Some(b.key.clone())));
    }
    for b in &stats.by_flag {
        let flagged = narrowed(&|f| f.flagged_only = true);
        let expected = if b.key.is_empty() {
            stats.total_cases - flagged
        } else {
            narrowed(&|f| f.flag = Some(b.key.clone()))
        };
        assert_eq!(b.cases, expected, "{b:?}");
    }
    stats
}

fn bucket<'a>(buckets: &'a [Bucket], key: &str) -> &'a Bucket {
    buckets
        .iter()
        .find(|b| b.key == key)
        .unwrap_or_else(|| panic!("no bucket {key:?} in {buckets:?}"))
}

#[test]
fn statistics_count_what_the_list_shows() {
    let t = five();
    let store = &t.f.store;
    let stats = assert_statistics_match_the_list(store, &CaseFilter::default());
    assert_eq!(stats.total_cases, 5);
    assert_eq!(stats.total_seized_kg, 1200.0 + 2000.0 + 600.0 + 40.0);
    assert_eq!(
        keys(&stats.by_material),
        ["rare_earth", "antimony", "tungsten", ""]
    );
    let tungsten = bucket(&stats.by_material, "tungsten");
    assert_eq!(
        (tungsten.cases, tungsten.seized_kg),
        (2, 1700.0),
        "its own kg"
    );
    let none = bucket(&stats.by_material, "");
    assert_eq!(
        (none.cases, none.seized_kg),
        (2, 100.0),
        "goods without a material, and the case with no goods"
    );
    let c2 = bucket(&stats.by_concealment, "C2");
    assert_eq!(
        (c2.cases, c2.seized_kg),
        (2, 1200.0 + 300.0),
        "one case's whole weight, half of the one hidden two ways"
    );
    assert_eq!(bucket(&stats.by_concealment, "C3").seized_kg, 300.0);
    assert_eq!(bucket(&stats.by_concealment, "").cases, 1);
    assert_eq!(keys(&stats.by_detection), ["D1", "D2", "D5", "D6", ""]);
    assert_eq!(bucket(&stats.by_detection, "D5").cases, 2);
    assert_eq!(keys(&stats.by_outcome), ["O1", "O4", "O7", ""]);
    assert_eq!(keys(&stats.by_month), ["2026-01", "2026-02", "2026-03"]);
    assert_eq!(bucket(&stats.by_month, "2026-02").cases, 2);
    assert_eq!(
        keys(&stats.by_week),
        ["2026-W02", "2026-W05", "2026-W09", "2026-W11"]
    );
    let route = |o: &str, t: &str, d: &str| {
        stats
            .routes
            .iter()
            .find(|r| {
                (
                    r.origin.as_str(),
                    r.transshipment.as_str(),
                    r.destination.as_str(),
                ) == (o, t, d)
            })
            .unwrap_or_else(|| panic!("no route {o} {t} {d} in {:?}", stats.routes))
            .cases
    };
    assert_eq!(route("CN", "SG", ""), 1);
    assert_eq!(route("VN", "", ""), 1, "loading when no origin leg");
    assert_eq!(
        route("CN", "", ""),
        1,
        "the declared origin when no leg says"
    );
    assert_eq!(route("MM", "", "DE"), 1);
    assert_eq!(route("", "", ""), 1);

    let s = |v: &str| Some(v.to_string());
    for filter in [
        filter(|f| f.port = s("NLRTM")),
        filter(|f| f.material = s("tungsten")),
        filter(|f| {
            f.port = s("DEHAM");
            f.state = Some(CaseState::Draft);
        }),
        filter(|f| f.opened_from = s("2026-02-01")),
        filter(|f| f.country = s("CN")),
        filter(|f| f.flagged_only = true),
        filter(|f| {
            f.detection = s("D5");
            f.limit = Some(1);
            f.offset = 1;
        }),
    ] {
        let mut unpaged = filter.clone();
        unpaged.limit = None;
        unpaged.offset = 0;
        let stats = store.statistics(&filter).unwrap();
        assert_eq!(
            stats,
            assert_statistics_match_the_list(store, &unpaged),
            "paging does not matter"
        );
    }
    let tungsten = store
        .statistics(&filter(|f| f.material = s("tungsten")))
        .unwrap();
    assert_eq!(
        keys(&tungsten.by_material),
        ["tungsten", ""],
        "other goods of the selected cases still show"
    );
}

#[test]
fn a_case_hidden_two_ways_with_two_materials_counts_once() {
    let mut f = fixture();
    f.case(&Spec {
        goods: vec![(Some("tungsten"), "1500 kg"), (Some("antimony"), "900 kg")],
        concealments: vec!["C2", "C3"],
        detection: Some("D1 D5"),
        outcome: Some("O4"),
        ..Spec::default()
    });
    let check = |store: &Store| {
        let stats = assert_statistics_match_the_list(store, &CaseFilter::default());
        assert_eq!((stats.total_cases, stats.total_seized_kg), (1, 2400.0));
        let row = |buckets: &[Bucket]| -> Vec<(String, u64, f64)> {
            buckets
                .iter()
                .map(|b| (b.key.clone(), b.cases, b.seized_kg))
                .collect()
        };
        let r = |key: &str, kg: f64| (key.to_string(), 1, kg);
        assert_eq!(
            row(&stats.by_concealment),
            [r("C2", 1200.0), r("C3", 1200.0)],
            "no concealment entry names the goods it hid: the case's kg split evenly"
        );
        assert_eq!(
            row(&stats.by_material),
            [r("antimony", 900.0), r("tungsten", 1500.0)],
            "each goods line under its own material"
        );
        assert_eq!(row(&stats.by_detection), [r("D1", 1200.0), r("D5", 1200.0)]);
        assert_eq!(row(&stats.by_outcome), [r("O4", 2400.0)]);
        assert_eq!(stats.routes.len(), 1);
        assert_eq!(
            (stats.routes[0].cases, stats.routes[0].seized_kg),
            (1, 2400.0)
        );
    };
    check(&f.store);
    // What the file holds, read back by a store opened on it afresh.
    let dir = f.dir;
    drop(f.store);
    check(&Store::open(dir.path()).unwrap());
}

#[test]
fn a_weight_shared_three_ways_still_adds_up() {
    let mut f = fixture();
    f.case(&Spec {
        goods: vec![(None, "100 kg")],
        concealments: vec!["C1", "C2", "C3"],
        detection: Some("D1 D2 D5"),
        ..Spec::default()
    });
    f.case(&Spec {
        goods: vec![(Some("gallium_germanium"), "0.7 t")],
        concealments: vec!["C2"],
        ..Spec::default()
    });
    let stats = assert_statistics_match_the_list(&f.store, &CaseFilter::default());
    let c2 = bucket(&stats.by_concealment, "C2");
    assert_eq!(c2.cases, 2);
    assert!(
        (c2.seized_kg - (700.0 + 100.0 / 3.0)).abs() < 1e-9,
        "{c2:?}"
    );
    assert_eq!(bucket(&stats.by_detection, "").seized_kg, 700.0);
}

#[test]
fn weeks_and_months_follow_iso_8601_across_the_year_boundary() {
    let mut f = fixture();
    for (day, kg) in [
        (at(2026, 12, 27), "1 kg"), // Sunday of 2026-W52
        (at(2026, 12, 28), "2 kg"), // Monday of 2026-W53
        (at(2026, 12, 31), "4 kg"),
        (at(2027, 1, 1), "8 kg"), // still 2026-W53
        (at(2027, 1, 3), "16 kg"),
        (at(2027, 1, 4), "32 kg"), // 2027-W01
    ] {
        f.case(&Spec {
            opened: Some(day),
            goods: vec![(None, kg)],
            ..Spec::default()
        });
    }
    // Late on 31 December UTC is still December, whatever the local clock says.
    f.case(&Spec {
        opened: Some(Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 59).unwrap()),
        ..Spec::default()
    });
    let stats = assert_statistics_match_the_list(&f.store, &CaseFilter::default());
    let weeks: Vec<(&str, u64, f64)> = stats
        .by_week
        .iter()
        .map(|b| (b.key.as_str(), b.cases, b.seized_kg))
        .collect();
    assert_eq!(
        weeks,
        [
            ("2026-W52", 1, 1.0),
            ("2026-W53", 5, 30.0),
            ("2027-W01", 1, 32.0)
        ]
    );
    let months: Vec<(&str, u64, f64)> = stats
        .by_month
        .iter()
        .map(|b| (b.key.as_str(), b.cases, b.seized_kg))
        .collect();
    assert_eq!(months, [("2026-12", 4, 7.0), ("2027-01", 3, 56.0)]);
    // The date range agrees with the buckets: inclusive days, in UTC.
    let s = |v: &str| Some(v.to_string());
    let december = filter(|f| {
        f.opened_from = s("2026-12-01");
        f.opened_to = s("2026-12-31");
    });
    assert_eq!(f.store.count_cases(&december).unwrap(), 4);
    let new_year = filter(|f| f.opened_from = s("2027-01-01"));
    assert_eq!(f.store.count_cases(&new_year).unwrap(), 3);
}

#[test]
fn routes_read_roles_in_route_order_and_fall_back_as_documented() {
    let mut f = fixture();
    let s = |v: &str| Some(v.to_string());
    let cases = [
        (
            vec![
                ("CNSHA", Some("origin")),
                ("CNNGB", Some("loading")),
                ("SGSIN", Some("transshipment")),
                ("MYPKG", Some("transit")),
                ("SGSIN", Some("transit")),
                ("NLRTM", Some("discharge")),
                ("DEHAM", Some("destination")),
            ],
            None,
            ("CN", "SG MY SG", "DE"),
        ),
        (
            vec![("VNHPH", Some("loading")), ("NLRTM", Some("discharge"))],
            Some("CN"),
            ("VN", "", "NL"),
        ),
        (vec![("NLRTM", None)], Some("BO"), ("BO", "", "")),
    ];
    for (legs, declared, (o, t, d)) in cases {
        let spec = Spec {
            legs,
            declared_origin: declared,
            ..Spec::default()
        };
        f.case(&spec);
        let stats = f.store.statistics(&CaseFilter::default()).unwrap();
        assert!(
            stats.routes.iter().any(|r| (
                r.origin.as_str(),
                r.transshipment.as_str(),
                r.destination.as_str()
            ) == (o, t, d)),
            "{o}/{t}/{d} in {:?}",
            stats.routes
        );
    }
    // Countries of any leg, and the declared origin, are filterable.
    for country in ["CN", "SG", "MY", "NL", "DE", "VN", "BO"] {
        assert!(
            !f.ids(&filter(|f| f.country = s(country))).is_empty(),
            "{country}"
        );
    }
}

#[test]
fn values_that_are_not_codes_never_reach_statistics_as_text() {
    // Values arrive by sync without being parsed again: free text written by a newer version or a
    // damaged device must count as "other", not appear in shared statistics.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let raw = |store: &mut Store, item, field, value: &str| {
        store
            .append(
                &inspector(),
                case,
                Payload::FieldSet {
                    item,
                    field,
                    value: Some(value.into()),
                },
            )
            .unwrap();
    };
    let goods = add(&mut store, case, Section::GoodsFound);
    raw(
        &mut store,
        Some(goods),
        Field::GoodsMaterial,
        "Jan Jansen's gallium",
    );
    raw(&mut store, None, Field::OutcomeCode, "handed to Jan Jansen");
    raw(&mut store, None, Field::DeclaredOrigin, "Jansen land");
    raw(&mut store, None, Field::DetectionMethods, "D1 Jansen");
    let stats = store.statistics(&CaseFilter::default()).unwrap();
    let text = serde_json::to_string(&stats).unwrap();
    assert!(!text.contains("Jansen"), "{text}");
    assert_eq!(stats.by_material[0].key, "other");
    assert_eq!(stats.by_outcome[0].key, "other");
    let detection: Vec<&str> = stats.by_detection.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(detection, ["D1", "other"]);
    assert!(
        stats.routes.iter().all(|r| r.origin.is_empty()),
        "{:?}",
        stats.routes
    );
}
