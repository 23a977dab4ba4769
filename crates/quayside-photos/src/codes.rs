//! Barcodes and QR codes in a camera frame: a seal's number, a sample or evidence bag's label
//! (ours or another's). The frame (JPEG or PNG, as the camera screen sends it) is decoded to gray
//! within the usual limits and searched for every code rxing knows, 1D and 2D.

use image::ImageFormat;

use crate::decode::check_pixels;
use crate::media::{sniff, MediaType};
use crate::{Limits, PhotoError};

/// The texts of the codes found in `frame`, each once, in the order found.
pub fn read_codes(frame: &[u8], limits: &Limits) -> Result<Vec<String>, PhotoError> {
    let file = "camera frame";
    let format = match sniff(frame) {
        Some(MediaType::Jpeg) => ImageFormat::Jpeg,
        Some(MediaType::Png) => ImageFormat::Png,
        _ => {
            return Err(PhotoError::NotAnImage {
                file: file.to_string(),
            })
        }
    };
    let reader = || image::ImageReader::with_format(std::io::Cursor::new(frame), format);
    let (w, h) = reader()
        .into_dimensions()
        .map_err(|e| PhotoError::corrupt(file, MediaType::Jpeg, e.to_string()))?;
    check_pixels(file, w, h, limits)?;
    let gray = reader()
        .decode()
        .map_err(|e| PhotoError::corrupt(file, MediaType::Jpeg, e.to_string()))?
        .into_luma8();
    let (w, h) = gray.dimensions();
    // Nothing found is no error: the person aims again.
    let found = rxing::helpers::detect_multiple_in_luma(gray.into_raw(), w, h).unwrap_or_default();
    let mut texts: Vec<String> = Vec::new();
    for result in found {
        let text = result.getText().trim().to_string();
        if !text.is_empty() && !texts.contains(&text) {
            texts.push(text);
        }
    }
    Ok(texts)
}
