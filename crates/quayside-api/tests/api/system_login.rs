//! Opening with the system login, against a real Secret Service: gnome-keyring in a session bus
//! of its own. A plain `cargo test` has none, so this is ignored there and run by `scripts/test`
//! through `scripts/keyring-session`.

use quayside_api::ErrorCode;
use quayside_keys::system_keyring;
use serde_json::json;
use uuid::Uuid;

use crate::harness::{call, fails, open_locked, passphrase, setup, FIRST_PERSON};

/// The keyring entry keys.json names for the person who opens with the system login.
fn entry(dir: &std::path::Path) -> Option<Uuid> {
    let keys: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("keys.json")).unwrap()).unwrap();
    keys["keyring"]["entry"]
        .as_str()
        .map(|e| e.parse().unwrap())
}

#[test]
#[ignore = "needs a Secret Service: scripts/keyring-session cargo test -p quayside-api --test api system_login -- --ignored"]
fn the_system_login_opens_the_app_at_start_only_for_its_person_and_a_wipe_takes_its_key() {
    let (dir, api) = setup();
    let state = call(&api, "lock_state", json!({}));
    assert_eq!(state["system_login_available"], true, "no Secret Service");
    assert_eq!(state["system_login_yours"], false);

    // Turned on with the person's own passphrase only.
    let ivan = "Ivan Inspector";
    call(
        &api,
        "add_person",
        json!({"name": ivan, "passphrase": passphrase(ivan)}),
    );
    for wrong in ["not the passphrase".to_string(), passphrase(ivan)] {
        let err = fails(
            &api,
            "set_system_login",
            json!({"enabled": true, "passphrase": wrong}),
        );
        assert_eq!(err.code, ErrorCode::WrongPassphrase);
    }
    assert_eq!(entry(dir.path()), None);
    let state = call(
        &api,
        "set_system_login",
        json!({"enabled": true, "passphrase": passphrase(FIRST_PERSON)}),
    );
    assert_eq!(state["system_login_yours"], true);
    let first = entry(dir.path()).unwrap();
    assert_eq!(system_keyring::read(first).unwrap().len(), 32);

    // Once unlocked in this run, a lock asks for a passphrase.
    let state = call(&api, "lock", json!({}));
    assert_eq!(state["system_login_unlock"], false);
    let err = fails(&api, "unlock_with_system_login", json!({}));
    assert_eq!(err.text.key, "error.system_login_after_start");
    drop(api);

    // At the next start it opens, as its person.
    let api = open_locked(dir.path(), Box::new(quayside_store::SystemClock));
    let state = call(&api, "lock_state", json!({}));
    assert_eq!(state["system_login_unlock"], true);
    let state = call(&api, "unlock_with_system_login", json!({}));
    assert_eq!(state["phase"], "unlocked");
    assert_eq!(state["person"], FIRST_PERSON);
    call(&api, "list_cases", json!({}));
    call(&api, "lock", json!({}));
    let state = call(&api, "unlock", json!({"passphrase": passphrase(ivan)}));
    assert_eq!(state["system_login_yours"], false);
    drop(api);

    // A keyring that lost the key (another system user, removed by hand): the passphrase still opens.
    system_keyring::delete(first).unwrap();
    let api = open_locked(dir.path(), Box::new(quayside_store::SystemClock));
    let err = fails(&api, "unlock_with_system_login", json!({}));
    assert_eq!(err.text.key, "error.system_login_missing");
    call(
        &api,
        "unlock",
        json!({"passphrase": passphrase(FIRST_PERSON)}),
    );

    // Off removes the key from the keyring; on again makes a new one, which a wipe removes.
    call(
        &api,
        "set_system_login",
        json!({"enabled": true, "passphrase": passphrase(FIRST_PERSON)}),
    );
    let second = entry(dir.path()).unwrap();
    assert_ne!(second, first);
    let state = call(&api, "set_system_login", json!({"enabled": false}));
    assert_eq!(state["system_login_yours"], false);
    assert_eq!(entry(dir.path()), None);
    assert!(matches!(
        system_keyring::read(second),
        Err(system_keyring::KeyringError::Missing)
    ));
    call(
        &api,
        "set_system_login",
        json!({"enabled": true, "passphrase": passphrase(FIRST_PERSON)}),
    );
    let third = entry(dir.path()).unwrap();
    call(&api, "wipe_device", json!({}));
    assert!(matches!(
        system_keyring::read(third),
        Err(system_keyring::KeyringError::Missing)
    ));
}
