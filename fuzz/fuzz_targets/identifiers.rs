//! The identifier parsers on any text: no panic; an accepted container number is canonical,
//! carries its check digit and came from its own characters plus formatting only.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quayside_domain::identifiers::{
    container_check_digit, parse_container_number, parse_hs_code, parse_imo, parse_locode,
};

fuzz_target!(|text: &str| {
    if let Ok(number) = parse_container_number(text) {
        let canonical = number.as_str();
        assert_eq!(canonical.len(), 11);
        assert_eq!(
            parse_container_number(canonical).unwrap().as_str(),
            canonical
        );
        assert_eq!(
            container_check_digit(&canonical[..10]),
            canonical[10..].parse::<u32>().ok()
        );
        let own: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '/' | '.'))
            .collect();
        assert_eq!(own.to_ascii_uppercase(), canonical);
    }
    if let Ok(imo) = parse_imo(text) {
        assert_eq!(parse_imo(&imo).unwrap(), imo);
    }
    if let Ok(locode) = parse_locode(text) {
        assert_eq!(parse_locode(&locode).unwrap(), locode);
    }
    if let Ok(hs) = parse_hs_code(text) {
        assert_eq!(parse_hs_code(&hs.display()).unwrap(), hs);
    }
});
