//! An analyst's device keeps every port's cases as summaries (`GET /v1/summaries`), so the cases
//! it holds are seen in other ports' cases too. Follows the server's log with a cursor of its own;
//! a newer summary of a case replaces the older.

use std::sync::Mutex;

use quayside_protocol::{CaseSummary, ErrorCode, SummaryPage, MAX_BATCH_EVENTS};
use quayside_store::{PortSummary, Store};

use crate::error::SyncError;
use crate::http::Remote;
use crate::settings::{lock, setting, SUMMARY_CURSOR};

fn kept(summary: CaseSummary) -> PortSummary {
    PortSummary {
        case_id: summary.case_id,
        case_number: summary.case_number,
        port: summary.port,
        opened_at: summary.opened_at,
        state: summary.state,
        outcome: summary.outcome,
        entities: summary
            .entities
            .into_iter()
            .map(|e| (e.entity.kind, e.entity.key, e.shown))
            .collect(),
    }
}

/// Take in the summaries of cases that changed since the last time; returns how many came. A
/// cursor the server no longer knows (its log was restored) starts over, once.
pub(crate) fn pull_summaries(remote: &Remote, store: &Mutex<Store>) -> Result<u64, SyncError> {
    let mut restarted = false;
    let mut taken = 0;
    loop {
        let cursor = setting(&lock(store), SUMMARY_CURSOR)?.unwrap_or_default();
        let page: SummaryPage = match remote.get(&format!(
            "/summaries?cursor={cursor}&limit={MAX_BATCH_EVENTS}"
        )) {
            Ok(page) => page,
            Err(SyncError::Rejected {
                code: ErrorCode::StaleCursor,
                ..
            }) if !restarted => {
                restarted = true;
                lock(store).set_setting(SUMMARY_CURSOR, "")?;
                continue;
            }
            Err(e) => return Err(e),
        };
        taken += page.summaries.len() as u64;
        let summaries: Vec<PortSummary> = page.summaries.into_iter().map(kept).collect();
        {
            let mut store = lock(store);
            store.save_port_summaries(&summaries)?;
            store.set_setting(SUMMARY_CURSOR, &page.cursor)?;
        }
        if !page.more {
            return Ok(taken);
        }
    }
}
