//! Chain of custody of evidence items: who handed each item to whom, where, when and in what
//! condition. The receiving person's device records (and so signs) each handover.

use quayside_i18n::Message;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::case::CaseFile;
pub use crate::case::CustodyRecord;
use crate::fields::{Field, Section};

/// Where an item's chain does not hold: nobody recorded as holding it, or a handover by someone
/// who was not the holder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CustodyBreak {
    pub item: Uuid,
    /// What is wrong, naming the item (`discrepancy.custody_*`).
    pub text: Message,
}

/// An item's handovers in the order the goods moved (their time, then the order recorded).
pub fn chain(case: &CaseFile, item: Uuid) -> Vec<&CustodyRecord> {
    let mut records: Vec<&CustodyRecord> = case.custody.iter().filter(|r| r.item == item).collect();
    records.sort_by(|a, b| a.at.cmp(&b.at));
    records
}

/// Every break in the chains of the case's live evidence items, in item order.
pub fn breaks(case: &CaseFile) -> Vec<CustodyBreak> {
    let mut out = Vec::new();
    for (n, item) in case.live_items(Section::Evidence).enumerate() {
        // Named by the number on its bag or seal, which is what a person finds it by.
        let name = item
            .value(Field::EvidenceNumber)
            .map_or_else(|| (n + 1).to_string(), str::to_string);
        let about = |key: &str| {
            Message::new(key)
                .label("item", "item.evidence")
                .text("name", &name)
        };
        let records = chain(case, item.id);
        if records.is_empty() {
            out.push(CustodyBreak {
                item: item.id,
                text: about("discrepancy.custody_unheld"),
            });
        }
        for pair in records.windows(2) {
            let (before, after) = (pair[0], pair[1]);
            if !same_person(&before.to, &after.from) {
                out.push(CustodyBreak {
                    item: item.id,
                    text: about("discrepancy.custody_handover")
                        .text("holder", &before.to)
                        .text("held_at", &before.at)
                        .text("from", &after.from)
                        .text("to", &after.to)
                        .text("at", &after.at),
                });
            }
        }
    }
    out
}

fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}
