//! Opening the SQLite file, its migrations (numbered SQL files counted by `PRAGMA user_version`),
//! and the connections every query runs on: one writer behind a mutex, idle readers kept for reuse.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::{Inner, SqliteStore};
use crate::storage::shared::random_epoch;
use crate::storage::{Result, StoreError};

/// The last migration that made a table derived from the log (`case_entities`, then
/// `case_summaries`; numbered from 1): a database below it is indexed anew once migrated.
const DERIVED_TABLES_MIGRATION: usize = 10;

const MIGRATIONS: &[&str] = &[
    include_str!("../../../migrations/0001_initial.sql"),
    include_str!("../../../migrations/0002_sign_out_and_wipe.sql"),
    include_str!("../../../migrations/0003_control_lists.sql"),
    include_str!("../../../migrations/0004_sign_in_failures_per_client.sql"),
    include_str!("../../../migrations/0005_token_expiry.sql"),
    include_str!("../../../migrations/0006_quarantine_junk.sql"),
    include_str!("../../../migrations/0007_events_by_hash.sql"),
    include_str!("../../../migrations/0008_device_people.sql"),
    include_str!("../../../migrations/0009_entity_index.sql"),
    include_str!("../../../migrations/0010_analysts.sql"),
];

/// Idle read connections kept open.
const IDLE_READERS: usize = 4;
/// Read connections open at once: each holds its own page cache, so a burst of requests waits
/// for one instead of opening a connection each.
const MAX_READERS: usize = 8;

impl SqliteStore {
    /// Open (or make) the database `file`, migrating it and making the epoch on first use.
    pub fn open(file: &Path) -> Result<SqliteStore> {
        let unusable = |why: String| {
            StoreError::Backend(format!(
                "the database {} cannot be used: {why}",
                file.display()
            ))
        };
        if let Some(dir) = file.parent() {
            crate::private::create_dir_all(dir).map_err(|e| unusable(e.to_string()))?;
        }
        let mut conn = connect(file).map_err(|e| unusable(e.to_string()))?;
        // SQLite gives its -wal and -shm files the database file's mode.
        crate::private::restrict_file(file).map_err(|e| unusable(e.to_string()))?;
        migrate(&mut conn).map_err(unusable)?;
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', ?1)",
            [random_epoch()?],
        )?;
        Ok(SqliteStore {
            inner: Arc::new(Inner {
                path: file.to_path_buf(),
                writer: Mutex::new(conn),
                readers: Mutex::new(Vec::new()),
                reading: tokio::sync::Semaphore::new(MAX_READERS),
            }),
        })
    }

    /// Run `f` in a write transaction (IMMEDIATE: the write lock is taken at once) on the writer.
    pub(super) async fn write<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> Result<T> + Send + 'static,
    {
        let inner = self.inner.clone();
        blocking(move || {
            let mut conn = lock(&inner.writer);
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })
        .await
    }

    /// Run `f` in a read transaction (one snapshot) on a reader connection.
    pub(super) async fn read<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> Result<T> + Send + 'static,
    {
        let inner = self.inner.clone();
        let _turn = self
            .inner
            .reading
            .acquire()
            .await
            .map_err(|e| StoreError::Backend(format!("the readers were closed: {e}")))?;
        blocking(move || {
            let idle = lock(&inner.readers).pop();
            let mut conn = match idle {
                Some(conn) => conn,
                None => connect(&inner.path)?,
            };
            let value = {
                let tx = conn.transaction()?;
                let value = f(&tx)?;
                tx.finish()?;
                value
            };
            let mut idle = lock(&inner.readers);
            if idle.len() < IDLE_READERS {
                idle.push(conn);
            }
            Ok(value)
        })
        .await
    }
}

async fn blocking<T, F>(f: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T> + Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StoreError::Backend(format!("a storage task failed: {e}")))?
}

/// A poisoned lock only means a panic happened while it was held; the connection's transaction
/// was rolled back when it dropped, so the connection is still good.
pub(super) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: a push that was answered survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> std::result::Result<(), String> {
    let applied = conn
        .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
        .map_err(|e| e.to_string())? as usize;
    if applied > MIGRATIONS.len() {
        return Err(format!(
            "it was written by a newer quayside-server (schema {applied}, this one knows {}): \
             run the newer server",
            MIGRATIONS.len()
        ));
    }
    if applied == MIGRATIONS.len() {
        return Ok(());
    }
    // A migration may copy a table to change it (SQLite alters no CHECK in place), which
    // foreign keys would stop: they are off while migrating and checked before each commit.
    conn.pragma_update(None, "foreign_keys", "OFF")
        .map_err(|e| e.to_string())?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| e.to_string())?;
        tx.execute_batch(sql)
            .map_err(|e| format!("migration {} failed: {e}", index + 1))?;
        let broken: i64 = tx
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .map_err(|e| e.to_string())?;
        if broken > 0 {
            return Err(format!(
                "migration {} would leave {broken} rows naming rows that do not exist",
                index + 1
            ));
        }
        tx.pragma_update(None, "user_version", (index + 1) as i64)
            .map_err(|e| e.to_string())?;
        // The derived tables are filled for what the log already holds, once all are made.
        if index + 1 == MIGRATIONS.len() && applied < DERIVED_TABLES_MIGRATION {
            super::entities::reindex_all(&tx).map_err(|e| e.to_string())?;
        }
        tx.commit().map_err(|e| e.to_string())?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::ServerStore;

    #[test]
    fn reopening_keeps_the_epoch_and_migrations_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.sqlite3");
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let first = rt
            .block_on(SqliteStore::open(&file).unwrap().epoch())
            .unwrap();
        let store = SqliteStore::open(&file).unwrap();
        assert_eq!(rt.block_on(store.epoch()).unwrap(), first);
        let version: i64 = lock(&store.inner.writer)
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
        let renewed = rt.block_on(store.new_epoch()).unwrap();
        assert_ne!(renewed, first);
        assert_eq!(rt.block_on(store.epoch()).unwrap(), renewed);
    }
}
