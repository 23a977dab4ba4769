//! The vault on real files: opening it (crashed writes in tmp/ removed, or nothing touched when
//! opened read-only) and naming originals only by a valid hash. Importing and checking originals
//! are in the submodules, named after the source modules.

mod documents;
mod import;
mod originals;
mod sealed;

use std::fs;

use quayside_photos::{Integrity, PhotoError, Vault};
use quayside_testkit::fixtures::*;
use sha2::{Digest, Sha256};

use crate::files_under;

#[test]
fn a_crashed_write_left_in_tmp_is_removed_at_open_and_never_counted() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = plain_jpeg(40, 30);
    let sha = {
        let vault = Vault::open(dir.path(), file_key()).unwrap();
        vault.import("kept.jpg", &bytes).unwrap().sha256
    };
    // A crash between write and rename leaves a file in tmp/, maybe named like an original.
    let tmp = dir.path().join("vault").join("tmp");
    let stale_name = hex::encode(Sha256::digest(b"half written"));
    fs::write(tmp.join(&stale_name), b"half wri").unwrap();
    fs::write(tmp.join("123-456-0.part"), b"half written").unwrap();
    fs::create_dir(tmp.join("junk")).unwrap();

    let vault = Vault::open(dir.path(), file_key()).unwrap();

    assert_eq!(
        fs::read_dir(&tmp).unwrap().count(),
        0,
        "tmp/ emptied at open"
    );
    assert_eq!(vault.stored().unwrap(), vec![sha.clone()]);
    assert_eq!(vault.check(&stale_name), Integrity::Missing);
    assert_eq!(vault.check(&sha), Integrity::Intact);
}

#[test]
fn a_read_only_vault_writes_nothing_and_removes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = plain_jpeg(40, 30);
    let sha = Vault::open(dir.path(), file_key())
        .unwrap()
        .import("kept.jpg", &bytes)
        .unwrap()
        .sha256;
    let stale = dir.path().join("vault").join("tmp").join("123-456-0.part");
    fs::write(&stale, b"half written").unwrap();
    fs::remove_dir_all(dir.path().join("thumbs")).unwrap();
    let before = files_under(dir.path());

    let vault = Vault::open_read_only(dir.path(), file_key()).unwrap();

    assert_eq!(vault.check(&sha), Integrity::Intact);
    assert_eq!(vault.read_original(&sha).unwrap(), bytes);
    assert_eq!(vault.stored().unwrap(), vec![sha.clone()]);
    for err in [
        vault.import("new.jpg", &plain_jpeg(20, 20)).unwrap_err(),
        vault.import_file(&stale).unwrap_err(),
        vault.thumbnail(&sha, 256).unwrap_err(),
    ] {
        assert!(matches!(err, PhotoError::ReadOnly { .. }), "{err}");
        assert!(
            err.to_string().contains("this vault was opened read-only"),
            "{err}"
        );
    }
    assert_eq!(
        fs::read(&stale).unwrap(),
        b"half written",
        "tmp/ left alone"
    );
    assert!(!dir.path().join("thumbs").exists(), "no folder created");
    assert_eq!(files_under(dir.path()), before);
}

#[test]
fn a_read_only_vault_without_a_vault_folder_has_no_originals() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open_read_only(dir.path(), file_key()).unwrap();
    let sha = hex::encode(Sha256::digest(b"never stored"));

    assert_eq!(vault.stored().unwrap(), Vec::<String>::new());
    assert_eq!(vault.check(&sha), Integrity::Missing);
    assert!(matches!(
        vault.read_original(&sha),
        Err(PhotoError::Missing { .. })
    ));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing created"
    );

    // Nor does it need the data folder itself.
    let gone = dir.path().join("not-there");
    let vault = Vault::open_read_only(&gone, file_key()).unwrap();
    assert_eq!(vault.check(&sha), Integrity::Missing);
    assert!(vault.stored().unwrap().is_empty());
    assert!(!gone.exists());
}

#[test]
fn a_text_that_is_not_a_hash_names_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    fs::write(dir.path().join("secret"), b"outside the vault").unwrap();
    let traversal = format!("../../{}", "a".repeat(58));
    assert_eq!(traversal.len(), 64);
    let bad = [
        traversal.as_str(),
        "../secret",
        "abc",
        &"a".repeat(63),
        &"a".repeat(65),
        &"A".repeat(64),
        &"g".repeat(64),
        "",
    ];
    for sha in bad {
        assert!(
            matches!(
                vault.read_original(sha),
                Err(PhotoError::InvalidHash { .. })
            ),
            "{sha}"
        );
        assert!(
            matches!(
                vault.thumbnail(sha, 64),
                Err(PhotoError::InvalidHash { .. })
            ),
            "{sha}"
        );
        assert!(
            matches!(
                vault.try_original_path(sha),
                Err(PhotoError::InvalidHash { .. })
            ),
            "{sha}"
        );
        assert_eq!(vault.check(sha), Integrity::Missing, "{sha}");
        let panicked = std::panic::catch_unwind(|| vault.original_path(sha));
        assert!(
            panicked.is_err(),
            "original_path({sha:?}) must not return a path"
        );
    }
    let msg = vault.read_original("../secret").unwrap_err().to_string();
    assert!(msg.contains("\"../secret\" is not a photo hash"), "{msg}");
}
