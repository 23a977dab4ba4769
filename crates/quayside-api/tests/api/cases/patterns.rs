//! What smugglers do, recorded through the commands as the UI records it: each pattern raises
//! exactly the flags it should, worded to say what was compared, and no false one. The recording
//! helper here is shared with `scenarios`, the whole cases of each pattern; this module keeps
//! the variations a whole case would not show (a material declared on another line, counts,
//! links).

use quayside_api::Api;
use serde_json::{json, Value};

use crate::harness::{call, english_json, open_case, setup};

/// A case being recorded through the command surface.
pub(super) struct Recording<'a> {
    pub(super) api: &'a Api,
    pub(super) id: String,
    pub(super) view: Value,
}

impl<'a> Recording<'a> {
    pub(super) fn open(api: &'a Api, port: &str) -> Self {
        let id = open_case(api, port);
        let view = call(api, "get_case", json!({"case_id": id}));
        Recording { api, id, view }
    }

    pub(super) fn set(&mut self, field: &str, text: &str) -> &mut Self {
        self.view = call(
            self.api,
            "set_field",
            json!({"case_id": self.id, "field": field, "text": text}),
        );
        self
    }

    /// Sets `field` of the entry `item`.
    pub(super) fn set_in(&mut self, item: &str, field: &str, text: &str) -> &mut Self {
        self.view = call(
            self.api,
            "set_field",
            json!({"case_id": self.id, "item": item, "field": field, "text": text}),
        );
        self
    }

    /// Adds an item to `section` with its fields; returns the item's id.
    pub(super) fn add(&mut self, section: &str, fields: &[(&str, &str)]) -> String {
        let view = call(
            self.api,
            "add_item",
            json!({"case_id": self.id, "section": section}),
        );
        let item = view["case"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|i| i["section"] == section)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        for (field, text) in fields {
            self.view = call(
                self.api,
                "set_field",
                json!({"case_id": self.id, "item": item, "field": field, "text": text}),
            );
        }
        item
    }

    pub(super) fn leg(&mut self, place: &str, role: &str, basis: &str) {
        self.add(
            "route",
            &[
                ("leg_locode", place),
                ("leg_role", role),
                ("leg_basis", basis),
            ],
        );
    }

    /// Records a handover of an evidence item or a sample, as the receiver records it.
    pub(super) fn hand_over(&mut self, item: &str, from: &str, to: &str, place: &str, at: &str) {
        self.view = call(
            self.api,
            "record_custody",
            json!({"case_id": self.id, "item": item, "from": from, "to": to, "place": place,
                   "at": at, "condition": "seal intact"}),
        );
    }

    /// Seals goods found as an evidence item numbered `number`; the item's id.
    pub(super) fn seal_as_evidence(&mut self, goods: &str, number: &str) -> String {
        let view = call(
            self.api,
            "evidence_from_goods",
            json!({"case_id": self.id, "goods": goods}),
        );
        let item = view["case"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|i| i["section"] == "evidence")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        self.set_in(&item, "evidence_number", number);
        item
    }

    /// The flags raised now: each code with its details in English.
    pub(super) fn flags(&self) -> Vec<(String, String)> {
        self.view["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let details: Vec<String> = f["details"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(english_json)
                    .collect();
                (f["code"].as_str().unwrap().to_string(), details.join("; "))
            })
            .collect()
    }

    /// The codes the case list shows for this case.
    pub(super) fn listed_codes(&self) -> Value {
        let list = call(self.api, "list_cases", json!({"flagged_only": true}));
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == self.id.as_str())
            .map_or(json!([]), |c| c["flags"].clone())
    }
}

/// A declared line and the goods found within it, linked as the inspector links them.
fn found_within(case: &mut Recording, line: &str, fields: &[(&str, &str)]) -> String {
    let mut all = fields.to_vec();
    all.push(("goods_declared_line", line));
    case.add("goods_found", &all)
}

#[test]
fn controlled_powder_hidden_in_declared_tiles_is_commingling_only() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "THLCH");
    case.set("declared_weight", "18500 kg");
    let tiles = case.add(
        "declared_lines",
        &[
            ("line_description", "Ceramic tiles"),
            ("line_hs_code", "6907.21"),
            ("line_weight", "18000 kg"),
        ],
    );
    // Tungsten declared on a line of its own (under licence): what was hidden is not undeclared
    // as a material, it is in the wrong place.
    case.set("export_licence_number", "MOFCOM-EL-2026-0088");
    case.add(
        "declared_lines",
        &[
            ("line_description", "Tungsten powder, licensed"),
            ("line_hs_code", "8101.10"),
            ("line_weight", "500 kg"),
        ],
    );
    found_within(
        &mut case,
        &tiles,
        &[("goods_hs_code", "6907.21"), ("goods_weight", "15600 kg")],
    );
    found_within(
        &mut case,
        &tiles,
        &[
            ("goods_material", "tungsten"),
            ("goods_form", "powder"),
            ("goods_weight", "2400 kg"),
        ],
    );
    assert_eq!(
        case.flags(),
        [(
            "commingling".to_string(),
            "2400 kg of Tungsten found within declared line 1 (Ceramic tiles, 18000 kg)"
                .to_string()
        )]
    );
    assert_eq!(case.listed_codes(), json!(["commingling"]));
}

#[test]
fn more_pieces_found_than_declared_on_the_line_is_a_quantity_discrepancy() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "MXZLO");
    let panels = case.add(
        "declared_lines",
        &[
            ("line_description", "LED panels"),
            ("line_hs_code", "8541.41"),
            ("line_quantity", "1,200 pieces"),
            ("line_weight", "900 kg"),
        ],
    );
    found_within(
        &mut case,
        &panels,
        &[
            ("goods_hs_code", "8541.41"),
            ("goods_quantity", "1500 pieces"),
            ("goods_weight", "910 kg"),
        ],
    );
    assert_eq!(
        case.flags(),
        [(
            "quantity_discrepancy".to_string(),
            "1500 pieces found against 1200 declared on line 1 (LED panels)".to_string()
        )]
    );
}

#[test]
fn goods_link_only_to_a_declared_line_of_the_same_case_that_stands() {
    let (_dir, api) = setup();
    let mut other = Recording::open(&api, "NLRTM");
    let elsewhere = other.add("declared_lines", &[("line_description", "Tiles")]);
    let mut case = Recording::open(&api, "NLRTM");
    let goods = case.add("goods_found", &[]);
    let link = |target: &str| {
        crate::harness::fails(
            &api,
            "set_field",
            json!({"case_id": case.id, "item": goods, "field": "goods_declared_line", "text": target}),
        )
    };
    let err = link(&elsewhere);
    assert_eq!(err.code, quayside_api::ErrorCode::InvalidInput);
    assert_eq!(
        err.message,
        "That Declared line is not in this case or has been withdrawn: choose one from the list"
    );
    let err = link("line 1");
    assert_eq!(err.code, quayside_api::ErrorCode::InvalidInput);
    assert_eq!(
        err.message,
        "Choose the Declared line from the list: the value given is not one of its entries"
    );
}

#[test]
fn a_link_reads_as_the_declared_lines_name_in_the_timeline() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "NLRTM");
    let line = case.add("declared_lines", &[("line_description", "Tiles")]);
    found_within(&mut case, &line, &[]);
    let timeline = call(&api, "timeline", json!({"case_id": case.id}));
    let last = timeline.as_array().unwrap().last().unwrap();
    assert_eq!(
        english_json(&last["changes"][0]["to"]["message"]),
        "Declared line 1"
    );
}
