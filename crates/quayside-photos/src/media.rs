//! What a file is, from its first bytes. The name is not trusted: it only earns a note when it
//! disagrees with the content.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum MediaType {
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/heic")]
    Heic,
    /// What X-ray scanners export, often 16-bit grayscale.
    #[serde(rename = "image/tiff")]
    Tiff,
    #[serde(rename = "image/webp")]
    Webp,
}

impl MediaType {
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Heic => "image/heic",
            MediaType::Tiff => "image/tiff",
            MediaType::Webp => "image/webp",
        }
    }

    pub fn from_mime(mime: &str) -> Option<MediaType> {
        match mime.trim().to_ascii_lowercase().as_str() {
            "image/jpeg" | "image/jpg" => Some(MediaType::Jpeg),
            "image/png" => Some(MediaType::Png),
            "image/heic" | "image/heif" => Some(MediaType::Heic),
            "image/tiff" => Some(MediaType::Tiff),
            "image/webp" => Some(MediaType::Webp),
            _ => None,
        }
    }

    /// The name people know the format by, for messages.
    pub fn label(self) -> &'static str {
        match self {
            MediaType::Jpeg => "JPEG",
            MediaType::Png => "PNG",
            MediaType::Heic => "HEIC",
            MediaType::Tiff => "TIFF",
            MediaType::Webp => "WebP",
        }
    }

    /// The media type a file name's extension claims, if it names one of ours.
    pub(crate) fn from_extension(ext: &str) -> Option<MediaType> {
        match ext.to_ascii_lowercase().as_str() {
            "jpg" | "jpeg" | "jpe" | "jfif" => Some(MediaType::Jpeg),
            "png" => Some(MediaType::Png),
            "heic" | "heif" | "hif" => Some(MediaType::Heic),
            "tif" | "tiff" => Some(MediaType::Tiff),
            "webp" => Some(MediaType::Webp),
            _ => None,
        }
    }
}

/// An original a web view cannot show as it is: TIFF (no web engine here draws it), and 16-bit
/// grayscale PNG (drawn from its high byte: an X-ray of a 12-bit detector comes out black). The
/// viewer shows these as a rendering, through the gray window the thumbnails use.
pub fn shown_as_rendering(bytes: &[u8]) -> bool {
    match sniff(bytes) {
        Some(MediaType::Tiff) => true,
        // IHDR: bit depth at byte 24, colour type at 25 (0 gray, 4 gray with alpha).
        Some(MediaType::Png) => {
            bytes.len() > 25
                && &bytes[12..16] == b"IHDR"
                && bytes[24] == 16
                && matches!(bytes[25], 0 | 4)
        }
        _ => false,
    }
}

/// The media type by magic bytes, or None for anything else (including an empty file).
pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(MediaType::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(MediaType::Png);
    }
    // Classic TIFF, little- or big-endian (BigTIFF is not read).
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Some(MediaType::Tiff);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some(MediaType::Webp);
    }
    // ISO-BMFF: the first box is `ftyp`: size, "ftyp", major brand, minor version, compatible brands.
    if bytes.len() >= 16 && &bytes[4..8] == b"ftyp" {
        let box_size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        let end = box_size.clamp(16, bytes.len());
        let major = &bytes[8..12];
        let compatible = bytes[16..end].chunks_exact(4);
        let brands = || std::iter::once(major).chain(compatible.clone());
        // AVIF shares the HEIF container (and the `mif1` brand) but is not HEIC.
        if brands().any(|b| b == b"avif" || b == b"avis") {
            return None;
        }
        const HEIC_BRANDS: [&[u8]; 9] = [
            b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"heif",
        ];
        if brands().any(|b| HEIC_BRANDS.contains(&b)) {
            return Some(MediaType::Heic);
        }
    }
    None
}

/// An image's size in pixels as its header states it (stored orientation, not decoded); None for
/// a format this build cannot read (HEIC) or a header that says nothing sensible.
pub fn pixel_size(bytes: &[u8]) -> Option<(u32, u32)> {
    image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()
        .filter(|(w, h)| *w > 0 && *h > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ftyp(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
        let size = 16 + 4 * compatible.len();
        let mut b = (size as u32).to_be_bytes().to_vec();
        b.extend_from_slice(b"ftyp");
        b.extend_from_slice(major);
        b.extend_from_slice(&[0, 0, 0, 0]);
        for c in compatible {
            b.extend_from_slice(*c);
        }
        b.extend_from_slice(b"\0\0\0\x08meta");
        b
    }

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(MediaType::Jpeg));
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"),
            Some(MediaType::Png)
        );
        assert_eq!(
            sniff(&ftyp(b"heic", &[b"mif1", b"heic"])),
            Some(MediaType::Heic)
        );
        assert_eq!(sniff(&ftyp(b"mif1", &[b"heic"])), Some(MediaType::Heic));
        assert_eq!(sniff(&ftyp(b"avif", &[b"mif1", b"avif"])), None);
        assert_eq!(sniff(&ftyp(b"isom", &[b"mp41"])), None);
        assert_eq!(sniff(b"II*\0\x08\0\0\0"), Some(MediaType::Tiff));
        assert_eq!(sniff(b"MM\0*\0\0\0\x08"), Some(MediaType::Tiff));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(MediaType::Webp));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WAVEfmt "), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"%PDF-1.7"), None);
        assert_eq!(sniff(&[0xFF, 0xD8]), None);
    }

    #[test]
    fn mime_round_trip() {
        for t in [
            MediaType::Jpeg,
            MediaType::Png,
            MediaType::Heic,
            MediaType::Tiff,
            MediaType::Webp,
        ] {
            assert_eq!(MediaType::from_mime(t.as_str()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
            assert_eq!(serde_json::from_str::<MediaType>(&json).unwrap(), t);
        }
        assert_eq!(MediaType::from_mime("image/gif"), None);
    }

    #[test]
    fn a_header_gives_the_size_and_heic_gives_none() {
        let mut png = Vec::new();
        image::RgbImage::new(7, 3)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert_eq!(pixel_size(&png), Some((7, 3)));
        assert_eq!(pixel_size(b"\0\0\0\x18ftypheic"), None);
        assert_eq!(pixel_size(&png[..20]), None, "a header cut short");
    }
}
