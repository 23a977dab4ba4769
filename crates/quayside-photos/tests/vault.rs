//! The vault on real files: storing, deduplication, integrity, EXIF, thumbnails.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use quayside_photos::{Integrity, MediaType, PhotoError, PhotoExif, Vault};
use sha2::{Digest, Sha256};

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn make_writable(path: &Path) {
    let mut perms = fs::metadata(path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(path, perms).unwrap();
}

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
fn exif_falls_back_to_date_time_and_reads_north_east() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let spec = ExifSpec {
        make: Some("Apple"),
        model: Some("iPhone 14 Pro"),
        date_time: Some("2023:11:02 17:05:59"),
        latitude: Some((51, 54, 1234, "N")),
        longitude: Some((4, 28, 4560, "E")),
        ..ExifSpec::default()
    };
    let imported = vault
        .import("rotterdam.jpg", &camera_jpeg(64, 48, 90, &spec, 2))
        .unwrap();
    assert_eq!(
        imported.exif,
        PhotoExif {
            captured_at: Some("2023-11-02 17:05:59".into()),
            camera: Some("Apple iPhone 14 Pro".into()),
            latitude: Some(51.0 + 54.0 / 60.0 + 12.34 / 3600.0),
            longitude: Some(4.0 + 28.0 / 60.0 + 45.6 / 3600.0),
            orientation: None,
        }
    );
    // No EXIF at all: nothing invented.
    let plain = vault.import("plain.jpg", &plain_jpeg(32, 32)).unwrap();
    assert_eq!(plain.exif, PhotoExif::default());
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
fn png_named_jpg_is_stored_as_png_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let bytes = png_rgba(300, 200);

    let imported = vault.import("screenshot.jpg", &bytes).unwrap();

    assert_eq!(imported.media_type, MediaType::Png);
    assert_eq!((imported.width, imported.height), (Some(300), Some(200)));
    assert_eq!(
        imported.note.as_deref(),
        Some("named .jpg but is a PNG image: stored as PNG")
    );
    assert_eq!(
        fs::read(vault.original_path(&imported.sha256)).unwrap(),
        bytes
    );
    // A matching name, or none, earns no note.
    let dir2 = tempfile::tempdir().unwrap();
    let vault2 = Vault::open(dir2.path()).unwrap();
    assert_eq!(vault2.import("screenshot.PNG", &bytes).unwrap().note, None);
    assert_eq!(vault2.import("screenshot", &bytes).unwrap().note, None);
}

#[test]
fn heic_is_stored_and_hashed_with_a_note_and_no_thumbnail() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let bytes = heic_bytes();

    let imported = vault.import("IMG_4242.HEIC", &bytes).unwrap();

    assert_eq!(imported.media_type, MediaType::Heic);
    assert_eq!(imported.sha256, hex::encode(Sha256::digest(&bytes)));
    assert_eq!((imported.width, imported.height), (None, None));
    let note = imported.note.unwrap();
    assert!(
        note.contains("HEIC") && note.contains("without a thumbnail"),
        "{note}"
    );
    assert_eq!(
        fs::read(vault.original_path(&imported.sha256)).unwrap(),
        bytes
    );
    assert_eq!(vault.thumbnail(&imported.sha256, 256).unwrap(), None);
    assert_eq!(vault.check(&imported.sha256), Integrity::Intact);
}

#[test]
fn a_jpeg_variant_the_decoder_lacks_is_kept_without_a_thumbnail() {
    // Arithmetic coding (SOF9) is valid JPEG that jpeg-decoder does not decode: like HEIC, the
    // evidence is kept and hashed, and the person is told why there is no picture.
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let mut bytes = plain_jpeg(64, 48);
    let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    bytes[sof + 1] = 0xC9;

    let imported = vault.import("old-scanner.jpg", &bytes).unwrap();

    assert_eq!(imported.media_type, MediaType::Jpeg);
    let note = imported.note.unwrap();
    assert!(
        note.contains("without a thumbnail") && note.contains("arithmetic"),
        "{note}"
    );
    assert_eq!(vault.thumbnail(&imported.sha256, 256).unwrap(), None);
    assert_eq!(vault.read_original(&imported.sha256).unwrap(), bytes);
}

#[test]
fn thumbnail_of_a_camera_photo_held_upright_is_portrait() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    // 4000 x 3000 as stored; orientation 6 says the camera was turned: shown 3000 x 4000.
    let bytes = camera_jpeg(4000, 3000, 90, &ExifSpec::santos(), 5);
    let sha = vault.import("container.jpg", &bytes).unwrap().sha256;
    // Import made the gallery's thumbnail from its validation decode.
    let cached = dir.path().join("thumbs").join(format!("{sha}-256.jpg"));
    assert_eq!(quayside_photos::GALLERY_THUMBNAIL_SIDE, 256);
    let from_import = fs::read(&cached).expect("cached at import");
    fs::remove_file(&cached).unwrap();

    let thumb = vault
        .thumbnail(&sha, 256)
        .unwrap()
        .expect("a JPEG has a thumbnail");
    assert_eq!(thumb, from_import, "the same thumbnail either way");

    assert!(thumb.starts_with(&[0xFF, 0xD8, 0xFF]));
    let img = image::load_from_memory_with_format(&thumb, image::ImageFormat::Jpeg).unwrap();
    assert_eq!(
        (img.width(), img.height()),
        (192, 256),
        "portrait, longest side as asked"
    );
    // Cached, and served from the cache; the original is untouched.
    assert_eq!(fs::read(&cached).unwrap(), thumb);
    assert_eq!(vault.thumbnail(&sha, 256).unwrap().unwrap(), thumb);
    assert_eq!(fs::read(vault.original_path(&sha)).unwrap(), bytes);
    // Thumbnails may be deleted at any time, the folder too.
    fs::remove_dir_all(dir.path().join("thumbs")).unwrap();
    assert_eq!(vault.thumbnail(&sha, 256).unwrap().unwrap(), thumb);
    // A cache file cut short by a crash is not served.
    fs::write(&cached, &thumb[..thumb.len() / 2]).unwrap();
    assert_eq!(vault.thumbnail(&sha, 256).unwrap().unwrap(), thumb);
}

#[test]
fn thumbnail_pixels_follow_the_orientation() {
    // Left half red, right half blue, stored landscape with orientation 6 (rotate 90° clockwise):
    // upright, the red half is on top.
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let img = image::RgbImage::from_fn(400, 300, |x, _| {
        if x < 200 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let spec = ExifSpec {
        orientation: Some(6),
        ..ExifSpec::default()
    };
    let sha = vault
        .import("o6.jpg", &with_exif(&encode_jpeg(&img, 90), &spec))
        .unwrap()
        .sha256;

    let thumb = vault.thumbnail(&sha, 100).unwrap().unwrap();
    let t = image::load_from_memory(&thumb).unwrap().to_rgb8();
    assert_eq!(t.dimensions(), (75, 100));
    let top = t.get_pixel(37, 10).0;
    let bottom = t.get_pixel(37, 90).0;
    assert!(top[0] > 150 && top[2] < 100, "top is red: {top:?}");
    assert!(
        bottom[2] > 150 && bottom[0] < 100,
        "bottom is blue: {bottom:?}"
    );
}

#[test]
fn thumbnails_of_png_and_small_images() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let png = vault
        .import("diagram.png", &png_rgba(1000, 400))
        .unwrap()
        .sha256;
    let t = vault.thumbnail(&png, 256).unwrap().unwrap();
    let t = image::load_from_memory(&t).unwrap().to_rgb8();
    assert_eq!(t.dimensions(), (256, 102));
    // Transparent pixels (the right half) are shown over white.
    let right = t.get_pixel(240, 50).0;
    assert!(right.iter().all(|&c| c > 235), "{right:?}");

    // Never enlarged.
    let small = vault
        .import("small.jpg", &plain_jpeg(120, 80))
        .unwrap()
        .sha256;
    let t = vault.thumbnail(&small, 256).unwrap().unwrap();
    let t = image::load_from_memory(&t).unwrap();
    assert_eq!((t.width(), t.height()), (120, 80));
}

#[test]
fn interlaced_png_is_validated_and_thumbnailed() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    // Top half red, bottom half blue.
    let bytes = png_interlaced(301, 203, |_, y| {
        if y < 101 {
            [220, 20, 20]
        } else {
            [20, 20, 220]
        }
    });
    let imported = vault.import("adam7.png", &bytes).unwrap();
    assert_eq!((imported.width, imported.height), (Some(301), Some(203)));

    let t = vault.thumbnail(&imported.sha256, 100).unwrap().unwrap();
    let t = image::load_from_memory(&t).unwrap().to_rgb8();
    assert_eq!(t.dimensions(), (100, 67));
    let (top, bottom) = (t.get_pixel(50, 5).0, t.get_pixel(50, 60).0);
    assert!(top[0] > 150 && top[2] < 100, "{top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "{bottom:?}");

    // Cut inside the pixel data: refused.
    let idat = bytes.windows(4).position(|w| w == b"IDAT").unwrap();
    let err = vault
        .import("adam7-cut.png", &bytes[..idat + 500])
        .unwrap_err();
    assert!(
        matches!(
            err,
            PhotoError::Corrupt {
                media_type: MediaType::Png,
                ..
            }
        ),
        "{err}"
    );
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
fn thumbnail_size_must_be_sensible() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let sha = vault.import("a.jpg", &plain_jpeg(40, 30)).unwrap().sha256;
    for side in [0, quayside_photos::MAX_THUMBNAIL_SIDE + 1] {
        let err = vault.thumbnail(&sha, side).unwrap_err();
        assert!(
            matches!(err, PhotoError::InvalidThumbnailSize { .. }),
            "{err}"
        );
    }
}

#[test]
fn a_thumbnail_is_made_only_from_the_true_original() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let thumbs = dir.path().join("thumbs");
    let bytes = camera_jpeg(640, 480, 90, &ExifSpec::default(), 21);
    let sha = vault.import("seal.jpg", &bytes).unwrap().sha256;
    let true_256 = vault.thumbnail(&sha, 256).unwrap().unwrap();

    // Another valid JPEG (a different picture) put under the original's name.
    let imposter = camera_jpeg(640, 480, 90, &ExifSpec::default(), 22);
    let path = vault.original_path(&sha);
    make_writable(&path);
    fs::write(&path, &imposter).unwrap();

    // A size not cached at import: it must not be drawn from the imposter.
    let err = vault.thumbnail(&sha, 1600).unwrap_err();
    assert!(matches!(err, PhotoError::Altered { .. }), "{err}");
    assert!(!thumbs.join(format!("{sha}-1600.jpg")).exists());

    // Thumbnails drawn from the imposter may linger in the cache (made by an older version).
    let other = tempfile::tempdir().unwrap();
    let other_vault = Vault::open(other.path()).unwrap();
    let imposter_sha = other_vault.import("x.jpg", &imposter).unwrap().sha256;
    let imposter_256 = other_vault.thumbnail(&imposter_sha, 256).unwrap().unwrap();
    assert!(imposter_256 != true_256);
    fs::write(thumbs.join(format!("{sha}-256.jpg")), &imposter_256).unwrap();
    fs::write(thumbs.join(format!("{sha}-1600.jpg")), &imposter_256).unwrap();

    // Importing the true bytes again sets the imposter aside and drops every thumbnail of it.
    let again = vault.import("seal.jpg", &bytes).unwrap();
    assert!(again.note.unwrap().contains("altered copy"));
    // (assert! rather than assert_eq!: a failure would print two JPEGs byte by byte)
    assert!(
        fs::read(thumbs.join(format!("{sha}-256.jpg"))).unwrap() == true_256,
        "the gallery thumbnail is remade from the true image"
    );
    assert!(vault.thumbnail(&sha, 256).unwrap().unwrap() == true_256);
    let fresh = tempfile::tempdir().unwrap();
    let fresh_vault = Vault::open(fresh.path()).unwrap();
    fresh_vault.import("seal.jpg", &bytes).unwrap();
    assert!(
        vault.thumbnail(&sha, 1600).unwrap().unwrap()
            == fresh_vault.thumbnail(&sha, 1600).unwrap().unwrap(),
        "other sizes are made afresh from the true image"
    );
}

#[test]
fn a_cached_thumbnail_is_not_served_without_its_original() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let sha = vault.import("c.jpg", &plain_jpeg(40, 30)).unwrap().sha256;
    assert!(vault.thumbnail(&sha, 256).unwrap().is_some());
    fs::remove_file(vault.original_path(&sha)).unwrap();
    assert!(dir
        .path()
        .join("thumbs")
        .join(format!("{sha}-256.jpg"))
        .exists());

    let err = vault.thumbnail(&sha, 256).unwrap_err();
    assert!(matches!(err, PhotoError::Missing { .. }), "{err}");
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
