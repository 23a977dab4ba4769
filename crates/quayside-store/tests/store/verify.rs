//! Verifying the log names what was altered, missing or signed after a revocation.

use quayside_domain::fields::Field;
use quayside_i18n::{Catalogue, Locale, Message};
use quayside_store::Store;

use crate::common::*;

#[test]
fn verification_names_a_flipped_byte_and_a_missing_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    for v in ["A", "B", "C"] {
        set(&mut store, case, None, Field::VesselName, v);
    }
    let clean = store.verify_log().unwrap();
    assert_eq!(
        (clean.events, clean.devices, clean.problems.len()),
        (4, 1, 0)
    );

    // Someone with the file and sqlite3 drops the guard and edits the bytes of event 2.
    let conn = raw(dir.path());
    conn.execute_batch(
        "DROP TRIGGER events_are_never_updated; DROP TRIGGER events_are_never_deleted;",
    )
    .unwrap();
    let target: String = conn
        .query_row("SELECT id FROM events WHERE device_seq = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    conn.execute(
        "UPDATE events SET body = CAST(replace(CAST(body AS TEXT), '\"A\"', '\"X\"') AS BLOB) WHERE id = ?1",
        [&target],
    )
    .unwrap();
    let report = store.verify_log().unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.event_id == target && p.what.key == "finding.bad_signature"),
        "{report:?}"
    );

    // And deletes event 3: the chain has a gap at 3.
    conn.execute("DELETE FROM events WHERE device_seq = 3", [])
        .unwrap();
    let report = store.verify_log().unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.device_seq == 4 && english(&p.what).contains("number 3 is missing")),
        "{report:?}"
    );
}

#[test]
fn verification_names_events_signed_after_the_device_was_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    for v in ["A", "B"] {
        set(&mut store, case, None, Field::VesselName, v);
    }
    // The server revoked this device when it held its first two events (a lost laptop that
    // was found again, say): the third is not evidence, the first two stay valid.
    let device = store.device().id;
    store
        .add_revocation(device, 2, "2026-12-01T09:00:00Z", None)
        .unwrap();
    let report = store.verify_log().unwrap();
    assert_eq!(report.problems.len(), 1, "{report:?}");
    let p = &report.problems[0];
    assert_eq!(p.device_seq, 3);
    assert_eq!(p.what.key, "finding.after_revocation");
    let what = english(&p.what);
    assert!(
        what.contains("revoked on 2026-12-01T09:00:00Z") && what.contains("up to number 2"),
        "{what}"
    );
    // The evidence screen words it in the reader's language, the dates and numbers kept.
    let chinese = Catalogue::get(Locale::ZhCn).format(&p.what);
    assert!(
        chinese.contains("吊销") && chinese.contains("2026-12-01T09:00:00Z"),
        "{chinese}"
    );
}

#[test]
fn verification_names_row_columns_edited_behind_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "A");
    set(&mut store, case, None, Field::VesselName, "B");
    let conn = raw(dir.path());
    conn.execute_batch("DROP TRIGGER events_are_never_updated;")
        .unwrap();
    // Reordering by editing the unsigned clock column would change which value wins.
    conn.execute(
        "UPDATE events SET hlc = hlc + 1000000000 WHERE device_seq = 2",
        [],
    )
    .unwrap();
    let report = store.verify_log().unwrap();
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert_eq!(report.problems[0].device_seq, 2);
    assert_eq!(report.problems[0].what.key, "finding.row_differs");
    assert!(english(&report.problems[0].what).contains("clock"));
}

/// A finding in English, checked in every language first: its key there, every argument given.
fn english(what: &Message) -> String {
    for locale in Locale::TRANSLATED {
        if let Err(e) = Catalogue::get(locale).format_checked(what) {
            panic!("{locale:?}: {e}");
        }
    }
    Catalogue::english().format(what)
}
