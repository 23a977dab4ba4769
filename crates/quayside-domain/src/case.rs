//! The case file as a fold over its events, and the changes each event makes (for the timeline).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::event::{CaseStatus, EventBody, Payload};
use crate::fields::{Field, Section};
use crate::photo::{is_sha256, Photo};
use crate::review::{Review, ReviewError};
pub use crate::timeline::Change;
use crate::timeline::{self as t, LabelPart};

/// A field's current value and the event that set it (what a later edit names in `deps`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldValue {
    pub value: String,
    pub event_id: Uuid,
    /// Who set it and when (their device's clock): shown when the field is in conflict.
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub at: String,
}

/// Edits of one field made without seeing each other (neither names the other in its `deps`).
/// The winner is the value in `fields` (the latest in fold order, the same on every replica); every
/// value stays listed here until an edit made after seeing them all settles it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Conflict {
    pub item: Option<Uuid>,
    pub field: Field,
    /// In fold order: the last one is the winner.
    pub values: Vec<Rival>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClearedField {
    pub item: Option<Uuid>,
    pub field: Field,
    pub by: Rival,
}

/// One of the values in a conflict; `None` when that edit cleared the field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rival {
    pub value: Option<String>,
    pub event_id: Uuid,
    pub author: String,
    pub at: String,
}

pub type Fields = BTreeMap<Field, FieldValue>;

/// One entry of a list section: a seal, a route leg, a line of goods found, a party, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Item {
    pub id: Uuid,
    pub section: Section,
    pub fields: Fields,
    /// Set when withdrawn: the item stays in the file, marked, with the reason.
    pub withdrawn: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseFile {
    pub id: Uuid,
    pub case_number: String,
    pub opened_at: String,
    pub opened_by: String,
    pub status: CaseStatus,
    pub status_reason: Option<String>,
    pub fields: Fields,
    pub items: Vec<Item>,
    pub photos: Vec<Photo>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// Fields last cleared (and not in conflict): the clearing edit, so that a set made without
    /// seeing it is a conflict too.
    #[serde(default)]
    pub cleared: Vec<ClearedField>,
    #[serde(default)]
    pub review: Review,
    /// Handovers of evidence items, in fold order (`custody::chain` gives an item's in time order).
    #[serde(default)]
    pub custody: Vec<CustodyRecord>,
    pub updated_at: String,
    pub event_count: u32,
    /// The latest event folded in: what the next local edit has seen.
    pub head: Uuid,
}

/// One handover of an evidence item, as the receiving person's device signed it. Part of the case
/// file (the fold records it); `custody` reads chains and breaks out of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CustodyRecord {
    pub item: Uuid,
    pub from: String,
    pub to: String,
    pub place: String,
    /// When the goods changed hands (canonical date and time), not when it was recorded.
    pub at: String,
    pub condition: String,
    pub event_id: Uuid,
    pub device_id: Uuid,
    pub recorded_by: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FoldError {
    #[error("the case was not opened before this event")]
    NotOpened,
    #[error("the case was already opened")]
    AlreadyOpened,
    #[error("no {0} item {1} in this case")]
    NoSuchItem(&'static str, Uuid),
    #[error("item {0} already exists")]
    DuplicateItem(Uuid),
    #[error("{field} belongs to {expected}, not to {given}")]
    WrongSection {
        field: &'static str,
        expected: &'static str,
        given: &'static str,
    },
    #[error("{0} is a list section: add an item to it")]
    NotAList(&'static str),
    #[error("this event belongs to another case")]
    WrongCase,
    #[error("{0:?} is not a SHA-256 in hex")]
    BadPhotoHash(String),
    #[error("the photo {0} is already attached to this case")]
    PhotoAlreadyAttached(String),
    #[error("no photo {0} in this case")]
    NoSuchPhoto(String),
    #[error(transparent)]
    Review(#[from] ReviewError),
    #[error("{0} was withdrawn: it can no longer change hands")]
    Withdrawn(String),
}

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
            conflicts: Vec::new(),
            cleared: Vec::new(),
            review: Review {
                uncovered: vec![event.id],
                ..Review::default()
            },
            custody: Vec::new(),
            updated_at: event.wall_time.clone(),
            event_count: 1,
            head: event.id,
        };
        let changes = vec![
            change(
                vec![LabelPart::key(t::CASE_NUMBER)],
                None,
                Some(case_number),
            ),
            change(
                vec![LabelPart::key(Field::Port.label_key())],
                None,
                Some(port),
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
                    Some("added"),
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
                    Some(&format!("withdrawn: {reason}")),
                )]
            }
            Payload::StatusSet { status, reason } => {
                let from = self.status.as_str();
                self.status = *status;
                self.status_reason = reason.clone();
                let to = match reason {
                    Some(r) => format!("{} ({r})", status.as_str()),
                    None => status.as_str().to_string(),
                };
                vec![change(
                    vec![LabelPart::key(t::STATUS)],
                    Some(from),
                    Some(&to),
                )]
            }
            Payload::PhotoAttached {
                sha256,
                size,
                media_type,
                file_name,
                caption,
                exif,
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
                    attached_at: event.wall_time.clone(),
                    attached_by: event.author.name.clone(),
                    excluded: None,
                });
                vec![change(
                    vec![LabelPart::photo(file_name)],
                    None,
                    Some(&format!("attached (SHA-256 {sha256})")),
                )]
            }
            Payload::PhotoCaptionSet { sha256, caption } => {
                let photo = self.photo_mut(sha256)?;
                let from = std::mem::replace(&mut photo.caption, caption.clone());
                let label = vec![
                    LabelPart::photo(&photo.file_name),
                    LabelPart::key(t::CAPTION),
                ];
                vec![change(label, from.as_deref(), caption.as_deref())]
            }
            Payload::PhotoExcluded { sha256, reason } => {
                let photo = self.photo_mut(sha256)?;
                photo.excluded = Some(reason.clone());
                let label = vec![LabelPart::photo(&photo.file_name)];
                vec![change(label, None, Some(&format!("excluded: {reason}")))]
            }
            Payload::CustodyTransferred {
                item,
                from,
                to,
                place,
                at,
                condition,
            } => {
                let label = self.item_label(Section::Evidence, *item)?;
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
                    Some(from),
                    Some(&format!("{to}, at {place}, {at} ({condition})")),
                )]
            }
            Payload::ReviewSubmitted { .. }
            | Payload::ReviewApproved { .. }
            | Payload::ReviewReturned { .. }
            | Payload::Unknown => Vec::new(),
        };
        if let Some(line) = self.review.apply(event) {
            changes.push(change(vec![LabelPart::key(t::REVIEW)], None, Some(&line)));
        }
        if let Some(reason) = &event.reason {
            changes.push(change(vec![LabelPart::key(t::REASON)], None, Some(reason)));
        }
        self.updated_at = event.wall_time.clone();
        self.event_count += 1;
        self.head = event.id;
        Ok(changes)
    }

    fn set_field(
        &mut self,
        item: Option<Uuid>,
        field: Field,
        value: &Option<String>,
        event: &EventBody,
    ) -> Result<Vec<Change>, FoldError> {
        let section = field.section();
        let (label, fields) = match item {
            None if section.is_list() => return Err(FoldError::NotAList(section.label())),
            None => (vec![LabelPart::key(field.label_key())], &mut self.fields),
            Some(id) => {
                let entry_label = self.item_label(section, id).map_err(|e| match e {
                    FoldError::NoSuchItem(..) => FoldError::WrongSection {
                        field: field.label(),
                        expected: section.label(),
                        given: self
                            .items
                            .iter()
                            .find(|i| i.id == id)
                            .map_or("no item", |i| i.section.label()),
                    },
                    other => other,
                })?;
                let entry = self
                    .items
                    .iter_mut()
                    .find(|i| i.id == id)
                    .expect("labelled above");
                (
                    vec![entry_label, LabelPart::key(field.label_key())],
                    &mut entry.fields,
                )
            }
        };
        let from = fields.get(&field).map(|v| v.value.clone());
        // The field's current values: every side of an open conflict, or the one value it has.
        let prior = match self
            .conflicts
            .iter()
            .position(|c| c.item == item && c.field == field)
        {
            Some(i) => self.conflicts.remove(i).values,
            None => fields
                .get(&field)
                .map(|v| Rival {
                    value: Some(v.value.clone()),
                    event_id: v.event_id,
                    author: v.author.clone(),
                    at: v.at.clone(),
                })
                .or_else(|| {
                    self.cleared
                        .iter()
                        .find(|c| c.item == item && c.field == field)
                        .map(|c| c.by.clone())
                })
                .into_iter()
                .collect(),
        };
        self.cleared
            .retain(|c| !(c.item == item && c.field == field));
        let settled = prior.len() > 1;
        // A value this edit's author had not seen stays beside it. Edits name every value of the
        // field they saw (see `field_heads`), so a direct look at `deps` is enough.
        let mut unseen: Vec<Rival> = prior
            .into_iter()
            .filter(|r| !event.deps.contains(&r.event_id))
            .collect();
        let conflicted = !unseen.is_empty();
        let mut label = label;
        if conflicted {
            unseen.push(Rival {
                value: value.clone(),
                event_id: event.id,
                author: event.author.name.clone(),
                at: event.wall_time.clone(),
            });
            self.conflicts.push(Conflict {
                item,
                field,
                values: unseen,
            });
            label.push(LabelPart::key(t::CONFLICT));
        } else if settled {
            label.push(LabelPart::key(t::CONFLICT_SETTLED));
        }
        match value {
            Some(v) => fields.insert(
                field,
                FieldValue {
                    value: v.clone(),
                    event_id: event.id,
                    author: event.author.name.clone(),
                    at: event.wall_time.clone(),
                },
            ),
            None => {
                if !conflicted {
                    self.cleared.push(ClearedField {
                        item,
                        field,
                        by: Rival {
                            value: None,
                            event_id: event.id,
                            author: event.author.name.clone(),
                            at: event.wall_time.clone(),
                        },
                    });
                }
                fields.remove(&field)
            }
        };
        Ok(vec![change(label, from.as_deref(), value.as_deref())])
    }

    fn move_item(
        &mut self,
        section: Section,
        item: Uuid,
        after: Option<Uuid>,
    ) -> Result<Vec<Change>, FoldError> {
        let label = self.item_label(section, item)?;
        let from = self.position(section, item);
        if let Some(after) = after {
            self.item_label(section, after)?;
            if after == item {
                return Err(FoldError::NoSuchItem(section.label(), after));
            }
        }
        let index = self
            .items
            .iter()
            .position(|i| i.id == item)
            .expect("labelled above");
        let moving = self.items.remove(index);
        let at = match after {
            Some(after) => {
                self.items
                    .iter()
                    .position(|i| i.id == after)
                    .expect("checked above")
                    + 1
            }
            None => self
                .items
                .iter()
                .position(|i| i.section == section)
                .unwrap_or(self.items.len()),
        };
        self.items.insert(at, moving);
        let to = self.position(section, item);
        Ok(vec![change(
            vec![label],
            Some(&format!("position {from}")),
            Some(&format!("position {to}")),
        )])
    }

    fn position(&self, section: Section, id: Uuid) -> usize {
        self.items
            .iter()
            .filter(|i| i.section == section)
            .position(|i| i.id == id)
            .map_or(0, |p| p + 1)
    }

    /// "Goods found 2": the item's place among the items of its section, counted from one.
    fn item_label(&self, section: Section, id: Uuid) -> Result<LabelPart, FoldError> {
        let position = self
            .items
            .iter()
            .filter(|i| i.section == section)
            .position(|i| i.id == id)
            .ok_or(FoldError::NoSuchItem(section.label(), id))?;
        Ok(LabelPart::item(section, position + 1))
    }

    pub fn value(&self, field: Field) -> Option<&str> {
        self.fields.get(&field).map(|v| v.value.as_str())
    }

    fn photo_mut(&mut self, sha256: &str) -> Result<&mut Photo, FoldError> {
        self.photos
            .iter_mut()
            .find(|p| p.sha256 == sha256)
            .ok_or_else(|| FoldError::NoSuchPhoto(sha256.to_string()))
    }

    /// Items of a section that have not been withdrawn.
    pub fn live_items(&self, section: Section) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |i| i.section == section && i.withdrawn.is_none())
    }

    /// The event whose value an edit of this field replaces, if any.
    pub fn field_event(&self, item: Option<Uuid>, field: Field) -> Option<Uuid> {
        match item {
            None => self.fields.get(&field),
            Some(id) => self.items.iter().find(|i| i.id == id)?.fields.get(&field),
        }
        .map(|v| v.event_id)
    }

    /// Every event whose value an edit of this field replaces: all sides of an open conflict, or
    /// the current value's event. An edit names them all in `deps`, which is what settles a conflict.
    pub fn field_heads(&self, item: Option<Uuid>, field: Field) -> Vec<Uuid> {
        match self.conflict(item, field) {
            Some(c) => c.values.iter().map(|r| r.event_id).collect(),
            None => self
                .field_event(item, field)
                .or_else(|| {
                    self.cleared
                        .iter()
                        .find(|c| c.item == item && c.field == field)
                        .map(|c| c.by.event_id)
                })
                .into_iter()
                .collect(),
        }
    }

    pub fn conflict(&self, item: Option<Uuid>, field: Field) -> Option<&Conflict> {
        self.conflicts
            .iter()
            .find(|c| c.item == item && c.field == field)
    }
}

impl Item {
    pub fn value(&self, field: Field) -> Option<&str> {
        self.fields.get(&field).map(|v| v.value.as_str())
    }
}

fn change(label: Vec<LabelPart>, from: Option<&str>, to: Option<&str>) -> Change {
    Change {
        label,
        from: from.map(str::to_string),
        to: to.map(str::to_string),
    }
}
