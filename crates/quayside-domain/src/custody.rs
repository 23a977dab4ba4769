//! Chain of custody of evidence items and samples: who handed each item to whom, where, when and
//! in what condition. The receiving person's device records (and so signs) each handover. A
//! sample leaves the container in a sealed bag for a lab, so it is evidence with a chain too.

use quayside_i18n::Message;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use chrono::{Duration, NaiveDateTime};

pub use crate::case::CustodyRecord;
use crate::case::{CaseFile, Item};
use crate::fields::{Field, Section};
use crate::input::InputConventions;
use crate::values::parse_datetime;
use crate::Invalid;

/// The sections whose entries change hands: evidence items and samples, in the order their
/// chains are read (the case file's order).
pub const CUSTODY_SECTIONS: [Section; 2] = [Section::Samples, Section::Evidence];

/// Whether entries of `section` have a chain of custody.
pub fn holds_custody(section: Section) -> bool {
    CUSTODY_SECTIONS.contains(&section)
}

/// The number on an entry's bag or seal, which is what a person finds it by: an evidence item's
/// bag or seal number, a sample's seal number.
pub fn seal_number(item: &Item) -> Option<&str> {
    match item.section {
        Section::Evidence => item.value(Field::EvidenceNumber),
        Section::Samples => item.value(Field::SampleSeal),
        _ => None,
    }
}

/// How far past the recording device's clock a handover's time may be: a watch a little ahead.
pub const HANDOVER_CLOCK_MARGIN_MINUTES: i64 = 5;

/// A handover's time as typed (local time, as the handover form gives it), in canonical form.
/// The receiver records the handover once it happened, so a time later than the recording
/// device's local time (`local_now`, plus a small margin) is refused, unlike a field's date,
/// which allows a day for time zones because it is compared with UTC.
pub fn parse_handover_time(
    text: &str,
    local_now: NaiveDateTime,
    typed: InputConventions,
) -> Result<String, Invalid> {
    parse_datetime(
        text,
        local_now,
        Duration::minutes(HANDOVER_CLOCK_MARGIN_MINUTES),
        typed,
    )
}

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

/// Every break in the chains of the case's live evidence items and samples, samples first (the
/// case file's order), then in item order.
pub fn breaks(case: &CaseFile) -> Vec<CustodyBreak> {
    let mut out = Vec::new();
    for section in CUSTODY_SECTIONS {
        let Some(item_key) = section.item_key() else {
            continue;
        };
        // Numbered among all the section's entries, withdrawn ones too, as the case file shows.
        let entries = case.items.iter().filter(|i| i.section == section);
        for (n, item) in entries.enumerate().filter(|(_, i)| i.withdrawn.is_none()) {
            // Named by the number on its bag or seal, else by its number in the case file.
            let name = seal_number(item).map_or_else(|| (n + 1).to_string(), str::to_string);
            let about = |key: &str| {
                Message::new(key)
                    .label("item", &item_key)
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
    }
    out
}

fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod handover_time {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn a_handover_after_the_devices_local_time_is_refused() {
        let now = at("2026-11-28 14:30");
        let typed = InputConventions::STORED;
        assert_eq!(
            parse_handover_time("2026-11-28 14:30", now, typed).unwrap(),
            "2026-11-28 14:30"
        );
        assert!(parse_handover_time("2026-11-28 09:00", now, typed).is_ok());
        // A watch a few minutes ahead of the device is not a future handover.
        assert!(parse_handover_time("2026-11-28 14:35", now, typed).is_ok());
        for later in ["2026-11-28 14:36", "2026-11-28 20:00", "2026-11-29"] {
            let refused = parse_handover_time(later, now, typed).unwrap_err();
            assert!(
                refused.to_string().contains("in the future"),
                "{later}: {refused:?}"
            );
        }
    }
}
