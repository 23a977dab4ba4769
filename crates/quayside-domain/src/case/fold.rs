//! The fold: a case opened from its first event, and each later payload folded in.

use super::custody_record::CustodyRecord;
use super::describe::{change, recorded, review_changes};
use super::model::{CaseFile, FieldValue, Fields, FoldError, Item};
use crate::document::Document;
use crate::entities::{EntityLink, MAX_KEY_CHARS};
use crate::event::{CaseStatus, EventBody, Payload};
use crate::fields::{Field, Section};
use crate::photo::{is_sha256, Photo};
use crate::review::{Review, ReviewDecision};
use crate::state::CaseState;
use crate::timeline::{self as t, Change, ChangeValue, LabelPart};
use quayside_i18n::Message;

impl CaseFile {
    /// Start a case from its first event.
    pub fn open(event: &EventBody) -> Result<(CaseFile, Vec<Change>), FoldError> {
        let Payload::CaseOpened {
            case_number,
            port,
            opened_at,
        } = &event.payload
        else {
            return Err(FoldError::NotOpened);
        };
        let mut fields = Fields::new();
        fields.insert(
            Field::Port,
            FieldValue {
                value: port.clone(),
                event_id: event.id,
                author: event.author.name.clone(),
                at: event.wall_time.clone(),
            },
        );
        let case = CaseFile {
            id: event.case_id,
            case_number: case_number.clone(),
            opened_at: opened_at.clone(),
            opened_by: event.author.name.clone(),
            status: CaseStatus::Open,
            status_reason: None,
            fields,
            items: Vec::new(),
            photos: Vec::new(),
            documents: Vec::new(),
            conflicts: Vec::new(),
            cleared: Vec::new(),
            review: Review {
                uncovered: vec![event.id],
                ..Review::default()
            },
            custody: Vec::new(),
            closed: None,
            control_list: None,
            entity_links: Vec::new(),
            updated_at: event.wall_time.clone(),
            event_count: 1,
            head: event.id,
        };
        let changes = vec![
            change(
                vec![LabelPart::key(t::CASE_NUMBER)],
                None,
                recorded(Some(case_number)),
            ),
            change(
                vec![LabelPart::key(Field::Port.label_key())],
                None,
                Some(ChangeValue::Field {
                    field: Field::Port,
                    value: port.clone(),
                }),
            ),
        ];
        Ok((case, changes))
    }

    /// Fold one more event in. On error the case is left as it was.
    pub fn apply(&mut self, event: &EventBody) -> Result<Vec<Change>, FoldError> {
        if event.case_id != self.id {
            return Err(FoldError::WrongCase);
        }
        Review::check(event)?;
        if self.closed.is_some() {
            return Err(FoldError::Closed);
        }
        let mut changes = match &event.payload {
            Payload::CaseOpened { .. } => return Err(FoldError::AlreadyOpened),
            Payload::FieldSet { item, field, value } => {
                self.set_field(*item, *field, value, event)?
            }
            Payload::ItemAdded { section, item } => {
                if !section.is_list() {
                    return Err(FoldError::NotAList(section.label()));
                }
                if self.items.iter().any(|i| i.id == *item) {
                    return Err(FoldError::DuplicateItem(*item));
                }
                self.items.push(Item {
                    id: *item,
                    section: *section,
                    fields: Fields::new(),
                    withdrawn: None,
                });
                let n = self.items.iter().filter(|i| i.section == *section).count();
                vec![change(
                    vec![LabelPart::item(*section, n)],
                    None,
                    Some(ChangeValue::key(t::ADDED)),
                )]
            }
            Payload::ItemMoved {
                section,
                item,
                after,
            } => self.move_item(*section, *item, *after)?,
            Payload::ItemWithdrawn {
                section,
                item,
                reason,
            } => {
                let label = self.item_label(*section, *item)?;
                let entry = self
                    .items
                    .iter_mut()
                    .find(|i| i.id == *item)
                    .expect("labelled above");
                entry.withdrawn = Some(reason.clone());
                vec![change(
                    vec![label],
                    None,
                    Some(ChangeValue::Message(
                        Message::new(t::WITHDRAWN).text("reason", reason.clone()),
                    )),
                )]
            }
            Payload::ItemRestored { section, item } => self.restore_item(*section, *item)?,
            Payload::StatusSet { status, reason } => {
                let from = ChangeValue::key(self.status.label_key());
                self.status = *status;
                self.status_reason = reason.clone();
                let to = match reason {
                    Some(r) => ChangeValue::Message(
                        Message::new(t::STATUS_REASON)
                            .label("status", status.label_key())
                            .text("reason", r.clone()),
                    ),
                    None => ChangeValue::key(status.label_key()),
                };
                vec![change(
                    vec![LabelPart::key(t::STATUS)],
                    Some(from),
                    Some(to),
                )]
            }
            Payload::PhotoAttached {
                sha256,
                size,
                media_type,
                file_name,
                caption,
                exif,
                captured,
            } => {
                if !is_sha256(sha256) {
                    return Err(FoldError::BadPhotoHash(sha256.clone()));
                }
                if self.photos.iter().any(|p| p.sha256 == *sha256) {
                    return Err(FoldError::PhotoAlreadyAttached(file_name.clone()));
                }
                self.photos.push(Photo {
                    sha256: sha256.clone(),
                    size: *size,
                    media_type: media_type.clone(),
                    file_name: file_name.clone(),
                    caption: caption.clone(),
                    exif: exif.clone(),
                    captured: captured.clone(),
                    attached_at: event.wall_time.clone(),
                    attached_by: event.author.name.clone(),
                    excluded: None,
                    annotations: Vec::new(),
                });
                vec![change(
                    vec![LabelPart::photo(file_name)],
                    None,
                    Some(ChangeValue::Message(
                        Message::new(t::PHOTO_ATTACHED).text("sha256", sha256.clone()),
                    )),
                )]
            }
            Payload::PhotoCaptionSet { sha256, caption } => {
                let photo = self.photo_mut(sha256)?;
                let from = std::mem::replace(&mut photo.caption, caption.clone());
                let label = vec![
                    LabelPart::photo(&photo.file_name),
                    LabelPart::key(t::CAPTION),
                ];
                vec![change(
                    label,
                    recorded(from.as_deref()),
                    recorded(caption.as_deref()),
                )]
            }
            Payload::PhotoExcluded { sha256, reason } => {
                let photo = self.photo_mut(sha256)?;
                photo.excluded = Some(reason.clone());
                let label = vec![LabelPart::photo(&photo.file_name)];
                let excluded = Message::new(t::PHOTO_EXCLUDED).text("reason", reason.clone());
                vec![change(label, None, Some(ChangeValue::Message(excluded)))]
            }
            Payload::PhotoAnnotated {
                sha256,
                annotation,
                mark,
            } => self.annotate(sha256, *annotation, mark.as_ref(), event)?,
            Payload::DocumentAttached {
                sha256,
                size,
                media_type,
                file_name,
                document_type,
                number,
            } => {
                if !is_sha256(sha256) {
                    return Err(FoldError::BadPhotoHash(sha256.clone()));
                }
                if self.documents.iter().any(|d| d.sha256 == *sha256) {
                    return Err(FoldError::DocumentAlreadyAttached(file_name.clone()));
                }
                self.documents.push(Document {
                    sha256: sha256.clone(),
                    size: *size,
                    media_type: media_type.clone(),
                    file_name: file_name.clone(),
                    document_type: *document_type,
                    number: number.clone(),
                    attached_at: event.wall_time.clone(),
                    attached_by: event.author.name.clone(),
                    excluded: None,
                });
                let value = match number {
                    Some(n) => Message::new(t::DOCUMENT_ATTACHED_NUMBER).text("number", n.clone()),
                    None => Message::new(t::DOCUMENT_ATTACHED),
                }
                .label("type", document_type.label_key())
                .text("sha256", sha256.clone());
                vec![change(
                    vec![LabelPart::document(file_name)],
                    None,
                    Some(ChangeValue::Message(value)),
                )]
            }
            Payload::DocumentExcluded { sha256, reason } => {
                let document = self
                    .documents
                    .iter_mut()
                    .find(|d| d.sha256 == *sha256)
                    .ok_or_else(|| FoldError::NoSuchDocument(sha256.clone()))?;
                if document.excluded.is_some() {
                    return Err(FoldError::DocumentAlreadyExcluded(
                        document.file_name.clone(),
                    ));
                }
                document.excluded = Some(reason.clone());
                let label = vec![LabelPart::document(&document.file_name)];
                let excluded = Message::new(t::DOCUMENT_EXCLUDED).text("reason", reason.clone());
                vec![change(label, None, Some(ChangeValue::Message(excluded)))]
            }
            Payload::CustodyTransferred {
                item,
                from,
                to,
                place,
                at,
                condition,
            } => {
                // Evidence items and samples change hands; an id of anything else is refused as
                // no evidence item.
                let section = self
                    .items
                    .iter()
                    .find(|i| i.id == *item && crate::custody::holds_custody(i.section))
                    .map_or(Section::Evidence, |i| i.section);
                let label = self.item_label(section, *item)?;
                if self
                    .items
                    .iter()
                    .any(|i| i.id == *item && i.withdrawn.is_some())
                {
                    return Err(FoldError::Withdrawn(label.english()));
                }
                self.custody.push(CustodyRecord {
                    item: *item,
                    from: from.clone(),
                    to: to.clone(),
                    place: place.clone(),
                    at: at.clone(),
                    condition: condition.clone(),
                    event_id: event.id,
                    device_id: event.device_id,
                    recorded_by: event.author.name.clone(),
                });
                vec![change(
                    vec![label, LabelPart::key(t::CUSTODY)],
                    recorded(Some(from)),
                    Some(ChangeValue::Message(
                        Message::new(t::CUSTODY_TO)
                            .text("to", to.clone())
                            .text("place", place.clone())
                            .text("at", at.clone())
                            .text("condition", condition.clone()),
                    )),
                )]
            }
            Payload::CaseClosed { note } => {
                let state = self.state();
                if state != CaseState::Approved {
                    return Err(FoldError::NotApproved(state.as_str()));
                }
                let from = ChangeValue::key(self.status.label_key());
                self.status = CaseStatus::Closed;
                self.closed = Some(ReviewDecision {
                    by: event.author.name.clone(),
                    at: event.wall_time.clone(),
                    comment: note.clone(),
                    event_id: event.id,
                });
                let closed = CaseStatus::Closed.label_key();
                let to = match note {
                    Some(n) => ChangeValue::Message(
                        Message::new(t::STATUS_REASON)
                            .label("status", closed)
                            .text("reason", n.clone()),
                    ),
                    None => ChangeValue::key(closed),
                };
                vec![change(
                    vec![LabelPart::key(t::STATUS)],
                    Some(from),
                    Some(to),
                )]
            }
            Payload::ControlListApplied { version, digest } => {
                if !is_sha256(digest) {
                    return Err(FoldError::BadListDigest(digest.clone()));
                }
                let from = self.control_list.as_ref().map_or(1, |l| l.version);
                self.control_list = Some(crate::control_list::ListRef {
                    version: *version,
                    digest: digest.clone(),
                });
                let version_of = |v: u32| {
                    ChangeValue::Message(Message::new(t::CONTROL_LIST_VERSION).number("version", v))
                };
                vec![change(
                    vec![LabelPart::key(t::CONTROL_LIST)],
                    Some(version_of(from)),
                    Some(version_of(*version)),
                )]
            }
            Payload::EntityLinkSet {
                entity: kind,
                key,
                other,
                same,
            } => {
                let length = |k: &str| k.chars().count();
                if key.trim().is_empty()
                    || other.trim().is_empty()
                    || key == other
                    || length(key) > MAX_KEY_CHARS
                    || length(other) > MAX_KEY_CHARS
                {
                    return Err(FoldError::BadEntityLink);
                }
                self.entity_links
                    .retain(|l| !(l.kind == *kind && l.key == *key && l.other == *other));
                self.entity_links.push(EntityLink {
                    kind: *kind,
                    key: key.clone(),
                    other: other.clone(),
                    same: *same,
                    by: event.author.name.clone(),
                    at: event.wall_time.clone(),
                    event_id: event.id,
                    hlc: event.hlc.0,
                });
                let decision = if *same {
                    t::ENTITY_SAME
                } else {
                    t::ENTITY_NOT_SAME
                };
                vec![change(
                    vec![
                        LabelPart::key(t::ENTITY_LINK),
                        LabelPart::key(kind.label_key()),
                    ],
                    None,
                    Some(ChangeValue::Message(
                        Message::new(decision)
                            .text("key", key.clone())
                            .text("other", other.clone()),
                    )),
                )]
            }
            // Each flag the inspector acknowledged, with what it said then, in the reader's words.
            Payload::ReviewSubmitted { acknowledged, .. } => acknowledged
                .iter()
                .flat_map(|a| {
                    let label = vec![
                        LabelPart::key(t::ACKNOWLEDGED),
                        LabelPart::key(a.code.label_key()),
                    ];
                    if a.details.is_empty() {
                        return vec![change(label, None, None)];
                    }
                    a.details
                        .iter()
                        .map(|m| change(label.clone(), None, Some(ChangeValue::Message(m.clone()))))
                        .collect()
                })
                .collect(),
            Payload::ReviewApproved { .. } | Payload::ReviewReturned { .. } | Payload::Unknown => {
                Vec::new()
            }
        };
        // The review's own English line is for logs; the timeline keeps the step keyed.
        if self.review.apply(event).is_some() {
            changes.extend(review_changes(event, &self.review));
        }
        if let Some(reason) = &event.reason {
            changes.push(change(
                vec![LabelPart::key(t::REASON)],
                None,
                recorded(Some(reason)),
            ));
        }
        self.updated_at = event.wall_time.clone();
        self.event_count += 1;
        self.head = event.id;
        Ok(changes)
    }

    pub(super) fn photo_mut(&mut self, sha256: &str) -> Result<&mut Photo, FoldError> {
        self.photos
            .iter_mut()
            .find(|p| p.sha256 == sha256)
            .ok_or_else(|| FoldError::NoSuchPhoto(sha256.to_string()))
    }
}
