//! Files the vault must refuse, each with a message naming the file, and nothing written.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use quayside_photos::{Limits, MediaType, PhotoError, Vault, MAX_PHOTO_BYTES, MAX_PIXELS};

/// Everything under vault/ and thumbs/ (the folders themselves are made at open).
fn written(data_dir: &Path) -> Vec<std::path::PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&data_dir.join("vault"), &mut out);
    walk(&data_dir.join("thumbs"), &mut out);
    out
}

fn refused(limits: Limits, file: &str, bytes: &[u8]) -> PhotoError {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open_with_limits(dir.path(), limits).unwrap();
    let err = vault.import(file, bytes).expect_err("must be refused");
    assert!(
        written(dir.path()).is_empty(),
        "nothing written for {file}: {err}"
    );
    assert!(
        err.to_string().contains(file),
        "message names the file: {err}"
    );
    err
}

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
            err.to_string().contains("is not a JPEG, PNG or HEIC photo"),
            "{err}"
        );
    }
}

#[test]
fn empty_file() {
    let err = refused(Limits::default(), "IMG_0002.JPG", b"");
    assert!(matches!(err, PhotoError::Empty { .. }));
    assert!(err.to_string().contains("is empty"), "{err}");
}

#[test]
fn truncated_jpeg_at_every_kind_of_cut() {
    let whole = camera_jpeg(320, 240, 90, &ExifSpec::santos(), 7);
    assert_eq!(&whole[whole.len() - 2..], &[0xFF, 0xD9]);
    let sos = whole.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    let cuts = [
        ("half", whole.len() / 2),
        ("no EOI marker", whole.len() - 2),
        ("half an EOI marker", whole.len() - 1),
        ("just after the scan header", sos + 14),
        ("inside the EXIF segment", 40),
        ("before the frame header", sos - 300),
    ];
    for (what, at) in cuts {
        let err = refused(Limits::default(), "cut.jpg", &whole[..at]);
        assert!(
            matches!(
                &err,
                PhotoError::Corrupt {
                    media_type: MediaType::Jpeg,
                    ..
                }
            ),
            "{what}: {err}"
        );
        assert!(
            err.to_string().contains("damaged or incomplete JPEG"),
            "{what}: {err}"
        );
    }
    // The whole file is fine.
    let dir = tempfile::tempdir().unwrap();
    Vault::open(dir.path())
        .unwrap()
        .import("whole.jpg", &whole)
        .unwrap();
}

#[test]
fn truncated_or_damaged_png() {
    let whole = png_rgba(200, 100);
    let idat = whole.windows(4).position(|w| w == b"IDAT").unwrap();
    for (what, bytes) in [
        ("cut in the pixels", whole[..idat + 40].to_vec()),
        ("no IEND", whole[..whole.len() - 12].to_vec()),
        ("cut in the header", whole[..20].to_vec()),
        ("a flipped bit in the pixels", {
            let mut b = whole.clone();
            b[idat + 20] ^= 0x10;
            b
        }),
    ] {
        let err = refused(Limits::default(), "diagram.png", &bytes);
        assert!(
            matches!(
                &err,
                PhotoError::Corrupt {
                    media_type: MediaType::Png,
                    ..
                }
            ),
            "{what}: {err}"
        );
    }
}

#[test]
fn decompression_bombs_are_refused_from_the_header() {
    // Their pixel data is a stub: decoding the PNG would end in a corrupt-data error (after asking
    // for 10 GB), so TooManyPixels proves the header was judged first. The JPEG's check is the
    // same code path, before the decoder is asked for a single pixel.
    let png = png_bomb(60_000, 60_000);
    assert!(png.len() < 100);
    let err = refused(Limits::default(), "bomb.png", &png);
    assert!(
        matches!(
            err,
            PhotoError::TooManyPixels {
                width: 60_000,
                height: 60_000,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("60000 x 60000"), "{err}");

    let jpeg = jpeg_bomb(60_000, 60_000);
    let err = refused(Limits::default(), "bomb.jpg", &jpeg);
    assert!(
        matches!(
            err,
            PhotoError::TooManyPixels {
                width: 60_000,
                height: 60_000,
                ..
            }
        ),
        "{err}"
    );
    // Just over the limit is refused; at the limit the image imports.
    let limits = Limits {
        max_pixels: 100 * 100,
        ..Limits::default()
    };
    let err = refused(limits, "edge.jpg", &plain_jpeg(101, 100));
    assert!(matches!(err, PhotoError::TooManyPixels { .. }), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open_with_limits(dir.path(), limits).unwrap();
    vault.import("edge.jpg", &plain_jpeg(100, 100)).unwrap();
    assert_eq!(MAX_PIXELS, 120_000_000);
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

/// Just under the pixel limit: 10954 x 10954 = 119 990 116 pixels.
const NEAR_LIMIT: u32 = 10954;

#[test]
fn images_too_large_to_decode_safely_are_stored_without_a_thumbnail() {
    assert!((NEAR_LIMIT as u64).pow(2) <= MAX_PIXELS);
    let side = NEAR_LIMIT as u16;
    for (name, bytes, what) in [
        (
            "scan.jpg",
            progressive_jpeg_stub(side, side),
            "progressive JPEG of 10954x10954",
        ),
        (
            "plan.png",
            png_interlaced_stub(NEAR_LIMIT, NEAR_LIMIT),
            "interlaced PNG of 10954x10954",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        let started = std::time::Instant::now();
        let imported = vault.import(name, &bytes).unwrap();
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{name}: {:?}",
            started.elapsed()
        );
        assert_eq!(
            imported.note.as_deref(),
            Some(
                format!(
                    "stored and hashed, but too large to preview safely ({what}): no thumbnail"
                )
                .as_str()
            ),
            "{name}"
        );
        assert_eq!(
            (imported.width, imported.height),
            (Some(NEAR_LIMIT), Some(NEAR_LIMIT))
        );
        assert_eq!(vault.read_original(&imported.sha256).unwrap(), bytes);
        assert_eq!(vault.thumbnail(&imported.sha256, 256).unwrap(), None);
        assert_eq!(vault.thumbnail(&imported.sha256, 1600).unwrap(), None);
    }
}

#[test]
fn images_too_large_to_decode_are_still_checked_for_damage() {
    let side = NEAR_LIMIT as u16;
    let jpeg = progressive_jpeg_stub(side, side);
    let sos = jpeg.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    for (what, cut) in [
        ("no EOI", &jpeg[..jpeg.len() - 2]),
        ("cut in the scan data", &jpeg[..sos + 15]),
        ("cut in the scan header", &jpeg[..sos + 6]),
    ] {
        let err = refused(Limits::default(), "scan.jpg", cut);
        assert!(
            matches!(
                &err,
                PhotoError::Corrupt {
                    media_type: MediaType::Jpeg,
                    ..
                }
            ),
            "{what}: {err}"
        );
    }
    let png = png_interlaced_stub(NEAR_LIMIT, NEAR_LIMIT);
    let mut bad_crc = png.clone();
    let idat = png.windows(4).position(|w| w == b"IDAT").unwrap();
    bad_crc[idat + 6] ^= 0x01;
    for (what, bytes) in [
        ("no IEND", png[..png.len() - 12].to_vec()),
        ("half an IEND", png[..png.len() - 6].to_vec()),
        ("a flipped bit in IDAT", bad_crc),
    ] {
        let err = refused(Limits::default(), "plan.png", &bytes);
        assert!(
            matches!(
                &err,
                PhotoError::Corrupt {
                    media_type: MediaType::Png,
                    ..
                }
            ),
            "{what}: {err}"
        );
    }
}

/// `plain_jpeg` with its frame header turned into SOF9 (arithmetic coding), which jpeg-decoder
/// does not decode; optionally declaring another size.
fn arithmetic_jpeg(width: u32, height: u32, declared: Option<(u16, u16)>) -> Vec<u8> {
    let mut bytes = plain_jpeg(width, height);
    let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    bytes[sof + 1] = 0xC9;
    if let Some((w, h)) = declared {
        bytes[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
        bytes[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    }
    bytes
}

#[test]
fn an_unsupported_jpeg_variant_is_checked_before_it_is_stored() {
    let whole = arithmetic_jpeg(64, 48, None);
    for (what, cut) in [
        ("half", &whole[..whole.len() / 2]),
        ("no EOI", &whole[..whole.len() - 2]),
        ("half an EOI", &whole[..whole.len() - 1]),
    ] {
        let err = refused(Limits::default(), "old-scanner.jpg", cut);
        assert!(
            matches!(
                &err,
                PhotoError::Corrupt {
                    media_type: MediaType::Jpeg,
                    ..
                }
            ),
            "{what}: {err}"
        );
    }
    // Its frame header is judged like any other: a bomb is refused.
    let bomb = arithmetic_jpeg(16, 16, Some((60_000, 60_000)));
    let err = refused(Limits::default(), "bomb.jpg", &bomb);
    assert!(
        matches!(
            err,
            PhotoError::TooManyPixels {
                width: 60_000,
                height: 60_000,
                ..
            }
        ),
        "{err}"
    );
    // The whole one is kept, with its size from the frame header.
    let dir = tempfile::tempdir().unwrap();
    let imported = Vault::open(dir.path())
        .unwrap()
        .import("old-scanner.jpg", &whole)
        .unwrap();
    assert!(imported.note.unwrap().contains("arithmetic"));
    assert_eq!((imported.width, imported.height), (Some(64), Some(48)));
}
