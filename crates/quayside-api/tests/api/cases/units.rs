//! A load split over several transport units: each unit's number checked by its kind, and seals,
//! goods and concealments naming the unit they belong to, only one of the same case that stands.

use quayside_api::ErrorCode;
use serde_json::{json, Value};

use super::patterns::Recording;
use crate::harness::{call, english_json, fails, setup};

/// The refusal of `text` for `field` of `item`, in English.
fn refused(case: &Recording, item: &str, field: &str, text: &str) -> String {
    let err = fails(
        case.api,
        "set_field",
        json!({"case_id": case.id, "item": item, "field": field, "text": text}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput, "{}", err.message);
    err.message
}

fn item<'v>(view: &'v Value, id: &str) -> &'v Value {
    view["case"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
}

#[test]
fn a_load_over_two_containers_and_a_parcel_names_each_unit() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "CNSHA");
    let first = case.add(
        "units",
        &[("unit_kind", "container"), ("unit_number", "csqu 305438 3")],
    );
    let second = case.add(
        "units",
        &[("unit_kind", "container"), ("unit_number", "MSCU1000070")],
    );
    let parcel = case.add(
        "units",
        &[
            ("unit_kind", "postal"),
            ("unit_number", "RR 123 456 785 CN"),
        ],
    );
    assert_eq!(
        item(&case.view, &first)["fields"]["unit_number"]["value"],
        "CSQU3054383"
    );
    assert_eq!(
        item(&case.view, &parcel)["fields"]["unit_number"]["value"],
        "RR123456785CN"
    );

    let seal = case.add(
        "seals",
        &[("seal_number", "CN778812"), ("seal_unit", &second)],
    );
    let goods = case.add(
        "goods_found",
        &[
            ("goods_description", "Gallium ingots"),
            ("goods_unit", &parcel),
        ],
    );
    let hidden = case.add("concealments", &[("concealment_unit", &first)]);
    assert_eq!(
        item(&case.view, &seal)["fields"]["seal_unit"]["value"],
        second.as_str()
    );
    assert_eq!(
        item(&case.view, &goods)["fields"]["goods_unit"]["value"],
        parcel.as_str()
    );
    assert_eq!(
        item(&case.view, &hidden)["fields"]["concealment_unit"]["value"],
        first.as_str()
    );

    // The timeline names the unit as the case file numbers it, never by its id.
    let timeline = call(&api, "timeline", json!({"case_id": case.id}));
    let named: Vec<String> = timeline
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["changes"].as_array().unwrap().clone())
        .filter(|c| c["to"]["message"].is_object())
        .map(|c| english_json(&c["to"]["message"]))
        .collect();
    assert_eq!(named, ["Unit 2", "Unit 3", "Unit 1"]);

    // The case is found by any of its units' numbers, as typed on the door or the label.
    for search in ["MSCU1000070", "RR123456785CN", "CSQU 305438 3"] {
        let found = call(&api, "list_cases", json!({"search": search}));
        let ids: Vec<&str> = found
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [case.id.as_str()], "{search}");
    }
}

#[test]
fn a_units_number_is_refused_by_its_kind_naming_what_to_fix() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "THLCH");
    let unit = case.add("units", &[]);
    assert_eq!(
        refused(&case, &unit, "unit_number", "RR123456785CN"),
        "Choose the kind of unit first (container, trailer, ULD or postal item): its number is checked by its kind"
    );
    case.set_in(&unit, "unit_kind", "postal");
    assert_eq!(
        refused(&case, &unit, "unit_number", "RR123456784CN"),
        "Check digit is 4 but should be 5 for RR123456784CN: re-read the number on the label"
    );
    assert!(refused(&case, &unit, "unit_number", "CSQU3054383").contains("13 characters"));
    case.set_in(&unit, "unit_kind", "uld");
    assert!(refused(&case, &unit, "unit_number", "AK312345CX").contains("'AK3'"));
    case.set_in(&unit, "unit_number", "ake12345cx");
    assert_eq!(
        item(&case.view, &unit)["fields"]["unit_number"]["value"],
        "AKE12345CX"
    );

    // The live check reads the number by the kind of the entry it is typed in.
    let check = call(
        &api,
        "check_field",
        json!({"field": "unit_number", "text": "AKE12O45CX", "case_id": case.id, "item": unit}),
    );
    assert_eq!(check["valid"], false);
    assert!(english_json(&check["text"]).contains("'12O45'"));

    // A kind its number does not fit is refused until the number is corrected or cleared.
    assert_eq!(
        refused(&case, &unit, "unit_kind", "container"),
        "AKE12345CX is not a valid number for the kind chosen (Container): correct or clear the unit's number first, then change its kind"
    );
    case.set_in(&unit, "unit_kind", "trailer");
    assert_eq!(
        item(&case.view, &unit)["fields"]["unit_kind"]["value"],
        "trailer"
    );
}

#[test]
fn goods_name_only_a_unit_of_the_same_case_that_stands() {
    let (_dir, api) = setup();
    let mut other = Recording::open(&api, "MXZLO");
    let elsewhere = other.add(
        "units",
        &[("unit_kind", "trailer"), ("unit_number", "12-AB-3C")],
    );
    let mut case = Recording::open(&api, "MXZLO");
    let unit = case.add(
        "units",
        &[("unit_kind", "container"), ("unit_number", "CSQU3054383")],
    );
    let goods = case.add("goods_found", &[]);
    let seal = case.add("seals", &[]);
    assert_eq!(
        refused(&case, &goods, "goods_unit", &elsewhere),
        "That Unit is not in this case or has been withdrawn: choose one from the list"
    );
    assert_eq!(
        refused(&case, &seal, "seal_unit", "Unit 1"),
        "Choose the Unit from the list: the value given is not one of its entries"
    );
    case.view = call(
        &api,
        "withdraw_item",
        json!({"case_id": case.id, "item": unit, "reason": "typed in the wrong case"}),
    );
    assert_eq!(
        refused(&case, &goods, "goods_unit", &unit),
        "That Unit is not in this case or has been withdrawn: choose one from the list"
    );
}
