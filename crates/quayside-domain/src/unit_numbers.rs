//! Numbers of transport units, read by the unit's kind: a container's ISO 6346 number, an air
//! unit load device's IATA ULD identification code, a postal item's UPU S10 identifier, and a
//! trailer's plate or fleet number as written (`docs/domain.md`, "Transport units").
//!
//! Lenient on formatting (case, spaces, dashes), strict on content: every refusal says what is
//! wrong and how to fix it, and a wrong check digit names the one expected.

use quayside_i18n::Message;

use crate::identifiers::{compact, first_stray, is_assigned_country, parse_container_number};
use crate::values::parse_text;
use crate::Invalid;

/// The longest trailer plate or fleet number kept: plates with their region fit in 20.
pub const TRAILER_MAX_CHARS: usize = 20;

/// Reads `text` as the number of a unit of `kind` (a code of `UNIT_KINDS`) into its canonical
/// form. A unit without a kind has no number yet: how to check it depends on the kind.
pub fn parse_unit_number(kind: Option<&str>, text: &str) -> Result<String, Invalid> {
    match kind {
        Some("container") => Ok(parse_container_number(text)?.as_str().to_string()),
        Some("uld") => parse_uld(text),
        Some("postal") => parse_s10(text),
        Some(_) => parse_text(text, TRAILER_MAX_CHARS),
        None => Err(Invalid::new(Message::new("invalid.unit_kind_first"))),
    }
}

/// Refuses a character that is not ASCII, naming it and where it is, before anything is counted.
fn refuse_stray(compacted: &str) -> Result<(), Invalid> {
    match first_stray(compacted) {
        Some((stray, position, _)) => Err(Invalid::new(
            Message::new("invalid.unit_number_not_plain")
                .text("character", stray.described())
                .number("position", position as f64),
        )),
        None => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// Air unit load devices: IATA ULD identification code
// ---------------------------------------------------------------------------------------------

/// Parses a ULD number ("ake 12345 cx") into its canonical form, e.g. `AKE12345CX`: a three-letter
/// type code, a serial of four or five digits and the owner's two-character airline code.
pub fn parse_uld(input: &str) -> Result<String, Invalid> {
    let number = compact(input, &['-', '/', '.']);
    refuse_stray(&number)?;
    let length = number.len();
    if !(9..=10).contains(&length) {
        return Err(Invalid::new(
            Message::new("invalid.uld_length")
                .text("number", &number)
                .number("length", length as f64),
        ));
    }
    let (kind, rest) = number.split_at(3);
    let (serial, owner) = rest.split_at(rest.len() - 2);
    if !kind.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Invalid::new(
            Message::new("invalid.uld_type")
                .text("type", kind)
                .text("number", &number),
        ));
    }
    if !serial.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::new(
            Message::new("invalid.uld_serial")
                .text("serial", serial)
                .text("number", &number),
        ));
    }
    // Airline designators are two letters or a letter and a digit, never two digits.
    let designator = owner.bytes().all(|b| b.is_ascii_alphanumeric())
        && owner.bytes().any(|b| b.is_ascii_uppercase());
    if !designator {
        return Err(Invalid::new(
            Message::new("invalid.uld_owner")
                .text("owner", owner)
                .text("number", &number),
        ));
    }
    Ok(number)
}

// ---------------------------------------------------------------------------------------------
// Postal items: UPU S10
// ---------------------------------------------------------------------------------------------

const S10_WEIGHTS: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];

/// The UPU S10 check digit of an eight-digit serial: 11 minus the weighted sum modulo 11, where
/// 10 becomes 0 and 11 becomes 5. `None` unless given exactly eight digits.
pub fn s10_check_digit(serial: &str) -> Option<u32> {
    if serial.len() != 8 || !serial.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = serial
        .bytes()
        .zip(S10_WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        digit => digit,
    })
}

/// Parses a postal item's S10 identifier ("RR 123 456 785 CN") into its canonical form, e.g.
/// `RR123456785CN`: two service letters, an eight-digit serial, its check digit and the ISO 3166
/// code of the country of posting.
pub fn parse_s10(input: &str) -> Result<String, Invalid> {
    let number = compact(input, &['-', '/', '.']);
    refuse_stray(&number)?;
    let length = number.len();
    if length != 12 && length != 13 {
        return Err(Invalid::new(
            Message::new("invalid.s10_length")
                .text("number", &number)
                .number("length", length as f64),
        ));
    }
    let service = &number[..2];
    if !service.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Invalid::new(
            Message::new("invalid.s10_service")
                .text("service", service)
                .text("number", &number),
        ));
    }
    let serial = &number[2..10];
    // Digits are text, not numbers: a reader's number format must not group or localise them.
    let Some(expected) = s10_check_digit(serial).map(|d| d.to_string()) else {
        return Err(Invalid::new(
            Message::new("invalid.s10_serial")
                .text("serial", serial)
                .text("number", &number),
        ));
    };
    let country = &number[length - 2..];
    if !is_assigned_country(country) {
        return Err(Invalid::new(
            Message::new("invalid.s10_country")
                .text("country", country)
                .text("number", &number),
        ));
    }
    if length == 12 {
        return Err(Invalid::new(
            Message::new("invalid.s10_no_check_digit")
                .text("number", &number)
                .text("expected", &expected)
                .text("corrected", format!("{}{expected}{country}", &number[..10])),
        ));
    }
    let given = &number[10..11];
    if !given.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::new(
            Message::new("invalid.s10_check_digit_letter")
                .text("number", &number)
                .text("character", given)
                .text("expected", expected),
        ));
    }
    if given != expected {
        return Err(Invalid::new(
            Message::new("invalid.s10_check_digit")
                .text("given", given)
                .text("expected", expected)
                .text("number", &number),
        ));
    }
    Ok(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The refusal in English, checked: its key is in the catalogue with every argument it uses.
    fn err(result: Result<String, Invalid>) -> String {
        let invalid = result.expect_err("should be refused");
        quayside_i18n::Catalogue::english()
            .format_checked(&invalid.text)
            .unwrap_or_else(|problem| panic!("{problem}"))
    }

    // --- S10 ---

    #[test]
    fn s10_check_digits_of_worked_examples() {
        // 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 204; 204 mod 11 = 6; 11 - 6 = 5.
        assert_eq!(s10_check_digit("12345678"), Some(5));
        // 4·8 + 7·6 + 3·4 + 1·2 + 2·3 + 4·5 + 8·9 + 2·7 = 200; 200 mod 11 = 2; 11 - 2 = 9.
        assert_eq!(s10_check_digit("47312482"), Some(9));
        // A sum of 0 gives 11, written 5.
        assert_eq!(s10_check_digit("00000000"), Some(5));
        // 8·7 = 56; 56 mod 11 = 1; 11 - 1 = 10, written 0.
        assert_eq!(s10_check_digit("00000008"), Some(0));
        // 3·7 = 21; 21 mod 11 = 10; 11 - 10 = 1.
        assert_eq!(s10_check_digit("00000003"), Some(1));
        assert_eq!(s10_check_digit("1234567"), None);
        assert_eq!(s10_check_digit("1234567O"), None);
    }

    #[test]
    fn accepts_s10_numbers_as_printed() {
        for (typed, canonical) in [
            ("RR123456785CN", "RR123456785CN"),
            ("rr 123 456 785 cn", "RR123456785CN"),
            ("RA473124829CN", "RA473124829CN"),
            ("EE000000005US", "EE000000005US"),
            ("CP000000080TH", "CP000000080TH"),
            ("LX000000031MX", "LX000000031MX"),
        ] {
            assert_eq!(parse_s10(typed).as_deref(), Ok(canonical), "{typed}");
        }
    }

    #[test]
    fn a_wrong_s10_check_digit_names_the_expected_one() {
        assert_eq!(
            err(parse_s10("RR123456784CN")),
            "Check digit is 4 but should be 5 for RR123456784CN: re-read the number on the label"
        );
        assert!(err(parse_s10("EE000000000US")).contains("should be 5"));
        let message = err(parse_s10("RR12345678CN"));
        assert!(message.contains("should be 5") && message.contains("RR123456785CN"));
        let message = err(parse_s10("RR12345678XCN"));
        assert!(
            message.contains("'X'") && message.contains("here 5"),
            "{message}"
        );
    }

    #[test]
    fn refuses_s10_numbers_of_the_wrong_shape() {
        assert!(err(parse_s10("RR1234567CN")).contains("has 11"));
        assert!(err(parse_s10("R1123456785CN")).contains("'R1'"));
        assert!(err(parse_s10("RR1234O6785CN")).contains("'1234O678'"));
        assert!(err(parse_s10("RR123456785XX")).contains("'XX'"));
        let message = err(parse_s10("RR123456785С N"));
        assert!(message.contains("CYRILLIC CAPITAL LETTER ES"), "{message}");
    }

    // --- ULD ---

    #[test]
    fn accepts_uld_numbers_as_painted() {
        for (typed, canonical) in [
            ("AKE12345CX", "AKE12345CX"),
            ("ake 12345 cx", "AKE12345CX"),
            ("PMC-1234-TG", "PMC1234TG"),
            ("AKH54321AM", "AKH54321AM"),
            ("PAG12345S7", "PAG12345S7"),
        ] {
            assert_eq!(parse_uld(typed).as_deref(), Ok(canonical), "{typed}");
        }
    }

    #[test]
    fn refuses_uld_numbers_of_the_wrong_shape() {
        assert!(err(parse_uld("AKE123CX")).contains("has 8"));
        assert!(err(parse_uld("AKE1234567CX")).contains("has 12"));
        assert!(err(parse_uld("AK312345CX")).contains("'AK3'"));
        assert!(err(parse_uld("AKE12O45CX")).contains("'12O45'"));
        assert!(err(parse_uld("AKE1234512")).contains("'12'"));
    }

    // --- by kind ---

    #[test]
    fn a_number_is_read_by_its_units_kind() {
        assert_eq!(
            parse_unit_number(Some("container"), "csqu 305438 3").as_deref(),
            Ok("CSQU3054383")
        );
        assert!(err(parse_unit_number(Some("container"), "CSQU3054384")).contains("should be 3"));
        assert_eq!(
            parse_unit_number(Some("uld"), "AKE12345CX").as_deref(),
            Ok("AKE12345CX")
        );
        assert_eq!(
            parse_unit_number(Some("postal"), "RR123456785CN").as_deref(),
            Ok("RR123456785CN")
        );
        // A container's number is no postal item's.
        assert!(err(parse_unit_number(Some("postal"), "CSQU3054383")).contains("13 characters"));
        assert_eq!(
            parse_unit_number(Some("trailer"), "粤B·12345 挂").as_deref(),
            Ok("粤B·12345 挂")
        );
        assert!(err(parse_unit_number(Some("trailer"), &"8".repeat(21))).contains("21"));
        assert!(err(parse_unit_number(None, "AKE12345CX")).contains("kind"));
    }
}
