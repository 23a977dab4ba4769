//! Chain of custody of evidence items: who handed each item to whom, where, when and in what
//! condition. The receiving person's device records (and so signs) each handover.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use chrono::{Duration, NaiveDateTime};

use crate::case::CaseFile;
pub use crate::case::CustodyRecord;
use crate::fields::{Field, Section};
use crate::input::InputConventions;
use crate::values::parse_datetime;
use crate::Invalid;

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
                refused.message.contains("in the future"),
                "{later}: {refused:?}"
            );
        }
    }
}
