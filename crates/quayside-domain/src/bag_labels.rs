//! The labels Quayside prints for sample bags and evidence bags: a QR code and the same text under
//! it, `QSB1:<case number>:<S|E><entry>:<check>`, so a bag scanned later (by a handheld scanner or
//! the camera) finds its case and entry. The entry is named by the end of its id (the random part
//! of a UUIDv7; its start is the time it was made, shared by entries made together), which moving or
//! withdrawing other entries does not change (its number in the list would). The two check characters are ISO/IEC 7064
//! MOD 1271-36 over the label's letters and digits: every single wrong letter or digit and every
//! swap of two neighbouring ones is caught (a separator moved makes a case number no case has), so
//! a misread never opens another case.

use std::fmt;

use crate::fields::Section;

/// What a label's text starts with; the digit is its format's version.
pub const PREFIX: &str = "QSB1";
const MODULUS: u32 = 1271;
const RADIX: u32 = 36;
const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagLabel {
    pub case_number: String,
    /// `Samples` or `Evidence`.
    pub section: Section,
    /// The last 8 hex digits of the entry's id, upper-case.
    pub entry: String,
}

/// Hex digits of an entry's id a label carries: one case holds a few dozen entries.
pub const ENTRY_DIGITS: usize = 8;

/// Why a scanned text is not one of our labels.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BagLabelError {
    #[error("not a Quayside bag label (it does not start with {PREFIX}:)")]
    NotALabel,
    #[error(
        "the label is damaged or misread: its parts do not read as a case, an entry and a check"
    )]
    Malformed,
    #[error("the label's check characters do not match: it was misread or altered; scan it again")]
    CheckFailed,
}

/// The hex digits of `item` a label carries.
fn entry_digits(item: uuid::Uuid) -> String {
    let hex = item.simple().to_string();
    hex[hex.len() - ENTRY_DIGITS..].to_string()
}

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|v| v as u32)
}

/// The letters and digits a check covers, upper-cased; anything else (separators) is left out.
fn checked_text(text: &str) -> impl Iterator<Item = u32> + '_ {
    text.bytes()
        .map(|b| b.to_ascii_uppercase())
        .filter_map(value)
}

/// ISO/IEC 7064 MOD 1271-36: the two check characters of `text`.
pub fn check_characters(text: &str) -> String {
    let p = (weighted(text) * RADIX) % MODULUS;
    let check = (MODULUS + 1 - p) % MODULUS;
    [check / RADIX, check % RADIX]
        .iter()
        .map(|&v| ALPHABET[v as usize] as char)
        .collect()
}

/// The sum ISO/IEC 7064 weights by powers of the radix, each step multiplying it by the radix.
fn weighted(text: &str) -> u32 {
    checked_text(text).fold(0, |p, v| ((p + v) * RADIX) % MODULUS)
}

/// Whether `text` followed by its check characters passes ISO/IEC 7064 MOD 1271-36: with them,
/// the weighted sum is 1 (times the radix of the last step).
fn passes(text_and_check: &str) -> bool {
    weighted(text_and_check) == RADIX % MODULUS
}

impl BagLabel {
    /// The label of entry `item` (a sample or an evidence item) of case `case_number`.
    pub fn of(case_number: &str, section: Section, item: uuid::Uuid) -> BagLabel {
        BagLabel {
            case_number: case_number.to_string(),
            section,
            entry: entry_digits(item).to_ascii_uppercase(),
        }
    }

    /// Whether entry `item` is the one this label names.
    pub fn names(&self, item: uuid::Uuid) -> bool {
        entry_digits(item).eq_ignore_ascii_case(&self.entry)
    }

    fn entry_code(&self) -> String {
        let letter = if self.section == Section::Samples {
            'S'
        } else {
            'E'
        };
        format!("{letter}{}", self.entry)
    }

    /// The text the QR code holds and the label prints.
    pub fn text(&self) -> String {
        let body = format!("{PREFIX}:{}:{}", self.case_number, self.entry_code());
        let check = check_characters(&body);
        format!("{body}:{check}")
    }

    /// Read a scanned text back (surrounding spaces and a scanner's line ending ignored, letters
    /// in any case).
    pub fn read(scanned: &str) -> Result<BagLabel, BagLabelError> {
        let text = scanned.trim();
        let upper = text.to_ascii_uppercase();
        if !upper.starts_with(&format!("{PREFIX}:")) {
            return Err(BagLabelError::NotALabel);
        }
        let parts: Vec<&str> = upper.split(':').collect();
        let [_, case_number, entry, check] = parts[..] else {
            return Err(BagLabelError::Malformed);
        };
        if case_number.is_empty() || check.len() != 2 || !check.bytes().all(|b| value(b).is_some())
        {
            return Err(BagLabelError::Malformed);
        }
        let section = match entry.as_bytes().first() {
            Some(b'S') => Section::Samples,
            Some(b'E') => Section::Evidence,
            _ => return Err(BagLabelError::Malformed),
        };
        let item = &entry[1..];
        if item.len() != ENTRY_DIGITS || !item.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(BagLabelError::Malformed);
        }
        if !passes(&upper) {
            return Err(BagLabelError::CheckFailed);
        }
        Ok(BagLabel {
            case_number: case_number.to_string(),
            section,
            entry: item.to_string(),
        })
    }
}

impl fmt::Display for BagLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = "0193a4f2-7c1e-7d2a-9b3c-1f2e3d4c5b6a";

    fn label() -> BagLabel {
        BagLabel::of(
            "CNSZX-2026-SQP1FH-0001",
            Section::Samples,
            uuid::Uuid::parse_str(ITEM).unwrap(),
        )
    }

    #[test]
    fn the_standards_example_gets_its_check_characters() {
        // ISO/IEC 7064's example for MOD 1271-36.
        assert_eq!(check_characters("ISO79"), "3W");
        assert!(passes("ISO793W"));
    }

    #[test]
    fn a_label_reads_back_to_its_case_and_entry_in_any_case_and_with_a_line_ending() {
        let text = label().text();
        assert!(
            text.starts_with("QSB1:CNSZX-2026-SQP1FH-0001:S3D4C5B6A:"),
            "{text}"
        );
        assert!(label().names(uuid::Uuid::parse_str(ITEM).unwrap()));
        assert!(!label().names(uuid::Uuid::nil()));
        assert_eq!(BagLabel::read(&text), Ok(label()));
        assert_eq!(
            BagLabel::read(&format!(" {}\r\n", text.to_lowercase())),
            Ok(label())
        );
        let evidence = BagLabel {
            section: Section::Evidence,
            ..label()
        };
        assert_eq!(BagLabel::read(&evidence.text()), Ok(evidence));
    }

    #[test]
    fn every_single_misread_character_and_every_swap_of_neighbours_is_caught() {
        let text = label().text();
        let bytes = text.as_bytes();
        // Letters and digits only: a separator moved makes a case number no case has.
        let sign = |b: u8| b == b':' || b == b'-';
        for at in 0..bytes.len() {
            if sign(bytes[at]) {
                continue;
            }
            for &other in ALPHABET {
                if other == bytes[at].to_ascii_uppercase() {
                    continue;
                }
                let mut misread = bytes.to_vec();
                misread[at] = other;
                let misread = String::from_utf8(misread).unwrap();
                assert!(BagLabel::read(&misread).is_err(), "{misread} passed");
            }
            if at + 1 < bytes.len() && bytes[at] != bytes[at + 1] && !sign(bytes[at + 1]) {
                let mut swapped = bytes.to_vec();
                swapped.swap(at, at + 1);
                let swapped = String::from_utf8(swapped).unwrap();
                assert!(BagLabel::read(&swapped).is_err(), "{swapped} passed");
            }
        }
    }

    #[test]
    fn other_texts_are_refused_with_why() {
        assert_eq!(BagLabel::read("CN1234567"), Err(BagLabelError::NotALabel));
        assert_eq!(BagLabel::read("QSB1:X"), Err(BagLabelError::Malformed));
        assert_eq!(
            BagLabel::read("QSB1:CASE:Q0193A4F2:AB"),
            Err(BagLabelError::Malformed)
        );
        assert_eq!(
            BagLabel::read("QSB1:CASE:S0193:AB"),
            Err(BagLabelError::Malformed)
        );
        assert_eq!(
            BagLabel::read("QSB1:CASE:S0193A4F2:AB"),
            Err(BagLabelError::CheckFailed)
        );
    }
}
