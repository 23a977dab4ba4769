//! What the timeline shows of each event: its changes as keyed labels (looked up only when shown,
//! so a translation can replace the text) and the entry the store keeps per event.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use quayside_i18n::{Catalogue, Message};

use crate::fields::{Field, FieldKind, Section};
use crate::reference::CodeEntry;

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

    pub fn document(file_name: &str) -> LabelPart {
        LabelPart::Named {
            key: DOCUMENT.to_string(),
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
    DOCUMENT,
    CAPTION,
    CUSTODY,
    CONFLICT,
    CONFLICT_SETTLED,
    ACKNOWLEDGED,
    CONTROL_LIST,
    ENTITY_LINK,
    ANNOTATION,
];
pub const CASE_NUMBER: &str = "change.case_number";
pub const STATUS: &str = "change.status";
pub const REVIEW: &str = "change.review";
/// The reason signed into a change of a submitted or approved case: the UI sets it apart.
pub const REASON: &str = "change.reason";
pub const PHOTO: &str = "change.photo";
pub const DOCUMENT: &str = "change.document";
pub const CAPTION: &str = "change.caption";
pub const CUSTODY: &str = "change.custody";
pub const CONFLICT: &str = "change.conflict";
pub const CONFLICT_SETTLED: &str = "change.conflict_settled";
/// A discrepancy flag the inspector acknowledged on submitting.
pub const ACKNOWLEDGED: &str = "change.acknowledged";
/// The control list a case is judged by.
pub const CONTROL_LIST: &str = "change.control_list";
/// A decision that an entity of the case is, or is not, another.
pub const ENTITY_LINK: &str = "change.entity_link";
/// A mark drawn over a photo.
pub const ANNOTATION: &str = "change.annotation";

/// The `change.*` keys a change's value may hold, bare or as a message's key.
pub const VALUE_KEYS: &[&str] = &[
    ADDED,
    POSITION,
    ENTRY,
    WITHDRAWN,
    RESTORED,
    PHOTO_ATTACHED,
    PHOTO_EXCLUDED,
    DOCUMENT_ATTACHED,
    DOCUMENT_ATTACHED_NUMBER,
    DOCUMENT_EXCLUDED,
    STATUS_REASON,
    CUSTODY_TO,
    REVIEW_SUBMITTED,
    REVIEW_SUBMITTED_COMMENT,
    REVIEW_RETURNED,
    REVIEW_APPROVED,
    REVIEW_APPROVED_COMMENT,
    REVIEW_UNCOVERED,
    CONTROL_LIST_VERSION,
    ENTITY_SAME,
    ENTITY_NOT_SAME,
    ANNOTATION_TEXT,
    ANNOTATION_REMOVED,
];
pub const ADDED: &str = "change.added";
pub const POSITION: &str = "change.position";
/// Another entry of the case, by name: "Declared line 1".
pub const ENTRY: &str = "change.entry";
pub const WITHDRAWN: &str = "change.withdrawn";
pub const RESTORED: &str = "change.restored";
pub const PHOTO_ATTACHED: &str = "change.photo_attached";
pub const PHOTO_EXCLUDED: &str = "change.photo_excluded";
/// A document attached: its type (a label) and hash; with its number when it has one.
pub const DOCUMENT_ATTACHED: &str = "change.document_attached";
pub const DOCUMENT_ATTACHED_NUMBER: &str = "change.document_attached_number";
pub const DOCUMENT_EXCLUDED: &str = "change.document_excluded";
pub const STATUS_REASON: &str = "change.status_reason";
pub const CUSTODY_TO: &str = "change.custody_to";
pub const REVIEW_SUBMITTED: &str = "change.review_submitted";
pub const REVIEW_SUBMITTED_COMMENT: &str = "change.review_submitted_comment";
pub const REVIEW_RETURNED: &str = "change.review_returned";
pub const REVIEW_APPROVED: &str = "change.review_approved";
pub const REVIEW_APPROVED_COMMENT: &str = "change.review_approved_comment";
pub const REVIEW_UNCOVERED: &str = "change.review_uncovered";
pub const CONTROL_LIST_VERSION: &str = "change.control_list_version";
pub const ENTITY_SAME: &str = "change.entity_same";
pub const ENTITY_NOT_SAME: &str = "change.entity_not_same";
/// A text annotation, by its text.
pub const ANNOTATION_TEXT: &str = "change.annotation_text";
pub const ANNOTATION_REMOVED: &str = "change.annotation_removed";

/// One side of a change, kept so that it is worded where it is shown, in the reader's language:
/// what a person typed stays exactly as typed; codes and the app's own words travel as keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeValue {
    /// Shown as recorded: a value typed, a reason, a comment, a name.
    Text(String),
    /// A field's stored value: a code of its list shown by the code's label, several codes
    /// (space-separated) by theirs; any other field's value as recorded.
    Field { field: Field, value: String },
    /// A catalogue key: "change.added".
    Key(String),
    /// A catalogue key with arguments: "withdrawn: {reason}".
    Message(Message),
}

impl ChangeValue {
    pub fn text(value: impl Into<String>) -> ChangeValue {
        ChangeValue::Text(value.into())
    }

    pub fn key(key: impl Into<String>) -> ChangeValue {
        ChangeValue::Key(key.into())
    }

    /// The value in a catalogue's language.
    pub fn words(&self, words: &Catalogue) -> String {
        match self {
            ChangeValue::Text(text) => text.clone(),
            ChangeValue::Field { field, value } => field_value_text(words, *field, value),
            ChangeValue::Key(key) => words.text_or_key(key),
            ChangeValue::Message(message) => words.format(message),
        }
    }

    /// The value in English: for logs and tests.
    pub fn english(&self) -> String {
        self.words(Catalogue::english())
    }

    /// The text as recorded, when the value is one a person typed (or a field's canonical value).
    pub fn recorded(&self) -> Option<&str> {
        match self {
            ChangeValue::Text(text) | ChangeValue::Field { value: text, .. } => Some(text),
            _ => None,
        }
    }
}

/// A field's stored value as people read it: a code shows its label in `words`' language (the
/// code itself if the list does not know it); everything else is already canonical text.
pub fn field_value_text(words: &Catalogue, field: Field, value: &str) -> String {
    let code = |list: &[CodeEntry], code: &str| {
        list.iter()
            .find(|e| e.code == code)
            .map_or_else(|| code.to_string(), |e| words.text_or_key(e.key))
    };
    match field.kind() {
        FieldKind::Code(list) => code(list, value),
        FieldKind::Codes(list) => value
            .split_whitespace()
            .map(|c| code(list, c))
            .collect::<Vec<_>>()
            .join(", "),
        _ => value.to_string(),
    }
}

/// A stored side of a change: a [`ChangeValue`], or plain text as stores before keyed values
/// kept it (read as recorded text until the projection is rebuilt).
fn stored_value<'de, D>(deserializer: D) -> Result<Option<ChangeValue>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Keyed(ChangeValue),
        Plain(String),
    }
    Ok(match Option::<Stored>::deserialize(deserializer)? {
        Some(Stored::Keyed(value)) => Some(value),
        Some(Stored::Plain(text)) => Some(ChangeValue::Text(text)),
        None => None,
    })
}

/// One line of "what changed from what" for the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Change {
    pub label: Vec<LabelPart>,
    #[serde(default, deserialize_with = "stored_value")]
    pub from: Option<ChangeValue>,
    #[serde(default, deserialize_with = "stored_value")]
    pub to: Option<ChangeValue>,
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
