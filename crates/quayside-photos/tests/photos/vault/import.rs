//! Importing on real files: storing byte for byte, deduplication, size and readability limits,
//! batches past bad files, and originals received from the server.

use std::fs;

use quayside_photos::{Integrity, Limits, MediaType, PhotoError, Vault, MAX_PHOTO_BYTES};
use quayside_testkit::fixtures::*;
use sha2::{Digest, Sha256};

use crate::{files_under, refused, unseal_original, written};

#[test]
fn imports_a_camera_jpeg_unchanged_with_its_exif() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let bytes = camera_jpeg(640, 480, 90, &ExifSpec::santos(), 1);

    let imported = vault.import("IMG_0001.JPG", &bytes).unwrap();

    assert_eq!(imported.sha256, hex::encode(Sha256::digest(&bytes)));
    assert_eq!(imported.size, bytes.len() as u64);
    assert_eq!(imported.media_type, MediaType::Jpeg);
    assert_eq!((imported.width, imported.height), (Some(640), Some(480)));
    assert!(!imported.already_stored);
    assert!(imported.notes.is_empty());
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
    assert_eq!(
        unseal_original(&path, &imported.sha256),
        bytes,
        "stored sealed, byte for byte"
    );
    assert_eq!(vault.read_original(&imported.sha256).unwrap(), bytes);
    assert!(fs::metadata(&path).unwrap().permissions().readonly());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o400
        );
    }
    assert_eq!(vault.check(&imported.sha256), Integrity::Intact);
    assert_eq!(vault.stored().unwrap(), vec![imported.sha256.clone()]);
}

#[test]
fn same_bytes_twice_are_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let bytes = camera_jpeg(320, 240, 90, &ExifSpec::santos(), 3);

    let first = vault.import("a.jpg", &bytes).unwrap();
    let second = vault.import("copy of a.jpg", &bytes).unwrap();

    assert!(!first.already_stored);
    assert!(second.already_stored);
    assert_eq!(first.sha256, second.sha256);
    let originals: Vec<_> = files_under(&dir.path().join("vault"))
        .into_iter()
        .filter(|p| !p.ends_with("key-check"))
        .collect();
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
    let vault = Vault::open(dir.path(), file_key()).unwrap();
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
    let vault = Vault::open(dir.path(), file_key()).unwrap();
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
    let vault = Vault::open(dir.path(), file_key()).unwrap();
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
    let vault = Vault::open(dir.path(), file_key()).unwrap();
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
fn an_original_received_from_the_server_is_stored_only_under_its_own_hash() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
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
