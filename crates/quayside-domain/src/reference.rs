//! Reference data shipped with the app: code lists and the controlled-materials watchlist.
//! Kept as data here so an admin-editable copy can replace it later without touching the fold.

use serde::Serialize;
use ts_rs::TS;

use crate::labels::english;

/// One entry of a code list: the code stored in events, its key in the label catalogue
/// (`<list>.<code>`) and a hint shown beside it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CodeEntry {
    pub code: &'static str,
    pub key: &'static str,
    /// The key of a hint shown beside the entry (`hint.<list>.<code>`), where it has one.
    pub hint_key: Option<&'static str>,
}

impl CodeEntry {
    /// English, for matching typed text and for error messages; shown text goes by `key`.
    pub fn label(&self) -> String {
        english(self.key).unwrap_or_else(|| self.code.to_string())
    }
}

/// A code list: `codes!("list": "code", "code" => hint, ...)`, each entry keyed `list.code`; an
/// entry marked `=> hint` has a hint keyed `hint.list.code`.
macro_rules! codes {
    ($list:literal: $( $code:literal $(=> $hint:ident)? ),* $(,)?) => {
        &[ $( CodeEntry {
            code: $code,
            key: concat!($list, ".", $code),
            hint_key: hint_key!($list, $code $(, $hint)?),
        } ),* ]
    };
}

macro_rules! hint_key {
    ($list:literal, $code:literal) => {
        None
    };
    ($list:literal, $code:literal, hint) => {
        Some(concat!("hint.", $list, ".", $code))
    };
}

pub const CONCEALMENT: &[CodeEntry] = codes!("concealment":
    "C1" => hint,
    "C2" => hint,
    "C3" => hint,
    "C4" => hint,
    "C5" => hint,
    "C6" => hint,
);

pub const DETECTION: &[CodeEntry] = codes!("detection":
    "D1",
    "D2",
    "D3",
    "D4",
    "D5",
    "D6",
    "D7" => hint,
    "D8",
    "D9",
    "D10",
);

pub const OUTCOMES: &[CodeEntry] = codes!("outcome":
    "O1",
    "O2",
    "O3",
    "O4",
    "O5",
    "O6",
    "O7",
    "O8",
    "O9",
    "O10",
);

pub const MATERIALS: &[CodeEntry] = codes!("material":
    "rare_earth" => hint,
    "gallium_germanium" => hint,
    "antimony" => hint,
    "tungsten" => hint,
    "tellurium" => hint,
    "bismuth" => hint,
    "molybdenum" => hint,
    "indium" => hint,
    "none",
);

pub const FORMS: &[CodeEntry] = codes!("form":
    "ingot",
    "powder",
    "oxide",
    "alloy",
    "blend",
    "ore",
    "scrap",
    "wire",
    "other",
);

pub const TRANSPORT_MODES: &[CodeEntry] = codes!("transport_mode":
    "sea",
    "air",
    "road",
    "rail",
    "postal",
);

pub const ROUTE_ROLES: &[CodeEntry] = codes!("route_role":
    "origin",
    "loading",
    "transshipment",
    "transit",
    "discharge",
    "destination",
);

pub const ROUTE_BASIS: &[CodeEntry] = codes!("route_basis":
    "declared",
    "established" => hint,
);

/// What carries the goods: one entry of a case's transport units, whose number is checked by its
/// kind (`docs/domain.md`, "Transport units").
pub const UNIT_KINDS: &[CodeEntry] = codes!("unit_kind":
    "container",
    "trailer",
    "uld" => hint,
    "postal" => hint,
);

pub const SEAL_STATES: &[CodeEntry] = codes!("seal_state":
    "intact",
    "broken",
);

pub const SAMPLE_METHODS: &[CodeEntry] = codes!("sample_method":
    "xrf",
    "libs",
    "density",
    "icp_ms",
    "other",
);

pub const PARTY_ROLES: &[CodeEntry] = codes!("party_role":
    "shipper",
    "consignee",
    "declarant",
    "carrier",
    "driver",
    "other",
);

pub const PARTY_KINDS: &[CodeEntry] = codes!("party_kind":
    "company",
    "person",
);

pub const RISK_LANES: &[CodeEntry] = codes!("risk_lane":
    "red" => hint,
    "yellow" => hint,
    "green" => hint,
    "blue" => hint,
);

pub const IDENTIFIED_BY: &[CodeEntry] = codes!("identified_by":
    "visual",
    "analyser",
    "lab",
    "documents",
);

pub const YES_NO: &[CodeEntry] = codes!("yes_no":
    "yes",
    "no",
);

/// The customs procedure the goods were declared under (as the WCO's Customs Enforcement Network
/// records it).
pub const CUSTOMS_PROCEDURES: &[CodeEntry] = codes!("customs_procedure":
    "export",
    "import",
    "transit",
);

/// Where the goods were inspected.
pub const LOCATION_TYPES: &[CodeEntry] = codes!("location_type":
    "seaport",
    "airport",
    "land_border",
    "postal_centre",
);

/// A party's gender, for a natural person: what partner agencies count offenders by.
pub const GENDERS: &[CodeEntry] = codes!("gender":
    "female",
    "male",
    "unknown",
);

/// Elements a handheld analyser reports, by symbol: the controlled ones (gallium, germanium,
/// antimony, tungsten, scandium, yttrium and the lanthanides) and the metals they are found with
/// or passed off as. Each is keyed `element.<symbol>` and named in every language.
pub const ELEMENTS: &[CodeEntry] = codes!("element":
    "Ga", "Ge", "Sb", "W", "Sc", "Y",
    "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
    "Sn", "Pb", "Cu", "Zn", "Fe", "Ni", "Co", "Ag", "Bi", "In", "Si", "Al",
);

/// The elements whose export is controlled: an analyser reading of one of them above
/// [`ANALYSER_THRESHOLD_PERCENT`] in goods declared as something without it is flagged.
pub const CONTROLLED_ELEMENTS: &[&str] = &[
    "Ga", "Ge", "Sb", "W", "Sc", "Y", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy",
    "Ho", "Er", "Tm", "Yb", "Lu",
];

/// A controlled element read at or below this mass share is not flagged: handheld XRF reads
/// traces and impurities at a few tenths of a percent, and alloys carry them (`docs/domain.md`).
pub const ANALYSER_THRESHOLD_PERCENT: f64 = 1.0;

/// Declared goods whose composition is known well enough to say which elements they contain:
/// an HS heading or subheading, the key of what it covers (`composition.<hs prefix>`) and the
/// element symbols it plausibly contains. Sources are named in `docs/domain.md`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Composition {
    pub hs_prefix: &'static str,
    pub key: &'static str,
    pub elements: &'static [&'static str],
}

const fn composition(
    hs_prefix: &'static str,
    key: &'static str,
    elements: &'static [&'static str],
) -> Composition {
    Composition {
        hs_prefix,
        key,
        elements,
    }
}

/// Declared goods and what they are made of. The most specific prefix is listed first.
pub const COMPOSITIONS: &[Composition] = &[
    // Solder paste and fluxes: tin-lead or tin-silver-copper, with bismuth or indium in low-melt
    // grades.
    composition(
        "381010",
        "composition.381010",
        &["Sn", "Pb", "Ag", "Cu", "Bi", "In", "Sb", "Zn"],
    ),
    // Tin and its articles.
    composition(
        "8001",
        "composition.8001",
        &["Sn", "Pb", "Cu", "Sb", "Ag", "Bi"],
    ),
    composition(
        "8003",
        "composition.8003",
        &["Sn", "Pb", "Ag", "Cu", "Bi", "Sb"],
    ),
    composition("8007", "composition.8007", &["Sn", "Pb", "Cu", "Sb"]),
    // Refined copper and copper alloys (brass, bronze).
    composition(
        "7403",
        "composition.7403",
        &["Cu", "Zn", "Sn", "Pb", "Ni", "Al", "Fe", "Si"],
    ),
    // Zinc, unwrought.
    composition("7901", "composition.7901", &["Zn", "Al", "Cu", "Pb", "Fe"]),
    // Aluminium, unwrought.
    composition(
        "7601",
        "composition.7601",
        &["Al", "Si", "Fe", "Cu", "Zn", "Ni"],
    ),
    // Nickel, unwrought.
    composition("7502", "composition.7502", &["Ni", "Co", "Fe", "Cu"]),
    // Ferro-silicon and other ferro-alloys without controlled elements.
    composition("720221", "composition.720221", &["Fe", "Si", "Al"]),
    composition("720229", "composition.720229", &["Fe", "Si", "Al"]),
    // Ceramic tiles: silicates of aluminium, with iron in the body.
    composition("6907", "composition.6907", &["Si", "Al", "Fe", "Zn", "Pb"]),
    // Copper ores and concentrates.
    composition(
        "2603",
        "composition.2603",
        &["Cu", "Fe", "Zn", "Pb", "Ag", "Co", "Ni"],
    ),
    // Waters, mineral and aerated: dissolved salts (calcium, magnesium, sodium) make well under
    // 1 % of their mass, so no element an analyser reads above the threshold is theirs. A bottle
    // of "water" that reads as a metal holds something else.
    composition("2201", "composition.2201", &[]),
];

/// What the declared HS code (its digits) is made of, if the table says.
pub fn composition_of(hs_digits: &str) -> Option<&'static Composition> {
    COMPOSITIONS
        .iter()
        .find(|c| hs_digits.starts_with(c.hs_prefix))
}

/// Every code list under its key prefix: what the label catalogue is checked against.
pub const CODE_LISTS: &[(&str, &[CodeEntry])] = &[
    ("concealment", CONCEALMENT),
    ("detection", DETECTION),
    ("outcome", OUTCOMES),
    ("material", MATERIALS),
    ("form", FORMS),
    ("transport_mode", TRANSPORT_MODES),
    ("route_role", ROUTE_ROLES),
    ("route_basis", ROUTE_BASIS),
    ("unit_kind", UNIT_KINDS),
    ("seal_state", SEAL_STATES),
    ("sample_method", SAMPLE_METHODS),
    ("party_role", PARTY_ROLES),
    ("party_kind", PARTY_KINDS),
    ("risk_lane", RISK_LANES),
    ("identified_by", IDENTIFIED_BY),
    ("yes_no", YES_NO),
    ("customs_procedure", CUSTOMS_PROCEDURES),
    ("location_type", LOCATION_TYPES),
    ("gender", GENDERS),
    ("element", ELEMENTS),
];

/// A watchlist entry: an HS prefix (heading or subheading digits), the material it controls and
/// the label key of what it covers (`watch.<hs prefix>`), worded where it is shown.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WatchEntry {
    pub hs_prefix: &'static str,
    pub material: &'static str,
    pub key: &'static str,
}

const fn watch(hs_prefix: &'static str, material: &'static str, key: &'static str) -> WatchEntry {
    WatchEntry {
        hs_prefix,
        material,
        key,
    }
}

/// Controlled materials by HS 2022 subheading (see `docs/domain.md`). 8112.92 is shared with indium, niobium and
/// vanadium: it is listed because gallium and germanium hide under it, so it flags more than it should.
pub const WATCHLIST: &[WatchEntry] = &[
    watch("280530", "rare_earth", "watch.280530"),
    watch("284610", "rare_earth", "watch.284610"),
    watch("284690", "rare_earth", "watch.284690"),
    watch("811292", "gallium_germanium", "watch.811292"),
    watch("811299", "gallium_germanium", "watch.811299"),
    watch("282560", "gallium_germanium", "watch.282560"),
    watch("811010", "antimony", "watch.811010"),
    watch("811020", "antimony", "watch.811020"),
    watch("811090", "antimony", "watch.811090"),
    watch("282580", "antimony", "watch.282580"),
    watch("261710", "antimony", "watch.261710"),
    watch("810110", "tungsten", "watch.810110"),
    watch("810194", "tungsten", "watch.810194"),
    watch("810196", "tungsten", "watch.810196"),
    watch("810197", "tungsten", "watch.810197"),
    watch("810199", "tungsten", "watch.810199"),
    watch("261100", "tungsten", "watch.261100"),
    watch("284180", "tungsten", "watch.284180"),
    // Tariff lines of China's export-control announcements (MOFCOM/GAC 2023 No. 23, 2024 No. 33,
    // 2025 No. 10, 2025 No. 18) whose subheadings hold far more than the controlled goods: watched
    // at 10 digits, so they match China's export code and nothing else of the subheading.
    watch("2825901200", "tungsten", "watch.2825901200"),
    watch("2825901910", "tungsten", "watch.2825901910"),
    watch("2825901920", "tungsten", "watch.2825901920"),
    watch("2849902000", "tungsten", "watch.2849902000"),
    watch("3824999922", "rare_earth", "watch.3824999922"),
    watch("8486909110", "rare_earth", "watch.8486909110"),
    watch("2825909001", "gallium_germanium", "watch.2825909001"),
    watch("2850001901", "gallium_germanium", "watch.2850001901"),
    watch("2853904030", "gallium_germanium", "watch.2853904030"),
    watch("2853909026", "gallium_germanium", "watch.2853909026"),
    watch("2853909029", "gallium_germanium", "watch.2853909029"),
    watch("2842909024", "gallium_germanium", "watch.2842909024"),
    watch("2931900032", "antimony", "watch.2931900032"),
    watch("2850009020", "antimony", "watch.2850009020"),
];

/// The watchlist entry an HS code falls under, if any.
pub fn watched(hs_digits: &str) -> Option<&'static WatchEntry> {
    WATCHLIST
        .iter()
        .find(|w| hs_digits.starts_with(w.hs_prefix))
}

/// Found weight may differ from the declared weight by this share before it is flagged.
pub const WEIGHT_TOLERANCE: f64 = 0.05;

/// A value assessed at the inspection may differ from the declared value by this share before it
/// is flagged: an assessment is an estimate (a price list, an invoice found), looser than a scale.
pub const VALUE_TOLERANCE: f64 = 0.10;

/// How far in the future a typed date may lie: typed dates carry no time zone.
pub const FUTURE_TOLERANCE_HOURS: i64 = 24;

/// The label key of a controlled material (`material.<code>`), if the list has it.
pub fn material_key(material: &str) -> Option<&'static str> {
    MATERIALS.iter().find(|e| e.code == material).map(|e| e.key)
}

/// The English label of `code` in `list`, if the list has it.
pub fn label_of(list: &[CodeEntry], code: &str) -> Option<String> {
    list.iter().find(|e| e.code == code).map(CodeEntry::label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_watchlist_entry_is_named_by_its_prefix_and_worded_in_every_language() {
        for w in WATCHLIST {
            assert_eq!(w.key, format!("watch.{}", w.hs_prefix));
            for locale in quayside_i18n::Locale::TRANSLATED {
                let text = quayside_i18n::Catalogue::get(locale).text(w.key);
                assert!(text.is_some_and(|t| !t.is_empty()), "{locale:?}: {}", w.key);
            }
        }
        let chinese = quayside_i18n::Catalogue::get(quayside_i18n::Locale::ZhCn);
        assert_eq!(chinese.text("watch.261100").as_deref(), Some("钨矿砂"));
    }

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
    fn announced_tariff_lines_match_only_at_their_ten_digits() {
        assert_eq!(watched("2825901200").unwrap().material, "tungsten");
        assert_eq!(watched("2849902000").unwrap().material, "tungsten");
        assert_eq!(watched("8486909110").unwrap().material, "rare_earth");
        assert_eq!(watched("2853909026").unwrap().material, "gallium_germanium");
        assert_eq!(watched("2850009020").unwrap().material, "antimony");
        // The rest of those subheadings is not controlled: other oxides, other semiconductor
        // equipment parts, other chemical preparations.
        for other in [
            "282590",
            "2825901100",
            "848690",
            "8486909900",
            "382499",
            "3824999999",
        ] {
            assert!(watched(other).is_none(), "{other}");
        }
    }

    #[test]
    fn every_watched_material_is_in_the_material_list() {
        for w in WATCHLIST {
            assert!(material_key(w.material).is_some(), "{}", w.material);
        }
    }

    #[test]
    fn codes_are_unique_within_each_list() {
        for (_, list) in CODE_LISTS {
            let mut codes: Vec<_> = list.iter().map(|e| e.code).collect();
            codes.sort();
            codes.dedup();
            assert_eq!(codes.len(), list.len());
        }
    }
}
