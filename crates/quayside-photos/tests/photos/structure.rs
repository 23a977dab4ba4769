//! Files kept without being decoded (too large, or a JPEG variant the decoder lacks) are still
//! checked for damage, chunk by chunk and marker by marker, before they are stored.

use quayside_photos::{Limits, MediaType, PhotoError, Vault};
use quayside_testkit::fixtures::*;

use crate::{note_keys, notes_text, refused, NEAR_LIMIT};

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
    let imported = Vault::open(dir.path(), file_key())
        .unwrap()
        .import("old-scanner.jpg", &whole)
        .unwrap();
    assert!(notes_text(&imported).contains("arithmetic"));
    assert_eq!((imported.width, imported.height), (Some(64), Some(48)));
}

#[test]
fn a_jpeg_variant_the_decoder_lacks_is_kept_without_a_thumbnail() {
    // Arithmetic coding (SOF9) is valid JPEG that jpeg-decoder does not decode: like HEIC, the
    // evidence is kept and hashed, and the person is told why there is no picture.
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let bytes = arithmetic_jpeg(64, 48, None);

    let imported = vault.import("old-scanner.jpg", &bytes).unwrap();

    assert_eq!(imported.media_type, MediaType::Jpeg);
    assert_eq!(note_keys(&imported), ["notice.import_unsupported"]);
    let note = notes_text(&imported);
    assert!(
        note.contains("without a thumbnail") && note.contains("arithmetic"),
        "{note}"
    );
    assert_eq!(vault.thumbnail(&imported.sha256, 256).unwrap(), None);
    assert_eq!(vault.read_original(&imported.sha256).unwrap(), bytes);
}
