//! How far this device's sync got, as the app shows it: events waiting to be sent, events the
//! server should hold that no checkpoint proves yet, and the epoch of the server's log.

use quayside_store::Store;

use crate::error::SyncError;
use crate::settings::{setting, ACKED, EPOCH};

/// Events of this device not yet acknowledged by the server.
pub fn events_waiting(store: &Store) -> Result<u64, SyncError> {
    let acked: u64 = setting(store, ACKED)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Ok(store.last_device_seq()?.saturating_sub(acked))
}

/// Events the server should hold (this device's acknowledged ones, and every pulled one) that no
/// checkpoint of the current epoch proves it holds yet.
pub fn events_unproven(store: &Store) -> Result<u64, SyncError> {
    let epoch = setting(store, EPOCH)?.unwrap_or_default();
    let acked: u64 = setting(store, ACKED)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Ok(store
        .events_without_proof(&epoch, acked, 0, usize::MAX >> 1)?
        .len() as u64)
}

/// Events of this device the server acknowledged with a signed receipt of the current epoch that
/// no checkpoint of it proves yet: information, not an alarm. A PostgreSQL server's proofs lag
/// behind its pull fence, and an event the server refused on content after acknowledging its place
/// in the chain never enters its log; a server holding fewer events than it signed for fails the
/// sync instead.
pub fn events_acknowledged_unproven(store: &Store) -> Result<u64, SyncError> {
    let epoch = setting(store, EPOCH)?.unwrap_or_default();
    let receipted = store
        .highest_receipt(&epoch, store.device().id)?
        .and_then(|r| r.seq)
        .unwrap_or(0);
    Ok(store
        .own_events_without_proof(&epoch, receipted, 0, usize::MAX >> 1)?
        .len() as u64)
}

/// The epoch of the server's log this device last synced with (empty before the first sync).
pub fn server_epoch(store: &Store) -> Result<String, SyncError> {
    Ok(setting(store, EPOCH)?.unwrap_or_default())
}
