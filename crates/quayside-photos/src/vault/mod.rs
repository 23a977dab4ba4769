//! The vault on disk, and the `Vault` type that opens it and names its paths. Every file in it is
//! sealed with the device's file key (see `sealed`); names are hashes of the plaintext:
//! - `vault/ab/abcdef...`: originals, named by the SHA-256 of their plaintext, read-only, never
//!   modified;
//! - `vault/key-check`: a short sealed file that tells a wrong key at open, written once every
//!   file in the vault is sealed;
//! - `vault/tmp/`: files being written; whatever is there at open is a crashed write and is removed;
//! - `vault/altered/`: altered copies found under an original's name, kept when the original is
//!   imported again;
//! - `thumbs/{sha256}-{max_side}.jpg`: derived thumbnails, which may be deleted at any time; made
//!   only from bytes that hash to the name, and removed when an altered file is set aside.
//!
//! What the vault does with those paths lives in the submodules: `import` (checking and storing
//! new originals), `documents` (checking and storing shipping documents, kept as originals are), `originals` (reading, checking and listing them), `renditions` (thumbnails),
//! `sealed` (contexts, reading sealed files, the key check and sealing an older plaintext vault)
//! and `durable` (private folders and files, flushing, renaming and protecting files on each
//! platform).

mod documents;
mod durable;
mod import;
mod originals;
mod renditions;
mod sealed;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use quayside_keys::{FileKey, SealWriter};

use crate::{is_sha256, Limits, PhotoError};

pub use documents::{DocumentMedia, ImportedDocument};
pub use import::Imported;
pub use originals::Integrity;

#[derive(Debug, Clone)]
pub struct Vault {
    originals: PathBuf,
    tmp: PathBuf,
    thumbs: PathBuf,
    limits: Limits,
    /// Seals every file the vault writes and opens every file it reads.
    key: FileKey,
    /// Opened by [`Vault::open_read_only`]: nothing is created, written or removed.
    read_only: bool,
}

impl Vault {
    /// Open (creating if needed) the vault under `data_dir` with the device's file key, removing
    /// unfinished writes and sealing anything an older version left in plaintext. A key the vault
    /// was not sealed with is refused ([`PhotoError::WrongKey`]) before anything is changed.
    pub fn open(data_dir: &Path, key: FileKey) -> Result<Vault, PhotoError> {
        Vault::open_with_limits(data_dir, Limits::default(), key)
    }

    pub fn open_with_limits(
        data_dir: &Path,
        limits: Limits,
        key: FileKey,
    ) -> Result<Vault, PhotoError> {
        let vault = Vault::at(data_dir, limits, key, false);
        // The data folder itself is the app's (and the store's), but the vault is made private
        // even when it opens first.
        durable::create_private_dir_all(data_dir)
            .map_err(|e| PhotoError::storage("create the folder", data_dir, e))?;
        for dir in [&vault.originals, &vault.tmp, &vault.thumbs] {
            durable::create_private_dir_all(dir)
                .map_err(|e| PhotoError::storage("create the folder", dir, e))?;
        }
        let fully_sealed = vault.verify_key()?;
        // A file here is a write that never reached its rename (a crash): it names nothing.
        let entries = fs::read_dir(&vault.tmp)
            .map_err(|e| PhotoError::storage("list the folder", &vault.tmp, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| PhotoError::storage("list the folder", &vault.tmp, e))?;
            let path = entry.path();
            let removed = if entry.file_type().is_ok_and(|t| t.is_dir()) {
                fs::remove_dir_all(&path)
            } else {
                durable::remove_file_even_read_only(&path)
            };
            match removed {
                // Another process opening the vault removed it first.
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                other => other
                    .map_err(|e| PhotoError::storage("remove the unfinished file", &path, e))?,
            }
        }
        if !fully_sealed {
            vault.seal_plaintext_files()?;
            vault.write_key_check()?;
        }
        Ok(vault)
    }

    /// Open the vault under `data_dir` for checking only: no folder is created, nothing in
    /// `tmp/` is removed, nothing is sealed, and `import` and `thumbnail` are refused. `check`,
    /// `read_original` and `stored` work, on originals an older version left in plaintext too; a
    /// vault folder that does not exist simply holds no originals. A wrong key is refused as by
    /// [`Vault::open`].
    pub fn open_read_only(data_dir: &Path, key: FileKey) -> Result<Vault, PhotoError> {
        let vault = Vault::at(data_dir, Limits::default(), key, true);
        vault.verify_key()?;
        Ok(vault)
    }

    fn at(data_dir: &Path, limits: Limits, key: FileKey, read_only: bool) -> Vault {
        Vault {
            originals: data_dir.join("vault"),
            tmp: data_dir.join("vault").join("tmp"),
            thumbs: data_dir.join("thumbs"),
            limits,
            key,
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

    /// A name in tmp/ that is unique across processes and threads, so concurrent writers never
    /// share one.
    fn tmp_path(&self) -> PathBuf {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        self.tmp.join(format!(
            "{}-{}-{}.part",
            std::process::id(),
            nanos,
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ))
    }

    /// A new private file in tmp/ holding `bytes` sealed under `context` (the context of the file
    /// it will be renamed to), fsynced if `durable`. Plaintext never reaches the disk.
    fn write_tmp(
        &self,
        context: &[u8],
        bytes: &[u8],
        durable: bool,
    ) -> Result<PathBuf, PhotoError> {
        let tmp = self.tmp_path();
        let write = || -> io::Result<()> {
            let file = durable::create_private_file(&tmp)?;
            let mut writer = SealWriter::new(&self.key, context, file)?;
            io::Write::write_all(&mut writer, bytes)?;
            let file = writer.finish()?;
            if durable {
                file.sync_all()?;
            }
            Ok(())
        };
        if let Err(e) = write() {
            let _ = fs::remove_file(&tmp);
            return Err(PhotoError::storage("write", &tmp, e));
        }
        Ok(tmp)
    }
}
