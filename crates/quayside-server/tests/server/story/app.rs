//! Sync through the app's own surface (`quayside_api::Api`, as the UI calls it): sign-in errors a
//! person can reach, the status figures, and the background loop, which syncs after an edit and
//! retries with backoff until the server is back, without a new edit.

use std::sync::Arc;
use std::time::{Duration, Instant};

use quayside_api::{Api, ErrorCode};
use quayside_sync::Timing;
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::common::{app, app_record_case, app_sign_in, Server, PASSWORD};

fn status(api: &Api) -> Value {
    api.dispatch("sync_status", json!({})).unwrap()
}

/// Poll the status until `done` holds, or fail showing the last status.
fn wait_for(api: &Api, what: &str, done: impl Fn(&Value) -> bool) -> Value {
    let start = Instant::now();
    loop {
        let s = status(api);
        if done(&s) {
            return s;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "{what}: {s:#}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn sign_in_errors_say_what_is_wrong() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let (_dir, api) = app();

    let wrong = app_sign_in(&api, &server.url, "not the password").unwrap_err();
    assert_eq!(wrong.code, ErrorCode::SignInFailed);
    assert_eq!(wrong.text.key, "error.bad_credentials", "{wrong:?}");
    assert!(
        wrong.message.contains("user name or password"),
        "{}",
        wrong.message
    );

    let closed = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap()
    };
    let offline = app_sign_in(&api, &closed.to_string(), PASSWORD).unwrap_err();
    assert_eq!(offline.code, ErrorCode::Offline);
    assert!(
        offline.message.contains("cannot be reached"),
        "{}",
        offline.message
    );

    let empty = app_sign_in(&api, " ", PASSWORD).unwrap_err();
    assert_eq!(empty.code, ErrorCode::InvalidInput);
    assert!(
        status(&api)["account"].is_null(),
        "nothing kept from failed sign-ins"
    );

    // The person held a supervisor's role before (from another account); this account says inspector.
    api.test_grant_role(quayside_domain::event::Role::Supervisor)
        .unwrap();
    let s = app_sign_in(&api, &server.url, PASSWORD).unwrap();
    assert_eq!(s["account"]["username"], "ines");
    assert_eq!(s["account"]["ports"], json!(["NLRTM"]));
    let info = api.dispatch("app_info", json!({})).unwrap();
    assert_eq!(
        info["user"]["role"], "inspector",
        "the account's role from now on"
    );
}

#[test]
fn a_manual_sync_sends_everything_and_a_revoked_device_is_told_to_sign_in_again() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let (_dir, api) = app();
    app_sign_in(&api, &server.url, PASSWORD).unwrap();
    app_record_case(&api);
    assert_eq!(status(&api)["events_waiting"], 2);
    let s = api.dispatch("sync_now", json!({})).unwrap();
    assert_eq!(s["events_waiting"], 0, "{s:#}");
    assert!(s["last_synced_at"].is_string());
    assert!(s["last_error"].is_null());

    let device = server.cli(&["device", "list"], "");
    let id = String::from_utf8_lossy(&device.stdout)
        .split_whitespace()
        .find(|w| uuid::Uuid::parse_str(w).is_ok())
        .unwrap()
        .to_string();
    assert!(server.cli(&["device", "revoke", &id], "").status.success());
    app_record_case(&api);
    let s = api.dispatch("sync_now", json!({})).unwrap();
    assert_eq!(s["events_waiting"], 2, "nothing lost, still waiting");
    assert!(
        s["last_error"]["message"]
            .as_str()
            .unwrap()
            .contains("revoked"),
        "{s:#}"
    );
}

#[test]
fn the_background_loop_syncs_after_an_edit_and_retries_until_the_server_is_back() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let data: Arc<TempDir> = server.data.clone();
    let (_dir, api) = app();
    app_sign_in(&api, &server.url, PASSWORD).unwrap();
    let timing = Timing {
        interval: Duration::from_secs(3600),
        after_edit: Duration::from_millis(100),
        backoff: Duration::from_millis(100),
        max_backoff: Duration::from_millis(400),
    };
    api.start_sync(timing);
    app_record_case(&api);
    wait_for(&api, "the edit is sent by itself", |s| {
        s["events_waiting"] == 0 && s["last_synced_at"].is_string()
    });

    // The server goes away; an edit waits, and the loop keeps trying with backoff.
    let url = server.url.clone();
    drop(server);
    app_record_case(&api);
    let s = wait_for(&api, "offline, retrying", |s| {
        s["activity"]["offline"] == true && s["activity"]["attempts"].as_u64() >= Some(2)
    });
    assert_eq!(s["events_waiting"], 2);
    assert_eq!(s["activity"]["retries_by_itself"], true);
    // The loop's last error is a keyed message, for the status bar to word in the person's language.
    let error: quayside_i18n::Message =
        serde_json::from_value(s["activity"]["last_error"].clone()).unwrap();
    assert_eq!(error.key, "error.offline");
    let chinese = quayside_i18n::Catalogue::get(quayside_i18n::Locale::ZhCn)
        .format_checked(&error)
        .unwrap();
    assert!(chinese.contains(&url), "{chinese}");

    // Back on the same address: the loop finishes the job with no new edit and no button.
    let port = url.rsplit(':').next().unwrap();
    let _server = Server::start_with(data, &["--listen", &format!("127.0.0.1:{port}")], &[]);
    let s = wait_for(&api, "sent once the server is back", |s| {
        s["events_waiting"] == 0 && s["activity"]["offline"] == false
    });
    assert_eq!(s["activity"]["attempts"], 0);
}
