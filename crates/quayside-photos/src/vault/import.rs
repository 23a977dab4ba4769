//! Bringing originals into the vault: `import` checks a file (size, type, a sound image) before
//! a byte is written, then stores it under its hash; `store_received` stores bytes another
//! replica already checked, once they hash to their name. Both share `store`: write sealed to
//! tmp/, flush, mark read-only, rename into place, flush the folder; an altered file (or one whose
//! seal is broken) found under the name is set aside as evidence and the original put back.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use quayside_i18n::Message;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::durable::{
    create_private_dir_all, remove_file_even_read_only, rename_over, set_read_only, sync_dir,
    sync_file,
};
use super::sealed::{original_context, ReadFailure};
use super::Vault;
use crate::decode::{self, Decoded, NoPreview};
use crate::media::{sniff, MediaType};
use crate::metadata::PhotoExif;
use crate::{is_sha256, PhotoError};

/// What import stored and learned about one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Imported {
    pub sha256: String,
    pub size: u64,
    pub media_type: MediaType,
    /// As stored, before any EXIF orientation. None for HEIC.
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub exif: PhotoExif,
    /// The same bytes were already in the vault; nothing was written.
    pub already_stored: bool,
    /// Worth telling the person, as keyed messages (`notice.import_*`): a name that disagrees with
    /// the content, no thumbnail and why, an altered copy set aside.
    pub notes: Vec<Message>,
}

/// The action a read-only vault refuses, in its message.
const IMPORT: &str = "import photos";

/// What storing found under the original's name.
#[derive(Debug)]
pub(super) enum Stored {
    New,
    Already,
    /// An altered file was under the name; it was moved to this path.
    Replaced(PathBuf),
}

impl Vault {
    /// Read a file and import it; a file over the size limit is refused without reading it.
    pub fn import_file(&self, path: &Path) -> Result<Imported, PhotoError> {
        self.writable(IMPORT)?;
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let unreadable = |source| PhotoError::Unreadable {
            file: file.clone(),
            source,
        };
        let meta = fs::metadata(path).map_err(unreadable)?;
        if meta.is_dir() {
            return Err(unreadable(io::Error::other("it is a folder, not a file")));
        }
        self.refuse_too_large(&file, meta.len())?;
        let bytes = fs::read(path).map_err(unreadable)?;
        self.import(&file, &bytes)
    }

    /// Store an original received from another replica (through the server), named by the hash
    /// its `photo_attached` event gives. The device that took it checked it as an image; here the
    /// bytes only have to hash to that name. Returns false when it was already stored.
    pub fn store_received(&self, sha256: &str, bytes: &[u8]) -> Result<bool, PhotoError> {
        self.writable(IMPORT)?;
        if !is_sha256(sha256) {
            return Err(PhotoError::InvalidHash {
                given: sha256.to_string(),
            });
        }
        let actual = hex::encode(Sha256::digest(bytes));
        if actual != sha256 {
            return Err(PhotoError::ReceivedDamaged {
                expected: sha256.to_string(),
                actual,
            });
        }
        Ok(!matches!(self.store(sha256, bytes)?, Stored::Already))
    }

    /// Check, hash and store one file's bytes unchanged. On any refusal nothing is written.
    pub fn import(&self, file_name: &str, bytes: &[u8]) -> Result<Imported, PhotoError> {
        self.writable(IMPORT)?;
        let size = bytes.len() as u64;
        if size == 0 {
            return Err(PhotoError::Empty {
                file: file_name.to_string(),
            });
        }
        self.refuse_too_large(file_name, size)?;
        let (media_type, probe) = self.validate(file_name, bytes)?;

        let sha256 = hex::encode(Sha256::digest(bytes));
        let stored = self.store(&sha256, bytes)?;
        let exif = probe.exif.fields.clone();
        let dims = probe.dims;
        let notes = import_notes(file_name, media_type, &probe, &stored);
        self.cache_gallery_thumbnail(&sha256, file_name, media_type, probe);
        Ok(Imported {
            sha256,
            size,
            media_type,
            width: dims.map(|d| d.0),
            height: dims.map(|d| d.1),
            exif,
            already_stored: matches!(stored, Stored::Already),
            notes,
        })
    }

    fn refuse_too_large(&self, file: &str, size: u64) -> Result<(), PhotoError> {
        if size > self.limits.max_bytes {
            return Err(PhotoError::TooLarge {
                file: file.to_string(),
                size,
                limit: self.limits.max_bytes,
            });
        }
        Ok(())
    }

    /// The file's real type (from its bytes, not its name) and what decoding it found; an error
    /// for anything that is not a sound JPEG, PNG, HEIC, TIFF or WebP.
    fn validate(&self, file_name: &str, bytes: &[u8]) -> Result<(MediaType, Decoded), PhotoError> {
        let media_type = sniff(bytes).ok_or_else(|| PhotoError::NotAnImage {
            file: file_name.to_string(),
        })?;
        let probe = decode::probe(file_name, media_type, bytes, &self.limits)?;
        Ok((media_type, probe))
    }

    pub(super) fn store(&self, sha256: &str, bytes: &[u8]) -> Result<Stored, PhotoError> {
        let target = self.original_path(sha256);
        let outcome = self.clear_the_name(sha256, &target)?;
        if !matches!(outcome, Stored::Already) {
            self.write_original(sha256, &target, bytes)?;
        }
        Ok(outcome)
    }

    /// Make `target` free for the original: `Already` if the original is there intact (made
    /// durable), `Replaced` if an altered file was there and has been set aside, else `New`.
    fn clear_the_name(&self, sha256: &str, target: &Path) -> Result<Stored, PhotoError> {
        let dir = target.parent().expect("originals live in a fan-out folder");
        match fs::metadata(target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Stored::New),
            Err(e) => Err(PhotoError::storage(
                "examine the stored original",
                target,
                e,
            )),
            Ok(_) => {
                // Only a file that was read whole and hashes to something else, or whose seal
                // does not hold, is altered; one that cannot be read may well be intact, and is
                // left where it is.
                let intact = match self.hash_original(sha256, target) {
                    Ok((actual, _)) => actual == sha256,
                    Err(ReadFailure::Broken) => false,
                    Err(ReadFailure::Io(e)) => {
                        return Err(PhotoError::storage("read the stored original", target, e))
                    }
                };
                if intact {
                    // Another import may have just renamed it into place without having flushed
                    // the folder yet: make it durable before saying it is stored.
                    sync_file(target).map_err(|e| PhotoError::storage("flush", target, e))?;
                    sync_dir(dir).map_err(|e| PhotoError::storage("flush the folder", dir, e))?;
                    sync_dir(&self.originals)
                        .map_err(|e| PhotoError::storage("flush the folder", &self.originals, e))?;
                    return Ok(Stored::Already);
                }
                // The name says which bytes belong there; anything else under it was altered.
                // Thumbnails of it may be cached (an older version made them from whatever was
                // there): remove them, keep that copy aside (evidence of tampering) and put the
                // original back.
                self.remove_thumbnails(sha256)?;
                Ok(Stored::Replaced(self.set_aside(sha256, target)?))
            }
        }
    }

    /// Write `bytes` sealed to tmp/, flush, mark read-only and rename onto `target`, then flush
    /// the folders so the new name survives a crash.
    fn write_original(&self, sha256: &str, target: &Path, bytes: &[u8]) -> Result<(), PhotoError> {
        let dir = target.parent().expect("originals live in a fan-out folder");
        let new_dir = !dir.exists();
        if new_dir {
            create_private_dir_all(dir)
                .map_err(|e| PhotoError::storage("create the folder", dir, e))?;
        }
        let context = original_context(sha256);
        // Another process opening the vault empties tmp/ and may take our file from under us
        // between write and rename; the rename then fails with NotFound and we write again.
        let mut attempts = 0;
        loop {
            attempts += 1;
            let tmp = self.write_tmp(&context, bytes, true)?;
            set_read_only(&tmp).map_err(|e| {
                let _ = remove_file_even_read_only(&tmp);
                PhotoError::storage("protect", &tmp, e)
            })?;
            match rename_over(&tmp, target) {
                Ok(()) => break,
                Err(e) if e.kind() == io::ErrorKind::NotFound && attempts < 3 => continue,
                Err(e) => {
                    let _ = remove_file_even_read_only(&tmp);
                    return Err(PhotoError::storage("move the new original into", target, e));
                }
            }
        }
        sync_dir(dir).map_err(|e| PhotoError::storage("flush the folder", dir, e))?;
        if new_dir {
            sync_dir(&self.originals)
                .map_err(|e| PhotoError::storage("flush the folder", &self.originals, e))?;
        }
        Ok(())
    }

    /// Move an altered file out of the way to `vault/altered/{sha256}-{nanos}` (not an original:
    /// `stored` does not list it). It is moved as it was found, sealed or not.
    fn set_aside(&self, sha256: &str, path: &Path) -> Result<PathBuf, PhotoError> {
        let dir = self.originals.join("altered");
        create_private_dir_all(&dir)
            .map_err(|e| PhotoError::storage("create the folder", &dir, e))?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let kept = dir.join(format!("{sha256}-{nanos}"));
        fs::rename(path, &kept)
            .map_err(|e| PhotoError::storage("move the altered file", path, e))?;
        // Evidence, and whoever altered it may have left it open to others: owner-read-only.
        let _ = set_read_only(&kept);
        sync_dir(&dir).map_err(|e| PhotoError::storage("flush the folder", &dir, e))?;
        Ok(kept)
    }
}

/// What the person should hear about an import that succeeded, one keyed message each: a name
/// that disagrees with the content, EXIF partly unreadable, no thumbnail and why, an altered copy
/// set aside.
fn import_notes(
    file_name: &str,
    media_type: MediaType,
    probe: &Decoded,
    stored: &Stored,
) -> Vec<Message> {
    let mut notes = Vec::new();
    let format = media_type.label();
    if let Some(ext) = Path::new(file_name).extension().and_then(|e| e.to_str()) {
        if MediaType::from_extension(ext) != Some(media_type) {
            notes.push(
                Message::new("notice.import_renamed")
                    .text("extension", ext)
                    .text("format", format),
            );
        }
    }
    if media_type == MediaType::Heic {
        // No well-kept HEIC decoder exists in pure Rust.
        notes.push(Message::new("notice.import_heic"));
    }
    if probe.exif.partial {
        // What was read is kept: the person knows the rest (a time, a position) may be missing.
        notes.push(Message::new("notice.import_exif_partial"));
    }
    match probe.no_preview.as_ref() {
        // The decoder's own words for the feature: technical, so they stay as it gives them.
        Some(NoPreview::Unsupported(why)) => notes.push(
            Message::new("notice.import_unsupported")
                .text("format", format)
                .text("detail", why.as_str()),
        ),
        Some(NoPreview::TooLarge { width, height }) => notes.push(
            Message::new("notice.import_too_large_to_preview")
                .text("format", format)
                .text("width", width.to_string())
                .text("height", height.to_string()),
        ),
        None => {}
    }
    if let Stored::Replaced(kept) = stored {
        notes.push(
            Message::new("notice.import_altered_set_aside")
                .text("path", kept.display().to_string()),
        );
    }
    notes
}
