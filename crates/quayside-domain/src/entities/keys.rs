//! Normalised keys: one text per company, person, number or address however it was written, so
//! the same party in two cases has the same key. Exact keys link cases by themselves; anything
//! looser is only suggested (`similar.rs`).

use unicode_normalization::UnicodeNormalization;

/// Legal forms written after a company's name, as word sequences once folded (dots dropped, so
/// "S.A. de C.V." is `sa de cv`). Longest first within a language, taken off the end repeatedly.
const LEGAL_FORMS: &[&[&str]] = &[
    // English, and forms used in Hong Kong, Singapore, Malaysia and India.
    &["company", "limited"],
    &["co", "limited"],
    &["co", "ltd"],
    &["pte", "ltd"],
    &["pvt", "ltd"],
    &["private", "limited"],
    &["sdn", "bhd"],
    &["limited"],
    &["ltd"],
    &["incorporated"],
    &["inc"],
    &["corporation"],
    &["corp"],
    &["company"],
    &["co"],
    &["llc"],
    &["llp"],
    &["lp"],
    &["plc"],
    &["pte"],
    &["pvt"],
    // Mexico and Spanish-speaking countries.
    &["s", "de", "rl", "de", "cv"],
    &["sapi", "de", "cv"],
    &["sa", "de", "cv"],
    &["sociedad", "anonima", "de", "capital", "variable"],
    &["sociedad", "anonima"],
    &["de", "cv"],
    &["sa"],
    &["srl"],
    &["sas"],
    // Europe, for forwarders and buyers.
    &["gmbh"],
    &["ag"],
    &["bv"],
    &["nv"],
    &["spa"],
];

/// Chinese legal forms at the end of a name (after folding to simplified characters).
const CHINESE_LEGAL_FORMS: &[&str] = &["股份有限公司", "有限责任公司", "有限公司", "公司"];

/// Thai legal forms, wherever they stand: "บริษัท ... จำกัด (มหาชน)", and their abbreviations.
const THAI_LEGAL_FORMS: &[&str] = &["ห้างหุ้นส่วนจำกัด", "บริษัท", "จำกัด", "มหาชน", "บจก", "บมจ", "หจก"];

/// Text folded for comparison: compatibility forms as what they stand for (full-width `ＡＢＣ`,
/// circled and half-width forms), traditional Chinese as simplified, letters in lower case and
/// without accents, dots and apostrophes dropped and other punctuation as a space; then the words.
pub fn words(text: &str) -> Vec<String> {
    let simplified = fast2s::convert(&text.nfkc().collect::<String>());
    let plain: String = simplified
        .nfd()
        .filter(|c| !is_combining_accent(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| !matches!(c, '.' | '\'' | '’' | '·'))
        .map(|c| {
            if c.is_alphanumeric() || is_thai_mark(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    plain.split_whitespace().map(str::to_string).collect()
}

/// A company's name as a key: folded (`words`), legal forms taken off, Chinese and Thai written
/// without spaces. `Shenzhen Huaxin Trading Co., Ltd.` and `SHENZHEN HUAXIN TRADING CO LTD` are
/// `shenzhen huaxin trading`; `深圳市華鑫貿易有限公司` is `深圳市华鑫贸易`. None when nothing is left.
pub fn company(name: &str) -> Option<String> {
    // Folded as the name is: NFKC writes the Thai vowel `ำ` as two characters.
    let thai_forms: Vec<String> = THAI_LEGAL_FORMS.iter().flat_map(|f| words(f)).collect();
    let mut words: Vec<String> = words(name)
        .into_iter()
        .filter(|w| !thai_forms.contains(w))
        .collect();
    loop {
        let before = words.len();
        if let Some(form) = LEGAL_FORMS
            .iter()
            .find(|form| form.len() < words.len() && words.ends_with_words(form))
        {
            words.truncate(words.len() - form.len());
        }
        if let Some(last) = words.last_mut() {
            // The longest form the word ends with, and only when a name stands before it.
            if let Some(form) = CHINESE_LEGAL_FORMS.iter().find(|f| last.ends_with(*f)) {
                if last.len() > form.len() {
                    last.truncate(last.len() - form.len());
                }
            }
        }
        if words.len() == before {
            break;
        }
    }
    // The Chinese forms may stand alone after a space.
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| CHINESE_LEGAL_FORMS.contains(&w.as_str()))
    {
        words.pop();
    }
    joined(&words)
}

/// A person's name as a key, with their year of birth: the words in any order (`ZHANG Wei` and
/// `Wei Zhang` are one person), so a name written family name first or last is the same key.
pub fn person(name: &str, birth_year: &str) -> Option<String> {
    let mut words = words(name);
    words.sort();
    Some(format!("{} {birth_year}", joined(&words)?))
}

/// A registration, tax or identity number: letters and digits only, in upper case
/// (`91440300-MA5F 1234X` is `91440300MA5F1234X`). None below four characters: too short to
/// tell one party from another.
pub fn number(text: &str) -> Option<String> {
    let key: String = text
        .nfkc()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect();
    (key.chars().count() >= 4).then_some(key)
}

/// An address as a key: folded words in the order written.
pub fn address(text: &str) -> Option<String> {
    joined(&words(text))
}

/// A phone number as its digits, international: `+86 (755) 8888-1234`, `0086 755 88881234` and
/// `+8675588881234` are one number. A number written without its country code stays as
/// written, digits only. None below six digits.
pub fn phone(text: &str) -> Option<String> {
    let plain: String = text.nfkc().collect();
    let trimmed = plain.trim_start();
    let international = trimmed.starts_with('+') || trimmed.starts_with("00");
    let mut digits: String = plain.chars().filter(char::is_ascii_digit).collect();
    if trimmed.starts_with("00") {
        digits.drain(..2);
    }
    if digits.len() < 6 {
        return None;
    }
    Some(if international {
        format!("+{digits}")
    } else {
        digits
    })
}

/// An email address, in lower case without spaces. None without an `@` between two parts.
pub fn email(text: &str) -> Option<String> {
    let key: String = text
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let (local, domain) = key.split_once('@')?;
    (!local.is_empty() && domain.contains('.')).then_some(key)
}

/// A transport document's number (a bill of lading, an air waybill): letters and digits only,
/// in upper case, as carriers print them with or without their spaces and dashes.
pub fn document(text: &str) -> Option<String> {
    number(text)
}

fn joined(words: &[String]) -> Option<String> {
    let mut out = String::new();
    for word in words {
        // Chinese and Thai are written without spaces between words: a space typed between two
        // such words is not part of the name.
        let glued = out.chars().last().is_some_and(is_unspaced_script)
            && word.chars().next().is_some_and(is_unspaced_script);
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

trait EndsWithWords {
    fn ends_with_words(&self, form: &[&str]) -> bool;
}

impl EndsWithWords for Vec<String> {
    fn ends_with_words(&self, form: &[&str]) -> bool {
        self.len() >= form.len()
            && self[self.len() - form.len()..]
                .iter()
                .zip(form)
                .all(|(w, f)| w == f)
    }
}

fn is_combining_accent(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Thai vowels and tone marks above and below a letter: part of the word, not punctuation.
fn is_thai_mark(c: char) -> bool {
    ('\u{0E31}'..='\u{0E3A}').contains(&c) || ('\u{0E47}'..='\u{0E4E}').contains(&c)
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0E7F}'   // Thai
        | '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_company_have_one_key() {
        let key = company("Shenzhen Huaxin Trading Co., Ltd.");
        assert_eq!(key.as_deref(), Some("shenzhen huaxin trading"));
        for spelling in [
            "SHENZHEN HUAXIN TRADING CO LTD",
            "Shenzhen Huaxin Trading Company Limited",
            "shenzhen  huaxin-trading co. ltd",
            "ＳＨＥＮＺＨＥＮ　ＨＵＡＸＩＮ　ＴＲＡＤＩＮＧ　ＣＯ．，ＬＴＤ．",
            "Shenzhen Huaxin Trading Ltd",
        ] {
            assert_eq!(company(spelling), key, "{spelling}");
        }
    }

    #[test]
    fn chinese_names_fold_traditional_and_width_and_drop_the_legal_form() {
        let key = company("深圳市华鑫贸易有限公司");
        assert_eq!(key.as_deref(), Some("深圳市华鑫贸易"));
        for spelling in [
            "深圳市華鑫貿易有限公司",
            "深圳市华鑫贸易有限责任公司",
            "深圳市 华鑫 贸易 有限公司",
            "深圳市华鑫贸易 有限公司",
        ] {
            assert_eq!(company(spelling), key, "{spelling}");
        }
    }

    #[test]
    fn thai_and_mexican_legal_forms_are_dropped() {
        assert_eq!(
            company("บริษัท ไทยมิเนอรัล จำกัด (มหาชน)"),
            company("ไทยมิเนอรัล จำกัด")
        );
        assert_eq!(company("บจก. ไทยมิเนอรัล").as_deref(), Some("ไทยมิเนอรัล"));
        let key = company("Minerales del Norte, S.A. de C.V.");
        assert_eq!(key.as_deref(), Some("minerales del norte"));
        assert_eq!(company("MINERALES DEL NORTE SA DE CV"), key);
        assert_eq!(company("Minerales del Norte, S. de R.L. de C.V."), key);
        assert_eq!(company("Minerales del Nórte SA"), key);
    }

    #[test]
    fn different_companies_keep_different_keys() {
        let a = company("Shenzhen Huaxin Trading Co., Ltd.");
        for other in [
            "Shenzhen Huaxing Trading Co., Ltd.",
            "Shenzhen Huaxin Mining Co., Ltd.",
            "Dongguan Huaxin Trading Co., Ltd.",
            "Huaxin Trading (Shenzhen) Co., Ltd.",
        ] {
            assert_ne!(company(other), a, "{other}");
        }
        assert_ne!(
            company("深圳市华鑫贸易有限公司"),
            company("深圳市华鑫矿业有限公司")
        );
    }

    #[test]
    fn a_legal_form_alone_is_kept_as_the_name() {
        assert_eq!(company("Limited").as_deref(), Some("limited"));
        assert_eq!(company("有限公司").as_deref(), Some("有限公司"));
        assert_eq!(company("  ,. "), None);
    }

    #[test]
    fn person_keys_ignore_word_order_but_not_the_year() {
        assert_eq!(person("ZHANG Wei", "1980"), person("Wei Zhang", "1980"));
        assert_ne!(person("ZHANG Wei", "1980"), person("ZHANG Wei", "1981"));
        assert_eq!(person("张伟", "1980"), person("張偉", "1980"));
    }

    #[test]
    fn numbers_phones_and_emails_have_canonical_forms() {
        assert_eq!(
            number("91440300-MA5F 1234x").as_deref(),
            Some("91440300MA5F1234X")
        );
        assert_eq!(number("A-1"), None);
        let key = phone("+86 (755) 8888-1234");
        assert_eq!(key.as_deref(), Some("+8675588881234"));
        assert_eq!(phone("0086 755 88881234"), key);
        assert_eq!(phone("＋８６７５５８８８８１２３４"), key);
        assert_eq!(phone("755 8888 1234").as_deref(), Some("75588881234"));
        assert_eq!(phone("12-34"), None);
        assert_eq!(
            email(" Sales@HuaXin.CN ").as_deref(),
            Some("sales@huaxin.cn")
        );
        assert_eq!(email("sales at huaxin"), None);
        assert_eq!(document("MEDU 1234 567-8").as_deref(), Some("MEDU12345678"));
    }
}
