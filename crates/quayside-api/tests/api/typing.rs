//! Values typed the way each person writes them: the conventions of their language, and the
//! Buddhist era as their choice, kept with their language.

use serde_json::{json, Value};

use crate::harness::{call, english_json, setup_with_case};

fn check(api: &quayside_api::Api, field: &str, text: &str) -> Value {
    call(api, "check_field", json!({"field": field, "text": text}))
}

#[test]
fn values_are_read_as_the_person_writes_them_and_stored_canonical() {
    let (_dir, api, id) = setup_with_case();
    // Nobody chose a language yet: English, as before.
    assert_eq!(
        check(&api, "declared_weight", "1.250 kg")["value"],
        "1.25 kg"
    );
    assert_eq!(
        check(&api, "declared_weight", "１，２５０ｋｇ")["value"],
        "1250 kg"
    );

    call(&api, "set_language", json!({"locale": "es"}));
    assert_eq!(
        check(&api, "declared_weight", "18.000,5 kg")["value"],
        "18000.5 kg"
    );
    let twice = check(&api, "declared_weight", "1.250 kg");
    assert_eq!(twice["valid"], false);
    assert!(
        english_json(&twice["text"]).contains("could be 1250 or 1,25"),
        "{twice}"
    );
    let view = call(
        &api,
        "set_field",
        json!({"case_id": id, "field": "declared_value", "text": "12.000,50 MXN"}),
    );
    assert_eq!(
        view["case"]["fields"]["declared_value"]["value"], "12000.50 MXN",
        "{}",
        view["case"]["fields"]
    );
    assert_eq!(
        check(&api, "sample_taken_at", "6/11/2024 9:30")["value"],
        "2024-11-06 09:30"
    );

    call(&api, "set_language", json!({"locale": "zh-CN"}));
    assert_eq!(
        check(&api, "container_number", "ＣＳＱＵ３０５４３８３")["value"],
        "CSQU3054383"
    );
    assert_eq!(
        check(&api, "sample_taken_at", "2024年11月6日")["value"],
        "2024-11-06"
    );
    assert_eq!(check(&api, "sample_taken_at", "6/11/2024")["valid"], false);
}

#[test]
fn the_buddhist_era_is_a_choice_kept_with_the_language() {
    let (_dir, api, _) = setup_with_case();
    call(&api, "set_language", json!({"locale": "th"}));
    let refused = check(&api, "sample_taken_at", "6/11/2567");
    assert_eq!(refused["valid"], false);
    assert!(
        english_json(&refused["text"])
            .contains("2567 looks like a Buddhist-era year (2567 BE is 2024)"),
        "{refused}"
    );

    call(
        &api,
        "set_language",
        json!({"locale": "th", "buddhist_era": true}),
    );
    assert_eq!(
        check(&api, "sample_taken_at", "6/11/2567")["value"],
        "2024-11-06"
    );
    // Choosing the language again without saying keeps the choice; the screens stay in Thai.
    call(&api, "set_language", json!({"locale": "th"}));
    assert_eq!(
        check(&api, "sample_taken_at", "6/11/2567")["value"],
        "2024-11-06"
    );
    assert_eq!(call(&api, "lock_state", json!({}))["language"], "th");

    call(
        &api,
        "set_language",
        json!({"locale": "th", "buddhist_era": false}),
    );
    assert_eq!(check(&api, "sample_taken_at", "6/11/2567")["valid"], false);
}
