//! Review: submission, return and approval by a supervisor, reasons for changes after them.

use quayside_api::ErrorCode;
use serde_json::{json, Value};

use crate::harness::{as_user, call, fails, fresh, open_case, signed_in};

/// Approve what `view` shows of `case`.
fn approval(case: &str, view: &Value) -> Value {
    json!({"case_id": case, "head": view["case"]["head"], "event_count": view["case"]["event_count"]})
}

#[test]
fn review_goes_from_submission_through_return_and_approval_to_reopening() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let case = open_case(&api, "nl rtm");
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
        call(&api, "review_queue", json!({}))["cases"][0]["state"],
        "reopened"
    );
}

#[test]
fn a_supervisor_does_not_approve_a_case_they_submitted() {
    let (_dir, api) = fresh();
    as_user(&api, "Sam Supervisor", "supervisor");
    let case = open_case(&api, "nl rtm");
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
    let other = open_case(&api, "nl rtm");
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
    let (_dir, api) = fresh();
    signed_in(&api);
    let case = open_case(&api, "nl rtm");
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
    let (_dir, api) = fresh();
    signed_in(&api);
    let a = open_case(&api, "nl rtm");
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

/// A case whose goods weigh half again what was declared: one weight flag open.
fn flagged_case(api: &quayside_api::Api) -> String {
    let case = open_case(api, "nl rtm");
    call(
        api,
        "set_field",
        json!({"case_id": case, "field": "declared_weight", "text": "1000 kg"}),
    );
    let view = call(
        api,
        "add_item",
        json!({"case_id": case, "section": "goods_found"}),
    );
    let item = view["case"]["items"][0]["id"].clone();
    call(
        api,
        "set_field",
        json!({"case_id": case, "item": item, "field": "goods_weight", "text": "1500 kg"}),
    );
    case
}

/// The flags of `view` acknowledged as shown: code and details.
fn acknowledge(view: &Value) -> Value {
    let flags = view["flags"].as_array().unwrap();
    Value::Array(
        flags
            .iter()
            .map(|f| json!({"code": f["code"], "details": f["details"]}))
            .collect(),
    )
}

#[test]
fn a_submission_that_does_not_acknowledge_every_open_flag_is_refused() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let case = flagged_case(&api);
    let view = call(&api, "get_case", json!({"case_id": case}));
    assert_eq!(view["flags"].as_array().unwrap().len(), 1);

    let err = fails(&api, "submit_case", json!({"case_id": case}));
    assert_eq!(err.code, ErrorCode::Refused, "{err:?}");
    assert_eq!(err.text.key, "error.flags_not_acknowledged");
    assert!(err.message.contains("One open flag"), "{}", err.message);

    // Acknowledged as it stood before the weight changed: its details differ now.
    let stale = acknowledge(&view);
    let item = view["case"]["items"][0]["id"].clone();
    call(
        &api,
        "set_field",
        json!({"case_id": case, "item": item, "field": "goods_weight", "text": "1600 kg"}),
    );
    let err = fails(
        &api,
        "submit_case",
        json!({"case_id": case, "acknowledged": stale}),
    );
    assert_eq!(err.text.key, "error.flags_not_acknowledged");
    let view = call(&api, "get_case", json!({"case_id": case}));
    assert_eq!(view["state"], "draft", "nothing was submitted");

    let acks = acknowledge(&view);
    let view = call(
        &api,
        "submit_case",
        json!({"case_id": case, "acknowledged": acks}),
    );
    assert_eq!(view["state"], "submitted");
    assert_eq!(view["case"]["review"]["acknowledged"], acks);
    let timeline = call(&api, "timeline", json!({"case_id": case}));
    let submitted = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "review_submitted")
        .unwrap();
    assert_eq!(
        submitted["changes"][0]["label"],
        json!([{"key": "change.acknowledged"}, {"key": "flag.weight_discrepancy"}])
    );
    // What the flag said, keyed, so it reads in the reader's language.
    let said = crate::harness::english_json(&submitted["changes"][0]["to"]["message"]);
    assert!(said.contains("1600 kg"), "{said}");
}

#[test]
fn only_a_supervisor_closes_only_an_approved_case_and_it_stays_out_of_review() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let case = open_case(&api, "nl rtm");
    call(
        &api,
        "set_field",
        json!({"case_id": case, "field": "vessel_name", "text": "MSC ANNA"}),
    );
    let err = fails(&api, "close_case", json!({"case_id": case}));
    assert_eq!(err.code, ErrorCode::NotAllowed, "an inspector: {err:?}");
    let view = call(&api, "submit_case", json!({"case_id": case}));

    as_user(&api, "Sam Supervisor", "supervisor");
    let err = fails(&api, "close_case", json!({"case_id": case}));
    assert_eq!(err.code, ErrorCode::Refused, "{err:?}");
    assert_eq!(err.text.key, "error.close_not_approved");
    assert!(
        err.message.contains("Waiting for review"),
        "names the state: {}",
        err.message
    );
    let view = call(&api, "approve_case", approval(&case, &view));
    assert_eq!(view["state"], "approved");
    let view = call(
        &api,
        "close_case",
        json!({"case_id": case, "note": "goods handed to the warehouse"}),
    );
    assert_eq!(view["state"], "closed");
    assert_eq!(view["case"]["status"], "closed");
    assert_eq!(
        view["case"]["review"]["state"], "approved",
        "review not reopened"
    );
    assert_eq!(view["case"]["closed"]["by"], "Sam Supervisor");
    assert_eq!(
        view["case"]["closed"]["comment"],
        "goods handed to the warehouse"
    );
    let queue = call(&api, "review_queue", json!({}));
    assert_eq!(queue["cases"], json!([]), "not back in the queue");
    let listed = call(&api, "list_cases", json!({"state": "closed"}));
    assert_eq!(listed[0]["id"], case.as_str());
    let timeline = call(&api, "timeline", json!({"case_id": case}));
    let last = timeline.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "case_closed");
    assert!(last["refused"].is_null());

    // Read-only: every change and every review step is refused with one message.
    as_user(&api, "Ines Inspector", "inspector");
    for (command, args) in [
        (
            "set_field",
            json!({"case_id": case, "field": "voyage", "text": "1W"}),
        ),
        ("submit_case", json!({"case_id": case})),
        (
            "set_status",
            json!({"case_id": case, "status": "withdrawn", "reason": "x"}),
        ),
    ] {
        let err = fails(&api, command, args);
        assert_eq!(err.code, ErrorCode::Refused, "{command}: {err:?}");
        assert_eq!(err.text.key, "error.case_closed", "{command}");
    }
    as_user(&api, "Sam Supervisor", "supervisor");
    let err = fails(&api, "close_case", json!({"case_id": case}));
    assert_eq!(err.text.key, "error.case_closed");
}
