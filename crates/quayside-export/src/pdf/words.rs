//! Values as people read them: times, byte sizes, codes by their labels, sections, fields and items
//! by their catalogue labels.

use quayside_domain::case::CaseFile;
use quayside_domain::fields::{Field, FieldKind, Section};
use quayside_domain::labels::english_or_key;
use quayside_domain::reference::label_of;
use uuid::Uuid;

pub(super) fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// An RFC 3339 time as people read it: "2026-11-28 12:00:05 UTC". Anything else as it is.
pub(super) fn time(rfc3339: &str) -> String {
    let (Some(date), Some(clock), Some(rest)) =
        (rfc3339.get(..10), rfc3339.get(11..19), rfc3339.get(19..))
    else {
        return rfc3339.to_string();
    };
    if rfc3339.as_bytes()[10] != b'T' {
        return rfc3339.to_string();
    }
    let zone = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    match zone {
        "Z" => format!("{date} {clock} UTC"),
        "" => format!("{date} {clock}"),
        z if z.starts_with(['+', '-']) => format!("{date} {clock} {z}"),
        _ => rfc3339.to_string(),
    }
}

pub(super) fn section_title(section: Section) -> String {
    english_or_key(&section.label_key())
}

pub(super) fn field_label(field: Field) -> String {
    english_or_key(&field.label_key())
}

/// "Seal 2": what the timeline and the screen call an item.
pub(super) fn numbered(section: Section, n: usize) -> String {
    let name = section
        .item_key()
        .map_or_else(|| section_title(section), |k| english_or_key(&k));
    format!("{name} {n}")
}

/// A stored value as people read it: a code shows its label from the reference lists (the code
/// itself if the list does not know it); everything else is already canonical text.
pub fn display_value(field: Field, value: &str) -> String {
    match field.kind() {
        FieldKind::Code(list) => label_of(list, value).unwrap_or_else(|| value.to_string()),
        FieldKind::Codes(list) => value
            .split_whitespace()
            .map(|code| label_of(list, code).unwrap_or_else(|| code.to_string()))
            .collect::<Vec<_>>()
            .join(", "),
        _ => value.to_string(),
    }
}

/// "Goods found 2": an item's place among the items of its section, as the timeline names it.
pub(super) fn item_label(case: &CaseFile, id: Uuid) -> String {
    let Some(item) = case.items.iter().find(|i| i.id == id) else {
        return format!("Item {id}");
    };
    let position = case
        .items
        .iter()
        .filter(|i| i.section == item.section)
        .position(|i| i.id == id)
        .unwrap_or(0);
    numbered(item.section, position + 1)
}

pub(super) fn byte_size(bytes: u64) -> String {
    let digits = bytes.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let unit = if bytes == 1 { "byte" } else { "bytes" };
    if bytes < 1000 {
        return format!("{grouped} {unit}");
    }
    let (value, suffix) = if bytes < 1_000_000 {
        (bytes as f64 / 1e3, "kB")
    } else if bytes < 1_000_000_000 {
        (bytes as f64 / 1e6, "MB")
    } else {
        (bytes as f64 / 1e9, "GB")
    };
    format!("{grouped} {unit} ({value:.1} {suffix})")
}

pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_show_bytes_and_a_readable_unit() {
        assert_eq!(byte_size(1), "1 byte");
        assert_eq!(byte_size(999), "999 bytes");
        assert_eq!(byte_size(2_345_678), "2,345,678 bytes (2.3 MB)");
    }

    #[test]
    fn codes_show_their_labels_and_unknown_codes_themselves() {
        assert_eq!(display_value(Field::OutcomeCode, "O4"), "Seized");
        assert_eq!(display_value(Field::OutcomeCode, "O99"), "O99");
        assert_eq!(
            display_value(Field::DetectionMethods, "D1 D8"),
            format!(
                "{}, Radiation portal",
                label_of(quayside_domain::reference::DETECTION, "D1").unwrap()
            )
        );
        assert_eq!(display_value(Field::VesselName, "MSC ANNA"), "MSC ANNA");
    }
}
