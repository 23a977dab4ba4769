//! Control lists through the command surface: the licence on the declaration, the flag for
//! controlled goods without one, the outcome suggested (never set), and moving an open case onto a
//! newer list this device holds while a closed case keeps its own.

use quayside_api::ErrorCode;
use quayside_domain::control_list::ControlList;
use quayside_store::ReceivedList;
use serde_json::{json, Value};

use crate::harness::{as_user, call, fails, open_case, open_store, setup, submit};

fn set(api: &quayside_api::Api, case: &str, field: &str, text: &str) -> Value {
    call(
        api,
        "set_field",
        json!({"case_id": case, "field": field, "text": text}),
    )
}

fn codes(view: &Value) -> Vec<String> {
    view["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn controlled_goods_need_a_licence_and_the_outcome_is_only_suggested() {
    let (_dir, api) = setup();
    let case = open_case(&api, "CNSHA");
    let view = set(&api, &case, "declared_hs_code", "8101.94");
    assert_eq!(codes(&view), ["controlled_without_licence"]);
    assert_eq!(view["suggested_outcome"]["code"], "O3");
    assert_eq!(
        view["suggested_outcome"]["because"],
        json!(["controlled_without_licence"])
    );
    assert!(
        view["case"]["fields"]["outcome_code"].is_null(),
        "never set"
    );
    assert_eq!(view["control_list"], json!({"version": 1, "newest": 1}));
    // The entry's name travels in every language the list gives.
    let name = &view["flags"][0]["details"][0]["args"]["name"];
    assert_eq!(name["kind"], "words");
    assert_eq!(name["value"]["zh-CN"], "钨相关物项");

    let view = set(&api, &case, "export_licence_number", "EL-2026-0417");
    assert!(codes(&view).is_empty());
    assert!(view["suggested_outcome"].is_null());

    // Expiry: a day, past or future, read with the person's date order; a mistyped year refused.
    let view = set(&api, &case, "export_licence_valid_until", "2099-12-31");
    assert_eq!(
        view["case"]["fields"]["export_licence_valid_until"]["value"],
        "2099-12-31"
    );
    assert!(codes(&view).is_empty());
    let err = fails(
        &api,
        "set_field",
        json!({"case_id": case, "field": "export_licence_valid_until", "text": "2206-01-31"}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
    assert_eq!(err.text.key, "invalid.date_year_range", "{err:?}");
    assert!(err.message.contains("from 1990 to 2100"), "{}", err.message);
    let view = set(&api, &case, "export_licence_valid_until", "2020-01-31");
    assert_eq!(codes(&view), ["controlled_without_licence"]);
    assert!(
        view["flags"][0]["details"][0]["key"] == "discrepancy.licence_expired",
        "{}",
        view["flags"][0]
    );

    // The suggestion is the person's to take: recorded as their own choice.
    let view = set(&api, &case, "outcome_code", "O3");
    assert_eq!(view["case"]["fields"]["outcome_code"]["value"], "O3");
}

#[test]
fn an_open_case_moves_onto_a_newer_list_and_a_closed_one_keeps_its_own() {
    let (dir, api) = setup();
    let closed = open_case(&api, "NLRTM");
    set(&api, &closed, "declared_hs_code", "8505.11");
    let open = open_case(&api, "NLRTM");
    set(&api, &open, "declared_hs_code", "8505.11");

    let err = fails(&api, "apply_control_list", json!({"case_id": open}));
    assert_eq!(err.code, ErrorCode::Refused);
    assert_eq!(err.text.key, "error.control_list_current");

    submit(&api, &closed);
    as_user(&api, "Sam Supervisor", "supervisor");
    let view = call(&api, "get_case", json!({"case_id": closed}));
    call(
        &api,
        "approve_case",
        json!({"case_id": closed, "head": view["case"]["head"], "event_count": view["case"]["event_count"]}),
    );
    call(&api, "close_case", json!({"case_id": closed}));

    // A list the sync client took: samarium-cobalt magnets added.
    let mut list = ControlList::built_in().clone();
    list.version = 2;
    list.entries
        .iter_mut()
        .find(|e| e.material == "rare_earth")
        .unwrap()
        .lines
        .push("850511".into());
    let received = ReceivedList {
        list,
        statement: "{}".into(),
        signature: "unchecked here".into(),
    };
    assert!(open_store(dir.path()).keep_control_list(&received).unwrap());
    assert!(!open_store(dir.path()).keep_control_list(&received).unwrap());

    let view = call(&api, "get_case", json!({"case_id": open}));
    assert_eq!(view["control_list"], json!({"version": 1, "newest": 2}));
    assert!(
        codes(&view).is_empty(),
        "judged by its own list until moved"
    );
    let view = call(&api, "apply_control_list", json!({"case_id": open}));
    assert_eq!(view["control_list"], json!({"version": 2, "newest": 2}));
    assert_eq!(codes(&view), ["controlled_without_licence"]);
    let timeline = call(&api, "timeline", json!({"case_id": open}));
    assert!(
        timeline.to_string().contains("control_list_applied"),
        "{timeline}"
    );

    let err = fails(&api, "apply_control_list", json!({"case_id": closed}));
    assert_eq!(err.code, ErrorCode::Refused, "{err:?}");
    let view = call(&api, "get_case", json!({"case_id": closed}));
    assert_eq!(view["control_list"]["version"], 1);
    assert!(codes(&view).is_empty());

    // A case opened now is opened under the newest list, in the same step.
    let new = open_case(&api, "NLRTM");
    let view = set(&api, &new, "declared_hs_code", "8505.11");
    assert_eq!(view["control_list"]["version"], 2);
    assert_eq!(codes(&view), ["controlled_without_licence"]);

    let shown = call(&api, "control_list", json!({}));
    assert_eq!(shown["version"], 2);
    assert!(shown["entries"].as_array().unwrap().len() >= 5);
}
