//! The test-only fault injection: a crash right after a push commits loses nothing.

use quayside_domain::event::Role;
use quayside_protocol::{PushRequest, SyncState};

use crate::common::*;

#[test]
fn a_crash_after_the_push_commit_keeps_the_events() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    let data = server.data.clone();
    drop(server);

    let crashing = Server::start_with(
        data.clone(),
        &[],
        &[("QUAYSIDE_SERVER_FAULT", "crash-after-push-commit")],
    );
    let url = format!("{}/v1/events", crashing.url);
    let body = serde_json::to_vec(&PushRequest {
        events: ann.wire(0),
    })
    .unwrap();
    let sent = agent()
        .post(&url)
        .header("Authorization", format!("Bearer {}", ann.token))
        .header("Content-Type", "application/json")
        .send(&body[..]);
    assert!(sent.is_err(), "the process aborts before answering");
    assert!(!crashing.wait_for_exit().success());

    let server = Server::start_with(data, &[], &[]);
    let state: SyncState = server.get("/v1/sync", Some(&ann.token)).parse();
    assert_eq!(state.device_seq, 2, "the committed push survived the crash");
    assert_eq!(ann.push(&server, 0).duplicates, 2);
}

#[test]
fn an_unknown_fault_stops_the_server_with_the_reason() {
    let dir = tempfile::TempDir::new().unwrap();
    let output = std::process::Command::new(BIN)
        .arg("--data-dir")
        .arg(dir.path())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("QUAYSIDE_SERVER_FAULT", "crash-sometime")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("not a known fault"));
}
