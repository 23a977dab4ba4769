//! How the person typing writes values: their language's number and date conventions, whether
//! they count years in the Buddhist era, and the full-width characters Chinese input methods type.
//! What they type is read with these; what is stored is the same canonical text whoever typed it
//! (`docs/domain.md`, "Typing values").

use quayside_i18n::Locale;

/// The conventions a value was typed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InputConventions {
    /// The person's language: it says which mark is the decimal one and whether a date may put
    /// the day first.
    pub locale: Locale,
    /// Years typed in the Buddhist era (BE = CE + 543), as Thai documents count them. A person's
    /// choice, kept as the `-u-ca-buddhist` extension of their language tag.
    pub buddhist_era: bool,
}

/// The subtags of a BCP 47 language tag that ask for the Buddhist calendar.
const BUDDHIST_CALENDAR: &str = "u-ca-buddhist";

impl InputConventions {
    /// How stored text is written (English marks, years of the Common Era): what reads a stored
    /// value back.
    pub const STORED: InputConventions = InputConventions::new(Locale::En);

    pub const fn new(locale: Locale) -> Self {
        InputConventions {
            locale,
            buddhist_era: false,
        }
    }

    /// The conventions of a BCP 47 tag as people and systems give it (`es-MX`, `th-TH`,
    /// `th-u-ca-buddhist`); `None` for a language Quayside does not speak.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let subtags: Vec<String> = tag
            .trim()
            .split(['-', '_'])
            .map(str::to_ascii_lowercase)
            .collect();
        // Extensions start at a single-letter subtag; the language is what comes before.
        let extensions = subtags
            .iter()
            .position(|s| s.len() == 1)
            .unwrap_or(subtags.len());
        let locale = Locale::from_tag(&subtags[..extensions].join("-"))?;
        // The keys of the `u` extension run up to the next single-letter subtag.
        let buddhist_era = subtags[extensions..]
            .iter()
            .position(|s| s == "u")
            .is_some_and(|at| {
                let keys: Vec<&String> = subtags[extensions + at + 1..]
                    .iter()
                    .take_while(|s| s.len() > 1)
                    .collect();
                keys.windows(2).any(|w| w[0] == "ca" && w[1] == "buddhist")
            });
        Some(InputConventions {
            locale,
            buddhist_era,
        })
    }

    /// The language tag that keeps these conventions, e.g. `th-u-ca-buddhist`.
    pub fn tag(self) -> String {
        if self.buddhist_era {
            format!("{}-{BUDDHIST_CALENDAR}", self.locale.tag())
        } else {
            self.locale.tag().to_string()
        }
    }

    /// Whether a date may be typed day first (`6/12/2026`): in Spanish and Thai it is the only
    /// order in use. In English day-first and month-first dates both circulate, and Chinese puts
    /// the year first, so there neither is read: the year must come first.
    pub(crate) fn day_first(self) -> bool {
        matches!(self.locale, Locale::Es | Locale::Th)
    }

    /// Whether numbers are written with a decimal comma (`1250,5`): Spanish reads both marks.
    pub(crate) fn decimal_comma(self) -> bool {
        self.locale == Locale::Es
    }

    /// A canonical number example ("1250.5 kg") as this person writes it ("1250,5 kg").
    pub(crate) fn example(self, canonical: &str) -> String {
        if self.decimal_comma() {
            canonical.replace('.', ",")
        } else {
            canonical.to_string()
        }
    }
}

impl Default for InputConventions {
    fn default() -> Self {
        InputConventions::STORED
    }
}

/// Full-width forms, as Chinese and Japanese input methods type them, as the characters they
/// stand for: `ＣＳＱＵ３０５４３８３` is `CSQU3054383`, the ideographic space a space, `￥` is `¥`.
/// Only these exact equivalents change, so no look-alike becomes a letter nobody typed.
pub fn fold_width(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{FFE0}' => '¢',
        '\u{FFE1}' => '£',
        '\u{FFE2}' => '¬',
        '\u{FFE3}' => '¯',
        '\u{FFE4}' => '¦',
        '\u{FFE5}' => '¥',
        '\u{FFE6}' => '₩',
        other => other,
    }
}

/// A value's text (a number, date, code or identifier) in plain characters: full-width forms
/// folded, Thai digits (`๒๕๖๙`) as the digits they are, and the ideographic full stop `。` read as
/// the `.` key that typed it (Chinese input methods type it for `.` in Chinese punctuation mode).
pub(crate) fn plain_value(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3002}' | '\u{FF61}' => '.',
            '\u{0E50}'..='\u{0E59}' => {
                char::from_u32(u32::from(c) - 0x0E50 + u32::from('0')).unwrap_or(c)
            }
            other => fold_char(other),
        })
        .collect()
}

/// Free text with full-width letters and digits folded (`ＭＳＣ ＡＮＮＡ` is `MSC ANNA`, so
/// numbers and names are found by search), its punctuation and spaces kept: `，` and `（）` are
/// right in Chinese prose and names.
pub(crate) fn fold_letters_and_digits(text: &str) -> String {
    text.chars()
        .map(|c| {
            let folded = fold_char(c);
            if folded != c && folded.is_ascii_alphanumeric() {
                folded
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conventions_come_from_the_language_tag() {
        let cases = [
            ("en", Locale::En, false),
            ("es-MX", Locale::Es, false),
            ("es_ES.UTF-8", Locale::Es, false),
            ("zh-CN", Locale::ZhCn, false),
            ("th", Locale::Th, false),
            ("th-TH", Locale::Th, false),
            ("th-u-ca-buddhist", Locale::Th, true),
            ("th-TH-u-nu-latn-ca-buddhist", Locale::Th, true),
            ("TH-U-CA-BUDDHIST", Locale::Th, true),
            ("en-u-ca-buddhist", Locale::En, true),
            ("th-u-ca-gregory", Locale::Th, false),
            // `ca` of another extension is not the calendar.
            ("th-x-ca-buddhist", Locale::Th, false),
            ("th-u-nu-thai-x-ca-buddhist", Locale::Th, false),
        ];
        for (tag, locale, buddhist_era) in cases {
            assert_eq!(
                InputConventions::from_tag(tag),
                Some(InputConventions {
                    locale,
                    buddhist_era
                }),
                "{tag}"
            );
        }
        assert_eq!(InputConventions::from_tag("de-DE"), None);
    }

    #[test]
    fn the_tag_keeps_the_buddhist_era_and_reads_back() {
        for locale in Locale::OFFERED.into_iter().chain([Locale::Pseudo]) {
            for buddhist_era in [false, true] {
                let conventions = InputConventions {
                    locale,
                    buddhist_era,
                };
                assert_eq!(
                    InputConventions::from_tag(&conventions.tag()),
                    Some(conventions)
                );
            }
        }
        // The language the screens are shown in is read from the same tag.
        for locale in Locale::OFFERED {
            let tag = InputConventions {
                locale,
                buddhist_era: true,
            }
            .tag();
            assert_eq!(Locale::from_tag(&tag), Some(locale), "{tag}");
        }
        assert_eq!(
            InputConventions {
                locale: Locale::Th,
                buddhist_era: true
            }
            .tag(),
            "th-u-ca-buddhist"
        );
    }

    #[test]
    fn full_width_forms_fold_to_what_they_stand_for() {
        assert_eq!(fold_width("ＣＳＱＵ３０５４３８３"), "CSQU3054383");
        assert_eq!(fold_width("１２５０ｋｇ"), "1250kg");
        assert_eq!(
            fold_width("２０２６／１２／６　１４：０５"),
            "2026/12/6 14:05"
        );
        assert_eq!(fold_width("１，２５０．５"), "1,250.5");
        assert_eq!(fold_width("￥１２"), "¥12");
        assert_eq!(fold_width("ｏ４"), "o4");
        // Not full-width forms: left alone.
        assert_eq!(fold_width("深圳。、ſı"), "深圳。、ſı");
    }

    #[test]
    fn values_read_the_ideographic_full_stop_as_a_dot() {
        assert_eq!(plain_value("１２５０。５ｋｇ"), "1250.5kg");
        assert_eq!(plain_value("2805｡30"), "2805.30");
        assert_eq!(plain_value("๖/๑๒/๒๕๖๙"), "6/12/2569");
    }

    #[test]
    fn free_text_folds_letters_and_digits_only() {
        assert_eq!(
            fold_letters_and_digits("ＭＳＣ　ＡＮＮＡ（深圳），１２箱"),
            "MSC　ANNA（深圳），12箱"
        );
    }
}
