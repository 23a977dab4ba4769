//! What the server signs, checked and kept (issue 6). The server key is pinned at sign-in and must
//! not change; revocations are verified and applied; each push's receipt is verified and kept; a
//! server holding fewer of this device's events than it signed receipts for lost them; and after
//! each pull the log's new checkpoint must extend the last one seen (nothing truncated, rolled back
//! or rewritten), with an inclusion proof for each event the server should hold.
//!
//! Everything a sync finds wrong is kept in the store's `log_alerts` and stops the sync with
//! [`SyncError::LogInconsistent`] or [`SyncError::ServerKeyChanged`]: nothing local is dropped.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use ed25519_dalek::VerifyingKey;
use quayside_protocol::merkle::{
    unhex32, verify_batch_inclusion, verify_consistency, verify_inclusion, Inconsistency,
};
use quayside_protocol::{
    Checkpoint, CheckpointRequest, CheckpointResponse, EnrollmentsRequest, EnrollmentsResponse,
    ErrorCode, InclusionProof, PushResponse, SignedStatement, Statement, SyncState,
    MAX_BATCH_EVENTS,
};
use quayside_store::{NewProof, NewStatement, StatementKind, Store, StoredStatement};
use uuid::Uuid;

use crate::config::{lock, setting, EPOCH_CHANGED, PROVEN_THROUGH};
use crate::error::SyncError;
use crate::http::Remote;

/// `log_alerts.kind` of a log that does not hold what it showed or acknowledged before.
pub const ALERT_LOG_INCONSISTENT: &str = "log_inconsistent";
/// `log_alerts.kind` of a server that signs with another key than the pinned one.
pub const ALERT_SERVER_KEY_CHANGED: &str = "server_key_changed";
/// `log_alerts.kind` of a statement the server's key does not sign, or that says something else
/// than the answer it came with.
pub const ALERT_BAD_STATEMENT: &str = "bad_statement";
/// `log_alerts.kind` of a notice, not an alarm: this device signed in at another address to a
/// server with another key (a move to another server), and pinned the new key.
pub const ALERT_SERVER_CHANGED: &str = "server_changed";
/// `log_alerts.kind` of a restore the server's operator declared (a new epoch).
pub const ALERT_NEW_EPOCH: &str = "new_epoch";
/// `log_alerts.kind` of a server whose signed checkpoint names another epoch than the one it says
/// (unsigned) it is in.
pub const ALERT_EPOCH_MISMATCH: &str = "epoch_mismatch";
/// `log_alerts.kind` of a server that vouches for another key of a device than the one this store
/// holds for it.
pub const ALERT_DEVICE_KEY_MISMATCH: &str = "device_key_mismatch";

const REPORT: &str = "report this to your supervisor";

/// The pinned server key, checked against what the server says now. None for a server that signs
/// nothing (an older one, and none pinned). A key seen for the first time is pinned.
pub(crate) fn check_server_key(
    store: &Store,
    state: &SyncState,
) -> Result<Option<(VerifyingKey, String)>, SyncError> {
    let seen = state.server_key.trim().to_ascii_lowercase();
    let key = match store.server_key()? {
        None if seen.is_empty() => return Ok(None),
        None => {
            let key = parse_key(&seen)?;
            store.pin_server_key(&seen)?;
            key
        }
        Some(expected) if expected == seen => parse_key(&seen)?,
        Some(expected) => {
            let error = key_changed(&seen, &expected);
            store.record_log_alert(ALERT_SERVER_KEY_CHANGED, &error.to_string())?;
            return Err(error);
        }
    };
    Ok(Some((key, seen)))
}

fn parse_key(hex_key: &str) -> Result<VerifyingKey, SyncError> {
    quayside_protocol::statement::server_key(hex_key)
        .map_err(|e| SyncError::Protocol(format!("the server's key: {e}")))
}

/// The first 16 hex digits of a key in groups of four, to read out over the phone.
pub fn fingerprint(hex_key: &str) -> String {
    let digits: Vec<char> = hex_key.chars().take(16).collect();
    digits
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The error for a server whose key is not the pinned one (`seen` empty: it signs nothing now).
pub(crate) fn key_changed(seen: &str, expected: &str) -> SyncError {
    let seen = if seen.is_empty() {
        "none: it no longer signs".to_string()
    } else {
        fingerprint(seen)
    };
    SyncError::ServerKeyChanged(format!(
        "The sync server now signs with another key (fingerprint {seen}; this device expects {}). \
         It may not be the server this device signed in to. Nothing was sent or taken: ask an \
         admin to check the server's key.",
        fingerprint(expected)
    ))
}

/// The statement, when the pinned key signed it; otherwise an alert and an error.
fn verified(
    store: &Store,
    key: &VerifyingKey,
    signed: &SignedStatement,
    what: &str,
) -> Result<Statement, SyncError> {
    signed
        .verify(key)
        .map_err(|why| bad_statement(store, &format!("{what} that its key did not sign ({why})")))
}

fn bad_statement(store: &Store, what: &str) -> SyncError {
    let message = format!("The sync server sent {what}. It was not kept; {REPORT}.");
    alert(store, ALERT_BAD_STATEMENT, message)
}

fn alert(store: &Store, kind: &str, message: String) -> SyncError {
    if let Err(e) = store.record_log_alert(kind, &message) {
        return e.into();
    }
    SyncError::LogInconsistent(message)
}

fn record(
    store: &Store,
    kind: StatementKind,
    epoch: &str,
    signed: &SignedStatement,
    key_hex: &str,
    (size, device_id, seq): (Option<u64>, Option<Uuid>, Option<u64>),
) -> Result<i64, SyncError> {
    Ok(store.record_statement(&NewStatement {
        kind,
        epoch,
        statement: signed.statement.get(),
        signature: &signed.signature,
        server_key: key_hex,
        size,
        device_id,
        seq,
    })?)
}

/// Verify, keep and apply every revocation the server lists.
pub(crate) fn take_revocations(
    store: &Store,
    (key, key_hex): &(VerifyingKey, String),
    state: &SyncState,
) -> Result<(), SyncError> {
    for signed in &state.revocations {
        let Statement::Revocation(revocation) = verified(store, key, signed, "a revocation")?
        else {
            return Err(bad_statement(
                store,
                "another statement in the place of a revocation",
            ));
        };
        let id = record(
            store,
            StatementKind::Revocation,
            "",
            signed,
            key_hex,
            (
                None,
                Some(revocation.device_id),
                Some(revocation.last_valid_seq),
            ),
        )?;
        store.add_revocation(
            revocation.device_id,
            revocation.last_valid_seq,
            &revocation.revoked_at,
            Some(id),
        )?;
    }
    Ok(())
}

/// Verify and keep a push's receipt: signed by the pinned key, for this device, of this epoch, for
/// what the answer says the server holds, whose head is this device's own event there.
pub(crate) fn take_receipt(
    store: &Store,
    (key, key_hex): &(VerifyingKey, String),
    epoch: &str,
    response: &PushResponse,
) -> Result<(), SyncError> {
    let Some(signed) = &response.receipt else {
        if response.acked_seq == 0 {
            return Ok(());
        }
        // Without receipts the check for lost acknowledged events could never fire.
        return Err(SyncError::Protocol(format!(
            "the sync server acknowledged this device's events up to {} without a signed receipt; \
             a server that signs must give one with every push that acknowledges events. \
             Nothing is lost here; {REPORT}.",
            response.acked_seq
        )));
    };
    let Statement::Receipt(receipt) = verified(store, key, signed, "a receipt")? else {
        return Err(bad_statement(
            store,
            "another statement in the place of a receipt",
        ));
    };
    let own = store.device().id;
    let head = match receipt.acked_seq {
        0 => None,
        seq => store.outgoing(seq - 1, 1)?.first().map(|e| e.hash()),
    };
    if receipt.device_id != own
        || receipt.acked_seq != response.acked_seq
        || receipt.epoch != epoch
        || head.as_deref() != Some(receipt.head_hash.as_str())
    {
        return Err(bad_statement(
            store,
            &format!(
                "a receipt that does not match its answer (device {}, event {} of epoch {}; \
                 expected device {own}, event {} of epoch {epoch}, with this device's own event there)",
                receipt.device_id, receipt.acked_seq, receipt.epoch, response.acked_seq
            ),
        ));
    }
    record(
        store,
        StatementKind::Receipt,
        epoch,
        signed,
        key_hex,
        (None, Some(own), Some(receipt.acked_seq)),
    )?;
    Ok(())
}

/// When the server holds fewer of this device's events than it signed a receipt for in this
/// epoch, it lost acknowledged events (truncated or rolled back without declaring a restore).
pub(crate) fn lost_acknowledged(
    store: &Store,
    state: &SyncState,
) -> Result<Option<SyncError>, SyncError> {
    let Some(receipt) = store.highest_receipt(&state.epoch, store.device().id)? else {
        return Ok(None);
    };
    let acked = receipt.seq.unwrap_or(0);
    if acked <= state.device_seq {
        return Ok(None);
    }
    let message = format!(
        "The sync server lost events it had acknowledged: it holds {} events of this device, but \
         on {} it signed a receipt for {acked}. Its log was truncated or rolled back without an \
         admin declaring a restore. Your events are kept here and were not sent again; {REPORT}.",
        state.device_seq,
        when(&receipt.received_at)
    );
    Ok(Some(alert(store, ALERT_LOG_INCONSISTENT, message)))
}

/// An RFC 3339 time as people read it, in UTC ("2026-12-01 10:00 UTC"); other text as it is.
fn when(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .format("%Y-%m-%d %H:%M UTC")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// A checkpoint this store holds: its id and what it says.
struct Seen {
    id: i64,
    checkpoint: Checkpoint,
}

fn seen(stored: Option<StoredStatement>) -> Result<Option<Seen>, SyncError> {
    let Some(stored) = stored else {
        return Ok(None);
    };
    match serde_json::from_str::<Statement>(&stored.statement) {
        Ok(Statement::Checkpoint(checkpoint)) => Ok(Some(Seen {
            id: stored.id,
            checkpoint,
        })),
        _ => Err(SyncError::Protocol(format!(
            "stored checkpoint {} cannot be read",
            stored.id
        ))),
    }
}

/// The message for a log that does not extend the checkpoint seen before.
fn inconsistency_message(old: &Checkpoint, e: &Inconsistency) -> String {
    match e {
        Inconsistency::Shrank { old: before, new } => format!(
            "The sync server's log was truncated or rolled back: it holds {new} events, it showed \
             {before} on {}. Your events are kept here; {REPORT}.",
            when(&old.issued_at)
        ),
        Inconsistency::Rewritten {
            old: before,
            new,
            why,
        } => format!(
            "The sync server's log was rewritten: the {before} events it showed on {} are not \
             the first {before} of the {new} it holds now ({why}). Your events are kept here; \
             {REPORT}.",
            when(&old.issued_at)
        ),
    }
}

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
    (key, key_hex): &(VerifyingKey, String),
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
        let mut response: CheckpointResponse = remote.post_gzipped("/checkpoint", &request)?;
        answered_in_full(&mut response, &request)?;
        let store_now = lock(store);
        let Statement::Checkpoint(checkpoint) =
            verified(&store_now, key, &response.checkpoint, "a checkpoint")?
        else {
            return Err(bad_statement(
                &store_now,
                "another statement in the place of a checkpoint",
            ));
        };
        if checkpoint.epoch != epoch {
            // The epoch the server says it is in is not signed; its checkpoint is. Either an admin
            // declared a restore during this sync, or the server says one thing and signs another.
            return Err(epoch_mismatch(&store_now, epoch, &checkpoint.epoch));
        }
        epoch_agrees(&store_now)?;
        if let Some(old) = &last {
            let o = &old.checkpoint;
            verify_consistency(
                &o.root,
                o.size,
                &checkpoint.root,
                checkpoint.size,
                &response.consistency,
            )
            .map_err(|e| {
                alert(
                    &store_now,
                    ALERT_LOG_INCONSISTENT,
                    inconsistency_message(o, &e),
                )
            })?;
        }
        // The same tree as the one held (nothing new in the log): prove against that one.
        let unchanged = last
            .as_ref()
            .filter(|o| {
                (o.checkpoint.size, &o.checkpoint.root) == (checkpoint.size, &checkpoint.root)
            })
            .map(|o| o.id);
        let id = match unchanged {
            Some(id) => id,
            None => record(
                &store_now,
                StatementKind::Checkpoint,
                epoch,
                &response.checkpoint,
                key_hex,
                (Some(checkpoint.size), None, None),
            )?,
        };
        let asked: HashMap<&str, Uuid> = batch
            .iter()
            .map(|u| (u.hash.as_str(), u.event_id))
            .collect();
        // A server from before batch proofs answers a path each, and ignores `batch`.
        let batched =
            !response.batch_proof.is_empty() || response.proofs.iter().any(|p| p.path.is_empty());
        let derived = if batched {
            let paths = batch_paths(&checkpoint, &response).map_err(|why| {
                alert(
                    &store_now,
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
                return Err(alert(&store_now, ALERT_LOG_INCONSISTENT, message));
            }
            proofs.push(NewProof {
                event_id,
                leaf_index: proof.index,
                path: proof.path.clone(),
            });
        }
        drop(store_now);
        if !proofs.is_empty() {
            lock(store).save_proofs(id, &proofs)?;
        }
        if gap.is_none() {
            let proved: HashSet<Uuid> = proofs.iter().map(|p| p.event_id).collect();
            gap = batch
                .iter()
                .find(|u| !proved.contains(&u.event_id))
                .map(|u| u.local_seq);
        }
        last = Some(Seen { id, checkpoint });
        match next_batch(&batch, proofs.len(), own_only) {
            Some((end, own)) => (after, own_only) = (end, own),
            None => break,
        }
    }
    let through = gap.map_or(bound, |g| bound.min(g - 1));
    lock(store).set_setting(PROVEN_THROUGH, &format!("{epoch} {through}"))?;
    Ok(())
}

/// A batch answer names where each asked hash is (`indices`), not the hash again: made into the
/// `proofs` an answer of paths has, with empty paths, so both are read alike.
fn answered_in_full(
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
fn next_batch(
    batch: &[quayside_store::UnprovenEvent],
    proved: usize,
    own_only: bool,
) -> Option<(i64, bool)> {
    match batch.last() {
        Some(end) if batch.len() == MAX_BATCH_EVENTS => {
            Some((end.local_seq, own_only || proved == 0))
        }
        _ => None,
    }
}

/// A checkpoint whose signed epoch is not the one this sync's `SyncState` said. An admin running
/// `new-epoch` between `GET /sync` and the checkpoint gives exactly that, honestly, so the first
/// time it fails this sync with an error that retries by itself and no alert, and remembers the
/// signed epoch seen (`sync.epoch_changed`). Only when the next sync that reaches a checkpoint
/// disagrees again (a server that says one epoch and signs another) is it an `epoch_mismatch`
/// alert. A checkpoint that agrees forgets the first disagreement ([`epoch_agrees`]).
pub(crate) fn epoch_mismatch(store: &Store, said: &str, signed: &str) -> SyncError {
    let before = match setting(store, EPOCH_CHANGED) {
        Ok(before) => before,
        Err(e) => return e,
    };
    let Some(before) = before else {
        if let Err(e) = store.set_setting(EPOCH_CHANGED, signed) {
            return e.into();
        }
        // Not a wire answer, but the code that says the log's epoch moved on; it retries.
        return SyncError::Rejected {
            status: 409,
            code: ErrorCode::StaleCursor,
            message: format!(
                "The sync server's log changed identity during this sync: it said epoch {said}, \
                 then signed a checkpoint of epoch {signed} (an admin may have just declared a \
                 restore). Nothing was proved or marked as restored; the next sync checks it \
                 again by itself."
            ),
        };
    };
    let message = format!(
        "The sync server says its log is epoch {said}, but the checkpoint it signed names epoch \
         {signed}, and the sync before found the same (a checkpoint of epoch {before}). Only the \
         checkpoint is signed, so this device cannot tell which log it is syncing with; nothing \
         was proved or marked as restored. {}.",
        capitalized(REPORT)
    );
    alert(store, ALERT_EPOCH_MISMATCH, message)
}

/// A checkpoint whose signed epoch is the one this sync's `SyncState` said: an earlier
/// disagreement was a restore declared during that sync.
pub(crate) fn epoch_agrees(store: &Store) -> Result<(), SyncError> {
    if setting(store, EPOCH_CHANGED)?.is_some() {
        store.set_setting(EPOCH_CHANGED, "")?;
    }
    Ok(())
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Verify a signed checkpoint with the pinned key and give what it says.
pub(crate) fn checkpoint_statement(
    store: &Store,
    key: &VerifyingKey,
    signed: &SignedStatement,
) -> Result<Checkpoint, SyncError> {
    match verified(store, key, signed, "a checkpoint")? {
        Statement::Checkpoint(checkpoint) => Ok(checkpoint),
        _ => Err(bad_statement(
            store,
            "another statement in the place of a checkpoint",
        )),
    }
}

/// Ask the server to vouch for the key of every device this store holds without an enrollment
/// (this one included), verify each answer with the pinned key and keep it when it names the key
/// this store holds for that device. One that names another key is never kept: an alert names
/// the device and the sync fails once the rest are kept.
pub(crate) fn anchor_device_keys(
    remote: &Remote,
    store: &Mutex<Store>,
    (key, key_hex): &(VerifyingKey, String),
) -> Result<(), SyncError> {
    let wanted = lock(store).devices_without_enrollment()?;
    let mut mismatch = None;
    for batch in wanted.chunks(MAX_BATCH_EVENTS) {
        let request = EnrollmentsRequest {
            device_ids: batch.to_vec(),
        };
        let response: EnrollmentsResponse = match remote.post("/enrollments", &request) {
            Ok(response) => response,
            // A server from before enrollments were signed: nothing to anchor with.
            Err(SyncError::Rejected {
                code: ErrorCode::NotFound,
                ..
            }) => return Ok(()),
            Err(e) => return Err(e),
        };
        let store = lock(store);
        for signed in &response.enrollments {
            let Statement::Enrollment(enrollment) = verified(&store, key, signed, "an enrollment")?
            else {
                return Err(bad_statement(
                    &store,
                    "another statement in the place of an enrollment",
                ));
            };
            if !batch.contains(&enrollment.device_id) {
                continue;
            }
            let held = store.device_key(enrollment.device_id)?.map(hex::encode);
            if held.as_deref() != Some(enrollment.public_key.as_str()) {
                let message = format!(
                    "The sync server vouches that device {} (enrolled by {}) has key {}, but this \
                     device holds key {} for it, from the events it pulled. The enrollment was not \
                     kept, and that device's events cannot be tied to the server's word; {REPORT}.",
                    enrollment.device_id,
                    enrollment.username,
                    fingerprint(&enrollment.public_key),
                    held.as_deref().map_or("none".to_string(), fingerprint),
                );
                let error = alert(&store, ALERT_DEVICE_KEY_MISMATCH, message);
                mismatch.get_or_insert(error);
                continue;
            }
            store.record_enrollment(
                enrollment.device_id,
                signed.statement.get(),
                &signed.signature,
                key_hex,
            )?;
        }
    }
    mismatch.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::SigningKey;
    use quayside_domain::event::Role;
    use quayside_protocol::{Account, Receipt, Revocation};

    use super::*;

    fn server(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    fn hex_of(key: &SigningKey) -> String {
        hex::encode(key.verifying_key().as_bytes())
    }

    fn state(key: &str, device_seq: u64) -> SyncState {
        SyncState {
            epoch: "e1".into(),
            device_seq,
            device_head_hash: String::new(),
            account: Account {
                username: "ines".into(),
                role: Role::Inspector,
                ports: vec!["NLRTM".into()],
            },
            server_key: key.into(),
            revocations: Vec::new(),
            accepts_gzip: false,
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    fn pinned(key: &SigningKey) -> (VerifyingKey, String) {
        (key.verifying_key(), hex_of(key))
    }

    #[test]
    fn the_first_key_seen_is_pinned_and_another_is_refused_with_both_fingerprints() {
        let (_dir, store) = store();
        assert!(check_server_key(&store, &state("", 0)).unwrap().is_none());
        let first = hex_of(&server(1));
        let (_, hex_key) = check_server_key(&store, &state(&first.to_uppercase(), 0))
            .unwrap()
            .unwrap();
        assert_eq!(hex_key, first);
        assert_eq!(store.server_key().unwrap(), Some(first.clone()));
        assert!(check_server_key(&store, &state(&first, 0)).is_ok());

        let other = hex_of(&server(2));
        let err = check_server_key(&store, &state(&other, 0)).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, SyncError::ServerKeyChanged(_)));
        assert!(message.contains(&fingerprint(&other)), "{message}");
        assert!(message.contains(&fingerprint(&first)), "{message}");
        assert!(message.contains("ask an admin"), "{message}");
        // A server that stops signing is refused too.
        let err = check_server_key(&store, &state("", 0)).unwrap_err();
        assert!(err.to_string().contains("no longer signs"), "{err}");
        let alerts = store.log_alerts().unwrap();
        assert_eq!(alerts.len(), 2);
        assert!(alerts.iter().all(|a| a.kind == ALERT_SERVER_KEY_CHANGED));
        assert_eq!(store.server_key().unwrap(), Some(first), "still pinned");
    }

    #[test]
    fn fingerprints_are_sixteen_digits_in_fours() {
        assert_eq!(
            fingerprint(&"0123456789abcdef".repeat(4)),
            "0123 4567 89ab cdef"
        );
    }

    #[test]
    fn revocations_are_verified_kept_and_applied() {
        let (_dir, store) = store();
        let key = server(1);
        let device = Uuid::new_v4();
        let signed = SignedStatement::sign(
            &Statement::Revocation(Revocation {
                device_id: device,
                last_valid_seq: 4,
                revoked_at: "2026-12-01T10:00:00Z".into(),
            }),
            &key,
        );
        let mut with = state(&hex_of(&key), 0);
        with.revocations = vec![signed.clone(), signed];
        take_revocations(&store, &pinned(&key), &with).unwrap();
        assert_eq!(store.revocation_statements().unwrap().len(), 1);
        let revoked = store.revocations().unwrap();
        assert_eq!(
            (revoked[0].device_id, revoked[0].last_valid_seq),
            (device, 4)
        );

        // One signed by another key is not kept, and says so.
        let forged = SignedStatement::sign(
            &Statement::Revocation(Revocation {
                device_id: Uuid::new_v4(),
                last_valid_seq: 0,
                revoked_at: "2026-12-01T10:00:00Z".into(),
            }),
            &server(9),
        );
        with.revocations = vec![forged];
        let err = take_revocations(&store, &pinned(&key), &with).unwrap_err();
        assert!(matches!(err, SyncError::LogInconsistent(_)), "{err:?}");
        assert!(err.to_string().contains("did not sign"), "{err}");
        assert_eq!(store.revocations().unwrap().len(), 1);
        assert_eq!(store.log_alerts().unwrap()[0].kind, ALERT_BAD_STATEMENT);
    }

    fn receipt_for(store: &Store, key: &SigningKey, acked: u64, device: Uuid) -> PushResponse {
        let head = store.outgoing(acked - 1, 1).unwrap()[0].hash();
        PushResponse {
            acked_seq: acked,
            receipt: Some(SignedStatement::sign(
                &Statement::Receipt(Receipt {
                    epoch: "e1".into(),
                    device_id: device,
                    acked_seq: acked,
                    head_hash: head,
                    accepted: 1,
                    received_at: "2026-12-01T10:00:00Z".into(),
                }),
                key,
            )),
            ..PushResponse::default()
        }
    }

    #[test]
    fn a_receipt_is_kept_when_it_matches_and_a_server_holding_less_than_it_signed_is_named() {
        let (_dir, mut store) = store();
        let author = quayside_domain::event::Author {
            name: "Ines".into(),
            role: Role::Inspector,
        };
        let case = store.open_case(&author, "NLRTM").unwrap().id;
        store
            .append_field_edit(
                &author,
                case,
                None,
                quayside_domain::fields::Field::VesselName,
                Some("MSC ANNA".into()),
            )
            .unwrap();
        let key = server(1);
        let own = store.device().id;
        take_receipt(
            &store,
            &pinned(&key),
            "e1",
            &receipt_for(&store, &key, 2, own),
        )
        .unwrap();
        assert_eq!(store.receipts().unwrap().len(), 1);

        // Another device's receipt, another epoch, another acked_seq: not kept.
        let theirs = receipt_for(&store, &key, 2, Uuid::new_v4());
        assert!(take_receipt(&store, &pinned(&key), "e1", &theirs).is_err());
        assert!(take_receipt(
            &store,
            &pinned(&key),
            "e2",
            &receipt_for(&store, &key, 2, own)
        )
        .is_err());
        let mut wrong = receipt_for(&store, &key, 2, own);
        wrong.acked_seq = 1;
        assert!(take_receipt(&store, &pinned(&key), "e1", &wrong).is_err());
        assert_eq!(store.receipts().unwrap().len(), 1);

        assert!(lost_acknowledged(&store, &state(&hex_of(&key), 2))
            .unwrap()
            .is_none());
        let lost = lost_acknowledged(&store, &state(&hex_of(&key), 1))
            .unwrap()
            .unwrap();
        let message = lost.to_string();
        assert!(
            message.contains("it holds 1 events of this device, but on"),
            "{message}"
        );
        assert!(message.contains("signed a receipt for 2"), "{message}");
        assert!(
            message.contains("report this to your supervisor"),
            "{message}"
        );
        // Another epoch (a declared restore) starts afresh.
        let mut restored = state(&hex_of(&key), 0);
        restored.epoch = "e2".into();
        assert!(lost_acknowledged(&store, &restored).unwrap().is_none());
    }

    #[test]
    fn an_answer_acknowledging_events_without_a_receipt_is_a_protocol_error() {
        let (_dir, store) = store();
        let key = server(1);
        let nothing = PushResponse::default();
        assert!(take_receipt(&store, &pinned(&key), "e1", &nothing).is_ok());
        let unsigned = PushResponse {
            acked_seq: 3,
            ..PushResponse::default()
        };
        let err = take_receipt(&store, &pinned(&key), "e1", &unsigned).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, SyncError::Protocol(_)), "{err:?}");
        assert!(
            message.contains("up to 3 without a signed receipt"),
            "{message}"
        );
        assert!(store.receipts().unwrap().is_empty());
    }

    fn unproven(n: usize) -> Vec<quayside_store::UnprovenEvent> {
        (1..=n as i64)
            .map(|local_seq| quayside_store::UnprovenEvent {
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

    #[test]
    fn a_checkpoint_of_another_epoch_is_retried_once_and_an_alert_only_when_it_comes_back() {
        let (_dir, store) = store();
        // The first time: a restore declared during the sync, perhaps. Retried, no alert.
        let err = epoch_mismatch(&store, "e1", "e2");
        let message = err.to_string();
        assert!(err.retries(), "{err:?}");
        assert!(!matches!(err, SyncError::LogInconsistent(_)), "{err:?}");
        assert!(
            message.contains("changed identity during this sync: it said epoch e1, then signed a checkpoint of epoch e2"),
            "{message}"
        );
        assert!(message.contains("checks it again by itself"), "{message}");
        assert!(store.log_alerts().unwrap().is_empty());
        assert_eq!(
            setting(&store, EPOCH_CHANGED).unwrap().as_deref(),
            Some("e2")
        );

        // A checkpoint that agrees: it was a restore, and is forgotten.
        epoch_agrees(&store).unwrap();
        assert_eq!(setting(&store, EPOCH_CHANGED).unwrap(), None);
        assert!(epoch_mismatch(&store, "e2", "e3").retries());
        assert!(store.log_alerts().unwrap().is_empty());

        // The next sync disagrees again: the server says one epoch and signs another.
        let err = epoch_mismatch(&store, "e2", "e3");
        let message = err.to_string();
        assert!(matches!(err, SyncError::LogInconsistent(_)), "{err:?}");
        assert!(!err.retries());
        assert!(message.contains("says its log is epoch e2"), "{message}");
        assert!(message.contains("names epoch e3"), "{message}");
        assert!(
            message.contains("the sync before found the same"),
            "{message}"
        );
        assert!(
            message.contains("Report this to your supervisor"),
            "{message}"
        );
        let alerts = store.log_alerts().unwrap();
        assert_eq!(alerts.len(), 1);
        assert_eq!(alerts[0].kind, ALERT_EPOCH_MISMATCH);
    }

    #[test]
    fn inconsistencies_read_as_what_happened_and_when() {
        let old = Checkpoint {
            epoch: "e1".into(),
            size: 10,
            root: "ab".repeat(32),
            issued_at: "2026-12-01T10:00:00.123Z".into(),
        };
        assert_eq!(
            inconsistency_message(&old, &Inconsistency::Shrank { old: 10, new: 7 }),
            "The sync server's log was truncated or rolled back: it holds 7 events, it showed 10 \
             on 2026-12-01 10:00 UTC. Your events are kept here; report this to your supervisor."
        );
        let rewritten = inconsistency_message(
            &old,
            &Inconsistency::Rewritten {
                old: 10,
                new: 12,
                why: "the consistency proof fails".into(),
            },
        );
        assert!(
            rewritten.contains("rewritten: the 10 events it showed on 2026-12-01 10:00 UTC are not the first 10 of the 12"),
            "{rewritten}"
        );
        assert_eq!(when("not a time"), "not a time");
    }

    /// How the fake server below answers `POST /checkpoint`.
    #[derive(Clone, Copy, PartialEq)]
    enum Answers {
        /// A server from before batch proofs: a path each, `batch` ignored.
        Paths,
        Batch,
        /// A batch proof with one hash changed.
        TamperedBatch,
        /// A batch answer placing one event fewer than were asked.
        ShortIndices,
    }

    /// A server holding three events of others, then this device's `own` events.
    struct Log {
        key: SigningKey,
        tree: quayside_protocol::merkle::LogTree,
        answers: Answers,
        asked_batch: std::sync::atomic::AtomicBool,
    }

    impl crate::http::Transport for Log {
        fn exchange(
            &self,
            request: &crate::http::Request<'_>,
        ) -> Result<crate::http::Answer, crate::http::Failure> {
            assert!(request.path.ends_with("/checkpoint"), "{request:?}");
            let asked: CheckpointRequest = serde_json::from_slice(request.body).unwrap();
            self.asked_batch
                .store(asked.batch, std::sync::atomic::Ordering::Relaxed);
            let batch = asked.batch && self.answers != Answers::Paths;
            let mut indices: Vec<Option<u64>> = asked
                .hashes
                .iter()
                .map(|hash| {
                    let leaf = unhex32(hash).unwrap();
                    (0..self.tree.len()).find(|&i| self.tree.leaf(i) == Some(&leaf))
                })
                .collect();
            let (proofs, mut batch_proof) = if batch {
                let held: Vec<u64> = indices.iter().flatten().copied().collect();
                (Vec::new(), self.tree.batch_inclusion(&held))
            } else {
                let proofs = asked
                    .hashes
                    .iter()
                    .zip(&indices)
                    .filter_map(|(hash, index)| {
                        Some(quayside_protocol::InclusionProof {
                            hash: hash.clone(),
                            index: (*index)?,
                            path: self.tree.inclusion((*index)?),
                        })
                    })
                    .collect();
                (proofs, Vec::new())
            };
            if !batch {
                indices.clear();
            }
            if self.answers == Answers::ShortIndices {
                indices.pop();
            }
            if self.answers == Answers::TamperedBatch {
                batch_proof[0] = "00".repeat(32);
            }
            let checkpoint = Statement::Checkpoint(Checkpoint {
                epoch: "e1".into(),
                size: self.tree.len(),
                root: self.tree.root(),
                issued_at: "2026-12-01T10:00:00Z".into(),
            });
            let response = CheckpointResponse {
                checkpoint: SignedStatement::sign(&checkpoint, &self.key),
                consistency: Vec::new(),
                proofs,
                indices,
                batch_proof,
            };
            Ok(crate::http::Answer {
                status: 200,
                body: serde_json::to_vec(&response).unwrap(),
            })
        }
    }

    /// A store with `own` acknowledged events, a log holding them after three of others, and
    /// what `prove` gives against it.
    fn prove_against(
        answers: Answers,
        own: usize,
    ) -> (tempfile::TempDir, Store, Log, Result<(), SyncError>) {
        let (dir, mut store) = store();
        let author = quayside_domain::event::Author {
            name: "Ines".into(),
            role: Role::Inspector,
        };
        let case = store.open_case(&author, "NLRTM").unwrap().id;
        for n in 1..own {
            store
                .append_field_edit(
                    &author,
                    case,
                    None,
                    quayside_domain::fields::Field::VesselName,
                    Some(format!("MSC ANNA {n}")),
                )
                .unwrap();
        }
        let mut tree = quayside_protocol::merkle::LogTree::new();
        for n in 0..3u8 {
            tree.push([n; 32]);
        }
        for event in store.outgoing(0, own).unwrap() {
            tree.push(unhex32(&event.hash()).unwrap());
        }
        let key = server(1);
        store.pin_server_key(&hex_of(&key)).unwrap();
        let log = std::sync::Arc::new(Log {
            key: key.clone(),
            tree,
            answers,
            asked_batch: false.into(),
        });
        let remote = Remote::over("http://log.test", Some("token".into()), log.clone());
        let store = Mutex::new(store);
        let result = prove(&remote, &store, &pinned(&key), "e1", own as u64);
        drop(remote);
        let log = std::sync::Arc::into_inner(log).unwrap();
        (dir, store.into_inner().unwrap(), log, result)
    }

    fn stored_paths(store: &Store, log: &Log) -> Vec<(u64, Vec<String>)> {
        store
            .outgoing(0, 100)
            .unwrap()
            .iter()
            .map(|event| {
                let proofs = store.event_proofs(event.body.id).unwrap();
                assert_eq!(proofs.len(), 1, "one proof for event {}", event.body.id);
                let index = proofs[0].leaf_index;
                assert_eq!(log.tree.leaf(index), Some(&unhex32(&event.hash()).unwrap()));
                (index, proofs[0].path.clone())
            })
            .collect()
    }

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
