//! The case file as a fold over its events, and the changes each event makes (for the timeline).
//!
//! [`model`] holds the case file's types; [`fold`] folds each payload in, with [`items`] (list
//! entries, their order and labels) and [`field_edit`] (field edits and the conflicts they open or
//! settle), [`annotations`] (marks drawn over photos). [`conflict`] and [`custody_record`] are the records the fold keeps; [`describe`] builds
//! the timeline's change lines. Types are re-exported here: `case::CaseFile` is the path to use.

mod annotations;
mod conflict;
mod custody_record;
mod describe;
mod field_edit;
mod fold;
mod items;
mod model;

pub use crate::timeline::Change;
pub use conflict::{ClearedField, Conflict, Rival};
pub use custody_record::CustodyRecord;
pub use model::{CaseFile, FieldValue, Fields, FoldError, Item};
