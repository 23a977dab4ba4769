//! The entity index: cases naming the same company however spelt are linked, near spellings are
//! only suggested, decisions hold across cases and sync, a match with a closed seizure is
//! flagged, and a rebuilt projection holds the same index.

use quayside_domain::entities::EntityKind;
use quayside_domain::event::Payload;
use quayside_domain::fields::{Field, Section};
use quayside_store::{EntityMatches, Store};
use uuid::Uuid;

use crate::common::*;

fn party(store: &mut Store, case: Uuid, kind: &str, name: &str) -> Uuid {
    let party = add(store, case, Section::Parties);
    set(store, case, Some(party), Field::PartyKind, kind);
    set(store, case, Some(party), Field::PartyName, name);
    party
}

fn company_case(store: &mut Store, name: &str) -> Uuid {
    let case = store.open_case(&inspector(), "CNSZX").unwrap().id;
    party(store, case, "company", name);
    case
}

fn entity(store: &Store, case: Uuid, kind: EntityKind) -> EntityMatches {
    store
        .case_entities(case)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in the case"))
}

fn link(store: &mut Store, case: Uuid, key: &str, other: &str, same: bool) {
    store
        .append(
            &inspector(),
            case,
            Payload::EntityLinkSet {
                entity: EntityKind::Company,
                key: key.into(),
                other: other.into(),
                same,
            },
        )
        .unwrap();
}

#[test]
fn spellings_of_one_company_link_and_a_near_name_is_only_suggested() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let first = company_case(&mut store, "Shenzhen Huaxin Trading Co., Ltd.");
    let upper = company_case(&mut store, "SHENZHEN HUAXIN TRADING CO LTD");
    let wide = company_case(
        &mut store,
        "ＳＨＥＮＺＨＥＮ　ＨＵＡＸＩＮ　ＴＲＡＤＩＮＧ　ＣＯ．，ＬＴＤ．",
    );
    let near = company_case(&mut store, "Shenzhen Huaxing Trading Co Ltd");
    let mining = company_case(&mut store, "Shenzhen Huaxin Mining Co., Ltd.");

    let company = entity(&store, first, EntityKind::Company);
    assert_eq!(company.key, "shenzhen huaxin trading");
    assert_eq!(company.shown, ["Shenzhen Huaxin Trading Co., Ltd."]);
    let mut linked: Vec<Uuid> = company.cases.iter().map(|c| c.case_id).collect();
    linked.sort();
    let mut expected = vec![upper, wide];
    expected.sort();
    assert_eq!(linked, expected, "the same company, spelt otherwise");
    assert_eq!(company.case_count, 2);
    assert!(!company.seized_before);
    assert_eq!(company.suggestions.len(), 1, "{:?}", company.suggestions);
    assert_eq!(company.suggestions[0].key, "shenzhen huaxing trading");
    assert_eq!(company.suggestions[0].cases, 1);

    // Neither the near name nor another trade of the same group is linked by itself.
    assert_eq!(entity(&store, near, EntityKind::Company).case_count, 0);
    assert_eq!(entity(&store, mining, EntityKind::Company).case_count, 0);
    assert!(entity(&store, mining, EntityKind::Company)
        .suggestions
        .is_empty());
}

#[test]
fn chinese_names_link_across_traditional_and_simplified_characters() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let simplified = company_case(&mut store, "深圳市华鑫贸易有限公司");
    let traditional = company_case(&mut store, "深圳市華鑫貿易有限公司");
    let other = company_case(&mut store, "深圳市华鑫矿业有限公司");
    let company = entity(&store, simplified, EntityKind::Company);
    assert_eq!(company.key, "深圳市华鑫贸易");
    assert_eq!(
        company.cases.iter().map(|c| c.case_id).collect::<Vec<_>>(),
        [traditional]
    );
    assert_eq!(entity(&store, other, EntityKind::Company).case_count, 0);
}

#[test]
fn a_confirmed_link_joins_the_near_name_and_a_rejected_one_stops_suggesting_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let first = company_case(&mut store, "Shenzhen Huaxin Trading Co., Ltd.");
    let near = company_case(&mut store, "Shenzhen Huaxing Trading Co Ltd");
    let third = company_case(&mut store, "Shenzhen Huaxin Tradng Ltd");

    link(
        &mut store,
        first,
        "shenzhen huaxin trading",
        "shenzhen huaxing trading",
        true,
    );
    let company = entity(&store, first, EntityKind::Company);
    assert_eq!(company.linked, ["shenzhen huaxing trading"]);
    let cases: Vec<(Uuid, bool)> = company
        .cases
        .iter()
        .map(|c| (c.case_id, c.through_link))
        .collect();
    assert_eq!(cases, [(near, true)]);
    // The link holds from the other side too, though it was decided in the first case.
    let from_near = entity(&store, near, EntityKind::Company);
    assert_eq!(
        from_near
            .cases
            .iter()
            .map(|c| c.case_id)
            .collect::<Vec<_>>(),
        [first]
    );
    // The third spelling is still suggested to both, until someone decides.
    assert_eq!(company.suggestions[0].key, "shenzhen huaxin tradng");
    link(
        &mut store,
        third,
        "shenzhen huaxin tradng",
        "shenzhen huaxin trading",
        false,
    );
    assert!(entity(&store, first, EntityKind::Company)
        .suggestions
        .is_empty());

    // The later decision on a pair holds, in whichever case it was made.
    link(
        &mut store,
        near,
        "shenzhen huaxing trading",
        "shenzhen huaxin trading",
        false,
    );
    let company = entity(&store, first, EntityKind::Company);
    assert!(company.linked.is_empty());
    assert_eq!(company.case_count, 0);

    // The decisions are part of each case file, and a rebuilt projection holds the same index.
    let (case, _) = store.case(first).unwrap();
    assert_eq!(case.entity_links.len(), 1);
    assert!(case.entity_links[0].same);
    let before = store.projection_dump().unwrap();
    store.rebuild_projection().unwrap();
    assert_eq!(store.projection_dump().unwrap(), before);
}

#[test]
fn a_container_seized_in_a_closed_case_is_flagged_and_withdrawn_entries_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let supervisor = supervisor("Sam Supervisor");
    let seized = store.open_case(&inspector(), "CNSZX").unwrap().id;
    set(
        &mut store,
        seized,
        None,
        Field::ContainerNumber,
        "CSQU3054383",
    );
    set(&mut store, seized, None, Field::OutcomeCode, "O4");
    store
        .append(
            &inspector(),
            seized,
            Payload::ReviewSubmitted {
                comment: None,
                acknowledged: vec![],
            },
        )
        .unwrap();
    approve(&mut store, seized, "Sam Supervisor");
    store
        .append(&supervisor, seized, Payload::CaseClosed { note: None })
        .unwrap();

    let now = store.open_case(&inspector(), "THLCH").unwrap().id;
    let unit = add(&mut store, now, Section::Units);
    set(&mut store, now, Some(unit), Field::UnitKind, "container");
    set(
        &mut store,
        now,
        Some(unit),
        Field::UnitNumber,
        "CSQU3054383",
    );
    let gone = party(&mut store, now, "company", "Withdrawn Name Ltd");
    store
        .append(
            &inspector(),
            now,
            Payload::ItemWithdrawn {
                section: Section::Parties,
                item: gone,
                reason: "typed in the wrong case".into(),
            },
        )
        .unwrap();

    let container = entity(&store, now, EntityKind::Container);
    assert_eq!(container.items, [unit]);
    assert_eq!(container.case_count, 1);
    assert!(container.seized_before);
    assert_eq!(container.cases[0].outcome.as_deref(), Some("O4"));
    assert_eq!(container.cases[0].port, "CNSZX");
    let kinds: Vec<EntityKind> = store
        .case_entities(now)
        .unwrap()
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [EntityKind::Container],
        "the withdrawn party is left out"
    );
}

#[test]
fn a_person_links_by_name_in_any_order_with_the_year_of_birth_and_numbers_by_their_digits() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let person_case = |store: &mut Store, name: &str, year: &str, phone: &str| {
        let case = store.open_case(&inspector(), "MXZLO").unwrap().id;
        let p = party(store, case, "person", name);
        set(store, case, Some(p), Field::PartyBirthYear, year);
        set(store, case, Some(p), Field::PartyPhone, phone);
        case
    };
    let a = person_case(&mut store, "ZHANG Wei", "1980", "+86 (755) 8888-1234");
    let b = person_case(&mut store, "Wei Zhang", "1980", "0086 755 88881234");
    let c = person_case(&mut store, "Zhang Wei", "1991", "+52 55 1234 5678");
    let person = entity(&store, a, EntityKind::Person);
    assert_eq!(
        person.cases.iter().map(|x| x.case_id).collect::<Vec<_>>(),
        [b]
    );
    let phone = entity(&store, a, EntityKind::Phone);
    assert_eq!(phone.key, "+8675588881234");
    assert_eq!(phone.case_count, 1);
    assert_eq!(entity(&store, c, EntityKind::Person).case_count, 0);
}

#[test]
fn a_link_naming_the_same_key_twice_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = company_case(&mut store, "Huaxin Ltd");
    let before = store.event_count().unwrap();
    let refused = store.append(
        &inspector(),
        case,
        Payload::EntityLinkSet {
            entity: EntityKind::Company,
            key: "huaxin".into(),
            other: "huaxin".into(),
            same: true,
        },
    );
    assert!(refused.is_err());
    assert_eq!(store.event_count().unwrap(), before);
}

#[test]
fn the_network_reaches_two_cases_away_and_the_shortest_link_is_told_step_by_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    // a --company-- b --container-- c --phone-- d; e names nothing shared.
    let a = company_case(&mut store, "Huaxin Trading Ltd");
    let b = company_case(&mut store, "HUAXIN TRADING LIMITED");
    set(&mut store, b, None, Field::ContainerNumber, "CSQU3054383");
    let c = store.open_case(&inspector(), "THLCH").unwrap().id;
    set(&mut store, c, None, Field::ContainerNumber, "CSQU3054383");
    let pc = party(&mut store, c, "company", "Siam Minerals Co Ltd");
    set(&mut store, c, Some(pc), Field::PartyPhone, "+66 2 123 4567");
    let d = store.open_case(&inspector(), "MXZLO").unwrap().id;
    let pd = party(&mut store, d, "company", "Minerales del Norte SA de CV");
    set(
        &mut store,
        d,
        Some(pd),
        Field::PartyPhone,
        "0066 2 123 4567",
    );
    let e = company_case(&mut store, "Nobody Else Ltd");

    let graph = store
        .entity_graph(a, &quayside_store::CaseFilter::default())
        .unwrap();
    let drawn: Vec<(Uuid, u32)> = graph.cases.iter().map(|c| (c.id, c.depth)).collect();
    assert_eq!(
        drawn,
        [(a, 0), (b, 1), (c, 2)],
        "d is three cases away, e unconnected"
    );
    let keys: Vec<&str> = graph.entities.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        ["huaxin trading", "CSQU3054383"],
        "c's own company and phone lead nowhere drawn"
    );
    assert_eq!(graph.edges.len(), 4);
    assert!(!graph.truncated);

    // Kept to a port: c is at THLCH, the others at CNSZX.
    let at_shenzhen = store
        .entity_graph(
            a,
            &quayside_store::CaseFilter {
                port: Some("CNSZX".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(at_shenzhen.cases.len(), 2);

    let steps = store
        .shortest_link(a, d)
        .unwrap()
        .expect("a chain of three");
    let told: Vec<(Uuid, &str, Uuid)> = steps
        .iter()
        .map(|s| (s.from.id, s.entity.key.as_str(), s.to.id))
        .collect();
    assert_eq!(
        told,
        [
            (a, "huaxin trading", b),
            (b, "CSQU3054383", c),
            (c, "+6621234567", d)
        ]
    );
    assert_eq!(store.shortest_link(a, e).unwrap(), None);

    // A person's link counts as sharing, and the step says which two keys were linked.
    link(&mut store, e, "nobody else", "huaxin trading", true);
    let steps = store.shortest_link(e, a).unwrap().unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].entity.key, "nobody else");
    assert_eq!(
        steps[0].linked_to.as_ref().map(|k| k.key.as_str()),
        Some("huaxin trading")
    );
    let graph = store
        .entity_graph(e, &quayside_store::CaseFilter::default())
        .unwrap();
    assert_eq!(graph.links.len(), 1, "{graph:?}");
}

#[test]
fn other_ports_summaries_are_seen_in_a_cases_panel_replaced_when_newer_and_survive_a_rebuild() {
    use quayside_domain::state::CaseState;
    use quayside_store::PortSummary;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let held = company_case(&mut store, "Huaxin Trading Co., Ltd.");
    let elsewhere = Uuid::now_v7();
    let summary = |state, outcome: Option<&str>| PortSummary {
        case_id: elsewhere,
        case_number: "MXZLO-2026-000001".into(),
        port: "MXZLO".into(),
        opened_at: "2026-10-01T08:00:00.000Z".into(),
        state,
        outcome: outcome.map(str::to_string),
        entities: vec![(
            EntityKind::Company,
            "huaxin trading".into(),
            "HUAXIN TRADING S.A. DE C.V.".into(),
        )],
    };
    store
        .save_port_summaries(&[summary(CaseState::Submitted, None)])
        .unwrap();
    let company = entity(&store, held, EntityKind::Company);
    assert_eq!(company.case_count, 1);
    assert_eq!(company.cases[0].case_id, elsewhere);
    assert!(company.cases[0].summary);
    assert!(!company.seized_before);

    // The case closed with the goods seized there: the newer summary replaces the older.
    store
        .save_port_summaries(&[summary(CaseState::Closed, Some("O4"))])
        .unwrap();
    assert_eq!(store.port_summary_count().unwrap(), 1);
    let company = entity(&store, held, EntityKind::Company);
    assert_eq!(company.case_count, 1);
    assert!(company.seized_before);

    // Not derived from this store's log: a rebuild keeps them; forgetting removes them.
    store.rebuild_projection().unwrap();
    assert_eq!(entity(&store, held, EntityKind::Company).case_count, 1);
    store.forget_port_summaries().unwrap();
    assert_eq!(entity(&store, held, EntityKind::Company).case_count, 0);
}

#[test]
fn the_network_reaches_other_ports_summaries_which_the_filter_keeps_by_port_and_date() {
    use quayside_domain::state::CaseState;
    use quayside_store::{CaseFilter, PortSummary};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    // held --company-- mexican (a summary) --container-- thai (a summary)
    let held = company_case(&mut store, "Huaxin Trading Co., Ltd.");
    let summary = |port: &str, opened: &str, entities: Vec<(EntityKind, &str)>| PortSummary {
        case_id: Uuid::now_v7(),
        case_number: format!("{port}-2026-000001"),
        port: port.into(),
        opened_at: opened.into(),
        state: CaseState::Closed,
        outcome: Some("O4".into()),
        entities: entities
            .into_iter()
            .map(|(kind, key)| (kind, key.to_string(), key.to_uppercase()))
            .collect(),
    };
    let mexican = summary(
        "MXZLO",
        "2026-10-01T08:00:00.000Z",
        vec![
            (EntityKind::Company, "huaxin trading"),
            (EntityKind::Container, "CSQU3054383"),
        ],
    );
    let thai = summary(
        "THLCH",
        "2026-06-01T08:00:00.000Z",
        vec![(EntityKind::Container, "CSQU3054383")],
    );
    store
        .save_port_summaries(&[mexican.clone(), thai.clone()])
        .unwrap();

    let graph = store.entity_graph(held, &CaseFilter::default()).unwrap();
    let drawn: Vec<(Uuid, u32, bool)> = graph
        .cases
        .iter()
        .map(|c| (c.id, c.depth, c.summary))
        .collect();
    assert_eq!(
        drawn,
        [
            (held, 0, false),
            (mexican.case_id, 1, true),
            (thai.case_id, 2, true)
        ]
    );
    assert_eq!(graph.cases[2].port, "THLCH");
    // The container's value as one summary recorded it.
    assert_eq!(graph.entities[1].shown, "CSQU3054383");

    // From October on: the Thai case of June is left out.
    let autumn = CaseFilter {
        opened_from: Some("2026-09-01".into()),
        ..Default::default()
    };
    let graph = store.entity_graph(held, &autumn).unwrap();
    assert_eq!(graph.cases.len(), 2);
    // A filter a summary cannot answer (a material) draws none of them.
    let material = CaseFilter {
        material: Some("antimony".into()),
        ..Default::default()
    };
    assert_eq!(store.entity_graph(held, &material).unwrap().cases.len(), 1);

    // The shortest link reaches a summary, through another.
    let steps = store.shortest_link(held, thai.case_id).unwrap().unwrap();
    let told: Vec<(&str, bool)> = steps
        .iter()
        .map(|s| (s.entity.key.as_str(), s.to.summary))
        .collect();
    assert_eq!(told, [("huaxin trading", true), ("CSQU3054383", true)]);
}
