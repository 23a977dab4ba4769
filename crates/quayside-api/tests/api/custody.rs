//! Evidence items made from goods found, and their chain of custody.

use quayside_api::ErrorCode;
use serde_json::json;

use crate::harness::{call, english_json, fails, fresh, open_case, signed_in};

#[test]
fn evidence_is_made_from_goods_found_and_its_custody_recorded_and_checked() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let case = open_case(&api, "nl rtm");
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
    let custody = view["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "custody_break")
        .expect("a custody break");
    let details = english_json(&custody["details"][0]);
    assert!(details.contains("Sam Keeper held it"), "{details}");

    for (args, says) in [
        (
            handover(" ", "Court", "2026-11-27 12:00"),
            "Handed over by is required",
        ),
        (handover("A", "B", "yesterday-ish"), "YYYY-MM-DD"),
        (handover("A", "B", "2099-01-01 10:00"), "in the future"),
        (
            json!({"case_id": case, "item": item, "from": "A", "to": "x".repeat(201),
                   "place": "P", "at": "2026-11-27 12:00", "condition": "ok"}),
            "Received by is 201 characters long",
        ),
    ] {
        let err = fails(&api, "record_custody", args);
        assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
        assert!(err.message.contains(says), "{}", err.message);
    }
    // Goods change hands before the receiver records it: an hour past this device's local time
    // is refused, though a field's date would allow it (a day's margin for time zones).
    let local = |minutes: i64| {
        (chrono::Local::now() + chrono::Duration::minutes(minutes))
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    let err = fails(&api, "record_custody", handover("Court", "Lab", &local(60)));
    assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
    assert!(err.message.contains("in the future"), "{}", err.message);
    let view = call(&api, "record_custody", handover("Court", "Lab", &local(0)));
    assert_eq!(view["case"]["custody"][2]["to"], "Lab");

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

#[test]
fn a_sample_sealed_for_the_lab_is_handed_over_and_its_chain_checked() {
    let (_dir, api) = fresh();
    signed_in(&api);
    let case = open_case(&api, "th lch");
    let add = |section: &str| {
        let view = call(
            &api,
            "add_item",
            json!({"case_id": case, "section": section}),
        );
        view["case"]["items"].as_array().unwrap().last().unwrap()["id"].clone()
    };
    let sample = add("samples");
    for (field, text) in [("sample_seal", "SB-0042"), ("sample_method", "icp_ms")] {
        call(
            &api,
            "set_field",
            json!({"case_id": case, "item": sample, "field": field, "text": text}),
        );
    }
    let view = call(&api, "get_case", json!({"case_id": case}));
    let breaks: Vec<String> = view["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "custody_break")
        .flat_map(|f| f["details"].as_array().unwrap().iter().map(english_json))
        .collect();
    assert_eq!(breaks, ["Sample SB-0042: nobody is recorded as holding it"]);

    let handover = |item: &serde_json::Value, from: &str, to: &str| {
        json!({"case_id": case, "item": item, "from": from, "to": to,
               "place": "Laem Chabang customs lab", "at": "2026-11-27 16:00",
               "condition": "bag SB-0042 sealed"})
    };
    let view = call(
        &api,
        "record_custody",
        handover(&sample, "Ines Inspector", "Customs laboratory"),
    );
    assert_eq!(view["case"]["custody"][0]["item"], sample);
    assert_eq!(view["case"]["custody"][0]["to"], "Customs laboratory");
    assert!(
        !view["flags"].to_string().contains("custody_break"),
        "{}",
        view["flags"]
    );
    let timeline = call(&api, "timeline", json!({"case_id": case}));
    let last = timeline.as_array().unwrap().last().unwrap();
    assert_eq!(
        last["changes"][0]["label"],
        json!([{"named": {"key": "item.samples", "name": "1"}}, {"key": "change.custody"}])
    );

    // A reading is not handed over (its sample is), and a withdrawn sample no longer is.
    let reading = add("readings");
    let err = fails(&api, "record_custody", handover(&reading, "A", "B"));
    assert_eq!(err.code, ErrorCode::NotFound, "{err:?}");
    assert_eq!(
        err.message,
        "No such evidence item or sample in this case (withdrawn, or never added): a handover \
         names an evidence item or a sample"
    );
    call(
        &api,
        "withdraw_item",
        json!({"case_id": case, "item": sample, "reason": "bag torn"}),
    );
    let err = fails(&api, "record_custody", handover(&sample, "A", "B"));
    assert_eq!(err.code, ErrorCode::NotFound, "{err:?}");
}
