//! The keys of the case model's labels: every section, field, event kind, flag, code, role and
//! status is named by a stable key, and its text in each language is in the catalogues
//! (`quayside-i18n`, `labels.ftl`). Keys travel (in timeline lines, to the UI, to exports); text
//! is looked up only where something is shown, in the reader's language.
//!
//! Key scheme (the part after the dot is the serde name or stored code, never English):
//! `section.<section>` a section's heading; `item.<section>` one item of a list section;
//! `field.<field>`; `event.<kind>`; `flag.<flag code>`; `role.<author role>`;
//! `document_type.<type>` a shipping document's type; `entity.<kind>` what an entity is; `status.<case status>`; `review.<review state>`; `state.<case state>` (the two in one);
//! `change.<part>` the words of timeline lines; `annotation.<shape>` a mark drawn over a photo;
//! `<list>.<code>` an entry of a code list (see [`crate::reference::CODE_LISTS`]);
//! `input_hint.<kind>` what to type in an empty box; `hint.<list>.<code>` a code's hint;
//! `sheet.<name>`, `column.<name>` and `cell.<name>` the words of exported spreadsheets that name
//! none of the above (see [`table`]); `export.<note>` notes shown with an export (see [`notice`]);
//! `watch.<hs prefix>` what an entry of the controlled-materials watchlist covers (see
//! [`crate::reference::WATCHLIST`]); `composition.<hs prefix>` what declared goods of known
//! composition are (see [`crate::reference::COMPOSITIONS`]).

use quayside_i18n::Catalogue;

/// The keys of notes shown with a command's result.
pub mod notice {
    /// Every key below, for the catalogue's completeness test.
    pub const KEYS: &[&str] = &[EXPORT_PERSONAL_DATA, EXPORT_PARTNER];
    /// Shown with every exported file (PDF, CSV, XLSX, case-file bundle) but the partner sheet.
    pub const EXPORT_PERSONAL_DATA: &str = "export.personal_data";
    /// Shown with the partner sheet: what it holds and what it leaves out.
    pub const EXPORT_PARTNER: &str = "export.partner";
}

/// The keys of spreadsheet words: exports name them by these, never by English of their own.
pub mod table {
    /// Every key below, for the catalogue's completeness test.
    pub const KEYS: &[&str] = &[
        SHEET_CASES,
        SHEET_TOTALS,
        SHEET_BY_CONCEALMENT,
        SHEET_BY_MATERIAL,
        SHEET_BY_OUTCOME,
        SHEET_BY_DETECTION,
        SHEET_BY_MONTH,
        SHEET_BY_WEEK,
        SHEET_ROUTES,
        OPENED_AT,
        OPENED_BY,
        UPDATED_AT,
        FLAGS,
        EVENTS,
        CASES,
        SEIZED_KG,
        MONTH,
        ISO_WEEK,
        NOT_RECORDED,
        DECLARED_KG,
        FOUND_KG,
        CODE_COLUMN,
        SHEET_PARTNER,
        OFFENDERS,
        SHEET_BY_FLAG,
        NO_FLAG,
    ];
    pub const SHEET_CASES: &str = "sheet.cases";
    pub const SHEET_TOTALS: &str = "sheet.totals";
    pub const SHEET_BY_CONCEALMENT: &str = "sheet.by_concealment";
    pub const SHEET_BY_MATERIAL: &str = "sheet.by_material";
    pub const SHEET_BY_OUTCOME: &str = "sheet.by_outcome";
    pub const SHEET_BY_DETECTION: &str = "sheet.by_detection";
    pub const SHEET_BY_MONTH: &str = "sheet.by_month";
    pub const SHEET_BY_WEEK: &str = "sheet.by_week";
    pub const SHEET_ROUTES: &str = "sheet.routes";
    pub const OPENED_AT: &str = "column.opened_at";
    pub const OPENED_BY: &str = "column.opened_by";
    pub const UPDATED_AT: &str = "column.updated_at";
    pub const FLAGS: &str = "column.flags";
    pub const EVENTS: &str = "column.events";
    pub const CASES: &str = "column.cases";
    pub const SEIZED_KG: &str = "column.seized_kg";
    pub const MONTH: &str = "column.month";
    pub const ISO_WEEK: &str = "column.iso_week";
    /// A bucket whose value nobody recorded.
    pub const NOT_RECORDED: &str = "cell.not_recorded";
    pub const DECLARED_KG: &str = "column.declared_kg";
    pub const FOUND_KG: &str = "column.found_kg";
    /// The column of codes beside a column of their labels: "Outcome (code)".
    pub const CODE_COLUMN: &str = "column.code";
    /// The sheet that may leave the agency.
    pub const SHEET_PARTNER: &str = "sheet.partner";
    /// Natural persons among the parties, by role, nationality, year of birth and gender.
    pub const OFFENDERS: &str = "column.offenders";
    pub const SHEET_BY_FLAG: &str = "sheet.by_flag";
    /// The bucket of cases that raise no flag.
    pub const NO_FLAG: &str = "cell.no_flag";
}

/// The English text of a key, if the catalogue has it.
pub fn english(key: &str) -> Option<String> {
    Catalogue::english().text(key)
}

/// The English text of a key, or the key itself when the catalogue lacks it (a kind or code from
/// a newer version): something is always shown, and it names what is missing.
pub fn english_or_key(key: &str) -> String {
    Catalogue::english().text_or_key(key)
}

/// The key of a value under `prefix`, by its serde name: `key("field", &Field::Port)` is
/// `"field.port"`.
pub(crate) fn key<T: serde::Serialize>(prefix: &str, value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => format!("{prefix}.{name}"),
        _ => unreachable!("label keys are made of unit enum variants only"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::event::{CaseStatus, Payload, Role};
    use crate::fields::{Field, Section};
    use crate::flags::FlagCode;
    use crate::reference::CODE_LISTS;
    use crate::review::ReviewState;
    use crate::timeline::{CHANGE_KEYS, VALUE_KEYS};

    /// Every key of the English labels file.
    fn label_keys() -> Vec<String> {
        let source = quayside_i18n::Catalogue::sources(quayside_i18n::Locale::En)[0];
        source
            .lines()
            .filter_map(|line| line.split_once(" = "))
            .filter(|(id, _)| !id.starts_with(['#', ' ']))
            .map(|(id, _)| quayside_i18n::key_of_id(id))
            .collect()
    }

    /// Every key something in the model hands out.
    fn used_keys() -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        for section in Section::ALL {
            keys.insert(section.label_key());
            keys.extend(section.item_key());
        }
        keys.extend(Field::ALL.iter().map(|f| f.label_key()));
        keys.extend(
            crate::fields::FieldKind::HINTED
                .iter()
                .filter_map(|k| k.input_hint_key().map(str::to_string)),
        );
        keys.extend(Payload::KINDS.iter().map(|k| Payload::kind_key(k)));
        keys.extend(FlagCode::ALL.iter().map(|f| f.label_key()));
        keys.extend(Role::ALL.iter().map(|r| r.label_key()));
        keys.extend(
            crate::document::DocumentType::ALL
                .iter()
                .map(|d| d.label_key()),
        );
        keys.extend(CaseStatus::ALL.iter().map(|s| s.label_key()));
        keys.extend(
            crate::entities::EntityKind::ALL
                .iter()
                .map(|k| k.label_key()),
        );
        keys.extend(ReviewState::ALL.iter().map(|s| s.label_key()));
        keys.extend(crate::state::CaseState::ALL.iter().map(|s| s.label_key()));
        keys.extend(CHANGE_KEYS.iter().map(|k| k.to_string()));
        keys.extend(VALUE_KEYS.iter().map(|k| k.to_string()));
        keys.extend(table::KEYS.iter().map(|k| k.to_string()));
        keys.extend(crate::annotation::SHAPE_KEYS.iter().map(|k| k.to_string()));
        keys.extend(notice::KEYS.iter().map(|k| k.to_string()));
        keys.extend(
            crate::reference::WATCHLIST
                .iter()
                .map(|w| w.key.to_string()),
        );
        keys.extend(
            crate::reference::COMPOSITIONS
                .iter()
                .map(|c| c.key.to_string()),
        );
        for (_, list) in CODE_LISTS {
            keys.extend(list.iter().map(|e| e.key.to_string()));
            keys.extend(list.iter().filter_map(|e| e.hint_key.map(str::to_string)));
        }
        keys
    }

    #[test]
    fn every_key_in_use_has_english_text() {
        let missing: Vec<String> = used_keys()
            .into_iter()
            .filter(|k| english(k).is_none())
            .collect();
        assert!(missing.is_empty(), "no label for {missing:?}");
    }

    #[test]
    fn the_catalogue_holds_no_key_nothing_uses() {
        let used = used_keys();
        let unused: Vec<String> = label_keys()
            .into_iter()
            .filter(|k| !used.contains(k))
            .collect();
        assert!(unused.is_empty(), "labels nothing uses: {unused:?}");
    }

    #[test]
    fn keys_are_made_from_stored_names() {
        assert_eq!(Field::VesselName.label_key(), "field.vessel_name");
        assert_eq!(Section::Route.label_key(), "section.route");
        assert_eq!(Section::Route.item_key().as_deref(), Some("item.route"));
        assert_eq!(Section::Case.item_key(), None);
        assert_eq!(english("outcome.O4").as_deref(), Some("Seized"));
        assert_eq!(english_or_key("event.photo_rotated"), "event.photo_rotated");
    }
}
