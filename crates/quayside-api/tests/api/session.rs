//! The lock: set-up, unlock, lock (on demand and when idle), people, recovery, wipe, and data from
//! a version before encryption; and what a thief finds in the data folder afterwards.

use std::path::Path;

use quayside_api::{Api, ErrorCode};
use quayside_store::Store;
use serde_json::{json, Value};

use crate::harness::{
    as_user, call, english_json, fails, fresh, open_case, open_locked, passphrase, setup,
    FIRST_PERSON,
};

fn phase(api: &Api) -> String {
    call(api, "lock_state", json!({}))["phase"]
        .as_str()
        .unwrap()
        .to_string()
}

fn unlock(api: &Api, name: &str) -> Value {
    call(api, "unlock", json!({ "passphrase": passphrase(name) }))
}

fn author_of_last_change(api: &Api, case_id: &str) -> String {
    let timeline = call(api, "timeline", json!({ "case_id": case_id }));
    let last = timeline.as_array().unwrap().last().unwrap().clone();
    last["author"].as_str().unwrap().to_string()
}

#[test]
fn a_new_device_answers_nothing_but_the_lock_screen_until_it_is_set_up() {
    let (_dir, api) = fresh();
    assert_eq!(phase(&api), "new");
    for command in [
        "list_cases",
        "app_info",
        "sync_status",
        "verify_log",
        "wipe_device",
    ] {
        let err = fails(&api, command, json!({}));
        assert_eq!(err.code, ErrorCode::Locked, "{command}");
    }
    // Too short a passphrase is refused with what to do, and nothing is set up.
    let err = fails(
        &api,
        "set_up",
        json!({"name": "Ines", "passphrase": "short"}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains('8'), "{}", err.message);
    assert_eq!(phase(&api), "new");
    let err = fails(
        &api,
        "set_up",
        json!({"name": " ", "passphrase": "long enough here"}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);

    let answer = call(
        &api,
        "set_up",
        json!({"name": "Ines Inspector", "passphrase": passphrase("Ines Inspector")}),
    );
    let recovery = answer["recovery_key"].as_str().unwrap();
    assert!(recovery.len() >= 32, "{recovery}");
    assert_eq!(answer["state"]["phase"], "unlocked");
    assert_eq!(answer["state"]["person"], "Ines Inspector");
    let info = call(&api, "app_info", json!({}));
    assert_eq!(info["user"]["name"], "Ines Inspector");
    // Without a server, the first person is an inspector: a supervisor needs the server's word.
    assert_eq!(info["user"]["role"], "inspector");
    assert_eq!(
        fails(&api, "set_user", json!({"name": "X", "role": "supervisor"})).code,
        ErrorCode::InvalidRequest
    );
    // Set up once only.
    let err = fails(
        &api,
        "set_up",
        json!({"name": "Eve", "passphrase": "another passphrase"}),
    );
    assert_eq!(err.code, ErrorCode::NotAllowed);
}

#[test]
fn lock_refuses_every_command_until_the_right_passphrase_and_a_restart_starts_locked() {
    let (dir, api) = setup();
    let case_id = open_case(&api, "NLRTM");
    call(
        &api,
        "save_draft",
        json!({"case_id": case_id, "field": "container_number", "text": "CSQU30543"}),
    );
    assert_eq!(call(&api, "lock", json!({}))["phase"], "locked");
    assert_eq!(
        fails(&api, "get_case", json!({"case_id": case_id})).code,
        ErrorCode::Locked
    );

    let err = fails(&api, "unlock", json!({"passphrase": "not the passphrase"}));
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    assert!(err.message.contains("passphrase"), "{}", err.message);
    assert_eq!(phase(&api), "locked");
    unlock(&api, FIRST_PERSON);
    // The draft typed before the lock is still there.
    let view = call(&api, "get_case", json!({"case_id": case_id}));
    assert_eq!(view["drafts"][0]["text"], "CSQU30543");
    drop(api);

    let api = open_locked(dir.path(), Box::new(quayside_store::SystemClock));
    assert_eq!(phase(&api), "locked");
    assert_eq!(fails(&api, "list_cases", json!({})).code, ErrorCode::Locked);
    unlock(&api, FIRST_PERSON);
    assert_eq!(
        call(&api, "list_cases", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn wrong_passphrases_slow_down_and_never_wipe() {
    let (dir, api) = setup();
    open_case(&api, "NLRTM");
    call(&api, "lock", json!({}));
    let mut last = None;
    for _ in 0..4 {
        last = Some(fails(
            &api,
            "unlock",
            json!({"passphrase": "wrong wrong wrong"}),
        ));
    }
    let last = last.unwrap();
    assert_eq!(last.code, ErrorCode::WrongPassphrase);
    // After the free tries, even the right passphrase must wait: the lock screen says how long.
    let state = call(&api, "lock_state", json!({}));
    assert!(state["retry_in_seconds"].as_u64().unwrap() >= 1, "{state}");
    let err = fails(
        &api,
        "unlock",
        json!({"passphrase": passphrase(FIRST_PERSON)}),
    );
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    assert!(err.message.contains("try again in"), "{}", err.message);
    // Nothing was destroyed: the keys and the case are still there for the recovery key.
    assert!(dir.path().join("keys.json").exists());
}

#[test]
fn the_idle_time_is_a_setting_of_one_to_240_minutes() {
    let (_dir, api) = setup();
    let state = call(&api, "lock_state", json!({}));
    assert_eq!(
        (
            state["idle_lock_minutes"].as_u64(),
            state["idle_lock_seconds"].as_u64()
        ),
        (Some(10), Some(600))
    );
    for minutes in [0, 241] {
        let err = fails(&api, "set_idle_lock", json!({ "minutes": minutes }));
        assert_eq!(err.code, ErrorCode::InvalidInput);
    }
    let state = call(&api, "set_idle_lock", json!({"minutes": 2}));
    assert_eq!(
        (
            state["idle_lock_minutes"].as_u64(),
            state["idle_lock_seconds"].as_u64()
        ),
        (Some(2), Some(120))
    );
}

#[test]
fn the_app_locks_itself_after_the_idle_time_and_polling_does_not_keep_it_open() {
    let (_dir, api) = setup();
    api.set_idle_lock_seconds(2);
    let pause = || std::thread::sleep(std::time::Duration::from_millis(1200));
    call(&api, "list_cases", json!({}));
    pause();
    call(&api, "list_cases", json!({}));
    pause();
    // The screens report use that calls nothing (typing in a form): that counts too.
    call(&api, "still_here", json!({}));
    pause();
    // Each use starts the idle time again: 2.4 s since the first, 1.2 s since the last.
    call(&api, "list_cases", json!({}));
    pause();
    // The status bar's poll is not the person doing something.
    call(&api, "sync_status", json!({}));
    pause();
    let err = fails(&api, "list_cases", json!({}));
    assert_eq!(err.code, ErrorCode::Locked);
    assert!(err.message.contains("without use"), "{}", err.message);
    let state = call(&api, "lock_state", json!({}));
    assert_eq!(state["phase"], "locked");
    unlock(&api, FIRST_PERSON);
    call(&api, "list_cases", json!({}));
}

#[test]
fn switching_person_changes_the_author_of_new_events() {
    let (_dir, api) = setup();
    let case_id = open_case(&api, "NLRTM");
    assert_eq!(author_of_last_change(&api, &case_id), FIRST_PERSON);
    // A passphrase names one person: a second person cannot take the first one's.
    let err = fails(
        &api,
        "add_person",
        json!({"name": "Ivan Inspector", "passphrase": passphrase(FIRST_PERSON)}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let state = call(
        &api,
        "add_person",
        json!({"name": "Ivan Inspector", "passphrase": passphrase("Ivan Inspector")}),
    );
    assert_eq!(state["people"], 2);
    call(&api, "lock", json!({}));
    let state = unlock(&api, "Ivan Inspector");
    assert_eq!(state["person"], "Ivan Inspector");
    call(
        &api,
        "set_field",
        json!({"case_id": case_id, "field": "vessel_name", "text": "MSC ANNA"}),
    );
    assert_eq!(author_of_last_change(&api, &case_id), "Ivan Inspector");
    assert_eq!(
        call(&api, "app_info", json!({}))["user"]["role"],
        "inspector"
    );
    as_user(&api, FIRST_PERSON, "inspector");
    call(
        &api,
        "set_field",
        json!({"case_id": case_id, "field": "voyage", "text": "123W"}),
    );
    assert_eq!(author_of_last_change(&api, &case_id), FIRST_PERSON);
}

#[test]
fn the_recovery_key_sets_a_new_passphrase() {
    let (dir, api) = fresh();
    let answer = call(
        &api,
        "set_up",
        json!({"name": "Ines Inspector", "passphrase": "forgotten passphrase"}),
    );
    let recovery = answer["recovery_key"].as_str().unwrap().to_string();
    open_case(&api, "NLRTM");
    drop(api);
    let api = open_locked(dir.path(), Box::new(quayside_store::SystemClock));
    let err = fails(
        &api,
        "recover",
        json!({"recovery_key": "AAAA-BBBB", "new_passphrase": "a new passphrase"}),
    );
    assert_eq!(err.code, ErrorCode::InvalidInput);
    // Typed in lower case and without dashes, it is still the key.
    let typed = recovery.replace('-', "").to_lowercase();
    let state = call(
        &api,
        "recover",
        json!({"recovery_key": typed, "new_passphrase": "a new passphrase"}),
    );
    assert_eq!(state["phase"], "unlocked");
    assert_eq!(state["person"], "Ines Inspector");
    assert_eq!(
        call(&api, "list_cases", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
    call(&api, "lock", json!({}));
    assert_eq!(
        fails(
            &api,
            "unlock",
            json!({"passphrase": "forgotten passphrase"})
        )
        .code,
        ErrorCode::WrongPassphrase
    );
    call(&api, "unlock", json!({"passphrase": "a new passphrase"}));
}

#[test]
fn the_person_who_set_the_device_up_makes_a_new_recovery_key_and_the_old_one_stops_working() {
    let (dir, api) = fresh();
    let answer = call(
        &api,
        "set_up",
        json!({"name": FIRST_PERSON, "passphrase": passphrase(FIRST_PERSON)}),
    );
    let old = answer["recovery_key"].as_str().unwrap().to_string();
    assert_eq!(answer["state"]["holds_recovery"], true);
    let err = fails(
        &api,
        "new_recovery_key",
        json!({"passphrase": "not the passphrase"}),
    );
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    // Another person's passphrase, typed at the first person's session, is no better.
    call(
        &api,
        "add_person",
        json!({"name": "Ivan Inspector", "passphrase": passphrase("Ivan Inspector")}),
    );
    let err = fails(
        &api,
        "new_recovery_key",
        json!({"passphrase": passphrase("Ivan Inspector")}),
    );
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    let made = call(
        &api,
        "new_recovery_key",
        json!({"passphrase": passphrase(FIRST_PERSON)}),
    );
    let new = made["recovery_key"].as_str().unwrap().to_string();
    assert_ne!(new, old);

    // The recovery key resets the first person's passphrase: nobody else may make one.
    call(&api, "lock", json!({}));
    let state = call(
        &api,
        "unlock",
        json!({"passphrase": passphrase("Ivan Inspector")}),
    );
    assert_eq!(state["holds_recovery"], false);
    let err = fails(
        &api,
        "new_recovery_key",
        json!({"passphrase": passphrase("Ivan Inspector")}),
    );
    assert_eq!(
        (err.code, err.text.key.as_str()),
        (ErrorCode::NotAllowed, "error.recovery_key_not_yours")
    );
    drop(api);

    let api = open_locked(dir.path(), Box::new(quayside_store::SystemClock));
    let err = fails(
        &api,
        "recover",
        json!({"recovery_key": old, "new_passphrase": "a new passphrase"}),
    );
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    let state = call(
        &api,
        "recover",
        json!({"recovery_key": new, "new_passphrase": "a new passphrase"}),
    );
    assert_eq!(state["person"], FIRST_PERSON);
}

#[test]
fn wiping_destroys_the_keys_and_the_data_can_only_be_set_up_afresh() {
    let (dir, api) = setup();
    open_case(&api, "NLRTM");
    let state = call(&api, "wipe_device", json!({}));
    assert_eq!(state["phase"], "unreadable");
    assert!(english_json(&state["notice"]).contains("wiped"));
    assert_eq!(fails(&api, "list_cases", json!({})).code, ErrorCode::Locked);
    assert_eq!(
        fails(
            &api,
            "unlock",
            json!({"passphrase": passphrase(FIRST_PERSON)})
        )
        .code,
        ErrorCode::Locked
    );
    assert!(!dir.path().join("keys.json").exists());
    drop(api);

    let api = open_locked(dir.path(), Box::new(quayside_store::SystemClock));
    assert_eq!(phase(&api), "unreadable");
    call(
        &api,
        "set_up",
        json!({"name": "Ines Inspector", "passphrase": passphrase(FIRST_PERSON)}),
    );
    assert_eq!(
        call(&api, "list_cases", json!({}))
            .as_array()
            .unwrap()
            .len(),
        0,
        "a fresh store"
    );
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("unreadable-"))
        .collect();
    assert_eq!(
        aside.len(),
        1,
        "the unreadable store is moved aside, not deleted"
    );
    assert!(aside[0].path().join("quayside.sqlite3").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = aside[0].metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "the folder set aside is its owner's only");
    }
}

/// A data folder as an earlier version left it: plaintext, its user in the settings.
fn plaintext_folder(dir: &Path) -> String {
    let mut store = Store::open(dir).unwrap();
    store.set_setting("user_name", "Olga Older").unwrap();
    let author = quayside_domain::event::Author {
        name: "Olga Older".into(),
        role: quayside_domain::event::Role::Inspector,
    };
    let case = store.open_case(&author, "NLRTM").unwrap();
    case.id.to_string()
}

#[test]
fn data_from_before_encryption_is_encrypted_when_the_passphrase_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let case_id = plaintext_folder(dir.path());
    let api = open_locked(dir.path(), Box::new(quayside_store::SystemClock));
    assert_eq!(phase(&api), "encrypt_existing");
    call(
        &api,
        "set_up",
        json!({"name": "Olga Older", "passphrase": passphrase("Olga Older")}),
    );
    assert_eq!(
        call(&api, "get_case", json!({"case_id": case_id}))["case"]["id"],
        case_id.as_str()
    );
    let header = std::fs::read(dir.path().join("quayside.sqlite3")).unwrap();
    assert_ne!(
        &header[..16],
        b"SQLite format 3\0",
        "the store is encrypted now"
    );
    assert!(
        Store::open(dir.path()).is_err(),
        "and cannot be opened without its key"
    );
}

#[test]
fn the_checker_opens_an_encrypted_folder_with_a_passphrase_file_or_the_recovery_key_only() {
    let (dir, api) = fresh();
    let recovery = call(
        &api,
        "set_up",
        json!({ "name": FIRST_PERSON, "passphrase": passphrase(FIRST_PERSON) }),
    )["recovery_key"]
        .as_str()
        .unwrap()
        .to_string();
    open_case(&api, "NLRTM");
    drop(api);
    let secrets = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = secrets.path().join(name);
        std::fs::write(&path, format!("{text}\n")).unwrap();
        path
    };
    let run = |extra: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_quayside-check"))
            .env_remove("QUAYSIDE_PASSPHRASE")
            .arg("--data-dir")
            .arg(dir.path())
            .args(extra)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text)
    };
    let (code, out) = run(&[]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("--passphrase-file"), "{out}");
    let wrong = write("wrong", "not the passphrase");
    let (code, out) = run(&["--passphrase-file".as_ref(), wrong.as_os_str()]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("does not unlock"), "{out}");
    let right = write("right", &passphrase(FIRST_PERSON));
    let (code, out) = run(&["--passphrase-file".as_ref(), right.as_os_str()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("verified: 1 event"), "{out}");
    let key = write("recovery", &recovery.to_lowercase());
    let (code, out) = run(&["--recovery-key-file".as_ref(), key.as_os_str()]);
    assert_eq!(code, Some(0), "{out}");
    // Checking counted no wrong passphrase against the inspector, and wrote nothing.
    assert_eq!(
        phase(&open_locked(
            dir.path(),
            Box::new(quayside_store::SystemClock)
        )),
        "locked"
    );
    let slots = quayside_keys::KeySlots::load(dir.path()).unwrap();
    assert_eq!(slots.failures(), 0);
}

/// Every file under `dir`, with its bytes.
fn files_under(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
    out
}

/// `dir` and every folder under it.
fn folders_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(folders_under(&path));
        }
    }
    out
}

#[test]
fn a_thief_finds_no_name_number_address_draft_photo_or_secret_in_the_data_folder() {
    let (dir, api) = fresh();
    let recovery = call(
        &api,
        "set_up",
        json!({ "name": "Wilhelmina Quayinspector", "passphrase": "tide tables at dawn" }),
    )["recovery_key"]
        .as_str()
        .unwrap()
        .to_string();
    let id = open_case(&api, "NLRTM");
    let view = call(
        &api,
        "add_item",
        json!({"case_id": id, "section": "parties"}),
    );
    let party = view["case"]["items"].as_array().unwrap().last().unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (field, text) in [
        ("party_name", "Zebulon Quartermain"),
        ("party_identifier", "G48213377"),
        ("party_address", "Keizersgracht 1717, Amsterdam"),
    ] {
        call(
            &api,
            "set_field",
            json!({"case_id": id, "item": party, "field": field, "text": text}),
        );
    }
    call(
        &api,
        "save_draft",
        json!({"case_id": id, "field": "case_notes", "text": "Hidden in mannequin torsos"}),
    );
    let photo = crate::harness::jpeg(42);
    crate::harness::attach(&api, &id, "container-door.jpg", &photo).unwrap();
    // Exports waiting for their Save dialog: the case file and the evidence bundle.
    let waiting: Vec<String> = ["export_case_pdf", "export_case_bundle"]
        .iter()
        .map(|command| {
            call(&api, command, json!({"case_id": id}))["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    for path in &waiting {
        assert!(
            quayside_keys::is_sealed(&std::fs::read(path).unwrap()),
            "{path} waits in clear"
        );
    }

    let planted: Vec<&[u8]> = vec![
        b"Zebulon Quartermain",
        b"G48213377",
        b"Keizersgracht 1717",
        b"Hidden in mannequin torsos",
        b"Wilhelmina Quayinspector",
        b"tide tables at dawn",
        recovery.as_bytes(),
    ];
    let scan = |when: &str| {
        let files = files_under(dir.path());
        assert!(
            files.len() >= 5,
            "{when}: {:?}",
            files.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        for (path, bytes) in &files {
            for needle in &planted {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == *needle),
                    "{when}: {} shows {:?}",
                    path.display(),
                    String::from_utf8_lossy(needle)
                );
            }
            // Any 64 bytes from the middle of the photo would be a piece of it in the clear.
            let piece = &photo[photo.len() / 2..photo.len() / 2 + 64];
            assert!(
                !bytes.windows(64).any(|w| w == piece),
                "{when}: {} holds the photo",
                path.display()
            );
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o077;
                assert_eq!(mode, 0, "{when}: {} is open to others", path.display());
            }
        }
    };
    #[cfg(unix)]
    for folder in folders_under(dir.path()) {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{} is open to others", folder.display());
    }
    scan("while the app runs");
    drop(api);
    scan("after it closed");
}
