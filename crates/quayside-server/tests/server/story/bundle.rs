//! A case-file bundle exported through the app after real syncs, checked as an examiner would:
//! against the key the server's operator gives, with every device key anchored by the server.

use std::sync::Arc;

use quayside_api::Api;
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::common::{app, app_record_case, app_sign_in, Server, PASSWORD};

fn sign_in(api: &Api, server: &Server) {
    app_sign_in(api, &server.url, PASSWORD).unwrap();
}

fn sync(api: &Api) {
    let status = api.dispatch("sync_now", json!({})).unwrap();
    assert_eq!(status["last_error"], Value::Null, "{status:#}");
}

fn operator_key(server: &Server) -> ed25519_dalek::VerifyingKey {
    let out = server.cli(&["key"], "");
    assert!(out.status.success());
    quayside_protocol::statement::server_key(String::from_utf8_lossy(&out.stdout).trim()).unwrap()
}

fn export_and_check(
    api: &Api,
    case: &str,
    key: ed25519_dalek::VerifyingKey,
) -> quayside_evidence::BundleReport {
    let file = api
        .dispatch("export_case_bundle", json!({"case_id": case}))
        .unwrap();
    let reader = std::fs::File::open(file["path"].as_str().unwrap()).unwrap();
    quayside_evidence::verify_bundle(std::io::BufReader::new(reader), Some(key)).unwrap()
}

#[test]
fn a_synced_case_bundle_verifies_against_the_operators_key_with_every_device_anchored() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let (_dir, api) = app();
    sign_in(&api, &server);
    let case = app_record_case(&api);
    sync(&api);
    let report = export_and_check(&api, &case, operator_key(&server));
    assert!(report.verified(), "{report}");
    assert_eq!((report.events, report.proven), (2, 2), "{report}");
    assert!(report.unanchored.is_empty(), "{report}");
    assert!(report.unproven.is_empty(), "{report}");
}

#[test]
fn after_moving_to_another_server_the_bundle_holds_only_what_the_new_server_signed() {
    let first = Server::start();
    first.add_user("ines", "inspector", "NLRTM");
    let second = Server::start_with(Arc::new(TempDir::new().unwrap()), &[], &[]);
    second.add_user("ines", "inspector", "NLRTM");
    let (_dir, api) = app();
    sign_in(&api, &first);
    let case = app_record_case(&api);
    sync(&api);
    api.dispatch("sign_out", json!({})).unwrap();
    sign_in(&api, &second);
    sync(&api);
    let report = export_and_check(&api, &case, operator_key(&second));
    assert!(report.verified(), "{report}");
    assert_eq!((report.events, report.proven), (2, 2), "{report}");
    assert!(report.unanchored.is_empty(), "{report}");
}
