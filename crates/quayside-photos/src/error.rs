//! Every message names the file (or the vault path) and says what the person can do about it.

use std::io;
use std::path::PathBuf;

use crate::media::MediaType;

#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("{file} is empty (0 bytes), so it is not a photo. Nothing was stored; check that copying it from the camera or card finished.")]
    Empty { file: String },

    #[error("{file} is not a JPEG, PNG, HEIC, TIFF or WebP image (its content is something else, whatever its name says). Nothing was stored; choose the photo file itself.")]
    NotAnImage { file: String },

    #[error("{file} is {} ({size} bytes), over the {} limit for one photo. Nothing was stored; check that this is the right file (a camera photo is far smaller).", human_bytes(*.size), human_bytes(*.limit))]
    TooLarge { file: String, size: u64, limit: u64 },

    #[error("{file} declares {width} x {height} pixels ({} megapixels), over the {} megapixel limit: it is damaged or made to exhaust memory. Nothing was stored.", megapixels(*.width, *.height), .limit / 1_000_000)]
    TooManyPixels {
        file: String,
        width: u32,
        height: u32,
        limit: u64,
    },

    #[error("{file} is a damaged or incomplete {} image ({detail}). Nothing was stored; copy the photo again from the camera or card.", .media_type.label())]
    Corrupt {
        file: String,
        media_type: MediaType,
        detail: String,
    },

    #[error("{file} is empty (0 bytes), so it is not a document. Nothing was stored; check that saving or scanning it finished.")]
    DocumentEmpty { file: String },

    #[error("{file} is not a PDF, JPEG, PNG or TIFF file (its content is something else, whatever its name says). Nothing was stored; save or scan the document as a PDF or an image and attach that.")]
    NotADocument { file: String },

    #[error("{file} is a PDF cut short: it does not end as a PDF does. Nothing was stored; save or download the document again and attach the whole file.")]
    DocumentCutShort { file: String },

    #[error("{file} is {} ({size} bytes), over the {} limit for one document. Nothing was stored; scan it at a lower resolution or in black and white, or split it into several files.", human_bytes(*.size), human_bytes(*.limit))]
    DocumentTooLarge { file: String, size: u64, limit: u64 },

    #[error("{file} could not be read ({source}). Nothing was stored; check that the file still exists and that you may open it.")]
    Unreadable {
        file: String,
        #[source]
        source: io::Error,
    },

    #[error("The photo received as {expected} hashes to {actual}: it was damaged on the way. Nothing was stored; it is fetched again on the next sync.")]
    ReceivedDamaged { expected: String, actual: String },

    #[error("{given:?} is not a photo hash (64 lowercase hex digits), so it names no photo in the vault.")]
    InvalidHash { given: String },

    #[error(
        "A thumbnail side of {max_side} pixels is not possible: ask for 1 to {} pixels.",
        crate::MAX_THUMBNAIL_SIDE
    )]
    InvalidThumbnailSize { max_side: u32 },

    #[error("The original of photo {sha256} is missing from the vault ({}). Restore the vault from a backup, or attach the photo again from its source.", .path.display())]
    Missing { sha256: String, path: PathBuf },

    #[error("The original of photo {sha256} at {} has been altered: its content now hashes to {actual_sha256}. Attach the original again from its source (the altered copy is then kept aside for examination) or restore the vault from a backup.", .path.display())]
    Altered {
        sha256: String,
        path: PathBuf,
        actual_sha256: String,
    },

    #[error("The original of photo {sha256} at {} fails its seal check: it was altered, cut short, or replaced by a file sealed elsewhere or not sealed at all. Attach the original again from its source (the damaged copy is then kept aside for examination) or restore the vault from a backup.", .path.display())]
    SealBroken { sha256: String, path: PathBuf },

    #[error("The photo vault in {} is sealed with another key than the one given: nothing was read or changed. Unlock with this device's own passphrase or recovery key.", .path.display())]
    WrongKey { path: PathBuf },

    #[error("Cannot {action}: this vault was opened read-only, to check it without writing anything. Open it normally to {action}.")]
    ReadOnly { action: &'static str },

    #[error("Could not {action} {}: {source}. Check that the disk has free space and that the app may write to its data folder.", .path.display())]
    Storage {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl PhotoError {
    pub(crate) fn storage(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: io::Error,
    ) -> Self {
        PhotoError::Storage {
            action,
            path: path.into(),
            source,
        }
    }

    pub(crate) fn corrupt(file: &str, media_type: MediaType, detail: impl ToString) -> Self {
        PhotoError::Corrupt {
            file: file.to_string(),
            media_type,
            detail: detail.to_string(),
        }
    }
}

fn megapixels(width: u32, height: u32) -> String {
    format!("{:.0}", width as f64 * height as f64 / 1e6)
}

/// "2.4 MB", "100 MB", "812 bytes": megabytes of 1024 x 1024, as file managers show them.
pub(crate) fn human_bytes(n: u64) -> String {
    const KB: f64 = 1024.0;
    const MB: f64 = 1024.0 * 1024.0;
    let x = n as f64;
    if n < 1024 {
        format!("{n} bytes")
    } else if x < MB {
        format!("{:.1} KB", x / KB)
    } else if n.is_multiple_of(1024 * 1024) {
        format!("{} MB", n / (1024 * 1024))
    } else {
        format!("{:.1} MB", x / MB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_bytes(812), "812 bytes");
        assert_eq!(human_bytes(2048), "2.0 KB");
        assert_eq!(human_bytes(100 * 1024 * 1024), "100 MB");
        assert_eq!(human_bytes(200 * 1024 * 1024 + 1), "200.0 MB");
    }
}
