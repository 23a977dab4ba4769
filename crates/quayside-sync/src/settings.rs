//! What the sync client keeps on this device beside the log: its keys in the store's `settings`
//! (not evidence: each can be lost or reset without losing anything signed) and the name of the
//! CA file beside the data. The bottom of the crate: it imports no other module of it but the error.

use std::sync::{Mutex, MutexGuard};

use quayside_store::Store;

use crate::error::SyncError;

pub(crate) const SERVER: &str = "sync.server";
pub(crate) const TOKEN: &str = "sync.token";
pub(crate) const ACCOUNT: &str = "sync.account";
pub(crate) const EPOCH: &str = "sync.epoch";
pub(crate) const CURSOR: &str = "sync.cursor";
/// Where an analyst's device is in the server's log for case summaries.
pub(crate) const SUMMARY_CURSOR: &str = "sync.summary_cursor";
pub(crate) const ACKED: &str = "sync.acked_seq";
/// SHA-256 (hex) of the sync server's TLS public key (SPKI), pinned at sign-in over HTTPS; none
/// for plain HTTP on loopback.
pub(crate) const TLS_KEY: &str = "sync.tls_key";
/// "1" once the server said this device was revoked: it stops syncing and the app wipes its keys.
pub(crate) const REVOKED: &str = "sync.revoked";
/// Set while a signed-out token has not been revoked on the server yet (it could not be reached):
/// JSON of the server, the token and the TLS key pinned then. Kept only to revoke the token (every
/// later sync tries first), never to sync with it.
pub(crate) const PENDING_REVOCATION: &str = "sync.revocation_pending";
pub(crate) const LAST_SYNCED: &str = "sync.last_synced_at";
/// "EPOCH SEQ": every event of the log up to local sequence SEQ that the server should hold has a
/// proof against a checkpoint of EPOCH, so the search for events without one starts after it.
pub(crate) const PROVEN_THROUGH: &str = "sync.proven_through";

/// The epoch a signed checkpoint named when it disagreed with the epoch its sync was told: kept
/// until a checkpoint agrees, so a second disagreement in a row is an alert and the first is not.
pub(crate) const EPOCH_CHANGED: &str = "sync.epoch_changed";

/// A PEM file of CA certificates in the data folder: when present, the server's certificate must
/// chain to one of them (an organisation's own CA), instead of the operating system's store.
pub const CA_FILE: &str = "server-ca.pem";

/// A setting's value; an empty one (how a setting is cleared) reads as none.
pub(crate) fn setting(store: &Store, key: &str) -> Result<Option<String>, SyncError> {
    Ok(store.setting(key)?.filter(|v| !v.is_empty()))
}

pub(crate) fn lock(store: &Mutex<Store>) -> MutexGuard<'_, Store> {
    // Transactions roll back on panic, so a poisoned store is still consistent.
    store.lock().unwrap_or_else(|p| p.into_inner())
}
