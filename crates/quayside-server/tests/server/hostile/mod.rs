//! Hostile input to every endpoint of the OpenAPI document, through the real router in process
//! (`tower::ServiceExt::oneshot`, so a handler's panic fails the test) over a real data folder.
//! Each request must be answered without a server error, a client error with an `ErrorBody`, and
//! leave every table and every file of the data folder as they were. Two answers may change
//! something, as designed: a push answered 200 sets forged events aside in `quarantine` (never in
//! the log; nothing accepted, no chain head moved), and an enrollment records or clears failed
//! sign-ins (`login_failures`, the lockout). `QUAYSIDE_LONG=1` sends ten times as many.

mod attacks;
mod catalogue;
mod world;

use std::cell::RefCell;
use std::collections::BTreeMap;

use axum::http::Method;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use quayside_protocol::{ErrorBody, ErrorCode, PushResponse};
use serde_json::Value;
use sha2::Digest;

use attacks::{build, Attack, Enroll, Expect, Recipe};
use catalogue::Operation;
use world::{Snapshot, World};

fn requests() -> u32 {
    let long = std::env::var("QUAYSIDE_LONG").is_ok_and(|v| v == "1");
    if long {
        30_000
    } else {
        3_000
    }
}

/// What an answer may change, as designed (see the module's comment); an entry ending in `.` is a
/// prefix. An upload refused for a photo whose upload has not started leaves its lock file
/// (empty); it goes when the upload finishes, or with the sweep of uploads without progress.
fn allowed_changes(
    operation: &Operation,
    recipe: &Recipe,
    status: u16,
    world: &World,
) -> Vec<String> {
    let impossible_name = matches!(recipe.attack, Attack::Enroll(Enroll::LongUsername(_)));
    if operation.is(&Method::POST, "/v1/devices") && !impossible_name {
        vec!["table login_failures".into()]
    } else if operation.is(&Method::POST, "/v1/events") && status == 200 {
        vec!["table quarantine".into()]
    } else if operation.is(&Method::PUT, "/v1/photos/{sha256}") {
        // The lock of the caller's own upload: `uploads/<hash>.<device>.lock`.
        vec![format!("file uploads/{}.", world.pending.sha256)]
    } else {
        Vec::new()
    }
}

/// Whether an error's code is one a client may meet with that status (it acts on the code).
fn code_fits(status: u16, code: ErrorCode) -> bool {
    use ErrorCode::*;
    match status {
        401 => matches!(code, Unauthorized | BadCredentials | DeviceRevoked),
        403 => code == Forbidden,
        404 => code == NotFound,
        409 => matches!(
            code,
            StaleCursor | OffsetMismatch | DeviceConflict | InvalidRequest
        ),
        413 => code == TooLarge,
        422 => code == HashMismatch,
        429 => code == TooManyAttempts,
        _ => code == InvalidRequest,
    }
}

/// SHA-256 of no bytes: what a lock file holds.
const EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn check(
    world: &World,
    operation: &Operation,
    recipe: &Recipe,
    before: &Snapshot,
) -> Result<(Snapshot, u16), TestCaseError> {
    let built = build(recipe, operation, world);
    let answer = world.send(built.request);
    let status = answer.status.as_u16();
    let name = operation.name();
    if status >= 400 {
        let body: Value = serde_json::from_slice(&answer.body).map_err(|e| {
            TestCaseError::fail(format!(
                "{name} answered {status} without JSON ({e}): {}",
                answer.text()
            ))
        })?;
        let error: ErrorBody = serde_json::from_value(body.clone()).map_err(|e| {
            TestCaseError::fail(format!(
                "{name} answered {status} with {body}: not an ErrorBody ({e})"
            ))
        })?;
        let json = answer.content_type.as_deref() == Some("application/json");
        if !json || body.as_object().map_or(0, |o| o.len()) != 2 || error.message.is_empty() {
            return Err(TestCaseError::fail(format!("{name} {status}: {body}")));
        }
        if !code_fits(status, error.code) {
            return Err(TestCaseError::fail(format!(
                "{name} answered {status} with code {:?}: {body}",
                error.code
            )));
        }
    }
    if status >= 500 {
        return Err(TestCaseError::fail(format!(
            "{name} answered {status}: {}",
            answer.text()
        )));
    }
    match built.expect {
        Expect::Refused if !(400..500).contains(&status) => {
            return Err(TestCaseError::fail(format!(
                "{name} took what it must refuse ({status}): {}",
                answer.text()
            )))
        }
        Expect::Status(expected) if status != expected => {
            return Err(TestCaseError::fail(format!(
                "{name} answered {status}, not {expected}: {}",
                answer.text()
            )))
        }
        _ => {}
    }
    if operation.is(&Method::POST, "/v1/events") && status == 200 {
        let pushed: PushResponse = serde_json::from_slice(&answer.body).unwrap();
        if pushed.accepted != 0 {
            return Err(TestCaseError::fail(format!(
                "a hostile push was accepted: {pushed:?}"
            )));
        }
    }
    let after = world.snapshot();
    let allowed = allowed_changes(operation, recipe, status, world);
    let unexpected: Vec<String> = after
        .changes_since(before)
        .into_iter()
        .filter(|change| {
            !allowed
                .iter()
                .any(|a| change == a || a.ends_with('.') && change.starts_with(a.as_str()))
        })
        .collect();
    let locks_empty = after
        .files
        .iter()
        .all(|(name, hash)| !name.ends_with(".lock") || hash == EMPTY);
    if !unexpected.is_empty() || !locks_empty {
        return Err(TestCaseError::fail(format!(
            "{name} answered {status} and changed {unexpected:?}: {}",
            answer.text()
        )));
    }
    Ok((after, status))
}

#[test]
fn every_endpoint_refuses_hostile_input_without_failing_or_storing() {
    let started = std::time::Instant::now();
    let world = World::new();
    let operations = catalogue::operations();
    let baseline = world.snapshot();
    for table in ["users", "devices", "events", "quarantine", "login_failures"] {
        assert!(
            baseline.tables.contains_key(table),
            "the snapshot misses {table}"
        );
    }
    assert!(!baseline.tables["devices"].is_empty() && !baseline.tables["events"].is_empty());
    let state = RefCell::new((
        baseline,
        vec![0usize; operations.len()],
        BTreeMap::<u16, usize>::new(),
    ));
    let seed = seed();
    eprintln!("hostile server: seed {seed} (again: QUAYSIDE_HOSTILE_SEED={seed})");
    let mut runner = TestRunner::new(Config {
        cases: requests(),
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(seed),
        // A failing request shrinks for half a minute at most, then is reported as it stands.
        max_shrink_time: 30_000,
        ..Config::default()
    });
    let result = runner.run(&attacks::recipe(&operations), |recipe| {
        let operation = &operations[recipe.operation];
        let before = state.borrow().0.clone();
        let checked = check(&world, operation, &recipe, &before);
        if checked.is_err() {
            // Shrinking reruns smaller cases: each is judged against the state it meets.
            state.borrow_mut().0 = world.snapshot();
        }
        let (after, status) = checked?;
        let mut state = state.borrow_mut();
        state.0 = after;
        state.1[recipe.operation] += 1;
        *state.2.entry(status).or_default() += 1;
        Ok(())
    });
    let (last, per_operation, statuses) = state.into_inner();
    let total: usize = per_operation.iter().sum();
    eprintln!(
        "hostile server: {total} requests in {:.1?}",
        started.elapsed()
    );
    eprintln!("  answers by status: {statuses:?}");
    for (operation, count) in operations.iter().zip(&per_operation) {
        eprintln!("  {count:6}  {}", operation.name());
    }
    if let Err(e) = result {
        panic!("{e}");
    }
    for (operation, count) in operations.iter().zip(&per_operation) {
        assert!(
            *count >= 20,
            "{} got only {count} hostile requests",
            operation.name()
        );
    }
    // The snapshot sees writes: forged events were set aside, as designed.
    assert!(!last.tables["quarantine"].is_empty());
}

/// Regression: `POST /v1/photos/missing` took any number of hashes (every other batch stops at
/// `MAX_BATCH_EVENTS`), and de-duplicated its answer by a linear search per hash, so one body of
/// 4 MiB (60,000 distinct hashes) held a request for 3.6 billion string comparisons.
#[test]
fn a_photo_query_over_the_batch_limit_is_refused_at_once() {
    let world = World::new();
    let before = world.snapshot();
    let hashes: Vec<String> = (0u32..60_000)
        .map(|n| hex::encode(sha2::Sha256::digest(n.to_le_bytes())))
        .collect();
    let body = serde_json::to_vec(&serde_json::json!({ "sha256": hashes })).unwrap();
    assert!(body.len() < quayside_protocol::MAX_BODY_BYTES);
    let started = std::time::Instant::now();
    let request = world::json_request(
        Method::POST,
        "/v1/photos/missing",
        &world.tokens.inspector,
        body,
    );
    let answer = world.send(request);
    let took = started.elapsed();
    eprintln!("60,000 hashes answered {} in {took:.1?}", answer.status);
    assert_eq!(answer.status.as_u16(), 400, "{}", answer.text());
    assert!(answer.text().contains("at most"), "{}", answer.text());
    assert_eq!(world.snapshot(), before);
}

/// Regression: a chunk sent for an original the server holds complete was answered "complete"
/// but took the upload lock first, leaving `uploads/<hash>.lock` behind for good.
#[test]
fn a_chunk_for_a_complete_photo_leaves_nothing_behind() {
    let world = World::new();
    let before = world.snapshot();
    let request = axum::http::Request::builder()
        .method(Method::PUT)
        .uri(format!("/v1/photos/{}?offset=0", world.complete.sha256))
        .header(
            "authorization",
            format!("Bearer {}", world.tokens.inspector),
        )
        .header("content-type", "application/octet-stream")
        .body(axum::body::Body::from(vec![1u8; 10]))
        .unwrap();
    let answer = world.send(request);
    assert_eq!(answer.status.as_u16(), 200, "{}", answer.text());
    assert!(
        answer.text().contains("\"complete\":true"),
        "{}",
        answer.text()
    );
    assert_eq!(
        world.snapshot().changes_since(&before),
        Vec::<String>::new()
    );
}

/// Regression: an enrollment under a user name no account can have (longer than `user add`
/// takes) was recorded as a failed sign-in, so one unauthenticated request could store megabytes
/// in `login_failures`, kept for the lockout's window.
#[test]
fn an_enrollment_under_an_impossible_user_name_stores_nothing() {
    let world = World::new();
    let before = world.snapshot();
    let key = ed25519_dalek::SigningKey::from_bytes(&[51; 32]);
    let name = "u".repeat(1_000_000);
    let mut request =
        crate::common::enroll_request_with_key(&key, uuid::Uuid::from_u128(51), &name, "x");
    // A name that passes, so only the user name is wrong.
    request["device_name"] = serde_json::json!("a laptop");
    let body = serde_json::to_vec(&request).unwrap();
    let answer = world.send(world::json_request(Method::POST, "/v1/devices", "", body));
    assert_eq!(answer.status.as_u16(), 400, "{}", answer.text());
    assert_eq!(
        world.snapshot().changes_since(&before),
        Vec::<String>::new()
    );
}

/// `QUAYSIDE_HOSTILE_SEED`, else the same requests at every run of the normal suite and new ones in
/// long mode.
fn seed() -> u64 {
    std::env::var("QUAYSIDE_HOSTILE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            if std::env::var_os("QUAYSIDE_LONG").is_some() {
                rand::random()
            } else {
                2026
            }
        })
}
