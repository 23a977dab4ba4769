//! Thumbnails: decode small (JPEG scaled inside the decoder, PNG box-averaged row by row, TIFF and
//! WebP whole under the decode limit, 16-bit gray through its window), resize
//! to the exact size, turn upright by the EXIF orientation (the original is never touched), and
//! encode as JPEG.

use image::imageops::{self, FilterType};
use image::metadata::Orientation;
use image::{DynamicImage, RgbImage};

use crate::decode::{self, fit, Decoded};
use crate::gray16::Window;
use crate::media::{sniff, MediaType};
use crate::{Limits, PhotoError};

const JPEG_QUALITY: u8 = 80;

/// JPEG bytes of a thumbnail whose longest side is `max_side` (or the image's own size if that is
/// smaller), or None when the format has no thumbnail here (HEIC, an unsupported JPEG variant, an
/// image too large to decode safely).
pub(crate) fn render(
    file: &str,
    bytes: &[u8],
    max_side: u32,
    limits: &Limits,
) -> Result<Option<Vec<u8>>, PhotoError> {
    let Some(media_type) = sniff(bytes) else {
        return Err(PhotoError::NotAnImage {
            file: file.to_string(),
        });
    };
    let decoded = match media_type {
        MediaType::Heic => return Ok(None),
        MediaType::Jpeg => decode::jpeg(file, bytes, limits, Some(max_side))?,
        MediaType::Png => decode::png(file, bytes, limits, Some(max_side))?,
        MediaType::Tiff | MediaType::Webp => decode::guarded(file, media_type, || {
            crate::whole::decode(file, media_type, bytes, limits, Some(max_side))
        })?,
    };
    finish(file, media_type, decoded, max_side)
}

/// The thumbnail from what the decoder gave, or None if it gave no pixels.
pub(crate) fn finish(
    file: &str,
    media_type: MediaType,
    decoded: Decoded,
    max_side: u32,
) -> Result<Option<Vec<u8>>, PhotoError> {
    let Decoded {
        dims,
        exif,
        pixels,
        no_preview,
        ..
    } = decoded;
    let (Some((w, h)), Some(small), None) = (dims, pixels, no_preview) else {
        return Ok(None);
    };
    let (tw, th) = fit(w, h, max_side);
    let mut image = DynamicImage::ImageRgb8(resize(small, tw, th));
    if let Some(o) = exif
        .fields
        .orientation
        .and_then(|o| Orientation::from_exif(o as u8))
    {
        image.apply_orientation(o);
    }
    let mut out = Vec::with_capacity(tw as usize * th as usize / 4);
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(&image)
        .map_err(|e| {
            PhotoError::corrupt(file, media_type, format!("thumbnail encoding failed: {e}"))
        })?;
    Ok(Some(out))
}

/// A 16-bit gray image (an X-ray) at most `max_side`, shaded through `window` (the one its levels
/// suggest when None), upright, as a JPEG; with the window used and the suggested one. None when
/// the image is not 16-bit gray, or has no preview here.
pub(crate) fn render_windowed(
    file: &str,
    bytes: &[u8],
    max_side: u32,
    window: Option<Window>,
    limits: &Limits,
) -> Result<Option<(Vec<u8>, Window, Window)>, PhotoError> {
    let Some(media_type) = sniff(bytes) else {
        return Err(PhotoError::NotAnImage {
            file: file.to_string(),
        });
    };
    let mut decoded = match media_type {
        MediaType::Png => decode::png(file, bytes, limits, Some(max_side))?,
        MediaType::Tiff => decode::guarded(file, media_type, || {
            crate::whole::decode(file, media_type, bytes, limits, Some(max_side))
        })?,
        _ => return Ok(None),
    };
    let Some(levels) = decoded.levels.take() else {
        return Ok(None);
    };
    let used = window.unwrap_or(levels.auto);
    decoded.pixels = Some(levels.shade(used));
    Ok(finish(file, media_type, decoded, max_side)?.map(|jpeg| (jpeg, used, levels.auto)))
}

fn resize(small: RgbImage, tw: u32, th: u32) -> RgbImage {
    if small.dimensions() == (tw, th) {
        return small;
    }
    // The decoder already did the big reduction (at most 2x is left for JPEG), so a triangle
    // filter over a few hundred thousand pixels is both smooth and cheap.
    imageops::resize(&small, tw, th, FilterType::Triangle)
}

/// A cached thumbnail is only served if it is a whole JPEG (a crash can leave a short file).
pub(crate) fn looks_whole(bytes: &[u8]) -> bool {
    bytes.len() > 4 && bytes.starts_with(&[0xFF, 0xD8, 0xFF]) && bytes.ends_with(&[0xFF, 0xD9])
}
