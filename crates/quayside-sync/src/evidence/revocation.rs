//! Revocations the server lists with each sync: verified, kept, and applied to the store (events a
//! revoked device signs after its last valid one are refused).

use ed25519_dalek::VerifyingKey;
use quayside_protocol::{Statement, SyncState};
use quayside_store::{StatementKind, Store};

use super::statement::{bad_statement, record, verified};
use crate::error::SyncError;

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

#[cfg(test)]
mod tests {
    use quayside_protocol::{Revocation, SignedStatement};
    use uuid::Uuid;

    use super::super::alert::ALERT_BAD_STATEMENT;
    use super::super::fixtures::{hex_of, pinned, server, state, store};
    use super::*;

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
}
