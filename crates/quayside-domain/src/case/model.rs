//! The case file's model: its fields, items, photos, conflicts, review and custody, and why an
//! event may not fold into it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::conflict::{ClearedField, Conflict};
use super::custody_record::CustodyRecord;
use crate::document::Document;
use crate::event::CaseStatus;
use crate::fields::{Field, Section};
use crate::photo::Photo;
use crate::review::{Review, ReviewDecision, ReviewError};

/// A field's current value and the event that set it (what a later edit names in `deps`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldValue {
    pub value: String,
    pub event_id: Uuid,
    /// Who set it and when (their device's clock): shown when the field is in conflict.
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub at: String,
}

pub type Fields = BTreeMap<Field, FieldValue>;

/// One entry of a list section: a seal, a route leg, a line of goods found, a party, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Item {
    pub id: Uuid,
    pub section: Section,
    pub fields: Fields,
    /// Set when withdrawn: the item stays in the file, marked, with the reason.
    pub withdrawn: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseFile {
    pub id: Uuid,
    pub case_number: String,
    pub opened_at: String,
    pub opened_by: String,
    pub status: CaseStatus,
    pub status_reason: Option<String>,
    pub fields: Fields,
    pub items: Vec<Item>,
    pub photos: Vec<Photo>,
    /// Shipping documents, in the order attached.
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// Fields last cleared (and not in conflict): the clearing edit, so that a set made without
    /// seeing it is a conflict too.
    #[serde(default)]
    pub cleared: Vec<ClearedField>,
    #[serde(default)]
    pub review: Review,
    /// Handovers of evidence items and samples, in fold order (`custody::chain` gives an item's in time order).
    #[serde(default)]
    pub custody: Vec<CustodyRecord>,
    /// Who closed the case, when, and their note: set by the close step, after which the case
    /// takes no more changes.
    #[serde(default)]
    pub closed: Option<ReviewDecision>,
    /// The control list the case is judged by, as its last `control_list_applied` names it; None:
    /// the list built into the app.
    #[serde(default)]
    pub control_list: Option<crate::control_list::ListRef>,
    /// Decisions recorded in this case that one of its entities is, or is not, the same as
    /// another key: the latest per pair, in fold order.
    #[serde(default)]
    pub entity_links: Vec<crate::entities::EntityLink>,
    pub updated_at: String,
    pub event_count: u32,
    /// The latest event folded in: what the next local edit has seen.
    pub head: Uuid,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FoldError {
    #[error("the case was not opened before this event")]
    NotOpened,
    #[error("the case was already opened")]
    AlreadyOpened,
    #[error("no {0} item {1} in this case")]
    NoSuchItem(String, Uuid),
    #[error("item {0} already exists")]
    DuplicateItem(Uuid),
    #[error("{field} belongs to {expected}, not to {given}")]
    WrongSection {
        field: String,
        expected: String,
        given: String,
    },
    #[error("{0} is a list section: add an item to it")]
    NotAList(String),
    #[error("this event belongs to another case")]
    WrongCase,
    #[error("{0:?} is not a SHA-256 in hex")]
    BadPhotoHash(String),
    #[error("{0:?} is not a list digest: a SHA-256 in hex")]
    BadListDigest(String),
    #[error("an entity link names two different keys of at most 4000 characters")]
    BadEntityLink,
    #[error("the photo {0} is already attached to this case")]
    PhotoAlreadyAttached(String),
    #[error("no photo {0} in this case")]
    NoSuchPhoto(String),
    #[error("the annotation cannot be drawn: {0}")]
    BadAnnotation(crate::annotation::MarkError),
    #[error(
        "a photo takes at most {} annotations",
        crate::annotation::MAX_PER_PHOTO
    )]
    TooManyAnnotations,
    #[error("the document {0} is already attached to this case")]
    DocumentAlreadyAttached(String),
    #[error("no document {0} in this case")]
    NoSuchDocument(String),
    #[error("the document {0} was already excluded")]
    DocumentAlreadyExcluded(String),
    #[error(transparent)]
    Review(#[from] ReviewError),
    #[error("{0} was withdrawn: it can no longer change hands")]
    Withdrawn(String),
    #[error("{0} is not withdrawn: there is nothing to restore")]
    NotWithdrawn(String),
    #[error("the case was closed: a closed case takes no more changes")]
    Closed,
    #[error("only an approved case can be closed; this one is {0}")]
    NotApproved(&'static str),
}

impl CaseFile {
    pub fn value(&self, field: Field) -> Option<&str> {
        self.fields.get(&field).map(|v| v.value.as_str())
    }
}

impl Item {
    pub fn value(&self, field: Field) -> Option<&str> {
        self.fields.get(&field).map(|v| v.value.as_str())
    }
}
