//! Annotations over a photo: drawn, drawn again, removed; the latest event on an id holds.

use quayside_i18n::Message;
use uuid::Uuid;

use super::describe::change;
use super::model::{CaseFile, FoldError};
use crate::annotation::{Annotation, Mark, MAX_PER_PHOTO};
use crate::event::EventBody;
use crate::timeline::{self as t, Change, ChangeValue, LabelPart};

/// How the timeline names a mark: its shape, or for text the text itself.
fn described(mark: &Mark) -> ChangeValue {
    match mark {
        Mark::Text { text, .. } => {
            ChangeValue::Message(Message::new(t::ANNOTATION_TEXT).text("text", text.clone()))
        }
        other => ChangeValue::key(other.label_key()),
    }
}

impl CaseFile {
    pub(super) fn annotate(
        &mut self,
        sha256: &str,
        id: Uuid,
        mark: Option<&Mark>,
        event: &EventBody,
    ) -> Result<Vec<Change>, FoldError> {
        if let Some(mark) = mark {
            mark.check().map_err(FoldError::BadAnnotation)?;
        }
        let photo = self.photo_mut(sha256)?;
        let label = vec![
            LabelPart::photo(&photo.file_name),
            LabelPart::key(t::ANNOTATION),
        ];
        let index = photo.annotations.iter().position(|a| a.id == id);
        let (from, to) = match (index, mark) {
            (Some(i), Some(mark)) => {
                let entry = &mut photo.annotations[i];
                let from = described(&entry.mark);
                entry.mark = mark.clone();
                entry.set_at = event.wall_time.clone();
                entry.set_by = event.author.name.clone();
                (Some(from), described(mark))
            }
            (None, Some(mark)) => {
                if photo.annotations.len() >= MAX_PER_PHOTO {
                    return Err(FoldError::TooManyAnnotations);
                }
                photo.annotations.push(Annotation {
                    id,
                    mark: mark.clone(),
                    set_at: event.wall_time.clone(),
                    set_by: event.author.name.clone(),
                });
                (None, described(mark))
            }
            (Some(i), None) => {
                let removed = photo.annotations.remove(i);
                (
                    Some(described(&removed.mark)),
                    ChangeValue::key(t::ANNOTATION_REMOVED),
                )
            }
            // Removed on two devices at once: the second removal finds nothing left to remove.
            (None, None) => return Ok(Vec::new()),
        };
        Ok(vec![change(label, from, Some(to))])
    }
}
