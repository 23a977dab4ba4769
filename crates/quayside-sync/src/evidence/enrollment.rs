//! Anchoring device keys: the server vouches (a signed enrollment) for the key of each device whose
//! events this store holds, so those events are tied to the server's word and not only to the key
//! they came with.

use std::sync::Mutex;

use ed25519_dalek::VerifyingKey;
use quayside_protocol::{
    EnrollmentsRequest, EnrollmentsResponse, ErrorCode, Statement, MAX_BATCH_EVENTS,
};
use quayside_store::Store;

use super::alert::{alert, ALERT_DEVICE_KEY_MISMATCH, REPORT};
use super::pinning::fingerprint;
use super::statement::{bad_statement, verified};
use crate::error::SyncError;
use crate::http::Remote;
use crate::settings::lock;

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
