//! Every field an inspector can edit, the section it belongs to, and how its text is validated.

use chrono::NaiveDateTime;
use quayside_i18n::Message;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::Item;
use crate::identifiers::{
    parse_container_number, parse_country, parse_hs_code, parse_imo, parse_locode,
};
use crate::input::{fold_letters_and_digits, plain_value, InputConventions};
use crate::reference::{self as r, CodeEntry};
use crate::unit_numbers::parse_unit_number;
use crate::values::{
    parse_any_date, parse_birth_year, parse_datetime, parse_mass_percent, parse_money,
    parse_quantity, parse_text, parse_weight,
};
use crate::Invalid;

/// A part of the case file. List sections hold items (seals, legs, lines, ...); the others hold fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Case,
    Declaration,
    Transport,
    /// The containers, trailers, air unit load devices and postal items the goods travelled in.
    Units,
    Seals,
    Route,
    DeclaredLines,
    GoodsFound,
    /// Samples taken for analysis: each leaves sealed for a lab, with a chain of custody kept
    /// in `CaseFile.custody` as an evidence item's is.
    Samples,
    /// Analyser readings: one element's mass share in one sample, typed or imported from a
    /// handheld analyser's export.
    Readings,
    Concealments,
    Detection,
    Parties,
    Outcome,
    /// Seized goods sealed as evidence: each item's chain of custody is kept in `CaseFile.custody`.
    Evidence,
}

impl Section {
    pub const ALL: [Section; 15] = [
        Section::Case,
        Section::Declaration,
        Section::Transport,
        Section::Units,
        Section::Seals,
        Section::Route,
        Section::DeclaredLines,
        Section::GoodsFound,
        Section::Samples,
        Section::Readings,
        Section::Concealments,
        Section::Detection,
        Section::Parties,
        Section::Outcome,
        Section::Evidence,
    ];

    /// Whether the section holds a list of items rather than fields of its own.
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Section::Units
                | Section::Seals
                | Section::Route
                | Section::DeclaredLines
                | Section::GoodsFound
                | Section::Samples
                | Section::Readings
                | Section::Concealments
                | Section::Parties
                | Section::Evidence
        )
    }

    /// `section.<section>`: the section's heading in the label catalogue.
    pub fn label_key(self) -> String {
        crate::labels::key("section", &self)
    }

    /// `item.<section>`: what one item of a list section is called ("Seal", followed by its
    /// number). None for a section of fields.
    pub fn item_key(self) -> Option<String> {
        self.is_list().then(|| crate::labels::key("item", &self))
    }

    /// English, for error messages: an item's name for a list section, else the heading.
    /// Anything shown to people goes by key instead.
    pub fn label(self) -> String {
        let key = self.item_key().unwrap_or_else(|| self.label_key());
        crate::labels::english(&key).expect("every section has a label")
    }
}

/// How a field's text is checked and normalised.
#[derive(Debug, Clone, Copy)]
pub enum FieldKind {
    Text {
        max_chars: usize,
    },
    Container,
    Imo,
    Locode,
    Country,
    HsCode,
    Weight,
    Quantity,
    Money,
    DateTime,
    /// A day, past or future (a licence's expiry), with no time.
    Date,
    /// A mass share in percent, 0 to 100 with up to four decimals ("38.2"), as analysers report.
    MassPercent,
    /// A person's year of birth, four digits.
    BirthYear,
    Code(&'static [CodeEntry]),
    /// Several codes of one list, stored as a space-separated canonical list in list order.
    Codes(&'static [CodeEntry]),
    /// A transport unit's number, checked by the unit's kind (`unit_numbers.rs`).
    UnitNumber,
    /// An entry of another list section of the same case, by its id: chosen from that
    /// section's entries, never typed.
    ItemOf(Section),
}

impl FieldKind {
    /// Every kind with an input hint, for the catalogue's completeness test.
    pub const HINTED: [FieldKind; 12] = [
        FieldKind::Container,
        FieldKind::Imo,
        FieldKind::Locode,
        FieldKind::Country,
        FieldKind::HsCode,
        FieldKind::Weight,
        FieldKind::Quantity,
        FieldKind::Money,
        FieldKind::DateTime,
        FieldKind::Date,
        FieldKind::MassPercent,
        FieldKind::BirthYear,
    ];

    /// The key of what to type, shown in an empty box (`input_hint.<kind>`), where there is one.
    pub fn input_hint_key(self) -> Option<&'static str> {
        Some(match self {
            FieldKind::Container => "input_hint.container",
            FieldKind::Imo => "input_hint.imo",
            FieldKind::Locode => "input_hint.locode",
            FieldKind::Country => "input_hint.country",
            FieldKind::HsCode => "input_hint.hs_code",
            FieldKind::Weight => "input_hint.weight",
            FieldKind::Quantity => "input_hint.quantity",
            FieldKind::Money => "input_hint.money",
            FieldKind::DateTime => "input_hint.date_time",
            FieldKind::Date => "input_hint.date",
            FieldKind::MassPercent => "input_hint.mass_percent",
            FieldKind::BirthYear => "input_hint.birth_year",
            FieldKind::Text { .. }
            | FieldKind::Code(_)
            | FieldKind::Codes(_)
            | FieldKind::UnitNumber
            | FieldKind::ItemOf(_) => return None,
        })
    }
}

const SHORT: FieldKind = FieldKind::Text { max_chars: 200 };
const LONG: FieldKind = FieldKind::Text { max_chars: 4000 };

macro_rules! fields {
    ($( $variant:ident => ($section:ident, $kind:expr) ),* $(,)?) => {
        /// A field of the case file. The snake_case name is what events and the UI use.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum Field { $( $variant ),* }

        impl Field {
            pub const ALL: &'static [Field] = &[ $( Field::$variant ),* ];
            pub fn section(self) -> Section { match self { $( Field::$variant => Section::$section ),* } }
            pub fn kind(self) -> FieldKind { match self { $( Field::$variant => $kind ),* } }
        }
    };
}

fields! {
    Port => (Case, FieldKind::Locode),
    LegalBasis => (Case, SHORT),
    LocationType => (Case, FieldKind::Code(r::LOCATION_TYPES)),
    CustomsProcedure => (Case, FieldKind::Code(r::CUSTOMS_PROCEDURES)),
    CaseNotes => (Case, LONG),

    DeclarationNumber => (Declaration, SHORT),
    TransportDocument => (Declaration, SHORT),
    DeclaredDescription => (Declaration, LONG),
    DeclaredHsCode => (Declaration, FieldKind::HsCode),
    DeclaredQuantity => (Declaration, FieldKind::Quantity),
    DeclaredWeight => (Declaration, FieldKind::Weight),
    DeclaredValue => (Declaration, FieldKind::Money),
    DeclaredOrigin => (Declaration, FieldKind::Country),
    RiskLane => (Declaration, FieldKind::Code(r::RISK_LANES)),
    // The export licence the goods were declared under, where the control list requires one.
    ExportLicenceNumber => (Declaration, SHORT),
    ExportLicenceAuthority => (Declaration, SHORT),
    ExportLicenceValidUntil => (Declaration, FieldKind::Date),

    TransportMode => (Transport, FieldKind::Code(r::TRANSPORT_MODES)),
    VesselName => (Transport, SHORT),
    ImoNumber => (Transport, FieldKind::Imo),
    Voyage => (Transport, SHORT),
    ContainerNumber => (Transport, FieldKind::Container),
    SizeType => (Transport, SHORT),

    UnitKind => (Units, FieldKind::Code(r::UNIT_KINDS)),
    UnitNumber => (Units, FieldKind::UnitNumber),

    SealNumber => (Seals, SHORT),
    SealState => (Seals, FieldKind::Code(r::SEAL_STATES)),
    // The unit a seal closed, goods were found in, or a concealment was built into.
    SealUnit => (Seals, FieldKind::ItemOf(Section::Units)),

    LegLocode => (Route, FieldKind::Locode),
    LegRole => (Route, FieldKind::Code(r::ROUTE_ROLES)),
    LegBasis => (Route, FieldKind::Code(r::ROUTE_BASIS)),

    LineDescription => (DeclaredLines, LONG),
    LineHsCode => (DeclaredLines, FieldKind::HsCode),
    LineQuantity => (DeclaredLines, FieldKind::Quantity),
    LineWeight => (DeclaredLines, FieldKind::Weight),
    LineValue => (DeclaredLines, FieldKind::Money),

    GoodsDescription => (GoodsFound, LONG),
    // The declared line these goods were found within or in place of: goods are compared with
    // the line they belong to.
    GoodsDeclaredLine => (GoodsFound, FieldKind::ItemOf(Section::DeclaredLines)),
    GoodsUnit => (GoodsFound, FieldKind::ItemOf(Section::Units)),
    GoodsHsCode => (GoodsFound, FieldKind::HsCode),
    GoodsMaterial => (GoodsFound, FieldKind::Code(r::MATERIALS)),
    GoodsForm => (GoodsFound, FieldKind::Code(r::FORMS)),
    GoodsQuantity => (GoodsFound, FieldKind::Quantity),
    GoodsWeight => (GoodsFound, FieldKind::Weight),
    // What the goods found are worth, as the inspection assessed it (invoice found, market price).
    GoodsValue => (GoodsFound, FieldKind::Money),
    GoodsIdentifiedBy => (GoodsFound, FieldKind::Code(r::IDENTIFIED_BY)),
    GoodsDiscrepancy => (GoodsFound, LONG),

    SampleSeal => (Samples, SHORT),
    SampleMethod => (Samples, FieldKind::Code(r::SAMPLE_METHODS)),
    SampleTakenAt => (Samples, FieldKind::DateTime),
    SampleResult => (Samples, LONG),

    // The sample the reading was taken on: readings are named by their sample in flags.
    ReadingSample => (Readings, FieldKind::ItemOf(Section::Samples)),
    ReadingInstrumentMake => (Readings, SHORT),
    ReadingInstrumentModel => (Readings, SHORT),
    ReadingInstrumentSerial => (Readings, SHORT),
    ReadingId => (Readings, SHORT),
    ReadingTakenAt => (Readings, FieldKind::DateTime),
    ReadingElement => (Readings, FieldKind::Code(r::ELEMENTS)),
    ReadingMassPercent => (Readings, FieldKind::MassPercent),
    ReadingUncertainty => (Readings, FieldKind::MassPercent),

    ConcealmentMethod => (Concealments, FieldKind::Code(r::CONCEALMENT)),
    ConcealmentDescription => (Concealments, LONG),
    ConcealmentLocation => (Concealments, SHORT),
    ConcealmentUnit => (Concealments, FieldKind::ItemOf(Section::Units)),

    DetectionMethods => (Detection, FieldKind::Codes(r::DETECTION)),
    DetectionNotes => (Detection, LONG),

    PartyRole => (Parties, FieldKind::Code(r::PARTY_ROLES)),
    PartyKind => (Parties, FieldKind::Code(r::PARTY_KINDS)),
    PartyName => (Parties, SHORT),
    PartyIdentifier => (Parties, SHORT),
    PartyCountry => (Parties, FieldKind::Country),
    PartyNationality => (Parties, FieldKind::Country),
    PartyBirthYear => (Parties, FieldKind::BirthYear),
    PartyGender => (Parties, FieldKind::Code(r::GENDERS)),
    PartyAddress => (Parties, LONG),
    PartyPhone => (Parties, SHORT),
    PartyEmail => (Parties, SHORT),

    OutcomeCode => (Outcome, FieldKind::Code(r::OUTCOMES)),
    Shareable => (Outcome, FieldKind::Code(r::YES_NO)),
    OutcomeNotes => (Outcome, LONG),

    EvidenceNumber => (Evidence, SHORT),
    EvidenceDescription => (Evidence, LONG),
    EvidenceQuantity => (Evidence, FieldKind::Quantity),
}

impl Field {
    /// `field.<field>` in the label catalogue.
    pub fn label_key(self) -> String {
        crate::labels::key("field", &self)
    }

    /// English, for error messages; anything shown to people goes by key instead.
    pub fn label(self) -> String {
        crate::labels::english(&self.label_key()).expect("every field has a label")
    }

    /// Personal data of parties: left out of shared statistics and exports.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            Field::PartyName
                | Field::PartyIdentifier
                | Field::PartyAddress
                | Field::PartyPhone
                | Field::PartyEmail
        )
    }

    /// A field that, once set, may not be emptied again.
    pub fn is_required(self) -> bool {
        matches!(self, Field::Port)
    }
}

/// Check what a person typed for `field`, read with the conventions they type with (their
/// decimal mark, date order and era; full-width characters folded). Empty text clears the field
/// (`Ok(None)`). What is returned is canonical: the same text whoever typed the value, and it reads
/// back to itself with any conventions (`docs/domain.md`, "Typing values", names the one
/// exception).
pub fn parse_field(
    field: Field,
    text: &str,
    now: NaiveDateTime,
    typed: InputConventions,
) -> Result<Option<String>, Invalid> {
    parse_field_of(field, text, now, typed, None)
}

/// `parse_field` for a field of `item`, the entry it is typed in: a field checked by another of
/// its entry's fields (a unit's number, by the unit's kind) reads that field there. Without an
/// entry, such a field has nothing to be checked by and is refused, saying what to fill first.
pub fn parse_field_of(
    field: Field,
    text: &str,
    now: NaiveDateTime,
    typed: InputConventions,
    item: Option<&Item>,
) -> Result<Option<String>, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return if field.is_required() {
            Err(Invalid::new(
                Message::new("invalid.required").label("field", field.label_key()),
            ))
        } else {
            Ok(None)
        };
    }
    // Identifiers and codes are read in plain characters; their parsers stay strict about
    // anything else, so no look-alike letter is ever taken for one nobody typed.
    let plain = || plain_value(text);
    let canonical = match field.kind() {
        FieldKind::Text { max_chars } => parse_text(&fold_letters_and_digits(text), max_chars)?,
        FieldKind::Container => parse_container_number(&plain())?.as_str().to_string(),
        FieldKind::Imo => parse_imo(&plain())?,
        FieldKind::Locode => parse_locode(&plain())?,
        FieldKind::Country => parse_country(&plain())?,
        FieldKind::HsCode => parse_hs_code(&plain())?.display(),
        FieldKind::Weight => parse_weight(text, typed)?.1,
        FieldKind::Quantity => parse_quantity(text, typed)?,
        FieldKind::Money => parse_money(text, typed)?,
        FieldKind::DateTime => parse_datetime(
            text,
            now,
            chrono::Duration::hours(r::FUTURE_TOLERANCE_HOURS),
            typed,
        )?,
        FieldKind::Date => parse_any_date(text, typed)?,
        FieldKind::MassPercent => parse_mass_percent(text, typed)?,
        FieldKind::BirthYear => parse_birth_year(text, now, typed)?,
        FieldKind::Code(list) => parse_code(list, &plain())?.to_string(),
        FieldKind::Codes(list) => parse_codes(list, &plain())?,
        FieldKind::UnitNumber => {
            let kind = item.and_then(|i| i.value(Field::UnitKind));
            // A plate is free text (Chinese and Thai plates hold their region's name): folded
            // like text; the numbers of the other kinds are identifiers, read in plain characters.
            let typed_text = match kind {
                Some("container" | "uld" | "postal") => plain(),
                _ => fold_letters_and_digits(text),
            };
            parse_unit_number(kind, &typed_text)?
        }
        FieldKind::ItemOf(section) => parse_item_id(section, text)?,
    };
    Ok(Some(canonical))
}

fn parse_code(list: &'static [CodeEntry], text: &str) -> Result<&'static str, Invalid> {
    list.iter()
        .find(|e| e.code.eq_ignore_ascii_case(text) || e.label().eq_ignore_ascii_case(text))
        .map(|e| e.code)
        .ok_or_else(|| {
            let codes: Vec<_> = list.iter().map(|e| e.code).collect();
            Invalid::new(
                Message::new("invalid.not_in_list")
                    .text("text", text)
                    .text("codes", codes.join(", ")),
            )
        })
}

/// An entry's id, as the choice of entries gives it. Whether the case has that entry is for
/// the caller to check: this sees no case.
fn parse_item_id(section: Section, text: &str) -> Result<String, Invalid> {
    uuid::Uuid::try_parse(text)
        .map(|id| id.hyphenated().to_string())
        .map_err(|_| {
            Invalid::new(
                Message::new("invalid.item_choice")
                    .label("item", section.item_key().unwrap_or_default()),
            )
        })
}

fn parse_codes(list: &'static [CodeEntry], text: &str) -> Result<String, Invalid> {
    let mut chosen = Vec::new();
    for part in text
        // `、` is how Chinese separates the items of a list.
        .split(|c: char| c == ',' || c == '、' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        chosen.push(parse_code(list, part)?);
    }
    // Canonical order is list order, so the same set always gives the same text.
    let canonical: Vec<_> = list
        .iter()
        .map(|e| e.code)
        .filter(|c| chosen.contains(c))
        .collect();
    Ok(canonical.join(" "))
}

/// A short confirmation shown under a valid field, where there is something worth saying.
pub fn describe_valid(field: Field, canonical: &str) -> Option<Message> {
    match field.kind() {
        FieldKind::Container => {
            Some(Message::new("valid.container_check_digit").text("digit", &canonical[10..]))
        }
        FieldKind::Imo => Some(Message::new("valid.imo_check_digit")),
        // Said of a number that passes the S10 or ISO 6346 check, as those are the kinds with a
        // check digit.
        FieldKind::UnitNumber if crate::unit_numbers::parse_s10(canonical).is_ok() => {
            Some(Message::new("valid.s10_check_digit").text("digit", &canonical[10..11]))
        }
        FieldKind::UnitNumber if parse_container_number(canonical).is_ok() => {
            Some(Message::new("valid.container_check_digit").text("digit", &canonical[10..]))
        }
        FieldKind::HsCode => {
            let digits: String = canonical.chars().filter(char::is_ascii_digit).collect();
            crate::control_list::ControlList::built_in()
                .entry_for(&digits)
                .and_then(|e| r::material_key(&e.material))
                .map(|key| Message::new("valid.hs_watched").label("material", key))
        }
        // The code's own label: what the code stands for.
        FieldKind::Code(list) => list
            .iter()
            .find(|e| e.code == canonical)
            .map(|e| Message::new(e.key)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use quayside_i18n::Locale;

    use super::*;

    const EN: InputConventions = InputConventions::STORED;

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    #[test]
    fn every_field_round_trips_through_its_snake_case_name() {
        for field in Field::ALL {
            let json = serde_json::to_string(field).unwrap();
            assert_eq!(serde_json::from_str::<Field>(&json).unwrap(), *field);
        }
        assert_eq!(
            serde_json::to_string(&Field::ContainerNumber).unwrap(),
            "\"container_number\""
        );
    }

    #[test]
    fn empty_text_clears_a_field_but_not_a_required_one() {
        assert_eq!(parse_field(Field::VesselName, "  ", now(), EN), Ok(None));
        assert_eq!(
            parse_field(Field::Port, "", now(), EN)
                .unwrap_err()
                .to_string(),
            "Port of inspection (UN/LOCODE) is required"
        );
    }

    #[test]
    fn codes_accept_code_or_label_and_name_the_choices_when_wrong() {
        assert_eq!(
            parse_field(Field::OutcomeCode, "seized", now(), EN)
                .unwrap()
                .as_deref(),
            Some("O4")
        );
        assert_eq!(
            parse_field(Field::OutcomeCode, "o7", now(), EN)
                .unwrap()
                .as_deref(),
            Some("O7")
        );
        let err = parse_field(Field::OutcomeCode, "O11", now(), EN).unwrap_err();
        assert!(err.to_string().contains("O10"), "{err}");
    }

    #[test]
    fn code_sets_are_canonical_in_list_order() {
        let v = parse_field(Field::DetectionMethods, "d7, D1 d5 D1", now(), EN).unwrap();
        assert_eq!(v.as_deref(), Some("D1 D5 D7"));
        assert!(parse_field(Field::DetectionMethods, "D1 D99", now(), EN).is_err());
    }

    fn every_convention() -> Vec<InputConventions> {
        let mut all = Vec::new();
        for locale in Locale::OFFERED.into_iter().chain([Locale::Pseudo]) {
            for buddhist_era in [false, true] {
                all.push(InputConventions {
                    locale,
                    buddhist_era,
                });
            }
        }
        all
    }

    #[test]
    fn full_width_input_is_read_in_every_language() {
        let cases = [
            (
                Field::ContainerNumber,
                "ＣＳＱＵ３０５４３８３",
                "CSQU3054383",
            ),
            (
                Field::ContainerNumber,
                "ｃｓｑｕ　３０５４３８－３",
                "CSQU3054383",
            ),
            (Field::ImoNumber, "ＩＭＯ　９０７４７２９", "9074729"),
            (Field::Port, "ＣＮ　ＳＨＡ", "CNSHA"),
            (Field::DeclaredOrigin, "ｃｎ", "CN"),
            (Field::GoodsHsCode, "２８０５。３０", "2805.30"),
            (Field::DeclaredWeight, "１２５０ｋｇ", "1250 kg"),
            (Field::GoodsQuantity, "４０　ｃａｒｔｏｎｓ", "40 cartons"),
            (Field::DeclaredValue, "１２０００　ＵＳＤ", "12000.00 USD"),
            (Field::SampleTakenAt, "２０２６年１１月２８日", "2026-11-28"),
            (Field::OutcomeCode, "ｓｅｉｚｅｄ", "O4"),
            (Field::DetectionMethods, "Ｄ７、Ｄ１，Ｄ５", "D1 D5 D7"),
            (Field::SealNumber, "ＡＢ１２３４５６", "AB123456"),
        ];
        for typed in every_convention() {
            for (field, input, canonical) in cases {
                assert_eq!(
                    parse_field(field, input, now(), typed),
                    Ok(Some(canonical.to_string())),
                    "{typed:?} {field:?} {input}"
                );
            }
            assert_eq!(
                parse_field(Field::VesselName, "\u{3000}", now(), typed),
                Ok(None)
            );
        }
    }

    #[test]
    fn free_text_keeps_its_punctuation_and_spaces() {
        let name = "深圳（某某）贸易有限公司，ＡＢＣ　２号";
        assert_eq!(
            parse_field(Field::PartyName, name, now(), EN)
                .unwrap()
                .as_deref(),
            Some("深圳（某某）贸易有限公司，ABC　2号")
        );
    }

    #[test]
    fn numbers_and_dates_follow_the_person_typing() {
        let es = InputConventions::new(Locale::Es);
        let th_be = InputConventions {
            locale: Locale::Th,
            buddhist_era: true,
        };
        let cases = [
            (es, Field::DeclaredWeight, "18.000,5 kg", "18000.5 kg"),
            (es, Field::DeclaredValue, "12.000,50 MXN", "12000.50 MXN"),
            (
                es,
                Field::SampleTakenAt,
                "6/11/2026 9:30",
                "2026-11-06 09:30",
            ),
            (th_be, Field::SampleTakenAt, "6/11/2569", "2026-11-06"),
            (EN, Field::DeclaredWeight, "18,000.5 kg", "18000.5 kg"),
        ];
        for (typed, field, input, canonical) in cases {
            assert_eq!(
                parse_field(field, input, now(), typed),
                Ok(Some(canonical.to_string())),
                "{input}"
            );
        }
        assert!(parse_field(Field::SampleTakenAt, "6/11/2026", now(), EN).is_err());
    }

    #[test]
    fn valid_values_explain_themselves_where_useful() {
        let english = |field, value| {
            describe_valid(field, value).map(|m| {
                quayside_i18n::Catalogue::english()
                    .format_checked(&m)
                    .unwrap_or_else(|problem| panic!("{problem}"))
            })
        };
        assert_eq!(
            english(Field::ContainerNumber, "CSQU3054383").as_deref(),
            Some("ISO 6346 check digit 3 is correct")
        );
        assert_eq!(
            english(Field::ImoNumber, "9074729").as_deref(),
            Some("IMO check digit is correct")
        );
        assert_eq!(
            english(Field::GoodsHsCode, "8101.94").as_deref(),
            Some("On the controlled-materials watchlist: Tungsten")
        );
        assert_eq!(english(Field::GoodsHsCode, "8543.70"), None);
        assert_eq!(english(Field::OutcomeCode, "O4").as_deref(), Some("Seized"));
    }

    fn unit(kind: Option<&str>) -> Item {
        let mut fields = crate::case::Fields::new();
        if let Some(kind) = kind {
            fields.insert(
                Field::UnitKind,
                crate::case::FieldValue {
                    value: kind.to_string(),
                    event_id: uuid::Uuid::nil(),
                    author: "Ines".to_string(),
                    at: "2026-11-28T12:00:00Z".to_string(),
                },
            );
        }
        Item {
            id: uuid::Uuid::nil(),
            section: Section::Units,
            fields,
            withdrawn: None,
        }
    }

    #[test]
    fn a_units_number_is_checked_by_the_kind_beside_it() {
        let number = |kind, text: &str| {
            parse_field_of(Field::UnitNumber, text, now(), EN, Some(&unit(kind)))
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            number(Some("container"), "ＣＳＱＵ３０５４３８３"),
            Ok(Some("CSQU3054383".into()))
        );
        assert_eq!(
            number(Some("postal"), "rr 123456785 cn"),
            Ok(Some("RR123456785CN".into()))
        );
        assert_eq!(
            number(Some("uld"), "AKE 12345 CX"),
            Ok(Some("AKE12345CX".into()))
        );
        assert_eq!(
            number(Some("trailer"), "ＴＨ 70-1234"),
            Ok(Some("TH 70-1234".into()))
        );
        assert_eq!(
            number(Some("container"), "CSQU3054384"),
            Err("Check digit is 4 but should be 3 for CSQU305438: re-read the number on the container door".into())
        );
        assert!(number(None, "AKE12345CX")
            .unwrap_err()
            .contains("Choose the kind of unit first"));
        // Without its entry a unit's number has no kind to be read by.
        assert!(parse_field(Field::UnitNumber, "AKE12345CX", now(), EN).is_err());
        assert_eq!(number(None, " "), Ok(None));
    }

    #[test]
    fn a_units_valid_number_names_its_check_digit() {
        let english = |value| {
            describe_valid(Field::UnitNumber, value).map(|m| {
                quayside_i18n::Catalogue::english()
                    .format_checked(&m)
                    .unwrap_or_else(|problem| panic!("{problem}"))
            })
        };
        assert_eq!(
            english("RR123456785CN").as_deref(),
            Some("UPU S10 check digit 5 is correct")
        );
        assert_eq!(
            english("CSQU3054383").as_deref(),
            Some("ISO 6346 check digit 3 is correct")
        );
        assert_eq!(english("AKE12345CX"), None);
        assert_eq!(english("粤B·12345"), None);
    }

    #[test]
    fn mass_shares_are_read_with_the_persons_decimal_mark() {
        let es = InputConventions::new(Locale::Es);
        let read = |text, typed| parse_field(Field::ReadingMassPercent, text, now(), typed);
        assert_eq!(read("38.2", EN), Ok(Some("38.2".into())));
        assert_eq!(read("38,2 %", es), Ok(Some("38.2".into())));
        assert_eq!(read("０.０１５０", EN), Ok(Some("0.015".into())));
        assert_eq!(read("100", EN), Ok(Some("100".into())));
        assert_eq!(read("0", EN), Ok(Some("0".into())));
        let refused = |text, typed| read(text, typed).unwrap_err().to_string();
        assert_eq!(
            refused("100.5", EN),
            "'100.5' is more than 100 %: give the element's share of the sample in per cent, \
             from 0 to 100"
        );
        assert_eq!(
            refused("38.25125", EN),
            "'38.25125' has more than 4 decimals: round it to 4, e.g. 38.2512"
        );
        assert_eq!(
            refused("38,25125", es),
            "'38,25125' has more than 4 decimals: round it to 4, e.g. 38,2512"
        );
        assert!(refused("-2", EN).starts_with("A mass share cannot be negative"));
        assert_eq!(
            refused("<LOD", EN),
            "'<LOD' means the element was not detected: leave the mass % empty, or withdraw \
             this reading"
        );
        assert!(refused("abc", EN).starts_with("'abc' is not a number"));
    }

    #[test]
    fn elements_are_chosen_by_symbol_or_name() {
        let read = |text| parse_field(Field::ReadingElement, text, now(), EN);
        assert_eq!(read("ga"), Ok(Some("Ga".into())));
        assert_eq!(read("Neodymium"), Ok(Some("Nd".into())));
        assert!(read("Xx").is_err());
    }

    #[test]
    fn every_field_belongs_to_a_section_of_the_right_shape() {
        for field in Field::ALL {
            assert!(Section::ALL.contains(&field.section()));
        }
        assert!(Section::GoodsFound.is_list() && !Section::Declaration.is_list());
    }
}
