//! Evidence from the sync server on real SQLite files: statements and proofs are append-only, the
//! events still lacking a proof, and revoked devices' later events set aside.

use quayside_domain::fields::Field;
use quayside_store::{NewProof, NewStatement, StatementKind, StoreError};
use rusqlite::Connection;
use uuid::Uuid;

use crate::common::*;

fn checkpoint<'a>(epoch: &'a str, size: u64, text: &'a str) -> NewStatement<'a> {
    NewStatement {
        kind: StatementKind::Checkpoint,
        epoch,
        statement: text,
        signature: "c2lnbmF0dXJl",
        server_key: "ab",
        size: Some(size),
        device_id: None,
        seq: None,
    }
}

fn receipt<'a>(device: Uuid, acked: u64, text: &'a str) -> NewStatement<'a> {
    NewStatement {
        kind: StatementKind::Receipt,
        epoch: "e1",
        statement: text,
        signature: "c2ln",
        server_key: "ab",
        size: None,
        device_id: Some(device),
        seq: Some(acked),
    }
}

#[test]
fn statements_proofs_and_alerts_are_append_only_and_kept_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_at_noon(dir.path());
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let event = store.outgoing(0, 1).unwrap().remove(0);
    let id = store
        .record_statement(&checkpoint("e1", 1, r#"{"kind":"checkpoint","size":1}"#))
        .unwrap();
    assert_eq!(
        store
            .record_statement(&checkpoint("e1", 1, r#"{"kind":"checkpoint","size":1}"#))
            .unwrap(),
        id,
        "the same statement is kept once"
    );
    store
        .save_proofs(
            id,
            &[NewProof {
                event_id: event.body.id,
                leaf_index: 0,
                path: vec![],
            }],
        )
        .unwrap();
    assert!(store
        .record_log_alert("log_inconsistent", "the log shrank")
        .unwrap());
    assert!(
        !store
            .record_log_alert("log_inconsistent", "the log shrank")
            .unwrap(),
        "found again by the next sync: kept once"
    );
    assert!(store
        .record_log_alert("log_inconsistent", "lost 2")
        .unwrap());
    assert!(
        !store
            .record_log_alert("log_inconsistent", "the log shrank")
            .unwrap(),
        "two findings by turns are each kept once"
    );
    drop(store);

    let conn = Connection::open(dir.path().join(quayside_store::DATABASE_FILE)).unwrap();
    for sql in [
        "UPDATE server_statements SET statement = '{}'",
        "DELETE FROM server_statements",
        "UPDATE event_proofs SET leaf_index = 3",
        "DELETE FROM event_proofs",
        "UPDATE log_alerts SET message = 'nothing'",
        "DELETE FROM log_alerts",
    ] {
        let err = conn.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    drop(conn);

    let store = open_at_noon(dir.path());
    assert_eq!(store.last_checkpoint("e1").unwrap().unwrap().id, id);
    assert_eq!(store.event_proofs(event.body.id).unwrap().len(), 1);
    assert_eq!(store.log_alerts().unwrap().len(), 2);
    assert_eq!(store.log_alerts().unwrap()[0].message, "the log shrank");
    assert!(store.case_evidence(case).is_ok());
}

#[test]
fn a_proof_is_saved_only_against_a_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_at_noon(dir.path());
    store.open_case(&inspector(), "NLRTM").unwrap();
    let event = store.outgoing(0, 1).unwrap().remove(0);
    let device = store.device().id;
    let id = store
        .record_statement(&receipt(device, 1, r#"{"kind":"receipt"}"#))
        .unwrap();
    let proof = NewProof {
        event_id: event.body.id,
        leaf_index: 0,
        path: vec![],
    };
    assert!(matches!(
        store.save_proofs(id, &[proof]),
        Err(StoreError::Refused(_))
    ));
}

#[test]
fn events_without_proof_are_those_the_server_holds_and_no_checkpoint_of_the_epoch_proves() {
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = open_at_noon(a_dir.path());
    let mut b = open_at_noon(b_dir.path());
    let theirs = b.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut b, theirs, None, Field::VesselName, "MSC ANNA");
    introduce(&mut a, &b);
    a.ingest(&wire(&b.outgoing(0, 10).unwrap())).unwrap();
    let mine = a.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut a, mine, None, Field::VesselName, "MSC ANA");
    set(&mut a, mine, None, Field::VesselName, "MSC ANNA");
    let own = a.outgoing(0, 10).unwrap();
    let pulled = b.outgoing(0, 10).unwrap();

    // The server acknowledged two of a's three events: the third is not asked about.
    let unproven = a.events_without_proof("e1", 2, 0, 100).unwrap();
    let ids: Vec<Uuid> = unproven.iter().map(|u| u.event_id).collect();
    assert_eq!(
        ids,
        vec![
            pulled[0].body.id,
            pulled[1].body.id,
            own[0].body.id,
            own[1].body.id
        ]
    );
    assert_eq!(unproven[2].hash, own[0].hash());
    // A scan need not be remembered past a's first event the server has not acknowledged.
    assert_eq!(a.proof_scan_bound(2).unwrap(), unproven[3].local_seq);
    assert_eq!(a.proof_scan_bound(3).unwrap(), unproven[3].local_seq + 1);
    assert_eq!(a.proof_scan_bound(0).unwrap(), unproven[1].local_seq);
    // Paging: after the second, at most one.
    let page = a
        .events_without_proof("e1", 2, unproven[1].local_seq, 1)
        .unwrap();
    assert_eq!(page, vec![unproven[2].clone()]);
    // Own events only (what a sync asks after a full batch the server proved none of).
    assert_eq!(
        a.own_events_to_prove("e1", 2, 0, 100).unwrap(),
        unproven[2..].to_vec()
    );
    assert_eq!(
        a.own_events_to_prove("e1", 2, unproven[2].local_seq, 100)
            .unwrap(),
        unproven[3..].to_vec()
    );

    let cp = a
        .record_statement(&checkpoint("e1", 4, r#"{"size":4}"#))
        .unwrap();
    a.save_proofs(
        cp,
        &[
            NewProof {
                event_id: pulled[0].body.id,
                leaf_index: 0,
                path: vec!["aa".repeat(32)],
            },
            NewProof {
                event_id: own[0].body.id,
                leaf_index: 2,
                path: vec![],
            },
        ],
    )
    .unwrap();
    let left: Vec<Uuid> = a
        .events_without_proof("e1", 3, 0, 100)
        .unwrap()
        .iter()
        .map(|u| u.event_id)
        .collect();
    assert_eq!(
        left,
        vec![pulled[1].body.id, own[1].body.id, own[2].body.id]
    );
    // A new epoch (a declared restore) starts the proofs again.
    assert_eq!(a.events_without_proof("e2", 3, 0, 100).unwrap().len(), 5);
    // An event the server set aside in its quarantine is not in its log: never asked about.
    a.record_sync_refusal(own[2].body.id, 3, "fork", "refused")
        .unwrap();
    assert_eq!(a.events_without_proof("e2", 3, 0, 100).unwrap().len(), 4);

    let evidence = a.case_evidence(theirs).unwrap();
    assert_eq!(evidence.events.len(), 2);
    assert_eq!(evidence.events[0].bytes, pulled[0].bytes);
    assert_eq!(evidence.events[0].proofs[0].checkpoint.id, cp);
    assert_eq!(evidence.events[0].proofs[0].path, vec!["aa".repeat(32)]);
    assert!(evidence.events[1].proofs.is_empty());
    // The case's signer, then this device: the exporter, which signs the manifest, though it
    // wrote nothing in this case.
    let devices: Vec<Uuid> = evidence.devices.iter().map(|d| d.device_id).collect();
    assert_eq!(devices, vec![b.device().id, a.device().id]);
    assert_eq!(
        evidence.devices[0].public_key,
        hex::encode(b.device().key.verifying_key().as_bytes())
    );
    assert_eq!(
        evidence.devices[1].public_key,
        hex::encode(a.device().key.verifying_key().as_bytes())
    );
}

#[test]
fn enrollments_are_kept_once_append_only_and_go_with_the_case_evidence_of_their_devices() {
    let (a_dir, b_dir, c_dir) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut a = open_at_noon(a_dir.path());
    let mut b = open_at_noon(b_dir.path());
    let c = open_at_noon(c_dir.path());
    let case = b.open_case(&inspector(), "NLRTM").unwrap().id;
    introduce(&mut a, &b);
    introduce(&mut a, &c);
    a.ingest(&wire(&b.outgoing(0, 10).unwrap())).unwrap();
    let (me, them, other) = (a.device().id, b.device().id, c.device().id);
    let mut waiting = a.devices_without_enrollment().unwrap();
    waiting.sort();
    let mut all = vec![me, them, other];
    all.sort();
    assert_eq!(waiting, all);
    assert_eq!(
        a.device_key(them).unwrap(),
        Some(b.device().key.verifying_key().to_bytes())
    );
    assert_eq!(a.device_key(Uuid::new_v4()).unwrap(), None);

    a.pin_server_key("ab").unwrap();
    a.record_enrollment(them, "enrol-b", "c2ln", "ab").unwrap();
    a.record_enrollment(them, "enrol-b", "c2ln", "ab").unwrap();
    a.record_enrollment(me, "enrol-a", "c2ln", "ab").unwrap();
    a.record_enrollment(other, "enrol-c", "c2ln", "ab").unwrap();
    assert!(a.devices_without_enrollment().unwrap().is_empty());
    let raw = Connection::open(a_dir.path().join(quayside_store::DATABASE_FILE)).unwrap();
    let count: i64 = raw
        .query_row("SELECT count(*) FROM enrollments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 3);
    assert!(raw
        .execute("UPDATE enrollments SET statement = 'x'", [])
        .is_err());
    assert!(raw.execute("DELETE FROM enrollments", []).is_err());

    // The case's signer and this device, not a device with nothing in the case.
    let evidence = a.case_evidence(case).unwrap();
    let enrolled: Vec<(Uuid, &str)> = evidence
        .enrollments
        .iter()
        .map(|e| (e.device_id, e.statement.as_str()))
        .collect();
    assert_eq!(enrolled, vec![(them, "enrol-b"), (me, "enrol-a")]);
    assert_eq!(a.enrollment(other).unwrap().unwrap().statement, "enrol-c");

    // Moved to another server (another key pinned): the old one's enrollments are not its word,
    // so every device is asked for again and a bundle carries none of them.
    a.pin_server_key("cd").unwrap();
    let mut waiting = a.devices_without_enrollment().unwrap();
    waiting.sort();
    assert_eq!(waiting, all);
    assert_eq!(a.enrollment(them).unwrap(), None);
    assert!(a.case_evidence(case).unwrap().enrollments.is_empty());
    a.record_enrollment(them, "enrol-b-again", "c2ln", "cd")
        .unwrap();
    assert_eq!(
        a.enrollment(them).unwrap().unwrap().statement,
        "enrol-b-again"
    );
    let enrolled: Vec<Uuid> = a
        .case_evidence(case)
        .unwrap()
        .enrollments
        .iter()
        .map(|e| e.device_id)
        .collect();
    assert_eq!(enrolled, vec![them]);
    assert_eq!(a.devices_without_enrollment().unwrap().len(), 2);
    // Nothing pinned: no enrollment can be checked, so none is offered.
    a.pin_server_key("").unwrap();
    assert_eq!(a.devices_without_enrollment().unwrap().len(), 3);
    assert_eq!(a.enrollment(them).unwrap(), None);
}

#[test]
fn case_evidence_names_the_highest_receipt_of_each_device_revocations_and_the_pinned_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_at_noon(dir.path());
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "MSC ANNA");
    let me = store.device().id;
    store.record_statement(&receipt(me, 1, "r1")).unwrap();
    let high = store.record_statement(&receipt(me, 2, "r2")).unwrap();
    store
        .record_statement(&receipt(Uuid::new_v4(), 9, "other"))
        .unwrap();
    let revoked = Uuid::new_v4();
    let statement = store
        .record_statement(&NewStatement {
            kind: StatementKind::Revocation,
            epoch: "",
            statement: "rev",
            signature: "c2ln",
            server_key: "ab",
            size: None,
            device_id: Some(revoked),
            seq: Some(4),
        })
        .unwrap();
    store
        .add_revocation(revoked, 4, "2026-11-28T12:00:00Z", Some(statement))
        .unwrap();
    store.pin_server_key(&"cd".repeat(32)).unwrap();

    let evidence = store.case_evidence(case).unwrap();
    assert_eq!(evidence.events.len(), 2);
    let receipts: Vec<i64> = evidence.receipts.iter().map(|r| r.id).collect();
    assert_eq!(receipts, vec![high]);
    assert_eq!(evidence.revocations.len(), 1);
    assert_eq!(evidence.revocations[0].device_id, Some(revoked));
    assert_eq!(evidence.server_key, Some("cd".repeat(32)));
    assert_eq!(store.receipts().unwrap().len(), 3);
    assert_eq!(
        store.highest_receipt("e1", me).unwrap().map(|r| r.seq),
        Some(Some(2))
    );
    assert!(store.highest_receipt("e2", me).unwrap().is_none());
    assert!(matches!(
        store.case_evidence(Uuid::new_v4()),
        Err(StoreError::CaseNotFound(_))
    ));
}

#[test]
fn a_revoked_devices_later_events_are_set_aside_named_and_earlier_ones_taken() {
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = open_at_noon(a_dir.path());
    let mut b = open_at_noon(b_dir.path());
    let case = b.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut b, case, None, Field::VesselName, "MSC ANNA");
    set(&mut b, case, None, Field::VesselName, "STOLEN");
    introduce(&mut a, &b);
    let device = b.device().id;
    a.add_revocation(device, 2, "2026-11-28T12:00:00.000Z", None)
        .unwrap();
    // Again, and with a later last valid event: the first (lower) one stands.
    a.add_revocation(device, 3, "2026-11-29T12:00:00.000Z", None)
        .unwrap();
    assert_eq!(a.revocations().unwrap()[0].last_valid_seq, 2);

    let report = a.ingest(&wire(&b.outgoing(0, 10).unwrap())).unwrap();
    assert_eq!(report.inserted, 2, "{report:?}");
    assert_eq!(report.quarantined.len(), 1, "{report:?}");
    let reason = &report.quarantined[0].1;
    assert!(reason.contains(&device.to_string()), "{reason}");
    assert!(
        reason.contains("revoked on 2026-11-28T12:00:00.000Z"),
        "{reason}"
    );
    assert!(reason.contains("after number 2"), "{reason}");
    assert!(reason.contains("this is number 3"), "{reason}");
    let (file, _) = a.case(case).unwrap();
    assert_eq!(file.value(Field::VesselName), Some("MSC ANNA"));
}
