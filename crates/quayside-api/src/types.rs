//! Types that cross IPC and are not the store's own.

use quayside_domain::case::CaseFile;
use quayside_domain::event::Role;
use quayside_domain::fields::{Field, Section};
use quayside_domain::flags::{Flag, SuggestedOutcome};
use quayside_domain::reference::{CodeEntry, WatchEntry};
use quayside_domain::state::CaseState;
use quayside_i18n::Message;
use quayside_store::Draft;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UserProfile {
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub device_id: Uuid,
    pub device_short_id: String,
    pub database: String,
    pub schema_version: u32,
    pub user: Option<UserProfile>,
    pub default_port: Option<String>,
}

/// A case as the detail screen shows it: the folded file, its flags, and unsaved input.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CaseView {
    /// Where the case stands, status and review in one: what the header shows.
    pub state: CaseState,
    pub case: CaseFile,
    pub flags: Vec<Flag>,
    /// The outcome the flags point to, offered and never set (`OutcomeCode` stays the person's).
    pub suggested_outcome: Option<SuggestedOutcome>,
    /// The control list the flags were judged by.
    pub control_list: crate::control_list::CaseControlList,
    pub drafts: Vec<Draft>,
    /// Why this user is changing a case that was submitted or approved (each change carries it).
    pub change_reason: Option<String>,
}

/// The answer to live validation of one field.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FieldCheck {
    pub valid: bool,
    /// The canonical value that would be saved (None when the text clears the field).
    pub value: Option<String>,
    /// Why it is invalid, or a confirmation worth showing (e.g. the check digit is correct), as
    /// a keyed message for the reader's language.
    pub text: Option<Message>,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    Text,
    LongText,
    Choice,
    MultiChoice,
    /// One entry of another list section of the case (`FieldInfo.entries_of`), chosen by name.
    EntryChoice,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FieldInfo {
    pub field: Field,
    pub section: Section,
    /// `field.<field>` in the label catalogue (the `labels` command).
    pub label_key: String,
    pub input: Input,
    /// What to type, shown in an empty box: a catalogue key (`input_hint.<kind>`).
    pub input_hint_key: Option<String>,
    pub options: Vec<CodeEntry>,
    /// For an entry choice: the section whose live entries are the choices.
    pub entries_of: Option<Section>,
    pub personal: bool,
    pub required: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SectionInfo {
    pub section: Section,
    /// The heading's key in the label catalogue: `section.<section>`.
    pub label_key: String,
    /// What one item of a list section is called ("Seal", then its number): `item.<section>`.
    pub item_key: Option<String>,
    pub is_list: bool,
    pub fields: Vec<FieldInfo>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ReferenceData {
    pub sections: Vec<SectionInfo>,
    pub watchlist: Vec<WatchEntry>,
    pub weight_tolerance_percent: f64,
    /// Largest photo file accepted, in bytes: the UI refuses bigger ones before reading them.
    pub max_photo_bytes: u32,
    /// Largest shipping document accepted, in bytes: a dropped bigger one is refused unread.
    pub max_document_bytes: u32,
    /// Every discrepancy flag, in code order: what the list can be filtered by.
    pub flags: Vec<quayside_domain::flags::FlagCode>,
}

/// The colours the app is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Dark text on light grounds.
    Light,
    /// Black on white, heavy borders and a thick focus ring: for bright sun.
    Contrast,
    /// Light text on dark grounds: for night shifts.
    Dark,
}

/// How large and far apart the controls are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Density {
    /// Mouse and keyboard: every target at least 24 px.
    Compact,
    /// Touch screen, gloves: every target at least 44 px, 8 px from the next.
    Touch,
}

/// How a person has the app drawn. Each person has their own; the lock screen shows the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DisplayChoice {
    /// None: the system's (its colour scheme, a wish for more contrast, forced colours).
    pub theme: Option<Theme>,
    /// None: touch where the device's main pointer is coarse, compact otherwise.
    pub density: Option<Density>,
    /// The zoom in percent: 100 is the app's own size.
    pub zoom_percent: u32,
}

impl Default for DisplayChoice {
    fn default() -> Self {
        DisplayChoice {
            theme: None,
            density: None,
            zoom_percent: 100,
        }
    }
}
