//! Filters, paging, counts and statistics, called exactly as the UI calls them.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone, Utc};
use quayside_api::{Api, ErrorCode};
use quayside_store::Clock;
use serde_json::{json, Value};

use crate::harness::{as_user, call, fails, open_locked};

#[derive(Clone)]
struct TestClock(Arc<Mutex<DateTime<Utc>>>);

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

struct Desk {
    _dir: tempfile::TempDir,
    clock: TestClock,
    api: Api,
}

fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock(Arc::new(Mutex::new(
        Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap(),
    )));
    let api = open_locked(dir.path(), Box::new(clock.clone()));
    as_user(&api, "Sam Supervisor", "supervisor");
    Desk {
        _dir: dir,
        clock,
        api,
    }
}

impl Desk {
    /// A case opened on `day`, with goods of `material` weighing `weight`, hidden by `concealment`,
    /// found by `detection`, ending in `outcome`, shipped from `origin` (a UN/LOCODE).
    #[allow(clippy::too_many_arguments)]
    fn case(
        &self,
        port: &str,
        day: (i32, u32, u32),
        material: &str,
        weight: &str,
        concealment: &str,
        detection: &str,
        outcome: &str,
        origin: &str,
    ) -> String {
        *self.clock.0.lock().unwrap() = Utc.with_ymd_and_hms(day.0, day.1, day.2, 9, 0, 0).unwrap();
        let api = &self.api;
        let view = call(api, "open_case", json!({ "port": port }));
        let id = view["case"]["id"].as_str().unwrap().to_string();
        let item = |section: &str| -> String {
            let view = call(api, "add_item", json!({"case_id": id, "section": section}));
            let items = view["case"]["items"].as_array().unwrap();
            items.last().unwrap()["id"].as_str().unwrap().to_string()
        };
        let set = |item: Option<&str>, field: &str, text: &str| {
            call(
                api,
                "set_field",
                json!({"case_id": id, "item": item, "field": field, "text": text}),
            );
        };
        let goods = item("goods_found");
        set(Some(&goods), "goods_material", material);
        set(Some(&goods), "goods_weight", weight);
        let hiding = item("concealments");
        set(Some(&hiding), "concealment_method", concealment);
        let leg = item("route");
        set(Some(&leg), "leg_locode", origin);
        set(Some(&leg), "leg_role", "origin");
        set(None, "detection_methods", detection);
        set(None, "outcome_code", outcome);
        let seal = item("seals");
        set(
            Some(&seal),
            "seal_number",
            &format!("SEAL{}", &id[id.len() - 8..]),
        );
        id
    }
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

/// Four cases: (Rotterdam, tungsten, C2), (Rotterdam, antimony, C4), (Hamburg, tungsten, C6),
/// (Antwerp, rare earths, C1), opened a month apart.
fn four() -> (Desk, [String; 4]) {
    let d = desk();
    let a = d.case(
        "NLRTM",
        (2026, 1, 10),
        "tungsten",
        "1200 kg",
        "C2",
        "D1, D5",
        "O4",
        "CNSHA",
    );
    let b = d.case(
        "NLRTM",
        (2026, 2, 10),
        "antimony",
        "2 t",
        "C4",
        "D5",
        "O7",
        "VNHPH",
    );
    let c = d.case(
        "DEHAM",
        (2026, 3, 10),
        "tungsten",
        "300 kg",
        "C6",
        "D6",
        "O4",
        "CNNGB",
    );
    let e = d.case(
        "BEANR",
        (2026, 4, 10),
        "rare_earth",
        "40 kg",
        "C1",
        "D2",
        "O1",
        "MMRGN",
    );
    (d, [a, b, c, e])
}

#[test]
fn each_filter_narrows_the_list_and_the_count_agrees() {
    let (d, [a, b, c, e]) = four();
    let api = &d.api;
    call(
        api,
        "set_status",
        json!({"case_id": e, "status": "withdrawn", "reason": "opened twice"}),
    );
    let checks: Vec<(Value, Vec<&String>)> = vec![
        (json!({}), vec![&a, &b, &c, &e]),
        (json!({"port": "NLRTM"}), vec![&a, &b]),
        (json!({"opened_from": "2026-02-10"}), vec![&b, &c, &e]),
        (json!({"opened_to": "2026-02-10"}), vec![&a, &b]),
        (
            json!({"opened_from": "2026-02-11", "opened_to": "2026-03-10"}),
            vec![&c],
        ),
        (json!({"concealment": "C4"}), vec![&b]),
        (json!({"material": "tungsten"}), vec![&a, &c]),
        (json!({"detection": "D5"}), vec![&a, &b]),
        (json!({"outcome": "O4"}), vec![&a, &c]),
        (json!({"country": "CN"}), vec![&a, &c]),
        (json!({"state": "draft"}), vec![&a, &b, &c]),
        (json!({"state": "withdrawn"}), vec![&e]),
        (json!({"state": "closed"}), vec![]),
        (json!({"material": "tungsten", "port": "DEHAM"}), vec![&c]),
        (
            json!({"material": "tungsten", "search": format!("SEAL{}", &a[a.len() - 8..])}),
            vec![&a],
        ),
        (json!({"port": null, "material": ""}), vec![&a, &b, &c, &e]),
    ];
    for (filter, expected) in checks {
        let mut listed = ids(&call(api, "list_cases", filter.clone()));
        listed.sort();
        let mut expected: Vec<String> = expected.into_iter().cloned().collect();
        expected.sort();
        assert_eq!(listed, expected, "{filter}");
        let count = call(api, "count_cases", filter.clone());
        assert_eq!(count, json!({"total": expected.len()}), "{filter}");
    }
}

#[test]
fn filters_read_days_and_codes_as_the_person_types_them() {
    let (d, [a, b, c, e]) = four();
    let api = &d.api;
    let listed = |filter: Value| {
        let mut listed = ids(&call(api, "list_cases", filter.clone()));
        listed.sort();
        let count = call(api, "count_cases", filter);
        assert_eq!(count["total"], listed.len());
        listed
    };
    let sorted = |mut ids: Vec<&String>| {
        ids.sort();
        ids.into_iter().cloned().collect::<Vec<_>>()
    };
    let from_feb_10 = sorted(vec![&b, &c, &e]);
    call(api, "set_language", json!({"locale": "es"}));
    assert_eq!(listed(json!({"opened_from": "10/2/2026"})), from_feb_10);
    call(
        api,
        "set_language",
        json!({"locale": "th", "buddhist_era": true}),
    );
    assert_eq!(listed(json!({"opened_from": "๑๐/๒/๒๕๖๙"})), from_feb_10);
    assert_eq!(
        listed(json!({"opened_to": "2026年2月10日", "port": "ｎｌｒｔｍ"})),
        sorted(vec![&a, &b])
    );
    assert_eq!(listed(json!({"country": "ＣＮ"})), sorted(vec![&a, &c]));
    // Where day and month could swap, a day-first date is refused, as before.
    call(api, "set_language", json!({"locale": "en"}));
    let err = fails(api, "list_cases", json!({"opened_from": "10/2/2026"}));
    assert_eq!(err.code, ErrorCode::InvalidInput);
}

#[test]
fn a_bad_date_or_code_says_what_to_type() {
    let (d, _) = four();
    for command in ["list_cases", "count_cases", "statistics"] {
        let err = fails(&d.api, command, json!({"opened_from": "2026-13-01"}));
        assert_eq!(err.code, ErrorCode::InvalidInput, "{command}");
        assert!(
            err.message
                .contains("'2026-13-01' is not a date: use YYYY-MM-DD"),
            "{}",
            err.message
        );
        let err = fails(&d.api, command, json!({"opened_to": "10/02/2026"}));
        assert_eq!(err.code, ErrorCode::InvalidInput);
        let err = fails(
            &d.api,
            command,
            json!({"opened_from": "2026-03-01", "opened_to": "2026-02-01"}),
        );
        assert!(err.message.contains("swap them"), "{}", err.message);
        let err = fails(&d.api, command, json!({"material": "gold"}));
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert!(err.message.contains("tungsten"), "{}", err.message);
        let err = fails(&d.api, command, json!({"country": "Germany"}));
        assert_eq!(err.code, ErrorCode::InvalidInput);
    }
}

#[test]
fn pages_cover_the_list_once_in_order() {
    let (d, _) = four();
    for sort in [
        "updated_at",
        "opened_at",
        "case_number",
        "port",
        "outcome",
        "seized_kg",
    ] {
        for descending in [false, true] {
            let whole = ids(&call(
                &d.api,
                "list_cases",
                json!({"sort": sort, "descending": descending}),
            ));
            let mut paged = Vec::new();
            for offset in [0, 3, 6] {
                let page = call(
                    &d.api,
                    "list_cases",
                    json!({"sort": sort, "descending": descending, "limit": 3, "offset": offset}),
                );
                paged.extend(ids(&page));
            }
            assert_eq!(paged, whole, "{sort} {descending}");
            assert_eq!(whole.len(), 4);
        }
    }
    let heaviest = call(
        &d.api,
        "list_cases",
        json!({"sort": "seized_kg", "descending": true, "limit": 1}),
    );
    assert_eq!(heaviest[0]["port"], "NLRTM", "the 2 t case");
    let count = call(&d.api, "count_cases", json!({"limit": 1, "offset": 3}));
    assert_eq!(count["total"], 4, "the count ignores paging");
}

#[test]
fn statistics_totals_equal_the_count() {
    let (d, _) = four();
    for filter in [
        json!({}),
        json!({"port": "NLRTM"}),
        json!({"material": "tungsten"}),
        json!({"opened_from": "2026-02-01", "limit": 1}),
        json!({"country": "CN", "outcome": "O4"}),
    ] {
        let stats = call(&d.api, "statistics", filter.clone());
        let count = call(&d.api, "count_cases", filter.clone());
        assert_eq!(stats["total_cases"], count["total"], "{filter}");
    }
    let stats = call(&d.api, "statistics", json!({}));
    assert_eq!(stats["total_seized_kg"], 3540.0);
    let tungsten = stats["by_material"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == "tungsten")
        .unwrap();
    assert_eq!(
        *tungsten,
        json!({"key": "tungsten", "cases": 2, "seized_kg": 1500.0})
    );
    assert_eq!(
        stats["by_month"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["key"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["2026-01", "2026-02", "2026-03", "2026-04"]
    );
    assert_eq!(stats["by_week"][0]["key"], "2026-W02");
    assert_eq!(stats["routes"][0]["origin"], "CN");
    assert_eq!(stats["routes"][0]["cases"], 2);
    // A search selects what is counted, as in the list; the export for partner agencies refuses
    // it, since the selection itself could name a person.
    let searched = json!({"search": "Jansen"});
    let stats = call(&d.api, "statistics", searched.clone());
    let count = call(&d.api, "count_cases", searched.clone());
    assert_eq!(stats["total_cases"], count["total"]);
    let err = fails(&d.api, "export_statistics", json!({"filter": searched}));
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("Clear the search"), "{}", err.message);
}

#[test]
fn malformed_filter_arguments_are_invalid_requests() {
    let (d, _) = four();
    for command in ["list_cases", "count_cases", "statistics"] {
        for args in [
            json!({"limit": "ten"}),
            json!({"limit": -1}),
            json!({"offset": -5}),
            json!({"offset": null}),
            json!({"sort": "weight"}),
            json!({"port": 5}),
            json!({"material": ["tungsten"]}),
            json!({"state": "pending"}),
            json!("everything"),
        ] {
            let Err(err) = d.api.dispatch(command, args.clone()) else {
                panic!("{command} {args} was accepted");
            };
            assert_eq!(err.code, ErrorCode::InvalidRequest, "{command} {args}");
            assert!(
                err.message
                    .starts_with(&format!("bad arguments for {command}")),
                "{}",
                err.message
            );
        }
        // Nothing at all is every case.
        call(&d.api, command, Value::Null);
    }
}
