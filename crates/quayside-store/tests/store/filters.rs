//! Filters of the case list (facets included), paging and counts.

use chrono::Duration;
use quayside_domain::event::Payload;
use std::collections::BTreeSet;

use quayside_domain::fields::{Field, Section};
use quayside_domain::flags::FlagCode;
use quayside_domain::state::CaseState;
use quayside_store::{CaseFilter, CaseSort, Store, StoreError};
use uuid::Uuid;

use crate::common::*;

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
            filter(|f| f.state = Some(CaseState::Closed)),
            vec![t.ham_closed],
        ),
        (
            filter(|f| f.state = Some(CaseState::Draft)),
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
                f.state = Some(CaseState::Draft);
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
                f.state = Some(CaseState::Draft);
                f.search = s("eu3333");
            }),
            vec![t.ham_mixed],
        ),
        (
            filter(|f| {
                f.country = s("DE");
                f.state = Some(CaseState::Draft);
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

#[test]
fn a_flag_selects_the_cases_that_raise_it() {
    let t = five();
    let listed = t.f.store.list_cases(&CaseFilter::default()).unwrap();
    let mut narrowed = 0;
    for code in FlagCode::ALL {
        let name = serde_json::to_value(code)
            .unwrap()
            .as_str()
            .unwrap()
            .to_string();
        let raising: BTreeSet<Uuid> = listed
            .iter()
            .filter(|c| c.flags.contains(&code))
            .map(|c| c.id)
            .collect();
        // Typed in capitals, as a label would not be: the code is read either way.
        let chosen = filter(|f| f.flag = Some(name.to_uppercase()));
        assert_eq!(t.f.ids(&chosen), raising, "{name}");
        assert_eq!(
            t.f.store.statistics(&chosen).unwrap().total_cases,
            raising.len() as u64
        );
        if !raising.is_empty() && raising.len() < listed.len() {
            narrowed += 1;
        }
    }
    assert!(narrowed > 0, "some flag selects some cases and not others");
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
                    let english = quayside_i18n::Catalogue::english()
                        .format_checked(&message)
                        .unwrap_or_else(|problem| panic!("{problem}"));
                    assert!(english.contains(expected), "{english:?} lacks {expected:?}")
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
    refused(filter(|f| f.port = s("Rotterdam")), "UN/LOCODE");
    refused(
        filter(|f| f.flag = s("smuggled")),
        "'smuggled' is not a flag: choose one of controlled_undeclared",
    );
    // A search selects the cases counted, as it selects the list's.
    let searched = filter(|f| f.search = s("EU3333"));
    let stats = t.f.store.statistics(&searched).unwrap();
    assert_eq!(stats.total_cases, t.f.store.count_cases(&searched).unwrap());
    assert_eq!(stats.total_cases, 1);
}

#[test]
fn the_list_and_statistics_read_neither_case_files_nor_personal_data() {
    let t = five();
    let dir = t.f.dir.path().to_path_buf();
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
             DROP TABLE case_search; DROP TABLE case_search_trigram;",
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
