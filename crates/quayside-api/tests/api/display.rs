//! Display: each person's theme, density and zoom, kept in the store and handed back in the lock
//! state; the lock screen's is the last one used on the device, kept across restarts.

use serde_json::{json, Value};

use crate::harness::{call, fails, fresh, open_locked, passphrase, FIRST_PERSON};
use quayside_api::ErrorCode;
use quayside_store::SystemClock;

fn display(api: &quayside_api::Api) -> Value {
    call(api, "lock_state", json!({}))["display"].clone()
}

fn system() -> Value {
    json!({"theme": null, "density": null, "zoom_percent": 100})
}

#[test]
fn each_person_has_their_own_display_and_the_lock_screen_the_last_one() {
    let (dir, api) = fresh();
    // Nobody chose: the system's way, at 100%; nothing is kept before someone unlocks.
    assert_eq!(display(&api), system());
    let sunlight = json!({"theme": "contrast", "density": "touch", "zoom_percent": 150});
    assert_eq!(
        fails(&api, "set_display", sunlight.clone()).code,
        ErrorCode::Locked
    );

    call(
        &api,
        "set_up",
        json!({"name": FIRST_PERSON, "passphrase": passphrase(FIRST_PERSON)}),
    );
    assert_eq!(display(&api), system());
    let state = call(&api, "set_display", sunlight.clone());
    assert_eq!(state["display"], sunlight, "the new state carries it");
    assert_eq!(display(&api), sunlight);

    // A colleague who chose nothing gets the system's way, not Ines's.
    call(
        &api,
        "add_person",
        json!({"name": "Sam", "passphrase": passphrase("Sam")}),
    );
    call(&api, "lock", json!({}));
    assert_eq!(
        display(&api),
        sunlight,
        "the lock screen keeps the last one"
    );
    call(&api, "unlock", json!({"passphrase": passphrase("Sam")}));
    assert_eq!(display(&api), system());
    let night = json!({"theme": "dark", "density": null, "zoom_percent": 100});
    call(&api, "set_display", night.clone());
    call(&api, "lock", json!({}));
    assert_eq!(display(&api), night);

    call(
        &api,
        "unlock",
        json!({"passphrase": passphrase(FIRST_PERSON)}),
    );
    assert_eq!(display(&api), sunlight);
    call(&api, "lock", json!({}));

    // After a restart the lock screen still knows, and the file holds the choice and nothing else.
    drop(api);
    let api = open_locked(dir.path(), Box::new(SystemClock));
    assert_eq!(display(&api), sunlight);
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("display")).unwrap())
            .unwrap();
    assert_eq!(file, sunlight);
}

#[test]
fn a_zoom_out_of_range_or_an_unknown_theme_is_refused() {
    let (_dir, api) = fresh();
    call(
        &api,
        "set_up",
        json!({"name": FIRST_PERSON, "passphrase": passphrase(FIRST_PERSON)}),
    );
    for zoom in [0, 49, 301, 1000] {
        let err = fails(
            &api,
            "set_display",
            json!({"theme": null, "density": null, "zoom_percent": zoom}),
        );
        assert_eq!(err.code, ErrorCode::InvalidInput, "{zoom}%");
        assert!(err.message.contains("50% to 300%"), "{}", err.message);
    }
    // Words the UI never sends are a malformed call.
    let err = fails(
        &api,
        "set_display",
        json!({"theme": "sepia", "density": null, "zoom_percent": 100}),
    );
    assert_eq!(err.code, ErrorCode::InvalidRequest);
    let err = fails(&api, "set_display", json!({"theme": "dark"}));
    assert_eq!(err.code, ErrorCode::InvalidRequest);
    assert_eq!(display(&api), system(), "nothing refused was kept");
    // The edges are allowed.
    for zoom in [50, 300] {
        let choice = json!({"theme": "light", "density": "compact", "zoom_percent": zoom});
        assert_eq!(call(&api, "set_display", choice.clone())["display"], choice);
    }
}
