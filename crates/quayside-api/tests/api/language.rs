//! Languages: each person's own, the lock screen's (the last one used on the device), and the
//! catalogue files the UI words everything with.

use serde_json::{json, Value};

use crate::harness::{call, fails, fresh, open_locked, passphrase, FIRST_PERSON};
use quayside_api::ErrorCode;
use quayside_store::SystemClock;

fn language(api: &quayside_api::Api) -> Value {
    call(api, "lock_state", json!({}))["language"].clone()
}

#[test]
fn each_person_reads_their_own_language_and_the_lock_screen_the_last_one() {
    let (dir, api) = fresh();
    // Nobody chose yet: the UI follows the system.
    assert_eq!(language(&api), Value::Null);
    call(
        &api,
        "set_up",
        json!({"name": FIRST_PERSON, "passphrase": passphrase(FIRST_PERSON), "language": "th"}),
    );
    assert_eq!(language(&api), "th");

    // A colleague who has not chosen sees the last language used on the device, then their own.
    call(
        &api,
        "add_person",
        json!({"name": "Sam", "passphrase": passphrase("Sam")}),
    );
    call(&api, "lock", json!({}));
    assert_eq!(
        language(&api),
        "th",
        "the lock screen keeps the last language"
    );
    call(&api, "unlock", json!({"passphrase": passphrase("Sam")}));
    assert_eq!(language(&api), "th");
    call(&api, "set_language", json!({"locale": "es"}));
    assert_eq!(language(&api), "es");
    assert_eq!(call(&api, "lock_state", json!({}))["buddhist_era"], false);
    call(
        &api,
        "set_language",
        json!({"locale": "th", "buddhist_era": true}),
    );
    assert_eq!(language(&api), "th");
    assert_eq!(call(&api, "lock_state", json!({}))["buddhist_era"], true);
    call(&api, "set_language", json!({"locale": "es"}));

    // Ines keeps hers; the lock screen after her is in Thai again.
    call(&api, "lock", json!({}));
    assert_eq!(language(&api), "es");
    call(
        &api,
        "unlock",
        json!({"passphrase": passphrase(FIRST_PERSON)}),
    );
    assert_eq!(language(&api), "th");
    call(&api, "lock", json!({}));
    assert_eq!(language(&api), "th");

    // After a restart the lock screen still knows, and the language file holds nothing else.
    drop(api);
    let api = open_locked(dir.path(), Box::new(SystemClock));
    assert_eq!(language(&api), "th");
    let file = std::fs::read_to_string(dir.path().join("language")).unwrap();
    assert_eq!(file, "th");
}

#[test]
fn the_catalogue_is_there_before_unlocking_and_a_language_is_chosen_only_unlocked() {
    let (_dir, api) = fresh();
    let chinese = call(&api, "catalogue", json!({"locale": "zh-CN"}));
    assert_eq!(chinese["tag"], "zh-CN");
    let files: Vec<&str> = chinese["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(files[0].contains("section-route = "), "labels first");
    assert!(
        !files[0].contains("section-route = Route legs"),
        "in Chinese"
    );
    assert!(chinese["english"][0]
        .as_str()
        .unwrap()
        .contains("section-route = Route legs"));

    assert_eq!(
        fails(&api, "set_language", json!({"locale": "th"})).code,
        ErrorCode::Locked
    );
    // A language Quayside does not speak is a malformed call, not a setting.
    let err = fails(&api, "catalogue", json!({"locale": "de"}));
    assert_eq!(err.code, ErrorCode::InvalidRequest);
}
