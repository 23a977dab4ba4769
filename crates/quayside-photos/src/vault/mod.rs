//! The vault on disk, and the `Vault` type that opens it and names its paths:
//! - `vault/ab/abcdef...`: originals, named by the SHA-256 of their bytes, read-only, never modified;
//! - `vault/tmp/`: files being written; whatever is there at open is a crashed write and is removed;
//! - `vault/altered/`: altered copies found under an original's name, kept when the original is
//!   imported again;
//! - `thumbs/{sha256}-{max_side}.jpg`: derived thumbnails, which may be deleted at any time; made
//!   only from bytes that hash to the name, and removed when an altered file is set aside.
//!
//! What the vault does with those paths lives in the submodules: `import` (checking and storing
//! new originals), `originals` (reading, checking and listing them), `renditions` (thumbnails)
//! and `durable` (flushing, renaming and protecting files on each platform).

mod durable;
mod import;
mod originals;
mod renditions;

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::{is_sha256, Limits, PhotoError};

pub use import::Imported;
pub use originals::Integrity;

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
                durable::remove_file_even_read_only(&path)
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

    /// A new file in tmp/ holding `bytes`, fsynced if `durable`. Its name is unique across
    /// processes and threads, so concurrent writers never share one.
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
}
