//! Review commands: an inspector submits, acknowledging each open flag; a supervisor approves or
//! returns with comments, and closes an approved case; anyone changing a case already submitted or
//! approved first says why.

use quayside_domain::event::{Payload, Role, SectionComment};
use quayside_domain::flags::flags;
use quayside_domain::review::{unacknowledged, FlagAcknowledgement, ReviewState};
use quayside_domain::state::CaseState;
use quayside_i18n::Message;
use quayside_store::{QueueFilter, QueuedCase};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{ApiError, ErrorCode};
use crate::guards::reason_text;
use crate::types::CaseView;
use crate::Api;

const MAX_COMMENTS: usize = 20;

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SubmitArgs {
    pub case_id: Uuid,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub comment: Option<String>,
    /// Each flag open on the case, as the inspector read and acknowledged it: all of them, or the
    /// submission is refused.
    #[serde(default)]
    pub acknowledged: Vec<FlagAcknowledgement>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CloseArgs {
    pub case_id: Uuid,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ApproveArgs {
    pub case_id: Uuid,
    /// The case's `head` and `event_count` as the supervisor read it: an approval covers only
    /// what they saw (an event synced in may fold in before the head, so the count is checked too).
    pub head: Uuid,
    pub event_count: u32,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub comment: Option<String>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReturnArgs {
    pub case_id: Uuid,
    pub comment: String,
    #[serde(default)]
    pub sections: Vec<SectionComment>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ChangeReasonArgs {
    pub case_id: Uuid,
    pub reason: String,
}

#[derive(Debug, Serialize, TS)]
pub struct ReviewQueue {
    pub cases: Vec<QueuedCase>,
    /// Everyone with a case in the queue, for the inspector filter.
    pub inspectors: Vec<String>,
}

fn optional_comment(comment: Option<String>) -> Result<Option<String>, ApiError> {
    match comment {
        Some(c) if !c.trim().is_empty() => Ok(Some(reason_text(&c)?)),
        _ => Ok(None),
    }
}

impl Api {
    fn supervisor(&self) -> Result<quayside_domain::event::Author, ApiError> {
        let author = self.author()?;
        if !matches!(author.role, Role::Supervisor | Role::Admin) {
            return Err(ApiError::new(
                ErrorCode::NotAllowed,
                Message::new("error.supervisor_only"),
            ));
        }
        Ok(author)
    }

    pub(crate) fn submit_case(&self, args: SubmitArgs) -> Result<CaseView, ApiError> {
        let comment = optional_comment(args.comment)?;
        self.change_case(args.case_id, |store, case, author| {
            match case.review.state {
                ReviewState::NotSubmitted | ReviewState::Returned => {}
                ReviewState::Submitted | ReviewState::Reopened => {
                    return Err(ApiError::new(
                        ErrorCode::Refused,
                        Message::new("error.already_waiting"),
                    ))
                }
                ReviewState::Approved => {
                    return Err(ApiError::new(
                        ErrorCode::Refused,
                        Message::new("error.already_approved"),
                    ))
                }
            }
            // Every flag open now, as it stands now: one changed since the screen was read is
            // shown again to be acknowledged.
            let list = store.control_list_of(case)?;
            let open = flags(case, &list);
            let missing = unacknowledged(&open, &args.acknowledged);
            if !missing.is_empty() {
                return Err(ApiError::new(
                    ErrorCode::Refused,
                    Message::new("error.flags_not_acknowledged")
                        .number("count", missing.len() as f64),
                ));
            }
            let acknowledged = open.iter().map(FlagAcknowledgement::of).collect();
            store.append(
                author,
                args.case_id,
                Payload::ReviewSubmitted {
                    comment,
                    acknowledged,
                },
            )?;
            Ok(())
        })
    }

    /// A supervisor closes an approved case: it does not go back to review, and is read-only after.
    pub(crate) fn close_case(&self, args: CloseArgs) -> Result<CaseView, ApiError> {
        let note = optional_comment(args.note)?;
        self.supervisor()?;
        self.change_case(args.case_id, |store, case, author| {
            let state = case.state();
            if state != CaseState::Approved {
                return Err(ApiError::new(
                    ErrorCode::Refused,
                    Message::new("error.close_not_approved").label("state", state.label_key()),
                ));
            }
            store.append(author, args.case_id, Payload::CaseClosed { note })?;
            Ok(())
        })
    }

    pub(crate) fn approve_case(&self, args: ApproveArgs) -> Result<CaseView, ApiError> {
        let comment = optional_comment(args.comment)?;
        self.supervisor()?;
        self.change_case(args.case_id, |store, case, author| {
            waiting_for_review(case.review.state)?;
            if case.head != args.head || case.event_count != args.event_count {
                return Err(ApiError::new(
                    ErrorCode::Refused,
                    Message::new("error.changed_while_reading"),
                ));
            }
            // Four eyes: nobody approves their own submission or their own changes.
            let own_change = store
                .timeline(args.case_id)?
                .iter()
                .any(|e| e.author == author.name && case.review.uncovered.contains(&e.event_id));
            if own_change || case.review.submitted.as_ref().map(|s| &s.by) == Some(&author.name) {
                return Err(ApiError::new(
                    ErrorCode::NotAllowed,
                    Message::new("error.four_eyes"),
                ));
            }
            // Earlier changes are covered by an earlier approval; these are the ones on screen.
            let covers = case.review.uncovered.clone();
            store.append(
                author,
                args.case_id,
                Payload::ReviewApproved { covers, comment },
            )?;
            Ok(())
        })
    }

    pub(crate) fn return_case(&self, args: ReturnArgs) -> Result<CaseView, ApiError> {
        let comment = reason_text(&args.comment).map_err(|_| {
            ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("error.return_comment"),
            )
        })?;
        if args.sections.len() > MAX_COMMENTS {
            return Err(ApiError::new(
                ErrorCode::InvalidRequest,
                Message::new("error.too_many_comments").number("max", MAX_COMMENTS as f64),
            ));
        }
        let mut sections = Vec::new();
        for s in args.sections {
            if s.comment.trim().is_empty() {
                continue;
            }
            sections.push(SectionComment {
                section: s.section,
                comment: reason_text(&s.comment)?,
            });
        }
        self.supervisor()?;
        self.change_case(args.case_id, |store, case, author| {
            waiting_for_review(case.review.state)?;
            store.append(
                author,
                args.case_id,
                Payload::ReviewReturned { comment, sections },
            )?;
            Ok(())
        })
    }

    pub(crate) fn set_change_reason(&self, args: ChangeReasonArgs) -> Result<CaseView, ApiError> {
        let reason = reason_text(&args.reason)?;
        // A withdrawn case too: reopening it (a status change) is a change that needs the reason.
        self.store()
            .set_change_reason(args.case_id, Some(&reason))?;
        self.view(args.case_id)
    }

    pub(crate) fn review_queue(&self, filter: QueueFilter) -> Result<ReviewQueue, ApiError> {
        let store = self.store();
        Ok(ReviewQueue {
            cases: store.review_queue(&filter)?,
            inspectors: store.queue_inspectors()?,
        })
    }
}

fn waiting_for_review(state: ReviewState) -> Result<(), ApiError> {
    if state.in_queue() {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::Refused,
            Message::new("error.not_waiting"),
        ))
    }
}
