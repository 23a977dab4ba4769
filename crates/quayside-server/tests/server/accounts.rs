//! Users, enrollment, sign-in lockout and revocation.

use quayside_domain::event::Role;
use quayside_protocol::{EnrollResponse, SyncState};
use quayside_store::Store;
use tempfile::TempDir;

use crate::common::*;

#[test]
fn a_device_enrolls_with_the_right_password_only() {
    let server = Server::start();
    server.add_user("alice", "inspector", "nlrtm,BEANR");
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();

    let wrong = server.enroll(&store, "alice", "not her password");
    assert!(wrong
        .error(401, "bad_credentials")
        .contains("wrong user name or password"));
    let unknown = server.enroll(&store, "mallory", PASSWORD);
    unknown.error(401, "bad_credentials");

    let enrolled: EnrollResponse = server.enroll(&store, "alice", PASSWORD).parse();
    assert_eq!(enrolled.account.username, "alice");
    assert_eq!(enrolled.account.role, Role::Inspector);
    assert_eq!(
        enrolled.account.ports,
        ["NLRTM", "BEANR"],
        "ports are canonical"
    );
    let state: SyncState = server.get("/v1/sync", Some(&enrolled.token)).parse();
    assert_eq!(state.device_seq, 0);
    assert_eq!(state.account, enrolled.account);
    let devices = server.cli(&["device", "list"], "");
    assert!(text(&devices.stdout).contains(&store.device().id.to_string()));
    assert!(
        !text(&devices.stdout).contains(&enrolled.token),
        "tokens are never stored"
    );

    // The same device with its own key again: a new token, and the old one stops working.
    let again: EnrollResponse = server.enroll(&store, "alice", PASSWORD).parse();
    assert_ne!(again.token, enrolled.token);
    server
        .get("/v1/sync", Some(&again.token))
        .parse::<SyncState>();
    let old = server.get("/v1/sync", Some(&enrolled.token));
    assert!(old
        .error(401, "unauthorized")
        .contains("enroll the device again"));

    // The same device id with another key is another device claiming its id.
    let impostor = enroll_request_with_key(
        &ed25519_dalek::SigningKey::from_bytes(&[9; 32]),
        store.device().id,
        "alice",
        PASSWORD,
    );
    let conflict = server.post_json("/v1/devices", None, &impostor);
    assert!(conflict
        .error(409, "device_conflict")
        .contains("another key"));

    // Another user cannot take the device over (its public key is no secret).
    server.add_user("mallory", "supervisor", "NLRTM");
    let takeover = server.enroll(&store, "mallory", PASSWORD);
    assert!(takeover
        .error(409, "device_conflict")
        .contains("enrolled by user alice"));
    server
        .get("/v1/sync", Some(&again.token))
        .parse::<SyncState>();

    // Refused and named: a key the enrolling party does not hold (the proof is signed by another
    // key), a proof that is no signature, a key that is no key.
    let other_key = hex::encode(
        ed25519_dalek::SigningKey::from_bytes(&[9; 32])
            .verifying_key()
            .as_bytes(),
    );
    // A request of the document's shape that proves nothing is unauthorized; one of another shape
    // is not the request.
    let no_point = hex::encode(
        (1u8..)
            .map(|b| {
                let mut bytes = [0u8; 32];
                bytes[0] = b;
                bytes
            })
            .find(|bytes| ed25519_dalek::VerifyingKey::from_bytes(bytes).is_err())
            .unwrap(),
    );
    for (field, value, status, code, said) in [
        (
            "public_key",
            other_key.as_str(),
            401,
            "unauthorized",
            "proof does not verify",
        ),
        (
            "public_key",
            no_point.as_str(),
            401,
            "unauthorized",
            "not an ed25519 public key",
        ),
        ("proof", "AAAA", 400, "invalid_request", "64-byte"),
        ("public_key", "abc", 400, "invalid_request", "64 hex digits"),
    ] {
        let mut request = enroll_request(&store, "alice", PASSWORD);
        request[field] = value.into();
        let message = server
            .post_json("/v1/devices", None, &request)
            .error(status, code);
        assert!(message.contains(said), "{field}={value}: {message}");
    }
}

#[test]
fn a_small_order_key_that_could_sign_anything_is_never_enrolled() {
    // The identity point with R the identity and s = 0 "signs" every message under ZIP-215, the
    // rule events are checked by; enrollment checks the key's proof strictly, so no device holds one.
    use base64::Engine;
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let mut proof = [0u8; 64];
    proof[0] = 1;
    let device_id = uuid::Uuid::new_v4();
    assert!(quayside_domain::signatures::verifies(
        &quayside_protocol::enrollment_message("ann", device_id),
        &proof,
        &identity
    ));
    let reply = server.post_json(
        "/v1/devices",
        None,
        &serde_json::json!({
            "username": "ann",
            "password": PASSWORD,
            "device_id": device_id,
            "public_key": hex::encode(identity),
            "device_name": "forger",
            "proof": base64::engine::general_purpose::STANDARD.encode(proof),
        }),
    );
    assert!(reply
        .error(401, "unauthorized")
        .contains("proof does not verify"));
}

#[test]
fn five_failed_sign_ins_hold_up_that_client_only_never_the_user_elsewhere_or_an_enrolled_device() {
    let server = Server::start();
    server.add_user("bob", "inspector", "NLRTM");
    // Bob's own laptop, enrolled before anyone guessed.
    let laptop_dir = TempDir::new().unwrap();
    let laptop = Store::open(laptop_dir.path()).unwrap();
    server
        .enroll(&laptop, "bob", PASSWORD)
        .parse::<EnrollResponse>();

    // Someone at 127.0.0.1 guesses Bob's password five times.
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for _ in 0..5 {
        server
            .enroll(&store, "bob", "guess guess guess")
            .error(401, "bad_credentials");
    }
    let held = server.enroll(&store, "bob", PASSWORD);
    assert!(held
        .error(429, "too_many_attempts")
        .contains("from this address"));
    let retry: u64 = held.header("retry-after").unwrap().parse().unwrap();
    assert!((25..=30).contains(&retry), "30 s after the fifth: {retry}");

    // Bob elsewhere (127.0.0.2) signs in a new device, and his enrolled laptop signs in again
    // from the very address the guesses came from.
    let phone_dir = TempDir::new().unwrap();
    let phone = Store::open(phone_dir.path()).unwrap();
    let (status, body) = post_json_from(
        "127.0.0.2",
        &server.url,
        "/v1/devices",
        &enroll_request(&phone, "bob", PASSWORD),
    );
    assert_eq!(status, 200, "{body}");
    server
        .enroll(&laptop, "bob", PASSWORD)
        .parse::<EnrollResponse>();

    // The count lives in storage: a restarted server still holds the guesser up, and another
    // name is not held up at all.
    server.add_user("carol", "inspector", "NLRTM");
    let data = server.data.clone();
    drop(server);
    let server = Server::start_with(data, &[], &[]);
    server
        .enroll(&store, "bob", PASSWORD)
        .error(429, "too_many_attempts");
    server
        .enroll(&store, "carol", PASSWORD)
        .parse::<EnrollResponse>();
}

/// One client's failures are kept to the latest few, so guessing cannot grow the table without
/// bound; another client's and a success's are their own. Both backends.
#[test]
fn failed_sign_ins_are_kept_per_client_and_only_the_latest_few() {
    let dir = TempDir::new().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let database_url = backend_args(dir.path()).pop();
    let (store, _) = runtime
        .block_on(quayside_server::open_backend(
            database_url.as_deref(),
            dir.path(),
        ))
        .unwrap();
    runtime.block_on(async {
        let keep = quayside_server::auth::MAX_KEPT_FAILURES;
        for at in 0..40 {
            store
                .record_login_failure("bob", "192.0.2.1", 1_000 + at, 0, keep)
                .await
                .unwrap();
        }
        for at in 0..3 {
            store
                .record_login_failure("bob", "192.0.2.2", 1_000 + at, 0, keep)
                .await
                .unwrap();
        }
        let first = store.login_failures("bob", "192.0.2.1", 0).await.unwrap();
        assert_eq!(first, (1_000 + 40 - keep as i64..1_040).collect::<Vec<_>>());
        assert_eq!(
            store
                .login_failures("bob", "192.0.2.2", 0)
                .await
                .unwrap()
                .len(),
            3
        );
        assert!(store
            .login_failures("carol", "192.0.2.1", 0)
            .await
            .unwrap()
            .is_empty());

        store
            .clear_login_failures("bob", "192.0.2.1")
            .await
            .unwrap();
        assert!(store
            .login_failures("bob", "192.0.2.1", 0)
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            store
                .login_failures("bob", "192.0.2.2", 0)
                .await
                .unwrap()
                .len(),
            3
        );
        // Failures older than the window go at the next record, anyone's.
        store
            .record_login_failure("dan", "192.0.2.3", 5_000, 2_000, keep)
            .await
            .unwrap();
        assert!(store
            .login_failures("bob", "192.0.2.2", 0)
            .await
            .unwrap()
            .is_empty());
    });
}

#[test]
fn revoked_devices_and_users_are_refused_with_the_reason() {
    let server = Server::start();
    server.add_user("dave", "inspector", "NLRTM");
    server.add_user("erin", "inspector", "NLRTM");
    let mut dave = Device::enroll(&server, "dave", Role::Inspector);
    let erin = Device::enroll(&server, "erin", Role::Inspector);
    let case = dave.open_case("NLRTM");
    dave.edit(case, "EVER GIVEN");

    let revoked = server.cli(&["device", "revoke", &dave.id().to_string()], "");
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));
    let push = server.post_json(
        "/v1/events",
        Some(&dave.token),
        &quayside_protocol::PushRequest {
            events: dave.wire(0),
        },
    );
    // Its own code, so the device stops and wipes its keys.
    assert!(push.error(401, "device_revoked").contains("was revoked"));
    let again = server.enroll(&dave.store, "dave", PASSWORD);
    assert!(again.error(401, "device_revoked").contains("revoked"));

    let revoked = server.cli(&["user", "revoke", "erin"], "");
    assert!(revoked.status.success());
    let pull = server.get("/v1/events", Some(&erin.token));
    assert!(pull
        .error(401, "unauthorized")
        .contains("user erin was revoked"));
    let enroll = server.enroll(&erin.store, "erin", PASSWORD);
    assert!(enroll.error(401, "unauthorized").contains("revoked"));
    let list = text(&server.cli(&["user", "list"], "").stdout);
    assert!(list
        .lines()
        .any(|l| l.starts_with("erin") && l.contains("revoked")));

    let unknown = server.cli(&["user", "revoke", "nobody"], "");
    assert!(!unknown.status.success());
    assert!(text(&unknown.stderr).contains("there is no user nobody"));
}

#[test]
fn the_cli_refuses_short_passwords_bad_ports_and_taken_names() {
    let server = Server::start();
    let short = server.cli(
        &[
            "user",
            "add",
            "frank",
            "--role",
            "inspector",
            "--ports",
            "NLRTM",
        ],
        "short\n",
    );
    assert!(!short.status.success());
    assert!(
        text(&short.stderr).contains("at least 10"),
        "{}",
        text(&short.stderr)
    );
    let port = server.cli(
        &[
            "user",
            "add",
            "frank",
            "--role",
            "inspector",
            "--ports",
            "NLRT0",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert!(!port.status.success());
    assert!(
        text(&port.stderr).contains("--ports NLRT0"),
        "{}",
        text(&port.stderr)
    );
    let none = server.cli(
        &["user", "add", "frank", "--role", "supervisor"],
        &format!("{PASSWORD}\n"),
    );
    assert!(
        text(&none.stderr).contains("at least one port"),
        "{}",
        text(&none.stderr)
    );
    server.add_user("frank", "supervisor", "NLRTM");
    let twice = server.cli(
        &[
            "user",
            "add",
            "frank",
            "--role",
            "inspector",
            "--ports",
            "NLRTM",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert!(text(&twice.stderr).contains("exists already"));
    let admin = server.cli(
        &["user", "add", "root", "--role", "admin"],
        &format!("{PASSWORD}\n"),
    );
    assert!(
        admin.status.success(),
        "an admin needs no port: {}",
        text(&admin.stderr)
    );
    let list = text(&server.cli(&["user", "list"], "").stdout);
    assert!(list.contains("frank\tsupervisor\tNLRTM"), "{list}");

    // --data-dir may come from the environment.
    let output = std::process::Command::new(BIN)
        .env("QUAYSIDE_SERVER_DATA", server.dir())
        .args(backend_args(server.dir()))
        .args(["user", "list"])
        .output()
        .unwrap();
    assert!(text(&output.stdout).contains("frank"));
}

#[test]
fn a_flood_of_sign_ins_is_checked_a_few_at_a_time_in_memory_that_does_not_grow() {
    // From one address: past the limit per address, which is not what this is about.
    let server = Server::start_with(
        std::sync::Arc::new(TempDir::new().unwrap()),
        &["--unauthenticated-per-minute", "1000"],
        &[],
    );
    server.add_user("ines", "inspector", "NLRTM");
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // Each for another name, so the lockout of one name is not what answers them.
    let before = server.peak_memory();
    // Checked one after the other, each in a worker's one buffer: the server does not grow.
    for n in 0..6 {
        let reply = server.enroll(&store, &format!("one{n}"), "not the password");
        assert_eq!(reply.status, 401);
    }
    let after_six = server.peak_memory();
    assert!(
        after_six < before + (60 << 20),
        "six sign-ins in turn took the server from {} to {} MiB",
        before >> 20,
        after_six >> 20
    );
    let requests: Vec<serde_json::Value> = (0..48)
        .map(|n| enroll_request(&store, &format!("nobody{n}"), "not the password"))
        .collect();
    let replies: Vec<Reply> = std::thread::scope(|scope| {
        let running: Vec<_> = requests
            .iter()
            .map(|body| scope.spawn(|| server.post_json("/v1/devices", None, body)))
            .collect();
        running.into_iter().map(|t| t.join().unwrap()).collect()
    });
    let mut refused = 0;
    let mut busy = 0;
    for reply in &replies {
        match reply.status {
            401 => refused += 1,
            503 => {
                busy += 1;
                assert!(reply.error(503, "busy").contains("Retry-After"));
                assert_eq!(reply.header("retry-after").as_deref(), Some("5"));
            }
            other => panic!("a sign-in answered {other}: {}", text(&reply.body)),
        }
    }
    assert!(
        refused >= 2,
        "some were checked: {refused} refused, {busy} busy"
    );
    assert_eq!(refused + busy, 48);
    // A buffer a worker: not one for each of the 48.
    let peak = server.peak_memory();
    assert!(
        peak < before + (80 << 20),
        "peak memory {} MiB, {} MiB before",
        peak >> 20,
        before >> 20
    );
    eprintln!(
        "48 concurrent sign-ins: {refused} checked, {busy} told to wait; peak {} MiB",
        peak >> 20
    );

    // The flood is over: the real user signs in.
    let own_dir = TempDir::new().unwrap();
    let own = Store::open(own_dir.path()).unwrap();
    let reply = server.enroll(&own, "ines", PASSWORD);
    assert_eq!(reply.status, 200, "{}", text(&reply.body));
}

#[test]
fn a_token_unused_for_its_lifetime_expires_and_each_use_renews_it() {
    let server = Server::start_with(
        std::sync::Arc::new(TempDir::new().unwrap()),
        &["--token-idle-seconds", "3"],
        &[],
    );
    server.add_user("fay", "inspector", "NLRTM");
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let enrolled: EnrollResponse = server.enroll(&store, "fay", PASSWORD).parse();
    // Used every second for six seconds, twice its lifetime: each use renews it.
    for _ in 0..6 {
        std::thread::sleep(std::time::Duration::from_secs(1));
        server
            .get("/v1/sync", Some(&enrolled.token))
            .parse::<SyncState>();
    }
    // Then left unused past its lifetime: refused, saying why and what to do.
    std::thread::sleep(std::time::Duration::from_millis(3_500));
    let expired = server
        .get("/v1/sync", Some(&enrolled.token))
        .error(401, "unauthorized");
    assert!(
        expired.contains("expired")
            && expired.contains("3 seconds")
            && expired.contains("sign in again"),
        "{expired}"
    );
    // Signing in again gives a token that works.
    let again: EnrollResponse = server.enroll(&store, "fay", PASSWORD).parse();
    server
        .get("/v1/sync", Some(&again.token))
        .parse::<SyncState>();
}
