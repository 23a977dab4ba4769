//! Evidence (docs/evidence.md) with the real client: every event ends with a proof of its place in the
//! server's log and each push with a signed receipt; a log truncated, rolled back or rewritten
//! behind the clients' backs is named to the person, and kept as an alert; a restore an admin
//! declares is not; a server that signs with another key is refused; a revoked device's later
//! events are set aside by the other clients.
//!
//! The tampering tests edit, back up and restore the server's data while it is stopped, on
//! whichever backend the tests run on (`tamper`).

use std::path::Path;
use std::sync::Arc;

use quayside_domain::fields::Field;
use quayside_protocol::merkle::{unhex32, verify_inclusion};
use quayside_protocol::statement::server_key;
use quayside_protocol::{SignedStatement, Statement};
use quayside_store::Store;
use quayside_sync::SyncError;
use quayside_testkit::replica::{sync_all, Replica};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

use super::replicas::ines_and_ivan;
use crate::common::{text, Server};
use crate::tamper::{back_up, restore, Param, ServerDatabase};

/// Stop the server, let `change` work on its stopped data folder, and start it again. It starts
/// on a free port (reusing the old one could race with other tests' servers), and `replicas` are
/// pointed at it, as a moved server's clients would be.
fn restart_after(server: Server, replicas: &[&Replica], change: impl FnOnce(&Path)) -> Server {
    let data: Arc<TempDir> = server.data.clone();
    drop(server);
    change(data.path());
    let server = Server::start_with(data, &[], &[]);
    for replica in replicas {
        replica
            .store()
            .set_setting("sync.server", &server.url)
            .unwrap();
    }
    server
}

fn log_size(dir: &Path) -> u64 {
    ServerDatabase::open(dir).log_size()
}

fn epoch(store: &Store) -> String {
    store.setting("sync.epoch").unwrap().unwrap()
}

fn acked(store: &Store) -> u64 {
    store
        .setting("sync.acked_seq")
        .unwrap()
        .unwrap()
        .parse()
        .unwrap()
}

fn inconsistent(err: SyncError) -> String {
    match err {
        SyncError::LogInconsistent(message) => message,
        other => panic!("expected LogInconsistent, got {other:?}: {other}"),
    }
}

fn alert_kinds(replica: &Replica) -> Vec<String> {
    replica
        .store()
        .log_alerts()
        .unwrap()
        .into_iter()
        .map(|a| a.kind)
        .collect()
}

fn statement(stored: &quayside_store::StoredStatement, key: &str) -> Statement {
    SignedStatement::from_parts(&stored.statement, &stored.signature)
        .unwrap()
        .verify(&server_key(key).unwrap())
        .unwrap_or_else(|e| panic!("statement {}: {e}", stored.id))
}

#[test]
fn every_event_ends_with_a_proof_that_verifies_and_every_push_with_a_receipt() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    ines.set(case, Field::VesselName, "MSC ANNA");
    ines.sync().unwrap();
    let theirs = ivan.open_case("NLRTM");
    ivan.set(theirs, Field::VesselName, "EVER GIVEN");
    sync_all(&[&ines, &ivan]);
    ines.set(case, Field::ContainerNumber, "CSQU3054383");
    sync_all(&[&ines, &ivan]);

    let key = text(&server.cli(&["key"], "").stdout).trim().to_string();
    let (ines_id, ivan_id) = (ines.store().device().id, ivan.store().device().id);
    for replica in [&ines, &ivan] {
        let store = replica.store();
        assert_eq!(
            store.server_key().unwrap().as_deref(),
            Some(key.as_str()),
            "pinned"
        );
        let epoch = epoch(&store);
        assert!(
            store
                .events_without_proof(&epoch, acked(&store), 0, 10_000)
                .unwrap()
                .is_empty(),
            "{} has events without a proof",
            replica.author.name
        );
        let events = store.export_events().unwrap();
        assert_eq!(events.len(), 5);
        assert_eq!(
            store.setting("sync.proven_through").unwrap(),
            Some(format!("{epoch} 5")),
            "the next search for unproved events starts after the log's end"
        );
        for event in &events {
            let proofs = store.event_proofs(event.body.id).unwrap();
            assert!(!proofs.is_empty(), "event {} has no proof", event.body.id);
            for proof in proofs {
                let Statement::Checkpoint(checkpoint) = statement(&proof.checkpoint, &key) else {
                    panic!("a proof against a statement that is no checkpoint");
                };
                assert_eq!(checkpoint.epoch, epoch);
                verify_inclusion(
                    &checkpoint.root,
                    checkpoint.size,
                    &unhex32(&event.hash()).unwrap(),
                    proof.leaf_index,
                    &proof.path,
                )
                .unwrap();
            }
        }
        let receipts = store.receipts().unwrap();
        assert!(!receipts.is_empty());
        let own = store.device().id;
        let mut highest = 0;
        for stored in &receipts {
            let Statement::Receipt(receipt) = statement(stored, &key) else {
                panic!("a receipt that is not one");
            };
            assert_eq!(
                (receipt.device_id, receipt.epoch.as_str()),
                (own, epoch.as_str())
            );
            highest = highest.max(receipt.acked_seq);
        }
        assert_eq!(highest, store.last_device_seq().unwrap());
        assert!(store.log_alerts().unwrap().is_empty());

        // What a case-file bundle is built on.
        let evidence = store.case_evidence(case).unwrap();
        assert_eq!(evidence.events.len(), 3);
        assert!(evidence.events.iter().all(|e| !e.proofs.is_empty()));
        assert_eq!(evidence.server_key.as_deref(), Some(key.as_str()));
        // Ines wrote the case; the exporter signs the bundle's manifest, so its key goes too.
        let devices: Vec<_> = evidence.devices.iter().map(|d| d.device_id).collect();
        let mut expected = vec![ines_id];
        if own != expected[0] {
            expected.push(own);
        }
        assert_eq!(devices, expected);

        // Every device this store holds, itself included, is vouched for by the server, for
        // the key this store holds.
        assert!(store.devices_without_enrollment().unwrap().is_empty());
        for device in [ines_id, ivan_id] {
            let enrollment = store.enrollment(device).unwrap().expect("enrolled");
            let signed =
                SignedStatement::from_parts(&enrollment.statement, &enrollment.signature).unwrap();
            let Statement::Enrollment(said) = signed.verify(&server_key(&key).unwrap()).unwrap()
            else {
                panic!("an enrollment that is not one");
            };
            assert_eq!(said.device_id, device);
            assert_eq!(
                said.public_key,
                hex::encode(store.device_key(device).unwrap().unwrap())
            );
        }
        let enrolled: Vec<_> = evidence.enrollments.iter().map(|e| e.device_id).collect();
        assert_eq!(enrolled, expected, "one for each device of the bundle");
    }
    // Ines's receipts name her chain; Ivan holds only his own, which goes with his export of
    // her case since he signs its manifest.
    assert_eq!(
        ines.store().case_evidence(case).unwrap().receipts.len(),
        1,
        "the highest of the epoch"
    );
    let receipts = ivan.store().case_evidence(case).unwrap().receipts;
    assert_eq!(receipts.len(), 1);
    assert_eq!(receipts[0].device_id, Some(ivan_id));
}

#[test]
fn a_truncated_log_is_named_with_the_sizes_and_kept_as_an_alert() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ivan.open_case("NLRTM");
    ivan.set(case, Field::VesselName, "MSC ANNA");
    ivan.set(case, Field::VesselName, "MSC ANNA II");
    ivan.sync().unwrap();
    ines.sync().unwrap();
    let before = log_size(server.dir());
    assert_eq!(before, 3);

    // Someone drops the append-only trigger and deletes the last two events.
    let _server = restart_after(server, &[&ines, &ivan], |dir| {
        let db = ServerDatabase::open(dir);
        db.drop_trigger("events_are_never_deleted", "events");
        db.execute(
            "DELETE FROM events WHERE seq > (SELECT max(seq) - 2 FROM events)",
            &[],
        );
    });

    let message = inconsistent(ines.sync().unwrap_err());
    assert!(
        message.contains("truncated or rolled back: it holds 1 events, it showed 3 on"),
        "{message}"
    );
    assert!(
        message.contains("report this to your supervisor"),
        "{message}"
    );
    let alerts = ines.store().log_alerts().unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, quayside_sync::ALERT_LOG_INCONSISTENT);
    assert_eq!(alerts[0].message, message);
    // Nothing local is lost, and the next sync says it again (kept once).
    assert!(ines.store().case(case).is_ok());
    assert_eq!(inconsistent(ines.sync().unwrap_err()), message);
    assert_eq!(ines.store().log_alerts().unwrap().len(), 1);
}

#[test]
fn a_server_put_back_to_an_older_copy_is_caught_by_the_receipts_and_the_checkpoints() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    sync_all(&[&ines, &ivan]);
    let backup = TempDir::new().unwrap();
    let server = restart_after(server, &[&ines, &ivan], |dir| back_up(dir, backup.path()));
    ines.set(case, Field::VesselName, "MSC ANNA");
    ines.set(case, Field::VesselName, "MSC ANNA II");
    sync_all(&[&ines, &ivan]);
    assert_eq!(log_size(server.dir()), 3);

    // The operator puts the backup back and tells nobody.
    let server = restart_after(server, &[&ines, &ivan], |dir| restore(backup.path(), dir));
    assert_eq!(log_size(server.dir()), 1);

    // Ines holds a receipt for event 3; Ivan holds a checkpoint of 3 events.
    let message = inconsistent(ines.sync().unwrap_err());
    assert!(message.contains("truncated or rolled back"), "{message}");
    let message = inconsistent(ivan.sync().unwrap_err());
    assert!(
        message.contains("it holds 1 events, it showed 3 on"),
        "{message}"
    );
    assert!(alert_kinds(&ines)
        .iter()
        .all(|k| k == quayside_sync::ALERT_LOG_INCONSISTENT));
    assert!(!alert_kinds(&ivan).is_empty());
    // Found again at every sync until someone acts, but each finding is kept once.
    let kept = alert_kinds(&ines).len();
    assert!(ines.sync().is_err());
    assert_eq!(alert_kinds(&ines).len(), kept);
    // Ines's events were not sent to the rolled-back log: they wait for someone to look at it.
    assert_eq!(log_size(server.dir()), 1);
    assert_eq!(quayside_sync::events_waiting(&ines.store()).unwrap(), 2);
}

#[test]
fn a_rollback_the_log_then_grew_back_past_is_still_caught() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    ines.sync().unwrap();
    let backup = TempDir::new().unwrap();
    let server = restart_after(server, &[&ines, &ivan], |dir| back_up(dir, backup.path()));
    ines.set(case, Field::VesselName, "MSC ANNA");
    ines.sync().unwrap();
    let server = restart_after(server, &[&ines, &ivan], |dir| restore(backup.path(), dir));
    // Ivan writes more after the restore, so the log is as long as Ines last saw it.
    let theirs = ivan.open_case("NLRTM");
    ivan.set(theirs, Field::VesselName, "EVER GIVEN");
    ivan.sync().unwrap();
    assert!(log_size(server.dir()) >= 2);
    let message = inconsistent(ines.sync().unwrap_err());
    assert!(
        message.contains("lost events it had acknowledged")
            || message.contains("rewritten")
            || message.contains("truncated"),
        "{message}"
    );
}

#[test]
fn a_rewritten_event_is_named() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    ines.set(case, Field::VesselName, "MSC ANNA");
    sync_all(&[&ines, &ivan]);

    // Someone changes the vessel's name in the stored event, and its hash to match.
    let _server = restart_after(server, &[&ines, &ivan], |dir| {
        let db = ServerDatabase::open(dir);
        let seq: i64 = db.value("SELECT max(seq) FROM events", &[]);
        let body: Vec<u8> = db.value("SELECT body FROM events WHERE seq = ?1", &[Param::Int(seq)]);
        let forged = String::from_utf8(body)
            .unwrap()
            .replace("MSC ANNA", "MSC ANYA")
            .into_bytes();
        db.drop_trigger("events_are_never_updated", "events");
        let hash = hex::encode(Sha256::digest(&forged));
        db.execute(
            "UPDATE events SET body = ?1, hash = ?2 WHERE seq = ?3",
            &[Param::Bytes(forged), Param::Text(hash), Param::Int(seq)],
        );
    });

    for replica in [&ivan, &ines] {
        let message = inconsistent(replica.sync().unwrap_err());
        assert!(
            message.contains("log was rewritten: the 2 events it showed on"),
            "{message}"
        );
        assert!(alert_kinds(replica).contains(&quayside_sync::ALERT_LOG_INCONSISTENT.to_string()));
    }
    assert_eq!(
        ivan.value(case, Field::VesselName).as_deref(),
        Some("MSC ANNA")
    );
}

#[test]
fn a_restore_an_admin_declares_is_a_notice_not_tampering() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    sync_all(&[&ines, &ivan]);
    let backup = TempDir::new().unwrap();
    let server = restart_after(server, &[&ines, &ivan], |dir| back_up(dir, backup.path()));
    ines.set(case, Field::VesselName, "MSC ANNA");
    sync_all(&[&ines, &ivan]);
    let old_epoch = epoch(&ines.store());

    let _server = restart_after(server, &[&ines, &ivan], |dir| {
        restore(backup.path(), dir);
        let declared = crate::common::cli(dir, &["new-epoch"], "");
        assert!(declared.status.success(), "{}", text(&declared.stderr));
    });

    sync_all(&[&ines, &ivan]);
    for replica in [&ines, &ivan] {
        let store = replica.store();
        let epoch = epoch(&store);
        assert_ne!(epoch, old_epoch);
        let alerts = store.log_alerts().unwrap();
        assert_eq!(alerts.len(), 1, "{alerts:?}");
        assert_eq!(alerts[0].kind, quayside_sync::ALERT_NEW_EPOCH);
        let message = &alerts[0].message;
        assert!(
            message.contains("operator declared that its log was restored from a backup"),
            "{message}"
        );
        assert!(
            message.contains("cannot be checked against the restored log"),
            "{message}"
        );
        assert!(!message.contains("not tampering"), "{message}");
        assert!(
            store
                .events_without_proof(&epoch, acked(&store), 0, 10_000)
                .unwrap()
                .is_empty(),
            "proved again in the new epoch"
        );
    }
    assert_eq!(quayside_sync::events_waiting(&ines.store()).unwrap(), 0);
    assert_eq!(
        ivan.value(case, Field::VesselName).as_deref(),
        Some("MSC ANNA")
    );
}

#[test]
fn a_server_that_signs_with_another_key_is_refused_with_both_fingerprints() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    ines.sync().unwrap();
    let pinned = ines.store().server_key().unwrap().unwrap();
    // The key file is lost and the server makes a new one (or another server took its place).
    let server = restart_after(server, &[&ines, &ivan], |dir| {
        std::fs::remove_file(dir.join("server.key")).unwrap()
    });
    let new_key = text(&server.cli(&["key"], "").stdout).trim().to_string();
    assert_ne!(new_key, pinned);
    ines.set(case, Field::VesselName, "MSC ANNA");

    let err = ines.sync().unwrap_err();
    let SyncError::ServerKeyChanged(message) = &err else {
        panic!("expected ServerKeyChanged, got {err:?}");
    };
    assert!(message.contains("now signs with another key"), "{message}");
    assert!(
        message.contains(&quayside_sync::fingerprint(&new_key)),
        "{message}"
    );
    assert!(
        message.contains(&quayside_sync::fingerprint(&pinned)),
        "{message}"
    );
    assert!(message.contains("ask an admin"), "{message}");
    assert!(!err.retries());
    assert_eq!(
        quayside_sync::events_waiting(&ines.store()).unwrap(),
        1,
        "nothing sent"
    );
    assert_eq!(
        alert_kinds(&ines),
        vec![quayside_sync::ALERT_SERVER_KEY_CHANGED.to_string()]
    );
    // Signing in again is no way around the pin.
    let again = quayside_sync::sign_in(
        &ines.store,
        &server.url,
        "ines",
        crate::common::PASSWORD,
        "ines",
    );
    assert!(
        matches!(again, Err(SyncError::ServerKeyChanged(_))),
        "{again:?}"
    );
}

#[test]
fn a_revoked_devices_later_events_are_set_aside_by_the_others_and_its_earlier_ones_stay() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    ines.set(case, Field::VesselName, "MSC ANNA");
    sync_all(&[&ines, &ivan]);
    let device = ines.store().device().id;
    let revoked = server.cli(&["device", "revoke", &device.to_string()], "");
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));

    ivan.sync().unwrap();
    let key = ivan.store().server_key().unwrap().unwrap();
    let revocations = ivan.store().revocations().unwrap();
    assert_eq!(revocations.len(), 1);
    assert_eq!(
        (revocations[0].device_id, revocations[0].last_valid_seq),
        (device, 2)
    );
    let stored = ivan.store().revocation_statements().unwrap();
    let Statement::Revocation(signed) = statement(&stored[0], &key) else {
        panic!("not a revocation");
    };
    assert_eq!(signed.device_id, device);
    assert_eq!(
        ivan.value(case, Field::VesselName).as_deref(),
        Some("MSC ANNA"),
        "its earlier events stay"
    );

    // The lost laptop signs on: its next event reaches Ivan by another way than the server.
    ines.set(case, Field::VesselName, "STOLEN GOODS");
    assert!(ines.sync().is_err(), "a revoked device cannot sync");
    let later: Vec<(Vec<u8>, [u8; 64])> = ines
        .store()
        .outgoing(2, 10)
        .unwrap()
        .iter()
        .map(|e| (e.bytes.clone(), e.signature))
        .collect();
    let report = ivan.store().ingest(&later).unwrap();
    assert_eq!(report.inserted, 0);
    assert_eq!(report.quarantined.len(), 1);
    let reason = &report.quarantined[0].1;
    assert!(reason.contains(&device.to_string()), "{reason}");
    assert!(
        reason.contains(&format!("revoked on {}", revocations[0].revoked_at)),
        "{reason}"
    );
    assert!(reason.contains("after number 2 are not valid"), "{reason}");
    assert!(reason.contains("this is number 3"), "{reason}");
    assert_eq!(
        ivan.value(case, Field::VesselName).as_deref(),
        Some("MSC ANNA")
    );
}

#[test]
fn the_app_refuses_a_changed_server_key_with_its_own_code_and_says_why() {
    use quayside_api::{Api, ErrorCode};
    use serde_json::json;

    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let (dir, api) = crate::common::app();
    let sign_in =
        |api: &Api, url: &str| crate::common::app_sign_in(api, url, crate::common::PASSWORD);
    sign_in(&api, &server.url).unwrap();
    drop(api);

    let server = restart_after(server, &[], |dir| {
        std::fs::remove_file(dir.join("server.key")).unwrap()
    });
    // The app's data folder follows the server to its new port, as a moved server's would.
    quayside_testkit::api::open_store(dir.path())
        .set_setting("sync.server", &server.url)
        .unwrap();

    let api = quayside_testkit::api::open(dir.path()).unwrap();
    let status = api.dispatch("sync_now", json!({})).unwrap();
    let message = status["last_error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("now signs with another key"), "{status}");
    let err = sign_in(&api, &server.url).unwrap_err();
    assert_eq!(err.code, ErrorCode::ServerKeyChanged, "{err:?}");
    assert!(err.message.contains("ask an admin"), "{}", err.message);
}

#[test]
fn events_the_server_acknowledged_and_its_log_does_not_prove_are_counted_not_alarmed() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    ines.set(case, Field::VesselName, "MSC ANNA");
    ines.sync().unwrap();
    let own = ines.store().device().id;
    // Her second event is not in the log, her chain head left as it was (as for an event the
    // server set aside in the chain, whose answer she never got), and a restore declared.
    let server = restart_after(server, &[&ines, &ivan], |dir| {
        let db = ServerDatabase::open(dir);
        db.drop_trigger("events_are_never_deleted", "events");
        let deleted = db.execute(
            "DELETE FROM events WHERE device_id = ?1 AND device_seq = 2",
            &[Param::Text(own.to_string())],
        );
        assert_eq!(deleted, 1);
        drop(db);
        let declared = crate::common::cli(dir, &["new-epoch"], "");
        assert!(declared.status.success(), "{}", text(&declared.stderr));
    });
    ines.set(case, Field::ContainerNumber, "CSQU3054383");

    // The server may still prove it later, or never: the inspector is told how many, not alarmed.
    ines.sync().unwrap();
    ines.sync().unwrap();
    assert_eq!(
        alert_kinds(&ines),
        vec![quayside_sync::ALERT_NEW_EPOCH.to_string()],
        "no alert but the declared restore"
    );
    assert_eq!(
        quayside_sync::events_acknowledged_unproven(&ines.store()).unwrap(),
        1
    );
    let unproved = {
        let store = ines.store();
        store
            .own_events_without_proof(&epoch(&store), 3, 0, 10)
            .unwrap()
    };
    assert_eq!(unproved.len(), 1);
    assert_eq!(unproved[0].1, 2);

    // A server that says it holds fewer of her events than it signed a receipt for still fails.
    let second = ines.store().outgoing(1, 1).unwrap().remove(0).hash();
    let _server = restart_after(server, &[&ines, &ivan], |dir| {
        let changed = ServerDatabase::open(dir).execute(
            "UPDATE devices SET head_seq = 2, head_hash = ?2 WHERE id = ?1",
            &[Param::Text(own.to_string()), Param::Text(second)],
        );
        assert_eq!(changed, 1);
    });
    let message = inconsistent(ines.sync().unwrap_err());
    assert!(
        message.contains("it holds 2 events of this device, but on"),
        "{message}"
    );
    assert!(message.contains("signed a receipt for 3"), "{message}");
    assert!(alert_kinds(&ines).contains(&quayside_sync::ALERT_LOG_INCONSISTENT.to_string()));
}

#[test]
fn signing_in_at_another_address_to_a_server_with_another_key_is_kept_as_a_notice() {
    let (server, ines, ivan) = ines_and_ivan();
    ines.sync().unwrap();
    let pinned = ines.store().server_key().unwrap().unwrap();
    let old_url = server.url.clone();
    // The same server with a new key, now at another address (here: another port).
    let server = restart_after(server, &[], |dir| {
        std::fs::remove_file(dir.join("server.key")).unwrap()
    });
    let new_key = text(&server.cli(&["key"], "").stdout).trim().to_string();
    assert_ne!(new_key, pinned);
    quayside_sync::sign_in(
        &ines.store,
        &server.url,
        "ines",
        crate::common::PASSWORD,
        "ines",
    )
    .unwrap();
    let alerts = ines.store().log_alerts().unwrap();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    // A move to another server is no tampering: a notice, like a declared restore.
    assert_eq!(alerts[0].kind, quayside_sync::ALERT_SERVER_CHANGED);
    let message = &alerts[0].message;
    assert!(message.contains(&old_url), "{message}");
    assert!(
        message.contains(&quayside_sync::fingerprint(&new_key)),
        "{message}"
    );
    assert!(
        message.contains(&quayside_sync::fingerprint(&pinned)),
        "{message}"
    );
    assert!(message.contains(&server.url), "{message}");
    assert_eq!(ines.store().server_key().unwrap(), Some(new_key));
    ines.sync().unwrap();
    assert_eq!(
        alert_kinds(&ines),
        vec![quayside_sync::ALERT_SERVER_CHANGED.to_string()],
        "the sync after the move finds nothing wrong"
    );
    // Ivan never signed in again: his pin still refuses the new key.
    ivan.store()
        .set_setting("sync.server", &server.url)
        .unwrap();
    assert!(matches!(ivan.sync(), Err(SyncError::ServerKeyChanged(_))));
}

#[test]
fn a_thousand_events_the_restored_log_lacks_do_not_stop_later_events_being_proved() {
    let (server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    ines.sync().unwrap();
    let backup = TempDir::new().unwrap();
    let server = restart_after(server, &[&ines, &ivan], |dir| back_up(dir, backup.path()));
    // Ivan writes more than a batch of events, Ines takes them in; then the server is put back
    // to the copy made before them and a restore declared, and Ivan does not sync again.
    let theirs = ivan.open_case("NLRTM");
    for n in 0..quayside_protocol::MAX_BATCH_EVENTS {
        ivan.set(theirs, Field::VesselName, &format!("VESSEL {n}"));
    }
    sync_all(&[&ivan, &ines]);
    let _server = restart_after(server, &[&ines, &ivan], |dir| {
        restore(backup.path(), dir);
        let declared = crate::common::cli(dir, &["new-epoch"], "");
        assert!(declared.status.success(), "{}", text(&declared.stderr));
    });
    ines.sync().unwrap();

    // Her next event comes after the thousand the server cannot prove: it is still proved.
    ines.set(case, Field::VesselName, "MSC ANNA");
    ines.sync().unwrap();
    let store = ines.store();
    let epoch = epoch(&store);
    let newest = store.outgoing(1, 1).unwrap().remove(0);
    assert!(
        store
            .event_proofs(newest.body.id)
            .unwrap()
            .iter()
            .any(|p| p.checkpoint.epoch == epoch),
        "her event after the gap has a proof in the new epoch"
    );
    assert_eq!(
        store
            .events_without_proof(&epoch, acked(&store), 0, 10_000)
            .unwrap()
            .len(),
        quayside_protocol::MAX_BATCH_EVENTS + 1,
        "only Ivan's events the restored log lacks"
    );
}
