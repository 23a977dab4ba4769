//! People of one device through the app: on a device signed in to a server, a colleague is added
//! with their account there, and what they record is theirs, with their account's role.

use quayside_api::ErrorCode;
use quayside_testkit::api::{call, fails, passphrase, submit};
use serde_json::json;

use crate::common::{app, app_record_case, app_sign_in, Server, PASSWORD};

#[test]
fn a_supervisor_added_with_their_server_account_approves_on_an_inspectors_laptop() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("sam", "supervisor", "NLRTM");
    let (_dir, api) = app();
    let state = call(&api, "lock_state", json!({}));
    assert_eq!(state["people_from_server"], false);
    app_sign_in(&api, &server.url, PASSWORD).unwrap();
    let state = call(&api, "lock_state", json!({}));
    assert_eq!(state["people_from_server"], true);
    let case = app_record_case(&api);
    let view = submit(&api, &case);

    // Once signed in, a person comes with an account: a typed name alone is refused.
    let sam = |server_password: Option<&str>| json!({"name": "sam", "passphrase": passphrase("sam"), "server_password": server_password});
    let err = fails(&api, "add_person", sam(None));
    assert_eq!(
        (err.code, err.text.key.as_str()),
        (ErrorCode::InvalidInput, "error.person_needs_account")
    );
    let err = fails(&api, "add_person", sam(Some("not his password")));
    assert_eq!(err.text.key, "error.bad_credentials", "{err:?}");
    let err = fails(
        &api,
        "add_person",
        json!({"name": "sam", "passphrase": "short", "server_password": PASSWORD}),
    );
    assert_eq!(err.text.key, "error.passphrase_too_short", "{err:?}");
    assert_eq!(call(&api, "lock_state", json!({}))["people"], 1);
    let state = call(&api, "add_person", sam(Some(PASSWORD)));
    assert_eq!(state["people"], 2);
    let err = fails(&api, "add_person", sam(Some(PASSWORD)));
    assert_eq!(err.text.key, "error.account_on_device", "{err:?}");

    // Sam unlocks with his own passphrase: the server's name and role are his.
    call(&api, "lock", json!({}));
    call(&api, "unlock", json!({"passphrase": passphrase("sam")}));
    let user = &call(&api, "app_info", json!({}))["user"];
    assert_eq!(
        (user["name"].as_str(), user["role"].as_str()),
        (Some("sam"), Some("supervisor"))
    );
    call(
        &api,
        "approve_case",
        json!({"case_id": case, "head": view["case"]["head"], "event_count": view["case"]["event_count"]}),
    );

    // The server takes the approval as sam's: nothing of the laptop is set aside.
    let status = call(&api, "sync_now", json!({}));
    assert_eq!(status["last_error"], json!(null), "{status:#}");
    assert_eq!(status["events_waiting"], 0, "{status:#}");
    assert_eq!(status["refused"], json!([]), "{status:#}");
    let quarantine = server.cli(&["quarantine"], "");
    assert!(
        !String::from_utf8_lossy(&quarantine.stdout).contains("role_claimed"),
        "{}",
        String::from_utf8_lossy(&quarantine.stdout)
    );
}

#[test]
fn a_person_of_the_device_from_before_it_was_signed_in_signs_in_with_their_own_account() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("ivan", "inspector", "NLRTM");
    let (_dir, api) = app();
    let ivan = "Ivan Inspector";
    call(
        &api,
        "add_person",
        json!({"name": ivan, "passphrase": passphrase(ivan)}),
    );
    app_sign_in(&api, &server.url, PASSWORD).unwrap();
    let state = call(&api, "lock_state", json!({}));
    assert_eq!(
        state["person_account"], "ines",
        "the person who signed in is ines"
    );
    call(&api, "lock", json!({}));
    let state = call(&api, "unlock", json!({"passphrase": passphrase(ivan)}));
    assert_eq!(state["person_account"], json!(null));
    assert_eq!(state["people_from_server"], true);

    let link = |username: &str, password: &str| {
        api.dispatch(
            "link_account",
            json!({"username": username, "password": password}),
        )
    };
    let err = link("ivan", "not his password").unwrap_err();
    assert_eq!(err.text.key, "error.bad_credentials", "{err:?}");
    let err = link("ines", PASSWORD).unwrap_err();
    assert_eq!(err.text.key, "error.account_on_device", "{err:?}");
    let state = link("ivan", PASSWORD).unwrap();
    assert_eq!(state["person"], "ivan");
    assert_eq!(state["person_account"], "ivan");
    let err = link("ivan", PASSWORD).unwrap_err();
    assert_eq!(err.text.key, "error.account_linked_already", "{err:?}");

    // What he records now is his on the server.
    let case = app_record_case(&api);
    let timeline = call(&api, "timeline", json!({"case_id": case}));
    let authors: Vec<String> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["author"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(authors.iter().all(|a| a == "ivan"), "{authors:?}");
    let status = call(&api, "sync_now", json!({}));
    assert_eq!(status["events_waiting"], 0, "{status:#}");
    assert_eq!(status["refused"], json!([]), "{status:#}");
    let listed = server.cli(&["device", "list"], "");
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("\tines\talso ivan\t"),
        "{}",
        String::from_utf8_lossy(&listed.stdout)
    );
}
