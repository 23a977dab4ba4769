//! The store at rest (`encryption`): SQLCipher under the data key, the sealed device key, and the
//! crash-safe move of a plaintext store into encrypted form (killed at random points).

use std::path::Path;
use std::process::Command;

use quayside_domain::fields::{Field, Section};
use quayside_keys::DataKey;
use quayside_store::{
    database_file, encrypt_in_place, DatabaseFile, Store, StoreError, StoreReader, DATABASE_FILE,
    DEVICE_KEY_FILE,
};

use crate::common::*;

const NAME: &str = "Zebulon Quartermain";
const NUMBER: &str = "G48213377";

fn key() -> DataKey {
    DataKey::from_bytes([7; 32])
}

fn plant(store: &mut Store) {
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let party = add(store, case, Section::Parties);
    set(store, case, Some(party), Field::PartyName, NAME);
    set(store, case, Some(party), Field::PartyIdentifier, NUMBER);
}

/// Every byte of every file under `dir`, searched for the planted name and number.
fn planted_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walk(dir) {
        let bytes = std::fs::read(&entry).unwrap();
        for needle in [NAME.as_bytes(), NUMBER.as_bytes()] {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                found.push(entry.display().to_string());
            }
        }
    }
    found
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn an_encrypted_store_keeps_names_and_the_signing_key_out_of_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut store =
        Store::open_encrypted(dir.path(), &key(), Box::new(TestClock::at(noon()))).unwrap();
    plant(&mut store);
    let device = store.device().id;
    let seed = store.device().key.to_bytes();
    let events = store.verify_log().unwrap().events;
    assert!(events >= 4);
    assert!(
        planted_files(dir.path()).is_empty(),
        "plaintext while open (WAL included)"
    );
    drop(store);

    assert!(planted_files(dir.path()).is_empty());
    assert_eq!(database_file(dir.path()).unwrap(), DatabaseFile::Encrypted);
    let key_file = std::fs::read(dir.path().join(DEVICE_KEY_FILE)).unwrap();
    assert!(quayside_keys::is_sealed(&key_file));
    assert!(!key_file.windows(32).any(|w| w == seed));

    let store = Store::open_encrypted(dir.path(), &key(), Box::new(TestClock::at(noon()))).unwrap();
    assert_eq!(store.device().id, device);
    assert_eq!(store.verify_log().unwrap().events, events);
    drop(store);
    let reader = StoreReader::open_encrypted(dir.path(), &key()).unwrap();
    assert!(reader.verify_log().unwrap().problems.is_empty());
}

#[test]
fn another_key_or_no_key_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    plant(&mut Store::open_encrypted(dir.path(), &key(), Box::new(TestClock::at(noon()))).unwrap());
    let before = std::fs::read(dir.path().join(DATABASE_FILE)).unwrap();
    let other = DataKey::from_bytes([8; 32]);
    let err = Store::open_encrypted(dir.path(), &other, Box::new(TestClock::at(noon())))
        .err()
        .expect("another key is refused");
    assert!(matches!(err, StoreError::WrongKey { .. }), "{err:?}");
    assert!(matches!(
        StoreReader::open_encrypted(dir.path(), &other),
        Err(StoreError::WrongKey { .. })
    ));
    let err = StoreReader::open(dir.path())
        .err()
        .expect("no key is refused");
    assert!(err.to_string().contains("passphrase"), "{err}");
    assert_eq!(
        std::fs::read(dir.path().join(DATABASE_FILE)).unwrap(),
        before
    );

    std::fs::write(dir.path().join(quayside_keys::KEYS_FILE), "{}").unwrap();
    let err = Store::open(dir.path())
        .err()
        .expect("a folder with keys never opens plain");
    assert!(err.to_string().contains("encrypted"), "{err}");
}

#[test]
fn a_plaintext_store_is_encrypted_on_first_open_with_its_device_and_events() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_at_noon(dir.path());
    plant(&mut store);
    let device = store.device().id;
    let events = store.verify_log().unwrap().events;
    drop(store);
    assert!(
        !planted_files(dir.path()).is_empty(),
        "the plaintext store shows the name"
    );

    let store = Store::open_encrypted(dir.path(), &key(), Box::new(TestClock::at(noon()))).unwrap();
    assert_eq!(store.device().id, device);
    let report = store.verify_log().unwrap();
    assert_eq!(report.events, events);
    assert!(
        report.problems.is_empty() && report.damage.is_empty(),
        "{report:?}"
    );
    drop(store);
    assert_eq!(planted_files(dir.path()), Vec::<String>::new());
    assert!(quayside_keys::is_sealed(
        &std::fs::read(dir.path().join(DEVICE_KEY_FILE)).unwrap()
    ));
    // Running it again on an encrypted store does nothing.
    encrypt_in_place(dir.path(), &key()).unwrap();
    assert_eq!(database_file(dir.path()).unwrap(), DatabaseFile::Encrypted);
}

const CHILD_DIR: &str = "QUAYSIDE_ENCRYPT_CHILD_DIR";

/// Not a test of its own: the kill test runs it as a child process and kills it.
#[test]
#[ignore = "the child process of the kill test below"]
fn child_encrypts_the_folder_named_in_its_environment() {
    let dir = std::env::var(CHILD_DIR).expect("run by the kill test");
    encrypt_in_place(Path::new(&dir), &key()).unwrap();
}

fn spawn_child(dir: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "encryption::child_encrypts_the_folder_named_in_its_environment",
            "--ignored",
            "--test-threads=1",
        ])
        .env(CHILD_DIR, dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// A plaintext store with some bulk, so the export takes long enough to be killed inside.
fn bulky_plaintext_store(dir: &Path) -> (u32, i64) {
    let mut store = open_at_noon(dir);
    for _ in 0..3 {
        plant(&mut store);
    }
    let events = store.verify_log().unwrap().events;
    drop(store);
    let conn = raw(dir);
    conn.execute_batch(
        "CREATE TABLE bulk (n INTEGER, b BLOB);
         WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 2500)
         INSERT INTO bulk SELECT n, randomblob(4000) FROM k;",
    )
    .unwrap();
    let bulk: i64 = conn
        .query_row("SELECT sum(n) FROM bulk", [], |r| r.get(0))
        .unwrap();
    (events, bulk)
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn killing_the_encryption_at_any_point_loses_nothing() {
    let template = tempfile::tempdir().unwrap();
    let (events, bulk) = bulky_plaintext_store(template.path());

    let timed = tempfile::tempdir().unwrap();
    copy_folder(template.path(), timed.path());
    assert!(spawn_child(timed.path()).wait().unwrap().success());
    assert_eq!(
        database_file(timed.path()).unwrap(),
        DatabaseFile::Encrypted
    );
    let full = std::fs::metadata(timed.path().join(DATABASE_FILE))
        .unwrap()
        .len();

    let runs: u64 = if std::env::var_os("QUAYSIDE_LONG").is_some() {
        60
    } else {
        12
    };
    let mut states = std::collections::BTreeMap::new();
    for run in 0..runs {
        let dir = tempfile::tempdir().unwrap();
        copy_folder(template.path(), dir.path());
        let copy = dir.path().join("quayside.sqlite3.encrypting");
        let mut child = spawn_child(dir.path());
        // Kill when the encrypted copy has grown to run/(runs-2) of its full size: the first
        // run before it exists, the last ones after it replaced the plaintext.
        let target = full * run / (runs - 2);
        while run > 0 && child.try_wait().unwrap().is_none() {
            if std::fs::metadata(&copy).is_ok_and(|m| m.len() >= target) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        let _ = child.kill();
        child.wait().unwrap();
        *states
            .entry(format!("{:?}", database_file(dir.path()).unwrap()))
            .or_insert(0) += 1;

        let store = Store::open_encrypted(dir.path(), &key(), Box::new(TestClock::at(noon())))
            .unwrap_or_else(|e| panic!("run {run}: {e}"));
        let report = store.verify_log().unwrap();
        assert_eq!(report.events, events, "run {run}");
        assert!(report.damage.is_empty(), "run {run}: {report:?}");
        drop(store);
        let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
        conn.pragma_update(None, "key", key().database_key().pragma_value())
            .unwrap();
        let sum: i64 = conn
            .query_row("SELECT sum(n) FROM bulk", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sum, bulk, "run {run}");
        assert!(planted_files(dir.path()).is_empty(), "run {run}");
    }
    // The kills landed both before and after the switch, or the test proved little.
    assert!(
        states.len() == 2,
        "every kill found the same state: {states:?}"
    );
}
