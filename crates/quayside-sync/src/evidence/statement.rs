//! A statement the server signed: verified with the pinned key (an alert when it is not) and kept
//! in the store as it came, so it can be shown to anyone later.

use ed25519_dalek::VerifyingKey;
use quayside_protocol::{SignedStatement, Statement};
use quayside_store::{NewStatement, StatementKind, Store};
use uuid::Uuid;

use super::alert::{alert, ALERT_BAD_STATEMENT, REPORT};
use crate::error::SyncError;

/// The statement, when the pinned key signed it; otherwise an alert and an error.
pub(super) fn verified(
    store: &Store,
    key: &VerifyingKey,
    signed: &SignedStatement,
    what: &str,
) -> Result<Statement, SyncError> {
    signed
        .verify(key)
        .map_err(|why| bad_statement(store, &format!("{what} that its key did not sign ({why})")))
}

/// A statement that is not what it should be: an alert, and the error that stops the sync.
pub(super) fn bad_statement(store: &Store, what: &str) -> SyncError {
    let message = format!("The sync server sent {what}. It was not kept; {REPORT}.");
    alert(store, ALERT_BAD_STATEMENT, message)
}

/// Keep a verified statement; its id in the store.
pub(super) fn record(
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
