//! Acceptance scenarios: whole seizure cases recorded through the commands as an inspector records
//! them (declaration, transport, route, declared lines, goods found linked to their line,
//! concealments, samples with readings handed to a lab, parties, outcome, evidence in custody),
//! each raising exactly the flags its smuggling pattern should and no false one. The patterns are
//! described in docs/domain.md ("Acceptance scenarios").

use serde_json::json;

use super::patterns::Recording;
use crate::harness::setup;

const INSPECTOR: &str = "Ines Inspector";

/// The case's own fields, as every seizure file has them.
fn inspected(case: &mut Recording, procedure: &str) {
    case.set("legal_basis", "Customs Code art. 46 (controls)")
        .set("location_type", "seaport")
        .set("customs_procedure", procedure);
}

/// The declaration as lodged: number, bill of lading, goods, HS code, quantity, weight, value,
/// origin and lane.
struct Declaration<'a> {
    number: &'a str,
    bill: &'a str,
    description: &'a str,
    hs: &'a str,
    quantity: &'a str,
    weight: &'a str,
    value: &'a str,
    origin: &'a str,
}

fn declared(case: &mut Recording, d: &Declaration) {
    case.set("declaration_number", d.number)
        .set("transport_document", d.bill)
        .set("declared_description", d.description)
        .set("declared_hs_code", d.hs)
        .set("declared_quantity", d.quantity)
        .set("declared_weight", d.weight)
        .set("declared_value", d.value)
        .set("declared_origin", d.origin)
        .set("risk_lane", "red");
}

/// By sea, in one container.
fn shipped(case: &mut Recording, vessel: &str, imo: &str, container: &str) {
    case.set("transport_mode", "sea")
        .set("vessel_name", vessel)
        .set("imo_number", imo)
        .set("voyage", "026W")
        .set("container_number", container)
        .set("size_type", "22G1");
}

/// A sample sealed in its bag, its handheld readings (element, mass %), and its handovers: from
/// the inspector to the lab's courier, then to the customs laboratory. Its id.
fn sampled(
    case: &mut Recording,
    seal: &str,
    method: &str,
    result: &str,
    read: &[(&str, &str)],
) -> String {
    let sample = case.add(
        "samples",
        &[
            ("sample_seal", seal),
            ("sample_method", method),
            ("sample_taken_at", "2026-11-27 10:40"),
            ("sample_result", result),
        ],
    );
    for (n, (element, percent)) in read.iter().enumerate() {
        case.add(
            "readings",
            &[
                ("reading_sample", &sample),
                ("reading_instrument_make", "Olympus"),
                ("reading_instrument_model", "Vanta VMR"),
                ("reading_instrument_serial", "VNT-804211"),
                ("reading_id", &(n + 1).to_string()),
                ("reading_taken_at", "2026-11-27 10:45"),
                ("reading_element", element),
                ("reading_mass_percent", percent),
            ],
        );
    }
    case.hand_over(
        &sample,
        INSPECTOR,
        "Lab courier",
        "Quay 4",
        "2026-11-27 11:30",
    );
    case.hand_over(
        &sample,
        "Lab courier",
        "Customs laboratory",
        "Laboratory intake",
        "2026-11-27 15:10",
    );
    sample
}

fn concealed(case: &mut Recording, method: &str, how: &str, location: &str) {
    case.add(
        "concealments",
        &[
            ("concealment_method", method),
            ("concealment_description", how),
            ("concealment_location", location),
        ],
    );
}

fn party(case: &mut Recording, role: &str, name: &str, country: &str) {
    case.add(
        "parties",
        &[
            ("party_role", role),
            ("party_kind", "company"),
            ("party_name", name),
            ("party_country", country),
        ],
    );
}

/// Seized: the goods sealed as evidence and taken to the evidence store.
fn seized(case: &mut Recording, goods: &str, number: &str) {
    case.set("detection_methods", "D1 D5 D6 D7")
        .set("outcome_code", "O4")
        .set("shareable", "yes");
    let bag = case.seal_as_evidence(goods, number);
    case.hand_over(
        &bag,
        INSPECTOR,
        "Evidence store",
        "Evidence store",
        "2026-11-27 17:00",
    );
}

/// Exactly these flags, each code with its details in English, in the order the case raises
/// them; and the same codes on the case list.
fn expect(case: &Recording, flags: &[(&str, &str)]) {
    let expected: Vec<(String, String)> = flags
        .iter()
        .map(|(code, details)| (code.to_string(), details.to_string()))
        .collect();
    assert_eq!(case.flags(), expected);
    // The case list reads the same flags from the projection.
    let codes: Vec<&str> = flags.iter().map(|(code, _)| *code).collect();
    assert_eq!(case.listed_codes(), json!(codes));
}

#[test]
fn solder_paste_hiding_gallium_is_undeclared_commingled_and_read_by_the_analyser() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "NLRTM");
    inspected(&mut case, "import");
    declared(
        &mut case,
        &Declaration {
            number: "26NL0041187IMP3",
            bill: "COSU6312457890",
            description: "Solder paste Sn63/Pb37 in 500 g jars",
            hs: "3810.10",
            quantity: "2000 jars",
            weight: "1000 kg",
            value: "18400 USD",
            origin: "CN",
        },
    );
    shipped(
        &mut case,
        "COSCO Shipping Aries",
        "IMO 9783459",
        "COSU4123452",
    );
    case.leg("CNSHA", "origin", "declared");
    case.leg("NLRTM", "destination", "declared");
    let paste = case.add(
        "declared_lines",
        &[
            ("line_description", "Solder paste Sn63/Pb37 in 500 g jars"),
            ("line_hs_code", "3810.10"),
            ("line_quantity", "2000 jars"),
            ("line_weight", "1000 kg"),
        ],
    );
    case.add(
        "goods_found",
        &[
            (
                "goods_description",
                "Solder paste in 500 g jars, all 2000 jars present",
            ),
            ("goods_declared_line", &paste),
            ("goods_hs_code", "3810.10"),
            ("goods_material", "none"),
            ("goods_quantity", "2000 jars"),
            ("goods_weight", "700 kg"),
            ("goods_identified_by", "visual"),
        ],
    );
    let ingots = case.add(
        "goods_found",
        &[
            (
                "goods_description",
                "Grey metal ingots under a layer of paste in 600 of the jars",
            ),
            ("goods_declared_line", &paste),
            ("goods_hs_code", "8112.92"),
            ("goods_material", "gallium_germanium"),
            ("goods_form", "ingot"),
            ("goods_quantity", "600 ingots"),
            ("goods_weight", "300 kg"),
            ("goods_identified_by", "analyser"),
            (
                "goods_discrepancy",
                "Not declared: gallium and germanium under the paste",
            ),
        ],
    );
    sampled(
        &mut case,
        "SB-26-0417",
        "xrf",
        "Gallium and germanium, tin from the paste; sent for ICP-MS",
        &[("Ga", "38.2"), ("Ge", "11.6"), ("Sn", "31.0")],
    );
    concealed(
        &mut case,
        "C3",
        "Ingots pressed under a 2 cm layer of paste in the jars",
        "Pallets 7 to 12, rear of the container",
    );
    party(
        &mut case,
        "shipper",
        "Shenzhen Huaxin Solder Materials Co., Ltd.",
        "CN",
    );
    party(
        &mut case,
        "consignee",
        "Rotterdam Soldering Supplies B.V.",
        "NL",
    );
    seized(&mut case, &ingots, "EV-26-0093");

    // The jars' count and the paste's weight say nothing: the ingots are their own fact, and
    // tin read in solder paste is what solder paste is.
    expect(
        &case,
        &[
            (
                "controlled_undeclared",
                "Controlled material found (Gallium, germanium) but nothing declared is on the \
                 watchlist",
            ),
            (
                "commingling",
                "300 kg of Gallium, germanium found within declared line 1 (Solder paste \
                 Sn63/Pb37 in 500 g jars, 1000 kg)",
            ),
            (
                "analyser_controlled",
                "The analyser read 38.2 % Ga in sample 1; the declaration (3810.10 solder paste) \
                 contains no Gallium; The analyser read 11.6 % Ge in sample 1; the declaration \
                 (3810.10 solder paste) contains no Germanium",
            ),
        ],
    );
}

#[test]
fn rare_earth_powder_within_the_declared_weight_of_ceramic_tiles_is_commingling_not_weight() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "THLCH");
    inspected(&mut case, "import");
    declared(
        &mut case,
        &Declaration {
            number: "A0071-26-118842",
            bill: "OOLU2631405770",
            description: "Glazed porcelain floor tiles 60 x 60 cm",
            hs: "6907.21",
            quantity: "1100 cartons",
            weight: "20000 kg",
            value: "9900 USD",
            origin: "CN",
        },
    );
    shipped(&mut case, "OOCL Nagoya", "IMO 9321483", "OOLU6007313");
    case.leg("CNXMN", "origin", "declared");
    case.leg("THLCH", "destination", "declared");
    let tiles = case.add(
        "declared_lines",
        &[
            (
                "line_description",
                "Glazed porcelain floor tiles 60 x 60 cm",
            ),
            ("line_hs_code", "6907.21"),
            ("line_quantity", "1100 cartons"),
            ("line_weight", "20000 kg"),
        ],
    );
    case.add(
        "goods_found",
        &[
            ("goods_description", "Porcelain floor tiles 60 x 60 cm"),
            ("goods_declared_line", &tiles),
            ("goods_hs_code", "6907.21"),
            ("goods_quantity", "1100 cartons"),
            ("goods_weight", "17600 kg"),
            ("goods_identified_by", "visual"),
        ],
    );
    // 17,600 kg of tiles and 2,400 kg of powder: the declared 20,000 kg, to the kilogram.
    let powder = case.add(
        "goods_found",
        &[
            (
                "goods_description",
                "Bags of grey powder labelled Nd2O3 between the tile layers",
            ),
            ("goods_declared_line", &tiles),
            ("goods_material", "rare_earth"),
            ("goods_form", "oxide"),
            ("goods_quantity", "96 bags"),
            ("goods_weight", "2400 kg"),
            ("goods_identified_by", "documents"),
        ],
    );
    sampled(
        &mut case,
        "SB-TH-2611",
        "icp_ms",
        "Sent to the customs laboratory; result pending",
        &[],
    );
    concealed(
        &mut case,
        "C2",
        "Flat bags of powder laid between the tiles in the cartons",
        "Every carton, middle layers",
    );
    party(
        &mut case,
        "shipper",
        "Xiamen Jinhua Ceramics Trading Co., Ltd.",
        "CN",
    );
    party(
        &mut case,
        "consignee",
        "Siam Tile Distribution Co., Ltd.",
        "TH",
    );
    seized(&mut case, &powder, "EV-TH-0342");

    expect(
        &case,
        &[
            (
                "controlled_undeclared",
                "Controlled material found (Rare-earth metals and compounds) but nothing declared \
                 is on the watchlist",
            ),
            (
                "commingling",
                "2400 kg of Rare-earth metals and compounds found within declared line 1 (Glazed \
                 porcelain floor tiles 60 x 60 cm, 20000 kg)",
            ),
        ],
    );
}

#[test]
fn antimony_cast_inside_plastic_mannequins_is_undeclared_and_commingled() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "MXZLO");
    inspected(&mut case, "import");
    declared(
        &mut case,
        &Declaration {
            number: "26-47-3921-6000412",
            bill: "MSKU2640118532",
            description: "Plastic full-body display mannequins",
            hs: "9618.00",
            quantity: "400 pcs",
            weight: "6000 kg",
            value: "14000 USD",
            origin: "CN",
        },
    );
    shipped(&mut case, "Maersk Cabo Verde", "IMO 9601120", "MSKU7341257");
    case.leg("CNNGB", "origin", "declared");
    case.leg("MXZLO", "destination", "declared");
    let mannequins = case.add(
        "declared_lines",
        &[
            ("line_description", "Plastic full-body display mannequins"),
            ("line_hs_code", "9618.00"),
            ("line_quantity", "400 pcs"),
            ("line_weight", "6000 kg"),
        ],
    );
    case.add(
        "goods_found",
        &[
            (
                "goods_description",
                "Plastic display mannequins, 320 of them heavier than the rest",
            ),
            ("goods_declared_line", &mannequins),
            ("goods_hs_code", "9618.00"),
            ("goods_quantity", "400 pcs"),
            ("goods_weight", "4200 kg"),
            ("goods_identified_by", "visual"),
        ],
    );
    let ingots = case.add(
        "goods_found",
        &[
            (
                "goods_description",
                "Antimony ingots cast in resin inside the torsos",
            ),
            ("goods_declared_line", &mannequins),
            ("goods_hs_code", "8110.10"),
            ("goods_material", "antimony"),
            ("goods_form", "ingot"),
            ("goods_quantity", "1600 ingots"),
            ("goods_weight", "1800 kg"),
            ("goods_identified_by", "analyser"),
        ],
    );
    // Antimony oxide is a flame retardant in plastics: the mannequins' own make-up is not known
    // well enough to say the reading is foreign to them, so the analyser flag stays silent and
    // the ingots are flagged as what they are.
    sampled(
        &mut case,
        "SB-MX-0112",
        "xrf",
        "Antimony metal; sent for confirmation",
        &[("Sb", "99.2")],
    );
    concealed(
        &mut case,
        "C3",
        "Five ingots per mannequin, cast in resin inside the hollow torso",
        "320 of the 400 mannequins",
    );
    party(&mut case, "shipper", "Ningbo Display Props Co., Ltd.", "CN");
    party(
        &mut case,
        "consignee",
        "Exhibidores del Pacífico S.A. de C.V.",
        "MX",
    );
    seized(&mut case, &ingots, "EV-MX-2209");

    expect(
        &case,
        &[
            (
                "controlled_undeclared",
                "Controlled material found (Antimony) but nothing declared is on the watchlist",
            ),
            (
                "commingling",
                "1800 kg of Antimony found within declared line 1 (Plastic full-body display \
                 mannequins, 6000 kg)",
            ),
        ],
    );
}

#[test]
fn germanium_ingots_in_bottles_of_declared_water_are_undeclared_commingled_and_read() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "MYPKG");
    inspected(&mut case, "transit");
    declared(
        &mut case,
        &Declaration {
            number: "K1-2026-0553812",
            bill: "CMDU5531200841",
            description: "Natural mineral water in 1.5 l PET bottles, 12 per carton",
            hs: "2201.10",
            quantity: "1200 cartons",
            weight: "21600 kg",
            value: "6200 USD",
            origin: "CN",
        },
    );
    shipped(&mut case, "CMA CGM Tage", "IMO 9558737", "CMAU5120045");
    case.leg("CNYTN", "origin", "declared");
    case.leg("MYPKG", "transshipment", "declared");
    case.leg("IDJKT", "destination", "declared");
    let water = case.add(
        "declared_lines",
        &[
            (
                "line_description",
                "Natural mineral water in 1.5 l PET bottles",
            ),
            ("line_hs_code", "2201.10"),
            ("line_quantity", "1200 cartons"),
            ("line_weight", "21600 kg"),
        ],
    );
    case.add(
        "goods_found",
        &[
            (
                "goods_description",
                "Mineral water in 1.5 l bottles; 50 cartons hold opaque bottles",
            ),
            ("goods_declared_line", &water),
            ("goods_hs_code", "2201.10"),
            ("goods_quantity", "1200 cartons"),
            ("goods_weight", "20700 kg"),
            ("goods_identified_by", "visual"),
        ],
    );
    let ingots = case.add(
        "goods_found",
        &[
            (
                "goods_description",
                "Germanium ingots inside opaque bottles, topped up with water",
            ),
            ("goods_declared_line", &water),
            ("goods_hs_code", "8112.92"),
            ("goods_material", "gallium_germanium"),
            ("goods_form", "ingot"),
            ("goods_quantity", "600 ingots"),
            ("goods_weight", "1350 kg"),
            ("goods_identified_by", "analyser"),
        ],
    );
    sampled(
        &mut case,
        "SB-MY-0058",
        "xrf",
        "Germanium metal",
        &[("Ge", "99.1")],
    );
    concealed(
        &mut case,
        "C3",
        "Ingots in bottles painted opaque, topped up with water",
        "50 cartons at the doors",
    );
    party(
        &mut case,
        "shipper",
        "Shenzhen Clearspring Beverages Co., Ltd.",
        "CN",
    );
    party(&mut case, "consignee", "PT Tirta Niaga Jaya", "ID");
    seized(&mut case, &ingots, "EV-MY-0771");

    expect(
        &case,
        &[
            (
                "controlled_undeclared",
                "Controlled material found (Gallium, germanium) but nothing declared is on the \
                 watchlist",
            ),
            (
                "commingling",
                "1350 kg of Gallium, germanium found within declared line 1 (Natural mineral \
                 water in 1.5 l PET bottles, 21600 kg)",
            ),
            (
                "analyser_controlled",
                "The analyser read 99.1 % Ge in sample 1; the declaration (2201.10 waters, \
                 including mineral and aerated waters) contains no Germanium",
            ),
        ],
    );
}

#[test]
fn an_origin_relabelled_through_laem_chabang_raises_that_flag_only() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "THLCH");
    inspected(&mut case, "export");
    declared(
        &mut case,
        &Declaration {
            number: "A0090-26-551204",
            bill: "EGLV0803312456",
            description: "Unwrought aluminium alloy ingots, Thai origin",
            hs: "7601.20",
            quantity: "24 bundles",
            weight: "24000 kg",
            value: "61000 USD",
            origin: "TH",
        },
    );
    shipped(&mut case, "Ever Lucid", "IMO 9876517", "EGHU9301184");
    // The declaration: loaded at Laem Chabang for Los Angeles. The inspection: cast in China,
    // landed at Laem Chabang from Shanghai and relabelled there.
    case.leg("THLCH", "loading", "declared");
    case.leg("USLAX", "destination", "declared");
    case.leg("CNSHA", "origin", "established");
    case.leg("THLCH", "transshipment", "established");
    let ingots = case.add(
        "declared_lines",
        &[
            ("line_description", "Unwrought aluminium alloy ingots"),
            ("line_hs_code", "7601.20"),
            ("line_quantity", "24 bundles"),
            ("line_weight", "24000 kg"),
        ],
    );
    case.add(
        "goods_found",
        &[
            (
                "goods_description",
                "Aluminium alloy ingots cast-marked in Chinese under new labels",
            ),
            ("goods_declared_line", &ingots),
            ("goods_hs_code", "7601.20"),
            ("goods_material", "none"),
            ("goods_quantity", "24 bundles"),
            ("goods_weight", "23900 kg"),
            ("goods_identified_by", "documents"),
            (
                "goods_discrepancy",
                "Origin: cast marks and mill certificate of a Shanghai smelter",
            ),
        ],
    );
    // Aluminium with its silicon, as the declaration says: the analyser has nothing to add.
    sampled(
        &mut case,
        "SB-TH-2648",
        "xrf",
        "Al-Si alloy, as declared",
        &[("Al", "92.4"), ("Si", "7.1")],
    );
    concealed(
        &mut case,
        "C5",
        "Thai certificate of origin and labels over Chinese cast marks",
        "Every bundle",
    );
    party(
        &mut case,
        "shipper",
        "Chonburi Metal Export Co., Ltd.",
        "TH",
    );
    party(&mut case, "consignee", "Pacific Alloy Imports LLC", "US");
    case.set("detection_methods", "D2 D4 D6")
        .set("outcome_code", "O3")
        .set("shareable", "yes");

    expect(
        &case,
        &[(
            "origin_relabelled",
            "Declared origin TH; route establishes CN (CNSHA)",
        )],
    );
}

#[test]
fn a_transshipment_through_manzanillo_nobody_declared_raises_that_flag_only() {
    let (_dir, api) = setup();
    let mut case = Recording::open(&api, "USLAX");
    inspected(&mut case, "import");
    declared(
        &mut case,
        &Declaration {
            number: "LAX-26-7710428",
            bill: "TGHU2611049377",
            description: "Tin bars, 99.9 % Sn",
            hs: "8003.00",
            quantity: "800 bars",
            weight: "20000 kg",
            value: "590000 USD",
            origin: "CN",
        },
    );
    shipped(&mut case, "Triton Trader", "IMO 9412086", "TGHU8842105");
    case.leg("CNSHA", "origin", "declared");
    case.leg("USLAX", "destination", "declared");
    // The container's terminal records: discharged and reloaded at Manzanillo under a new bill.
    case.leg("MXZLO", "transshipment", "established");
    let bars = case.add(
        "declared_lines",
        &[
            ("line_description", "Tin bars, 99.9 % Sn"),
            ("line_hs_code", "8003.00"),
            ("line_quantity", "800 bars"),
            ("line_weight", "20000 kg"),
        ],
    );
    case.add(
        "goods_found",
        &[
            ("goods_description", "Tin bars of 25 kg"),
            ("goods_declared_line", &bars),
            ("goods_hs_code", "8003.00"),
            ("goods_material", "none"),
            ("goods_quantity", "800 bars"),
            ("goods_weight", "20050 kg"),
            ("goods_identified_by", "analyser"),
        ],
    );
    // Tin, and antimony below the threshold: tin as declared.
    sampled(
        &mut case,
        "SB-US-3310",
        "xrf",
        "Tin, as declared",
        &[("Sn", "99.7"), ("Sb", "0.2")],
    );
    concealed(
        &mut case,
        "C5",
        "Reloaded at Manzanillo under a bill of lading naming Mexico as the port of loading",
        "Transport documents",
    );
    party(&mut case, "shipper", "Yunnan Tin Trading Co., Ltd.", "CN");
    party(&mut case, "consignee", "Western Solder Metals Inc.", "US");
    case.set("detection_methods", "D1 D4")
        .set("outcome_code", "O3")
        .set("shareable", "yes");

    expect(
        &case,
        &[(
            "undeclared_transshipment",
            "Goods were transshipped at MXZLO (MX): a country that is neither the declared \
             origin nor the destination, and no declared leg of the route passes through it",
        )],
    );
}
