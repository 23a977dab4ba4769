//! Shipping documents as the case file holds them (bill of lading, invoice, packing list, ...): a
//! reference to the file by content hash, its type from a closed code list and the number printed
//! on it. The bytes live in the vault beside the photo originals, never here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a document is. Keyed `document_type.<code>` in the label catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    BillOfLading,
    CommercialInvoice,
    PackingList,
    CertificateOfOrigin,
    ExportLicence,
    Other,
}

impl DocumentType {
    pub const ALL: [DocumentType; 6] = [
        DocumentType::BillOfLading,
        DocumentType::CommercialInvoice,
        DocumentType::PackingList,
        DocumentType::CertificateOfOrigin,
        DocumentType::ExportLicence,
        DocumentType::Other,
    ];

    /// `document_type.<type>` in the label catalogue.
    pub fn label_key(self) -> String {
        crate::labels::key("document_type", &self)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Document {
    /// Hex SHA-256 of the file's bytes: its identity within the case and its vault name.
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    pub media_type: String,
    pub file_name: String,
    pub document_type: DocumentType,
    /// The number printed on the document (a B/L or invoice number), as typed.
    pub number: Option<String>,
    pub attached_at: String,
    pub attached_by: String,
    /// Set when excluded: the document stays in the file, marked, with the reason.
    pub excluded: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_keyed_by_their_stored_code() {
        assert_eq!(
            DocumentType::BillOfLading.label_key(),
            "document_type.bill_of_lading"
        );
        assert_eq!(
            serde_json::to_string(&DocumentType::ExportLicence).unwrap(),
            "\"export_licence\""
        );
    }
}
