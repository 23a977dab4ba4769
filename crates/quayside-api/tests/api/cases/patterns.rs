//! What smugglers do, recorded through the commands as the UI records it: each pattern raises
//! exactly the flags it should, worded to say what was compared, and no false one.

use quayside_api::Api;
use serde_json::{json, Value};

use crate::harness::{call, english_json, open_case, setup};

/// A case being recorded through the command surface.
struct Recording<'a> {
    api: &'a Api,
    id: String,
    view: Value,
}

impl<'a> Recording<'a> {
    fn open(api: &'a Api, port: &str) -> Self {
        let id = open_case(api, port);
        let view = call(api, "get_case", json!({"case_id": id}));
        Recording { api, id, view }
    }

    fn set(&mut self, field: &str, text: &str) -> &mut Self {
        self.view = call(
            self.api,
            "set_field",
            json!({"case_id": self.id, "field": field, "text": text}),
        );
        self
    }

    /// Adds an item to `section` with its fields; returns the item's id.
    fn add(&mut self, section: &str, fields: &[(&str, &str)]) -> String {
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

    fn leg(&mut self, place: &str, role: &str, basis: &str) {
        self.add(
            "route",
            &[
                ("leg_locode", place),
                ("leg_role", role),
                ("leg_basis", basis),
            ],
        );
    }

    /// The flags raised now: each code with its details in English.
    fn flags(&self) -> Vec<(String, String)> {
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

    fn codes(&self) -> Vec<String> {
        self.flags().into_iter().map(|(code, _)| code).collect()
    }

    /// The codes the case list shows for this case.
    fn listed_codes(&self) -> Value {
        let list = call(self.api, "list_cases", json!({"flagged_only": true}));
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == self.id.as_str())
            .map_or(json!([]), |c| c["flags"].clone())
    }
}

#[test]
fn an_origin_relabelled_through_laem_chabang_raises_that_flag_only() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "THLCH");
    case.set("declared_origin", "TH")
        .set("declared_description", "Gallium ingots of Thai origin");
    case.leg("CNSHA", "origin", "established");
    case.leg("THLCH", "transshipment", "declared");
    case.leg("USLAX", "destination", "declared");
    assert_eq!(
        case.flags(),
        [(
            "origin_relabelled".to_string(),
            "Declared origin TH; route establishes CN (CNSHA)".to_string()
        )]
    );
    assert_eq!(case.listed_codes(), json!(["origin_relabelled"]));
}

#[test]
fn a_transshipment_through_manzanillo_nobody_declared_raises_that_flag_only() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "MXZLO");
    case.set("declared_origin", "CN");
    case.leg("CNSHA", "origin", "declared");
    case.leg("MXZLO", "transshipment", "established");
    case.leg("USLAX", "destination", "declared");
    assert_eq!(case.codes(), ["undeclared_transshipment"]);
    let details = &case.flags()[0].1;
    assert!(
        details.starts_with("Goods were transshipped at MXZLO (MX)"),
        "{details}"
    );
    assert_eq!(case.listed_codes(), json!(["undeclared_transshipment"]));
}
