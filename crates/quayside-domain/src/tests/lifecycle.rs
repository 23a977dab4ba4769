//! The case's one state through its life, the close step and the acknowledgement of flags on
//! submission, including event logs written before either existed.

use super::*;
use crate::review::{unacknowledged, FlagAcknowledgement, ReviewState};
use crate::state::CaseState;
use crate::timeline::ACKNOWLEDGED;

fn submit(s: &mut Script) {
    s.apply(Payload::ReviewSubmitted {
        comment: None,
        acknowledged: vec![],
    })
    .unwrap();
}

fn close(s: &mut Script, role: Role) -> Result<Vec<crate::case::Change>, FoldError> {
    review(
        s,
        role,
        Payload::CaseClosed {
            note: Some("goods handed to the warehouse".into()),
        },
    )
}

#[test]
fn one_state_follows_the_case_from_draft_to_closed() {
    let mut s = Script::new();
    assert_eq!(s.case.state(), CaseState::Draft);
    s.set(Field::VesselName, "MSC ANNA");
    submit(&mut s);
    assert_eq!(s.case.state(), CaseState::Submitted);
    review(
        &mut s,
        Role::Supervisor,
        Payload::ReviewReturned {
            comment: "add the voyage".into(),
            sections: vec![],
        },
    )
    .unwrap();
    assert_eq!(s.case.state(), CaseState::Returned);
    s.set(Field::Voyage, "FA603R");
    submit(&mut s);
    approve_all(&mut s);
    assert_eq!(s.case.state(), CaseState::Approved);
    s.set(Field::Voyage, "FA604R");
    assert_eq!(s.case.state(), CaseState::Reopened);
    assert!(s.case.state().in_queue());
    approve_all(&mut s);
    let changes = close(&mut s, Role::Supervisor).unwrap();
    assert_eq!(s.case.state(), CaseState::Closed);
    let english = |v: &Option<crate::timeline::ChangeValue>| v.as_ref().map(|v| v.english());
    assert_eq!(english(&changes[0].from).as_deref(), Some("Open"));
    assert_eq!(
        english(&changes[0].to).as_deref(),
        Some("Closed (goods handed to the warehouse)")
    );
    assert_eq!(
        s.case.closed.as_ref().map(|c| c.by.as_str()),
        Some("Sam Supervisor")
    );
}

#[test]
fn closing_does_not_reopen_review_and_a_closed_case_takes_no_change() {
    let mut s = Script::new();
    s.set(Field::VesselName, "MSC ANNA");
    submit(&mut s);
    approve_all(&mut s);
    close(&mut s, Role::Supervisor).unwrap();
    assert_eq!(s.case.review.state, ReviewState::Approved);
    assert!(
        s.case.review.uncovered.is_empty(),
        "closing is not a change"
    );
    assert!(s.case.review.queued_at.is_none(), "not back in the queue");
    let count = s.case.event_count;
    let refused = s.apply(Payload::FieldSet {
        item: None,
        field: Field::Voyage,
        value: Some("X1".into()),
    });
    assert_eq!(refused, Err(FoldError::Closed));
    assert_eq!(
        s.apply(Payload::StatusSet {
            status: CaseStatus::Open,
            reason: Some("reopen".into()),
        }),
        Err(FoldError::Closed)
    );
    assert_eq!(close(&mut s, Role::Supervisor), Err(FoldError::Closed));
    assert_eq!(s.case.event_count, count, "nothing refused was folded in");
    assert_eq!(s.case.state(), CaseState::Closed);
}

#[test]
fn only_an_approved_case_is_closed_and_only_by_a_supervisor_or_admin() {
    let mut s = Script::new();
    assert_eq!(
        close(&mut s, Role::Supervisor),
        Err(FoldError::NotApproved("draft"))
    );
    submit(&mut s);
    assert_eq!(
        close(&mut s, Role::Supervisor),
        Err(FoldError::NotApproved("submitted"))
    );
    approve_all(&mut s);
    assert!(matches!(
        close(&mut s, Role::Inspector),
        Err(FoldError::Review(_))
    ));
    assert_eq!(s.case.state(), CaseState::Approved);
    close(&mut s, Role::Admin).unwrap();
    assert_eq!(s.case.state(), CaseState::Closed);

    let mut withdrawn = Script::new();
    submit(&mut withdrawn);
    approve_all(&mut withdrawn);
    withdrawn
        .apply(Payload::StatusSet {
            status: CaseStatus::Withdrawn,
            reason: Some("opened twice".into()),
        })
        .unwrap();
    assert_eq!(withdrawn.case.state(), CaseState::Withdrawn);
    assert_eq!(
        close(&mut withdrawn, Role::Supervisor),
        Err(FoldError::NotApproved("withdrawn"))
    );
}

/// Before closing was a step, a case was closed by setting its status with a reason: that
/// reopened review. Such a log still folds, and reads as closed; reopening it by status still works.
#[test]
fn a_log_closed_by_a_status_change_reads_as_closed() {
    let mut s = Script::new();
    s.set(Field::VesselName, "MSC ANNA");
    submit(&mut s);
    approve_all(&mut s);
    let mut event = body(
        s.case.id,
        s.seq + 1,
        Payload::StatusSet {
            status: CaseStatus::Closed,
            reason: Some("done".into()),
        },
    );
    s.seq += 1;
    event.reason = Some("closing".into());
    event.deps = vec![s.case.head];
    s.case.apply(&event).unwrap();
    assert_eq!(s.case.review.state, ReviewState::Reopened);
    assert_eq!(s.case.state(), CaseState::Closed);
    assert!(s.case.closed.is_none(), "not closed by the close step");
    s.apply(Payload::StatusSet {
        status: CaseStatus::Open,
        reason: None,
    })
    .unwrap();
    assert_eq!(s.case.state(), CaseState::Reopened);
}

#[test]
fn every_state_has_its_stored_code() {
    for state in CaseState::ALL {
        let json = serde_json::to_value(state).unwrap();
        assert_eq!(json, serde_json::Value::String(state.as_str().into()));
        assert_eq!(state.label_key(), format!("state.{}", state.as_str()));
    }
    assert_eq!(
        CaseState::of(CaseStatus::Open, ReviewState::NotSubmitted),
        CaseState::Draft
    );
    assert_eq!(
        CaseState::of(CaseStatus::Withdrawn, ReviewState::Approved),
        CaseState::Withdrawn
    );
}

fn flagged() -> Script {
    let mut s = Script::new();
    s.set(Field::DeclaredWeight, "1 t");
    s.add(Section::GoodsFound, &[(Field::GoodsWeight, "1500 kg")]);
    s
}

#[test]
fn a_submission_must_acknowledge_each_open_flag_as_it_stands() {
    let mut s = flagged();
    let open = flags(&s.case, ControlList::built_in());
    assert_eq!(open.len(), 1);
    assert_eq!(unacknowledged(&open, &[]).len(), 1);
    let acks: Vec<FlagAcknowledgement> = open.iter().map(FlagAcknowledgement::of).collect();
    assert!(unacknowledged(&open, &acks).is_empty());

    // The weight changes after the inspector read the flag: its details differ, ask again.
    s.add(Section::GoodsFound, &[(Field::GoodsWeight, "100 kg")]);
    let now = flags(&s.case, ControlList::built_in());
    assert_eq!(unacknowledged(&now, &acks).len(), 1);
    let other = FlagAcknowledgement {
        code: FlagCode::OriginNotOnRoute,
        details: now[0].details.clone(),
    };
    assert_eq!(
        unacknowledged(&now, &[other]).len(),
        1,
        "code and details both"
    );
}

#[test]
fn the_submission_signs_the_acknowledged_flags_and_the_timeline_shows_them() {
    let mut s = flagged();
    let acks: Vec<FlagAcknowledgement> = flags(&s.case, ControlList::built_in())
        .iter()
        .map(FlagAcknowledgement::of)
        .collect();
    let changes = s
        .apply(Payload::ReviewSubmitted {
            comment: None,
            acknowledged: acks.clone(),
        })
        .unwrap();
    assert_eq!(s.case.review.acknowledged, acks);
    let line = changes
        .iter()
        .find(|c| c.label[0] == crate::timeline::LabelPart::key(ACKNOWLEDGED))
        .expect("a line per acknowledged flag");
    assert_eq!(line.english_label(), "Flag acknowledged · Weight differs");
    assert!(line.to.as_ref().unwrap().english().contains("1500 kg"));

    let json = serde_json::to_value(Payload::ReviewSubmitted {
        comment: None,
        acknowledged: acks,
    })
    .unwrap();
    assert_eq!(json["acknowledged"][0]["code"], "weight_discrepancy");
}

/// A submission written before acknowledgements existed keeps its exact bytes and folds as one.
#[test]
fn a_submission_from_before_acknowledgements_reads_the_same() {
    let old = br#"{"kind":"review_submitted","comment":"done"}"#;
    let payload: Payload = serde_json::from_slice(old).unwrap();
    assert_eq!(
        payload,
        Payload::ReviewSubmitted {
            comment: Some("done".into()),
            acknowledged: vec![]
        }
    );
    assert_eq!(serde_json::to_vec(&payload).unwrap(), old.to_vec());
    let mut s = Script::new();
    s.apply(payload).unwrap();
    assert_eq!(s.case.state(), CaseState::Submitted);
    assert!(s.case.review.acknowledged.is_empty());
}

#[test]
fn a_close_event_reads_back_and_an_older_version_would_keep_it_as_unknown() {
    let payload = Payload::CaseClosed { note: None };
    let json = serde_json::to_string(&payload).unwrap();
    assert_eq!(json, r#"{"kind":"case_closed","note":null}"#);
    assert_eq!(serde_json::from_str::<Payload>(&json).unwrap(), payload);
    assert!(payload.is_review() && payload.is_review_step());
}
