//! Checkpoints: the server's signed statement of its log's size and root, verified, of this sync's
//! epoch, proved to extend the last one this store holds (nothing truncated, rolled back or
//! rewritten), and kept.

use ed25519_dalek::VerifyingKey;
use quayside_protocol::merkle::{verify_consistency, Inconsistency};
use quayside_protocol::{Checkpoint, CheckpointResponse, SignedStatement, Statement};
use quayside_store::{StatementKind, Store, StoredStatement};

use super::alert::{alert, when, ALERT_LOG_INCONSISTENT, REPORT};
use super::epoch::check_signed_epoch;
use super::statement::{bad_statement, record, verified};
use crate::error::SyncError;

/// A checkpoint this store holds: its id and what it says.
pub(super) struct Seen {
    pub(super) id: i64,
    pub(super) checkpoint: Checkpoint,
}

/// The checkpoint `stored` (the last this store holds of an epoch), read.
pub(super) fn seen(stored: Option<StoredStatement>) -> Result<Option<Seen>, SyncError> {
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

/// The checkpoint of a `POST /checkpoint` answer: verified, of `epoch`, extending `last` (the one
/// this store last held in this epoch), and kept unless it is `last` again.
pub(super) fn take_checkpoint(
    store: &Store,
    (key, key_hex): &(VerifyingKey, String),
    epoch: &str,
    last: Option<&Seen>,
    response: &CheckpointResponse,
) -> Result<Seen, SyncError> {
    let checkpoint = checkpoint_statement(store, key, &response.checkpoint)?;
    check_signed_epoch(store, epoch, &checkpoint.epoch)?;
    if let Some(old) = last {
        let o = &old.checkpoint;
        verify_consistency(
            &o.root,
            o.size,
            &checkpoint.root,
            checkpoint.size,
            &response.consistency,
        )
        .map_err(|e| alert(store, ALERT_LOG_INCONSISTENT, inconsistency_message(o, &e)))?;
    }
    // The same tree as the one held (nothing new in the log): prove against that one.
    let unchanged = last
        .filter(|o| (o.checkpoint.size, &o.checkpoint.root) == (checkpoint.size, &checkpoint.root))
        .map(|o| o.id);
    let id = match unchanged {
        Some(id) => id,
        None => record(
            store,
            StatementKind::Checkpoint,
            epoch,
            &response.checkpoint,
            key_hex,
            (Some(checkpoint.size), None, None),
        )?,
    };
    Ok(Seen { id, checkpoint })
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
