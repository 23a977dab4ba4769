//! What a file is, from its content: anything but a JPEG, PNG, HEIC, TIFF or WebP is refused by name; a name
//! that disagrees with the content earns a note; HEIC is kept without a thumbnail.

use quayside_photos::{Integrity, Limits, MediaType, PhotoError, Vault};
use quayside_testkit::fixtures::*;
use sha2::{Digest, Sha256};

use crate::{note_keys, notes_text, refused, unseal_original};

#[test]
fn not_an_image() {
    for (name, bytes) in [
        ("manifest.jpg", b"%PDF-1.7\n%...".as_slice()),
        ("notes.txt", b"container MSKU1234565".as_slice()),
        ("clip.heic", b"\0\0\0\x18ftypisom\0\0\0\0mp41".as_slice()),
        ("two.jpg", [0xFF, 0xD8].as_slice()),
    ] {
        let err = refused(Limits::default(), name, bytes);
        assert!(
            matches!(err, PhotoError::NotAnImage { .. }),
            "{name}: {err}"
        );
        assert!(
            err.to_string()
                .contains("is not a JPEG, PNG, HEIC, TIFF or WebP image"),
            "{err}"
        );
    }
}

#[test]
fn png_named_jpg_is_stored_as_png_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let bytes = png_rgba(300, 200);

    let imported = vault.import("screenshot.jpg", &bytes).unwrap();

    assert_eq!(imported.media_type, MediaType::Png);
    assert_eq!((imported.width, imported.height), (Some(300), Some(200)));
    assert_eq!(note_keys(&imported), ["notice.import_renamed"]);
    assert_eq!(
        notes_text(&imported),
        "named .jpg but is a PNG image: stored as PNG"
    );
    assert_eq!(
        unseal_original(&vault.original_path(&imported.sha256), &imported.sha256),
        bytes
    );
    // A matching name, or none, earns no note.
    let dir2 = tempfile::tempdir().unwrap();
    let vault2 = Vault::open(dir2.path(), file_key()).unwrap();
    assert!(vault2
        .import("screenshot.PNG", &bytes)
        .unwrap()
        .notes
        .is_empty());
    assert!(vault2
        .import("screenshot", &bytes)
        .unwrap()
        .notes
        .is_empty());
}

#[test]
fn heic_is_stored_and_hashed_with_a_note_and_no_thumbnail() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let bytes = heic_bytes();

    let imported = vault.import("IMG_4242.HEIC", &bytes).unwrap();

    assert_eq!(imported.media_type, MediaType::Heic);
    assert_eq!(imported.sha256, hex::encode(Sha256::digest(&bytes)));
    assert_eq!((imported.width, imported.height), (None, None));
    assert_eq!(note_keys(&imported), ["notice.import_heic"]);
    let note = notes_text(&imported);
    assert!(
        note.contains("HEIC") && note.contains("without a thumbnail"),
        "{note}"
    );
    assert_eq!(
        unseal_original(&vault.original_path(&imported.sha256), &imported.sha256),
        bytes
    );
    assert_eq!(vault.thumbnail(&imported.sha256, 256).unwrap(), None);
    assert_eq!(vault.check(&imported.sha256), Integrity::Intact);
}
