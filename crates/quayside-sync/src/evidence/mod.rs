//! What the server signs, checked and kept (see `docs/evidence.md`). The server key is pinned at
//! sign-in and must not change; revocations are verified and applied; each push's receipt is
//! verified and kept; a server holding fewer of this device's events than it signed receipts for
//! lost them; and after each pull the log's new checkpoint must extend the last one seen (nothing
//! truncated, rolled back or rewritten), with an inclusion proof for each event the server should
//! hold.
//!
//! Everything a sync finds wrong is kept in the store's `log_alerts` and stops the sync with
//! [`SyncError::LogInconsistent`] or [`SyncError::ServerKeyChanged`]: nothing local is dropped.
//!
//! One module a job: `alert` at the bottom, `statement` (verify and keep one signed statement)
//! over it, then the server key (`pinning`), `revocation`, `receipt`, `epoch`, `checkpoint`
//! (consistency), `inclusion` (an answer's proofs), `prove` (which events to ask about, over
//! `checkpoint` and `inclusion`), `enrollment` (device keys the server vouches for) and
//! `control_list` (the control lists it published).
//!
//! [`SyncError::LogInconsistent`]: crate::SyncError::LogInconsistent
//! [`SyncError::ServerKeyChanged`]: crate::SyncError::ServerKeyChanged

mod alert;
mod checkpoint;
mod control_list;
mod enrollment;
mod epoch;
mod inclusion;
mod pinning;
mod prove;
mod receipt;
mod revocation;
mod statement;

#[cfg(test)]
mod fixtures;

pub use alert::{
    ALERT_BAD_STATEMENT, ALERT_DEVICE_KEY_MISMATCH, ALERT_EPOCH_MISMATCH, ALERT_LOG_INCONSISTENT,
    ALERT_NEW_EPOCH, ALERT_SERVER_CHANGED, ALERT_SERVER_KEY_CHANGED,
};
pub(crate) use checkpoint::checkpoint_statement;
pub(crate) use control_list::take_control_lists;
pub(crate) use enrollment::anchor_device_keys;
pub(crate) use epoch::{check_signed_epoch, record_new_epoch};
pub use pinning::fingerprint;
pub(crate) use pinning::{check_server_key, key_changed, server_changed};
pub(crate) use prove::prove;
pub(crate) use receipt::{lost_acknowledged, take_receipt};
pub(crate) use revocation::take_revocations;
