//! Opening a data folder (`lib.rs`): a file that is not a database, a database another process locks.

use quayside_domain::event::Payload;
use quayside_domain::fields::Field;
use quayside_store::{Store, StoreError};

use crate::common::*;

#[test]
fn a_file_that_is_not_a_database_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(quayside_store::DATABASE_FILE),
        b"this is not sqlite, just text",
    )
    .unwrap();
    let err = Store::open(dir.path()).err().expect("garbage is refused");
    let text = err.to_string();
    assert!(matches!(err, StoreError::Unavailable { .. }), "{err:?}");
    assert!(
        text.contains(quayside_store::DATABASE_FILE) && text.contains("not a case database"),
        "{text}"
    );
}

#[test]
fn a_locked_database_reports_busy_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let other = raw(dir.path());
    other.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let err = store
        .append(
            &inspector(),
            case,
            Payload::FieldSet {
                item: None,
                field: Field::Voyage,
                value: Some("1".into()),
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    other.execute_batch("ROLLBACK;").unwrap();
    assert_eq!(store.event_count().unwrap(), 1);
    set(&mut store, case, None, Field::Voyage, "1");
    assert_eq!(store.event_count().unwrap(), 2);
}
