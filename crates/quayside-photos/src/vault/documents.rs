//! Shipping documents (a bill of lading, an invoice, a licence): PDFs and scans, stored beside
//! photo originals under the SHA-256 of their bytes, sealed and written the same way (`store`),
//! so sync, the vault check and the bundle treat both alike. A document is checked by its first
//! bytes (never its name) and its size before a byte is written; it is not decoded.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::import::Stored;
use super::Vault;
use crate::PhotoError;

/// The action a read-only vault refuses, in its message.
const IMPORT: &str = "import documents";

/// What a document file is, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum DocumentMedia {
    #[serde(rename = "application/pdf")]
    Pdf,
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/tiff")]
    Tiff,
}

impl DocumentMedia {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentMedia::Pdf => "application/pdf",
            DocumentMedia::Jpeg => "image/jpeg",
            DocumentMedia::Png => "image/png",
            DocumentMedia::Tiff => "image/tiff",
        }
    }

    /// By magic bytes, or None for anything else (an empty file, a Word file, a ZIP, ...).
    pub fn sniff(bytes: &[u8]) -> Option<DocumentMedia> {
        if bytes.starts_with(b"%PDF-") {
            Some(DocumentMedia::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(DocumentMedia::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(DocumentMedia::Png)
        } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
            Some(DocumentMedia::Tiff)
        } else {
            None
        }
    }
}

/// What storing one document found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportedDocument {
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    pub media_type: DocumentMedia,
    /// The same bytes were already in the vault (as a document or a photo): nothing was written.
    pub already_stored: bool,
}

/// How far from its end a PDF's last `%%EOF` may be: writers add a line end or a few bytes after
/// it, never much more.
const PDF_TAIL: usize = 1024;

impl Vault {
    /// Check one document's bytes (not empty, within the size limit, a PDF, JPEG, PNG or TIFF by
    /// its content, a PDF whole to its end) and store them unchanged under their hash. On any
    /// refusal nothing is written.
    pub fn import_document(
        &self,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<ImportedDocument, PhotoError> {
        self.writable(IMPORT)?;
        let file = file_name.to_string();
        let size = bytes.len() as u64;
        if size == 0 {
            return Err(PhotoError::DocumentEmpty { file });
        }
        self.refuse_document_too_large(file_name, size)?;
        let media_type =
            DocumentMedia::sniff(bytes).ok_or(PhotoError::NotADocument { file: file.clone() })?;
        if media_type == DocumentMedia::Pdf {
            let tail = &bytes[bytes.len().saturating_sub(PDF_TAIL)..];
            if !tail.windows(5).any(|w| w == b"%%EOF") {
                return Err(PhotoError::DocumentCutShort { file });
            }
        }
        let sha256 = hex::encode(Sha256::digest(bytes));
        let stored = self.store(&sha256, bytes)?;
        Ok(ImportedDocument {
            sha256,
            size,
            media_type,
            already_stored: matches!(stored, Stored::Already),
        })
    }

    /// A document over the limit is refused by its size alone, before it is read.
    pub fn refuse_document_too_large(&self, file: &str, size: u64) -> Result<(), PhotoError> {
        let limit = self.limits.max_document_bytes;
        if size > limit {
            return Err(PhotoError::DocumentTooLarge {
                file: file.to_string(),
                size,
                limit,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_documents_by_content() {
        assert_eq!(
            DocumentMedia::sniff(b"%PDF-1.7\n"),
            Some(DocumentMedia::Pdf)
        );
        assert_eq!(
            DocumentMedia::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(DocumentMedia::Jpeg)
        );
        assert_eq!(
            DocumentMedia::sniff(b"\x89PNG\r\n\x1a\n"),
            Some(DocumentMedia::Png)
        );
        assert_eq!(
            DocumentMedia::sniff(b"II*\0\x08\0\0\0"),
            Some(DocumentMedia::Tiff)
        );
        assert_eq!(
            DocumentMedia::sniff(b"MM\0*\0\0\0\x08"),
            Some(DocumentMedia::Tiff)
        );
        assert_eq!(DocumentMedia::sniff(b"PK\x03\x04"), None);
        assert_eq!(DocumentMedia::sniff(b"%PD"), None);
        assert_eq!(DocumentMedia::sniff(b""), None);
        assert_eq!(
            serde_json::to_string(&DocumentMedia::Pdf).unwrap(),
            "\"application/pdf\""
        );
    }
}
