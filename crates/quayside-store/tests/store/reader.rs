//! The read-only reader checks a copy and writes nothing.

use quayside_domain::fields::Field;
use quayside_store::Store;

use crate::common::*;

#[test]
fn a_reader_checks_a_copy_without_its_key_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "A");
    drop(store);
    // A copy handed to someone else: database only, no device key.
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.path().join(quayside_store::DATABASE_FILE),
        copy.path().join(quayside_store::DATABASE_FILE),
    )
    .unwrap();
    let before: Vec<_> = std::fs::read_dir(copy.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let reader = quayside_store::StoreReader::open(copy.path()).unwrap();
    let report = reader.verify_log().unwrap();
    assert_eq!((report.events, report.problems.len()), (2, 0));
    drop(reader);
    let after: Vec<_> = std::fs::read_dir(copy.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before, after, "no key, journal or other file was made");

    let empty = tempfile::tempdir().unwrap();
    let err = quayside_store::StoreReader::open(empty.path())
        .err()
        .unwrap();
    assert!(err.to_string().contains("no case database"), "{err}");
}
