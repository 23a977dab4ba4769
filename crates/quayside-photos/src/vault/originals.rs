//! Stored originals as they are now: reading one (only if its seal holds and its plaintext still
//! hashes to its name), re-hashing one to report its integrity, and listing every original in the
//! vault.

use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::sealed::{original_context, read_all, read_plain, ReadFailure};
use super::Vault;
use crate::{is_sha256, PhotoError};

/// The state of one stored original, from re-hashing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Integrity {
    Intact,
    /// No file by that name (also the answer for a text that is not a hash).
    Missing,
    /// Its plaintext hashes to something else (an altered file an older, unsealed version kept,
    /// sealed as it was found).
    Altered {
        actual_sha256: String,
        actual_size: u64,
    },
    /// The sealed file does not open: it was altered, cut short, swapped for another sealed file
    /// or replaced by an unsealed one. Its content cannot be known, let alone trusted.
    SealBroken,
    /// Something is under that name but reading it failed (permissions, a folder in its place,
    /// a disk error): the original cannot be produced, but nothing says it was changed.
    Unreadable {
        reason: String,
    },
}

impl Vault {
    /// The stored original's bytes, checked against their hash first: the vault never hands out
    /// an altered file as if it were the original.
    pub fn read_original(&self, sha256: &str) -> Result<Vec<u8>, PhotoError> {
        let path = self.try_original_path(sha256)?;
        let bytes = read_all(self, &path, &original_context(sha256)).map_err(|f| match f {
            ReadFailure::Io(e) => self.read_error(sha256, &path, e),
            ReadFailure::Broken => PhotoError::SealBroken {
                sha256: sha256.to_string(),
                path: path.clone(),
            },
        })?;
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

    /// Open the stored original's seal and re-hash its plaintext.
    pub fn check(&self, sha256: &str) -> Integrity {
        let Ok(path) = self.try_original_path(sha256) else {
            return Integrity::Missing;
        };
        match self.hash_original(sha256, &path) {
            Ok((actual, _)) if actual == sha256 => Integrity::Intact,
            Ok((actual_sha256, actual_size)) => Integrity::Altered {
                actual_sha256,
                actual_size,
            },
            Err(ReadFailure::Broken) => Integrity::SealBroken,
            Err(ReadFailure::Io(e)) if e.kind() == io::ErrorKind::NotFound => Integrity::Missing,
            Err(ReadFailure::Io(e)) => Integrity::Unreadable {
                reason: format!("{}: {e}", path.display()),
            },
        }
    }

    /// SHA-256 (hex) and size of the plaintext of the original at `path`, streamed: an original
    /// may be far larger than is worth holding in memory just to check it.
    pub(super) fn hash_original(
        &self,
        sha256: &str,
        path: &Path,
    ) -> Result<(String, u64), ReadFailure> {
        let mut hasher = Sha256::new();
        let size = read_plain(self, path, &original_context(sha256), |chunk| {
            hasher.update(chunk)
        })?;
        Ok((hex::encode(hasher.finalize()), size))
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
}
