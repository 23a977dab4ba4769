//! Inclusion proofs: that each event asked about is in the log a checkpoint describes, answered as
//! one batch proof (the answer places each event, the proof covers them all) or, by a server from
//! before batch proofs, as a path each. Either way each event's own path is what is kept.

use std::collections::HashMap;

use quayside_protocol::merkle::{unhex32, verify_batch_inclusion, verify_inclusion};
use quayside_protocol::{Checkpoint, CheckpointRequest, CheckpointResponse, InclusionProof};
use quayside_store::{NewProof, Store, UnprovenEvent};
use uuid::Uuid;

use super::alert::{alert, ALERT_LOG_INCONSISTENT, REPORT};
use crate::error::SyncError;

/// A batch answer names where each asked hash is (`indices`), not the hash again: made into the
/// `proofs` an answer of paths has, with empty paths, so both are read alike.
pub(super) fn answered_in_full(
    response: &mut CheckpointResponse,
    request: &CheckpointRequest,
) -> Result<(), SyncError> {
    if response.indices.is_empty() {
        return Ok(());
    }
    if response.indices.len() != request.hashes.len() || !response.proofs.is_empty() {
        return Err(SyncError::Protocol(format!(
            "the server's checkpoint answer places {} events where {} were asked",
            response.indices.len(),
            request.hashes.len()
        )));
    }
    response.proofs = request
        .hashes
        .iter()
        .zip(&response.indices)
        .filter_map(|(hash, index)| {
            Some(InclusionProof {
                hash: hash.clone(),
                index: (*index)?,
                path: Vec::new(),
            })
        })
        .collect();
    Ok(())
}

/// The proofs of `response` for the events of `batch`, each verified against `checkpoint`; an
/// alert when one does not verify. Hashes not asked about are passed over.
pub(super) fn verified_proofs(
    store: &Store,
    batch: &[UnprovenEvent],
    checkpoint: &Checkpoint,
    response: &CheckpointResponse,
) -> Result<Vec<NewProof>, SyncError> {
    let asked: HashMap<&str, Uuid> = batch
        .iter()
        .map(|u| (u.hash.as_str(), u.event_id))
        .collect();
    // A server from before batch proofs answers a path each, and ignores `batch`.
    let batched =
        !response.batch_proof.is_empty() || response.proofs.iter().any(|p| p.path.is_empty());
    let derived = if batched {
        let paths = batch_paths(checkpoint, response).map_err(|why| {
            alert(
                store,
                ALERT_LOG_INCONSISTENT,
                batch_failure(response.proofs.len(), checkpoint.size, &why),
            )
        })?;
        Some(paths)
    } else {
        None
    };
    let mut proofs = Vec::with_capacity(response.proofs.len());
    for (n, proof) in response.proofs.iter().enumerate() {
        // A hash not asked about proves nothing this store needs.
        let Some(&event_id) = asked.get(proof.hash.as_str()) else {
            continue;
        };
        if let Some(paths) = &derived {
            proofs.push(NewProof {
                event_id,
                leaf_index: proof.index,
                path: paths[n].clone(),
            });
            continue;
        }
        let included = unhex32(&proof.hash).and_then(|leaf| {
            verify_inclusion(
                &checkpoint.root,
                checkpoint.size,
                &leaf,
                proof.index,
                &proof.path,
            )
        });
        if let Err(why) = included {
            let message = format!(
                "The sync server's proof that event {event_id} is in its log of {} events does \
                 not verify ({why}): its log may have been rewritten. Your events are kept \
                 here; {REPORT}.",
                checkpoint.size
            );
            return Err(alert(store, ALERT_LOG_INCONSISTENT, message));
        }
        proofs.push(NewProof {
            event_id,
            leaf_index: proof.index,
            path: proof.path.clone(),
        });
    }
    Ok(proofs)
}

/// Each answered event's own audit path (in the order of `response.proofs`), derived from the
/// batch proof once it leads to the checkpoint's root. Every answered event is a leaf of it, asked
/// or not; one answered twice (at the same index, with the same hash) counts once.
fn batch_paths(
    checkpoint: &Checkpoint,
    response: &CheckpointResponse,
) -> Result<Vec<Vec<String>>, String> {
    if response.proofs.is_empty() {
        return Ok(Vec::new());
    }
    let mut leaves = Vec::with_capacity(response.proofs.len());
    let mut at: HashMap<(u64, &str), usize> = HashMap::new();
    let mut slots = Vec::with_capacity(response.proofs.len());
    for proof in &response.proofs {
        let slot = match at.get(&(proof.index, proof.hash.as_str())) {
            Some(&slot) => slot,
            None => {
                leaves.push((proof.index, unhex32(&proof.hash)?));
                at.insert((proof.index, proof.hash.as_str()), leaves.len() - 1);
                leaves.len() - 1
            }
        };
        slots.push(slot);
    }
    let paths = verify_batch_inclusion(
        &checkpoint.root,
        checkpoint.size,
        &leaves,
        &response.batch_proof,
    )?;
    Ok(slots.into_iter().map(|slot| paths[slot].clone()).collect())
}

fn batch_failure(events: usize, size: u64, why: &str) -> String {
    format!(
        "The sync server's proof that {events} events are in its log of {size} events does not \
         verify ({why}): its log may have been rewritten. Your events are kept here; {REPORT}."
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{prove_against, stored_paths, Answers};
    use super::*;

    #[test]
    fn a_batch_proof_is_asked_verified_and_kept_as_a_path_per_event() {
        let (_dir, store, log, result) = prove_against(Answers::Batch, 6);
        result.unwrap();
        assert!(log.asked_batch.load(std::sync::atomic::Ordering::Relaxed));
        let paths = stored_paths(&store, &log);
        assert_eq!(paths.len(), 6);
        for (index, path) in paths {
            assert_eq!(path, log.tree.inclusion(index), "the path of leaf {index}");
        }
        assert!(store.log_alerts().unwrap().is_empty());
    }

    #[test]
    fn a_batch_answer_placing_fewer_events_than_asked_is_refused_and_nothing_is_kept() {
        let (_dir, store, _log, result) = prove_against(Answers::ShortIndices, 4);
        let err = result.unwrap_err();
        assert!(matches!(err, SyncError::Protocol(_)), "{err:?}");
        assert!(
            err.to_string()
                .contains("places 3 events where 4 were asked"),
            "{err}"
        );
        for event in store.outgoing(0, 100).unwrap() {
            assert!(store.event_proofs(event.body.id).unwrap().is_empty());
        }
    }

    #[test]
    fn a_server_answering_a_path_per_event_is_still_understood() {
        let (_dir, store, log, result) = prove_against(Answers::Paths, 4);
        result.unwrap();
        for (index, path) in stored_paths(&store, &log) {
            assert_eq!(path, log.tree.inclusion(index));
        }
    }

    #[test]
    fn a_batch_proof_that_does_not_verify_is_an_alert_and_nothing_is_kept() {
        let (_dir, store, _log, result) = prove_against(Answers::TamperedBatch, 5);
        let err = result.unwrap_err();
        assert!(matches!(err, SyncError::LogInconsistent(_)), "{err:?}");
        let message = err.to_string();
        assert!(
            message.contains("proof that 5 events are in its log of 8 events does not verify"),
            "{message}"
        );
        assert!(
            message.contains("does not lead to the checkpoint's root"),
            "{message}"
        );
        assert!(
            message.contains("Your events are kept here; report this"),
            "{message}"
        );
        let alerts = store.log_alerts().unwrap();
        assert_eq!(alerts.len(), 1);
        assert_eq!(alerts[0].kind, ALERT_LOG_INCONSISTENT);
        for event in store.outgoing(0, 100).unwrap() {
            assert!(store.event_proofs(event.body.id).unwrap().is_empty());
        }
    }
}
