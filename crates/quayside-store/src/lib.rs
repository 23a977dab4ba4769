//! The local store: one SQLite file holding the append-only signed event log, the projection the
//! UI reads (written in the same transaction as each event), and this device's identity.
//!
//! Modules import only modules below them, so the graph is a DAG. At the bottom, leaves that
//! import nothing of the crate but `error`: `clock`, `columns` (how values sit in columns),
//! `event_rows` (the `events` table), `facets` (per-case facts, derived), `search` (how text is
//! read for the search indexes), `migrate`, `device`, `refusals` (the words for why an event was
//! set aside), `control_lists` (the lists the server published);
//! above them `store` (the handle), `encryption` (SQLCipher's key, and moving a plaintext store into
//! encrypted form), `case_state` (reading a case back) and `settings`; `entities` (reading the entity index: which
//! other cases name a case's companies, numbers and containers) over them, and `entity_graph` (the
//! network around a case, and the shortest link between two) over that. Each table
//! has one writer: `projection` alone writes the projection tables, from inside the transaction
//! of the events it folds (`log` appends one, `replicate` takes a batch in); `review` owns change
//! reasons, `drafts` drafts, `people` the people of the device, each `evidence` module its table. This root opens the store.

mod case_state;
mod clock;
mod columns;
mod control_lists;
mod device;
mod drafts;
mod encryption;
mod entities;
mod entity_graph;
mod error;
mod event_rows;
mod evidence;
mod facets;
mod log;
mod migrate;
mod people;
mod port_summaries;
mod projection;
mod queries;
mod reader;
mod refusals;
mod replicate;
mod review;
mod search;
mod settings;
mod stats;
mod store;
mod sync_state;
mod verify;

use std::path::Path;
use std::time::Duration;

use quayside_keys::DataKey;
use rusqlite::Connection;

pub use clock::{Clock, SystemClock};
pub use control_lists::ReceivedList;
pub use device::{short_id, Device};
pub use drafts::Draft;
pub use encryption::{database_file, encrypt_in_place, DatabaseFile};
pub use entities::{EntityMatches, NearKey, SeenIn, CASES_SHOWN, SUGGESTIONS_SHOWN};
pub use entity_graph::{
    EntityGraph, GraphCase, GraphEdge, GraphEntity, GraphLink, LinkStep, GRAPH_MAX_CASES,
    PATH_MAX_STEPS,
};
pub use error::{DiskProblem, Result, StoreError};
pub use event_rows::StoredEvent;
pub use evidence::{
    CaseEvidence, EnrollmentStatement, EventProof, EvidenceDevice, EvidenceEvent, LogAlert,
    NewProof, NewStatement, Revoked, StatementKind, StoredStatement, UnprovenEvent,
    SERVER_KEY_SETTING,
};
pub use people::{Person, PersonDisplay};
pub use port_summaries::PortSummary;
pub use queries::{CaseFilter, CaseSort, CaseSummary, PhotoRef, TimelineEntry};
pub use reader::StoreReader;
pub use refusals::{refusal_key, refusal_message};
pub use replicate::IngestReport;
pub use review::{QueueFilter, QueuedCase};
pub use stats::{Bucket, RouteCount, Statistics};
pub use store::{Store, DATABASE_FILE, DEVICE_KEY_FILE};
pub use sync_state::SyncRefusal;
pub use verify::{Problem, RefusedEvent, VerifyReport};

/// The database file readable by its owner only (0600 on Unix; see `private_dir` for Windows).
fn private_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

impl Store {
    /// Open (or make, on first run) a plaintext store in `dir`: tests, benchmarks and tools. The
    /// app opens its store with `open_encrypted`; a folder that has keys is refused here.
    pub fn open(dir: &Path) -> Result<Store> {
        Store::open_with_clock(dir, Box::new(SystemClock))
    }

    pub fn open_with_clock(dir: &Path, clock: Box<dyn Clock>) -> Result<Store> {
        if dir.join(quayside_keys::KEYS_FILE).exists() {
            return Err(StoreError::Unavailable {
                path: dir.join(DATABASE_FILE),
                reason: "this folder is encrypted: open it with its passphrase".into(),
            });
        }
        Store::open_keyed(dir, None, clock)
    }

    /// Open (or make) the store in `dir` encrypted under `key`, first encrypting a plaintext
    /// store left by a version before encryption. The device key is sealed with the same key.
    pub fn open_encrypted(dir: &Path, key: &DataKey, clock: Box<dyn Clock>) -> Result<Store> {
        quayside_keys::private_file::make_dir(dir).map_err(|e| StoreError::Unavailable {
            path: dir.join(DATABASE_FILE),
            reason: format!("cannot make the folder: {e}"),
        })?;
        encrypt_in_place(dir, key)?;
        Store::open_keyed(dir, Some(key), clock)
    }

    fn open_keyed(dir: &Path, key: Option<&DataKey>, clock: Box<dyn Clock>) -> Result<Store> {
        let path = dir.join(DATABASE_FILE);
        let unavailable = |reason: String| StoreError::Unavailable {
            path: path.clone(),
            reason,
        };
        quayside_keys::private_file::make_dir(dir)
            .map_err(|e| unavailable(format!("cannot make the folder: {e}")))?;
        let mut conn = Connection::open(&path).map_err(|e| unavailable(e.to_string()))?;
        // SQLite gives its -wal and -shm files the database file's mode.
        private_file(&path).map_err(|e| unavailable(format!("cannot make it private: {e}")))?;
        if let Some(key) = key {
            encryption::apply_key(&conn, key).map_err(|e| unavailable(e.to_string()))?;
        }
        configure(&conn).map_err(|e| match (e.sqlite_error_code(), key) {
            (Some(rusqlite::ErrorCode::NotADatabase), Some(_)) => {
                StoreError::WrongKey { path: path.clone() }
            }
            _ => match StoreError::from(e) {
                StoreError::Busy => StoreError::Busy,
                other => unavailable(plain(other)),
            },
        })?;
        let migrated = migrate::migrate(&mut conn).map_err(unavailable)?;
        let now = clock::rfc3339(clock.now());
        let file_key = key.map(DataKey::file_key);
        let device = device::load_or_create(
            &mut conn,
            &dir.join(DEVICE_KEY_FILE),
            &now,
            file_key.as_ref(),
        )?;
        let mut store = Store {
            conn,
            device,
            clock,
            path,
        };
        if migrated || store.setting(migrate::PROJECTION_STALE)?.is_some() {
            store.rebuild_projection()?;
        }
        Ok(store)
    }

    pub fn schema_version() -> usize {
        migrate::schema_version()
    }

    /// Run `PRAGMA integrity_check`; `Ok(())` or what SQLite reported.
    pub fn integrity_check(&self) -> Result<(), String> {
        let report: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| e.to_string())?;
        if report == "ok" {
            Ok(())
        } else {
            Err(report)
        }
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(2))?;
    // Force a read now so a file that is not a database fails here, with its path, not later.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: an edit that was acknowledged survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Ingest and the projection run some forty statements per event: all of them stay prepared.
    conn.set_prepared_statement_cache_capacity(128);
    Ok(())
}

/// The reason alone, to follow "the case database at PATH cannot be used: ".
fn plain(e: StoreError) -> String {
    match e {
        StoreError::Sqlite(e) => e.to_string(),
        StoreError::Disk(problem) => {
            let reason = problem.to_string();
            let mut chars = reason.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
        other => other.to_string(),
    }
}
