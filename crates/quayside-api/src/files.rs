//! Files picked to attach (a photo, a document): the name to record and the bytes, read only
//! within a size limit. Files the exports write: a name no file system refuses, written whole or not at all and never
//! over an older file, and what the person is told about the file written. An export waiting in
//! the data folder for the Save dialog is sealed with the file key; the dialog's choice gets it in
//! clear, whole or not at all.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;
use uuid::Uuid;

use quayside_domain::values::parse_text;
use quayside_i18n::Message;

use crate::error::{ApiError, ErrorCode};
use crate::Api;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ExportedFile {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Hex SHA-256 of the file as written.
    pub sha256: String,
    /// The label key of the note shown with the file: it holds personal data (`export.personal_data`).
    pub notice_key: String,
}

/// The file's own name, without any folder, checked like any other text.
pub(crate) fn clean_file_name(name: &str) -> Result<String, ApiError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    // An import names each file it reports on, so the refusal needs no "file name" of its own.
    let base = parse_text(base, MAX_FILE_NAME_CHARS).map_err(ApiError::from)?;
    if base.is_empty() || base.contains('\n') {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            Message::new("error.file_no_name"),
        ));
    }
    Ok(base)
}

const MAX_FILE_NAME_CHARS: usize = 255;

/// The name and bytes of a file the person picked, read from its path so its bytes never pass
/// through the web view. A file over `limit` is refused by `too_large` (its name and size) from its
/// size alone, before any byte is read; reading stops one byte past the limit in case the file
/// grows in between.
pub(crate) fn read_picked(
    path: &Path,
    limit: u64,
    too_large: impl Fn(String, u64) -> ApiError,
) -> Result<(String, Vec<u8>), ApiError> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unreadable = |reason: String| {
        ApiError::new(
            ErrorCode::InvalidInput,
            Message::new("photos.unreadable")
                .text("file", file_name.clone())
                .text("reason", reason),
        )
    };
    let file = std::fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let meta = file.metadata().map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_file() {
        // A folder, a device or a pipe: reading one would hang or mean nothing.
        return Err(unreadable("not a file".into()));
    }
    if meta.len() > limit {
        return Err(too_large(file_name, meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(file_name, bytes.len() as u64));
    }
    Ok((file_name, bytes))
}

/// A file name part that no file system refuses: letters, digits, dashes and dots only.
pub(crate) fn file_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Write `bytes` as `dir/stem.ext` (or `stem (2).ext`, ... when taken): to a temporary file of
/// its own first, synced, then linked under the final name, which fails rather than replace a file
/// that is there, so a crash leaves no half file and no export ever overwrites another.
fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<ExportedFile, ApiError> {
    let cannot = |e: std::io::Error| {
        ApiError::new(
            ErrorCode::StorageUnavailable,
            quayside_i18n::Message::new("error.export_not_saved")
                .text("folder", dir.display().to_string())
                .text("detail", e.to_string()),
        )
    };
    create_export_dir(dir).map_err(cannot)?;
    let tmp = dir.join(format!(".{}.partial", Uuid::now_v7()));
    let written = (|| {
        // Owner-only from its first byte (0600 on Unix); the link below keeps the mode. On Windows
        // the file inherits the folder's ACL: the person's documents or app data folder.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(cannot(e));
    }
    let mut n = 1;
    let path = loop {
        let path = match n {
            1 => dir.join(format!("{stem}.{ext}")),
            n => dir.join(format!("{stem} ({n}).{ext}")),
        };
        match std::fs::hard_link(&tmp, &path) {
            Ok(()) => break path,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            // A file system without hard links (a FAT memory stick): rename, checked first.
            Err(_) if !path.exists() => match std::fs::rename(&tmp, &path) {
                Ok(()) => break path,
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(cannot(e));
                }
            },
            Err(_) if n < 1000 => n += 1,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(cannot(e));
            }
        }
    };
    let _ = std::fs::remove_file(&tmp);
    Ok(ExportedFile {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
        sha256: hex::encode(Sha256::digest(bytes)),
        notice_key: quayside_domain::labels::notice::EXPORT_PERSONAL_DATA.to_string(),
    })
}

/// Make the exports folder if missing: a folder this makes is owner-only (0700 on Unix); one that
/// is there is left as the person set it.
fn create_export_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// What an export waiting in the data folder is sealed under.
const WAITING_EXPORT: &[u8] = b"quayside export waiting for its destination v1";

impl Api {
    /// Write an export's `bytes` as `stem.ext`. To a folder set for exports (a kiosk's), as they
    /// are. To the data folder's own `exports/`, where they wait for the Save dialog, sealed: a
    /// case file waiting there, or left by a crash, gives whoever takes the device nothing. The
    /// size and fingerprint answered are the export's own.
    pub(crate) fn write_export(
        &self,
        stem: &str,
        ext: &str,
        bytes: &[u8],
    ) -> Result<ExportedFile, ApiError> {
        let dir = self.export_dir();
        if self.exports.get().is_some() {
            return write_new(&dir, stem, ext, bytes);
        }
        let key = self.data_key()?.file_key();
        let sealed = quayside_keys::seal(&key, WAITING_EXPORT, bytes);
        Ok(ExportedFile {
            bytes: bytes.len() as u64,
            sha256: hex::encode(Sha256::digest(bytes)),
            ..write_new(&dir, stem, ext, &sealed)?
        })
    }

    /// Remove what waits in the data folder's `exports/`: at the first unlock no Save dialog is
    /// open, so anything there was left by a crash (or by an older version, in clear).
    pub(crate) fn clear_waiting_exports(&self) {
        if self.exports.get().is_some() {
            return;
        }
        let Ok(entries) = std::fs::read_dir(self.export_dir()) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Move a file an export just wrote to `destination`, the path the person chose in a Save
    /// dialog (who confirmed replacing a file there). Only a file of the exports folder moves, so a
    /// forged `written` cannot carry another file away. A rename where the file system allows,
    /// else a synced copy renamed into place; the fingerprint is checked before the export is
    /// removed, so an interrupted move leaves the export where it was and no half file.
    pub fn save_export_as(
        &self,
        written: &ExportedFile,
        destination: &Path,
    ) -> Result<ExportedFile, ApiError> {
        let source = self.own_export(written)?;
        let folder = destination.parent().unwrap_or(Path::new("."));
        let cannot = |e: std::io::Error| {
            ApiError::new(
                ErrorCode::StorageUnavailable,
                quayside_i18n::Message::new("error.export_not_saved")
                    .text("folder", folder.display().to_string())
                    .text("detail", e.to_string()),
            )
        };
        if destination.file_name().is_none() || !destination.is_absolute() {
            return Err(cannot(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the Save dialog gave no file name",
            )));
        }
        // A sealed export is opened into place; one in clear is renamed where the file system
        // allows, else copied.
        let sealed = self.exports.get().is_none();
        if sealed || std::fs::rename(&source, destination).is_err() {
            // Written beside the target, synced, renamed.
            let tmp = folder.join(format!(".{}.partial", Uuid::now_v7()));
            let copied = (|| {
                let mut bytes = std::fs::read(&source)?;
                if sealed {
                    let key = self
                        .data_key()
                        .map_err(|e| std::io::Error::other(e.message))?;
                    bytes = quayside_keys::open(&key.file_key(), WAITING_EXPORT, &bytes)
                        .map_err(std::io::Error::other)?;
                }
                if hex::encode(Sha256::digest(&bytes)) != written.sha256 {
                    return Err(std::io::Error::other(
                        "the export changed after it was written",
                    ));
                }
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(&tmp)?;
                file.write_all(&bytes)?;
                file.sync_all()?;
                std::fs::rename(&tmp, destination)
            })();
            if let Err(e) = copied {
                let _ = std::fs::remove_file(&tmp);
                return Err(cannot(e));
            }
            let _ = std::fs::remove_file(&source);
        }
        Ok(ExportedFile {
            path: destination.display().to_string(),
            ..written.clone()
        })
    }

    /// Remove a file an export just wrote, when the person cancels its Save dialog: nothing of it
    /// stays behind. Only a file of the exports folder is removed.
    pub fn discard_export(&self, written: &ExportedFile) -> Result<(), ApiError> {
        let source = self.own_export(written)?;
        std::fs::remove_file(&source).map_err(|e| {
            ApiError::new(
                ErrorCode::StorageUnavailable,
                quayside_i18n::Message::new("error.export_not_saved")
                    .text("folder", self.export_dir().display().to_string())
                    .text("detail", e.to_string()),
            )
        })
    }

    /// `written`'s path, if it names a file directly in the exports folder.
    fn own_export(&self, written: &ExportedFile) -> Result<PathBuf, ApiError> {
        let path = PathBuf::from(&written.path);
        let folder = self.export_dir();
        let inside = match (
            path.parent().map(std::fs::canonicalize),
            folder.canonicalize(),
        ) {
            (Some(Ok(parent)), Ok(folder)) => parent == folder && path.is_file(),
            _ => false,
        };
        if inside {
            Ok(path)
        } else {
            Err(ApiError::new(
                ErrorCode::InvalidRequest,
                quayside_i18n::Message::new("error.malformed_request")
                    .text("detail", "the file is not an export of this app"),
            ))
        }
    }

    /// The exports folder: the one the app set, else `exports/` in the data folder.
    pub fn export_dir(&self) -> PathBuf {
        self.exports.get().cloned().unwrap_or_else(|| {
            self.store()
                .path()
                .parent()
                .map(|p| p.join("exports"))
                .unwrap_or_default()
        })
    }
}
