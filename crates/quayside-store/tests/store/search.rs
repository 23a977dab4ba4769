//! Search across scripts: any part of a Chinese or Thai name, accented Latin names, container
//! numbers as painted and typed, and the same results from a rebuilt or migrated projection.

use std::collections::BTreeSet;
use std::path::Path;

use quayside_domain::fields::{Field, Section};
use quayside_store::{CaseFilter, Store};
use uuid::Uuid;

use crate::common::*;

/// Cases to search: each a container number and parties with names in one script or another.
struct Cases {
    dir: tempfile::TempDir,
    store: Store,
    huaxin: Uuid,
    hengtong: Uuid,
    siam: Uuid,
    munoz: Uuid,
    plain: Uuid,
}

fn case(store: &mut Store, container: &str, parties: &[&str]) -> Uuid {
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(store, case, None, Field::ContainerNumber, container);
    for name in parties {
        let party = add(store, case, Section::Parties);
        set(store, case, Some(party), Field::PartyName, name);
    }
    case
}

fn cases() -> Cases {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let huaxin = case(
        &mut store,
        "CSQU3054383",
        &["深圳华鑫贸易有限公司", "José Muñoz Peña"],
    );
    let hengtong = case(&mut store, "MSCU1234566", &["上海恒通物流有限公司"]);
    let siam = case(
        &mut store,
        "TGHU9876542",
        &["บริษัท สยามเทรดดิ้ง จำกัด", "สมชาย ใจดี"],
    );
    let munoz = case(&mut store, "MSKU0000006", &["Ana Muñoz"]);
    let plain = case(&mut store, "HLXU1111119", &["Jan Jansen"]);
    Cases {
        dir,
        store,
        huaxin,
        hengtong,
        siam,
        munoz,
        plain,
    }
}

fn find(store: &Store, text: &str) -> BTreeSet<Uuid> {
    let filter = CaseFilter {
        search: Some(text.into()),
        ..CaseFilter::default()
    };
    let found: BTreeSet<Uuid> = (store.list_cases(&filter))
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(
        store.count_cases(&filter).unwrap(),
        found.len() as u64,
        "{text:?}: the count agrees with the list"
    );
    found
}

/// Every search of these tests with what it finds.
fn expectations(c: &Cases) -> Vec<(&'static str, BTreeSet<Uuid>)> {
    let huaxin = || set_of(&[c.huaxin]);
    let siam = || set_of(&[c.siam]);
    vec![
        // Chinese: two and four characters from the middle, one, the end, the whole name.
        ("华鑫", huaxin()),
        ("华鑫贸易", huaxin()),
        ("鑫", huaxin()),
        ("公司", set_of(&[c.huaxin, c.hengtong])),
        ("有限公司", set_of(&[c.huaxin, c.hengtong])),
        ("司", set_of(&[c.huaxin, c.hengtong])),
        ("恒通", set_of(&[c.hengtong])),
        ("深圳华鑫贸易有限公司", huaxin()),
        ("华通", set_of(&[])),
        ("鑫华", set_of(&[])),
        ("深圳 物流", set_of(&[])),
        // Thai, tone marks and all, between the words and across them; ส starts two of them.
        ("สยาม", siam()),
        ("เทรด", siam()),
        ("ดิ้ง", siam()),
        ("จำกัด", siam()),
        ("สย", siam()),
        ("ส", siam()),
        ("ใจดี", siam()),
        ("บริษัท ใจดี", siam()),
        ("กรุงเทพ", set_of(&[])),
        // Spanish, with and without the accents, decomposed too.
        ("José", huaxin()),
        ("jose", huaxin()),
        ("MUÑOZ", set_of(&[c.huaxin, c.munoz])),
        ("munoz", set_of(&[c.huaxin, c.munoz])),
        ("Mun\u{303}oz", set_of(&[c.huaxin, c.munoz])),
        ("muñ", set_of(&[c.huaxin, c.munoz])),
        ("pena", huaxin()),
        ("Peña", huaxin()),
        ("ana muñoz", set_of(&[c.munoz])),
        // Scripts together: every part must match.
        ("华鑫 Muñoz", huaxin()),
        ("华鑫 Ana", set_of(&[])),
        ("jansen", set_of(&[c.plain])),
        // A container number as painted, as typed, full width.
        ("CSQU 305438 3", huaxin()),
        ("csqu3054383", huaxin()),
        ("CSQU3054383", huaxin()),
        ("ＣＳＱＵ３０５４３８３", huaxin()),
        ("ＣＳＱＵ　３０５４３８　３", huaxin()),
        ("csqu 305438-3", huaxin()),
        ("CSQU 3054383", huaxin()),
        ("CSQU 305438", huaxin()),
        ("MSCU 123456 6", set_of(&[c.hengtong])),
        ("CSQU 305438 4", set_of(&[])),
        ("csqu", huaxin()),
    ]
}

fn results(store: &Store, c: &Cases) -> Vec<(&'static str, BTreeSet<Uuid>)> {
    expectations(c)
        .into_iter()
        .map(|(text, _)| (text, find(store, text)))
        .collect()
}

#[test]
fn a_case_is_found_by_any_part_of_a_name_in_any_script_and_by_its_container_as_typed() {
    let c = cases();
    for (text, expected) in expectations(&c) {
        assert_eq!(find(&c.store, text), expected, "{text:?}");
    }
}

#[test]
fn full_width_text_is_found_as_ascii_and_punctuation_is_only_a_separator() {
    let c = cases();
    let mut store = c.store;
    let mixed = case(&mut store, "BMOU2000001", &["深圳ＡＢＣ贸易", "華鑫\"行\""]);
    for text in [
        "abc",
        "ABC贸易",
        "ＡＢＣ",
        "圳abc",
        "華鑫",
        "鑫\"行",
        "「華鑫」",
    ] {
        assert_eq!(find(&store, text), set_of(&[mixed]), "{text:?}");
    }
    // Quotes, brackets and operators around a fragment are text, never FTS5 syntax.
    for hostile in [
        "\"华鑫",
        "华鑫*",
        "(华鑫)",
        "华鑫 OR 恒通",
        "NEAR(华鑫)",
        "华\"鑫",
    ] {
        find(&store, hostile);
    }
    assert!(find(&store, "华鑫 OR 恒通").is_empty(), "OR is a word");
    assert!(find(&store, "「」。、").is_empty(), "no word: nothing");
}

#[test]
fn the_index_follows_edits_and_a_rebuilt_projection_finds_the_same() {
    let mut c = cases();
    // The name changes: its old fragments no longer find the case.
    let party = add(&mut c.store, c.hengtong, Section::Parties);
    set(
        &mut c.store,
        c.hengtong,
        Some(party),
        Field::PartyName,
        "宁波华鑫电子",
    );
    assert_eq!(find(&c.store, "华鑫"), set_of(&[c.huaxin, c.hengtong]));
    set(
        &mut c.store,
        c.hengtong,
        Some(party),
        Field::PartyName,
        "宁波远洋电子",
    );
    assert_eq!(find(&c.store, "华鑫"), set_of(&[c.huaxin]));
    assert_eq!(find(&c.store, "远洋电"), set_of(&[c.hengtong]));
    // A case whose only such text goes keeps no trigram row.
    set(&mut c.store, c.plain, None, Field::CaseNotes, "见证人 王伟");
    assert_eq!(find(&c.store, "王伟"), set_of(&[c.plain]));
    set(
        &mut c.store,
        c.plain,
        None,
        Field::CaseNotes,
        "witness Wang Wei",
    );
    assert!(find(&c.store, "王伟").is_empty());
    assert_eq!(find(&c.store, "wang"), set_of(&[c.plain]));

    let before = results(&c.store, &c);
    let dump = c.store.projection_dump().unwrap();
    assert_eq!(c.store.rebuild_projection().unwrap(), 5);
    assert_eq!(c.store.projection_dump().unwrap(), dump);
    assert_eq!(results(&c.store, &c), before);
    let rows: i64 = raw(c.dir.path())
        .query_row("SELECT count(*) FROM case_search_trigram", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        rows, 3,
        "the Chinese and Thai cases: the plain one's row went with its note"
    );
}

#[test]
fn a_store_from_before_the_trigram_index_is_migrated_and_finds_the_same() {
    let c = cases();
    let expected = results(&c.store, &c);
    let dump = c.store.projection_dump().unwrap();
    let dir: &Path = c.dir.path();
    drop(c.store);
    // Schema 14: no trigram index, and the word index held the whole text.
    raw(dir)
        .execute_batch(
            "DROP TABLE case_search_trigram_terms; DROP TABLE case_search_trigram;
             DROP INDEX cases_by_case_state_sorted; DROP INDEX cases_case_state_queue;
             ALTER TABLE cases DROP COLUMN case_state;
             ALTER TABLE quarantine DROP COLUMN code; ALTER TABLE sync_refused DROP COLUMN code;
             DROP TABLE case_documents; DROP TABLE case_entities;
             DROP TABLE case_entity_links; DROP TABLE port_summary_entities; DROP TABLE port_summaries; PRAGMA user_version = 14;",
        )
        .unwrap();
    let store = Store::open(dir).unwrap();
    assert_eq!(store.projection_dump().unwrap(), dump);
    let c = Cases { store, ..c };
    assert_eq!(results(&c.store, &c), expected);
}

#[test]
fn a_search_matching_many_cases_gives_the_same_pages_as_one_matching_few() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let mut store = open(dir.path(), &clock);
    // More matches than a page looks up one by one: the list walks its order instead.
    for n in 0..450 {
        let port = if n % 90 == 0 { "DEHAM" } else { "NLRTM" };
        store.open_case(&inspector(), port).unwrap();
        clock.advance(chrono::Duration::seconds(1));
    }
    for (search, port) in [("nlrtm", "NLRTM"), ("deham", "DEHAM")] {
        for offset in [0, 50, 400] {
            let page = CaseFilter {
                descending: true,
                limit: Some(50),
                offset,
                ..CaseFilter::default()
            };
            let searched = CaseFilter {
                search: Some(search.into()),
                ..page.clone()
            };
            let by_port = CaseFilter {
                port: Some(port.into()),
                ..page
            };
            assert_eq!(
                store.list_cases(&searched).unwrap(),
                store.list_cases(&by_port).unwrap(),
                "{search} from {offset}"
            );
            assert_eq!(
                store.count_cases(&searched).unwrap(),
                store.count_cases(&by_port).unwrap()
            );
        }
    }
}
