//! What the timeline shows of each event: its changes as keyed labels (looked up only when shown,
//! so a translation can replace the text) and the entry the store keeps per event.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use quayside_i18n::Catalogue;

use crate::fields::Section;

/// One part of a change's label. Parts are shown joined by " · " ("Seal 2 · Seal number").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LabelPart {
    /// A key of the label catalogue: "field.vessel_name".
    Key(String),
    /// A key followed by a name of its own, an item's number or a photo's file name:
    /// "Seal 2", "Photo IMG_0001.jpg".
    Named { key: String, name: String },
}

impl LabelPart {
    pub fn key(key: impl Into<String>) -> LabelPart {
        LabelPart::Key(key.into())
    }

    /// An item of a list section by its place among them, counted from one: "Seal 2".
    pub fn item(section: Section, n: usize) -> LabelPart {
        LabelPart::Named {
            key: section.item_key().expect("only list sections have items"),
            name: n.to_string(),
        }
    }

    pub fn photo(file_name: &str) -> LabelPart {
        LabelPart::Named {
            key: PHOTO.to_string(),
            name: file_name.to_string(),
        }
    }

    /// The part in a catalogue's language: "Seal 2", "封志 2".
    pub fn text(&self, words: &Catalogue) -> String {
        match self {
            LabelPart::Key(key) => words.text_or_key(key),
            LabelPart::Named { key, name } => format!("{} {name}", words.text_or_key(key)),
        }
    }

    /// The part in English: "Seal 2".
    pub fn english(&self) -> String {
        self.text(Catalogue::english())
    }
}

/// The `change.*` keys a change's label may hold besides sections and fields.
pub const CHANGE_KEYS: &[&str] = &[
    CASE_NUMBER,
    STATUS,
    REVIEW,
    REASON,
    PHOTO,
    CAPTION,
    CUSTODY,
    CONFLICT,
    CONFLICT_SETTLED,
    ACKNOWLEDGED,
];
pub const CASE_NUMBER: &str = "change.case_number";
pub const STATUS: &str = "change.status";
pub const REVIEW: &str = "change.review";
/// The reason signed into a change of a submitted or approved case: the UI sets it apart.
pub const REASON: &str = "change.reason";
pub const PHOTO: &str = "change.photo";
pub const CAPTION: &str = "change.caption";
pub const CUSTODY: &str = "change.custody";
pub const CONFLICT: &str = "change.conflict";
pub const CONFLICT_SETTLED: &str = "change.conflict_settled";
/// A discrepancy flag the inspector acknowledged on submitting.
pub const ACKNOWLEDGED: &str = "change.acknowledged";

/// One line of "what changed from what" for the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Change {
    pub label: Vec<LabelPart>,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Change {
    /// The label in a catalogue's language: "Seal 2 · Seal number".
    pub fn label_text(&self, words: &Catalogue) -> String {
        self.label
            .iter()
            .map(|part| part.text(words))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The label in English: "Seal 2 · Seal number".
    pub fn english_label(&self) -> String {
        self.label_text(Catalogue::english())
    }
}

/// One event as the timeline lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimelineEntry {
    pub event_id: Uuid,
    pub wall_time: String,
    pub author: String,
    /// The author's role by its serde name (`role.<role>` labels it); empty when unreadable.
    pub role: String,
    pub device_id: Uuid,
    pub device_seq: u32,
    /// The payload's kind (`event.<kind>` labels it), `unknown` or `undecodable`.
    pub kind: String,
    pub changes: Vec<Change>,
    /// Why the event was not folded into the case, if it was not.
    pub refused: Option<String>,
}
