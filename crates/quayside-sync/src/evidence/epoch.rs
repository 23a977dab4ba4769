//! Epochs: the server's log starts a new one when its operator restores it from a backup. The
//! epoch a sync is told is not signed, its checkpoints are: a restore is believed only when a
//! signed checkpoint names the new epoch too.

use quayside_protocol::ErrorCode;
use quayside_store::Store;

use super::alert::{alert, capitalized, ALERT_EPOCH_MISMATCH, ALERT_NEW_EPOCH, REPORT};
use crate::error::SyncError;
use crate::settings::{setting, EPOCH_CHANGED};

/// A verified checkpoint's epoch (`signed`) against the one this sync's `SyncState` said.
pub(crate) fn check_signed_epoch(store: &Store, said: &str, signed: &str) -> Result<(), SyncError> {
    if signed != said {
        // The epoch the server says it is in is not signed; its checkpoint is. Either an admin
        // declared a restore during this sync, or the server says one thing and signs another.
        return Err(epoch_mismatch(store, said, signed));
    }
    epoch_agrees(store)
}

/// Keep the notice that the server's operator declared a restore (a new epoch).
pub(crate) fn record_new_epoch(store: &Store, epoch: &str) -> Result<(), SyncError> {
    store.record_log_alert(
        ALERT_NEW_EPOCH,
        &format!(
            "The sync server's operator declared that its log was restored from \
             a backup (new epoch {epoch}). What this device saw of the log before \
             cannot be checked against the restored log. This device sends again \
             its events the restored log lacks, and the server's proofs start \
             again from the restored log."
        ),
    )?;
    Ok(())
}

/// A checkpoint whose signed epoch is not the one this sync's `SyncState` said. An admin running
/// `new-epoch` between `GET /sync` and the checkpoint gives exactly that, honestly, so the first
/// time it fails this sync with an error that retries by itself and no alert, and remembers the
/// signed epoch seen (`sync.epoch_changed`). Only when the next sync that reaches a checkpoint
/// disagrees again (a server that says one epoch and signs another) is it an `epoch_mismatch`
/// alert. A checkpoint that agrees forgets the first disagreement ([`epoch_agrees`]).
fn epoch_mismatch(store: &Store, said: &str, signed: &str) -> SyncError {
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
fn epoch_agrees(store: &Store) -> Result<(), SyncError> {
    if setting(store, EPOCH_CHANGED)?.is_some() {
        store.set_setting(EPOCH_CHANGED, "")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::store;
    use super::*;

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
}
