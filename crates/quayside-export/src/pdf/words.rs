//! Values as people read them: times, byte sizes, codes by their labels, sections, fields and items
//! by their catalogue labels.

use quayside_domain::case::CaseFile;
use quayside_domain::fields::{Field, Section};
use quayside_domain::timeline::field_value_text;
use quayside_i18n::{Catalogue, Message};
use uuid::Uuid;

/// A message in a catalogue's language. Debug builds (the tests) refuse a mistake that would
/// otherwise print a bare key or a placeholder: a missing key or a variable not given.
pub(super) fn say(words: &Catalogue, message: Message) -> String {
    if cfg!(debug_assertions) {
        if let Err(problem) = words.format_checked(&message) {
            panic!("{} {problem}", words.locale().tag());
        }
    }
    words.format(&message)
}

pub(super) fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// An RFC 3339 time as people read it: "2026-11-28 12:00:05 UTC". Anything else as it is.
pub fn time(rfc3339: &str) -> String {
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

pub(super) fn section_title(words: &Catalogue, section: Section) -> String {
    words.text_or_key(&section.label_key())
}

pub(super) fn field_label(words: &Catalogue, field: Field) -> String {
    words.text_or_key(&field.label_key())
}

/// "Seal 2": what the timeline and the screen call an item.
pub(super) fn numbered(words: &Catalogue, section: Section, n: usize) -> String {
    let name = section
        .item_key()
        .map_or_else(|| section_title(words, section), |k| words.text_or_key(&k));
    format!("{name} {n}")
}

/// A stored value as people read it: a code shows its label in `words`' language (the code
/// itself if the list does not know it); everything else is already canonical text.
pub fn display_value(words: &Catalogue, field: Field, value: &str) -> String {
    field_value_text(words, field, value)
}

/// "Goods found 2": an item's place among the items of its section, as the timeline names it.
pub(super) fn item_label(words: &Catalogue, case: &CaseFile, id: Uuid) -> String {
    let Some(item) = case.items.iter().find(|i| i.id == id) else {
        return say(
            words,
            Message::new("pdf.unknown_item").text("id", id.to_string()),
        );
    };
    let position = case
        .items
        .iter()
        .filter(|i| i.section == item.section)
        .position(|i| i.id == id)
        .unwrap_or(0);
    numbered(words, item.section, position + 1)
}

/// "2,345,678 bytes (2.3 MB)": the exact count, grouped, and a rounded unit (units and digits
/// read the same in every language the app speaks).
pub(super) fn byte_size(words: &Catalogue, bytes: u64) -> String {
    let digits = bytes.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let exact = say(
        words,
        Message::new("pdf.bytes")
            .number("count", bytes as f64)
            .text("bytes", grouped),
    );
    if bytes < 1000 {
        return exact;
    }
    let (value, suffix) = if bytes < 1_000_000 {
        (bytes as f64 / 1e3, "kB")
    } else if bytes < 1_000_000_000 {
        (bytes as f64 / 1e6, "MB")
    } else {
        (bytes as f64 / 1e9, "GB")
    };
    format!("{exact} ({value:.1} {suffix})")
}

#[cfg(test)]
mod tests {
    use quayside_i18n::Locale;

    use super::*;

    #[test]
    fn sizes_show_bytes_and_a_readable_unit() {
        let en = Catalogue::english();
        assert_eq!(byte_size(en, 1), "1 byte");
        assert_eq!(byte_size(en, 999), "999 bytes");
        assert_eq!(byte_size(en, 2_345_678), "2,345,678 bytes (2.3 MB)");
        let zh = Catalogue::get(Locale::ZhCn);
        assert_eq!(byte_size(zh, 2_345_678), "2,345,678 字节 (2.3 MB)");
    }

    #[test]
    fn codes_show_their_labels_and_unknown_codes_themselves() {
        let en = Catalogue::english();
        assert_eq!(display_value(en, Field::OutcomeCode, "O4"), "Seized");
        assert_eq!(display_value(en, Field::OutcomeCode, "O99"), "O99");
        assert_eq!(
            display_value(en, Field::DetectionMethods, "D1 D8"),
            format!("{}, Radiation portal", en.text("detection.D1").unwrap())
        );
        assert_eq!(display_value(en, Field::VesselName, "MSC ANNA"), "MSC ANNA");
    }

    #[test]
    fn codes_show_their_labels_in_the_readers_language() {
        let zh = Catalogue::get(Locale::ZhCn);
        assert_eq!(
            display_value(zh, Field::OutcomeCode, "O4"),
            zh.text("outcome.O4").unwrap()
        );
        assert_ne!(display_value(zh, Field::OutcomeCode, "O4"), "Seized");
        assert_eq!(display_value(zh, Field::VesselName, "王伟号"), "王伟号");
    }
}
