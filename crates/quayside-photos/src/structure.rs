//! Checking a file's structure without decoding its pixels, for files that are kept but not
//! decoded (a JPEG variant the decoder lacks, an image too large to decode safely): every marker
//! segment of a JPEG through to its end-of-image marker, every chunk of a PNG (lengths and
//! checksums) through to IEND, each at the very end of the file. This catches what copying
//! usually does to a file (a cut, a flipped bit in a PNG), not damage inside JPEG scan data.
//!
//! Also the JPEG frame header, which the decoder does not expose in full (sampling factors).

/// A JPEG frame header (SOFn, or DHP for a hierarchical image).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JpegFrame {
    /// The marker's second byte: 0xC0 baseline, 0xC2 progressive, 0xC9 arithmetic, 0xDE DHP, ...
    pub marker: u8,
    pub width: u16,
    /// 0 in the header means "given by a DNL segment after the first scan"; the full walk
    /// replaces it by that value.
    pub height: u16,
    /// (horizontal, vertical) sampling factors of each component.
    pub sampling: Vec<(u8, u8)>,
}

impl JpegFrame {
    /// What a progressive decode holds for the whole image before producing a pixel: for each
    /// component, its blocks (the image padded to whole MCUs) x 64 coefficients x 2 bytes.
    pub fn coefficient_bytes(&self) -> u64 {
        let h_max = self.sampling.iter().map(|s| s.0).max().unwrap_or(1).max(1) as u64;
        let v_max = self.sampling.iter().map(|s| s.1).max().unwrap_or(1).max(1) as u64;
        let mcus_x = (self.width as u64).div_ceil(8 * h_max);
        let mcus_y = (self.height as u64).div_ceil(8 * v_max);
        self.sampling
            .iter()
            .map(|&(h, v)| mcus_x * h as u64 * mcus_y * v as u64 * 64 * 2)
            .sum()
    }
}

const TRUNCATED: &str = "the file ends before the image does: it is truncated";

fn be16(b: &[u8], at: usize) -> usize {
    u16::from_be_bytes([b[at], b[at + 1]]) as usize
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn parse_frame(marker: u8, body: &[u8]) -> Result<JpegFrame, String> {
    if body.len() < 6 {
        return Err("a frame header too short to hold its fields".to_string());
    }
    let count = body[5] as usize;
    if count == 0 || body.len() != 6 + 3 * count {
        return Err("a frame header whose length does not match its components".to_string());
    }
    let sampling = body[6..]
        .chunks_exact(3)
        .map(|c| (c[1] >> 4, c[1] & 0x0F))
        .collect::<Vec<_>>();
    if sampling
        .iter()
        .any(|&(h, v)| !(1..=4).contains(&h) || !(1..=4).contains(&v))
    {
        return Err("a frame header with invalid sampling factors".to_string());
    }
    Ok(JpegFrame {
        marker,
        width: be16(body, 3) as u16,
        height: be16(body, 1) as u16,
        sampling,
    })
}

/// Walk a JPEG's marker segments from SOI. With `first_frame_only`, stop at the first frame
/// header; otherwise go through every segment and scan to an EOI that ends the file, and return
/// every frame header (more than one only in hierarchical mode).
///
/// Entropy-coded data after a scan header is skipped by looking for the next byte pair FF xx that
/// is a marker (not FF00, a stuffed byte, nor RSTn). Bytes between segments that are not a marker
/// are skipped, as libjpeg and jpeg-decoder do (some cameras write them).
fn walk_jpeg(bytes: &[u8], first_frame_only: bool) -> Result<Vec<JpegFrame>, String> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err("no start-of-image marker".to_string());
    }
    let len = bytes.len();
    let mut pos = 2;
    let mut frames: Vec<JpegFrame> = Vec::new();
    let mut scans = 0u32;
    let mut dnl_height = None;
    loop {
        // The next marker: FF, any number of FF fill bytes, then the code.
        let ff = bytes[pos..]
            .iter()
            .position(|&b| b == 0xFF)
            .ok_or(TRUNCATED)?;
        pos += ff;
        while pos < len && bytes[pos] == 0xFF {
            pos += 1;
        }
        if pos >= len {
            return Err(TRUNCATED.to_string());
        }
        let marker = bytes[pos];
        pos += 1;
        match marker {
            // A stuffed zero outside scan data is not a marker: stray bytes, skipped.
            0x00 => continue,
            0xD9 => {
                if frames.is_empty() {
                    return Err("no frame header before the end-of-image marker".to_string());
                }
                if scans == 0 {
                    return Err("no image data before the end-of-image marker".to_string());
                }
                if pos != len {
                    return Err(format!("{} bytes after the end-of-image marker", len - pos));
                }
                if frames[0].height == 0 {
                    match dnl_height {
                        Some(h) => frames[0].height = h,
                        None => {
                            return Err("the height is given neither in the frame header nor \
                                        by a DNL segment"
                                .to_string())
                        }
                    }
                }
                return Ok(frames);
            }
            0xD8 => return Err("a second start-of-image marker".to_string()),
            // Standalone markers: no length, no body.
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        if pos + 2 > len {
            return Err(TRUNCATED.to_string());
        }
        let seg_len = be16(bytes, pos);
        if seg_len < 2 {
            return Err(format!("a segment of invalid length {seg_len}"));
        }
        let end = pos + seg_len;
        if end > len {
            return Err(TRUNCATED.to_string());
        }
        let body = &bytes[pos + 2..end];
        pos = end;
        match marker {
            // SOF0-15 except DHT (C4), JPG (C8) and DAC (CC); DHP (DE) has the same layout.
            0xC0..=0xCF | 0xDE if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                frames.push(parse_frame(marker, body)?);
                if first_frame_only {
                    return Ok(frames);
                }
            }
            0xDA => {
                if frames.is_empty() {
                    return Err("image data before the frame header".to_string());
                }
                if first_frame_only {
                    return Err("no frame header before the image data".to_string());
                }
                let components = body.first().copied().unwrap_or(0) as usize;
                if !(1..=4).contains(&components) || body.len() != 1 + 2 * components + 3 {
                    return Err(
                        "a scan header whose length does not match its components".to_string()
                    );
                }
                scans += 1;
                // Skip the entropy-coded data up to the next real marker.
                loop {
                    let ff = bytes[pos..]
                        .iter()
                        .position(|&b| b == 0xFF)
                        .ok_or(TRUNCATED)?;
                    let at = pos + ff;
                    let Some(&next) = bytes.get(at + 1) else {
                        return Err(TRUNCATED.to_string());
                    };
                    match next {
                        0x00 | 0xD0..=0xD7 => pos = at + 2,
                        0xFF => pos = at + 1,
                        _ => {
                            pos = at;
                            break;
                        }
                    }
                }
            }
            0xDC => {
                if body.len() != 2 {
                    return Err("a DNL segment of invalid length".to_string());
                }
                dnl_height = Some(be16(body, 0) as u16);
            }
            _ => {}
        }
    }
}

/// The first frame header, read from the start of the file without going further.
pub(crate) fn jpeg_frame(bytes: &[u8]) -> Result<JpegFrame, String> {
    let mut frames = walk_jpeg(bytes, true)?;
    Ok(frames.remove(0))
}

/// Every frame header of a JPEG whose segments and scans are whole through to an end-of-image
/// marker that ends the file; the first frame's height filled in from DNL if need be.
pub(crate) fn jpeg(bytes: &[u8]) -> Result<Vec<JpegFrame>, String> {
    walk_jpeg(bytes, false)
}

/// A PNG's chunks from IHDR to IEND, each checksum verified, IEND ending the file, with at least
/// one IDAT. The image data itself is not inflated.
pub(crate) fn png(bytes: &[u8]) -> Result<(), String> {
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err("no PNG signature".to_string());
    }
    let len = bytes.len();
    let mut pos = 8;
    let mut seen_idat = false;
    loop {
        if pos + 8 > len {
            return Err(TRUNCATED.to_string());
        }
        let data_len = be32(bytes, pos);
        if data_len > 0x7FFF_FFFF {
            return Err(format!("a chunk of invalid length {data_len}"));
        }
        let kind = &bytes[pos + 4..pos + 8];
        let name = String::from_utf8_lossy(kind).into_owned();
        if !kind.iter().all(u8::is_ascii_alphabetic) {
            return Err(format!("a chunk of invalid type {name:?}"));
        }
        let data_end = pos + 8 + data_len as usize;
        if data_end + 4 > len {
            return Err(TRUNCATED.to_string());
        }
        if crc32(&bytes[pos + 4..data_end]) != be32(bytes, data_end) {
            return Err(format!(
                "the {name} chunk's checksum does not match its data"
            ));
        }
        if pos == 8 && kind != b"IHDR" {
            return Err("the first chunk is not IHDR".to_string());
        }
        seen_idat |= kind == b"IDAT";
        pos = data_end + 4;
        if kind == b"IEND" {
            if !seen_idat {
                return Err("no image data (IDAT) before IEND".to_string());
            }
            if pos != len {
                return Err(format!("{} bytes after the IEND chunk", len - pos));
            }
            return Ok(());
        }
    }
}

/// CRC-32 as PNG uses it (ISO 3309), from crc32fast: already in the tree through png.
fn crc32(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(out: &mut Vec<u8>, marker: u8, body: &[u8]) {
        out.extend_from_slice(&[0xFF, marker]);
        out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(body);
    }

    fn sof(marker: u8, w: u16, h: u16, sampling: &[u8]) -> Vec<u8> {
        let mut body = vec![8];
        body.extend_from_slice(&h.to_be_bytes());
        body.extend_from_slice(&w.to_be_bytes());
        body.push(sampling.len() as u8);
        for (i, &s) in sampling.iter().enumerate() {
            body.extend_from_slice(&[i as u8 + 1, s, 0]);
        }
        let mut out = Vec::new();
        segment(&mut out, marker, &body);
        out
    }

    fn jpeg_with(frame: &[u8], after_scan: &[u8]) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        segment(&mut b, 0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        b.extend_from_slice(frame);
        segment(&mut b, 0xDA, &[1, 1, 0, 0, 63, 0]);
        // Scan data with a stuffed FF00, a restart marker and fill bytes before the next marker.
        b.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF]);
        b.extend_from_slice(after_scan);
        b.extend_from_slice(&[0xFF, 0xD9]);
        b
    }

    #[test]
    fn a_whole_jpeg_walks_to_its_end() {
        let b = jpeg_with(&sof(0xC9, 640, 480, &[0x11]), &[]);
        let frames = jpeg(&b).unwrap();
        assert_eq!(frames.len(), 1);
        assert_eq!((frames[0].width, frames[0].height), (640, 480));
        assert_eq!(frames[0].marker, 0xC9);
        assert_eq!(jpeg_frame(&b).unwrap(), frames[0]);
    }

    #[test]
    fn cut_or_extended_jpegs_are_refused() {
        let b = jpeg_with(&sof(0xC9, 640, 480, &[0x11]), &[]);
        for cut in 1..b.len() {
            assert!(jpeg(&b[..cut]).is_err(), "cut at {cut} of {}", b.len());
        }
        let mut longer = b.clone();
        longer.extend_from_slice(b"trailing");
        assert!(jpeg(&longer).unwrap_err().contains("8 bytes after"));
        // No scan at all.
        let mut no_scan = vec![0xFF, 0xD8];
        no_scan.extend(sof(0xC0, 8, 8, &[0x11]));
        no_scan.extend_from_slice(&[0xFF, 0xD9]);
        assert!(jpeg(&no_scan).unwrap_err().contains("no image data"));
    }

    #[test]
    fn dnl_gives_the_height() {
        let mut dnl = Vec::new();
        segment(&mut dnl, 0xDC, &300u16.to_be_bytes());
        let b = jpeg_with(&sof(0xC0, 640, 0, &[0x11]), &dnl);
        assert_eq!(jpeg_frame(&b).unwrap().height, 0);
        assert_eq!(jpeg(&b).unwrap()[0].height, 300);
        let no_dnl = jpeg_with(&sof(0xC0, 640, 0, &[0x11]), &[]);
        assert!(jpeg(&no_dnl).unwrap_err().contains("DNL"));
    }

    #[test]
    fn progressive_coefficients_follow_the_sampling() {
        let f = |sampling: Vec<(u8, u8)>| JpegFrame {
            marker: 0xC2,
            width: 10954,
            height: 10954,
            sampling,
        };
        // 4:4:4: 1370 x 1370 blocks per component.
        let full = f(vec![(1, 1); 3]);
        assert_eq!(full.coefficient_bytes(), 3 * 1370 * 1370 * 128);
        // 4:2:0: 685 x 685 MCUs of 2 x 2 luma blocks and one block per chroma component.
        let sub = f(vec![(2, 2), (1, 1), (1, 1)]);
        assert_eq!(sub.coefficient_bytes(), (1370 * 1370 + 2 * 685 * 685) * 128);
    }

    #[test]
    fn png_chunks_and_checksums() {
        fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
            let mut c = (data.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(data);
            let crc = crc32(&c[4..]);
            c.extend_from_slice(&crc.to_be_bytes());
            c
        }
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
        b.extend(chunk(b"IDAT", &[0x78, 0x9C, 0x01, 0x02]));
        b.extend(chunk(b"IEND", &[]));
        png(&b).unwrap();
        for cut in 0..b.len() {
            assert!(png(&b[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = b.clone();
        flipped[8 + 25 + 9] ^= 1;
        assert!(png(&flipped).unwrap_err().contains("IDAT chunk's checksum"));
    }
}
