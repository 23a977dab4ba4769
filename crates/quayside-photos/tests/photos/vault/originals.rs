//! Stored originals' integrity on real files: altered (and restored by importing again), missing,
//! and unreadable, which is never taken for tampering.

use std::fs;

use quayside_photos::{Integrity, PhotoError, Vault};
use quayside_testkit::fixtures::*;
use sha2::{Digest, Sha256};

use crate::{files_under, make_writable, notes_text, seal_original};

#[test]
fn a_tampered_original_fails_its_seal_and_is_not_served() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let bytes = camera_jpeg(320, 240, 90, &ExifSpec::santos(), 4);
    let sha = vault.import("seal.jpg", &bytes).unwrap().sha256;
    let path = vault.original_path(&sha);
    let sealed = fs::read(&path).unwrap();
    make_writable(&path);

    // Someone edits the sealed file in place (same size, one byte changed): its seal fails, and
    // that is its own finding, not a hash mismatch.
    let mut tampered = sealed.clone();
    let i = tampered.len() / 2;
    tampered[i] ^= 0x01;
    fs::write(&path, &tampered).unwrap();
    assert_eq!(vault.check(&sha), Integrity::SealBroken);
    let err = vault.read_original(&sha).unwrap_err();
    assert!(matches!(&err, PhotoError::SealBroken { .. }), "{err}");
    assert!(
        err.to_string().contains(&sha) && err.to_string().contains("seal"),
        "{err}"
    );
    assert!(matches!(
        vault.thumbnail(&sha, 1600),
        Err(PhotoError::SealBroken { .. })
    ));
    let json = serde_json::to_value(vault.check(&sha)).unwrap();
    assert_eq!(json["state"], "seal_broken");

    // Cut short, replaced by the plaintext itself, or swapped for another original's sealed file:
    // none of them opens as this original.
    let other = vault
        .import("other.jpg", &plain_jpeg(40, 30))
        .unwrap()
        .sha256;
    let swapped = fs::read(vault.original_path(&other)).unwrap();
    for (what, content) in [
        ("cut short", sealed[..sealed.len() - 10].to_vec()),
        ("plaintext", bytes.clone()),
        ("swapped", swapped),
    ] {
        fs::write(&path, &content).unwrap();
        assert_eq!(vault.check(&sha), Integrity::SealBroken, "{what}");
        assert!(
            matches!(
                vault.read_original(&sha),
                Err(PhotoError::SealBroken { .. })
            ),
            "{what}"
        );
    }

    // Content sealed with this key but not the original's (as an altered file an older version
    // kept is, once sealed): altered, with the hash and size it has.
    let altered = &bytes[..100];
    fs::write(&path, seal_original(&sha, altered)).unwrap();
    let actual = hex::encode(Sha256::digest(altered));
    assert_eq!(
        vault.check(&sha),
        Integrity::Altered {
            actual_sha256: actual.clone(),
            actual_size: 100
        }
    );
    let err = vault.read_original(&sha).unwrap_err();
    assert!(matches!(&err, PhotoError::Altered { actual_sha256, .. } if *actual_sha256 == actual));

    // Broken seals too: importing the true bytes again puts the original back, and says so.
    fs::write(&path, &tampered).unwrap();
    let again = vault.import("seal.jpg", &bytes).unwrap();
    assert!(!again.already_stored);
    let note = notes_text(&again);
    assert!(note.contains("altered copy"), "{note}");
    assert_eq!(vault.check(&sha), Integrity::Intact);
    assert_eq!(vault.read_original(&sha).unwrap(), bytes);
    // The damaged copy is kept as it was found, for examination, outside the originals.
    let kept = files_under(&dir.path().join("vault").join("altered"));
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).unwrap(), tampered);
    assert!(note.contains(&kept[0].display().to_string()), "{note}");
    let mut stored = vec![sha.clone(), other];
    stored.sort();
    assert_eq!(vault.stored().unwrap(), stored);
}

#[test]
fn a_deleted_original_is_reported_missing() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let sha = vault.import("c.jpg", &plain_jpeg(40, 30)).unwrap().sha256;
    fs::remove_file(vault.original_path(&sha)).unwrap();

    assert_eq!(vault.check(&sha), Integrity::Missing);
    let err = vault.read_original(&sha).unwrap_err();
    assert!(matches!(err, PhotoError::Missing { .. }));
    assert!(err.to_string().contains("missing from the vault"), "{err}");
    assert!(matches!(
        vault.thumbnail(&sha, 128),
        Err(PhotoError::Missing { .. })
    ));
    assert!(vault.stored().unwrap().is_empty());
}

#[test]
fn a_read_error_is_not_taken_for_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let bytes = plain_jpeg(40, 30);
    let sha = hex::encode(Sha256::digest(&bytes));
    // Something under the original's name that cannot be read as a file (root reads any file).
    let path = vault.original_path(&sha);
    fs::create_dir_all(&path).unwrap();

    let state = vault.check(&sha);
    assert!(
        matches!(&state, Integrity::Unreadable { reason } if reason.contains(&sha)),
        "{state:?}"
    );
    let json = serde_json::to_value(&state).unwrap();
    assert_eq!(json["state"], "unreadable");

    // Importing cannot tell whether it is intact: it is left in place, not set aside.
    let err = vault.import("c.jpg", &bytes).unwrap_err();
    assert!(matches!(err, PhotoError::Storage { .. }), "{err}");
    assert!(path.is_dir(), "left where it was");
    assert!(!dir.path().join("vault").join("altered").exists());
    assert!(matches!(
        vault.read_original(&sha),
        Err(PhotoError::Storage { .. })
    ));
    assert!(vault.thumbnail(&sha, 64).is_err());

    // Once readable again (here: the folder gone), the import goes through.
    fs::remove_dir(&path).unwrap();
    assert!(!vault.import("c.jpg", &bytes).unwrap().already_stored);
    assert_eq!(vault.check(&sha), Integrity::Intact);
}
