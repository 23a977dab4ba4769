//! Near matches: keys a letter or two apart (`Huaxin` and `Huaxing`, a dropped `市`) may be one
//! company or one address misspelt, or two different ones. They are only suggested; a person
//! decides.

/// How alike two keys must be to be suggested: one edit in seven characters, so a short Chinese
/// name missing one character is suggested and two names sharing only a city are not.
pub const NEAR: f64 = 0.85;

/// How alike two keys are, 0 to 1: one less the edits (insert, delete, replace, swap two
/// neighbours) that make one the other, over the longer's length, in characters.
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_damerau_levenshtein(a, b)
}

/// Whether `other` is near enough to `key` to be suggested (and is not the same key).
pub fn is_near(key: &str, other: &str) -> bool {
    key != other && similarity(key, other) >= NEAR
}

/// The characters two keys must share at the start to be compared at all: keys are looked up by
/// prefix, so a store of many keys compares a few. A misspelling in the first characters is
/// not suggested.
pub const PREFIX_CHARS: usize = 3;

/// The first `PREFIX_CHARS` characters of a key.
pub fn prefix(key: &str) -> &str {
    match key.char_indices().nth(PREFIX_CHARS) {
        Some((end, _)) => &key[..end],
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::keys::company;

    fn near(a: &str, b: &str) -> bool {
        is_near(&company(a).unwrap(), &company(b).unwrap())
    }

    #[test]
    fn a_letter_or_a_character_apart_is_suggested() {
        assert!(near(
            "Shenzhen Huaxin Trading Co., Ltd.",
            "Shenzhen Huaxing Trading Co Ltd"
        ));
        assert!(near("深圳市华鑫贸易有限公司", "深圳华鑫贸易有限公司"));
        assert!(near(
            "Minerales del Norte SA de CV",
            "Minerals del Norte SA"
        ));
    }

    #[test]
    fn names_sharing_a_city_or_a_trade_are_not() {
        assert!(!near(
            "Shenzhen Huaxin Trading Co., Ltd.",
            "Shenzhen Huaxin Mining Co., Ltd."
        ));
        assert!(!near("深圳市华鑫贸易有限公司", "深圳市华鑫矿业有限公司"));
        assert!(!near("Shenzhen Huaxin Trading", "Shenzhen Hengtai Trading"));
        // The same key is a link, not a suggestion.
        assert!(!near("Huaxin Trading Ltd", "HUAXIN TRADING LIMITED"));
    }

    #[test]
    fn the_prefix_counts_characters_not_bytes() {
        assert_eq!(prefix("深圳市华鑫"), "深圳市");
        assert_eq!(prefix("ab"), "ab");
        assert_eq!(prefix("shenzhen"), "she");
    }
}
