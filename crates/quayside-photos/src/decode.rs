//! Reading images: the header first (the pixel limit is enforced before any pixel is decoded),
//! then the image data, all of it, so a truncated or damaged file is caught. Import uses this to
//! validate; thumbnails use it to get a small image cheaply.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use image::RgbImage;
use jpeg_decoder::PixelFormat;

use crate::boxes::Boxes;
use crate::gray16::{Gray16Reducer, Levels};
use crate::media::MediaType;
use crate::metadata::{self, ExifReading};
use crate::structure;
use crate::{Limits, PhotoError};

/// What decoding found. `pixels` is the reduced image when one was asked for.
pub(crate) struct Decoded {
    /// Stored (not display) dimensions, from the header.
    pub dims: Option<(u32, u32)>,
    pub exif: ExifReading,
    pub pixels: Option<RgbImage>,
    /// Set when the file is kept, like HEIC, without a thumbnail: its structure was checked but
    /// its pixels were not decoded.
    pub no_preview: Option<NoPreview>,
    /// 16-bit gray (an X-ray): the reduced image's levels, to shade through another window.
    pub levels: Option<Levels>,
}

impl Decoded {
    /// A sound image too large to decode within `Limits::max_decode_bytes`: kept, no thumbnail.
    pub(crate) fn too_large(w: u32, h: u32, exif: ExifReading) -> Decoded {
        Decoded {
            dims: Some((w, h)),
            exif,
            pixels: None,
            no_preview: Some(NoPreview::TooLarge {
                width: w,
                height: h,
            }),
            levels: None,
        }
    }
}

/// Why a sound file has no pixels here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NoPreview {
    /// A feature our decoder lacks (arithmetic-coded or hierarchical JPEG, ...), described.
    Unsupported(String),
    /// Decoding would need more memory than `Limits::max_decode_bytes` (a progressive JPEG or
    /// an interlaced PNG this many pixels wide and high).
    TooLarge { width: u32, height: u32 },
}

/// The size of the thumbnail for an image of `w` x `h` whose longest side may be `max_side`:
/// aspect kept, never enlarged.
pub(crate) fn fit(w: u32, h: u32, max_side: u32) -> (u32, u32) {
    if w.max(h) <= max_side {
        return (w, h);
    }
    let scale = |short: u32, long: u32| {
        ((short as u64 * max_side as u64 + long as u64 / 2) / long as u64).max(1) as u32
    };
    if w >= h {
        (max_side, scale(h, w))
    } else {
        (scale(w, h), max_side)
    }
}

pub(crate) fn check_pixels(file: &str, w: u32, h: u32, limits: &Limits) -> Result<(), PhotoError> {
    if w as u64 * h as u64 > limits.max_pixels {
        return Err(PhotoError::TooManyPixels {
            file: file.to_string(),
            width: w,
            height: h,
            limit: limits.max_pixels,
        });
    }
    Ok(())
}

/// Decoders are fuzzed, but a panic on a hostile file must still only refuse that one file.
pub(crate) fn guarded<T>(
    file: &str,
    media_type: MediaType,
    f: impl FnOnce() -> Result<T, PhotoError>,
) -> Result<T, PhotoError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(PhotoError::corrupt(
            file,
            media_type,
            "the decoder failed on it",
        ))
    })
}

/// Decode a JPEG, scaled in the decoder to the smallest of 1/1, 1/2, 1/4, 1/8 that is not smaller
/// than a thumbnail of longest side `max_side`, or just validate it (`max_side` None: a 1/8
/// decode, which still reads every bit of scan data through to the end-of-image marker).
pub(crate) fn jpeg(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    max_side: Option<u32>,
) -> Result<Decoded, PhotoError> {
    guarded(file, MediaType::Jpeg, || {
        jpeg_inner(file, bytes, limits, max_side)
    })
}

fn jpeg_inner(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    max_side: Option<u32>,
) -> Result<Decoded, PhotoError> {
    use jpeg_decoder::Error;
    let corrupt = |e: Error| PhotoError::corrupt(file, MediaType::Jpeg, jpeg_detail(&e));
    // A variant the decoder lacks is kept undecoded, so what can be checked without the decoder
    // is: the pixel count in the frame header, and every segment through to the end-of-image
    // marker at the end of the file.
    let unsupported = |e: Error| -> Result<Decoded, PhotoError> {
        let structure = |detail: String| PhotoError::corrupt(file, MediaType::Jpeg, detail);
        let first = structure::jpeg_frame(bytes).map_err(structure)?;
        if first.height != 0 {
            check_pixels(file, first.width as u32, first.height as u32, limits)?;
        }
        let frames = structure::jpeg(bytes).map_err(structure)?;
        for frame in &frames {
            check_pixels(file, frame.width as u32, frame.height as u32, limits)?;
        }
        let (w, h) = (frames[0].width as u32, frames[0].height as u32);
        if w == 0 || h == 0 {
            return Err(structure("the header declares no pixels".to_string()));
        }
        Ok(Decoded {
            dims: Some((w, h)),
            exif: metadata::from_container(bytes),
            pixels: None,
            no_preview: Some(NoPreview::Unsupported(unsupported_detail(&e))),
            levels: None,
        })
    };

    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    match decoder.read_info() {
        Ok(()) => {}
        Err(e @ Error::Unsupported(_)) => return unsupported(e),
        Err(e) => return Err(corrupt(e)),
    }
    let info = decoder
        .info()
        .ok_or_else(|| PhotoError::corrupt(file, MediaType::Jpeg, "no image header"))?;
    let (w, h) = (info.width as u32, info.height as u32);
    if w == 0 || h == 0 {
        return Err(PhotoError::corrupt(
            file,
            MediaType::Jpeg,
            "the header declares no pixels",
        ));
    }
    check_pixels(file, w, h, limits)?;
    // APP1 comes before the frame header, so the decoder has already kept it.
    let exif = decoder
        .exif_data()
        .map(metadata::from_tiff)
        .unwrap_or_default();

    // A progressive decode holds every coefficient of the image at once, whatever the scale
    // asked for. Within the pixel limit that can still be most of a gigabyte: such a file is
    // kept, its structure checked, but not decoded.
    if info.coding_process == jpeg_decoder::CodingProcess::DctProgressive {
        let frame = structure::jpeg_frame(bytes)
            .map_err(|detail| PhotoError::corrupt(file, MediaType::Jpeg, detail))?;
        if frame.coefficient_bytes() > limits.max_decode_bytes {
            structure::jpeg(bytes)
                .map_err(|detail| PhotoError::corrupt(file, MediaType::Jpeg, detail))?;
            return Ok(Decoded::too_large(w, h, exif));
        }
    }

    let (tw, th) = max_side.map_or((1, 1), |m| fit(w, h, m));
    let clamp = |v: u32| v.clamp(1, u16::MAX as u32) as u16;
    let (sw, sh) = match decoder.scale(clamp(tw), clamp(th)) {
        Ok(size) => size,
        Err(e @ Error::Unsupported(_)) => return unsupported(e),
        Err(e) => return Err(corrupt(e)),
    };
    let data = match decoder.decode() {
        Ok(data) => data,
        Err(e @ Error::Unsupported(_)) => return unsupported(e),
        Err(e) => return Err(corrupt(e)),
    };
    let format = decoder
        .info()
        .map(|i| i.pixel_format)
        .unwrap_or(info.pixel_format);
    let pixels = match max_side {
        None => None,
        Some(_) => match jpeg_rgb(data, format, sw as u32, sh as u32) {
            Some(img) => Some(img),
            None => {
                return Ok(Decoded {
                    dims: Some((w, h)),
                    exif,
                    pixels: None,
                    no_preview: Some(NoPreview::Unsupported(format!(
                        "{format:?} pixels of an unexpected layout"
                    ))),
                    levels: None,
                })
            }
        },
    };
    Ok(Decoded {
        dims: Some((w, h)),
        exif,
        pixels,
        no_preview: None,
        levels: None,
    })
}

fn jpeg_detail(e: &jpeg_decoder::Error) -> String {
    match e {
        jpeg_decoder::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            "the file ends before the image does: it is truncated".to_string()
        }
        other => other.to_string(),
    }
}

fn unsupported_detail(e: &jpeg_decoder::Error) -> String {
    use jpeg_decoder::UnsupportedFeature as F;
    match e {
        jpeg_decoder::Error::Unsupported(f) => match f {
            F::Hierarchical => "hierarchical coding".to_string(),
            F::ArithmeticEntropyCoding => "arithmetic coding".to_string(),
            F::SamplePrecision(bits) => format!("{bits}-bit samples"),
            F::ComponentCount(n) => format!("{n} colour components"),
            F::DNL => "a height given after the image data (DNL)".to_string(),
            F::SubsamplingRatio | F::NonIntegerSubsamplingRatio => {
                "unusual chroma subsampling".to_string()
            }
            F::ColorTransform(t) => format!("the {t:?} colour transform"),
        },
        other => other.to_string(),
    }
}

fn jpeg_rgb(data: Vec<u8>, format: PixelFormat, w: u32, h: u32) -> Option<RgbImage> {
    let n = w as usize * h as usize;
    let rgb = match format {
        PixelFormat::RGB24 if data.len() == n * 3 => data,
        PixelFormat::L8 if data.len() == n => data.iter().flat_map(|&v| [v, v, v]).collect(),
        PixelFormat::L16 if data.len() == n * 2 => data
            .chunks_exact(2)
            .flat_map(|p| {
                let v = (u16::from_ne_bytes([p[0], p[1]]) >> 8) as u8;
                [v, v, v]
            })
            .collect(),
        // jpeg-decoder gives ink amounts (0 = no ink).
        PixelFormat::CMYK32 if data.len() == n * 4 => data
            .chunks_exact(4)
            .flat_map(|p| {
                let k = 255 - p[3] as u32;
                let ch = |c: u8| ((255 - c as u32) * k / 255) as u8;
                [ch(p[0]), ch(p[1]), ch(p[2])]
            })
            .collect(),
        _ => return None,
    };
    RgbImage::from_raw(w, h, rgb)
}

/// Width and height from the PNG's IHDR, which the format requires first.
fn png_header(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    Some((be(16), be(20)))
}

/// Decode a PNG row by row (checksums verified, through to IEND). With `max_side`, the rows are
/// box-averaged on the way into an image at least the thumbnail's size, so memory stays small.
pub(crate) fn png(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    max_side: Option<u32>,
) -> Result<Decoded, PhotoError> {
    guarded(file, MediaType::Png, || {
        png_inner(file, bytes, limits, max_side)
    })
}

fn png_inner(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    max_side: Option<u32>,
) -> Result<Decoded, PhotoError> {
    let corrupt = |detail: String| PhotoError::corrupt(file, MediaType::Png, detail);
    let (w, h) = png_header(bytes).ok_or_else(|| corrupt("no image header".to_string()))?;
    if w == 0 || h == 0 {
        return Err(corrupt("the header declares no pixels".to_string()));
    }
    check_pixels(file, w, h, limits)?;

    let png_error = |e: png::DecodingError| match e {
        png::DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            corrupt("the file ends before the image does: it is truncated".to_string())
        }
        other => corrupt(other.to_string()),
    };
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    let header = decoder.read_header_info().map_err(png_error)?;
    // 16-bit gray (an X-ray export) keeps its levels for the window; anything else is read as
    // 8-bit samples.
    let gray16 = header.bit_depth == png::BitDepth::Sixteen
        && matches!(
            header.color_type,
            png::ColorType::Grayscale | png::ColorType::GrayscaleAlpha
        );
    decoder.set_transformations(if gray16 {
        png::Transformations::EXPAND
    } else {
        png::Transformations::EXPAND | png::Transformations::STRIP_16
    });
    let mut reader = decoder.read_info().map_err(png_error)?;
    let (color, depth) = reader.output_color_type();
    let expected = if gray16 {
        png::BitDepth::Sixteen
    } else {
        png::BitDepth::Eight
    };
    if depth != expected {
        return Err(corrupt(format!("unexpected {depth:?} samples")));
    }
    let channels = color.samples();
    let (tw, th) = max_side.map_or((w, h), |m| fit(w, h, m));
    let mut reducer = max_side.map(|_| {
        if gray16 {
            Reducer::Gray16(Gray16Reducer::new(w, h, tw, th))
        } else {
            Reducer::Rgb(BoxReducer::new(w, h, tw, th))
        }
    });
    let mut rgb_row = vec![0u8; w as usize * 3];
    let mut push = |row: &[u8]| match reducer.as_mut() {
        Some(Reducer::Rgb(reducer)) => {
            rows_to_rgb(row, channels, &mut rgb_row);
            reducer.push_row(&rgb_row);
        }
        // Big-endian samples; the gray one first, alpha (if any) after it.
        Some(Reducer::Gray16(reducer)) => reducer.push_row(
            row.chunks_exact(2 * channels)
                .map(|p| u16::from_be_bytes([p[0], p[1]])),
        ),
        None => {}
    };

    if reader.info().interlaced {
        // Adam7 rows arrive in passes; only the whole frame has rows in order. Within the pixel
        // limit that frame can still be most of a gigabyte: such a file is kept, its chunks
        // checked, but not decoded.
        let size = reader
            .output_buffer_size()
            .ok_or_else(|| corrupt("the image is too large to decode".to_string()))?;
        if size as u64 > limits.max_decode_bytes {
            structure::png(bytes).map_err(corrupt)?;
            return Ok(Decoded::too_large(w, h, metadata::from_container(bytes)));
        }
        let mut frame = vec![0u8; size];
        let out = reader.next_frame(&mut frame).map_err(png_error)?;
        for row in frame[..out.buffer_size()].chunks_exact(out.line_size) {
            push(&row[..w as usize * channels * if gray16 { 2 } else { 1 }]);
        }
    } else {
        let mut rows = 0u32;
        while let Some(row) = reader.next_row().map_err(png_error)? {
            push(row.data());
            rows += 1;
        }
        if rows != h {
            return Err(corrupt(format!("{rows} of {h} rows")));
        }
    }
    // Reads the remaining chunks through IEND: a file cut after its pixels is still truncated.
    reader.finish().map_err(png_error)?;

    let (pixels, levels) = match reducer.map(Reducer::finish) {
        Some((pixels, levels)) => (Some(pixels), levels),
        None => (None, None),
    };
    Ok(Decoded {
        dims: Some((w, h)),
        exif: metadata::from_container(bytes),
        pixels,
        no_preview: None,
        levels,
    })
}

/// What rows are reduced into: 8-bit RGB, or 16-bit gray shaded through its window at the end.
enum Reducer {
    Rgb(BoxReducer),
    Gray16(Gray16Reducer),
}

impl Reducer {
    /// The reduced image, and for 16-bit gray its levels too.
    fn finish(self) -> (RgbImage, Option<Levels>) {
        match self {
            Reducer::Rgb(r) => (r.finish(), None),
            Reducer::Gray16(r) => {
                let levels = r.finish_levels();
                (levels.shade(levels.auto), Some(levels))
            }
        }
    }
}

/// One output row of RGB from a row of 8-bit gray, gray+alpha, RGB or RGBA, alpha over white.
fn rows_to_rgb(row: &[u8], channels: usize, out: &mut [u8]) {
    let over_white =
        |c: u8, a: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32) + 127) / 255) as u8;
    match channels {
        1 => row
            .iter()
            .zip(out.chunks_exact_mut(3))
            .for_each(|(&v, o)| o.fill(v)),
        2 => row
            .chunks_exact(2)
            .zip(out.chunks_exact_mut(3))
            .for_each(|(p, o)| {
                o.fill(over_white(p[0], p[1]));
            }),
        3 => out.copy_from_slice(&row[..out.len()]),
        _ => row
            .chunks_exact(4)
            .zip(out.chunks_exact_mut(3))
            .for_each(|(p, o)| {
                o[0] = over_white(p[0], p[3]);
                o[1] = over_white(p[1], p[3]);
                o[2] = over_white(p[2], p[3]);
            }),
    }
}

/// Averages boxes of incoming 8-bit RGB rows (`boxes`).
struct BoxReducer(Boxes<3>);

impl BoxReducer {
    fn new(w: u32, h: u32, tw: u32, th: u32) -> Self {
        BoxReducer(Boxes::new(w, h, tw, th))
    }

    fn push_row(&mut self, rgb: &[u8]) {
        self.0.push_row(rgb.iter().map(|&v| v as u16));
    }

    fn finish(self) -> RgbImage {
        let width = self.0.out_width as u32;
        let (samples, height) = self.0.finish();
        let rgb = samples.into_iter().map(|v| v as u8).collect();
        RgbImage::from_raw(width, height, rgb).expect("rows are whole by construction")
    }
}

/// What import learns from a file of the sniffed type, validating JPEG and PNG fully. The
/// validation decode is small anyway (JPEG at 1/8 for camera sizes), so it is asked for the
/// gallery thumbnail's size and its pixels are kept for that thumbnail.
pub(crate) fn probe(
    file: &str,
    media_type: MediaType,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Decoded, PhotoError> {
    match media_type {
        MediaType::Jpeg => jpeg(file, bytes, limits, Some(crate::GALLERY_THUMBNAIL_SIDE)),
        MediaType::Png => png(file, bytes, limits, Some(crate::GALLERY_THUMBNAIL_SIDE)),
        MediaType::Tiff | MediaType::Webp => guarded(file, media_type, || {
            crate::whole::decode(
                file,
                media_type,
                bytes,
                limits,
                Some(crate::GALLERY_THUMBNAIL_SIDE),
            )
        }),
        MediaType::Heic => Ok(Decoded {
            dims: None,
            exif: metadata::from_container(bytes),
            pixels: None,
            no_preview: None,
            levels: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_aspect_and_never_enlarges() {
        assert_eq!(fit(4000, 3000, 256), (256, 192));
        assert_eq!(fit(3000, 4000, 256), (192, 256));
        assert_eq!(fit(100, 50, 256), (100, 50));
        assert_eq!(fit(10000, 1, 256), (256, 1));
    }

    #[test]
    fn box_reducer_averages_whole_and_partial_boxes() {
        // 5 x 3 image, k = 2: output 3 x 2, the last column and row averaging fewer pixels.
        let mut r = BoxReducer::new(5, 3, 2, 1);
        for y in 0..3u8 {
            let row: Vec<u8> = (0..5u8).flat_map(|x| [x * 10 + y, 0, 255]).collect();
            r.push_row(&row);
        }
        let img = r.finish();
        assert_eq!(img.dimensions(), (3, 2));
        assert_eq!(img.get_pixel(0, 0).0, [6, 0, 255]); // (0+1+10+11)/4 = 5.5 -> 6
        assert_eq!(img.get_pixel(2, 0).0, [41, 0, 255]); // (40+41)/2 = 40.5 -> 41
        assert_eq!(img.get_pixel(2, 1).0, [42, 0, 255]); // a single pixel
    }
}
