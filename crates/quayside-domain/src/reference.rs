//! Reference data shipped with the app: code lists and the controlled-materials watchlist.
//! Kept as data here so an admin-editable copy can replace it later without touching the fold.

use serde::Serialize;
use ts_rs::TS;

/// One entry of a code list: the code stored in events and the label shown to people.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CodeEntry {
    pub code: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
}

const fn entry(code: &'static str, label: &'static str, hint: &'static str) -> CodeEntry {
    CodeEntry { code, label, hint }
}

pub const CONCEALMENT: &[CodeEntry] = &[
    entry(
        "C1",
        "Misdeclaration",
        "false description, false HS code, short-declared quantity, undervaluation",
    ),
    entry(
        "C2",
        "Commingled",
        "blended into ceramic tiles, scrap, concentrate; alloyed or coated",
    ),
    entry(
        "C3",
        "Hidden inside articles or liquids",
        "plastic mannequins, bottled water, machinery, false-bottom packaging",
    ),
    entry(
        "C4",
        "Structural",
        "container or vehicle walls, floor, frame",
    ),
    entry(
        "C5",
        "Documentary",
        "relabelled or repackaged, false certificate of origin, transshipment, front company",
    ),
    entry(
        "C6",
        "Parcel splitting",
        "postal, express, courier consignments",
    ),
];

pub const DETECTION: &[CodeEntry] = &[
    entry("D1", "Risk profiling (red lane)", ""),
    entry("D2", "Intelligence or partner alert", ""),
    entry("D3", "Random selection", ""),
    entry("D4", "Document discrepancy", ""),
    entry("D5", "X-ray or gamma scan", ""),
    entry("D6", "Physical examination", ""),
    entry("D7", "Handheld analyser", "XRF, LIBS, density"),
    entry("D8", "Radiation portal", ""),
    entry("D9", "Post-clearance audit", ""),
    entry("D10", "Joint operation", ""),
];

pub const OUTCOMES: &[CodeEntry] = &[
    entry("O1", "Released, no irregularity", ""),
    entry("O2", "Released after correction or duty", ""),
    entry("O3", "Detained pending lab result or licence", ""),
    entry("O4", "Seized", ""),
    entry("O5", "Confiscated", ""),
    entry("O6", "Administrative penalty", ""),
    entry("O7", "Criminal referral", ""),
    entry("O8", "Re-exported", ""),
    entry("O9", "Destroyed", ""),
    entry("O10", "Controlled delivery", ""),
];

pub const MATERIALS: &[CodeEntry] = &[
    entry(
        "rare_earth",
        "Rare-earth metals and compounds",
        "HS 2805.30, 2846.10, 2846.90",
    ),
    entry(
        "gallium_germanium",
        "Gallium, germanium",
        "HS 8112.92, 8112.99, 2825.60",
    ),
    entry(
        "antimony",
        "Antimony",
        "HS 8110.10, 8110.20, 8110.90, 2825.80, 2617.10",
    ),
    entry(
        "tungsten",
        "Tungsten",
        "HS 8101.10-8101.99, 2611.00, 2841.80",
    ),
    entry("none", "Not a controlled material", ""),
];

pub const FORMS: &[CodeEntry] = &[
    entry("ingot", "Ingot", ""),
    entry("powder", "Powder", ""),
    entry("oxide", "Oxide", ""),
    entry("alloy", "Alloy", ""),
    entry("blend", "Blend", ""),
    entry("ore", "Ore or concentrate", ""),
    entry("scrap", "Waste or scrap", ""),
    entry("wire", "Wire or wrought", ""),
    entry("other", "Other", ""),
];

pub const TRANSPORT_MODES: &[CodeEntry] = &[
    entry("sea", "Sea", ""),
    entry("air", "Air", ""),
    entry("road", "Road", ""),
    entry("rail", "Rail", ""),
    entry("postal", "Postal or courier", ""),
];

pub const ROUTE_ROLES: &[CodeEntry] = &[
    entry("origin", "Origin", ""),
    entry("loading", "Loading", ""),
    entry("transshipment", "Transshipment", ""),
    entry("transit", "Transit", ""),
    entry("discharge", "Discharge", ""),
    entry("destination", "Destination", ""),
];

pub const ROUTE_BASIS: &[CodeEntry] = &[
    entry("declared", "Declared", ""),
    entry("established", "Established", "found by the inspection"),
];

pub const SEAL_STATES: &[CodeEntry] =
    &[entry("intact", "Intact", ""), entry("broken", "Broken", "")];

pub const SAMPLE_METHODS: &[CodeEntry] = &[
    entry("xrf", "Handheld XRF", ""),
    entry("libs", "Handheld LIBS", ""),
    entry("density", "Density test", ""),
    entry("icp_ms", "Lab ICP-MS", ""),
    entry("other", "Other lab method", ""),
];

pub const PARTY_ROLES: &[CodeEntry] = &[
    entry("shipper", "Shipper", ""),
    entry("consignee", "Consignee", ""),
    entry("declarant", "Declarant", ""),
    entry("carrier", "Carrier", ""),
    entry("driver", "Driver", ""),
    entry("other", "Other", ""),
];

pub const PARTY_KINDS: &[CodeEntry] = &[
    entry("company", "Company", ""),
    entry("person", "Person", ""),
];

pub const RISK_LANES: &[CodeEntry] = &[
    entry("red", "Red", "physical inspection"),
    entry("yellow", "Yellow", "document check"),
    entry("green", "Green", "no check"),
    entry("blue", "Blue", "post-clearance audit"),
];

pub const IDENTIFIED_BY: &[CodeEntry] = &[
    entry("visual", "Visual examination", ""),
    entry("analyser", "Handheld analyser", ""),
    entry("lab", "Laboratory", ""),
    entry("documents", "Documents", ""),
];

pub const YES_NO: &[CodeEntry] = &[entry("yes", "Yes", ""), entry("no", "No", "")];

/// A watchlist entry: an HS prefix (heading or subheading digits) and the material it controls.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WatchEntry {
    pub hs_prefix: &'static str,
    pub material: &'static str,
    pub label: &'static str,
}

const fn watch(hs_prefix: &'static str, material: &'static str, label: &'static str) -> WatchEntry {
    WatchEntry {
        hs_prefix,
        material,
        label,
    }
}

/// Controlled materials by HS 2022 subheading (domain.md). 8112.92 is shared with indium, niobium and
/// vanadium: it is listed because gallium and germanium hide under it, so it flags more than it should.
pub const WATCHLIST: &[WatchEntry] = &[
    watch("280530", "rare_earth", "rare-earth metals"),
    watch("284610", "rare_earth", "cerium compounds"),
    watch("284690", "rare_earth", "other rare-earth compounds"),
    watch(
        "811292",
        "gallium_germanium",
        "gallium, germanium unwrought, powder, waste",
    ),
    watch("811299", "gallium_germanium", "gallium, germanium wrought"),
    watch("282560", "gallium_germanium", "germanium oxides"),
    watch("811010", "antimony", "antimony unwrought, powder"),
    watch("811020", "antimony", "antimony waste and scrap"),
    watch("811090", "antimony", "antimony, other"),
    watch("282580", "antimony", "antimony oxides"),
    watch("261710", "antimony", "antimony ore"),
    watch("810110", "tungsten", "tungsten powder"),
    watch("810194", "tungsten", "tungsten unwrought"),
    watch("810196", "tungsten", "tungsten wire"),
    watch("810197", "tungsten", "tungsten waste and scrap"),
    watch("810199", "tungsten", "tungsten, other"),
    watch("261100", "tungsten", "tungsten ore"),
    watch("284180", "tungsten", "tungstates"),
];

/// The watchlist entry an HS code falls under, if any.
pub fn watched(hs_digits: &str) -> Option<&'static WatchEntry> {
    WATCHLIST
        .iter()
        .find(|w| hs_digits.starts_with(w.hs_prefix))
}

/// Found weight may differ from the declared weight by this share before it is flagged.
pub const WEIGHT_TOLERANCE: f64 = 0.05;

/// How far in the future a typed date may lie: typed dates carry no time zone.
pub const FUTURE_TOLERANCE_HOURS: i64 = 24;

pub fn label_of(list: &[CodeEntry], code: &str) -> Option<&'static str> {
    list.iter().find(|e| e.code == code).map(|e| e.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watchlist_matches_subheadings_and_national_extensions() {
        assert_eq!(watched("280530").unwrap().material, "rare_earth");
        assert_eq!(watched("8101940010").unwrap().material, "tungsten");
        assert!(
            watched("854370").is_none(),
            "solder paste heading is not controlled"
        );
        assert!(
            watched("8101").is_none(),
            "a heading alone is not a watched subheading"
        );
    }

    #[test]
    fn codes_are_unique_within_each_list() {
        for list in [
            CONCEALMENT,
            DETECTION,
            OUTCOMES,
            MATERIALS,
            FORMS,
            ROUTE_ROLES,
            PARTY_ROLES,
        ] {
            let mut codes: Vec<_> = list.iter().map(|e| e.code).collect();
            codes.sort();
            codes.dedup();
            assert_eq!(codes.len(), list.len());
        }
    }
}
