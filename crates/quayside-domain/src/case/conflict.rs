//! What the fold keeps of edits made without seeing each other: every rival value of a field in
//! conflict, and the last clearing of a field (so a later unseen set conflicts with it too).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::fields::Field;

/// Edits of one field made without seeing each other (neither names the other in its `deps`).
/// The winner is the value in `fields` (the latest in fold order, the same on every replica); every
/// value stays listed here until an edit made after seeing them all settles it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Conflict {
    pub item: Option<Uuid>,
    pub field: Field,
    /// In fold order: the last one is the winner.
    pub values: Vec<Rival>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClearedField {
    pub item: Option<Uuid>,
    pub field: Field,
    pub by: Rival,
}

/// One of the values in a conflict; `None` when that edit cleared the field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rival {
    pub value: Option<String>,
    pub event_id: Uuid,
    pub author: String,
    pub at: String,
}
