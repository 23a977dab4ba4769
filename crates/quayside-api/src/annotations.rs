//! Annotations over a photo: draw one, draw it again (an edit), remove it. Each is a signed event
//! over the untouched original.

use quayside_domain::annotation::{Mark, MarkError, MAX_PER_PHOTO, MAX_POINTS, MAX_TEXT_CHARS};
use quayside_domain::event::Payload;
use quayside_i18n::Message;
use serde::Deserialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{ApiError, ErrorCode};
use crate::guards::{photo_hash, photo_of};
use crate::types::CaseView;
use crate::Api;

/// `annotation` None and a mark: a new annotation. Both: draw that annotation again. An
/// annotation and no mark: remove it.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AnnotatePhotoArgs {
    pub case_id: Uuid,
    pub sha256: String,
    pub annotation: Option<Uuid>,
    pub mark: Option<Mark>,
}

fn mark_error(error: MarkError) -> ApiError {
    let message = match error {
        MarkError::OffPhoto => Message::new("error.annotation_off_photo"),
        MarkError::Points => {
            Message::new("error.annotation_points").number("limit", MAX_POINTS as f64)
        }
        MarkError::Text => {
            Message::new("error.annotation_text").number("limit", MAX_TEXT_CHARS as f64)
        }
        MarkError::Degenerate => Message::new("error.annotation_degenerate"),
    };
    ApiError::new(ErrorCode::InvalidRequest, message)
}

/// The mark as it is signed: text without the spaces around it.
fn tidied(mark: Mark) -> Result<Mark, ApiError> {
    let mark = match mark {
        Mark::Text { at, text } => Mark::Text {
            at,
            text: text.trim().to_string(),
        },
        other => other,
    };
    mark.check().map_err(mark_error)?;
    Ok(mark)
}

impl Api {
    pub(crate) fn annotate_photo(&self, args: AnnotatePhotoArgs) -> Result<CaseView, ApiError> {
        let sha256 = photo_hash(&args.sha256)?.to_string();
        let mark = args.mark.map(tidied).transpose()?;
        let annotation = match (args.annotation, &mark) {
            (Some(id), _) => id,
            (None, Some(_)) => Uuid::now_v7(),
            (None, None) => {
                return Err(ApiError::new(
                    ErrorCode::InvalidRequest,
                    Message::new("error.annotation_nothing"),
                ))
            }
        };
        self.change_case(args.case_id, |store, case, author| {
            let photo = photo_of(case, &sha256)?;
            let current = photo.annotations.iter().find(|a| a.id == annotation);
            match (current, &mark) {
                (None, _) if args.annotation.is_some() => {
                    return Err(ApiError::new(
                        ErrorCode::NotFound,
                        Message::new("error.no_such_annotation"),
                    ))
                }
                (None, _) if photo.annotations.len() >= MAX_PER_PHOTO => {
                    return Err(ApiError::new(
                        ErrorCode::Refused,
                        Message::new("error.annotation_too_many")
                            .number("limit", MAX_PER_PHOTO as f64),
                    ))
                }
                // Drawn again exactly as it was: nothing to sign.
                (Some(current), Some(mark)) if current.mark == *mark => return Ok(()),
                _ => {}
            }
            store.append(
                author,
                args.case_id,
                Payload::PhotoAnnotated {
                    sha256,
                    annotation,
                    mark,
                },
            )?;
            Ok(())
        })
    }
}
