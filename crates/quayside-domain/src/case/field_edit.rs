//! A field edit: the new value, and the conflict it opens (a value its author had not seen stays
//! beside it) or settles (it names every value it saw). Also which events an edit must name.

use quayside_i18n::Message;
use uuid::Uuid;

use super::conflict::{ClearedField, Conflict, Rival};
use super::describe::change;
use super::model::{CaseFile, FieldValue, FoldError};
use crate::event::EventBody;
use crate::fields::{Field, FieldKind};
use crate::timeline::{self as t, Change, ChangeValue, LabelPart};

impl CaseFile {
    pub(super) fn set_field(
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
                            .map_or_else(|| "no item".to_string(), |i| i.section.label()),
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
        let side = |value: Option<String>| value.map(|value| self.field_change_value(field, value));
        Ok(vec![change(label, side(from), side(value.clone()))])
    }

    /// A side of a field's change. A link to another entry is recorded as that entry's name
    /// ("Declared line 1"), since its id says nothing to a reader; the name is the entry's place
    /// when the link was made.
    fn field_change_value(&self, field: Field, value: String) -> ChangeValue {
        if let FieldKind::ItemOf(section) = field.kind() {
            let position = Uuid::try_parse(&value)
                .map(|id| self.position(section, id))
                .unwrap_or(0);
            if let (Some(item), true) = (section.item_key(), position > 0) {
                return ChangeValue::Message(
                    Message::new(t::ENTRY)
                        .label("item", item)
                        .number("number", position as f64),
                );
            }
        }
        ChangeValue::Field { field, value }
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
