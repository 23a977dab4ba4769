//! The form layout the UI renders: sections, fields, inputs and choices, all from the domain.

use quayside_domain::fields::{Field, FieldKind, Section};
use quayside_domain::reference::{WATCHLIST, WEIGHT_TOLERANCE};

use crate::types::{FieldInfo, Input, ReferenceData, SectionInfo};

fn info(field: Field) -> FieldInfo {
    let kind = field.kind();
    let (input, options) = match kind {
        FieldKind::Code(list) => (Input::Choice, list.to_vec()),
        FieldKind::Codes(list) => (Input::MultiChoice, list.to_vec()),
        FieldKind::Text { max_chars } if max_chars > 200 => (Input::LongText, Vec::new()),
        FieldKind::ItemOf(_) => (Input::EntryChoice, Vec::new()),
        _ => (Input::Text, Vec::new()),
    };
    FieldInfo {
        field,
        section: field.section(),
        label_key: field.label_key(),
        input,
        input_hint_key: kind.input_hint_key().map(str::to_string),
        options,
        entries_of: match kind {
            FieldKind::ItemOf(section) => Some(section),
            _ => None,
        },
        personal: field.is_personal(),
        required: field.is_required(),
    }
}

pub fn reference_data() -> ReferenceData {
    let sections = Section::ALL
        .iter()
        .map(|&section| SectionInfo {
            section,
            label_key: section.label_key(),
            item_key: section.item_key(),
            is_list: section.is_list(),
            fields: Field::ALL
                .iter()
                .filter(|f| f.section() == section)
                .map(|&f| info(f))
                .collect(),
        })
        .collect();
    ReferenceData {
        sections,
        watchlist: WATCHLIST.to_vec(),
        weight_tolerance_percent: WEIGHT_TOLERANCE * 100.0,
        max_photo_bytes: quayside_photos::MAX_PHOTO_BYTES as u32,
        max_document_bytes: quayside_photos::MAX_DOCUMENT_BYTES as u32,
        flags: quayside_domain::flags::FlagCode::ALL.to_vec(),
    }
}
