//! The vault on disk:
//! - `vault/ab/abcdef...`: originals, named by the SHA-256 of their bytes, read-only, never modified;
//! - `vault/tmp/`: files being written; whatever is there at open is a crashed write and is removed;
//! - `vault/altered/`: altered copies found under an original's name, kept when the original is
//!   imported again;
//! - `thumbs/{sha256}-{max_side}.jpg`: derived thumbnails, which may be deleted at any time; made
//!   only from bytes that hash to the name, and removed when an altered file is set aside.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::decode::{self, NoPreview};
use crate::media::{sniff, MediaType};
use crate::metadata::PhotoExif;
use crate::thumbnail;
use crate::{is_sha256, Limits, PhotoError, GALLERY_THUMBNAIL_SIDE, MAX_THUMBNAIL_SIDE};

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
    /// Worth telling the person: a name that disagrees with the content, no thumbnail, ...
    pub note: Option<String>,
}

/// The state of one stored original, from re-hashing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Integrity {
    Intact,
    /// No file by that name (also the answer for a text that is not a hash).
    Missing,
    Altered {
        actual_sha256: String,
        actual_size: u64,
    },
    /// Something is under that name but reading it failed (permissions, a folder in its place,
    /// a disk error): the original cannot be produced, but nothing says it was changed.
    Unreadable {
        reason: String,
    },
}

#[derive(Debug, Clone)]
pub struct Vault {
    originals: PathBuf,
    tmp: PathBuf,
    thumbs: PathBuf,
    limits: Limits,
    /// Opened by [`Vault::open_read_only`]: nothing is created, written or removed.
    read_only: bool,
}

impl Vault {
    /// Open (creating if needed) the vault under `data_dir`, removing unfinished writes.
    pub fn open(data_dir: &Path) -> Result<Vault, PhotoError> {
        Vault::open_with_limits(data_dir, Limits::default())
    }

    pub fn open_with_limits(data_dir: &Path, limits: Limits) -> Result<Vault, PhotoError> {
        let vault = Vault::at(data_dir, limits, false);
        for dir in [&vault.originals, &vault.tmp, &vault.thumbs] {
            fs::create_dir_all(dir)
                .map_err(|e| PhotoError::storage("create the folder", dir, e))?;
        }
        // A file here is a write that never reached its rename (a crash): it names nothing.
        let entries = fs::read_dir(&vault.tmp)
            .map_err(|e| PhotoError::storage("list the folder", &vault.tmp, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| PhotoError::storage("list the folder", &vault.tmp, e))?;
            let path = entry.path();
            let removed = if entry.file_type().is_ok_and(|t| t.is_dir()) {
                fs::remove_dir_all(&path)
            } else {
                remove_file_even_read_only(&path)
            };
            removed.map_err(|e| PhotoError::storage("remove the unfinished file", &path, e))?;
        }
        Ok(vault)
    }

    /// Open the vault under `data_dir` for checking only: no folder is created, nothing in
    /// `tmp/` is removed, and `import` and `thumbnail` are refused. `check`, `read_original` and
    /// `stored` work; a vault folder that does not exist simply holds no originals.
    pub fn open_read_only(data_dir: &Path) -> Result<Vault, PhotoError> {
        Ok(Vault::at(data_dir, Limits::default(), true))
    }

    fn at(data_dir: &Path, limits: Limits, read_only: bool) -> Vault {
        Vault {
            originals: data_dir.join("vault"),
            tmp: data_dir.join("vault").join("tmp"),
            thumbs: data_dir.join("thumbs"),
            limits,
            read_only,
        }
    }

    fn writable(&self, action: &'static str) -> Result<(), PhotoError> {
        if self.read_only {
            return Err(PhotoError::ReadOnly { action });
        }
        Ok(())
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Where the original of `sha256` lives: `vault/ab/abcdef...`.
    ///
    /// # Panics
    /// If `sha256` is not 64 lowercase hex digits: such text must never become a path (`../`).
    /// Use [`Vault::try_original_path`] for text that has not been checked.
    pub fn original_path(&self, sha256: &str) -> PathBuf {
        match self.try_original_path(sha256) {
            Ok(path) => path,
            Err(e) => panic!("{e}"),
        }
    }

    pub fn try_original_path(&self, sha256: &str) -> Result<PathBuf, PhotoError> {
        if !is_sha256(sha256) {
            return Err(PhotoError::InvalidHash {
                given: sha256.to_string(),
            });
        }
        Ok(self.originals.join(&sha256[..2]).join(sha256))
    }

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
        if meta.len() > self.limits.max_bytes {
            return Err(PhotoError::TooLarge {
                file,
                size: meta.len(),
                limit: self.limits.max_bytes,
            });
        }
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
        let file = file_name.to_string();
        let size = bytes.len() as u64;
        if size == 0 {
            return Err(PhotoError::Empty { file });
        }
        if size > self.limits.max_bytes {
            return Err(PhotoError::TooLarge {
                file,
                size,
                limit: self.limits.max_bytes,
            });
        }
        let media_type =
            sniff(bytes).ok_or_else(|| PhotoError::NotAnImage { file: file.clone() })?;
        let probe = decode::probe(file_name, media_type, bytes, &self.limits)?;

        let sha256 = hex::encode(Sha256::digest(bytes));
        let stored = self.store(&sha256, bytes)?;
        let exif = probe.exif.clone();
        let dims = probe.dims;
        let no_preview = probe.no_preview.clone();
        let thumb = self.thumbnail_path(&sha256, GALLERY_THUMBNAIL_SIDE);
        if !thumb.exists() {
            // Best effort: a thumbnail that fails here is made again on demand.
            if let Ok(Some(jpeg)) =
                thumbnail::finish(file_name, media_type, probe, GALLERY_THUMBNAIL_SIDE)
            {
                let _ = self.cache(&thumb, &jpeg);
            }
        }

        let mut notes = Vec::new();
        if let Some(ext) = Path::new(file_name).extension().and_then(|e| e.to_str()) {
            if MediaType::from_extension(ext) != Some(media_type) {
                let label = media_type.label();
                notes.push(format!(
                    "named .{ext} but is a {label} image: stored as {label}"
                ));
            }
        }
        if media_type == MediaType::Heic {
            notes.push(
                "HEIC photo stored and hashed, shown without a thumbnail: this app has no HEIC \
                 decoder (no well-kept one exists in pure Rust)"
                    .to_string(),
            );
        }
        match &no_preview {
            Some(NoPreview::Unsupported(why)) => notes.push(format!(
                "stored and hashed, shown without a thumbnail: this {} uses a feature the \
                 decoder lacks ({why})",
                media_type.label()
            )),
            Some(NoPreview::TooLarge(what)) => notes.push(format!(
                "stored and hashed, but too large to preview safely ({what}): no thumbnail"
            )),
            None => {}
        }
        if let Stored::Replaced(kept) = &stored {
            notes.push(format!(
                "the vault held an altered copy under this hash; it was moved to {} for \
                 examination and the original restored from these bytes",
                kept.display()
            ));
        }
        Ok(Imported {
            sha256,
            size,
            media_type,
            width: dims.map(|d| d.0),
            height: dims.map(|d| d.1),
            exif,
            already_stored: matches!(stored, Stored::Already),
            note: (!notes.is_empty()).then(|| notes.join("; ")),
        })
    }

    fn store(&self, sha256: &str, bytes: &[u8]) -> Result<Stored, PhotoError> {
        let target = self.original_path(sha256);
        let dir = target.parent().expect("originals live in a fan-out folder");
        let mut outcome = Stored::New;
        match fs::metadata(&target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(PhotoError::storage(
                    "examine the stored original",
                    &target,
                    e,
                ))
            }
            Ok(_) => {
                // Only a file that was read whole and hashes to something else is altered; one
                // that cannot be read may well be intact, and is left where it is.
                let (actual, _) = hash_file(&target)
                    .map_err(|e| PhotoError::storage("read the stored original", &target, e))?;
                if actual == sha256 {
                    // Another import may have just renamed it into place without having flushed
                    // the folder yet: make it durable before saying it is stored.
                    sync_file(&target).map_err(|e| PhotoError::storage("flush", &target, e))?;
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
                outcome = Stored::Replaced(self.set_aside(sha256, &target)?);
            }
        }
        let new_dir = !dir.exists();
        if new_dir {
            fs::create_dir_all(dir)
                .map_err(|e| PhotoError::storage("create the folder", dir, e))?;
        }
        // Another process opening the vault empties tmp/ and may take our file from under us
        // between write and rename; the rename then fails with NotFound and we write again.
        let mut attempts = 0;
        loop {
            attempts += 1;
            let tmp = self.write_tmp(bytes, true)?;
            set_read_only(&tmp).map_err(|e| {
                let _ = remove_file_even_read_only(&tmp);
                PhotoError::storage("protect", &tmp, e)
            })?;
            match rename_over(&tmp, &target) {
                Ok(()) => break,
                Err(e) if e.kind() == io::ErrorKind::NotFound && attempts < 3 => continue,
                Err(e) => {
                    let _ = remove_file_even_read_only(&tmp);
                    return Err(PhotoError::storage(
                        "move the new original into",
                        &target,
                        e,
                    ));
                }
            }
        }
        sync_dir(dir).map_err(|e| PhotoError::storage("flush the folder", dir, e))?;
        if new_dir {
            sync_dir(&self.originals)
                .map_err(|e| PhotoError::storage("flush the folder", &self.originals, e))?;
        }
        Ok(outcome)
    }

    /// Delete every cached `thumbs/{sha256}-*`.
    fn remove_thumbnails(&self, sha256: &str) -> Result<(), PhotoError> {
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

    /// Move an altered file out of the way to `vault/altered/{sha256}-{nanos}` (not an original:
    /// `stored` does not list it).
    fn set_aside(&self, sha256: &str, path: &Path) -> Result<PathBuf, PhotoError> {
        let dir = self.originals.join("altered");
        fs::create_dir_all(&dir).map_err(|e| PhotoError::storage("create the folder", &dir, e))?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let kept = dir.join(format!("{sha256}-{nanos}"));
        fs::rename(path, &kept)
            .map_err(|e| PhotoError::storage("move the altered file", path, e))?;
        sync_dir(&dir).map_err(|e| PhotoError::storage("flush the folder", &dir, e))?;
        Ok(kept)
    }

    /// A new file in tmp/ holding `bytes`, fsynced if `durable`.
    fn write_tmp(&self, bytes: &[u8], durable: bool) -> Result<PathBuf, PhotoError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let name = format!(
            "{}-{}-{}.part",
            std::process::id(),
            nanos,
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let tmp = self.tmp.join(name);
        let write = || -> io::Result<()> {
            let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
            f.write_all(bytes)?;
            if durable {
                f.sync_all()?;
            }
            Ok(())
        };
        if let Err(e) = write() {
            let _ = fs::remove_file(&tmp);
            return Err(PhotoError::storage("write", &tmp, e));
        }
        Ok(tmp)
    }

    /// The stored original's bytes, checked against their hash first: the vault never hands out
    /// an altered file as if it were the original.
    pub fn read_original(&self, sha256: &str) -> Result<Vec<u8>, PhotoError> {
        let path = self.try_original_path(sha256)?;
        let bytes = fs::read(&path).map_err(|e| self.read_error(sha256, &path, e))?;
        let actual = hex::encode(Sha256::digest(&bytes));
        if actual != sha256 {
            return Err(PhotoError::Altered {
                sha256: sha256.to_string(),
                path,
                actual_sha256: actual,
            });
        }
        Ok(bytes)
    }

    fn read_error(&self, sha256: &str, path: &Path, e: io::Error) -> PhotoError {
        if e.kind() == io::ErrorKind::NotFound {
            PhotoError::Missing {
                sha256: sha256.to_string(),
                path: path.to_path_buf(),
            }
        } else {
            PhotoError::storage("read", path, e)
        }
    }

    /// Re-hash the stored original.
    pub fn check(&self, sha256: &str) -> Integrity {
        let Ok(path) = self.try_original_path(sha256) else {
            return Integrity::Missing;
        };
        match hash_file(&path) {
            Ok((actual, _)) if actual == sha256 => Integrity::Intact,
            Ok((actual_sha256, actual_size)) => Integrity::Altered {
                actual_sha256,
                actual_size,
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => Integrity::Missing,
            Err(e) => Integrity::Unreadable {
                reason: format!("{}: {e}", path.display()),
            },
        }
    }

    /// Every original in the vault (files in tmp/ are not originals), sorted.
    pub fn stored(&self) -> Result<Vec<String>, PhotoError> {
        let list = |dir: &Path| {
            fs::read_dir(dir).map_err(|e| PhotoError::storage("list the folder", dir, e))
        };
        let mut out = Vec::new();
        let fans = match fs::read_dir(&self.originals) {
            // Nothing was ever stored where a read-only vault looks.
            Err(e) if self.read_only && e.kind() == io::ErrorKind::NotFound => return Ok(out),
            other => {
                other.map_err(|e| PhotoError::storage("list the folder", &self.originals, e))?
            }
        };
        for fan in fans {
            let fan =
                fan.map_err(|e| PhotoError::storage("list the folder", &self.originals, e))?;
            let prefix = fan.file_name().to_string_lossy().into_owned();
            let is_fan_out = prefix.len() == 2
                && prefix
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            if !is_fan_out || !fan.path().is_dir() {
                continue;
            }
            for entry in list(&fan.path())? {
                let entry =
                    entry.map_err(|e| PhotoError::storage("list the folder", fan.path(), e))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if is_sha256(&name) && name.starts_with(&prefix) && entry.path().is_file() {
                    out.push(name);
                }
            }
        }
        out.sort();
        Ok(out)
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
        if let Ok(bytes) = fs::read(&cached) {
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
        let _ = self.cache(&cached, &jpeg);
        Ok(Some(jpeg))
    }

    fn thumbnail_path(&self, sha256: &str, max_side: u32) -> PathBuf {
        self.thumbs.join(format!("{sha256}-{max_side}.jpg"))
    }

    fn cache(&self, target: &Path, bytes: &[u8]) -> Result<(), PhotoError> {
        // thumbs/ may have been deleted while we run.
        fs::create_dir_all(&self.thumbs)
            .map_err(|e| PhotoError::storage("create the folder", &self.thumbs, e))?;
        // No fsync: a thumbnail lost or cut short by a crash is detected on read and remade.
        let tmp = self.write_tmp(bytes, false)?;
        rename_over(&tmp, target).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            PhotoError::storage("save the thumbnail", target, e)
        })
    }
}

const IMPORT: &str = "import photos";

#[derive(Debug)]
enum Stored {
    New,
    Already,
    /// An altered file was under the name; it was moved to this path.
    Replaced(PathBuf),
}

/// SHA-256 (hex) and size of a file, streamed.
fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let mut f = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), size))
}

/// Flush a stored original to disk. Windows cannot flush a file opened read-only, and the
/// original is read-only; there, the writer's flush before its rename is what there is.
#[cfg(unix)]
fn sync_file(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

#[cfg(not(unix))]
fn sync_file(_path: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn set_read_only(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o444))
}

#[cfg(not(unix))]
fn set_read_only(path: &Path) -> io::Result<()> {
    let mut perms = fs::metadata(path)?.permissions();
    perms.set_readonly(true);
    fs::set_permissions(path, perms)
}

/// Unix may remove a read-only file; Windows first needs the flag cleared.
fn remove_file_even_read_only(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            #[allow(clippy::permissions_set_readonly_false)]
            if let Ok(meta) = fs::metadata(path) {
                let mut perms = meta.permissions();
                perms.set_readonly(false);
                fs::set_permissions(path, perms)?;
            }
            fs::remove_file(path)
        }
        other => other,
    }
}

/// Rename, replacing `to`. On Windows a read-only target blocks the rename, so it goes first.
fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(windows)]
    if to.exists() {
        remove_file_even_read_only(to)?;
    }
    fs::rename(from, to)
}

/// Make a rename in `dir` durable. Windows has no directory fsync; NTFS journals the rename.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
