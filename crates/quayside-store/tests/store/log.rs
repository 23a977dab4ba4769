//! Appending this device's events: the log refuses updates and deletes, case numbers, the clock
//! and sequence never go back, a refused write leaves nothing, an edit depends on what it replaces.

use chrono::{Duration, Utc};
use quayside_domain::event::{CaseStatus, Payload};
use quayside_domain::fields::{Field, Section};
use quayside_store::{Store, StoreError};
use uuid::Uuid;

use crate::common::*;

#[test]
fn the_event_log_refuses_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.open_case(&inspector(), "NLRTM").unwrap();
    let conn = raw(dir.path());
    let update = conn
        .execute("UPDATE events SET kind = 'x'", [])
        .unwrap_err();
    assert!(update.to_string().contains("append-only"), "{update}");
    let delete = conn.execute("DELETE FROM events", []).unwrap_err();
    assert!(delete.to_string().contains("append-only"), "{delete}");
    assert_eq!(store.event_count().unwrap(), 1);
}

#[test]
fn case_numbers_are_sequential_per_port_and_name_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let short = store.device().short_id.clone();
    let a = store.open_case(&inspector(), "NLRTM").unwrap();
    let b = store.open_case(&inspector(), "NLRTM").unwrap();
    let c = store.open_case(&inspector(), "THLCH").unwrap();
    let year = Utc::now().format("%Y");
    assert_eq!(a.case_number, format!("NLRTM-{year}-{short}-0001"));
    assert_eq!(b.case_number, format!("NLRTM-{year}-{short}-0002"));
    assert_eq!(c.case_number, format!("THLCH-{year}-{short}-0001"));
    drop(store);
    let mut store = Store::open(dir.path()).unwrap();
    let d = store.open_case(&inspector(), "NLRTM").unwrap();
    assert_eq!(
        d.case_number,
        format!("NLRTM-{year}-{short}-0003"),
        "counter survives a reopen"
    );
}

#[test]
fn clock_and_device_sequence_never_go_back_across_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let mut store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    for i in 0..5 {
        set(&mut store, case, None, Field::VesselName, &format!("V{i}"));
    }
    let (seq_before, hlc_before) = store.device_head().unwrap();
    assert_eq!(seq_before, 6);
    drop(store);

    // The machine restarts with its clock set back by a day.
    clock.set(noon() - Duration::days(1));
    let mut store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    set(&mut store, case, None, Field::VesselName, "after restart");
    let (seq_after, hlc_after) = store.device_head().unwrap();
    assert_eq!(seq_after, seq_before + 1, "dense sequence");
    assert!(
        hlc_after > hlc_before,
        "HLC moved forward although the wall clock went back"
    );

    // Stored order follows the HLC, so the edit made after the restart is the last one folded.
    let (case_file, _) = store.case(case).unwrap();
    assert_eq!(case_file.value(Field::VesselName), Some("after restart"));
    let report = store.verify_log().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn a_refused_write_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let before = (
        store.event_count().unwrap(),
        store.device_head().unwrap(),
        store.projection_dump().unwrap(),
    );

    // A field of a list section written to an item that does not exist: the fold refuses it
    // after the event row was inserted, inside the same transaction.
    let err = store
        .append(
            &inspector(),
            case,
            Payload::FieldSet {
                item: Some(Uuid::now_v7()),
                field: Field::SealNumber,
                value: Some("X".into()),
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)), "{err:?}");
    let err = store
        .append(
            &inspector(),
            Uuid::now_v7(),
            Payload::StatusSet {
                status: CaseStatus::Closed,
                reason: None,
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::CaseNotFound(_)), "{err:?}");

    let after = (
        store.event_count().unwrap(),
        store.device_head().unwrap(),
        store.projection_dump().unwrap(),
    );
    assert_eq!(before, after);
    // The next good write takes the next sequence number: no hole where the refused one was.
    set(&mut store, case, None, Field::VesselName, "OK");
    assert_eq!(store.device_head().unwrap().0, before.1 .0 + 1);
    assert!(store.verify_log().unwrap().problems.is_empty());
}

#[test]
fn events_appended_together_are_written_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let before = (store.event_count().unwrap(), store.device_head().unwrap());
    let reading = Uuid::now_v7();
    let added = Payload::ItemAdded {
        section: Section::Readings,
        item: reading,
    };
    let element = Payload::FieldSet {
        item: Some(reading),
        field: Field::ReadingElement,
        value: Some("Ga".into()),
    };
    // The last one names an entry that does not exist: the fold refuses it, and with it the rest.
    let stray = Payload::FieldSet {
        item: Some(Uuid::now_v7()),
        field: Field::ReadingMassPercent,
        value: Some("38.2".into()),
    };
    let err = store
        .append_all(
            &inspector(),
            case,
            vec![added.clone(), element.clone(), stray],
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)), "{err:?}");
    assert_eq!(
        (store.event_count().unwrap(), store.device_head().unwrap()),
        before
    );

    let written = store
        .append_all(&inspector(), case, vec![added, element])
        .unwrap();
    assert_eq!(written.live_items(Section::Readings).count(), 1);
    assert_eq!(store.event_count().unwrap(), before.0 + 2);
    assert_eq!(store.device_head().unwrap().0, before.1 .0 + 2);
    assert!(store.verify_log().unwrap().problems.is_empty());
}

#[test]
fn a_field_edit_depends_on_the_event_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "A");
    let first = store
        .case(case)
        .unwrap()
        .0
        .field_event(None, Field::VesselName)
        .unwrap();
    set(&mut store, case, None, Field::Voyage, "001W");
    let head = store.case(case).unwrap().0.head;
    set(&mut store, case, None, Field::VesselName, "B");
    let events = store.case_events(case).unwrap();
    let last: quayside_domain::event::EventBody =
        serde_json::from_slice(&events.last().unwrap().bytes).unwrap();
    assert_eq!(last.deps, vec![head, first]);
}
