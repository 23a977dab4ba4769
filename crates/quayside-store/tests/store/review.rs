//! Review: change reasons on submitted and approved cases, and the queue.

use chrono::Duration;
use quayside_domain::event::Payload;
use quayside_domain::fields::Field;
use quayside_store::{Store, StoreError};
use uuid::Uuid;

use crate::common::*;

#[test]
fn a_submitted_case_is_changed_only_with_a_reason_which_each_event_carries() {
    use quayside_domain::review::ReviewState;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "MSC ANNA");
    store
        .append(
            &inspector(),
            case,
            Payload::ReviewSubmitted {
                comment: None,
                acknowledged: vec![],
            },
        )
        .unwrap();

    let before = store.event_count().unwrap();
    let err = store
        .append_field_edit(&inspector(), case, None, Field::Voyage, Some("1W".into()))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::ReasonRequired(ReviewState::Submitted)),
        "{err:?}"
    );
    assert!(err.to_string().contains("say why"), "{err}");
    assert_eq!(store.event_count().unwrap(), before, "nothing written");

    store
        .set_change_reason(case, Some("voyage read from the manifest"))
        .unwrap();
    set(&mut store, case, None, Field::Voyage, "1W");
    let timeline = store.timeline(case).unwrap();
    let last = timeline.last().unwrap();
    assert!(
        last.changes
            .iter()
            .any(|c| c.english_label() == "Reason for the change"
                && c.to.as_ref().and_then(|v| v.recorded())
                    == Some("voyage read from the manifest")),
        "{last:?}"
    );
    let events = store.case_events(case).unwrap();
    let body: quayside_domain::event::EventBody =
        serde_json::from_slice(&events.last().unwrap().bytes).unwrap();
    assert_eq!(
        body.reason.as_deref(),
        Some("voyage read from the manifest"),
        "signed in the event"
    );

    // A decision ends the reason: the approved case asks again, and a change reopens review.
    approve(&mut store, case, "Sam Supervisor");
    assert_eq!(store.change_reason(case).unwrap(), None);
    let err = store
        .append_field_edit(&inspector(), case, None, Field::Voyage, Some("2W".into()))
        .unwrap_err();
    assert!(err.to_string().contains("approved"), "{err}");
    store
        .set_change_reason(case, Some("second voyage"))
        .unwrap();
    set(&mut store, case, None, Field::Voyage, "2W");
    let (file, _) = store.case(case).unwrap();
    assert_eq!(file.review.state, ReviewState::Reopened);
    assert_eq!(file.review.changed_since_approval().len(), 1);
}

#[test]
fn the_review_queue_is_oldest_first_filtered_by_port_and_inspector_and_rebuilt_alike() {
    use quayside_domain::state::CaseState;
    use quayside_store::QueueFilter;
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let mut store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    let ivan = quayside_domain::event::Author {
        name: "Ivan Inspector".into(),
        role: quayside_domain::event::Role::Inspector,
    };
    let submit = |store: &mut Store, who: &quayside_domain::event::Author, port: &str| {
        let case = store.open_case(who, port).unwrap().id;
        clock.advance(Duration::minutes(10));
        store
            .append(
                who,
                case,
                Payload::ReviewSubmitted {
                    comment: None,
                    acknowledged: vec![],
                },
            )
            .unwrap();
        case
    };
    let a = submit(&mut store, &ivan, "NLRTM");
    let b = submit(&mut store, &inspector(), "BEANR");
    let c = submit(&mut store, &inspector(), "NLRTM");
    let not_submitted = store.open_case(&inspector(), "NLRTM").unwrap().id;

    let ids = |q: Vec<quayside_store::QueuedCase>| q.into_iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(
        ids(store.review_queue(&QueueFilter::default()).unwrap()),
        [a, b, c]
    );
    let port = QueueFilter {
        port: Some("NLRTM".into()),
        ..Default::default()
    };
    assert_eq!(ids(store.review_queue(&port).unwrap()), [a, c]);
    let ines = QueueFilter {
        inspector: Some("Ines Inspector".into()),
        ..Default::default()
    };
    assert_eq!(ids(store.review_queue(&ines).unwrap()), [b, c]);
    assert_eq!(
        store.queue_inspectors().unwrap(),
        ["Ines Inspector", "Ivan Inspector"]
    );

    // Approving takes a case out; a change after approval brings it back, at the end.
    approve(&mut store, a, "Sam Supervisor");
    assert_eq!(
        ids(store.review_queue(&QueueFilter::default()).unwrap()),
        [b, c]
    );
    clock.advance(Duration::minutes(10));
    store.set_change_reason(a, Some("seal re-read")).unwrap();
    set(&mut store, a, None, Field::VesselName, "X");
    let queue = store.review_queue(&QueueFilter::default()).unwrap();
    assert_eq!(ids(queue.clone()), [b, c, a]);
    assert_eq!(queue[2].state, CaseState::Reopened);
    assert!(!ids(queue).contains(&not_submitted));

    let live = store.projection_dump().unwrap();
    store.rebuild_projection().unwrap();
    assert_eq!(store.projection_dump().unwrap(), live);
}

#[test]
fn a_change_reason_needs_a_case_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let err = store
        .set_change_reason(Uuid::now_v7(), Some("why"))
        .unwrap_err();
    assert!(matches!(err, StoreError::CaseNotFound(_)), "{err:?}");
}

/// Closing an approved case: the projection holds it closed, it leaves no trace in the queue, the
/// list filters on it, the store refuses any later change, and a rebuild gives the same rows.
#[test]
fn a_closed_case_is_listed_closed_stays_out_of_the_queue_and_rebuilds_alike() {
    use quayside_domain::state::CaseState;
    use quayside_store::{CaseFilter, QueueFilter};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let other = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "MSC ANNA");
    store
        .append(
            &inspector(),
            case,
            Payload::ReviewSubmitted {
                comment: None,
                acknowledged: vec![],
            },
        )
        .unwrap();
    approve(&mut store, case, "Sam Supervisor");
    let closed = store
        .append(
            &supervisor("Sam Supervisor"),
            case,
            Payload::CaseClosed {
                note: Some("handed over".into()),
            },
        )
        .unwrap();
    assert_eq!(closed.state(), CaseState::Closed);
    let only = |state| {
        store
            .list_cases(&CaseFilter {
                state: Some(state),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(only(CaseState::Closed), vec![case]);
    assert_eq!(only(CaseState::Draft), vec![other]);
    assert!(only(CaseState::Approved).is_empty());
    assert!(store
        .review_queue(&QueueFilter::default())
        .unwrap()
        .is_empty());

    // Closing is a review step: no reason was needed for it, and a change after it is refused.
    let before = store.projection_dump().unwrap();
    store.set_change_reason(case, Some("late note")).unwrap();
    let refused =
        store.append_field_edit(&inspector(), case, None, Field::Voyage, Some("1W".into()));
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(store.projection_dump().unwrap(), before);
    store.rebuild_projection().unwrap();
    assert_eq!(store.projection_dump().unwrap(), before);
}
