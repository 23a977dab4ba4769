//! Checks shared by the handlers: who is recording, whether a case or an entry may still change,
//! and what a reason must be, and which photo a hash names. Every change to a case goes through [`Api::change_case`].

use quayside_domain::case::{CaseFile, Item};
use quayside_domain::event::Author;
use quayside_domain::fields::Section;
use quayside_domain::photo::{is_sha256, Photo};
use quayside_domain::state::CaseState;
use quayside_i18n::Message;
use quayside_store::Store;
use uuid::Uuid;

use crate::error::{ApiError, ErrorCode};
use crate::types::CaseView;
use crate::Api;

const MAX_REASON_CHARS: usize = 1000;

/// An entry of the case, withdrawn or not (in `section`, when given).
pub(crate) fn entry(
    case: &CaseFile,
    id: Uuid,
    section: Option<Section>,
) -> Result<&Item, ApiError> {
    case.items
        .iter()
        .find(|i| i.id == id && section.is_none_or(|s| s == i.section))
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                Message::new("error.no_such_entry").text("id", id.to_string()),
            )
        })
}

/// An entry of the case that has not been withdrawn (and is in `section`, when given).
pub(crate) fn live_item(
    case: &CaseFile,
    id: Uuid,
    section: Option<Section>,
) -> Result<&Item, ApiError> {
    let item = entry(case, id, section)?;
    if item.withdrawn.is_some() {
        return Err(ApiError::new(
            ErrorCode::Refused,
            Message::new("error.entry_withdrawn"),
        ));
    }
    Ok(item)
}

/// An entry of the case that was withdrawn: the only kind a restore takes back.
pub(crate) fn withdrawn_item(case: &CaseFile, id: Uuid) -> Result<&Item, ApiError> {
    let item = entry(case, id, None)?;
    if item.withdrawn.is_none() {
        return Err(ApiError::new(
            ErrorCode::Refused,
            Message::new("error.entry_not_withdrawn"),
        ));
    }
    Ok(item)
}

/// Refuse edits to a withdrawn case (it stays as it was when withdrawn, until reopened) and to a
/// closed one (read-only for good).
pub(crate) fn editable(case: &CaseFile) -> Result<(), ApiError> {
    match case.state() {
        CaseState::Withdrawn => Err(ApiError::new(
            ErrorCode::Refused,
            Message::new("error.case_withdrawn"),
        )),
        CaseState::Closed => Err(closed()),
        _ => Ok(()),
    }
}

pub(crate) fn closed() -> ApiError {
    ApiError::new(ErrorCode::Refused, Message::new("error.case_closed"))
}

pub(crate) fn reason_text(reason: &str) -> Result<String, ApiError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            Message::new("error.reason_empty"),
        ));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            Message::new("error.reason_too_long").number("max", MAX_REASON_CHARS as f64),
        ));
    }
    Ok(reason.to_string())
}

impl Api {
    /// The signed-in person: the author of every event recorded now.
    pub(crate) fn author(&self) -> Result<Author, ApiError> {
        let person = self.person()?;
        Ok(Author {
            name: person.name,
            role: serde_json::from_value(serde_json::Value::String(person.role)).map_err(|_| {
                ApiError::new(ErrorCode::NoUser, Message::new("error.role_unknown"))
            })?,
        })
    }

    /// Run a change against a case that may still be edited, then answer with the case as it is now.
    pub(crate) fn change_case(
        &self,
        case_id: Uuid,
        change: impl FnOnce(&mut Store, &CaseFile, &Author) -> Result<(), ApiError>,
    ) -> Result<CaseView, ApiError> {
        let author = self.author()?;
        {
            let mut store = self.store();
            let (case, _) = store.case(case_id)?;
            editable(&case)?;
            change(&mut store, &case, &author)?;
        }
        self.nudge();
        self.view(case_id)
    }
}

/// The photo of the case with this hash.
pub(crate) fn photo_of<'a>(case: &'a CaseFile, sha256: &str) -> Result<&'a Photo, ApiError> {
    case.photos
        .iter()
        .find(|p| p.sha256 == sha256)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, Message::new("error.no_such_photo")))
}

/// A photo hash as given, refused unless it is a SHA-256 in hex.
pub(crate) fn photo_hash(sha256: &str) -> Result<&str, ApiError> {
    if is_sha256(sha256) {
        Ok(sha256)
    } else {
        Err(ApiError::new(
            ErrorCode::InvalidRequest,
            Message::new("error.not_a_photo_hash").text("text", sha256),
        ))
    }
}
