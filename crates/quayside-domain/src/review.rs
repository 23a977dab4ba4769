//! Supervisor review of a case: submitted, returned with comments, approved over named events,
//! and reopened by any change an approval did not cover.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use quayside_i18n::Message;

use crate::event::{EventBody, Payload, Role, SectionComment};
use crate::flags::{Flag, FlagCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Being recorded: not yet in the review queue.
    #[default]
    NotSubmitted,
    /// In the queue, waiting for a supervisor.
    Submitted,
    /// Sent back to the inspector with comments.
    Returned,
    /// Every change is covered by an approval.
    Approved,
    /// Approved once, then changed: back in the queue, with what changed since.
    Reopened,
}

impl ReviewState {
    pub const ALL: [ReviewState; 5] = [
        ReviewState::NotSubmitted,
        ReviewState::Submitted,
        ReviewState::Returned,
        ReviewState::Approved,
        ReviewState::Reopened,
    ];

    /// `review.<state>` in the label catalogue.
    pub fn label_key(self) -> String {
        crate::labels::key("review", &self)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::NotSubmitted => "not_submitted",
            ReviewState::Submitted => "submitted",
            ReviewState::Returned => "returned",
            ReviewState::Approved => "approved",
            ReviewState::Reopened => "reopened",
        }
    }

    /// Waiting for a supervisor's decision.
    pub fn in_queue(self) -> bool {
        matches!(self, ReviewState::Submitted | ReviewState::Reopened)
    }

    /// A change now needs a reason, recorded in its event: someone may already rely on the file.
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            ReviewState::Submitted | ReviewState::Approved | ReviewState::Reopened
        )
    }
}

/// Who decided and when, with the comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewDecision {
    pub by: String,
    pub at: String,
    pub comment: Option<String>,
    pub event_id: Uuid,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Review {
    pub state: ReviewState,
    /// The last submission.
    pub submitted: Option<ReviewDecision>,
    /// When the case last entered the queue (submitted, or reopened by a change): the queue's order.
    pub queued_at: Option<String>,
    pub approved: Option<ReviewDecision>,
    pub returned: Option<ReviewDecision>,
    /// The comments on sections of the last return; cleared when the case is submitted again.
    pub section_comments: Vec<SectionComment>,
    /// Changes (event ids, in fold order) that no approval covers. After an approval these are
    /// what changed since it.
    pub uncovered: Vec<Uuid>,
    /// The latest review step (submission or decision): a reason given for changing the case holds
    /// until the next one, on whichever device it is made.
    #[serde(default)]
    pub last_step: Option<Uuid>,
    /// The flags the inspector acknowledged with the last submission.
    #[serde(default)]
    pub acknowledged: Vec<FlagAcknowledgement>,
}

/// A discrepancy flag as the inspector saw and acknowledged it on submitting: its code and its
/// details, signed into the submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FlagAcknowledgement {
    pub code: FlagCode,
    pub details: Vec<Message>,
}

impl FlagAcknowledgement {
    pub fn of(flag: &Flag) -> FlagAcknowledgement {
        FlagAcknowledgement {
            code: flag.code,
            details: flag.details.clone(),
        }
    }
}

/// The open flags a submission does not acknowledge, as they are now: a flag whose details
/// changed since the inspector read them must be acknowledged again.
pub fn unacknowledged<'a>(
    flags: &'a [Flag],
    acknowledged: &[FlagAcknowledgement],
) -> Vec<&'a Flag> {
    flags
        .iter()
        .filter(|f| !acknowledged.contains(&FlagAcknowledgement::of(f)))
        .collect()
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReviewError {
    #[error("only a supervisor or an admin may approve, return or close a case, not an {0}")]
    NotASupervisor(&'static str),
}

impl Review {
    /// Refuse a review decision by someone who may not make one (the server refuses it too).
    pub(crate) fn check(event: &EventBody) -> Result<(), ReviewError> {
        if event.payload.is_review() && !matches!(event.author.role, Role::Supervisor | Role::Admin)
        {
            let role = match event.author.role {
                Role::Inspector => "inspector",
                Role::Analyst => "analyst",
                _ => "unknown role",
            };
            return Err(ReviewError::NotASupervisor(role));
        }
        Ok(())
    }

    /// Fold one event that the case accepted. Returns the timeline line of a review event.
    pub(crate) fn apply(&mut self, event: &EventBody) -> Option<String> {
        let decision = |comment: &Option<String>| ReviewDecision {
            by: event.author.name.clone(),
            at: event.wall_time.clone(),
            comment: comment.clone(),
            event_id: event.id,
        };
        match &event.payload {
            Payload::ReviewSubmitted {
                comment,
                acknowledged,
            } => {
                self.last_step = Some(event.id);
                self.state = ReviewState::Submitted;
                self.submitted = Some(decision(comment));
                self.acknowledged = acknowledged.clone();
                self.queued_at = Some(event.wall_time.clone());
                self.section_comments.clear();
                Some(match comment {
                    Some(c) => format!("submitted for review ({c})"),
                    None => "submitted for review".to_string(),
                })
            }
            Payload::ReviewReturned { comment, sections } => {
                self.last_step = Some(event.id);
                self.state = ReviewState::Returned;
                self.returned = Some(decision(&Some(comment.clone())));
                self.queued_at = None;
                self.section_comments = sections.clone();
                let mut line = format!("returned: {comment}");
                for s in sections {
                    line.push_str(&format!("; {}: {}", s.section.label(), s.comment));
                }
                Some(line)
            }
            Payload::ReviewApproved { covers, comment } => {
                self.last_step = Some(event.id);
                self.uncovered.retain(|id| !covers.contains(id));
                self.approved = Some(decision(comment));
                self.state = if self.uncovered.is_empty() {
                    self.queued_at = None;
                    ReviewState::Approved
                } else {
                    // A change made without the approver seeing it: still waiting.
                    self.queued_at = Some(event.wall_time.clone());
                    ReviewState::Reopened
                };
                let mut line = format!("approved, covering {} events", covers.len());
                if let Some(c) = comment {
                    line.push_str(&format!(" ({c})"));
                }
                if !self.uncovered.is_empty() {
                    line.push_str(&format!(
                        "; {} change(s) not covered reopen it",
                        self.uncovered.len()
                    ));
                }
                Some(line)
            }
            // Closing changes no content: review stays as it was (approved).
            Payload::CaseClosed { .. } => {
                self.last_step = Some(event.id);
                None
            }
            // Anything else changes the file: an event of a newer kind too, so replicas of
            // different versions agree that review is reopened.
            _ => {
                self.uncovered.push(event.id);
                if self.state == ReviewState::Approved {
                    self.state = ReviewState::Reopened;
                    self.queued_at = Some(event.wall_time.clone());
                }
                None
            }
        }
    }

    /// Changes since the last approval (empty when none was made or all are covered).
    pub fn changed_since_approval(&self) -> &[Uuid] {
        if self.approved.is_some() {
            &self.uncovered
        } else {
            &[]
        }
    }
}
