//! The vault on real files: storing byte for byte, deduplication, size and readability limits,
//! integrity (altered, missing, unreadable), crashed writes, read-only opening, received originals.

use std::fs;

use quayside_photos::{Integrity, Limits, MediaType, PhotoError, Vault, MAX_PHOTO_BYTES};
use quayside_testkit::fixtures::*;
use sha2::{Digest, Sha256};

use crate::{files_under, make_writable, refused, written};

#[test]
fn imports_a_camera_jpeg_unchanged_with_its_exif() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let bytes = camera_jpeg(640, 480, 90, &ExifSpec::santos(), 1);

    let imported = vault.import("IMG_0001.JPG", &bytes).unwrap();

    assert_eq!(imported.sha256, hex::encode(Sha256::digest(&bytes)));
    assert_eq!(imported.size, bytes.len() as u64);
    assert_eq!(imported.media_type, MediaType::Jpeg);
    assert_eq!((imported.width, imported.height), (Some(640), Some(480)));
    assert!(!imported.already_stored);
    assert_eq!(imported.note, None);
    let lat = -(23.0 + 57.0 / 60.0 + 38.40 / 3600.0);
    let lon = -(46.0 + 19.0 / 60.0 + 30.00 / 3600.0);
    let exif = &imported.exif;
    assert_eq!(exif.captured_at.as_deref(), Some("2024-03-15 09:41:07"));
    assert_eq!(exif.camera.as_deref(), Some("Canon EOS R5"));
    assert!(
        (exif.latitude.unwrap() - lat).abs() < 1e-12,
        "{:?}",
        exif.latitude
    );
    assert!(
        (exif.longitude.unwrap() - lon).abs() < 1e-12,
        "{:?}",
        exif.longitude
    );
    assert_eq!(exif.orientation, Some(6));

    let path = vault.original_path(&imported.sha256);
    assert_eq!(
        path,
        dir.path()
            .join("vault")
            .join(&imported.sha256[..2])
            .join(&imported.sha256)
    );
    assert_eq!(fs::read(&path).unwrap(), bytes, "stored byte for byte");
    assert_eq!(vault.read_original(&imported.sha256).unwrap(), bytes);
    assert!(fs::metadata(&path).unwrap().permissions().readonly());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o444
        );
    }
    assert_eq!(vault.check(&imported.sha256), Integrity::Intact);
    assert_eq!(vault.stored().unwrap(), vec![imported.sha256.clone()]);
}

#[test]
fn same_bytes_twice_are_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let bytes = camera_jpeg(320, 240, 90, &ExifSpec::santos(), 3);

    let first = vault.import("a.jpg", &bytes).unwrap();
    let second = vault.import("copy of a.jpg", &bytes).unwrap();

    assert!(!first.already_stored);
    assert!(second.already_stored);
    assert_eq!(first.sha256, second.sha256);
    let originals: Vec<_> = files_under(&dir.path().join("vault"));
    assert_eq!(
        originals,
        vec![vault.original_path(&first.sha256)],
        "one file on disk"
    );
    assert_eq!(vault.stored().unwrap().len(), 1);
}

#[test]
fn concurrent_imports_of_the_same_photo_leave_one_intact_original() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let bytes = plain_jpeg(200, 150);
    let shas: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let (vault, bytes) = (&vault, &bytes);
                s.spawn(move || vault.import(&format!("{i}.jpg"), bytes).unwrap().sha256)
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(shas.windows(2).all(|w| w[0] == w[1]));
    assert_eq!(vault.stored().unwrap(), vec![shas[0].clone()]);
    assert_eq!(vault.check(&shas[0]), Integrity::Intact);
    assert_eq!(
        fs::read_dir(dir.path().join("vault").join("tmp"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn empty_file() {
    let err = refused(Limits::default(), "IMG_0002.JPG", b"");
    assert!(matches!(err, PhotoError::Empty { .. }));
    assert!(err.to_string().contains("is empty"), "{err}");
}

#[test]
fn files_over_the_size_limit() {
    let limits = Limits {
        max_bytes: 1000,
        ..Limits::default()
    };
    let err = refused(limits, "huge.jpg", &vec![0xFF; 1001]);
    assert!(
        matches!(
            err,
            PhotoError::TooLarge {
                size: 1001,
                limit: 1000,
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string().contains("1001 bytes") && err.to_string().contains("1000 bytes"),
        "{err}"
    );

    // The real limit: a zeroed allocation the size check never touches, so it costs no memory.
    let big = vec![0u8; MAX_PHOTO_BYTES as usize + 1];
    let err = refused(Limits::default(), "video.mov", &big);
    assert!(matches!(err, PhotoError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("over the 100 MB limit"), "{err}");
}

#[test]
fn a_200_mb_file_on_disk_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let path = dir.path().join("scan.jpg");
    // Sparse: takes no disk space, and reading it would take 200 MB of memory.
    fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let err = vault.import_file(&path).unwrap_err();
    assert!(matches!(err, PhotoError::TooLarge { .. }), "{err}");
    assert!(err.to_string().starts_with("scan.jpg is 200 MB"), "{err}");
    assert!(written(dir.path()).is_empty());
}

#[test]
fn unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let err = vault.import_file(&dir.path().join("gone.jpg")).unwrap_err();
    assert!(matches!(err, PhotoError::Unreadable { .. }), "{err}");
    assert!(
        err.to_string().starts_with("gone.jpg could not be read"),
        "{err}"
    );

    fs::create_dir(dir.path().join("DCIM")).unwrap();
    let err = vault.import_file(&dir.path().join("DCIM")).unwrap_err();
    assert!(err.to_string().contains("it is a folder"), "{err}");
    assert!(written(dir.path()).is_empty());

    // And a good file through the same door.
    let good = dir.path().join("good.jpg");
    fs::write(&good, plain_jpeg(30, 20)).unwrap();
    assert_eq!(
        vault.import_file(&good).unwrap().media_type,
        MediaType::Jpeg
    );
}

#[test]
fn a_batch_goes_on_past_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let good = plain_jpeg(30, 20);
    let batch: Vec<(&str, Vec<u8>)> = vec![
        ("1.jpg", good.clone()),
        ("2.txt", b"hello".to_vec()),
        ("3.jpg", good[..good.len() / 2].to_vec()),
        ("4.png", png_rgba(10, 10)),
        ("5.png", png_bomb(60_000, 60_000)),
    ];
    let results: Vec<_> = batch.iter().map(|(n, b)| vault.import(n, b)).collect();
    let ok: Vec<bool> = results.iter().map(Result::is_ok).collect();
    assert_eq!(ok, [true, false, false, true, false]);
    assert_eq!(vault.stored().unwrap().len(), 2);
}

#[test]
fn a_tampered_original_is_reported_altered_and_not_served() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let bytes = camera_jpeg(320, 240, 90, &ExifSpec::santos(), 4);
    let sha = vault.import("seal.jpg", &bytes).unwrap().sha256;
    let path = vault.original_path(&sha);

    // Someone edits the file in place (same size, one byte changed).
    let mut tampered = bytes.clone();
    let i = tampered.len() / 2;
    tampered[i] ^= 0x01;
    make_writable(&path);
    fs::write(&path, &tampered).unwrap();

    let actual = hex::encode(Sha256::digest(&tampered));
    assert_eq!(
        vault.check(&sha),
        Integrity::Altered {
            actual_sha256: actual.clone(),
            actual_size: bytes.len() as u64
        }
    );
    let err = vault.read_original(&sha).unwrap_err();
    assert!(matches!(&err, PhotoError::Altered { actual_sha256, .. } if *actual_sha256 == actual));
    assert!(
        err.to_string().contains(&sha) && err.to_string().contains("altered"),
        "{err}"
    );

    // Truncated to a different size: also altered, with the size it now has.
    fs::write(&path, &bytes[..100]).unwrap();
    assert!(matches!(
        vault.check(&sha),
        Integrity::Altered {
            actual_size: 100,
            ..
        }
    ));

    // Importing the true bytes again puts the original back, and says so.
    // The altered copy is kept for examination, outside the originals.
    let again = vault.import("seal.jpg", &bytes).unwrap();
    assert!(!again.already_stored);
    let note = again.note.unwrap();
    assert!(note.contains("altered copy"), "{note}");
    assert_eq!(vault.check(&sha), Integrity::Intact);
    let kept = files_under(&dir.path().join("vault").join("altered"));
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).unwrap(), &bytes[..100]);
    assert!(note.contains(&kept[0].display().to_string()), "{note}");
    assert_eq!(vault.stored().unwrap(), vec![sha.clone()]);
}

#[test]
fn a_deleted_original_is_reported_missing() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
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
fn a_crashed_write_left_in_tmp_is_removed_at_open_and_never_counted() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = plain_jpeg(40, 30);
    let sha = {
        let vault = Vault::open(dir.path()).unwrap();
        vault.import("kept.jpg", &bytes).unwrap().sha256
    };
    // A crash between write and rename leaves a file in tmp/, maybe named like an original.
    let tmp = dir.path().join("vault").join("tmp");
    let stale_name = hex::encode(Sha256::digest(b"half written"));
    fs::write(tmp.join(&stale_name), b"half wri").unwrap();
    fs::write(tmp.join("123-456-0.part"), b"half written").unwrap();
    fs::create_dir(tmp.join("junk")).unwrap();

    let vault = Vault::open(dir.path()).unwrap();

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
fn a_read_error_is_not_taken_for_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
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

#[test]
fn a_read_only_vault_writes_nothing_and_removes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = plain_jpeg(40, 30);
    let sha = Vault::open(dir.path())
        .unwrap()
        .import("kept.jpg", &bytes)
        .unwrap()
        .sha256;
    let stale = dir.path().join("vault").join("tmp").join("123-456-0.part");
    fs::write(&stale, b"half written").unwrap();
    fs::remove_dir_all(dir.path().join("thumbs")).unwrap();
    let before = files_under(dir.path());

    let vault = Vault::open_read_only(dir.path()).unwrap();

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
    let vault = Vault::open_read_only(dir.path()).unwrap();
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
    let vault = Vault::open_read_only(&gone).unwrap();
    assert_eq!(vault.check(&sha), Integrity::Missing);
    assert!(vault.stored().unwrap().is_empty());
    assert!(!gone.exists());
}

#[test]
fn a_text_that_is_not_a_hash_names_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
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

#[test]
fn an_original_received_from_the_server_is_stored_only_under_its_own_hash() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let bytes = b"any original bytes, whatever format the taking device accepted".to_vec();
    let sha = hex::encode(Sha256::digest(&bytes));

    let mut damaged = bytes.clone();
    damaged[3] ^= 1;
    let err = vault.store_received(&sha, &damaged).unwrap_err();
    assert!(matches!(err, PhotoError::ReceivedDamaged { .. }), "{err}");
    assert!(err.to_string().contains("fetched again"), "{err}");
    assert_eq!(vault.check(&sha), Integrity::Missing, "nothing stored");
    assert!(matches!(
        vault.store_received("../../etc/passwd", &bytes),
        Err(PhotoError::InvalidHash { .. })
    ));

    assert!(vault.store_received(&sha, &bytes).unwrap(), "new");
    assert!(!vault.store_received(&sha, &bytes).unwrap(), "already held");
    assert_eq!(vault.check(&sha), Integrity::Intact);
    assert_eq!(vault.read_original(&sha).unwrap(), bytes);
}
