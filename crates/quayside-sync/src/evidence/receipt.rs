//! Receipts: each push's signed receipt checked against its answer and kept, and a server that
//! now holds fewer of this device's events than it signed a receipt for named.

use ed25519_dalek::VerifyingKey;
use quayside_protocol::{PushResponse, Statement, SyncState};
use quayside_store::{StatementKind, Store};

use super::alert::{alert, when, ALERT_LOG_INCONSISTENT, REPORT};
use super::statement::{bad_statement, record, verified};
use crate::error::SyncError;

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

#[cfg(test)]
mod tests {
    use ed25519_dalek::SigningKey;
    use quayside_domain::event::Role;
    use quayside_protocol::{Receipt, SignedStatement};
    use uuid::Uuid;

    use super::super::fixtures::{hex_of, pinned, server, state, store};
    use super::*;

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
}
