//! Search and filters of the case list, paging, counts and statistics, on real SQLite files.

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use quayside_domain::event::{CaseStatus, Payload};
use quayside_domain::fields::{Field, Section};
use quayside_store::{Bucket, CaseFilter, CaseSort, Statistics, Store, StoreError};
use uuid::Uuid;

use common::*;

fn raw(dir: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join(quayside_store::DATABASE_FILE)).unwrap()
}

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
}

/// What a test case holds. Goods are (material, weight); legs are (UN/LOCODE, role).
#[derive(Default, Clone)]
struct Spec {
    port: &'static str,
    opened: Option<DateTime<Utc>>,
    seal: &'static str,
    goods: Vec<(Option<&'static str>, &'static str)>,
    concealments: Vec<&'static str>,
    detection: Option<&'static str>,
    outcome: Option<&'static str>,
    legs: Vec<(&'static str, Option<&'static str>)>,
    declared_origin: Option<&'static str>,
    status: Option<CaseStatus>,
}

struct Fixture {
    _dir: tempfile::TempDir,
    clock: TestClock,
    store: Store,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    Fixture {
        _dir: dir,
        clock,
        store,
    }
}

impl Fixture {
    fn case(&mut self, spec: &Spec) -> Uuid {
        let store = &mut self.store;
        self.clock.set(spec.opened.unwrap_or_else(noon));
        let port = if spec.port.is_empty() {
            "NLRTM"
        } else {
            spec.port
        };
        let case = store.open_case(&inspector(), port).unwrap().id;
        if !spec.seal.is_empty() {
            let seal = add(store, case, Section::Seals);
            set(store, case, Some(seal), Field::SealNumber, spec.seal);
        }
        for (material, weight) in &spec.goods {
            let goods = add(store, case, Section::GoodsFound);
            if let Some(material) = material {
                set(store, case, Some(goods), Field::GoodsMaterial, material);
            }
            set(store, case, Some(goods), Field::GoodsWeight, weight);
        }
        for method in &spec.concealments {
            let item = add(store, case, Section::Concealments);
            set(store, case, Some(item), Field::ConcealmentMethod, method);
        }
        for (locode, role) in &spec.legs {
            let leg = add(store, case, Section::Route);
            set(store, case, Some(leg), Field::LegLocode, locode);
            if let Some(role) = role {
                set(store, case, Some(leg), Field::LegRole, role);
            }
        }
        if let Some(origin) = spec.declared_origin {
            set(store, case, None, Field::DeclaredOrigin, origin);
        }
        if let Some(detection) = spec.detection {
            set(store, case, None, Field::DetectionMethods, detection);
        }
        if let Some(outcome) = spec.outcome {
            set(store, case, None, Field::OutcomeCode, outcome);
        }
        if let Some(status) = spec.status {
            store
                .append(
                    &inspector(),
                    case,
                    Payload::StatusSet {
                        status,
                        reason: Some("test".into()),
                    },
                )
                .unwrap();
        }
        case
    }

    fn ids(&self, filter: &CaseFilter) -> BTreeSet<Uuid> {
        let listed: BTreeSet<Uuid> = self
            .store
            .list_cases(filter)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(
            self.store.count_cases(filter).unwrap(),
            listed.len() as u64,
            "count agrees with the list for {filter:?}"
        );
        listed
    }
}

fn set_of(ids: &[Uuid]) -> BTreeSet<Uuid> {
    ids.iter().copied().collect()
}

/// Five cases that differ in every filtered fact.
struct Five {
    f: Fixture,
    rtm_tungsten: Uuid,
    rtm_antimony: Uuid,
    ham_mixed: Uuid,
    anr_nothing: Uuid,
    ham_closed: Uuid,
}

fn five() -> Five {
    let mut f = fixture();
    let rtm_tungsten = f.case(&Spec {
        port: "NLRTM",
        opened: Some(at(2026, 1, 10)),
        seal: "EU1111",
        goods: vec![(Some("tungsten"), "1200 kg")],
        concealments: vec!["C2"],
        detection: Some("D1 D5"),
        outcome: Some("O4"),
        legs: vec![("CNSHA", Some("origin")), ("SGSIN", Some("transshipment"))],
        ..Spec::default()
    });
    let rtm_antimony = f.case(&Spec {
        port: "NLRTM",
        opened: Some(at(2026, 2, 1)),
        seal: "EU2222",
        goods: vec![(Some("antimony"), "2 t")],
        concealments: vec!["C4"],
        detection: Some("D5"),
        outcome: Some("O7"),
        legs: vec![("VNHPH", Some("loading"))],
        ..Spec::default()
    });
    let ham_mixed = f.case(&Spec {
        port: "DEHAM",
        opened: Some(at(2026, 2, 28)),
        seal: "EU3333",
        goods: vec![(Some("tungsten"), "500 kg"), (None, "100 kg")],
        concealments: vec!["C2", "C3"],
        detection: Some("D6"),
        outcome: Some("O4"),
        declared_origin: Some("CN"),
        ..Spec::default()
    });
    let anr_nothing = f.case(&Spec {
        port: "BEANR",
        opened: Some(at(2026, 3, 1)),
        seal: "EU4444",
        ..Spec::default()
    });
    let ham_closed = f.case(&Spec {
        port: "DEHAM",
        opened: Some(at(2026, 3, 15)),
        seal: "EU5555",
        goods: vec![(Some("rare_earth"), "40 kg")],
        concealments: vec!["C6"],
        detection: Some("D2"),
        outcome: Some("O1"),
        legs: vec![("MMRGN", Some("origin")), ("DEHAM", Some("destination"))],
        status: Some(CaseStatus::Closed),
        ..Spec::default()
    });
    Five {
        f,
        rtm_tungsten,
        rtm_antimony,
        ham_mixed,
        anr_nothing,
        ham_closed,
    }
}

fn filter(edit: impl FnOnce(&mut CaseFilter)) -> CaseFilter {
    let mut filter = CaseFilter::default();
    edit(&mut filter);
    filter
}

#[test]
fn each_filter_alone_selects_exactly_its_cases() {
    let t = five();
    let all = set_of(&[
        t.rtm_tungsten,
        t.rtm_antimony,
        t.ham_mixed,
        t.anr_nothing,
        t.ham_closed,
    ]);
    let s = |v: &str| Some(v.to_string());
    let cases: Vec<(CaseFilter, Vec<Uuid>)> = vec![
        (CaseFilter::default(), all.iter().copied().collect()),
        (
            filter(|f| f.port = s("NLRTM")),
            vec![t.rtm_tungsten, t.rtm_antimony],
        ),
        (
            filter(|f| f.port = s("de ham")),
            vec![t.ham_mixed, t.ham_closed],
        ),
        (
            filter(|f| f.opened_from = s("2026-02-01")),
            vec![t.rtm_antimony, t.ham_mixed, t.anr_nothing, t.ham_closed],
        ),
        (
            filter(|f| f.opened_to = s("2026-02-28")),
            vec![t.rtm_tungsten, t.rtm_antimony, t.ham_mixed],
        ),
        (
            filter(|f| {
                f.opened_from = s("2026-02-01");
                f.opened_to = s("2026-02-01");
            }),
            vec![t.rtm_antimony],
        ),
        (
            filter(|f| f.concealment = s("C2")),
            vec![t.rtm_tungsten, t.ham_mixed],
        ),
        (filter(|f| f.concealment = s("c3")), vec![t.ham_mixed]),
        (
            filter(|f| f.concealment = s("Parcel splitting")),
            vec![t.ham_closed],
        ),
        (
            filter(|f| f.material = s("tungsten")),
            vec![t.rtm_tungsten, t.ham_mixed],
        ),
        (filter(|f| f.material = s("rare_earth")), vec![t.ham_closed]),
        (filter(|f| f.material = s("gallium_germanium")), vec![]),
        (
            filter(|f| f.detection = s("D5")),
            vec![t.rtm_tungsten, t.rtm_antimony],
        ),
        (filter(|f| f.detection = s("D1")), vec![t.rtm_tungsten]),
        (
            filter(|f| f.outcome = s("O4")),
            vec![t.rtm_tungsten, t.ham_mixed],
        ),
        (filter(|f| f.outcome = s("o7")), vec![t.rtm_antimony]),
        (
            filter(|f| f.country = s("CN")),
            vec![t.rtm_tungsten, t.ham_mixed],
        ),
        (filter(|f| f.country = s("SG")), vec![t.rtm_tungsten]),
        (filter(|f| f.country = s("VN")), vec![t.rtm_antimony]),
        (filter(|f| f.country = s("DE")), vec![t.ham_closed]),
        (
            filter(|f| f.status = Some(CaseStatus::Closed)),
            vec![t.ham_closed],
        ),
        (
            filter(|f| f.status = Some(CaseStatus::Open)),
            vec![t.rtm_tungsten, t.rtm_antimony, t.ham_mixed, t.anr_nothing],
        ),
        (filter(|f| f.search = s("EU3333")), vec![t.ham_mixed]),
        // Empty text is no filter.
        (
            filter(|f| {
                f.port = s(" ");
                f.material = s("");
            }),
            all.iter().copied().collect(),
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(t.f.ids(&filter), set_of(&expected), "{filter:?}");
    }
}

#[test]
fn filters_combine_with_each_other_with_search_and_with_status() {
    let t = five();
    let s = |v: &str| Some(v.to_string());
    let cases: Vec<(CaseFilter, Vec<Uuid>)> = vec![
        (
            filter(|f| {
                f.port = s("NLRTM");
                f.material = s("tungsten");
            }),
            vec![t.rtm_tungsten],
        ),
        (
            filter(|f| {
                f.material = s("tungsten");
                f.search = s("EU33");
            }),
            vec![t.ham_mixed],
        ),
        (
            filter(|f| {
                f.material = s("tungsten");
                f.search = s("EU22");
            }),
            vec![],
        ),
        (
            filter(|f| {
                f.port = s("DEHAM");
                f.status = Some(CaseStatus::Open);
            }),
            vec![t.ham_mixed],
        ),
        (
            filter(|f| {
                f.country = s("CN");
                f.concealment = s("C2");
                f.detection = s("D6");
                f.outcome = s("O4");
                f.opened_from = s("2026-02-15");
                f.status = Some(CaseStatus::Open);
                f.search = s("eu3333");
            }),
            vec![t.ham_mixed],
        ),
        (
            filter(|f| {
                f.country = s("DE");
                f.status = Some(CaseStatus::Open);
            }),
            vec![],
        ),
        // Punctuation alone names no word: nothing, not everything, whatever else is set.
        (
            filter(|f| {
                f.search = s("\"*");
                f.port = s("NLRTM");
            }),
            vec![],
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(t.f.ids(&filter), set_of(&expected), "{filter:?}");
    }
}

#[test]
fn a_withdrawn_item_no_longer_counts() {
    let mut f = fixture();
    let case = f.case(&Spec {
        goods: vec![(Some("tungsten"), "300 kg"), (Some("antimony"), "50 kg")],
        concealments: vec!["C3"],
        legs: vec![("CNSHA", Some("origin"))],
        ..Spec::default()
    });
    let tungsten = filter(|f| f.material = Some("tungsten".into()));
    assert_eq!(f.ids(&tungsten), set_of(&[case]));
    let stats = f.store.statistics(&CaseFilter::default()).unwrap();
    assert_eq!(stats.total_seized_kg, 350.0);

    let (file, _) = f.store.case(case).unwrap();
    let withdraw = |store: &mut Store, section: Section, item: Uuid| {
        store
            .append(
                &inspector(),
                case,
                Payload::ItemWithdrawn {
                    section,
                    item,
                    reason: "entered on the wrong case".into(),
                },
            )
            .unwrap();
    };
    let goods = file.live_items(Section::GoodsFound).next().unwrap().id;
    let hiding = file.live_items(Section::Concealments).next().unwrap().id;
    let leg = file.live_items(Section::Route).next().unwrap().id;
    withdraw(&mut f.store, Section::GoodsFound, goods);
    withdraw(&mut f.store, Section::Concealments, hiding);
    withdraw(&mut f.store, Section::Route, leg);

    assert!(f.ids(&tungsten).is_empty());
    assert!(f
        .ids(&filter(|f| f.concealment = Some("C3".into())))
        .is_empty());
    assert!(f.ids(&filter(|f| f.country = Some("CN".into()))).is_empty());
    assert_eq!(
        f.ids(&filter(|f| f.material = Some("antimony".into()))),
        set_of(&[case])
    );
    let stats = f.store.statistics(&CaseFilter::default()).unwrap();
    assert_eq!(stats.total_seized_kg, 50.0);
    assert_eq!(keys(&stats.by_material), ["antimony"]);
    assert_eq!(keys(&stats.by_concealment), [""], "no method left");
    assert_eq!(
        (
            stats.routes[0].origin.as_str(),
            stats.routes[0].destination.as_str()
        ),
        ("", "")
    );
}

fn keys(buckets: &[Bucket]) -> Vec<&str> {
    buckets.iter().map(|b| b.key.as_str()).collect()
}

fn bucket<'a>(buckets: &'a [Bucket], key: &str) -> &'a Bucket {
    buckets
        .iter()
        .find(|b| b.key == key)
        .unwrap_or_else(|| panic!("no bucket {key:?} in {buckets:?}"))
}

#[test]
fn pages_are_disjoint_and_cover_every_case_in_every_sort_and_direction() {
    let mut f = fixture();
    // Many ties: cases opened and updated at the same instant, the same port and weight.
    for i in 0..23 {
        let spec = Spec {
            port: ["NLRTM", "BEANR", "DEHAM"][i % 3],
            opened: Some(at(2026, 1, 1 + (i as u32 % 4))),
            goods: if i % 2 == 0 {
                vec![(Some("tungsten"), "10 kg")]
            } else {
                vec![]
            },
            outcome: (i % 3 == 0).then_some("O4"),
            ..Spec::default()
        };
        f.case(&spec);
    }
    let sorts = [
        CaseSort::UpdatedAt,
        CaseSort::OpenedAt,
        CaseSort::CaseNumber,
        CaseSort::Port,
        CaseSort::Status,
        CaseSort::Flags,
        CaseSort::Container,
        CaseSort::Outcome,
        CaseSort::SeizedKg,
    ];
    for sort in sorts {
        for descending in [false, true] {
            let whole = CaseFilter {
                sort,
                descending,
                ..CaseFilter::default()
            };
            let all: Vec<Uuid> = f
                .store
                .list_cases(&whole)
                .unwrap()
                .iter()
                .map(|c| c.id)
                .collect();
            assert_eq!(all.len(), 23);
            assert_eq!(
                all,
                f.store
                    .list_cases(&whole)
                    .unwrap()
                    .iter()
                    .map(|c| c.id)
                    .collect::<Vec<_>>(),
                "the same order every time"
            );
            let mut paged = Vec::new();
            for page in 0..6 {
                let rows = f
                    .store
                    .list_cases(&CaseFilter {
                        limit: Some(5),
                        offset: page * 5,
                        ..whole.clone()
                    })
                    .unwrap();
                assert!(rows.len() <= 5);
                paged.extend(rows.iter().map(|c| c.id));
            }
            assert_eq!(paged, all, "{sort:?} descending={descending}");
            assert_eq!(f.store.count_cases(&whole).unwrap(), 23);
            assert_eq!(
                f.store
                    .count_cases(&CaseFilter {
                        limit: Some(5),
                        offset: 20,
                        ..whole.clone()
                    })
                    .unwrap(),
                23,
                "count ignores paging"
            );
        }
    }
    // Sorted by weight and outcome, in that order.
    let heaviest = f
        .store
        .list_cases(&CaseFilter {
            sort: CaseSort::SeizedKg,
            descending: true,
            limit: Some(12),
            ..CaseFilter::default()
        })
        .unwrap();
    let tungsten = f.ids(&filter(|f| f.material = Some("tungsten".into())));
    assert!(heaviest.iter().all(|c| tungsten.contains(&c.id)));
}

fn assert_statistics_match_the_list(store: &Store, filter: &CaseFilter) -> Statistics {
    let stats = store.statistics(filter).unwrap();
    let listed = store.list_cases(filter).unwrap();
    assert_eq!(stats.total_cases, listed.len() as u64, "{filter:?}");
    assert_eq!(stats.total_cases, store.count_cases(filter).unwrap());
    let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
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
    // Materials carry their own kg, and goods with no material are under "": all the weight once.
    assert!(close(
        stats.by_material.iter().map(|b| b.seized_kg).sum(),
        stats.total_seized_kg
    ));
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
    stats
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
        (2, 1800.0),
        "the cases' whole weight"
    );
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
            f.status = Some(CaseStatus::Open);
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
fn rebuilding_the_projection_gives_the_same_facets() {
    let mut t = five();
    // Edits after the first writes: a changed weight and a moved leg rewrite the facts.
    let (file, _) = t.f.store.case(t.rtm_tungsten).unwrap();
    let goods = file.live_items(Section::GoodsFound).next().unwrap().id;
    set(
        &mut t.f.store,
        t.rtm_tungsten,
        Some(goods),
        Field::GoodsWeight,
        "1.5 t",
    );
    let before = t.f.store.projection_dump().unwrap();
    // The case's row and its material, concealment, detection and country rows carry the new kg.
    let new_kg = before.iter().filter(|r| r.contains("Real(1500.0)")).count();
    assert_eq!(new_kg, 1 + 1 + 1 + 2 + 2, "the dump holds the facets");
    let stats = t.f.store.statistics(&CaseFilter::default()).unwrap();
    t.f.store.rebuild_projection().unwrap();
    assert_eq!(before, t.f.store.projection_dump().unwrap());
    assert_eq!(stats, t.f.store.statistics(&CaseFilter::default()).unwrap());
    assert_eq!(stats.total_seized_kg, 1500.0 + 2000.0 + 600.0 + 40.0);
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
fn filters_that_cannot_be_read_are_refused_with_what_to_type() {
    let t = five();
    let s = |v: &str| Some(v.to_string());
    let refused = |filter: CaseFilter, expected: &str| {
        for result in [
            t.f.store.list_cases(&filter).map(|_| ()),
            t.f.store.count_cases(&filter).map(|_| ()),
            t.f.store.statistics(&filter).map(|_| ()),
        ] {
            match result {
                Err(StoreError::InvalidFilter(message)) => {
                    assert!(message.contains(expected), "{message:?} lacks {expected:?}")
                }
                other => panic!("{filter:?} gave {other:?}"),
            }
        }
    };
    refused(
        filter(|f| f.opened_from = s("2026-13-01")),
        "'2026-13-01' is not a date: use YYYY-MM-DD",
    );
    refused(
        filter(|f| f.opened_to = s("1/2/2026")),
        "'1/2/2026' is not a date",
    );
    refused(filter(|f| f.opened_to = s("2026-2-1")), "use YYYY-MM-DD");
    refused(filter(|f| f.opened_from = s("2026-02-30")), "not a date");
    refused(
        filter(|f| {
            f.opened_from = s("2026-03-01");
            f.opened_to = s("2026-02-01");
        }),
        "is after",
    );
    refused(
        filter(|f| f.material = s("gold")),
        "'gold' is not a material: choose one of rare_earth",
    );
    refused(
        filter(|f| f.concealment = s("C9")),
        "choose one of C1, C2, C3, C4, C5, C6",
    );
    refused(filter(|f| f.detection = s("D11")), "D10");
    refused(filter(|f| f.outcome = s("O11")), "O10");
    refused(filter(|f| f.country = s("China")), "two letters");
    refused(filter(|f| f.port = s("Rotterdam")), "Port:");
    // A search selects the cases counted, as it selects the list's.
    let searched = filter(|f| f.search = s("EU3333"));
    let stats = t.f.store.statistics(&searched).unwrap();
    assert_eq!(stats.total_cases, t.f.store.count_cases(&searched).unwrap());
    assert_eq!(stats.total_cases, 1);
}

#[test]
fn the_list_and_statistics_read_neither_case_files_nor_personal_data() {
    let t = five();
    let dir = t.f._dir.path().to_path_buf();
    let store = t.f.store;
    let before = store
        .list_cases(&filter(|f| f.material = Some("tungsten".into())))
        .unwrap();
    let stats = store.statistics(&CaseFilter::default()).unwrap();
    // Spoil every case file and take the personal tables away, on another connection.
    raw(&dir)
        .execute_batch(
            "UPDATE cases SET state = 'not a case file';
             ALTER TABLE case_personal RENAME TO gone_personal;
             DROP TABLE case_search;",
        )
        .unwrap();
    let after = store
        .list_cases(&filter(|f| f.material = Some("tungsten".into())))
        .unwrap();
    assert_eq!(before, after);
    assert_eq!(stats, store.statistics(&CaseFilter::default()).unwrap());
    assert!(
        store.case(t.rtm_tungsten).is_err(),
        "the case file was spoiled"
    );
}

#[test]
fn counts_and_pages_follow_edits_made_after_them() {
    let mut f = fixture();
    let first = f.case(&Spec::default());
    f.clock.advance(Duration::minutes(5));
    let second = f.case(&Spec {
        opened: Some(noon() + Duration::minutes(5)),
        ..Spec::default()
    });
    let newest = CaseFilter {
        descending: true,
        limit: Some(1),
        ..CaseFilter::default()
    };
    assert_eq!(f.store.list_cases(&newest).unwrap()[0].id, second);
    // An edit moves the first case to the top of the default order.
    f.clock.set(noon() + Duration::hours(1));
    set(&mut f.store, first, None, Field::OutcomeCode, "O4");
    assert_eq!(f.store.list_cases(&newest).unwrap()[0].id, first);
    assert_eq!(
        f.ids(&filter(|f| f.outcome = Some("O4".into()))),
        set_of(&[first])
    );
}
