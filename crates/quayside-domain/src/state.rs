//! Where a case stands, in one word a person reads at a glance: its status (open, closed,
//! withdrawn) and its review state folded into one derived state. Nothing stores it as a fact of
//! its own: it is computed from the folded case, so old event logs read the same.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::CaseFile;
use crate::event::CaseStatus;
use crate::review::ReviewState;

/// draft → submitted → returned / approved → closed; withdrawn from anywhere but closed; an
/// approved case changed afterwards is `reopened` (back in the review queue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    /// Being recorded: not yet submitted.
    Draft,
    /// In the review queue, waiting for a supervisor.
    Submitted,
    /// Sent back to the inspector with comments.
    Returned,
    /// Every change is covered by an approval.
    Approved,
    /// Approved, then changed: back in the review queue.
    Reopened,
    /// Finished: read-only.
    Closed,
    /// Withdrawn with a reason; it stays in the log.
    Withdrawn,
}

impl CaseState {
    pub const ALL: [CaseState; 7] = [
        CaseState::Draft,
        CaseState::Submitted,
        CaseState::Returned,
        CaseState::Approved,
        CaseState::Reopened,
        CaseState::Closed,
        CaseState::Withdrawn,
    ];

    /// The one state of a case with this status and review state. A closed or withdrawn case says
    /// only that: a case closed by a status change (before closing was a step of its own) reopened
    /// its review, yet it is closed all the same.
    pub fn of(status: CaseStatus, review: ReviewState) -> CaseState {
        match (status, review) {
            (CaseStatus::Withdrawn, _) => CaseState::Withdrawn,
            (CaseStatus::Closed, _) => CaseState::Closed,
            (CaseStatus::Open, ReviewState::NotSubmitted) => CaseState::Draft,
            (CaseStatus::Open, ReviewState::Submitted) => CaseState::Submitted,
            (CaseStatus::Open, ReviewState::Returned) => CaseState::Returned,
            (CaseStatus::Open, ReviewState::Approved) => CaseState::Approved,
            (CaseStatus::Open, ReviewState::Reopened) => CaseState::Reopened,
        }
    }

    /// `state.<state>` in the label catalogue.
    pub fn label_key(self) -> String {
        crate::labels::key("state", &self)
    }

    /// The stored code (the projection's `case_state` column).
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::Draft => "draft",
            CaseState::Submitted => "submitted",
            CaseState::Returned => "returned",
            CaseState::Approved => "approved",
            CaseState::Reopened => "reopened",
            CaseState::Closed => "closed",
            CaseState::Withdrawn => "withdrawn",
        }
    }

    /// Waiting for a supervisor's decision.
    pub fn in_queue(self) -> bool {
        matches!(self, CaseState::Submitted | CaseState::Reopened)
    }
}

impl CaseFile {
    /// Where the case stands: one state derived from its status and its review.
    pub fn state(&self) -> CaseState {
        CaseState::of(self.status, self.review.state)
    }
}
