//! The command surface, called exactly as the UI calls it: a command name and JSON arguments.

use quayside_api::{Api, ErrorCode};
use serde_json::{json, Value};

fn api() -> (tempfile::TempDir, Api) {
    let dir = tempfile::tempdir().unwrap();
    let api = Api::open(dir.path()).unwrap();
    (dir, api)
}

fn call(api: &Api, command: &str, args: Value) -> Value {
    api.dispatch(command, args)
        .unwrap_or_else(|e| panic!("{command}: {e:?}"))
}

fn fails(api: &Api, command: &str, args: Value) -> quayside_api::ApiError {
    api.dispatch(command, args)
        .expect_err("the call should fail")
}

fn signed_in(api: &Api) {
    call(
        api,
        "set_user",
        json!({"name": "Ines Inspector", "role": "inspector"}),
    );
}

fn new_case(api: &Api) -> String {
    let view = call(api, "open_case", json!({"port": "nl rtm"}));
    view["case"]["id"].as_str().unwrap().to_string()
}

#[test]
fn bindings_are_current() {
    let generated = quayside_api::typescript_bindings();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings.ts");
    if std::env::var_os("QUAYSIDE_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/bindings.ts is stale: run `QUAYSIDE_WRITE_BINDINGS=1 cargo test -p quayside-api bindings` and commit it"
    );
}

#[test]
fn nothing_is_recorded_before_the_user_is_known() {
    let (_dir, api) = api();
    let err = fails(&api, "open_case", json!({"port": "NLRTM"}));
    assert_eq!(err.code, ErrorCode::NoUser);
    assert!(call(&api, "list_cases", json!({}))
        .as_array()
        .unwrap()
        .is_empty());
    let err = fails(
        &api,
        "set_user",
        json!({"name": "   ", "role": "inspector"}),
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
    let (_dir, api) = api();
    signed_in(&api);
    let id = new_case(&api);
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
    // Labels travel as keys; the `labels` command gives their text.
    assert_eq!(
        last["changes"][0]["label"],
        json!([{"named": {"key": "item.goods_found", "name": "1"}}, {"key": "field.goods_hs_code"}])
    );
    let labels = call(&api, "labels", json!({}));
    assert_eq!(labels["item.goods_found"], "Goods found");
    assert_eq!(labels["field.goods_hs_code"], "HS code found");
    assert_eq!(last["changes"][0]["to"], "2805.30");
}

#[test]
fn saving_the_same_value_again_records_nothing() {
    let (_dir, api) = api();
    signed_in(&api);
    let id = new_case(&api);
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
    let (_dir, api) = api();
    signed_in(&api);
    let id = new_case(&api);
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
    let (_dir, api) = api();
    let wrong = call(
        &api,
        "check_field",
        json!({"field": "container_number", "text": "CSQU3054384"}),
    );
    assert_eq!(wrong["valid"], false);
    assert!(
        wrong["message"].as_str().unwrap().contains("should be 3"),
        "{wrong}"
    );
    let right = call(
        &api,
        "check_field",
        json!({"field": "container_number", "text": "CSQU3054383"}),
    );
    assert_eq!(right["valid"], true);
    assert_eq!(right["message"], "ISO 6346 check digit 3 is correct");
    let watched = call(
        &api,
        "check_field",
        json!({"field": "goods_hs_code", "text": "8101.94"}),
    );
    assert!(watched["message"].as_str().unwrap().contains("watchlist"));
    let future = call(
        &api,
        "check_field",
        json!({"field": "sample_taken_at", "text": "2999-01-01"}),
    );
    assert_eq!(future["valid"], false);
}

#[test]
fn malformed_calls_get_invalid_request_not_a_panic() {
    let (_dir, api) = api();
    signed_in(&api);
    let id = new_case(&api);
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
    let (_dir, api) = api();
    signed_in(&api);
    let id = new_case(&api);
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
    let (_dir, api) = api();
    signed_in(&api);
    let id = new_case(&api);
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
fn withdrawing_a_case_needs_a_reason_closing_does_not() {
    let (_dir, api) = api();
    signed_in(&api);
    let id = new_case(&api);
    let err = fails(
        &api,
        "set_status",
        json!({"case_id": id, "status": "withdrawn"}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let view = call(
        &api,
        "set_status",
        json!({"case_id": id, "status": "closed"}),
    );
    assert_eq!(view["case"]["status"], "closed");
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
        let api = Api::open(dir.path()).unwrap();
        signed_in(&api);
        let id = new_case(&api);
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
    let api = Api::open(dir.path()).unwrap();
    let view = call(&api, "get_case", json!({"case_id": id}));
    assert_eq!(view["case"]["fields"]["imo_number"]["value"], "9074729");
    assert_eq!(view["drafts"][0]["text"], "half-typed");
    assert_eq!(call(&api, "verify_log", json!({}))["problems"], json!([]));
}

#[test]
fn an_unusable_database_is_reported_as_storage_unavailable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("quayside.sqlite3"), vec![0x42u8; 4096]).unwrap();
    let err = Api::open(dir.path()).err().expect("refused");
    assert_eq!(err.code, ErrorCode::StorageUnavailable);
    assert!(err.message.contains("quayside.sqlite3"), "{}", err.message);
}

#[test]
fn reference_data_lists_every_section_with_its_fields_and_choices() {
    let (_dir, api) = api();
    let data = call(&api, "reference_data", json!({}));
    let sections = data["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 13);
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
    let api = Api::open(dir.path()).unwrap();
    signed_in(&api);
    let id = new_case(&api);
    let other = rusqlite::Connection::open(dir.path().join("quayside.sqlite3")).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE;").unwrap();
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
    let (_dir, api) = api();
    signed_in(&api);
    let id = new_case(&api);
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
fn a_role_from_nowhere_is_refused() {
    let (_dir, api) = api();
    let err = fails(&api, "set_user", json!({"name": "X", "role": "pirate"}));
    assert_eq!(err.code, ErrorCode::InvalidInput);
}

#[test]
fn route_legs_move_up_and_down_and_stay_put_at_the_ends() {
    let (_dir, api) = api();
    signed_in(&api);
    let id = new_case(&api);
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

/// Approve what `view` shows of `case`.
fn approval(case: &str, view: &Value) -> Value {
    json!({"case_id": case, "head": view["case"]["head"], "event_count": view["case"]["event_count"]})
}

fn as_user(api: &Api, name: &str, role: &str) {
    call(api, "set_user", json!({"name": name, "role": role}));
}

#[test]
fn review_goes_from_submission_through_return_and_approval_to_reopening() {
    let (_dir, api) = api();
    signed_in(&api);
    let case = new_case(&api);
    call(
        &api,
        "set_field",
        json!({"case_id": case, "field": "vessel_name", "text": "MSC ANNA"}),
    );
    let view = call(&api, "submit_case", json!({"case_id": case}));
    assert_eq!(view["case"]["review"]["state"], "submitted");
    let err = fails(&api, "submit_case", json!({"case_id": case}));
    assert_eq!(err.code, ErrorCode::Refused, "{err:?}");
    let err = fails(&api, "approve_case", approval(&case, &view));
    assert_eq!(err.code, ErrorCode::NotAllowed, "an inspector: {err:?}");

    as_user(&api, "Sam Supervisor", "supervisor");
    let queue = call(&api, "review_queue", json!({}));
    assert_eq!(queue["cases"][0]["id"], case.as_str());
    assert_eq!(queue["inspectors"], json!(["Ines Inspector"]));
    let err = fails(
        &api,
        "return_case",
        json!({"case_id": case, "comment": "  "}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let view = call(
        &api,
        "return_case",
        json!({"case_id": case, "comment": "Incomplete",
               "sections": [{"section": "transport", "comment": "Add the IMO number"},
                            {"section": "seals", "comment": " "}]}),
    );
    assert_eq!(view["case"]["review"]["state"], "returned");
    assert_eq!(
        view["case"]["review"]["section_comments"],
        json!([{"section": "transport", "comment": "Add the IMO number"}]),
        "blank comments are dropped"
    );
    let err = fails(&api, "approve_case", approval(&case, &view));
    assert_eq!(err.code, ErrorCode::Refused, "not waiting: {err:?}");

    as_user(&api, "Ines Inspector", "inspector");
    call(
        &api,
        "set_field",
        json!({"case_id": case, "field": "imo_number", "text": "9074729"}),
    );
    let view = call(
        &api,
        "submit_case",
        json!({"case_id": case, "comment": "IMO added"}),
    );
    let stale = view;

    // Something changes after the supervisor opened the case: the approval must not cover it.
    call(
        &api,
        "set_change_reason",
        json!({"case_id": case, "reason": "seal found later"}),
    );
    let fresh = call(
        &api,
        "add_item",
        json!({"case_id": case, "section": "seals"}),
    );
    as_user(&api, "Sam Supervisor", "supervisor");
    let err = fails(&api, "approve_case", approval(&case, &stale));
    assert_eq!(err.code, ErrorCode::Refused, "{err:?}");
    assert!(
        err.message.contains("changed while you were reading"),
        "{}",
        err.message
    );
    let view = call(
        &api,
        "approve_case",
        json!({"case_id": case, "head": fresh["case"]["head"],
               "event_count": fresh["case"]["event_count"], "comment": "Good work"}),
    );
    assert_eq!(view["case"]["review"]["state"], "approved");
    assert_eq!(
        view["change_reason"],
        Value::Null,
        "a decision ends the reason"
    );
    assert_eq!(call(&api, "review_queue", json!({}))["cases"], json!([]));

    as_user(&api, "Ines Inspector", "inspector");
    let err = fails(
        &api,
        "set_field",
        json!({"case_id": case, "field": "voyage", "text": "123W"}),
    );
    assert_eq!(err.code, ErrorCode::ReasonRequired, "{err:?}");
    let err = fails(
        &api,
        "set_change_reason",
        json!({"case_id": case, "reason": ""}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let view = call(
        &api,
        "set_change_reason",
        json!({"case_id": case, "reason": "voyage misread"}),
    );
    assert_eq!(view["change_reason"], "voyage misread");
    let view = call(
        &api,
        "set_field",
        json!({"case_id": case, "field": "voyage", "text": "123W"}),
    );
    assert_eq!(view["case"]["review"]["state"], "reopened");
    assert_eq!(
        view["case"]["review"]["uncovered"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let timeline = call(&api, "timeline", json!({"case_id": case}));
    let last = timeline.as_array().unwrap().last().unwrap().clone();
    assert!(
        last["changes"].to_string().contains("voyage misread"),
        "{last}"
    );
    assert_eq!(
        call(&api, "review_queue", json!({}))["cases"][0]["review_state"],
        "reopened"
    );
}

#[test]
fn a_supervisor_does_not_approve_a_case_they_submitted() {
    let (_dir, api) = api();
    as_user(&api, "Sam Supervisor", "supervisor");
    let case = new_case(&api);
    let view = call(&api, "submit_case", json!({"case_id": case}));
    let err = fails(&api, "approve_case", approval(&case, &view));
    assert_eq!(err.code, ErrorCode::NotAllowed);
    assert!(
        err.message.contains("another supervisor"),
        "{}",
        err.message
    );
    // Nor one they changed since the last approval, with a reason, after another submitted it.
    as_user(&api, "Ines Inspector", "inspector");
    let other = new_case(&api);
    call(&api, "submit_case", json!({"case_id": other}));
    as_user(&api, "Sam Supervisor", "supervisor");
    call(
        &api,
        "set_change_reason",
        json!({"case_id": other, "reason": "typo"}),
    );
    let changed = call(
        &api,
        "set_field",
        json!({"case_id": other, "field": "voyage", "text": "1W"}),
    );
    let err = fails(&api, "approve_case", approval(&other, &changed));
    assert_eq!(err.code, ErrorCode::NotAllowed, "{err:?}");

    as_user(&api, "Olga Other", "supervisor");
    call(&api, "approve_case", approval(&case, &view));
    let done = call(&api, "approve_case", approval(&other, &changed));
    assert_eq!(done["case"]["review"]["state"], "approved");
}

#[test]
fn a_withdrawn_submitted_case_leaves_the_queue_and_can_be_reopened_with_a_reason() {
    let (_dir, api) = api();
    signed_in(&api);
    let case = new_case(&api);
    call(&api, "submit_case", json!({"case_id": case}));
    call(
        &api,
        "set_change_reason",
        json!({"case_id": case, "reason": "duplicate case"}),
    );
    call(
        &api,
        "set_status",
        json!({"case_id": case, "status": "withdrawn", "reason": "duplicate case"}),
    );
    assert_eq!(call(&api, "review_queue", json!({}))["cases"], json!([]));
    // The reason stays until the next review step, so reopening needs no second one here; on
    // another device it would be asked for, and can be given for a withdrawn case.
    call(
        &api,
        "set_change_reason",
        json!({"case_id": case, "reason": "not a duplicate"}),
    );
    let view = call(
        &api,
        "set_status",
        json!({"case_id": case, "status": "open"}),
    );
    assert_eq!(view["case"]["status"], "open");
    assert_eq!(
        call(&api, "review_queue", json!({}))["cases"][0]["id"],
        case.as_str()
    );
}

#[test]
fn the_review_queue_filters_by_port_and_inspector() {
    let (_dir, api) = api();
    signed_in(&api);
    let a = new_case(&api);
    call(&api, "submit_case", json!({"case_id": a}));
    as_user(&api, "Ivan Inspector", "inspector");
    let b = call(&api, "open_case", json!({"port": "BEANR"}))["case"]["id"].clone();
    call(&api, "submit_case", json!({"case_id": b}));
    let ids = |filter: Value| -> Vec<Value> {
        call(&api, "review_queue", filter)["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].clone())
            .collect()
    };
    assert_eq!(ids(json!({})).len(), 2);
    assert_eq!(ids(json!({"port": "BEANR"})), [b]);
    assert_eq!(ids(json!({"inspector": "Ines Inspector"})), [json!(a)]);
    let err = fails(&api, "review_queue", json!({"port": 7}));
    assert_eq!(err.code, ErrorCode::InvalidRequest);
}

#[test]
fn evidence_is_made_from_goods_found_and_its_custody_recorded_and_checked() {
    let (_dir, api) = api();
    signed_in(&api);
    let case = new_case(&api);
    let view = call(
        &api,
        "add_item",
        json!({"case_id": case, "section": "goods_found"}),
    );
    let goods = view["case"]["items"][0]["id"].clone();
    for (field, text) in [
        ("goods_description", "Gallium ingots in solder paste tins"),
        ("goods_quantity", "40 pcs"),
    ] {
        call(
            &api,
            "set_field",
            json!({"case_id": case, "item": goods, "field": field, "text": text}),
        );
    }
    let view = call(
        &api,
        "evidence_from_goods",
        json!({"case_id": case, "goods": goods}),
    );
    let evidence = view["case"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["section"] == "evidence")
        .unwrap()
        .clone();
    assert_eq!(
        evidence["fields"]["evidence_description"]["value"],
        "Gallium ingots in solder paste tins"
    );
    assert_eq!(evidence["fields"]["evidence_quantity"]["value"], "40 pcs");
    assert!(
        view["flags"].to_string().contains("custody_break"),
        "nobody holds it yet: {}",
        view["flags"]
    );

    let item = evidence["id"].clone();
    let handover = |from: &str, to: &str, at: &str| {
        json!({"case_id": case, "item": item, "from": from, "to": to,
               "place": "Rotterdam evidence store", "at": at, "condition": "seal EV-1 intact"})
    };
    let view = call(
        &api,
        "record_custody",
        handover("Ines Inspector", "Sam Keeper", "2026-11-27 10:00"),
    );
    assert_eq!(view["case"]["custody"][0]["to"], "Sam Keeper");
    assert!(!view["flags"].to_string().contains("custody_break"));
    let view = call(
        &api,
        "record_custody",
        handover("Nobody Known", "Court", "2026-11-27 12:00"),
    );
    assert!(
        view["flags"].to_string().contains("Sam Keeper held it"),
        "{}",
        view["flags"]
    );

    for (args, says) in [
        (
            handover(" ", "Court", "2026-11-27 12:00"),
            "Handed over by is required",
        ),
        (handover("A", "B", "yesterday-ish"), "Time:"),
        (handover("A", "B", "2099-01-01 10:00"), "Time:"),
    ] {
        let err = fails(&api, "record_custody", args);
        assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
        assert!(err.message.contains(says), "{}", err.message);
    }
    let err = fails(
        &api,
        "record_custody",
        json!({"case_id": case, "item": goods, "from": "A", "to": "B", "place": "P",
               "at": "2026-11-27 12:00", "condition": "ok"}),
    );
    assert_eq!(
        err.code,
        ErrorCode::NotFound,
        "goods are not evidence: {err:?}"
    );
    let timeline = call(&api, "timeline", json!({"case_id": case}));
    assert!(
        timeline.to_string().contains("change.custody"),
        "in the timeline"
    );
}
