//! What the case-file PDF is made from: the case, its flags and timeline, and what the caller read
//! for it from the store and the vault (photo pages, signed-event digests, review and custody lines).

use quayside_domain::case::CaseFile;
use quayside_domain::flags::Flag;
use quayside_domain::timeline::TimelineEntry;
use quayside_i18n::Catalogue;
use uuid::Uuid;

/// Everything the case-file PDF shows. The caller reads it from the store and the vault; this
/// crate only lays it out.
#[derive(Debug, Clone)]
pub struct CaseDocument<'a> {
    /// The exporting person's catalogue: headings, labels and codes are worded in its language;
    /// names and values are printed as recorded, and the manifest is the same in every language.
    pub words: &'static Catalogue,
    pub case: &'a CaseFile,
    pub flags: &'a [Flag],
    pub timeline: &'a [TimelineEntry],
    /// One per `case.photos` entry, in the same order.
    pub photos: Vec<PhotoPage>,
    /// Every signed event of the case, in timeline order.
    pub events: Vec<EventDigest>,
    /// Label/value lines describing the review state (may be empty), worded in `words`' language.
    pub review: Vec<(String, String)>,
    /// Custody lines, worded in `words`' language; when empty the PDF says there are none.
    pub custody: Vec<String>,
    /// RFC 3339; this crate has no clock.
    pub generated_at: String,
    pub generated_by: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhotoPage {
    pub sha256: String,
    pub file_name: String,
    pub caption: Option<String>,
    pub excluded: Option<String>,
    pub size: u64,
    pub media_type: String,
    pub attached_at: String,
    pub attached_by: String,
    /// A JPEG rendition (thumbnail) to embed, when one exists. Embedded as it is (no re-encoding).
    pub jpeg: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventDigest {
    pub event_id: Uuid,
    pub device_id: Uuid,
    pub device_seq: u64,
    /// Lowercase hex SHA-256 of the signed event body (the exact bytes the signature covers).
    pub sha256: String,
}
