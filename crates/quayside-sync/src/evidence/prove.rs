//! Proving what the server should hold: after each pull, the events this store holds that no
//! checkpoint of this epoch proves yet are asked about a batch at a time, and how far every event
//! is proved is remembered (`sync.proven_through`) so a large log is not scanned at every sync.

use std::collections::HashSet;
use std::sync::Mutex;

use ed25519_dalek::VerifyingKey;
use quayside_protocol::{CheckpointRequest, CheckpointResponse, MAX_BATCH_EVENTS};
use quayside_store::{Store, UnprovenEvent};
use uuid::Uuid;

use super::checkpoint::{seen, take_checkpoint};
use super::inclusion::{answered_in_full, verified_proofs};
use crate::error::SyncError;
use crate::http::Remote;
use crate::settings::{lock, setting, PROVEN_THROUGH};

/// After a pull: the server's checkpoint now, proved to extend the last one seen in this epoch,
/// and inclusion proofs for the events that lack one, a batch at a time. `acked` is how far the
/// server holds this device's own events. The search starts after `sync.proven_through` (every
/// event before it is proved in this epoch) and moves it up to the first event still unproved, so
/// a large log is not scanned at every sync.
///
/// An event of this device the server acknowledged and did not prove is not an error: on
/// PostgreSQL the server's tree only takes events below its pull fence, which a long transaction
/// anywhere holds back, and an event the server set aside in the chain (refused on content) moves
/// its head without entering its log, which this device does not learn when that push's answer
/// was lost. They are counted (`events_acknowledged_unproven`) and asked about again next time. A
/// server that holds fewer events of this device than it signed for is caught by
/// `lost_acknowledged`, and a log that shrank or was rewritten by the consistency proof.
pub(crate) fn prove(
    remote: &Remote,
    store: &Mutex<Store>,
    pinned: &(VerifyingKey, String),
    epoch: &str,
    acked: u64,
) -> Result<(), SyncError> {
    let (mut last, mut after, bound) = {
        let store = lock(store);
        let through = proven_through(&store, epoch)?;
        (
            seen(store.last_checkpoint(epoch)?)?,
            through,
            store.proof_scan_bound(acked)?,
        )
    };
    // The first event found still without a proof: what is proved is remembered up to before it.
    let mut gap: Option<i64> = None;
    // After a full batch the server proved none of, only this device's own events are asked.
    let mut own_only = false;
    loop {
        let batch = {
            let store = lock(store);
            if own_only {
                store.own_events_to_prove(epoch, acked, after, MAX_BATCH_EVENTS)?
            } else {
                store.events_without_proof(epoch, acked, after, MAX_BATCH_EVENTS)?
            }
        };
        let request = CheckpointRequest {
            from_size: last.as_ref().map_or(0, |s| s.checkpoint.size),
            hashes: batch.iter().map(|u| u.hash.clone()).collect(),
            // One batch proof instead of a path each: a third of the bytes a sync moved.
            batch: true,
        };
        let mut response: CheckpointResponse = remote.post_compressed("/checkpoint", &request)?;
        answered_in_full(&mut response, &request)?;
        let store_now = lock(store);
        let taken = take_checkpoint(&store_now, pinned, epoch, last.as_ref(), &response)?;
        let proofs = verified_proofs(&store_now, &batch, &taken.checkpoint, &response)?;
        drop(store_now);
        if !proofs.is_empty() {
            lock(store).save_proofs(taken.id, &proofs)?;
        }
        if gap.is_none() {
            let proved: HashSet<Uuid> = proofs.iter().map(|p| p.event_id).collect();
            gap = batch
                .iter()
                .find(|u| !proved.contains(&u.event_id))
                .map(|u| u.local_seq);
        }
        last = Some(taken);
        match next_batch(&batch, proofs.len(), own_only) {
            Some((end, own)) => (after, own_only) = (end, own),
            None => break,
        }
    }
    let through = gap.map_or(bound, |g| bound.min(g - 1));
    lock(store).set_setting(PROVEN_THROUGH, &format!("{epoch} {through}"))?;
    Ok(())
}

/// Up to where (a `local_seq`) every event the server should hold is proved in `epoch`.
fn proven_through(store: &Store, epoch: &str) -> Result<i64, SyncError> {
    Ok(setting(store, PROVEN_THROUGH)?
        .and_then(|v| {
            let (at, seq) = v.split_once(' ')?;
            (at == epoch).then(|| seq.parse::<i64>().ok())?
        })
        .unwrap_or(0))
}

/// Where the next batch starts and whether it holds this device's own events only, or None when
/// this one was the last (not full). A full batch the server proved none of (a run of events its
/// log lacks, say pulled events a restored log never got) must not stop the search, since this
/// device's later events are to be proved; but others' events after it are left for the next
/// sync, so a long run costs one request per sync, not one per batch of it.
fn next_batch(batch: &[UnprovenEvent], proved: usize, own_only: bool) -> Option<(i64, bool)> {
    match batch.last() {
        Some(end) if batch.len() == MAX_BATCH_EVENTS => {
            Some((end.local_seq, own_only || proved == 0))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unproven(n: usize) -> Vec<UnprovenEvent> {
        (1..=n as i64)
            .map(|local_seq| UnprovenEvent {
                local_seq,
                event_id: Uuid::new_v4(),
                hash: String::new(),
            })
            .collect()
    }

    #[test]
    fn proof_batches_go_on_after_a_full_batch_with_own_events_only_when_none_was_proved() {
        let full = unproven(MAX_BATCH_EVENTS);
        let end = MAX_BATCH_EVENTS as i64;
        // A full batch with proofs: the next holds every event again.
        assert_eq!(next_batch(&full, 3, false), Some((end, false)));
        // A full batch the server proved none of (a gap of 1000 events it lacks): the search goes
        // on, with this device's own events only, and stays so.
        assert_eq!(next_batch(&full, 0, false), Some((end, true)));
        assert_eq!(next_batch(&full, 5, true), Some((end, true)));
        // A short batch is the last, whatever was proved.
        assert_eq!(next_batch(&unproven(MAX_BATCH_EVENTS - 1), 0, false), None);
        assert_eq!(next_batch(&[], 0, true), None);
    }
}
