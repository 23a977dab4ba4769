//! How text is read for search, the same way when a case is indexed (`projection`) and when a
//! person searches (`queries`). Full-width ASCII is read as ASCII. Text in the scripts written
//! without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) goes to a trigram
//! index (`case_search_trigram`), so any part of a name is found; everything else stays in the
//! word index (`case_search`, unicode61), where each word is a prefix. unicode61 would see a whole
//! Chinese name as one word and cut Thai at every vowel or tone mark above or below a letter.

/// A case's search text as the two indexes hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IndexText {
    /// For `case_search`: every value, runs of spaceless scripts replaced by spaces.
    pub words: String,
    /// For `case_search_trigram`: each value that has a spaceless script, whole (so a fragment
    /// mixing scripts is found too), each followed by a newline and one more at the end, so that
    /// every character starts a trigram (see `SearchQuery::short`). Empty when there is none.
    pub trigrams: String,
}

/// What a person typed, as queries over the two indexes; every part must match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct SearchQuery {
    /// FTS5 query over `case_search`: each word quoted as a prefix.
    pub words: Option<String>,
    /// FTS5 query over `case_search_trigram`: each fragment of 3 or more characters quoted as a
    /// phrase of trigrams, which matches it anywhere in a value.
    pub fragments: Option<String>,
    /// Fragments of 1 or 2 characters, lower case. A trigram query cannot hold them; every
    /// character of the indexed text starts a trigram, so they are looked up as a prefix of the
    /// index's trigrams (`case_search_trigram_terms`), still through the index.
    pub short: Vec<String>,
}

/// At most this many words of a search are used: a pasted paragraph is not a query.
const MAX_WORDS: usize = 16;

/// Full-width ASCII (U+FF01 to U+FF5E) as ASCII and the ideographic space as a space: how a
/// container number or a Latin name is typed with a CJK input method.
pub(crate) fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// A character of a script written without spaces between words: letters, marks and digits of
/// Han (with its iteration marks), Hiragana, Katakana, Thai, Lao, Khmer and Myanmar. Their
/// punctuation is left out, so it separates fragments like any other.
pub(crate) fn is_spaceless(c: char) -> bool {
    matches!(c as u32,
        0x0E01..=0x0E3A | 0x0E40..=0x0E4E | 0x0E50..=0x0E59 // Thai
        | 0x0E81..=0x0EDF // Lao
        | 0x1000..=0x1049 | 0x1050..=0x109F // Myanmar
        | 0x1780..=0x17D3 | 0x17D7 | 0x17DC..=0x17DD | 0x17E0..=0x17E9 | 0x19E0..=0x19FF // Khmer
        | 0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3038..=0x303B // Han marks
        | 0x3041..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF // kana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF // Han
        | 0xFF66..=0xFF9F // half-width katakana
    )
}

/// Combining diacritical marks (accents typed apart from their letter): part of the word they
/// follow, so "Mun\u{303}oz" stays one word; unicode61 then drops them as it drops "ñ"'s.
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The text of `values` (a case's number, field values, reasons, captions) for the indexes.
pub(crate) fn index_text<'a>(values: impl IntoIterator<Item = &'a str>) -> IndexText {
    let mut words = Vec::new();
    let mut trigrams = String::new();
    for value in values {
        let value = normalise(value);
        if value.chars().any(is_spaceless) {
            let rest: String = (value.chars())
                .map(|c| if is_spaceless(c) { ' ' } else { c })
                .collect();
            words.push(rest);
            trigrams.push_str(&value);
            trigrams.push('\n');
        } else {
            words.push(value);
        }
    }
    if !trigrams.is_empty() {
        trigrams.push('\n');
    }
    IndexText {
        words: words.join("\n"),
        trigrams,
    }
}

/// The queries for `text`: its words (letters, digits, marks; anything else separates them),
/// a container number typed in groups as one word. Quotes, operators and brackets never reach
/// FTS5, so no text can raise an error or change what is matched. None when it holds no word.
pub(crate) fn search_query(text: &str) -> Option<SearchQuery> {
    let text = normalise(text);
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || is_spaceless(c) || is_combining(c)))
        .filter(|w| w.chars().any(|c| c.is_alphanumeric() || is_spaceless(c)))
        .take(MAX_WORDS)
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut query = SearchQuery::default();
    let mut prefixes = Vec::new();
    let mut phrases = Vec::new();
    for word in join_container_numbers(&words) {
        let quoted = word.replace('"', "\"\"");
        if !word.chars().any(is_spaceless) {
            prefixes.push(format!("\"{quoted}\"*"));
        } else if word.chars().count() >= 3 {
            phrases.push(format!("\"{quoted}\""));
        } else {
            query.short.push(word.to_lowercase());
        }
    }
    query.words = (!prefixes.is_empty()).then(|| prefixes.join(" "));
    query.fragments = (!phrases.is_empty()).then(|| phrases.join(" "));
    Some(query)
}

/// `words` with a container number typed in groups ("CSQU 305438 3") joined as it is stored
/// ("CSQU305438 3" and "CSQU 3054383" too): otherwise "305438" would have to start a word.
fn join_container_numbers(words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match container_at(&words[i..]) {
            Some((joined, used)) => {
                out.push(joined);
                i += used;
            }
            None => {
                out.push(words[i].to_string());
                i += 1;
            }
        }
    }
    out
}

/// An owner code and category (four letters, the last U, J or Z) and then 6 or 7 digits (the
/// serial, the check digit) spread over the first words of `words`: the number and how many words
/// it took. Only that shape is joined, so other words keep their meaning.
fn container_at(words: &[&str]) -> Option<(String, usize)> {
    let first = words.first()?.as_bytes();
    let owner = first.get(..4)?;
    if !owner.iter().all(u8::is_ascii_alphabetic)
        || !matches!(owner[3].to_ascii_uppercase(), b'U' | b'J' | b'Z')
        || !first[4..].iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let mut joined = words[0].to_string();
    let mut digits = first.len() - 4;
    let mut found = None;
    for (n, word) in words.iter().enumerate().skip(1) {
        if !word.bytes().all(|b| b.is_ascii_digit()) || digits + word.len() > 7 {
            break;
        }
        digits += word.len();
        joined.push_str(word);
        if digits >= 6 {
            found = Some((joined.clone(), n + 1));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Option<String> {
        search_query(text).and_then(|q| q.words)
    }

    #[test]
    fn a_container_number_typed_as_painted_is_one_word() {
        for typed in [
            "CSQU 305438 3",
            "csqu3054383",
            "CSQU305438 3",
            "CSQU 3054383",
            "csqu-305438-3",
            "ＣＳＱＵ３０５４３８３",
            "ＣＳＱＵ　３０５４３８　３",
        ] {
            let expected = typed
                .chars()
                .filter(|c| c.is_alphanumeric())
                .map(|c| normalise(&c.to_string()))
                .collect::<String>();
            assert_eq!(words(typed), Some(format!("\"{expected}\"*")), "{typed:?}");
        }
        assert_eq!(
            words("CSQU 305438"),
            Some("\"CSQU305438\"*".into()),
            "without its check digit"
        );
        // Other shapes keep their words.
        assert_eq!(words("ml 7788"), Some("\"ml\"* \"7788\"*".into()));
        assert_eq!(words("CSQA 305438"), Some("\"CSQA\"* \"305438\"*".into()));
        assert_eq!(
            words("CSQU 12 34"),
            Some("\"CSQU\"* \"12\"* \"34\"*".into())
        );
        assert_eq!(
            words("CSQU 305438 31"),
            Some("\"CSQU305438\"* \"31\"*".into())
        );
    }

    #[test]
    fn spaceless_scripts_are_fragments_and_the_rest_words() {
        let q = search_query("华鑫 深圳华鑫贸易 Müller บริษัท 王").unwrap();
        assert_eq!(q.words.as_deref(), Some("\"Müller\"*"));
        assert_eq!(q.fragments.as_deref(), Some("\"深圳华鑫贸易\" \"บริษัท\""));
        assert_eq!(q.short, ["华鑫", "王"]);
        // Thai tone marks are not letters to Rust, yet part of the word.
        assert_eq!(
            search_query("ไม้").unwrap().fragments.as_deref(),
            Some("\"ไม้\"")
        );
        assert_eq!(words("Mun\u{303}oz"), Some("\"Mun\u{303}oz\"*".into()));
        assert_eq!(search_query("「」、。\u{303}"), None);
    }

    #[test]
    fn the_index_keeps_spaceless_values_whole_and_words_apart() {
        let text = index_text(["NLRTM-2026-1", "深圳ABC贸易", "Jürgen", "ＣＳＱＵ３０５"]);
        assert_eq!(text.words, "NLRTM-2026-1\n  ABC  \nJürgen\nCSQU305");
        assert_eq!(text.trigrams, "深圳ABC贸易\n\n");
        assert_eq!(index_text(["Jürgen"]).trigrams, "");
    }
}
