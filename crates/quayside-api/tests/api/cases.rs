//! Cases through the command surface: fields, lists, drafts, status, the form and the user, read
//! back after a restart; malformed calls refused clearly.

use quayside_api::ErrorCode;
use serde_json::{json, Value};

mod patterns;
mod scenarios;
mod units;

use crate::harness::{
    call, data_key, english_json, fails, fresh, open, open_case, open_locked, setup, signed_in,
    submit,
};

#[test]
fn nothing_is_recorded_or_read_before_the_device_is_set_up() {
    let (_dir, api) = fresh();
    let err = fails(&api, "open_case", json!({"port": "NLRTM"}));
    assert_eq!(err.code, ErrorCode::Locked);
    assert_eq!(fails(&api, "list_cases", json!({})).code, ErrorCode::Locked);
    let err = fails(
        &api,
        "set_up",
        json!({"name": "   ", "passphrase": "a long passphrase"}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    signed_in(&api);
    assert_eq!(
        call(&api, "app_info", json!({}))["user"]["name"],
        "Ines Inspector"
    );
}

#[test]
fn a_case_is_recorded_field_by_field_and_read_back() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let view = call(&api, "get_case", json!({"case_id": id}));
    assert_eq!(
        view["case"]["fields"]["port"]["value"], "NLRTM",
        "port normalised"
    );

    let view = call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "container_number", "text": "csqu 305438 3"}),
    );
    assert_eq!(
        view["case"]["fields"]["container_number"]["value"],
        "CSQU3054383"
    );
    call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "declared_hs_code", "text": "3810.10"}),
    );
    let view = call(
        &api,
        "add_item",
        json!({"case_id": id, "section": "goods_found"}),
    );
    let goods = view["case"]["items"][0]["id"].as_str().unwrap().to_string();
    let view = call(
        &api,
        "set_field",
        json!({"case_id": id, "item": goods, "field": "goods_hs_code", "text": "280530"}),
    );
    assert_eq!(
        view["case"]["items"][0]["fields"]["goods_hs_code"]["value"],
        "2805.30"
    );
    let codes: Vec<&str> = view["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["controlled_undeclared", "hs_heading_mismatch"]);

    let list = call(&api, "list_cases", json!({"flagged_only": true}));
    assert_eq!(list[0]["container_number"], "CSQU3054383");
    let timeline = call(&api, "timeline", json!({"case_id": id}));
    let last = timeline.as_array().unwrap().last().unwrap();
    assert_eq!(last["author"], "Ines Inspector");
    // Labels travel as keys; the `catalogue` command gives the files that word them.
    assert_eq!(
        last["changes"][0]["label"],
        json!([{"named": {"key": "item.goods_found", "name": "1"}}, {"key": "field.goods_hs_code"}])
    );
    let catalogue = call(&api, "catalogue", json!({"locale": "en"}));
    let english = catalogue["files"][0].as_str().unwrap();
    assert!(english.contains("\nitem-goods_found = Goods found\n"));
    assert!(english.contains("\nfield-goods_hs_code = HS code found\n"));
    // Values travel keyed too: a field's value with its field, worded where it is shown.
    assert_eq!(
        last["changes"][0]["to"],
        json!({"field": {"field": "goods_hs_code", "value": "2805.30"}})
    );
}

#[test]
fn saving_the_same_value_again_records_nothing() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "vessel_name", "text": "MSC ANNA"}),
    );
    call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "vessel_name", "text": " MSC ANNA "}),
    );
    let timeline = call(&api, "timeline", json!({"case_id": id}));
    assert_eq!(timeline.as_array().unwrap().len(), 2);
}

#[test]
fn invalid_input_names_the_field_keeps_the_draft_and_records_nothing() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    call(
        &api,
        "save_draft",
        json!({"case_id": id, "field": "container_number", "text": "CSQU3054384"}),
    );
    let err = fails(
        &api,
        "set_field",
        json!({"case_id": id, "field": "container_number", "text": "CSQU3054384"}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(serde_json::to_value(err.field).unwrap(), "container_number");
    assert!(
        err.message.contains('3'),
        "names the expected check digit: {}",
        err.message
    );
    let view = call(&api, "get_case", json!({"case_id": id}));
    assert_eq!(
        view["drafts"][0]["text"], "CSQU3054384",
        "the typed text is kept"
    );
    assert_eq!(view["case"]["event_count"], 1, "nothing recorded");
    // The corrected value saves and clears the draft.
    let view = call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "container_number", "text": "CSQU3054383"}),
    );
    assert!(view["drafts"].as_array().unwrap().is_empty());
}

#[test]
fn live_check_explains_both_wrong_and_right_values() {
    let (_dir, api) = setup();
    let wrong = call(
        &api,
        "check_field",
        json!({"field": "container_number", "text": "CSQU3054384"}),
    );
    assert_eq!(wrong["valid"], false);
    assert!(
        english_json(&wrong["text"]).contains("should be 3"),
        "{wrong}"
    );
    let right = call(
        &api,
        "check_field",
        json!({"field": "container_number", "text": "CSQU3054383"}),
    );
    assert_eq!(right["valid"], true);
    assert_eq!(
        english_json(&right["text"]),
        "ISO 6346 check digit 3 is correct"
    );
    let watched = call(
        &api,
        "check_field",
        json!({"field": "goods_hs_code", "text": "8101.94"}),
    );
    assert!(english_json(&watched["text"]).contains("watchlist"));
    let future = call(
        &api,
        "check_field",
        json!({"field": "sample_taken_at", "text": "2999-01-01"}),
    );
    assert_eq!(future["valid"], false);
}

#[test]
fn malformed_calls_get_invalid_request_not_a_panic() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let cases = [
        ("no_such_command", json!({})),
        ("get_case", json!({"case_id": 42})),
        ("get_case", json!({"case_id": "not-a-uuid"})),
        ("get_case", json!("a string")),
        (
            "set_field",
            json!({"case_id": id, "field": "no_such_field", "text": "x"}),
        ),
        (
            "set_field",
            json!({"case_id": id, "field": "vessel_name", "text": 7}),
        ),
        (
            "set_field",
            json!({"case_id": id, "field": "vessel_name", "text": "x", "extra": true}),
        ),
        ("add_item", json!({"case_id": id, "section": "declaration"})),
        (
            "set_field",
            json!({"case_id": id, "field": "seal_number", "text": "S1"}),
        ),
        (
            "set_field",
            json!({"case_id": id, "item": id, "field": "vessel_name", "text": "x"}),
        ),
        (
            "set_field",
            json!({"case_id": id, "field": "vessel_name", "text": "x".repeat(70_000)}),
        ),
    ];
    for (command, args) in cases {
        let err = fails(&api, command, args.clone());
        assert_eq!(
            err.code,
            ErrorCode::InvalidRequest,
            "{command} {args}: {err:?}"
        );
        assert!(!err.message.is_empty());
    }
    assert_eq!(
        call(&api, "get_case", json!({"case_id": id}))["case"]["event_count"],
        1
    );
}

#[test]
fn oversized_and_unknown_things_are_refused_clearly() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let err = fails(
        &api,
        "set_field",
        json!({"case_id": id, "field": "vessel_name", "text": "x".repeat(300)}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("200"), "{}", err.message);
    let ghost = uuid::Uuid::now_v7().to_string();
    assert_eq!(
        fails(&api, "get_case", json!({"case_id": ghost})).code,
        ErrorCode::NotFound
    );
    assert_eq!(
        fails(
            &api,
            "set_field",
            json!({"case_id": id, "item": ghost, "field": "seal_number", "text": "S"})
        )
        .code,
        ErrorCode::NotFound
    );
}

#[test]
fn items_are_withdrawn_with_a_reason_and_then_frozen() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let view = call(&api, "add_item", json!({"case_id": id, "section": "seals"}));
    let seal = view["case"]["items"][0]["id"].as_str().unwrap().to_string();
    let err = fails(
        &api,
        "withdraw_item",
        json!({"case_id": id, "item": seal, "reason": "  "}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let view = call(
        &api,
        "withdraw_item",
        json!({"case_id": id, "item": seal, "reason": "duplicate"}),
    );
    assert_eq!(view["case"]["items"][0]["withdrawn"], "duplicate");
    let err = fails(
        &api,
        "set_field",
        json!({"case_id": id, "item": seal, "field": "seal_number", "text": "S9"}),
    );
    assert_eq!(err.code, ErrorCode::Refused);
}

#[test]
fn a_withdrawn_entry_is_restored_in_one_step_with_its_values() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let mut seals = Vec::new();
    for number in ["S100", "S200"] {
        let view = call(&api, "add_item", json!({"case_id": id, "section": "seals"}));
        let seal = view["case"]["items"].as_array().unwrap().last().unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        call(
            &api,
            "set_field",
            json!({"case_id": id, "item": seal, "field": "seal_number", "text": number}),
        );
        seals.push(seal);
    }
    call(
        &api,
        "withdraw_item",
        json!({"case_id": id, "item": seals[0], "reason": "wrong container"}),
    );
    let view = call(
        &api,
        "restore_item",
        json!({"case_id": id, "item": seals[0]}),
    );
    let first = &view["case"]["items"][0];
    assert_eq!(first["id"], seals[0].as_str(), "back in its place");
    assert_eq!(first["withdrawn"], Value::Null);
    assert_eq!(first["fields"]["seal_number"]["value"], "S100");
    let timeline = call(&api, "timeline", json!({"case_id": id}));
    let last = timeline.as_array().unwrap().last().unwrap();
    assert_eq!(last["kind"], "item_restored");
    // Live again: it takes edits.
    let view = call(
        &api,
        "set_field",
        json!({"case_id": id, "item": seals[0], "field": "seal_number", "text": "S101"}),
    );
    assert_eq!(
        view["case"]["items"][0]["fields"]["seal_number"]["value"],
        "S101"
    );

    let count = view["case"]["event_count"].clone();
    let err = fails(
        &api,
        "restore_item",
        json!({"case_id": id, "item": seals[1]}),
    );
    assert_eq!(err.code, ErrorCode::Refused);
    assert_eq!(err.text.key, "error.entry_not_withdrawn");
    assert!(
        err.message.contains("nothing to restore"),
        "{}",
        err.message
    );
    let ghost = uuid::Uuid::now_v7().to_string();
    let err = fails(&api, "restore_item", json!({"case_id": id, "item": ghost}));
    assert_eq!(err.code, ErrorCode::NotFound);
    assert_eq!(err.text.key, "error.no_such_entry");
    let err = fails(&api, "restore_item", json!({"case_id": id}));
    assert_eq!(err.code, ErrorCode::InvalidRequest);
    let view = call(&api, "get_case", json!({"case_id": id}));
    assert_eq!(
        view["case"]["event_count"], count,
        "refusals record nothing"
    );
}

#[test]
fn restoring_an_entry_of_a_submitted_case_asks_why_as_withdrawing_does() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let view = call(&api, "add_item", json!({"case_id": id, "section": "seals"}));
    let seal = view["case"]["items"][0]["id"].as_str().unwrap().to_string();
    call(
        &api,
        "withdraw_item",
        json!({"case_id": id, "item": seal, "reason": "duplicate"}),
    );
    submit(&api, &id);
    let err = fails(&api, "restore_item", json!({"case_id": id, "item": seal}));
    assert_eq!(err.code, ErrorCode::ReasonRequired, "{err:?}");
    call(
        &api,
        "set_change_reason",
        json!({"case_id": id, "reason": "not a duplicate after all"}),
    );
    let view = call(&api, "restore_item", json!({"case_id": id, "item": seal}));
    assert_eq!(view["case"]["items"][0]["withdrawn"], Value::Null);
    let timeline = call(&api, "timeline", json!({"case_id": id}));
    let last = timeline.as_array().unwrap().last().unwrap();
    assert_eq!(last["kind"], "item_restored");
    assert!(
        last["changes"]
            .to_string()
            .contains("not a duplicate after all"),
        "{last}"
    );
}

#[test]
fn withdrawing_a_case_needs_a_reason_and_closing_is_not_a_status_change() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let err = fails(
        &api,
        "set_status",
        json!({"case_id": id, "status": "withdrawn"}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err = fails(
        &api,
        "set_status",
        json!({"case_id": id, "status": "closed"}),
    );
    assert_eq!(err.code, ErrorCode::Refused);
    assert_eq!(err.text.key, "error.close_is_a_step");
    let view = call(
        &api,
        "set_status",
        json!({"case_id": id, "status": "withdrawn", "reason": "opened twice"}),
    );
    assert_eq!(view["case"]["status_reason"], "opened twice");
}

#[test]
fn everything_is_there_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let api = open(dir.path()).unwrap();
        let id = open_case(&api, "nl rtm");
        call(
            &api,
            "set_field",
            json!({"case_id": id, "field": "imo_number", "text": "IMO 9074729"}),
        );
        call(
            &api,
            "save_draft",
            json!({"case_id": id, "field": "voyage", "text": "half-typed"}),
        );
        id
    };
    let api = open(dir.path()).unwrap();
    let view = call(&api, "get_case", json!({"case_id": id}));
    assert_eq!(view["case"]["fields"]["imo_number"]["value"], "9074729");
    assert_eq!(view["drafts"][0]["text"], "half-typed");
    assert_eq!(call(&api, "verify_log", json!({}))["problems"], json!([]));
}

#[test]
fn a_file_that_is_no_database_is_named_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quayside.sqlite3");
    std::fs::write(&db, vec![0x42u8; 4096]).unwrap();
    let api = open_locked(dir.path(), Box::new(quayside_store::SystemClock));
    let state = call(&api, "lock_state", json!({}));
    // Without keys it cannot be told from an encrypted store whose keys are gone.
    assert_eq!(state["phase"], "unreadable");
    assert!(
        english_json(&state["notice"]).contains("quayside.sqlite3"),
        "{state}"
    );
    assert_eq!(fails(&api, "list_cases", json!({})).code, ErrorCode::Locked);
    assert_eq!(std::fs::read(&db).unwrap(), vec![0x42u8; 4096], "untouched");
}

#[test]
fn reference_data_lists_every_section_with_its_fields_and_choices() {
    let (_dir, api) = setup();
    let data = call(&api, "reference_data", json!({}));
    let sections = data["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 15);
    // A unit's link is chosen from the units' entries; its kind from the code list.
    let goods = sections
        .iter()
        .find(|s| s["section"] == "goods_found")
        .unwrap();
    let unit = goods["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "goods_unit")
        .unwrap();
    assert_eq!(unit["input"], "entry_choice");
    assert_eq!(unit["entries_of"], "units");
    let readings = sections
        .iter()
        .find(|s| s["section"] == "readings")
        .unwrap();
    let sample = readings["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "reading_sample")
        .unwrap();
    assert_eq!(sample["input"], "entry_choice");
    assert_eq!(sample["entries_of"], "samples");
    let outcome = sections.iter().find(|s| s["section"] == "outcome").unwrap();
    let code = outcome["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "outcome_code")
        .unwrap();
    assert_eq!(code["options"].as_array().unwrap().len(), 10);
    let parties = sections.iter().find(|s| s["section"] == "parties").unwrap();
    assert!(parties["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["personal"] == true));
}

#[test]
fn a_database_held_by_another_process_reports_busy_and_the_edit_can_be_retried() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(dir.path()).unwrap();
    let id = open_case(&api, "nl rtm");
    let other = rusqlite::Connection::open(dir.path().join("quayside.sqlite3")).unwrap();
    let key = data_key(dir.path()).database_key().pragma_value();
    other
        .execute_batch(&format!("PRAGMA key = \"{key}\"; BEGIN EXCLUSIVE;"))
        .unwrap();
    let err = fails(
        &api,
        "set_field",
        json!({"case_id": id, "field": "voyage", "text": "001W"}),
    );
    assert_eq!(err.code, ErrorCode::StorageBusy);
    assert!(err.message.contains("try again"), "{}", err.message);
    other.execute_batch("ROLLBACK;").unwrap();
    let view = call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "voyage", "text": "001W"}),
    );
    assert_eq!(view["case"]["event_count"], 2);
}

#[test]
fn a_withdrawn_case_is_frozen_until_reopened() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let view = call(&api, "add_item", json!({"case_id": id, "section": "seals"}));
    let seal = view["case"]["items"][0]["id"].as_str().unwrap().to_string();
    call(
        &api,
        "set_status",
        json!({"case_id": id, "status": "withdrawn", "reason": "opened twice"}),
    );
    for (command, args) in [
        (
            "set_field",
            json!({"case_id": id, "field": "voyage", "text": "1"}),
        ),
        ("add_item", json!({"case_id": id, "section": "seals"})),
        (
            "withdraw_item",
            json!({"case_id": id, "item": seal, "reason": "x"}),
        ),
        ("restore_item", json!({"case_id": id, "item": seal})),
        (
            "place_item",
            json!({"case_id": id, "item": seal, "after": null}),
        ),
    ] {
        let err = fails(&api, command, args);
        assert_eq!(err.code, ErrorCode::Refused, "{command}");
        assert!(err.message.contains("withdrawn"), "{}", err.message);
    }
    call(&api, "set_status", json!({"case_id": id, "status": "open"}));
    call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "voyage", "text": "1"}),
    );
}

#[test]
fn route_legs_move_up_and_down_and_stay_put_at_the_ends() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let mut legs = Vec::new();
    for place in ["CNSHA", "THLCH", "NLRTM"] {
        let view = call(&api, "add_item", json!({"case_id": id, "section": "route"}));
        let leg = view["case"]["items"].as_array().unwrap().last().unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        call(
            &api,
            "set_field",
            json!({"case_id": id, "item": leg, "field": "leg_locode", "text": place}),
        );
        legs.push(leg);
    }
    let places = |view: &Value| -> Vec<String> {
        view["case"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                i["fields"]["leg_locode"]["value"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let view = call(
        &api,
        "move_item",
        json!({"case_id": id, "item": legs[2], "direction": "up"}),
    );
    assert_eq!(places(&view), ["CNSHA", "NLRTM", "THLCH"]);
    let view = call(
        &api,
        "move_item",
        json!({"case_id": id, "item": legs[2], "direction": "up"}),
    );
    assert_eq!(places(&view), ["NLRTM", "CNSHA", "THLCH"]);
    let count = view["case"]["event_count"].clone();
    let view = call(
        &api,
        "move_item",
        json!({"case_id": id, "item": legs[2], "direction": "up"}),
    );
    assert_eq!(
        view["case"]["event_count"], count,
        "already first: nothing recorded"
    );
    let view = call(
        &api,
        "move_item",
        json!({"case_id": id, "item": legs[0], "direction": "down"}),
    );
    assert_eq!(places(&view), ["NLRTM", "THLCH", "CNSHA"]);
    let err = fails(
        &api,
        "move_item",
        json!({"case_id": id, "item": id, "direction": "down"}),
    );
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = fails(
        &api,
        "move_item",
        json!({"case_id": id, "item": legs[0], "direction": "sideways"}),
    );
    assert_eq!(err.code, ErrorCode::InvalidRequest);
}

#[test]
fn a_move_is_undone_by_placing_the_entry_back_where_it_stood() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let id = open_case(&api, "nl rtm");
    let mut legs = Vec::new();
    for _ in 0..4 {
        let view = call(&api, "add_item", json!({"case_id": id, "section": "route"}));
        let leg = view["case"]["items"].as_array().unwrap().last().unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        legs.push(leg);
    }
    let seal = call(&api, "add_item", json!({"case_id": id, "section": "seals"}))["case"]["items"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let view = call(
        &api,
        "withdraw_item",
        json!({"case_id": id, "item": legs[2], "reason": "entered twice"}),
    );
    let order = |view: &Value| -> Vec<String> {
        view["case"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["section"] == "route")
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let before = order(&view);
    // Moving the last leg up passes the withdrawn one: moving it down again would not put the
    // withdrawn leg back in its place, placing it after its old neighbour does.
    let moved = call(
        &api,
        "move_item",
        json!({"case_id": id, "item": legs[3], "direction": "up"}),
    );
    assert_ne!(order(&moved), before);
    let view = call(
        &api,
        "place_item",
        json!({"case_id": id, "item": legs[3], "after": legs[2]}),
    );
    assert_eq!(order(&view), before);
    let count = view["case"]["event_count"].clone();
    let view = call(
        &api,
        "place_item",
        json!({"case_id": id, "item": legs[3], "after": legs[2]}),
    );
    assert_eq!(
        view["case"]["event_count"], count,
        "already there: nothing recorded"
    );
    let view = call(
        &api,
        "place_item",
        json!({"case_id": id, "item": legs[1], "after": null}),
    );
    assert_eq!(order(&view)[0], legs[1], "none puts it first");

    let err = fails(
        &api,
        "place_item",
        json!({"case_id": id, "item": legs[0], "after": legs[0]}),
    );
    assert_eq!(err.code, ErrorCode::InvalidRequest);
    assert_eq!(err.text.key, "error.entry_after_itself");
    let err = fails(
        &api,
        "place_item",
        json!({"case_id": id, "item": legs[0], "after": seal}),
    );
    assert_eq!(err.code, ErrorCode::NotFound, "another list's entry");
    assert_eq!(err.text.key, "error.no_such_entry");
    let err = fails(
        &api,
        "place_item",
        json!({"case_id": id, "item": legs[2], "after": null}),
    );
    assert_eq!(err.code, ErrorCode::Refused, "a withdrawn entry stays put");
    assert_eq!(err.text.key, "error.entry_withdrawn");
}
