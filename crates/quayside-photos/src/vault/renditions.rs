//! Thumbnails: made on demand from verified originals, cached sealed in `thumbs/` without fsync
//! (a cache may be lost or deleted at any time), and removed when their original is found altered.

use std::fs;
use std::io;
use std::path::PathBuf;

use super::durable::{create_private_dir_all, remove_file_even_read_only, rename_over};
use super::sealed::{read_all, thumbnail_context};
use super::Vault;
use crate::decode::Decoded;
use crate::media::MediaType;
use crate::thumbnail;
use crate::{PhotoError, GALLERY_THUMBNAIL_SIDE, MAX_THUMBNAIL_SIDE};

impl Vault {
    /// A 16-bit gray original (an X-ray) shaded through `window` (its own suggested window when
    /// None), at most `max_side`, as a JPEG with the window used and the suggested one; None for
    /// any other image. Made from the hash-checked original each time, never cached: a person
    /// moving the window asks for many.
    pub fn windowed(
        &self,
        sha256: &str,
        max_side: u32,
        window: Option<crate::Window>,
    ) -> Result<Option<(Vec<u8>, crate::Window, crate::Window)>, PhotoError> {
        let path = self.try_original_path(sha256)?;
        if max_side == 0 || max_side > MAX_THUMBNAIL_SIDE {
            return Err(PhotoError::InvalidThumbnailSize { max_side });
        }
        let original = self.read_original(sha256)?;
        thumbnail::render_windowed(
            &path.display().to_string(),
            &original,
            max_side,
            window,
            &self.limits,
        )
    }

    /// A JPEG thumbnail whose longest side is `max_side` (smaller images keep their size), turned
    /// upright by EXIF orientation; None for HEIC and for images too large to decode safely.
    /// Runs on the calling thread: call it off the UI thread. Cached in `thumbs/`.
    ///
    /// A thumbnail is made only from bytes that hash to `sha256` (an altered original gives
    /// [`PhotoError::Altered`], never a picture of whatever is there now), and a cached one is
    /// served only while the original exists.
    pub fn thumbnail(&self, sha256: &str, max_side: u32) -> Result<Option<Vec<u8>>, PhotoError> {
        let path = self.try_original_path(sha256)?;
        if max_side == 0 || max_side > MAX_THUMBNAIL_SIDE {
            return Err(PhotoError::InvalidThumbnailSize { max_side });
        }
        self.writable("make thumbnails")?;
        let cached = self.thumbnail_path(sha256, max_side);
        if let Ok(bytes) = read_all(self, &cached, &thumbnail_context(sha256, max_side)) {
            let original_there = fs::metadata(&path).is_ok_and(|m| m.is_file());
            if thumbnail::looks_whole(&bytes) && original_there {
                return Ok(Some(bytes));
            }
        }
        // Missing, unreadable or altered: the error says which.
        let original = self.read_original(sha256)?;
        let label = path.display().to_string();
        let Some(jpeg) = thumbnail::render(&label, &original, max_side, &self.limits)? else {
            return Ok(None);
        };
        // A cache: failing to write it costs a regeneration later, not this answer.
        let _ = self.cache(sha256, max_side, &jpeg);
        Ok(Some(jpeg))
    }

    /// Cache the gallery thumbnail from the decode import did to validate the photo, so the
    /// gallery's first look costs no second decode. Best effort: a thumbnail that fails here is
    /// made again on demand.
    pub(super) fn cache_gallery_thumbnail(
        &self,
        sha256: &str,
        file_name: &str,
        media_type: MediaType,
        probe: Decoded,
    ) {
        let thumb = self.thumbnail_path(sha256, GALLERY_THUMBNAIL_SIDE);
        if !thumb.exists() {
            if let Ok(Some(jpeg)) =
                thumbnail::finish(file_name, media_type, probe, GALLERY_THUMBNAIL_SIDE)
            {
                let _ = self.cache(sha256, GALLERY_THUMBNAIL_SIDE, &jpeg);
            }
        }
    }

    /// Delete every cached `thumbs/{sha256}-*`.
    pub(super) fn remove_thumbnails(&self, sha256: &str) -> Result<(), PhotoError> {
        let entries = match fs::read_dir(&self.thumbs) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(PhotoError::storage("list the folder", &self.thumbs, e)),
        };
        let prefix = format!("{sha256}-");
        for entry in entries {
            let entry =
                entry.map_err(|e| PhotoError::storage("list the folder", &self.thumbs, e))?;
            if !entry.file_name().to_string_lossy().starts_with(&prefix) {
                continue;
            }
            let path = entry.path();
            match remove_file_even_read_only(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(PhotoError::storage("remove the thumbnail", &path, e))
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn thumbnail_path(&self, sha256: &str, max_side: u32) -> PathBuf {
        self.thumbs.join(format!("{sha256}-{max_side}.jpg"))
    }

    fn cache(&self, sha256: &str, max_side: u32, bytes: &[u8]) -> Result<(), PhotoError> {
        let target = &self.thumbnail_path(sha256, max_side);
        // thumbs/ may have been deleted while we run.
        create_private_dir_all(&self.thumbs)
            .map_err(|e| PhotoError::storage("create the folder", &self.thumbs, e))?;
        // No fsync: a thumbnail lost or cut short by a crash fails its seal on read and is remade.
        let tmp = self.write_tmp(&thumbnail_context(sha256, max_side), bytes, false)?;
        rename_over(&tmp, target).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            PhotoError::storage("save the thumbnail", target, e)
        })
    }
}
