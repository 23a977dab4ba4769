//! The languages a person can choose.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language Quayside speaks. `Pseudo` is English accented and lengthened by the UI, for tests
/// that find text no catalogue holds; it is never offered to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum Locale {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "th")]
    Th,
    #[serde(rename = "es")]
    Es,
    #[serde(rename = "en-XA")]
    Pseudo,
}

impl Locale {
    /// The languages a person chooses from, in the order the setting lists them.
    pub const OFFERED: [Locale; 4] = [Locale::En, Locale::ZhCn, Locale::Th, Locale::Es];
    /// Every locale with a catalogue of its own (the pseudo-locale uses English's).
    pub const TRANSLATED: [Locale; 4] = Locale::OFFERED;

    /// The BCP 47 tag, as the catalogue folder and the UI's `Intl` formatting use it.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
            Locale::Th => "th",
            Locale::Es => "es",
            Locale::Pseudo => "en-XA",
        }
    }

    /// The locale for a tag as a system or a person gives it: an exact tag, or the closest by
    /// language (`zh-Hans-CN`, `zh_CN.UTF-8`, `th-TH`, `es-MX` and `es_ES` all find one).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        if let Some(exact) = Locale::OFFERED
            .into_iter()
            .chain([Locale::Pseudo])
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
        {
            return Some(exact);
        }
        let language = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Locale::En),
            "zh" => Some(Locale::ZhCn),
            "th" => Some(Locale::Th),
            "es" => Some(Locale::Es),
            _ => None,
        }
    }

    /// The locale whose catalogue files this one reads.
    pub(crate) fn catalogue(self) -> Locale {
        match self {
            Locale::Pseudo => Locale::En,
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_tags_find_the_nearest_language() {
        assert_eq!(Locale::from_tag("zh_CN.UTF-8"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("th-TH"), Some(Locale::Th));
        assert_eq!(Locale::from_tag("es_MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("en-US"), Some(Locale::En));
        assert_eq!(Locale::from_tag("en-XA"), Some(Locale::Pseudo));
        assert_eq!(Locale::from_tag("C"), None);
        assert_eq!(Locale::from_tag("de-DE"), None);
    }

    #[test]
    fn tags_round_trip() {
        for locale in Locale::OFFERED.into_iter().chain([Locale::Pseudo]) {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }
}
