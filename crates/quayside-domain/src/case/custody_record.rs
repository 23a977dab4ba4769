//! One handover of an evidence item or a sample, as the case file records it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// One handover of an evidence item or a sample, as the receiving person's device signed it. Part of the case
/// file (the fold records it); `custody` reads chains and breaks out of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CustodyRecord {
    pub item: Uuid,
    pub from: String,
    pub to: String,
    pub place: String,
    /// When the goods changed hands (canonical date and time), not when it was recorded.
    pub at: String,
    pub condition: String,
    pub event_id: Uuid,
    pub device_id: Uuid,
    pub recorded_by: String,
}
