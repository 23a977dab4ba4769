//! Alerts: the kinds of finding a sync keeps in the store's `log_alerts`, recording one (which
//! also stops the sync), and the wording they share.

use quayside_store::Store;

use crate::error::SyncError;

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

pub(super) const REPORT: &str = "report this to your supervisor";

/// Keep a finding as an alert of `kind`; the error that stops the sync with it.
pub(super) fn alert(store: &Store, kind: &str, message: String) -> SyncError {
    if let Err(e) = store.record_log_alert(kind, &message) {
        return e.into();
    }
    SyncError::LogInconsistent(message)
}

/// An RFC 3339 time as people read it, in UTC ("2026-12-01 10:00 UTC"); other text as it is.
pub(super) fn when(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .format("%Y-%m-%d %H:%M UTC")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_string())
}

pub(super) fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
