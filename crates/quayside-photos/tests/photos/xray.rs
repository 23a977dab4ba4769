//! X-ray and other images: TIFF (16-bit grayscale as scanners export it, or colour), 16-bit PNG
//! and WebP are imported, with thumbnails a person can see (16-bit levels stretched through their
//! window, not cut to their high byte: black); hostile files are refused as JPEG and PNG are.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, ImageBuffer, ImageFormat, Luma, RgbImage};
use quayside_photos::{shown_as_rendering, Limits, MediaType, PhotoError, Vault};
use quayside_testkit::fixtures::*;

use crate::refused;

/// An X-ray of a 12-bit detector: levels 400 (dense) to 3,600 (empty) across, a dense bar down
/// the middle (the hidden ingots), as 16-bit samples.
fn xray(w: u32, h: u32) -> ImageBuffer<Luma<u16>, Vec<u16>> {
    ImageBuffer::from_fn(w, h, |x, _| {
        if (w * 2 / 5..w * 3 / 5).contains(&x) {
            Luma([450])
        } else {
            Luma([400 + (x * 3200 / w) as u16])
        }
    })
}

fn encoded(image: DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// The thumbnail's gray levels: darkest, lightest, mean.
fn levels(thumb: &[u8]) -> (u8, u8, f64) {
    let gray = image::load_from_memory_with_format(thumb, ImageFormat::Jpeg)
        .unwrap()
        .into_luma8();
    let (min, max) = gray
        .pixels()
        .fold((255, 0), |(lo, hi), p| (lo.min(p[0]), hi.max(p[0])));
    let mean = gray.pixels().map(|p| p[0] as f64).sum::<f64>() / gray.pixels().len() as f64;
    (min, max, mean)
}

#[test]
fn a_16_bit_xray_as_tiff_or_png_has_a_thumbnail_from_black_to_white_not_a_black_one() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let image = DynamicImage::ImageLuma16(xray(800, 600));
    for (name, format, media_type) in [
        ("scan.tiff", ImageFormat::Tiff, MediaType::Tiff),
        ("scan.png", ImageFormat::Png, MediaType::Png),
    ] {
        let bytes = encoded(image.clone(), format);
        assert!(shown_as_rendering(&bytes), "{name}");
        let imported = vault.import(name, &bytes).unwrap();
        assert_eq!(imported.media_type, media_type);
        assert_eq!((imported.width, imported.height), (Some(800), Some(600)));
        assert_eq!(crate::notes_text(&imported), "", "{name}");
        let thumb = vault.thumbnail(&imported.sha256, 256).unwrap().unwrap();
        let (min, max, mean) = levels(&thumb);
        // The high byte of 400..3600 is 1..14: that thumbnail would be black throughout.
        assert!(
            min < 30 && max > 220 && mean > 60.0,
            "{name}: {min} {max} {mean}"
        );
        let img = image::load_from_memory(&thumb).unwrap();
        assert_eq!((img.width(), img.height()), (256, 192));
    }
}

#[test]
fn colour_tiff_and_webp_are_imported_with_thumbnails_and_shown_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let photo = RgbImage::from_fn(320, 240, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    for (name, format, media_type) in [
        ("door.tif", ImageFormat::Tiff, MediaType::Tiff),
        ("door.webp", ImageFormat::WebP, MediaType::Webp),
    ] {
        let bytes = encoded(DynamicImage::ImageRgb8(photo.clone()), format);
        let imported = vault.import(name, &bytes).unwrap();
        assert_eq!(imported.media_type, media_type, "{name}");
        assert_eq!((imported.width, imported.height), (Some(320), Some(240)));
        let thumb = vault.thumbnail(&imported.sha256, 128).unwrap().unwrap();
        let img = image::load_from_memory(&thumb).unwrap();
        assert_eq!((img.width(), img.height()), (128, 96), "{name}");
    }
    // A web view shows WebP and 8-bit images itself; TIFF never.
    let webp = encoded(DynamicImage::ImageRgb8(photo.clone()), ImageFormat::WebP);
    assert!(!shown_as_rendering(&webp));
    let gray8 = encoded(
        DynamicImage::ImageLuma8(GrayImage::new(8, 8)),
        ImageFormat::Png,
    );
    assert!(!shown_as_rendering(&gray8));
}

/// A TIFF header whose only directory declares `w` x `h` pixels, 16-bit gray, in one strip of 16
/// bytes that are not there.
fn tiff_declaring(w: u32, h: u32) -> Vec<u8> {
    let entries: [(u16, u16, u32, u32); 6] = [
        (256, 4, 1, w),  // ImageWidth
        (257, 4, 1, h),  // ImageLength
        (258, 3, 1, 16), // BitsPerSample
        (262, 3, 1, 1),  // PhotometricInterpretation: black is zero
        (273, 4, 1, 8),  // StripOffsets
        (279, 4, 1, 16), // StripByteCounts
    ];
    let mut out = b"II*\0".to_vec();
    out.extend_from_slice(&8u32.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, kind, count, value) in entries {
        out.extend_from_slice(&tag.to_le_bytes());
        out.extend_from_slice(&kind.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&value.to_le_bytes());
    }
    out.extend_from_slice(&0u32.to_le_bytes());
    out
}

#[test]
fn hostile_tiff_and_webp_are_refused_before_their_pixels_and_leave_nothing() {
    // A few hundred bytes declaring 60,000 x 60,000 pixels: refused from the header.
    let err = refused(
        Limits::default(),
        "bomb.tiff",
        &tiff_declaring(60_000, 60_000),
    );
    assert!(
        matches!(err, PhotoError::TooManyPixels { width: 60_000, .. }),
        "{err}"
    );
    // A header and no pixels, and files cut in the middle: refused as damaged.
    let err = refused(Limits::default(), "empty.tiff", &tiff_declaring(64, 64));
    assert!(matches!(err, PhotoError::Corrupt { .. }), "{err}");
    let image = DynamicImage::ImageLuma16(xray(200, 150));
    for (name, format) in [
        ("cut.tiff", ImageFormat::Tiff),
        ("cut.webp", ImageFormat::WebP),
    ] {
        let image = match format {
            ImageFormat::WebP => DynamicImage::ImageRgb8(image.to_rgb8()),
            _ => image.clone(),
        };
        let bytes = encoded(image, format);
        let err = refused(Limits::default(), name, &bytes[..bytes.len() / 2]);
        assert!(matches!(err, PhotoError::Corrupt { .. }), "{name}: {err}");
    }
    // Over the decode limit: kept and hashed, with no thumbnail and a note saying why.
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        max_decode_bytes: 10_000,
        ..Limits::default()
    };
    let vault = Vault::open_with_limits(dir.path(), limits, file_key()).unwrap();
    let bytes = encoded(DynamicImage::ImageLuma16(xray(200, 150)), ImageFormat::Tiff);
    let imported = vault.import("large.tiff", &bytes).unwrap();
    assert_eq!(
        crate::note_keys(&imported),
        ["notice.import_too_large_to_preview"]
    );
    assert_eq!(vault.thumbnail(&imported.sha256, 256).unwrap(), None);
}

#[test]
fn tiff_and_webp_damaged_at_any_byte_are_kept_whole_or_refused_with_nothing_left() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let gray = DynamicImage::ImageLuma16(xray(48, 32));
    let colour = DynamicImage::ImageRgb8(gray.to_rgb8());
    for (name, good) in [
        ("scan.tiff", encoded(gray, ImageFormat::Tiff)),
        ("door.webp", encoded(colour, ImageFormat::WebP)),
    ] {
        // Each byte of the header and a spread of the rest, set to values a decoder trips on.
        let places = (0..good.len().min(64)).chain((64..good.len()).step_by(37));
        for (n, at) in places.enumerate() {
            let mut bad = good.clone();
            bad[at] = [0x00, 0xFF, 0x7F, 0x80, bad[at] ^ 0x55][n % 5];
            let before = crate::written(dir.path()).len();
            match vault.import(name, &bad) {
                Ok(imported) => {
                    // Kept: as it came, readable back byte for byte.
                    assert_eq!(vault.read_original(&imported.sha256).unwrap(), bad);
                }
                Err(e) => {
                    assert_eq!(
                        crate::written(dir.path()).len(),
                        before,
                        "{name} at {at}: {e}"
                    );
                }
            }
        }
    }
}

#[test]
fn an_xray_is_shaded_through_the_window_a_person_chooses() {
    use quayside_photos::Window;
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let bytes = encoded(DynamicImage::ImageLuma16(xray(800, 600)), ImageFormat::Tiff);
    let sha = vault.import("scan.tiff", &bytes).unwrap().sha256;

    let (_, used, auto) = vault.windowed(&sha, 512, None).unwrap().unwrap();
    assert_eq!(used, auto);
    assert!(
        auto.low >= 400 && auto.high <= 3600 && auto.low < auto.high,
        "{auto:?}"
    );
    // Narrowed to the dense bar's levels (the hidden ingots at 450): the rest turns white, the bar
    // stands out from black to white instead of near black.
    let narrow = Window::new(400, 500).unwrap();
    let (jpeg, used, _) = vault.windowed(&sha, 512, Some(narrow)).unwrap().unwrap();
    assert_eq!(used, narrow);
    let (_, max, mean) = levels(&jpeg);
    assert!(max > 240 && mean > 180.0, "{max} {mean}");
    assert_eq!(Window::new(500, 500), None);

    // Anything but 16-bit gray has no window.
    let colour = encoded(
        DynamicImage::ImageRgb8(RgbImage::new(64, 48)),
        ImageFormat::Tiff,
    );
    let sha = vault.import("door.tiff", &colour).unwrap().sha256;
    assert_eq!(vault.windowed(&sha, 512, None).unwrap(), None);
}
