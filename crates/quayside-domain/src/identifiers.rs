//! Identifiers people copy from doors, certificates and documents: container numbers (ISO 6346),
//! IMO ship numbers, UN/LOCODEs, country and currency codes, HS codes.
//!
//! Lenient on formatting (case, spaces, dots, dashes), strict on content: every refusal says what is
//! wrong and how to fix it.

use std::fmt;

use quayside_i18n::Message;

use crate::Invalid;

/// The ISO 3166-1 alpha-2 codes currently assigned (249), sorted so lookups can binary-search.
const COUNTRY_CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

pub(crate) fn is_assigned_country(code: &str) -> bool {
    COUNTRY_CODES.binary_search(&code).is_ok()
}

/// Uppercases ASCII letters and drops the characters in `separators` and all whitespace. Other
/// characters stay as they are, so the parsers refuse them: Unicode uppercasing would turn 'ſ',
/// 'ı', 'ß' or 'ﬁ' into plain letters and accept a number nobody wrote.
pub(crate) fn compact(input: &str, separators: &[char]) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && !separators.contains(c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Characters that do not belong: pasted in unseen, or letters of another alphabet
// ---------------------------------------------------------------------------------------------

/// Characters text copied from documents, e-mail and chat brings along unseen, by their Unicode
/// names: shown as nothing, they can only be named.
const INVISIBLE: &[(char, &str)] = &[
    ('\u{00AD}', "SOFT HYPHEN"),
    ('\u{034F}', "COMBINING GRAPHEME JOINER"),
    ('\u{180E}', "MONGOLIAN VOWEL SEPARATOR"),
    ('\u{200B}', "ZERO WIDTH SPACE"),
    ('\u{200C}', "ZERO WIDTH NON-JOINER"),
    ('\u{200D}', "ZERO WIDTH JOINER"),
    ('\u{200E}', "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', "RIGHT-TO-LEFT MARK"),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2060}', "WORD JOINER"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE"),
];

/// Cyrillic and Greek letters drawn like Latin ones, by their Unicode names, with the Latin
/// capital each is taken for: a Russian or Greek keyboard, or a number copied from such a
/// document, gives a code that looks right and is not.
const LOOK_ALIKES: &[(char, &str, char)] = &[
    ('\u{0405}', "CYRILLIC CAPITAL LETTER DZE", 'S'),
    (
        '\u{0406}',
        "CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I",
        'I',
    ),
    ('\u{0408}', "CYRILLIC CAPITAL LETTER JE", 'J'),
    ('\u{0410}', "CYRILLIC CAPITAL LETTER A", 'A'),
    ('\u{0412}', "CYRILLIC CAPITAL LETTER VE", 'B'),
    ('\u{0415}', "CYRILLIC CAPITAL LETTER IE", 'E'),
    ('\u{041A}', "CYRILLIC CAPITAL LETTER KA", 'K'),
    ('\u{041C}', "CYRILLIC CAPITAL LETTER EM", 'M'),
    ('\u{041D}', "CYRILLIC CAPITAL LETTER EN", 'H'),
    ('\u{041E}', "CYRILLIC CAPITAL LETTER O", 'O'),
    ('\u{0420}', "CYRILLIC CAPITAL LETTER ER", 'P'),
    ('\u{0421}', "CYRILLIC CAPITAL LETTER ES", 'C'),
    ('\u{0422}', "CYRILLIC CAPITAL LETTER TE", 'T'),
    ('\u{0425}', "CYRILLIC CAPITAL LETTER HA", 'X'),
    ('\u{04AE}', "CYRILLIC CAPITAL LETTER STRAIGHT U", 'Y'),
    ('\u{0430}', "CYRILLIC SMALL LETTER A", 'A'),
    ('\u{0435}', "CYRILLIC SMALL LETTER IE", 'E'),
    ('\u{043E}', "CYRILLIC SMALL LETTER O", 'O'),
    ('\u{0440}', "CYRILLIC SMALL LETTER ER", 'P'),
    ('\u{0441}', "CYRILLIC SMALL LETTER ES", 'C'),
    ('\u{0443}', "CYRILLIC SMALL LETTER U", 'Y'),
    ('\u{0445}', "CYRILLIC SMALL LETTER HA", 'X'),
    ('\u{0455}', "CYRILLIC SMALL LETTER DZE", 'S'),
    (
        '\u{0456}',
        "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I",
        'I',
    ),
    ('\u{0458}', "CYRILLIC SMALL LETTER JE", 'J'),
    ('\u{0391}', "GREEK CAPITAL LETTER ALPHA", 'A'),
    ('\u{0392}', "GREEK CAPITAL LETTER BETA", 'B'),
    ('\u{0395}', "GREEK CAPITAL LETTER EPSILON", 'E'),
    ('\u{0396}', "GREEK CAPITAL LETTER ZETA", 'Z'),
    ('\u{0397}', "GREEK CAPITAL LETTER ETA", 'H'),
    ('\u{0399}', "GREEK CAPITAL LETTER IOTA", 'I'),
    ('\u{039A}', "GREEK CAPITAL LETTER KAPPA", 'K'),
    ('\u{039C}', "GREEK CAPITAL LETTER MU", 'M'),
    ('\u{039D}', "GREEK CAPITAL LETTER NU", 'N'),
    ('\u{039F}', "GREEK CAPITAL LETTER OMICRON", 'O'),
    ('\u{03A1}', "GREEK CAPITAL LETTER RHO", 'P'),
    ('\u{03A4}', "GREEK CAPITAL LETTER TAU", 'T'),
    ('\u{03A5}', "GREEK CAPITAL LETTER UPSILON", 'Y'),
    ('\u{03A7}', "GREEK CAPITAL LETTER CHI", 'X'),
    ('\u{03BF}', "GREEK SMALL LETTER OMICRON", 'O'),
];

/// A character a code may not hold, described so a person can find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stray {
    /// Shows as nothing: its code point and name ("U+200B ZERO WIDTH SPACE").
    Invisible(String),
    /// Drawn like a Latin capital: its code point and name, and that capital.
    LookAlike(String, char),
    /// Anything else: the character itself and its code point ("'Ç' (U+00C7)").
    Other(String),
}

impl Stray {
    fn of(c: char) -> Stray {
        let point = format!("U+{:04X}", u32::from(c));
        if let Some((_, name)) = INVISIBLE.iter().find(|(i, _)| *i == c) {
            Stray::Invisible(format!("{point} {name}"))
        } else if c.is_control() {
            Stray::Invisible(point)
        } else if let Some((_, name, latin)) = LOOK_ALIKES.iter().find(|(l, ..)| *l == c) {
            Stray::LookAlike(format!("{point} {name}"), *latin)
        } else {
            Stray::Other(format!("'{c}' ({point})"))
        }
    }

    pub(crate) fn described(&self) -> &str {
        match self {
            Stray::Invisible(d) | Stray::LookAlike(d, _) | Stray::Other(d) => d,
        }
    }
}

/// The first character of `code` that is not ASCII: what it is, its position (from 1) and the
/// characters before it, so the message can say where to look.
pub(crate) fn first_stray(code: &str) -> Option<(Stray, usize, String)> {
    code.chars().enumerate().find_map(|(at, c)| {
        (!c.is_ascii()).then(|| (Stray::of(c), at + 1, code.chars().take(at).collect()))
    })
}

// ---------------------------------------------------------------------------------------------
// Container numbers, ISO 6346
// ---------------------------------------------------------------------------------------------

/// A container number that passed ISO 6346, canonical form e.g. `CSQU3054383`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerNumber(String);

impl ContainerNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ContainerNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// ISO 6346 letter value: from A=10 upwards, skipping multiples of 11.
fn iso6346_letter_value(letter: u8) -> u32 {
    let mut value = 10;
    for _ in b'A'..letter {
        value += 1;
        if value % 11 == 0 {
            value += 1;
        }
    }
    value
}

fn is_category(c: u8) -> bool {
    matches!(c, b'U' | b'J' | b'Z')
}

/// What is wrong with the shape of the first ten characters (owner, category, serial), if anything.
fn container_shape_error(first_ten: &[u8], shown: &str) -> Option<Message> {
    let owner = &first_ten[..3];
    if !owner.iter().all(u8::is_ascii_uppercase) {
        return Some(
            Message::new("invalid.container_owner")
                .text("owner", String::from_utf8_lossy(owner))
                .text("number", shown),
        );
    }
    let category = first_ten[3];
    if !is_category(category) {
        return Some(
            Message::new("invalid.container_category")
                .text("character", (category as char).to_string())
                .text("number", shown),
        );
    }
    let serial = &first_ten[4..10];
    if !serial.iter().all(u8::is_ascii_digit) {
        return Some(
            Message::new("invalid.container_serial")
                .text("serial", String::from_utf8_lossy(serial))
                .text("number", shown),
        );
    }
    None
}

/// Check digit of a well-formed first ten (shape already checked).
fn iso6346_check_digit(first_ten: &[u8]) -> u32 {
    let sum: u32 = first_ten
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let value = if c.is_ascii_digit() {
                u32::from(c - b'0')
            } else {
                iso6346_letter_value(c)
            };
            value << i
        })
        .sum();
    sum % 11 % 10
}

/// The ISO 6346 check digit for owner code, category and serial, e.g. `CSQU305438` → 3.
/// Case-insensitive; `None` unless given exactly 3 letters, U/J/Z and 6 digits.
pub fn container_check_digit(first_ten: &str) -> Option<u32> {
    let upper = first_ten.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    if bytes.len() != 10 || container_shape_error(bytes, &upper).is_some() {
        return None;
    }
    Some(iso6346_check_digit(bytes))
}

/// Parses a container number as typed ("csqu 305438-3") into its canonical form.
pub fn parse_container_number(input: &str) -> Result<ContainerNumber, Invalid> {
    let compacted = compact(input, &['-', '/', '.']);
    if compacted.is_empty() {
        return Err(Invalid::new(Message::new("invalid.container_empty")));
    }
    // Before the length: an invisible character would be counted, a look-alike taken for a
    // letter, and the person told of a length or letter they cannot see.
    if let Some((stray, position, before)) = first_stray(&compacted) {
        let message = match &stray {
            Stray::Invisible(_) => Message::new("invalid.container_invisible"),
            Stray::LookAlike(_, latin) => {
                Message::new("invalid.container_look_alike").text("plain", latin.to_string())
            }
            Stray::Other(_) => Message::new("invalid.container_not_plain"),
        };
        return Err(Invalid::new(
            message
                .text("character", stray.described())
                .number("position", position as f64)
                .text("before", before),
        ));
    }
    let length = compacted.len();
    if length != 10 && length != 11 {
        return Err(Invalid::new(
            Message::new("invalid.container_length")
                .text("number", &compacted)
                .number("length", length as f64),
        ));
    }
    let bytes = compacted.as_bytes();
    if let Some(message) = container_shape_error(&bytes[..10], &compacted) {
        return Err(Invalid::new(message));
    }
    // Digits are text, not numbers: a reader's number format must not group or localise them.
    let expected = iso6346_check_digit(&bytes[..10]).to_string();
    if length == 10 {
        return Err(Invalid::new(
            Message::new("invalid.container_no_check_digit")
                .text("number", &compacted)
                .text("expected", expected),
        ));
    }
    let last = bytes[10];
    if !last.is_ascii_digit() {
        return Err(Invalid::new(
            Message::new("invalid.container_check_digit_letter")
                .text("number", &compacted)
                .text("character", (last as char).to_string())
                .text("expected", expected),
        ));
    }
    let given = (last as char).to_string();
    if given != expected {
        return Err(Invalid::new(
            Message::new("invalid.container_check_digit")
                .text("given", given)
                .text("expected", expected)
                .text("number", &compacted[..10]),
        ));
    }
    Ok(ContainerNumber(compacted))
}

// ---------------------------------------------------------------------------------------------
// IMO ship numbers
// ---------------------------------------------------------------------------------------------

/// Parses an IMO ship number ("9074729", "IMO 9074729", "imo9074729", "IMO No. 9074729") into
/// its seven digits.
pub fn parse_imo(input: &str) -> Result<String, Invalid> {
    let compacted = compact(input, &['-', '.', ':', '#']);
    // Certificates write "IMO No. 9074729" (German ones "IMO-Nr."): the word for number goes
    // with the prefix.
    let digits = match compacted.strip_prefix("IMO") {
        Some(rest) => ["NO", "NR"]
            .iter()
            .find_map(|word| rest.strip_prefix(word))
            .unwrap_or(rest),
        None => &compacted,
    };
    if digits.is_empty() {
        return Err(Invalid::new(Message::new("invalid.imo_empty")));
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Invalid::new(
            Message::new("invalid.imo_characters").text("text", input.trim()),
        ));
    }
    if digits.len() != 7 {
        // Nine digits is the commonest mix-up: the radio identity (MMSI) copied instead.
        let key = if digits.len() == 9 {
            "invalid.imo_mmsi"
        } else {
            "invalid.imo_length"
        };
        return Err(Invalid::new(
            Message::new(key)
                .text("digits", digits)
                .number("length", digits.len() as f64),
        ));
    }
    let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = d[..6]
        .iter()
        .zip([7, 6, 5, 4, 3, 2])
        .map(|(x, w)| x * w)
        .sum();
    let expected = sum % 10;
    if d[6] != expected {
        return Err(Invalid::new(
            Message::new("invalid.imo_check_digit")
                .text("given", d[6].to_string())
                .text("expected", expected.to_string())
                .text("first_six", &digits[..6]),
        ));
    }
    Ok(digits.to_string())
}

// ---------------------------------------------------------------------------------------------
// UN/LOCODE, country and currency codes
// ---------------------------------------------------------------------------------------------

/// Parses a UN/LOCODE ("nl rtm", "NL-RTM") into its canonical five characters ("NLRTM").
pub fn parse_locode(input: &str) -> Result<String, Invalid> {
    let compacted = compact(input, &['-', '.', '/']);
    if compacted.is_empty() {
        return Err(Invalid::new(Message::new("invalid.locode_empty")));
    }
    if let Some((stray, position, _)) = first_stray(&compacted) {
        return Err(Invalid::new(
            Message::new("invalid.locode_not_plain")
                .text("character", stray.described())
                .number("position", position as f64),
        ));
    }
    let length = compacted.chars().count();
    if length != 5 {
        return Err(Invalid::new(
            Message::new("invalid.locode_length")
                .text("code", &compacted)
                .number("length", length as f64),
        ));
    }
    let (country, place) = compacted.split_at(2);
    if !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Invalid::new(
            Message::new("invalid.locode_country_letters")
                .text("code", &compacted)
                .text("country", country),
        ));
    }
    if !is_assigned_country(country) {
        let key = if is_uk(country) {
            "invalid.locode_country_uk"
        } else {
            "invalid.locode_country_unassigned"
        };
        return Err(Invalid::new(
            Message::new(key)
                .text("code", &compacted)
                .text("country", country),
        ));
    }
    if let Some(c) = place.chars().find(|c| matches!(c, '0' | '1')) {
        let letter = if c == '0' { 'O' } else { 'I' };
        return Err(Invalid::new(
            Message::new("invalid.locode_zero_one")
                .text("code", &compacted)
                .text("digit", c.to_string())
                .text("letter", letter.to_string()),
        ));
    }
    if let Some(c) = place
        .chars()
        .find(|c| !c.is_ascii_uppercase() && !c.is_ascii_digit())
    {
        return Err(Invalid::new(
            Message::new("invalid.locode_place")
                .text("code", &compacted)
                .text("character", c.to_string()),
        ));
    }
    Ok(compacted)
}

/// The country part of a UN/LOCODE: its first two characters (fewer if it is shorter).
pub fn locode_country(locode: &str) -> &str {
    let end = locode
        .char_indices()
        .nth(2)
        .map_or(locode.len(), |(i, _)| i);
    &locode[..end]
}

/// "UK" is the commonest wrong guess: its refusals say what to use instead.
fn is_uk(code: &str) -> bool {
    code == "UK"
}

/// Parses an ISO 3166-1 alpha-2 country code ("th" → "TH"); it must be an assigned code.
pub fn parse_country(input: &str) -> Result<String, Invalid> {
    let code = compact(input, &['.']);
    if code.is_empty() {
        return Err(Invalid::new(Message::new("invalid.country_empty")));
    }
    if code.chars().count() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Invalid::new(
            Message::new("invalid.country_shape").text("text", input.trim()),
        ));
    }
    if !is_assigned_country(&code) {
        let key = if is_uk(&code) {
            "invalid.country_uk"
        } else {
            "invalid.country_unassigned"
        };
        return Err(Invalid::new(Message::new(key).text("code", code)));
    }
    Ok(code)
}

/// Parses a currency code: three letters, uppercased. Shape only, not checked against ISO 4217.
pub fn parse_currency(input: &str) -> Result<String, Invalid> {
    let code = compact(input, &['.']);
    if code.is_empty() {
        return Err(Invalid::new(Message::new("invalid.currency_empty")));
    }
    if code.chars().count() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Invalid::new(
            Message::new("invalid.currency_shape").text("text", input.trim()),
        ));
    }
    Ok(code)
}

// ---------------------------------------------------------------------------------------------
// HS codes
// ---------------------------------------------------------------------------------------------

/// A Harmonized System code: 6 to 10 digits, no separators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HsCode(String);

impl HsCode {
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// The first two digits.
    pub fn chapter(&self) -> &str {
        &self.0[..2]
    }

    /// The first four digits.
    pub fn heading(&self) -> &str {
        &self.0[..4]
    }

    /// The first six digits: the international part of the code.
    pub fn subheading(&self) -> &str {
        &self.0[..6]
    }

    /// As usually printed: "2805.30", "8112.92.10", "8112.92.1000".
    pub fn display(&self) -> String {
        let mut out = format!("{}.{}", &self.0[..4], &self.0[4..6]);
        if self.0.len() > 6 {
            out.push('.');
            out.push_str(&self.0[6..]);
        }
        out
    }
}

/// Parses an HS code ("2805.30", "8112 92 10") into its digits; 6 to 10 digits, a real chapter.
pub fn parse_hs_code(input: &str) -> Result<HsCode, Invalid> {
    let digits = compact(input, &['.', '-']);
    if digits.is_empty() {
        return Err(Invalid::new(Message::new("invalid.hs_empty")));
    }
    if let Some(c) = digits.chars().find(|c| !c.is_ascii_digit()) {
        return Err(Invalid::new(
            Message::new("invalid.hs_character")
                .text("text", input.trim())
                .text("character", c.to_string()),
        ));
    }
    if digits.len() >= 2 {
        let key = match &digits[..2] {
            "00" => Some("invalid.hs_chapter_00"),
            "77" => Some("invalid.hs_chapter_77"),
            "98" | "99" => Some("invalid.hs_chapter_national"),
            _ => None,
        };
        if let Some(key) = key {
            return Err(Invalid::new(Message::new(key).text("digits", digits)));
        }
    }
    let wrong_length = |key: &str, n: usize| {
        Invalid::new(
            Message::new(key)
                .text("digits", &digits)
                .number("length", n as f64),
        )
    };
    match digits.len() {
        4 => Err(Invalid::new(
            Message::new("invalid.hs_heading_alone").text("digits", &digits),
        )),
        n if n < 6 => Err(wrong_length("invalid.hs_too_short", n)),
        n if n > 10 => Err(wrong_length("invalid.hs_too_long", n)),
        _ => Ok(HsCode(digits)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The refusal in English, checked: its key is in the catalogue with every argument it uses.
    fn err<T: fmt::Debug>(result: Result<T, Invalid>) -> String {
        let invalid = result.expect_err("should be refused");
        quayside_i18n::Catalogue::english()
            .format_checked(&invalid.text)
            .unwrap_or_else(|problem| panic!("{problem}"))
    }

    // --- container numbers ---

    #[test]
    fn letter_values_skip_multiples_of_eleven() {
        let v = |c: char| iso6346_letter_value(c as u8);
        assert_eq!(v('A'), 10);
        assert_eq!(v('B'), 12);
        assert_eq!(v('C'), 13);
        assert_eq!(v('K'), 21);
        assert_eq!(v('L'), 23);
        assert_eq!(v('U'), 32);
        assert_eq!(v('V'), 34);
        assert_eq!(v('Z'), 38);
        for c in b'A'..=b'Z' {
            assert_ne!(iso6346_letter_value(c) % 11, 0, "{}", c as char);
        }
    }

    #[test]
    fn check_digit_of_worked_example() {
        assert_eq!(container_check_digit("CSQU305438"), Some(3));
        assert_eq!(container_check_digit("csqu305438"), Some(3));
    }

    #[test]
    fn check_digit_when_sum_mod_eleven_is_ten_is_zero() {
        // MSCU100007 sums to 3992, 3992 mod 11 = 10, so the digit is 0.
        assert_eq!(container_check_digit("MSCU100007"), Some(0));
        assert!(parse_container_number("MSCU1000070").is_ok());
    }

    #[test]
    fn check_digit_needs_the_right_shape() {
        assert_eq!(container_check_digit("CSQU30543"), None);
        assert_eq!(container_check_digit("CSQU3054383"), None);
        assert_eq!(container_check_digit("C5QU305438"), None);
        assert_eq!(container_check_digit("CSQX305438"), None);
        assert_eq!(container_check_digit("CSQU3O5438"), None);
        assert_eq!(container_check_digit("CSQU 305438"), None);
        assert_eq!(container_check_digit(""), None);
    }

    #[test]
    fn accepts_valid_container_numbers() {
        // Each hand-checked against the ISO 6346 sum (e.g. MSKU907032: 2808 mod 11 = 3).
        for number in [
            "CSQU3054383",
            "MSKU9070323",
            "TOLU4734787",
            "APZU4812090",
            "MAEU1234567",
            "HLXU1234561",
            "CSQJ1234563",
            "CSQZ1234564",
        ] {
            let parsed = parse_container_number(number).unwrap();
            assert_eq!(parsed.as_str(), number);
            assert_eq!(parsed.to_string(), number);
        }
    }

    #[test]
    fn normalises_case_and_separators() {
        for typed in [
            "csqu 305438-3",
            "CSQU-305438-3",
            "CSQU/305438/3",
            " csqu3054383 ",
            "CSQU.305438.3",
        ] {
            assert_eq!(
                parse_container_number(typed).unwrap().as_str(),
                "CSQU3054383"
            );
        }
    }

    #[test]
    fn refuses_wrong_check_digit_naming_the_expected_one() {
        let message = err(parse_container_number("CSQU3054384"));
        assert!(message.contains("should be 3"), "{message}");
        assert!(message.contains("is 4"), "{message}");
        assert!(message.contains("CSQU305438"), "{message}");
        let message = err(parse_container_number("MSKU9070320"));
        assert!(message.contains("should be 3"), "{message}");
        let message = err(parse_container_number("TOLU4734781"));
        assert!(message.contains("should be 7"), "{message}");
    }

    #[test]
    fn refuses_missing_check_digit_saying_what_it_would_be() {
        let message = err(parse_container_number("CSQU 305438"));
        assert!(
            message.contains("add the check digit: it should be 3"),
            "{message}"
        );
    }

    #[test]
    fn refuses_wrong_length() {
        let message = err(parse_container_number("CSQU30543"));
        assert!(
            message.contains("11 characters") && message.contains("has 9"),
            "{message}"
        );
        let message = err(parse_container_number("CSQU30543833"));
        assert!(message.contains("has 12"), "{message}");
    }

    #[test]
    fn refuses_empty_container_number() {
        assert!(err(parse_container_number("  - ")).contains("Enter the container number"));
    }

    #[test]
    fn refuses_owner_code_with_digits() {
        let message = err(parse_container_number("C5QU3054383"));
        assert!(
            message.contains("owner code 'C5Q'") && message.contains("letters"),
            "{message}"
        );
    }

    #[test]
    fn refuses_bad_category_letter() {
        let message = err(parse_container_number("CSQX3054383"));
        assert!(
            message.contains("'X'") && message.contains("U, J or Z"),
            "{message}"
        );
    }

    #[test]
    fn refuses_serial_with_letters() {
        let message = err(parse_container_number("CSQU3O54383"));
        assert!(
            message.contains("'3O5438'") && message.contains("six digits"),
            "{message}"
        );
    }

    #[test]
    fn refuses_letter_as_check_digit() {
        let message = err(parse_container_number("CSQU305438X"));
        assert!(
            message.contains("'X'") && message.contains("must be a digit"),
            "{message}"
        );
        assert!(message.contains("here 3"), "{message}");
    }

    #[test]
    fn refuses_non_ascii_characters() {
        let message = err(parse_container_number("ÇSQU3054383"));
        assert_eq!(
            message,
            "The container number has 'Ç' (U+00C7) at the start, which is not a plain letter or \
             digit: a container number has 4 letters A-Z and 7 digits, e.g. CSQU3054383"
        );
    }

    #[test]
    fn an_invisible_character_is_named_where_it_is_not_counted() {
        // Pasted from an e-mail: twelve characters, of which eleven can be seen.
        let message = err(parse_container_number("CSQU\u{200B}3054383"));
        assert_eq!(
            message,
            "The container number has an invisible character, U+200B ZERO WIDTH SPACE, at \
             position 5, after CSQU: delete it and check the number (it came with text copied \
             from elsewhere)"
        );
        let message = err(parse_container_number("\u{FEFF}CSQU3054383"));
        assert!(
            message.contains("U+FEFF ZERO WIDTH NO-BREAK SPACE, at the start"),
            "{message}"
        );
        // Spaces and dashes typed between the groups are not counted in the position.
        let message = err(parse_container_number("CSQU 305438\u{2060}-3"));
        assert!(
            message.contains("at position 11, after CSQU305438"),
            "{message}"
        );
    }

    #[test]
    fn a_look_alike_letter_is_named_with_the_letter_it_passes_for() {
        let message = err(parse_container_number("CSQU3\u{41E}54383"));
        assert_eq!(
            message,
            "The container number has U+041E CYRILLIC CAPITAL LETTER O at position 6, after \
             CSQU3: it looks like O but is a letter of another alphabet; type O in its place"
        );
        let message = err(parse_container_number("\u{0421}SQU3054383"));
        assert!(
            message.contains("U+0421 CYRILLIC CAPITAL LETTER ES at the start")
                && message.contains("type C in its place"),
            "{message}"
        );
        let message = err(parse_container_number("CSQU305438\u{3BF}"));
        assert!(message.contains("GREEK SMALL LETTER OMICRON"), "{message}");
    }

    #[test]
    fn stray_characters_are_worded_in_every_language() {
        let refusals = [
            parse_container_number("CSQU\u{200B}3054383").unwrap_err(),
            parse_container_number("\u{200B}CSQU3054383").unwrap_err(),
            parse_container_number("CSQU3\u{41E}54383").unwrap_err(),
            parse_container_number("ÇSQU3054383").unwrap_err(),
            parse_locode("NL\u{200B}RTM").unwrap_err(),
        ];
        for locale in quayside_i18n::Locale::TRANSLATED {
            let words = quayside_i18n::Catalogue::get(locale);
            for refusal in &refusals {
                let text = words
                    .format_checked(&refusal.text)
                    .unwrap_or_else(|problem| panic!("{locale:?}: {problem}"));
                let Some(quayside_i18n::Arg::Text(character)) = refusal.text.args.get("character")
                else {
                    panic!("names the character: {refusal:?}")
                };
                assert!(text.contains(character.as_str()), "{locale:?}: {text}");
            }
        }
    }

    // --- IMO ---

    #[test]
    fn accepts_imo_numbers_in_usual_forms() {
        for typed in [
            "9074729",
            "IMO 9074729",
            "imo9074729",
            "IMO: 9074729",
            " IMO-9074729 ",
            "IMO No. 9074729",
            "IMO no 9074729",
            "imo no.9074729",
            "IMO Nr. 9074729",
            "IMO #9074729",
        ] {
            assert_eq!(parse_imo(typed).unwrap(), "9074729", "{typed}");
        }
        // 9*7+1*6+7*5+6*4+5*3+5*2 = 153 → 3
        assert_eq!(parse_imo("9176553").unwrap(), "9176553");
    }

    #[test]
    fn refuses_imo_with_wrong_check_digit() {
        let message = err(parse_imo("9074728"));
        assert!(message.contains("is 8 but should be 9"), "{message}");
        assert!(message.contains("IMO 907472"), "{message}");
    }

    #[test]
    fn refuses_imo_of_wrong_length() {
        let message = err(parse_imo("907472"));
        assert!(
            message.contains("7 digits") && message.contains("has 6"),
            "{message}"
        );
        assert!(!message.contains("MMSI"));
        let message = err(parse_imo("244123456"));
        assert!(message.contains("MMSI"), "{message}");
    }

    #[test]
    fn refuses_imo_with_letters_or_nothing() {
        assert!(err(parse_imo("IMO 90747A9")).contains("other characters"));
        // The word for number belongs after the prefix only.
        assert!(err(parse_imo("No. 9074729")).contains("other characters"));
        assert!(err(parse_imo("IMO No.")).contains("Enter the IMO number"));
        assert!(err(parse_imo("IMO")).contains("Enter the IMO number"));
        assert!(err(parse_imo("")).contains("Enter the IMO number"));
    }

    // --- countries and UN/LOCODE ---

    #[test]
    fn country_list_is_sorted_unique_and_well_formed() {
        assert!(COUNTRY_CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(COUNTRY_CODES
            .iter()
            .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn country_list_has_recent_and_lacks_withdrawn_codes() {
        for assigned in ["SS", "BQ", "CW", "SX", "AX", "TL"] {
            assert!(is_assigned_country(assigned), "{assigned}");
        }
        // Kosovo (XK) is user-assigned, not ISO; AN, CS, YU were withdrawn.
        for withdrawn in ["XK", "AN", "CS", "YU", "UK", "EU", "ZR"] {
            assert!(!is_assigned_country(withdrawn), "{withdrawn}");
        }
    }

    #[test]
    fn parses_country_codes() {
        assert_eq!(parse_country("th").unwrap(), "TH");
        assert_eq!(parse_country(" Nl ").unwrap(), "NL");
        assert_eq!(parse_country("GB").unwrap(), "GB");
    }

    #[test]
    fn refuses_unknown_country_codes() {
        let message = err(parse_country("XX"));
        assert!(
            message.contains("XX is not an assigned ISO 3166"),
            "{message}"
        );
        assert!(err(parse_country("uk")).contains("United Kingdom is GB"));
    }

    #[test]
    fn refuses_country_names_and_odd_shapes() {
        assert!(err(parse_country("Thailand")).contains("two letters"));
        assert!(err(parse_country("T1")).contains("two letters"));
        assert!(err(parse_country("")).contains("Enter the country"));
    }

    #[test]
    fn parses_locodes() {
        for code in ["THLCH", "MXZLO", "NLRTM", "CNSHA", "DEHAM"] {
            assert_eq!(parse_locode(code).unwrap(), code);
        }
        assert_eq!(parse_locode("nl rtm").unwrap(), "NLRTM");
        assert_eq!(parse_locode("NL-RTM").unwrap(), "NLRTM");
        // Digits 2-9 are allowed in the place part.
        assert_eq!(parse_locode("US2AB").unwrap(), "US2AB");
    }

    #[test]
    fn refuses_locode_with_unknown_country() {
        let message = err(parse_locode("XXRTM"));
        assert!(
            message.contains("'XX'") && message.contains("not an assigned"),
            "{message}"
        );
        assert!(err(parse_locode("UKLON")).contains("United Kingdom is GB"));
    }

    #[test]
    fn refuses_locode_with_digit_in_country() {
        let message = err(parse_locode("N1RTM"));
        assert!(message.contains("two-letter country code"), "{message}");
    }

    #[test]
    fn refuses_locode_with_zero_or_one() {
        let message = err(parse_locode("NLR0M"));
        assert!(
            message.contains("0 or 1") && message.contains("letter O"),
            "{message}"
        );
        let message = err(parse_locode("NLR1M"));
        assert!(message.contains("letter I"), "{message}");
    }

    #[test]
    fn refuses_locode_with_other_characters_or_length() {
        assert!(err(parse_locode("NLR_M")).contains("letters A-Z or digits 2-9"));
        assert!(err(parse_locode("NLRT")).contains("has 4"));
        assert!(err(parse_locode("NLRTMX")).contains("has 6"));
        assert!(err(parse_locode("NLRTÖ")).contains("not a plain letter"));
        assert!(err(parse_locode(" ")).contains("Enter the UN/LOCODE"));
    }

    #[test]
    fn a_stray_character_in_a_locode_is_named_and_placed() {
        assert_eq!(
            err(parse_locode("NL\u{200B}RTM")),
            "Character 3 of the UN/LOCODE is U+200B ZERO WIDTH SPACE, which is not a plain \
             letter A-Z or digit: type the code again (a look-alike letter from another alphabet \
             or an invisible character may have been pasted in)"
        );
        assert!(err(parse_locode("NLR\u{422}M")).contains("U+0422 CYRILLIC CAPITAL LETTER TE"));
    }

    #[test]
    fn locode_refusals_have_no_stray_spaces_in_any_language() {
        let refusals = [
            "",
            "NLRT\u{200B}",
            "NLRT",
            "N1RTM",
            "XXRTM",
            "UKLON",
            "NLR0M",
            "NLR_M",
        ]
        .map(|typed| parse_locode(typed).unwrap_err());
        for locale in quayside_i18n::Locale::TRANSLATED {
            let words = quayside_i18n::Catalogue::get(locale);
            for refusal in &refusals {
                let text = words.format_checked(&refusal.text).unwrap();
                let stray = [
                    "  ", " :", " ,", " )", "( ", " ：", " ，", "（ ", " ）", "“ ", " ”",
                ]
                .into_iter()
                .find(|s| text.contains(s));
                assert!(
                    stray.is_none() && text.trim() == text,
                    "{locale:?}: {stray:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn locode_country_is_first_two_characters() {
        assert_eq!(locode_country("NLRTM"), "NL");
        assert_eq!(locode_country("TH"), "TH");
        assert_eq!(locode_country("T"), "T");
        assert_eq!(locode_country("ÖÄX"), "ÖÄ");
    }

    // --- currency ---

    #[test]
    fn parses_currency_shape() {
        assert_eq!(parse_currency("usd").unwrap(), "USD");
        assert_eq!(parse_currency(" Thb ").unwrap(), "THB");
        assert!(err(parse_currency("US")).contains("three-letter code"));
        assert!(err(parse_currency("$")).contains("three-letter code"));
        assert!(err(parse_currency("U5D")).contains("three-letter code"));
        assert!(err(parse_currency("")).contains("Enter the currency"));
    }

    // --- HS codes ---

    #[test]
    fn parses_hs_codes_with_separators() {
        let code = parse_hs_code("2805.30").unwrap();
        assert_eq!(code.digits(), "280530");
        assert_eq!(code.chapter(), "28");
        assert_eq!(code.heading(), "2805");
        assert_eq!(code.subheading(), "280530");
        assert_eq!(code.display(), "2805.30");
        assert_eq!(parse_hs_code("8112 92 10").unwrap().digits(), "81129210");
        assert_eq!(parse_hs_code("0101.21").unwrap().chapter(), "01");
        assert_eq!(parse_hs_code("9701.10").unwrap().chapter(), "97");
    }

    #[test]
    fn hs_display_groups_the_national_digits() {
        let show = |s: &str| parse_hs_code(s).unwrap().display();
        assert_eq!(show("81129210"), "8112.92.10");
        assert_eq!(show("8112921000"), "8112.92.1000");
        assert_eq!(show("8112921"), "8112.92.1");
        assert_eq!(show("811292100"), "8112.92.100");
    }

    #[test]
    fn refuses_heading_alone() {
        let message = err(parse_hs_code("2805"));
        assert!(
            message.contains("heading alone") && message.contains("give 6 digits"),
            "{message}"
        );
    }

    #[test]
    fn refuses_hs_codes_of_wrong_length() {
        assert!(err(parse_hs_code("28053")).contains("has 5"));
        // A Cyrillic М pasted in: named as such, not as a length problem.
        let message = err(parse_locode("NLRT\u{41c}"));
        assert!(message.contains("not a plain letter"), "{message}");
        assert!(err(parse_hs_code("2")).contains("has 1"));
        assert!(err(parse_hs_code("81129210001")).contains("at most 10 digits"));
        assert!(err(parse_hs_code(" . ")).contains("Enter the HS code"));
    }

    #[test]
    fn refuses_hs_codes_with_letters() {
        assert!(err(parse_hs_code("28O5.30")).contains("contains 'O'"));
    }

    #[test]
    fn refuses_non_existent_chapters() {
        assert!(err(parse_hs_code("0005.30")).contains("chapter 00"));
        assert!(err(parse_hs_code("7701.10")).contains("reserved"));
        assert!(err(parse_hs_code("9801.10")).contains("national use"));
        assert!(err(parse_hs_code("9901.10")).contains("national use"));
    }
}
