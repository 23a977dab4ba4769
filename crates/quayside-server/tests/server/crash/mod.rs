//! Crash tests with real processes: the app's store process and the server are killed with SIGKILL
//! at seeded random points during writes and syncs, a hundred times each (`QUAYSIDE_LONG=1`: a
//! thousand). After each kill the files must open, pass SQLite's and the product's own checks, hold
//! everything that was acknowledged, and the next sync must complete.
//!
//! A failing run prints its seed; `QUAYSIDE_CRASH_SEED=N` runs the same kill points again (the
//! delays are the same; where they land still depends on the machine's speed).

mod app;
mod app_process;
mod finish_upload;
mod server;

use std::path::Path;

use quayside_domain::event::Role;
use quayside_protocol::SyncState;
use quayside_store::Store;
use quayside_testkit::replica::Replica;
use rand::rngs::StdRng;
use rand::SeedableRng;

use crate::common::{agent, cli, on_postgres, text, Reply, PASSWORD};

/// Kill points per round: each round starts over with a new server and devices, so the files
/// stay small and every check stays quick however long the run.
const KILLS_PER_ROUND: usize = 100;

/// One round, or ten with `QUAYSIDE_LONG=1`.
fn rounds() -> usize {
    if std::env::var("QUAYSIDE_LONG").as_deref() == Ok("1") {
        10
    } else {
        1
    }
}

/// The seed from `QUAYSIDE_CRASH_SEED`, else the same one at every run of the normal suite and a
/// new one in long mode; printed so a failure can be run again.
fn seeded(test: &str) -> (u64, StdRng) {
    let seed = std::env::var("QUAYSIDE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            if std::env::var_os("QUAYSIDE_LONG").is_none() {
                return 2026;
            }
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("{test}: seed {seed} (again: QUAYSIDE_CRASH_SEED={seed})");
    (seed, StdRng::seed_from_u64(seed))
}

/// The server's database file passes `PRAGMA integrity_check`, opened read-only as a second
/// process would. On PostgreSQL there is no file; `verify` stands for it.
fn assert_server_file_intact(data: &Path) {
    if on_postgres() {
        return;
    }
    let conn = rusqlite::Connection::open_with_flags(
        data.join("server.sqlite3"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let report: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(report, "ok", "the server's database file is damaged");
}

/// What `quayside-server verify` printed: its problem lines, and how many photos it lists as
/// waiting for the rest of their upload (not problems).
struct Verified {
    problems: Vec<String>,
    waiting: usize,
    output: String,
}

fn verify_server(data: &Path) -> Verified {
    let output = cli(data, &["verify"], "");
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let (summary, findings) = lines
        .split_last()
        .unwrap_or_else(|| panic!("verify could not run: {}", text(&output.stderr)));
    let waiting = |l: &&&str| l.contains(": waiting for upload:");
    let problems: Vec<String> = findings
        .iter()
        .filter(|l| !waiting(l))
        .map(|l| l.to_string())
        .collect();
    assert_eq!(
        output.status.success(),
        problems.is_empty() && summary.starts_with("verified: "),
        "verify's exit status and its lines disagree: {stdout}{}",
        text(&output.stderr)
    );
    Verified {
        waiting: findings.iter().filter(waiting).count(),
        problems,
        output: stdout,
    }
}

/// `quayside-server verify` finds no problem; the number of photos it lists as waiting for the
/// rest of their upload is returned.
fn assert_server_verifies(data: &Path) -> usize {
    let verified = verify_server(data);
    assert!(
        verified.problems.is_empty(),
        "verify failed: {}",
        verified.output
    );
    verified.waiting
}

/// How many of this device's events the server holds, as `GET /v1/sync` says to its own token.
fn server_holds(url: &str, store: &Store) -> u64 {
    let token = store.setting("sync.token").unwrap().expect("signed in");
    let response = agent()
        .get(format!("{url}/v1/sync"))
        .header("Authorization", format!("Bearer {token}"))
        .call()
        .expect("the server answers");
    let state: SyncState = Reply::from(response).parse();
    state.device_seq
}

/// A client device in this process signed in as `user`: a real store and vault, synced by the
/// real client.
fn replica(url: &str, user: &str) -> Replica {
    Replica::signed_in(url, user, PASSWORD, Role::Inspector)
}
