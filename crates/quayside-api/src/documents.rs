//! Shipping documents: attaching a PDF or scan to a case with its type and number (vault first,
//! then the event, as for photos), and excluding one with a reason.

use std::path::Path;

use quayside_domain::case::CaseFile;
use quayside_domain::document::{Document, DocumentType};
use quayside_domain::event::Payload;
use quayside_domain::photo::is_sha256;
use quayside_domain::values::parse_text;
use quayside_i18n::Message;
use quayside_photos::PhotoError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{photo_error, ApiError, ErrorCode};
use crate::files::{clean_file_name, read_picked};
use crate::guards::{editable, reason_text};
use crate::types::CaseView;
use crate::Api;

/// A document number is a reference printed on the paper, not prose.
const MAX_NUMBER_CHARS: usize = 100;

/// One document to attach, as the UI sends it: the case, name, type and number as arguments, the
/// file's bytes beside them (`Api::dispatch_with_bytes`), raw.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AttachDocumentArgs {
    pub case_id: Uuid,
    /// The name the file had where it was picked; any folder part is dropped.
    pub file_name: String,
    pub document_type: DocumentType,
    /// The number printed on the document; empty when it has none.
    pub number: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AttachedDocument {
    pub file_name: String,
    pub sha256: String,
    /// The same bytes were already a document of this case: nothing recorded.
    pub already_attached: bool,
    pub case: CaseView,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExcludeDocumentArgs {
    pub case_id: Uuid,
    pub sha256: String,
    pub reason: String,
}

fn document_of<'a>(case: &'a CaseFile, sha256: &str) -> Result<&'a Document, ApiError> {
    case.documents
        .iter()
        .find(|d| d.sha256 == sha256)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, Message::new("error.no_such_document")))
}

impl Api {
    /// Attach one document to a case. Its bytes are checked (content, size) and stored in the
    /// vault first; the event is appended after, so a crash in between leaves an unreferenced
    /// file, never a missing one. A refusal writes nothing.
    pub fn attach_document(
        &self,
        case_id: Uuid,
        file_name: &str,
        document_type: DocumentType,
        number: &str,
        bytes: &[u8],
    ) -> Result<AttachedDocument, ApiError> {
        let file_name = clean_file_name(file_name)?;
        let number = parse_text(number, MAX_NUMBER_CHARS).map_err(ApiError::from)?;
        let number = (!number.is_empty()).then_some(number);
        let author = self.author()?;
        {
            let store = self.store();
            let (case, _) = store.case(case_id)?;
            editable(&case)?;
        }
        let imported = self
            .vault()
            .import_document(&file_name, bytes)
            .map_err(|e| photo_error(ErrorCode::InvalidInput, e))?;
        let already_attached = {
            let mut store = self.store();
            let (case, _) = store.case(case_id)?;
            // Checked again under the lock: the case may have changed while the file was stored.
            editable(&case)?;
            let already = case.documents.iter().any(|d| d.sha256 == imported.sha256);
            if !already {
                store.append(
                    &author,
                    case_id,
                    Payload::DocumentAttached {
                        sha256: imported.sha256.clone(),
                        size: imported.size,
                        media_type: imported.media_type.as_str().to_string(),
                        file_name: file_name.clone(),
                        document_type,
                        number,
                    },
                )?;
            }
            already
        };
        self.nudge();
        Ok(AttachedDocument {
            file_name,
            sha256: imported.sha256,
            already_attached,
            case: self.view(case_id)?,
        })
    }

    /// Attach a document the person picked in the system's Open dialog, read from its path here.
    /// A file over the document limit is refused from its size alone, before a byte is read.
    pub fn attach_document_file(
        &self,
        case_id: Uuid,
        path: &Path,
        document_type: DocumentType,
        number: &str,
    ) -> Result<AttachedDocument, ApiError> {
        let limit = self.vault().limits().max_document_bytes;
        let (file_name, bytes) = read_picked(path, limit, |file, size| {
            photo_error(
                ErrorCode::InvalidInput,
                PhotoError::DocumentTooLarge { file, size, limit },
            )
        })?;
        self.attach_document(case_id, &file_name, document_type, number, &bytes)
    }

    /// The `attach_document` command: the bytes sent beside the arguments.
    pub(crate) fn attach_sent_document(
        &self,
        args: AttachDocumentArgs,
        bytes: &[u8],
    ) -> Result<AttachedDocument, ApiError> {
        self.attach_document(
            args.case_id,
            &args.file_name,
            args.document_type,
            &args.number,
            bytes,
        )
    }

    pub(crate) fn exclude_document(&self, args: ExcludeDocumentArgs) -> Result<CaseView, ApiError> {
        if !is_sha256(&args.sha256) {
            return Err(ApiError::new(
                ErrorCode::InvalidRequest,
                Message::new("error.not_a_photo_hash").text("text", args.sha256),
            ));
        }
        let reason = reason_text(&args.reason)?;
        let sha256 = args.sha256;
        self.change_case(args.case_id, |store, case, author| {
            if document_of(case, &sha256)?.excluded.is_some() {
                return Err(ApiError::new(
                    ErrorCode::Refused,
                    Message::new("error.document_already_excluded"),
                ));
            }
            store.append(
                author,
                args.case_id,
                Payload::DocumentExcluded { sha256, reason },
            )?;
            Ok(())
        })
    }
}
