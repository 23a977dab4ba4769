//! TIFF (an X-ray scanner's export: 8- or 16-bit grayscale, or colour) and WebP, decoded whole by
//! image-rs's own codecs, which offer no row-by-row reading: the header's size is checked against
//! the pixel limit before any pixel is read, and the decoder may allocate at most
//! `max_decode_bytes` (a larger image is kept and hashed, with no thumbnail). A file cut short or
//! malformed is refused, as a JPEG or a PNG is.

use std::io::Cursor;

use image::{DynamicImage, ImageError, ImageFormat, ImageReader, RgbImage};

use crate::decode::{check_pixels, fit, Decoded, NoPreview};
use crate::gray16::{Gray16Reducer, Levels};
use crate::media::MediaType;
use crate::metadata;
use crate::{Limits, PhotoError};

fn format(media_type: MediaType) -> ImageFormat {
    match media_type {
        MediaType::Webp => ImageFormat::WebP,
        _ => ImageFormat::Tiff,
    }
}

pub(crate) fn decode(
    file: &str,
    media_type: MediaType,
    bytes: &[u8],
    limits: &Limits,
    max_side: Option<u32>,
) -> Result<Decoded, PhotoError> {
    let corrupt = |detail: String| PhotoError::corrupt(file, media_type, detail);
    let reader = || ImageReader::with_format(Cursor::new(bytes), format(media_type));
    let (w, h) = reader()
        .into_dimensions()
        .map_err(|e| corrupt(detail(&e)))?;
    if w == 0 || h == 0 {
        return Err(corrupt("the header declares no pixels".to_string()));
    }
    check_pixels(file, w, h, limits)?;
    let exif = metadata::from_container(bytes);
    let mut bounded = reader();
    let mut decoder_limits = image::Limits::default();
    decoder_limits.max_alloc = Some(limits.max_decode_bytes);
    bounded.limits(decoder_limits);
    let image = match bounded.decode() {
        Ok(image) => image,
        Err(ImageError::Limits(_)) => return Ok(Decoded::too_large(w, h, exif)),
        Err(ImageError::Unsupported(e)) => {
            return Ok(Decoded {
                dims: Some((w, h)),
                exif,
                pixels: None,
                no_preview: Some(NoPreview::Unsupported(e.to_string())),
                levels: None,
            })
        }
        Err(e) => return Err(corrupt(detail(&e))),
    };
    let (pixels, levels) = match max_side {
        Some(m) => {
            let (tw, th) = fit(w, h, m);
            match reduced(image, tw, th) {
                Reduced::Rgb(pixels) => (Some(pixels), None),
                Reduced::Gray16(levels) => (Some(levels.shade(levels.auto)), Some(levels)),
            }
        }
        None => (None, None),
    };
    Ok(Decoded {
        dims: Some((w, h)),
        exif,
        pixels,
        no_preview: None,
        levels,
    })
}

enum Reduced {
    Rgb(RgbImage),
    Gray16(Levels),
}

/// At least `tw` x `th`: 16-bit gray as its levels (shaded through a window later), anything
/// else as 8-bit RGB.
fn reduced(image: DynamicImage, tw: u32, th: u32) -> Reduced {
    let (w, h) = (image.width(), image.height());
    let gray16 = match image {
        DynamicImage::ImageLuma16(gray) => gray,
        DynamicImage::ImageLumaA16(gray) => DynamicImage::ImageLumaA16(gray).into_luma16(),
        other => return Reduced::Rgb(other.into_rgb8()),
    };
    let mut reducer = Gray16Reducer::new(w, h, tw, th);
    for row in gray16.rows() {
        reducer.push_row(row.map(|p| p[0]));
    }
    Reduced::Gray16(reducer.finish_levels())
}

/// The decoder's words for what is wrong, told as a truncation when the file ends early.
fn detail(e: &ImageError) -> String {
    let text = e.to_string();
    match e {
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            "the file ends before the image does: it is truncated".to_string()
        }
        _ if text.contains("end of file") || text.contains("UnexpectedEof") => {
            "the file ends before the image does: it is truncated".to_string()
        }
        _ => text,
    }
}
