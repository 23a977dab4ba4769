//! This device's key file: private, its loss explained, never overwritten.

use std::path::Path;

use quayside_store::{Store, StoreError};

use crate::common::*;

#[test]
fn the_device_key_is_private_and_its_loss_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let key_path = dir.path().join(quayside_store::DEVICE_KEY_FILE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let id = store.device().id;
    drop(store);
    assert_eq!(
        Store::open(dir.path()).unwrap().device().id,
        id,
        "same device after reopen"
    );
    std::fs::remove_file(&key_path).unwrap();
    let err = Store::open(dir.path()).err().unwrap();
    assert!(matches!(err, StoreError::DeviceKey { .. }), "{err:?}");
    assert!(err.to_string().contains("restore"), "{err}");
}

#[test]
fn a_key_without_its_database_is_set_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let old_key = std::fs::read(dir.path().join(quayside_store::DEVICE_KEY_FILE)).unwrap();
    drop(store);
    std::fs::remove_file(dir.path().join(quayside_store::DATABASE_FILE)).unwrap();
    let store = Store::open(dir.path()).unwrap();
    let new_key = std::fs::read(dir.path().join(quayside_store::DEVICE_KEY_FILE)).unwrap();
    assert_ne!(old_key, new_key, "a new device gets a new key");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("device.key.orphaned-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read(dir.path().join(&kept[0])).unwrap(), old_key);
    drop(store);
}

#[cfg(unix)]
#[test]
fn a_device_key_file_others_may_read_is_made_private_on_open() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join(quayside_store::DEVICE_KEY_FILE);
    drop(open_at_noon(dir.path()));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&key), 0o600, "made private");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let store = open_at_noon(dir.path());
    assert_eq!(mode(&key), 0o600, "tightened on open");
    drop(store);
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o640)).unwrap();
    drop(open_at_noon(dir.path()));
    assert_eq!(mode(&key), 0o600);
}
