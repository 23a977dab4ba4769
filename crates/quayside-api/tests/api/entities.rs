//! Repeat offenders through the API: a party recorded in another case is seen from this one, a
//! near spelling is suggested and linked by a person's decision (refused for keys nobody names),
//! and a decision on a submitted case needs a reason as any change does.

use quayside_api::ErrorCode;
use serde_json::{json, Value};

use crate::harness::{call, english_json, fails, open_case, setup, submit};

fn party_case(api: &quayside_api::Api, name: &str, phone: &str) -> String {
    let case = open_case(api, "CNSZX");
    let view = call(
        api,
        "add_item",
        json!({"case_id": case, "section": "parties"}),
    );
    let party = view["case"]["items"][0]["id"].clone();
    for (field, text) in [
        ("party_kind", "company"),
        ("party_name", name),
        ("party_phone", phone),
    ] {
        call(
            api,
            "set_field",
            json!({"case_id": case, "item": party, "field": field, "text": text}),
        );
    }
    case
}

fn entity(api: &quayside_api::Api, case: &str, kind: &str) -> Value {
    let all = call(api, "case_entities", json!({"case_id": case}));
    all.as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == kind)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind} in {all}"))
}

#[test]
fn a_party_seen_before_is_shown_with_its_case_and_a_near_spelling_is_linked_on_decision() {
    let (_dir, api) = setup();
    let earlier = party_case(&api, "深圳市華鑫貿易有限公司", "+86 755 8888 1234");
    let near = party_case(
        &api,
        "Shenzhen Huaxing Trading Co Ltd",
        "0086 755 8888 9999",
    );
    let now = party_case(&api, "深圳市华鑫贸易有限公司", "0086-755-88881234");
    call(
        &api,
        "set_field",
        json!({"case_id": now, "item": null, "field": "container_number", "text": "CSQU 305438 3"}),
    );
    call(
        &api,
        "set_field",
        json!({"case_id": near, "item": null, "field": "container_number", "text": "csqu3054383"}),
    );

    let company = entity(&api, &now, "company");
    assert_eq!(company["case_count"], 1);
    assert_eq!(company["cases"][0]["case_id"], json!(earlier));
    assert_eq!(company["shown"], json!(["深圳市华鑫贸易有限公司"]));
    assert_eq!(entity(&api, &now, "phone")["case_count"], 1);
    let container = entity(&api, &now, "container");
    assert_eq!(container["cases"][0]["case_id"], json!(near));

    // The near English spelling is a suggestion for its own case, not a link.
    let english = party_case(&api, "Shenzhen Huaxin Trading Co., Ltd.", "");
    let suggested = entity(&api, &english, "company");
    assert_eq!(suggested["case_count"], 0);
    assert_eq!(
        suggested["suggestions"][0]["key"],
        "shenzhen huaxing trading"
    );
    let view = call(
        &api,
        "set_entity_link",
        json!({"case_id": english, "kind": "company", "key": "shenzhen huaxin trading",
               "other": "shenzhen huaxing trading", "same": true}),
    );
    assert_eq!(view["case"]["entity_links"][0]["same"], true);
    let linked = entity(&api, &english, "company");
    assert_eq!(linked["cases"][0]["case_id"], json!(near));
    assert_eq!(linked["cases"][0]["through_link"], true);
    let timeline = call(&api, "timeline", json!({"case_id": english}));
    assert!(
        timeline.to_string().contains("change.entity_same"),
        "the decision is in the timeline: {timeline}"
    );
}

#[test]
fn a_link_to_a_key_no_case_names_is_refused_with_what_to_do() {
    let (_dir, api) = setup();
    let case = party_case(&api, "Huaxin Trading Ltd", "");
    let error = fails(
        &api,
        "set_entity_link",
        json!({"case_id": case, "kind": "company", "key": "huaxin trading",
               "other": "nobody at all", "same": true}),
    );
    assert_eq!(error.code, ErrorCode::NotFound);
    let text = english_json(&serde_json::to_value(&error.text).unwrap());
    assert!(text.contains("nobody at all"), "{text}");
    assert!(text.contains("Company"), "{text}");
    // A key this case does not name, and a kind that does not exist.
    let error = fails(
        &api,
        "set_entity_link",
        json!({"case_id": case, "kind": "company", "key": "someone else",
               "other": "huaxin trading", "same": false}),
    );
    assert_eq!(error.code, ErrorCode::NotFound);
    let error = fails(
        &api,
        "set_entity_link",
        json!({"case_id": case, "kind": "ship", "key": "huaxin trading",
               "other": "huaxin trading", "same": true}),
    );
    assert_eq!(error.code, ErrorCode::InvalidRequest);
    assert!(
        call(&api, "get_case", json!({"case_id": case}))["case"]["entity_links"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_decision_on_a_submitted_case_asks_for_a_reason() {
    let (_dir, api) = setup();
    // The near spelling, named by another case.
    party_case(&api, "Huaxin Tradng Ltd", "");
    let case = party_case(&api, "Huaxin Trading Ltd", "");
    submit(&api, &case);
    let link = json!({"case_id": case, "kind": "company", "key": "huaxin trading",
                      "other": "huaxin tradng", "same": false});
    let error = fails(&api, "set_entity_link", link.clone());
    assert_eq!(error.code, ErrorCode::ReasonRequired);
    call(
        &api,
        "set_change_reason",
        json!({"case_id": case, "reason": "checked the register"}),
    );
    call(&api, "set_entity_link", link);
    assert!(entity(&api, &case, "company")["suggestions"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn the_network_of_a_case_is_drawn_within_the_filter_and_a_link_between_two_cases_is_told() {
    let (_dir, api) = setup();
    let first = party_case(&api, "Huaxin Trading Ltd", "+86 755 8888 1234");
    let second = party_case(&api, "HUAXIN TRADING LIMITED", "");
    let third = party_case(&api, "Siam Minerals Co Ltd", "0086 755 88881234");
    let graph = call(&api, "entity_graph", json!({"case_id": first}));
    let drawn: Vec<&str> = graph["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(drawn, [first.as_str(), second.as_str(), third.as_str()]);
    assert_eq!(graph["truncated"], false);

    // Kept to days no case was opened on, only the first case stays.
    let graph = call(
        &api,
        "entity_graph",
        json!({"case_id": first, "filter": {"opened_from": "2001-01-01", "opened_to": "2001-01-31"}}),
    );
    assert_eq!(graph["cases"].as_array().unwrap().len(), 1);
    // A filter that cannot be read is refused as the list refuses it.
    let error = fails(
        &api,
        "entity_graph",
        json!({"case_id": first, "filter": {"opened_from": "2001-02-01", "opened_to": "2001-01-01"}}),
    );
    assert_eq!(error.code, ErrorCode::InvalidInput);

    let steps = call(&api, "shortest_link", json!({"from": second, "to": third}));
    let told: Vec<(&str, &str)> = steps
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["entity"]["kind"].as_str().unwrap(),
                s["to"]["case_number"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(told.len(), 2, "{steps}");
    assert_eq!(told[0].0, "company");
    assert_eq!(told[1].0, "phone");
    let lonely = party_case(&api, "Nobody Else Ltd", "");
    assert_eq!(
        call(&api, "shortest_link", json!({"from": first, "to": lonely})),
        Value::Null
    );
}
