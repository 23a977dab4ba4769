//! Chain of custody of evidence items: who handed each item to whom, where, when and in what
//! condition. The receiving person's device records (and so signs) each handover.

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
    pub message: String,
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
        let name = match item.value(Field::EvidenceNumber) {
            Some(number) => format!("Evidence item {} ({number})", n + 1),
            None => format!("Evidence item {}", n + 1),
        };
        let records = chain(case, item.id);
        if records.is_empty() {
            out.push(CustodyBreak {
                item: item.id,
                message: format!("{name}: nobody is recorded as holding it"),
            });
        }
        for pair in records.windows(2) {
            let (before, after) = (pair[0], pair[1]);
            if !same_person(&before.to, &after.from) {
                out.push(CustodyBreak {
                    item: item.id,
                    message: format!(
                        "{name}: {} held it from {}, but {} handed it to {} at {}",
                        before.to, before.at, after.from, after.to, after.at
                    ),
                });
            }
        }
    }
    out
}

fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}
