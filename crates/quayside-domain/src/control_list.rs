//! Control lists: which goods need an export licence, by control-list entry and the tariff lines
//! that entry covers. A list is data with a version: the app ships version 1, an admin publishes
//! later ones through the server (signed by it, delivered by sync), and each case names the version
//! it is judged by (`control_list_applied`), so a new list changes new cases, never a closed one.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::reference::material_key;

/// The list built into the app: what a case that names no list is judged by.
const BUILT_IN: &str = include_str!("../lists/control-list-1.json");

/// Bounds on a list a server sends: far above any real list, low enough that a bad one costs little.
pub const MAX_ENTRIES: usize = 500;
pub const MAX_LINES_PER_ENTRY: usize = 200;
pub const MAX_TEXT_CHARS: usize = 300;
/// The largest list, serialised, a device takes.
pub const MAX_LIST_BYTES: usize = 512 * 1024;

/// A version of the control list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ControlList {
    /// 1 is the list the app ships; each published list has a higher version than any before it.
    pub version: u32,
    /// The day it was published (YYYY-MM-DD).
    pub published: String,
    pub entries: Vec<ControlEntry>,
}

/// One entry of a control list: a controlled item, the material it is and the tariff lines it is
/// declared under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ControlEntry {
    /// The entry's reference, as the list's source numbers it (`CN-2025-10-1C117.d`).
    pub id: String,
    /// The controlled material (`material.<code>`).
    pub material: String,
    /// The entry's name by language tag (`en`, `zh-CN`, `th`, `es`): English is required, the
    /// others fall back to it. A published list brings its own words, so they are data, not
    /// catalogue keys.
    pub names: BTreeMap<String, String>,
    /// Where the entry comes from: the announcement and item.
    pub source: String,
    /// Whether export needs a licence.
    pub licence_required: bool,
    /// Tariff lines by their digits: a 6-digit subheading, or an 8- or 10-digit national line,
    /// matched as a prefix of the code declared or found.
    pub lines: Vec<String>,
}

/// A case's list: the version and the digest of its content, as the case's events record them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListRef {
    pub version: u32,
    pub digest: String,
}

/// Why a list is not taken, in English: for the admin who publishes it and for logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    #[error("the list is not JSON of the control-list form: {0}")]
    Form(String),
    #[error("the list is {0} bytes; at most {MAX_LIST_BYTES} are taken")]
    TooLarge(usize),
    #[error("the version must be 1 or higher")]
    NoVersion,
    #[error("`published` must be a day written YYYY-MM-DD, not {0:?}")]
    Published(String),
    #[error("the list has no entries")]
    Empty,
    #[error("the list has {0} entries; at most {MAX_ENTRIES} are taken")]
    TooManyEntries(usize),
    #[error("entry {0:?}: the id must be 1 to 64 letters, digits, '.', '-' or '_'")]
    Id(String),
    #[error("entry {0:?} appears twice")]
    DuplicateId(String),
    #[error(
        "entry {0:?}: {1:?} is not a material (rare_earth, gallium_germanium, antimony, tungsten)"
    )]
    Material(String, String),
    #[error("entry {0:?}: an English name (`names.en`) is required")]
    NoEnglishName(String),
    #[error("entry {0:?}: {1} is longer than {MAX_TEXT_CHARS} characters or empty")]
    Text(String, &'static str),
    #[error("entry {0:?}: {1:?} is not a tariff line of 6, 8 or 10 digits")]
    Line(String, String),
    #[error("entry {0:?}: it names no tariff line, or more than {MAX_LINES_PER_ENTRY}")]
    LineCount(String),
}

impl ControlList {
    /// The list built into the app (version 1).
    pub fn built_in() -> &'static ControlList {
        static LIST: OnceLock<ControlList> = OnceLock::new();
        LIST.get_or_init(|| ControlList::parse(BUILT_IN).expect("the built-in list is valid"))
    }

    /// Read and check a list.
    pub fn parse(text: &str) -> Result<ControlList, ListError> {
        if text.len() > MAX_LIST_BYTES {
            return Err(ListError::TooLarge(text.len()));
        }
        let list: ControlList =
            serde_json::from_str(text).map_err(|e| ListError::Form(e.to_string()))?;
        list.check()?;
        Ok(list)
    }

    /// Whether the list is one a case can be judged by (`parse` checks this too).
    pub fn check(&self) -> Result<(), ListError> {
        if self.version == 0 {
            return Err(ListError::NoVersion);
        }
        if chrono::NaiveDate::parse_from_str(&self.published, "%Y-%m-%d").is_err() {
            return Err(ListError::Published(self.published.clone()));
        }
        if self.entries.is_empty() {
            return Err(ListError::Empty);
        }
        if self.entries.len() > MAX_ENTRIES {
            return Err(ListError::TooManyEntries(self.entries.len()));
        }
        let mut seen = std::collections::BTreeSet::new();
        for e in &self.entries {
            let id_ok = !e.id.is_empty()
                && e.id.len() <= 64
                && e.id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
            if !id_ok {
                return Err(ListError::Id(e.id.clone()));
            }
            if !seen.insert(e.id.as_str()) {
                return Err(ListError::DuplicateId(e.id.clone()));
            }
            if e.material == "none" || material_key(&e.material).is_none() {
                return Err(ListError::Material(e.id.clone(), e.material.clone()));
            }
            if !e.names.contains_key("en") {
                return Err(ListError::NoEnglishName(e.id.clone()));
            }
            let long = |t: &str| t.trim().is_empty() || t.chars().count() > MAX_TEXT_CHARS;
            if e.names.iter().any(|(tag, name)| long(tag) || long(name)) {
                return Err(ListError::Text(e.id.clone(), "a name"));
            }
            if long(&e.source) {
                return Err(ListError::Text(e.id.clone(), "the source"));
            }
            if e.lines.is_empty() || e.lines.len() > MAX_LINES_PER_ENTRY {
                return Err(ListError::LineCount(e.id.clone()));
            }
            for line in &e.lines {
                let digits = line.len() == 6 || line.len() == 8 || line.len() == 10;
                if !digits || !line.chars().all(|c| c.is_ascii_digit()) {
                    return Err(ListError::Line(e.id.clone(), line.clone()));
                }
            }
        }
        Ok(())
    }

    /// The SHA-256 (hex) of the list as serialised here: what a case's event names, so a list
    /// changed under the same version is told apart.
    pub fn digest(&self) -> String {
        let bytes = serde_json::to_vec(self).expect("lists always serialize");
        hex::encode(Sha256::digest(bytes))
    }

    pub fn reference(&self) -> ListRef {
        ListRef {
            version: self.version,
            digest: self.digest(),
        }
    }

    /// The entry a tariff code (its digits) falls under: the one whose line matches it longest,
    /// so a 10-digit line is more specific than its subheading.
    pub fn entry_for(&self, hs_digits: &str) -> Option<&ControlEntry> {
        self.entries
            .iter()
            .filter_map(|e| {
                e.lines
                    .iter()
                    .filter(|l| hs_digits.starts_with(l.as_str()))
                    .map(String::len)
                    .max()
                    .map(|len| (len, e))
            })
            // The first entry wins a tie: lists name the primary entry first.
            .fold(
                None,
                |best: Option<(usize, &ControlEntry)>, (len, e)| match best {
                    Some((b, _)) if b >= len => best,
                    _ => Some((len, e)),
                },
            )
            .map(|(_, e)| e)
    }
}

impl ControlEntry {
    /// The entry's name in a language (its tag), else in English.
    pub fn name(&self, tag: &str) -> &str {
        self.names
            .get(tag)
            .or_else(|| self.names.get("en"))
            .map(String::as_str)
            .unwrap_or(&self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::WATCHLIST;

    #[test]
    fn the_built_in_list_covers_the_watchlist() {
        let list = ControlList::built_in();
        assert_eq!(list.version, 1);
        for w in WATCHLIST {
            let entry = list.entry_for(w.hs_prefix).expect(w.hs_prefix);
            assert_eq!(entry.material, w.material, "{}", w.hs_prefix);
            assert!(
                entry.lines.iter().any(|l| l == w.hs_prefix),
                "{}",
                w.hs_prefix
            );
        }
        // Beyond it, the lines of 2025 No. 10 for tellurium, bismuth, molybdenum and indium.
        assert_eq!(list.entry_for("2804500001").unwrap().material, "tellurium");
        assert_eq!(list.entry_for("8106101092").unwrap().material, "bismuth");
        assert_eq!(list.entry_for("8102100001").unwrap().material, "molybdenum");
        assert_eq!(list.entry_for("2853904051").unwrap().material, "indium");
        // Other lines of those subheadings are not controlled.
        for other in ["2804500090", "8102100090", "2853904090"] {
            assert!(list.entry_for(other).is_none(), "{other}");
        }
        // An organo-metallic line three announcements cite goes to the first entry naming it.
        assert_eq!(list.entry_for("2931900032").unwrap().material, "antimony");
    }

    #[test]
    fn each_entry_is_named_in_every_language() {
        for e in &ControlList::built_in().entries {
            for tag in ["en", "zh-CN", "th", "es"] {
                assert!(e.names.contains_key(tag), "{} in {tag}", e.id);
            }
        }
    }

    #[test]
    fn the_longest_line_decides_and_other_codes_match_nothing() {
        let list = ControlList::built_in();
        assert_eq!(list.entry_for("8101940010").unwrap().material, "tungsten");
        assert_eq!(
            list.entry_for("2825901200").unwrap().id,
            "CN-2025-10-1C117.d"
        );
        assert_eq!(
            list.entry_for("2825600000").unwrap().id,
            "CN-2023-23-germanium"
        );
        // Shared subheadings go to the entry listed first.
        assert_eq!(list.entry_for("811292").unwrap().id, "CN-2023-23-gallium");
        for other in ["381010", "282590", "2825901100", "8486909900", "8101"] {
            assert!(list.entry_for(other).is_none(), "{other}");
        }
    }

    #[test]
    fn the_digest_changes_with_the_content() {
        let list = ControlList::built_in().clone();
        let mut changed = list.clone();
        changed.entries[0].lines.push("381010".into());
        assert_ne!(list.digest(), changed.digest());
        assert_eq!(list.digest(), ControlList::built_in().digest());
        assert_eq!(list.digest().len(), 64);
    }

    fn with(edit: impl FnOnce(&mut serde_json::Value)) -> Result<ControlList, ListError> {
        let mut value: serde_json::Value = serde_json::from_str(BUILT_IN).unwrap();
        edit(&mut value);
        ControlList::parse(&value.to_string())
    }

    #[test]
    fn a_list_that_cannot_be_judged_by_is_refused_saying_why() {
        use serde_json::json;
        assert_eq!(with(|v| v["version"] = json!(0)), Err(ListError::NoVersion));
        assert!(matches!(
            with(|v| v["published"] = json!("6 Dec")),
            Err(ListError::Published(_))
        ));
        assert_eq!(with(|v| v["entries"] = json!([])), Err(ListError::Empty));
        assert!(matches!(
            with(|v| v["entries"][0]["lines"][0] = json!("8112.92")),
            Err(ListError::Line(_, l)) if l == "8112.92"
        ));
        assert!(matches!(
            with(|v| v["entries"][0]["lines"][0] = json!("8112")),
            Err(ListError::Line(..))
        ));
        assert!(matches!(
            with(|v| v["entries"][1]["id"] = json!("CN-2023-23-gallium")),
            Err(ListError::DuplicateId(_))
        ));
        assert!(matches!(
            with(|v| v["entries"][0]["material"] = json!("none")),
            Err(ListError::Material(..))
        ));
        assert!(matches!(
            with(|v| {
                v["entries"][0]["names"]
                    .as_object_mut()
                    .unwrap()
                    .remove("en");
            }),
            Err(ListError::NoEnglishName(_))
        ));
        assert!(matches!(
            with(|v| v["entries"][0]["lines"] = json!([])),
            Err(ListError::LineCount(_))
        ));
        assert!(matches!(
            with(|v| v["entries"][0]["id"] = json!("bad id")),
            Err(ListError::Id(_))
        ));
        assert!(matches!(
            with(|v| v["extra"] = json!(1)),
            Err(ListError::Form(_))
        ));
        let big = "x".repeat(MAX_LIST_BYTES + 1);
        assert_eq!(
            ControlList::parse(&big),
            Err(ListError::TooLarge(MAX_LIST_BYTES + 1))
        );
    }
}
