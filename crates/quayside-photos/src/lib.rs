//! The photo vault. Photos are evidence: each original is stored under the SHA-256 of its content
//! (`vault/ab/abcdef...`), sealed with the device's file key (a lost laptop shows no photo), written
//! to a temporary file, fsynced and renamed into place, then never modified; reading it back opens
//! the seal and checks the hash. Import refuses anything that is not a sound JPEG, PNG, HEIC, TIFF or WebP
//! before a byte is written. Thumbnails are derived, cached in `thumbs/`, and may be deleted at
//! any time; JPEGs are decoded scaled down inside the decoder (1/2, 1/4 or 1/8), never at full size.
//!
//! Shipping documents (PDF, JPEG, PNG, TIFF) are kept the same way, checked by their content and
//! size but not decoded (`Vault::import_document`).
//!
//! No Tauri, no SQLite: the API crate records what `import` returns in the case's events.

mod boxes;
mod codes;
mod decode;
mod error;
mod gray16;
mod media;
mod metadata;
mod structure;
mod thumbnail;
mod vault;
mod whole;

pub use codes::read_codes;
pub use error::PhotoError;
pub use gray16::Window;
pub use media::{pixel_size, shown_as_rendering, sniff, MediaType};
pub use metadata::PhotoExif;
/// The key the vault seals its files with (from `quayside-keys`), re-exported for callers.
pub use quayside_keys::FileKey;
pub use vault::{DocumentMedia, Imported, ImportedDocument, Integrity, Vault};

/// Files larger than this are refused: a camera photo is a few megabytes.
pub const MAX_PHOTO_BYTES: u64 = 100 * 1024 * 1024;
/// Shipping documents larger than this are refused: a scanned bill of lading or invoice is a few
/// megabytes; a file far larger is most likely the wrong one.
pub const MAX_DOCUMENT_BYTES: u64 = 25 * 1024 * 1024;
/// Images whose header declares more pixels than this are refused before any decoding, so a tiny
/// file declaring 60000 x 60000 pixels (a decompression bomb) cannot exhaust memory.
pub const MAX_PIXELS: u64 = 120_000_000;
/// The most memory decoding one image may need, estimated from its header before decoding.
/// Most images are decoded in bands (JPEG baseline, non-interlaced PNG) and need far less; a
/// progressive JPEG holds all its coefficients at once (2 bytes x 64 per 8 x 8 block and
/// component) and an interlaced PNG its whole frame. Above this, the file is stored and hashed
/// (its structure checked) but not decoded, and has no thumbnail.
pub const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
/// The thumbnail side import makes and caches from the decode it does to validate a photo, so the
/// gallery's first look costs no second decode. Other sides are made on demand.
pub const GALLERY_THUMBNAIL_SIDE: u32 = 256;
/// The largest thumbnail side `Vault::thumbnail` makes (the viewer's preview fits well within).
pub const MAX_THUMBNAIL_SIDE: u32 = 4096;

/// What the vault accepts. `Limits::default()` is the public constants; tests use smaller ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: u64,
    pub max_pixels: u64,
    pub max_decode_bytes: u64,
    pub max_document_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: MAX_PHOTO_BYTES,
            max_pixels: MAX_PIXELS,
            max_decode_bytes: MAX_DECODE_BYTES,
            max_document_bytes: MAX_DOCUMENT_BYTES,
        }
    }
}

/// True for 64 lowercase hex digits: the only text that may name a file in the vault.
pub use quayside_domain::photo::is_sha256;

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use super::*;

    #[test]
    fn ipc_types_have_typescript_declarations() {
        let cfg = Config::new();
        assert!(PhotoExif::decl(&cfg).contains("captured_at: string | null"));
        assert!(MediaType::decl(&cfg).contains("\"image/jpeg\""));
        assert!(Imported::decl(&cfg).contains("media_type: MediaType"));
        assert!(Integrity::decl(&cfg).contains("\"state\": \"altered\""));
        assert!(Integrity::decl(&cfg).contains("\"state\": \"unreadable\", reason: string"));
        assert!(Integrity::decl(&cfg).contains("\"state\": \"seal_broken\""));
    }
}
