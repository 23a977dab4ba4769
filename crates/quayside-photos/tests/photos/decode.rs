//! Decoding at import: truncated and damaged JPEGs and PNGs refused, decompression bombs refused
//! from the header, interlaced PNGs decoded, images too large to decode safely kept without one.

use quayside_photos::{Limits, MediaType, PhotoError, Vault, MAX_PIXELS};
use quayside_testkit::fixtures::*;

use crate::{notes_text, refused, NEAR_LIMIT};

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
    Vault::open(dir.path(), file_key())
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
    let vault = Vault::open_with_limits(dir.path(), limits, quayside_testkit::fixtures::file_key())
        .unwrap();
    vault.import("edge.jpg", &plain_jpeg(100, 100)).unwrap();
    assert_eq!(MAX_PIXELS, 120_000_000);
}

#[test]
fn interlaced_png_is_validated_and_thumbnailed() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
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
fn images_too_large_to_decode_safely_are_stored_without_a_thumbnail() {
    assert!((NEAR_LIMIT as u64).pow(2) <= MAX_PIXELS);
    let side = NEAR_LIMIT as u16;
    for (name, bytes, what) in [
        ("scan.jpg", progressive_jpeg_stub(side, side), "JPEG"),
        (
            "plan.png",
            png_interlaced_stub(NEAR_LIMIT, NEAR_LIMIT),
            "PNG",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(dir.path(), file_key()).unwrap();
        let started = std::time::Instant::now();
        let imported = vault.import(name, &bytes).unwrap();
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{name}: {:?}",
            started.elapsed()
        );
        assert_eq!(
            notes_text(&imported),
            format!(
                "stored and hashed, but too large to preview safely (a {what} image of \
                 10954 x 10954 pixels): no thumbnail"
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
