//! Ending a device's access: a sign-out revokes its token on the server (at once, or on the next
//! sync when the server could not be reached), and a revoked device is told so, stops, and
//! confirms its wipe with its own signature.

use std::sync::Arc;

use quayside_domain::event::Role;
use quayside_sync::SyncError;
use quayside_testkit::replica::Replica;

use crate::common::{text, Server, PASSWORD};

fn token(replica: &Replica) -> String {
    replica.store().setting("sync.token").unwrap().unwrap()
}

#[test]
fn a_sign_out_revokes_the_token_on_the_server() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    ines.open_case("NLRTM");
    ines.sync().unwrap();
    let old = token(&ines);
    server.get("/v1/sync", Some(&old)).json();

    assert!(quayside_sync::sign_out(&ines.store).unwrap());
    assert!(quayside_sync::signed_in(&ines.store()).unwrap().is_none());
    assert!(!quayside_sync::revocation_pending(&ines.store()).unwrap());
    let pull = server.get("/v1/events?cursor=&limit=10", Some(&old));
    assert!(pull.error(401, "unauthorized").contains("signed out"));
    let push = server.post("/v1/events", Some(&old), r#"{"events":[]}"#);
    push.error(401, "unauthorized");
    server
        .post("/v1/sign-out", Some(&old), "")
        .error(401, "unauthorized");

    // The device may sign in again: a new token, and the events stay.
    quayside_sync::sign_in(&ines.store, &server.url, "ines", PASSWORD, "ines").unwrap();
    ines.open_case("NLRTM");
    assert_eq!(ines.sync().unwrap().pushed, 1);
}

#[test]
fn a_sign_out_while_the_server_is_away_is_revoked_on_the_next_sync() {
    let data = Arc::new(tempfile::tempdir().unwrap());
    let server = Server::start_with(data.clone(), &[], &[]);
    server.add_user("ines", "inspector", "NLRTM");
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    let old = token(&ines);
    let listen = server.url.trim_start_matches("http://").to_string();
    drop(server);

    // Forgotten here at once; the server's revocation waits.
    assert!(!quayside_sync::sign_out(&ines.store).unwrap());
    assert!(quayside_sync::signed_in(&ines.store()).unwrap().is_none());
    assert!(quayside_sync::revocation_pending(&ines.store()).unwrap());

    let server = Server::start_with(data, &["--listen", &listen], &[]);
    server.get("/v1/sync", Some(&old)).json();
    let err = ines.sync().unwrap_err();
    assert!(matches!(err, SyncError::NotSignedIn), "{err:?}");
    assert!(!quayside_sync::revocation_pending(&ines.store()).unwrap());
    server
        .get("/v1/sync", Some(&old))
        .error(401, "unauthorized");
}

#[test]
fn a_revoked_device_stops_and_confirms_its_wipe_with_its_own_signature() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    let ivan = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    ines.open_case("NLRTM");
    ines.sync().unwrap();
    let device = ines.store().device().id.to_string();

    // Not revoked: a confirmation is refused.
    let early = quayside_sync::prepare_wipe(&ines.store(), "2026-01-01T00:00:00Z").unwrap();
    let err = quayside_sync::confirm_wipe(&early).unwrap_err();
    assert!(err.to_string().contains("is not revoked"), "{err}");

    let revoked = server.cli(&["device", "revoke", &device], "");
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));
    let err = ines.sync().unwrap_err();
    assert!(matches!(err, SyncError::Revoked(_)), "{err:?}");
    assert!(!err.retries());
    assert!(quayside_sync::revoked(&ines.store()));
    let old = token(&ines);
    server
        .get("/v1/sync", Some(&old))
        .error(401, "device_revoked");
    // Signing in again does not bring it back.
    let err =
        quayside_sync::sign_in(&ines.store, &server.url, "ines", PASSWORD, "ines").unwrap_err();
    assert!(matches!(err, SyncError::Revoked(_)), "{err:?}");

    // Another device's signature is not this device's confirmation.
    let mut forged = quayside_sync::prepare_wipe(&ivan.store(), "2026-01-02T00:00:00Z").unwrap();
    forged.device_id = ines.store().device().id;
    let err = quayside_sync::confirm_wipe(&forged).unwrap_err();
    assert!(err.to_string().contains("does not verify"), "{err}");

    // Signed while the key exists, sent after it is gone (the prepared confirmation needs no store).
    let prepared = quayside_sync::prepare_wipe(&ines.store(), "2026-01-03T00:00:00Z").unwrap();
    drop(ines);
    quayside_sync::confirm_wipe(&prepared).unwrap();
    quayside_sync::confirm_wipe(&prepared).unwrap();
    let list = server.cli(&["device", "list"], "");
    let list = text(&list.stdout);
    let line = list.lines().find(|l| l.starts_with(&device)).unwrap();
    assert!(line.contains("\trevoked "), "{line}");
    assert!(line.contains("\twipe confirmed "), "{line}");
    let others = list.lines().filter(|l| !l.starts_with(&device));
    assert!(
        others.into_iter().all(|l| !l.contains("wipe confirmed")),
        "{list}"
    );
}

/// The app: a revoked device destroys its keys at the next command, tells the person why, and the
/// administrator sees the wipe confirmed; the data folder can then only be set up afresh.
#[test]
fn the_app_destroys_its_keys_when_the_server_revokes_it_and_the_admin_sees_it() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let (dir, api) = crate::common::app();
    crate::common::app_sign_in(&api, &server.url, PASSWORD).unwrap();
    crate::common::app_record_case(&api);
    let status = api.dispatch("sync_now", serde_json::json!({})).unwrap();
    assert!(status["last_error"].is_null(), "{status:#}");
    let device = crate::common::open_store_device(dir.path());

    let revoked = server.cli(&["device", "revoke", &device], "");
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));
    let status = api.dispatch("sync_now", serde_json::json!({})).unwrap();
    assert!(
        status["last_error"]["message"]
            .as_str()
            .unwrap()
            .contains("revoked"),
        "{status:#}"
    );
    assert_eq!(status["revoked"], true);
    let err = api
        .dispatch("list_cases", serde_json::json!({}))
        .unwrap_err();
    assert_eq!(err.code, quayside_api::ErrorCode::Locked, "{err:?}");
    assert!(err.message.contains("revoked"), "{}", err.message);
    assert!(!dir.path().join("keys.json").exists());
    let state = api.dispatch("lock_state", serde_json::json!({})).unwrap();
    assert_eq!(state["phase"], "unreadable");
    assert_eq!(state["notice"]["key"], "notice.revoked_wiped", "{state:#}");
    let err = api
        .dispatch("unlock", serde_json::json!({"passphrase": quayside_testkit::api::passphrase(quayside_testkit::api::FIRST_PERSON)}))
        .unwrap_err();
    assert_ne!(err.code, quayside_api::ErrorCode::Internal);

    // The confirmation goes in the background: the admin's list shows it shortly.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let list = server.cli(&["device", "list"], "");
        let list = text(&list.stdout);
        let line = list
            .lines()
            .find(|l| l.starts_with(&device))
            .unwrap()
            .to_string();
        if line.contains("\twipe confirmed ") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no wipe confirmation: {line}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// A wipe by hand signs the device out on the server first: its token is dead with its keys.
#[test]
fn wiping_the_app_by_hand_kills_its_token_on_the_server() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let (dir, api) = crate::common::app();
    crate::common::app_sign_in(&api, &server.url, PASSWORD).unwrap();
    let token = quayside_testkit::api::open_store(dir.path())
        .setting("sync.token")
        .unwrap()
        .unwrap();
    server.get("/v1/sync", Some(&token)).json();
    let state = api.dispatch("wipe_device", serde_json::json!({})).unwrap();
    assert_eq!(state["phase"], "unreadable");
    assert!(!dir.path().join("keys.json").exists());
    server
        .get("/v1/sync", Some(&token))
        .error(401, "unauthorized");
}
