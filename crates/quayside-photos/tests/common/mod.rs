//! Test images made in code: photographic-ish JPEGs with an EXIF segment built here byte by byte
//! (so the parser is checked against an independent writer), PNGs, a HEIC-branded container.
#![allow(dead_code)]

use image::codecs::jpeg::JpegEncoder;
use image::{ImageEncoder, Rgb, RgbImage};

/// What to put in the EXIF segment. Coordinates as (degrees, minutes, seconds x 100, reference).
#[derive(Clone, Debug, Default)]
pub struct ExifSpec {
    pub make: Option<&'static str>,
    pub model: Option<&'static str>,
    pub orientation: Option<u16>,
    pub date_time: Option<&'static str>,
    pub date_time_original: Option<&'static str>,
    pub latitude: Option<(u32, u32, u32, &'static str)>,
    pub longitude: Option<(u32, u32, u32, &'static str)>,
}

impl ExifSpec {
    /// A phone held upright at the port of Santos (south and west: both negative).
    pub fn santos() -> Self {
        ExifSpec {
            make: Some("Canon"),
            model: Some("Canon EOS R5"),
            orientation: Some(6),
            date_time: Some("2024:03:16 10:00:00"),
            date_time_original: Some("2024:03:15 09:41:07"),
            latitude: Some((23, 57, 3840, "S")),
            longitude: Some((46, 19, 3000, "W")),
        }
    }
}

const ASCII: u16 = 2;
const SHORT: u16 = 3;
const LONG: u16 = 4;
const RATIONAL: u16 = 5;
const BYTE: u16 = 1;

struct Entry {
    tag: u16,
    kind: u16,
    count: u32,
    data: Vec<u8>,
}

fn ascii(tag: u16, text: &str) -> Entry {
    let mut data = text.as_bytes().to_vec();
    data.push(0);
    Entry {
        tag,
        kind: ASCII,
        count: data.len() as u32,
        data,
    }
}

fn rationals(tag: u16, values: &[(u32, u32)]) -> Entry {
    let data = values
        .iter()
        .flat_map(|(n, d)| n.to_le_bytes().into_iter().chain(d.to_le_bytes()))
        .collect();
    Entry {
        tag,
        kind: RATIONAL,
        count: values.len() as u32,
        data,
    }
}

fn long(tag: u16, value: u32) -> Entry {
    Entry {
        tag,
        kind: LONG,
        count: 1,
        data: value.to_le_bytes().to_vec(),
    }
}

fn ifd_len(entries: &[Entry]) -> usize {
    2 + 12 * entries.len()
        + 4
        + entries
            .iter()
            .map(|e| {
                if e.data.len() > 4 {
                    (e.data.len() + 1) & !1
                } else {
                    0
                }
            })
            .sum::<usize>()
}

/// Write an IFD at `buf.len()` (which must be `offset`), with its out-of-line values after it.
fn write_ifd(buf: &mut Vec<u8>, entries: &mut [Entry]) {
    entries.sort_by_key(|e| e.tag);
    let offset = buf.len();
    let mut extra = offset + 2 + 12 * entries.len() + 4;
    let mut tail = Vec::new();
    buf.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for e in entries.iter() {
        buf.extend_from_slice(&e.tag.to_le_bytes());
        buf.extend_from_slice(&e.kind.to_le_bytes());
        buf.extend_from_slice(&e.count.to_le_bytes());
        if e.data.len() <= 4 {
            let mut inline = e.data.clone();
            inline.resize(4, 0);
            buf.extend_from_slice(&inline);
        } else {
            buf.extend_from_slice(&(extra as u32).to_le_bytes());
            tail.extend_from_slice(&e.data);
            if e.data.len() % 2 == 1 {
                tail.push(0);
            }
            extra += (e.data.len() + 1) & !1;
        }
    }
    buf.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
    buf.extend_from_slice(&tail);
}

/// A little-endian TIFF structure: IFD0, the Exif IFD, the GPS IFD.
pub fn exif_tiff(spec: &ExifSpec) -> Vec<u8> {
    let mut ifd0 = Vec::new();
    if let Some(m) = spec.make {
        ifd0.push(ascii(0x010F, m));
    }
    if let Some(m) = spec.model {
        ifd0.push(ascii(0x0110, m));
    }
    if let Some(o) = spec.orientation {
        ifd0.push(Entry {
            tag: 0x0112,
            kind: SHORT,
            count: 1,
            data: o.to_le_bytes().to_vec(),
        });
    }
    if let Some(d) = spec.date_time {
        ifd0.push(ascii(0x0132, d));
    }
    let mut exif_ifd = Vec::new();
    if let Some(d) = spec.date_time_original {
        exif_ifd.push(ascii(0x9003, d));
    }
    let mut gps = Vec::new();
    if spec.latitude.is_some() || spec.longitude.is_some() {
        gps.push(Entry {
            tag: 0x0000,
            kind: BYTE,
            count: 4,
            data: vec![2, 2, 0, 0],
        });
    }
    if let Some((d, m, s, r)) = spec.latitude {
        gps.push(ascii(0x0001, r));
        gps.push(rationals(0x0002, &[(d, 1), (m, 1), (s, 100)]));
    }
    if let Some((d, m, s, r)) = spec.longitude {
        gps.push(ascii(0x0003, r));
        gps.push(rationals(0x0004, &[(d, 1), (m, 1), (s, 100)]));
    }
    // The pointers' values depend on sizes, which do not depend on the values: lay out first.
    let has_exif = !exif_ifd.is_empty();
    let has_gps = !gps.is_empty();
    let ifd0_len = ifd_len(&ifd0) + 12 * (has_exif as usize + has_gps as usize);
    let exif_at = 8 + ifd0_len;
    let gps_at = exif_at + if has_exif { ifd_len(&exif_ifd) } else { 0 };
    if has_exif {
        ifd0.push(long(0x8769, exif_at as u32));
    }
    if has_gps {
        ifd0.push(long(0x8825, gps_at as u32));
    }
    let mut buf = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    write_ifd(&mut buf, &mut ifd0);
    assert_eq!(buf.len(), exif_at);
    if has_exif {
        write_ifd(&mut buf, &mut exif_ifd);
    }
    assert_eq!(buf.len(), gps_at);
    if has_gps {
        write_ifd(&mut buf, &mut gps);
    }
    buf
}

/// Insert an APP1 "Exif" segment right after SOI, where cameras put it.
pub fn with_exif(jpeg: &[u8], spec: &ExifSpec) -> Vec<u8> {
    let tiff = exif_tiff(spec);
    let len = 2 + 6 + tiff.len();
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&(len as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(&tiff);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// Gradients plus noise, like a photo as far as an encoder is concerned (not a flat colour).
pub fn photo_pixels(width: u32, height: u32, seed: u64) -> RgbImage {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut noise = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 24) as i32 - 12
    };
    RgbImage::from_fn(width, height, |x, y| {
        let fx = x as f32 / width as f32;
        let fy = y as f32 / height as f32;
        let ring = ((fx - 0.4).hypot(fy - 0.6) * 40.0).sin() * 30.0;
        let r = 40.0 + 170.0 * fx + ring;
        let g = 60.0 + 140.0 * fy - ring;
        let b = 200.0 - 120.0 * fx * fy + ring * 0.5;
        let mut px = |v: f32| (v as i32 + noise()).clamp(0, 255) as u8;
        Rgb([px(r), px(g), px(b)])
    })
}

pub fn encode_jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// A camera-like JPEG: the given size, photographic content, EXIF from `spec`.
pub fn camera_jpeg(width: u32, height: u32, quality: u8, spec: &ExifSpec, seed: u64) -> Vec<u8> {
    with_exif(
        &encode_jpeg(&photo_pixels(width, height, seed), quality),
        spec,
    )
}

/// A plain JPEG of the given size without EXIF (cheap content).
pub fn plain_jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    encode_jpeg(&img, 85)
}

pub fn png_rgba(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(width, height, |x, y| {
        image::Rgba([
            (x % 256) as u8,
            (y % 256) as u8,
            90,
            if x < width / 2 { 255 } else { 0 },
        ])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgba8)
        .unwrap();
    out
}

/// The start of an iPhone HEIC: an `ftyp` box with HEIC brands, then a (stub) `meta` box.
pub fn heic_bytes() -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(&24u32.to_be_bytes());
    b.extend_from_slice(b"ftyp");
    b.extend_from_slice(b"heic");
    b.extend_from_slice(&0u32.to_be_bytes());
    b.extend_from_slice(b"mif1heic");
    b.extend_from_slice(&16u32.to_be_bytes());
    b.extend_from_slice(b"meta");
    b.extend_from_slice(&[0u8; 8]);
    b.extend_from_slice(&[0x5A; 200]); // stands in for the HEVC-coded data
    b
}

/// CRC-32 (PNG's), for crafting chunks by hand.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    c.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    c
}

/// A 100-byte PNG whose header declares `width` x `height` RGB pixels (a decompression bomb).
pub fn png_bomb(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend(png_chunk(b"IHDR", &ihdr));
    // A zlib stream that is only a start: decoding would need gigabytes and then fail.
    b.extend(png_chunk(
        b"IDAT",
        &[0x78, 0x9C, 0xED, 0xC1, 0x01, 0x0D, 0x00, 0x00],
    ));
    b.extend(png_chunk(b"IEND", &[]));
    b
}

/// A small real JPEG whose frame header (SOF0) is rewritten to declare `width` x `height`.
pub fn jpeg_bomb(width: u16, height: u16) -> Vec<u8> {
    let mut b = plain_jpeg(16, 16);
    let sof = b
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline SOF0");
    // FF C0, length (2), precision (1), height (2), width (2)
    b[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    b[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    b
}

/// An Adam7-interlaced RGB PNG, built by hand (the encoders here write only non-interlaced),
/// its pixel data in stored (uncompressed) deflate blocks.
pub fn png_interlaced(width: u32, height: u32, pixel: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
    const PASSES: [(u32, u32, u32, u32); 7] = [
        (0, 0, 8, 8),
        (4, 0, 8, 8),
        (0, 4, 4, 8),
        (2, 0, 4, 4),
        (0, 2, 2, 4),
        (1, 0, 2, 2),
        (0, 1, 1, 2),
    ];
    let mut raw = Vec::new();
    for (x0, y0, dx, dy) in PASSES {
        let cols: Vec<u32> = (x0..width).step_by(dx as usize).collect();
        if cols.is_empty() {
            continue;
        }
        for y in (y0..height).step_by(dy as usize) {
            raw.push(0); // filter: none
            for &x in &cols {
                raw.extend_from_slice(&pixel(x, y));
            }
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push((i + 1 == blocks.len()) as u8);
        z.extend_from_slice(&(block.len() as u16).to_le_bytes());
        z.extend_from_slice(&(!(block.len() as u16)).to_le_bytes());
        z.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + byte as u32) % 65521;
        b = (b + a) % 65521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 1]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(png_chunk(b"IHDR", &ihdr));
    out.extend(png_chunk(b"IDAT", &z));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

fn jpeg_segment(out: &mut Vec<u8>, marker: u8, body: &[u8]) {
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(body);
}

/// A hand-made progressive JPEG (SOF2) declaring `width` x `height` with three components at full
/// resolution (4:4:4), structurally whole (tables, frame, one DC scan, EOI) but with a few bytes
/// of stand-in scan data: a decoder would first allocate every coefficient of the image.
pub fn progressive_jpeg_stub(width: u16, height: u16) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8];
    let mut dqt = vec![0u8];
    dqt.extend_from_slice(&[1; 64]);
    jpeg_segment(&mut b, 0xDB, &dqt);
    let mut sof = vec![8];
    sof.extend_from_slice(&height.to_be_bytes());
    sof.extend_from_slice(&width.to_be_bytes());
    sof.push(3);
    for id in 1..=3u8 {
        sof.extend_from_slice(&[id, 0x11, 0]);
    }
    jpeg_segment(&mut b, 0xC2, &sof);
    // DC table 0: one code of length 1, for category 0.
    let mut dht = vec![0x00, 1];
    dht.extend_from_slice(&[0; 15]);
    dht.push(0);
    jpeg_segment(&mut b, 0xC4, &dht);
    // The first DC scan of all three components (Ss = Se = 0, Ah = Al = 0).
    jpeg_segment(&mut b, 0xDA, &[3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 0, 0]);
    // Stand-in scan data, with a stuffed FF00 and a restart marker as real scans have.
    b.extend_from_slice(&[0x00, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0x00]);
    b.extend_from_slice(&[0xFF, 0xD9]);
    b
}

/// A hand-made Adam7-interlaced 8-bit RGB PNG declaring `width` x `height`, its chunks whole and
/// checksummed, with a stand-in zlib stream: a decoder would first allocate the whole frame.
pub fn png_interlaced_stub(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 1]);
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend(png_chunk(b"IHDR", &ihdr));
    b.extend(png_chunk(
        b"IDAT",
        &[0x78, 0x9C, 0xED, 0xC1, 0x01, 0x0D, 0x00, 0x00],
    ));
    b.extend(png_chunk(b"IEND", &[]));
    b
}
