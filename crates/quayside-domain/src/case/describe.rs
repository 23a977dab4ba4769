//! The timeline's description of what an event changed: a keyed label and the value before and
//! after, each kept keyed ([`ChangeValue`]) so it is worded in the reader's language.

use quayside_i18n::Message;

use crate::event::{EventBody, Payload};
use crate::review::Review;
use crate::timeline::{self as t, Change, ChangeValue, LabelPart};

pub(super) fn change(
    label: Vec<LabelPart>,
    from: Option<ChangeValue>,
    to: Option<ChangeValue>,
) -> Change {
    Change { label, from, to }
}

/// Text as recorded (a value typed, a reason, a name), if any.
pub(super) fn recorded(text: Option<&str>) -> Option<ChangeValue> {
    text.map(ChangeValue::text)
}

/// What a review step did, for the timeline: the decision, then each section's comment, then
/// how many changes an approval did not cover. `review` is the state after the step.
pub(super) fn review_changes(event: &EventBody, review: &Review) -> Vec<Change> {
    let line = |value: ChangeValue| change(vec![LabelPart::key(t::REVIEW)], None, Some(value));
    match &event.payload {
        Payload::ReviewSubmitted { comment, .. } => {
            vec![line(ChangeValue::Message(match comment {
                Some(c) => Message::new(t::REVIEW_SUBMITTED_COMMENT).text("comment", c.clone()),
                None => Message::new(t::REVIEW_SUBMITTED),
            }))]
        }
        Payload::ReviewReturned { comment, sections } => {
            let mut changes = vec![line(ChangeValue::Message(
                Message::new(t::REVIEW_RETURNED).text("comment", comment.clone()),
            ))];
            changes.extend(sections.iter().map(|s| {
                change(
                    vec![
                        LabelPart::key(t::REVIEW),
                        LabelPart::key(s.section.label_key()),
                    ],
                    None,
                    Some(ChangeValue::text(s.comment.clone())),
                )
            }));
            changes
        }
        Payload::ReviewApproved { covers, comment } => {
            let count = covers.len() as f64;
            let mut changes = vec![line(ChangeValue::Message(match comment {
                Some(c) => Message::new(t::REVIEW_APPROVED_COMMENT)
                    .number("count", count)
                    .text("comment", c.clone()),
                None => Message::new(t::REVIEW_APPROVED).number("count", count),
            }))];
            if !review.uncovered.is_empty() {
                changes.push(line(ChangeValue::Message(
                    Message::new(t::REVIEW_UNCOVERED)
                        .number("count", review.uncovered.len() as f64),
                )));
            }
            changes
        }
        _ => Vec::new(),
    }
}
