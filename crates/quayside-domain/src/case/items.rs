//! The entries of list sections: their order, how they are moved and restored, and how the
//! timeline names them.

use quayside_i18n::Message;
use uuid::Uuid;

use super::describe::change;
use super::model::{CaseFile, FoldError, Item};
use crate::fields::Section;
use crate::timeline::{self as t, Change, ChangeValue, LabelPart};

/// "position 2": an item's place among its section's items, counted from one.
fn position(n: usize) -> ChangeValue {
    ChangeValue::Message(Message::new(t::POSITION).number("position", n as f64))
}

impl CaseFile {
    pub(super) fn move_item(
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
            Some(position(from)),
            Some(position(to)),
        )])
    }

    /// Take back a withdrawal: the entry never left its place, so it is live there again, with
    /// the values it had. Only a withdrawn entry can be restored.
    pub(super) fn restore_item(
        &mut self,
        section: Section,
        item: Uuid,
    ) -> Result<Vec<Change>, FoldError> {
        let label = self.item_label(section, item)?;
        let entry = self
            .items
            .iter_mut()
            .find(|i| i.id == item)
            .expect("labelled above");
        let Some(reason) = entry.withdrawn.take() else {
            return Err(FoldError::NotWithdrawn(label.english()));
        };
        Ok(vec![change(
            vec![label],
            Some(ChangeValue::Message(
                Message::new(t::WITHDRAWN).text("reason", reason),
            )),
            Some(ChangeValue::key(t::RESTORED)),
        )])
    }

    pub(super) fn position(&self, section: Section, id: Uuid) -> usize {
        self.items
            .iter()
            .filter(|i| i.section == section)
            .position(|i| i.id == id)
            .map_or(0, |p| p + 1)
    }

    /// "Goods found 2": the item's place among the items of its section, counted from one.
    pub(super) fn item_label(&self, section: Section, id: Uuid) -> Result<LabelPart, FoldError> {
        let position = self
            .items
            .iter()
            .filter(|i| i.section == section)
            .position(|i| i.id == id)
            .ok_or(FoldError::NoSuchItem(section.label(), id))?;
        Ok(LabelPart::item(section, position + 1))
    }

    /// Items of a section that have not been withdrawn.
    pub fn live_items(&self, section: Section) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |i| i.section == section && i.withdrawn.is_none())
    }
}
