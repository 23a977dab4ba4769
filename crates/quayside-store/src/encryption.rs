//! The store at rest: SQLCipher under a key derived from the data key, and the one-time move of a
//! plaintext store (from a version before encryption) into that form.
//!
//! The move is crash-safe by construction: the plaintext file stays the truth until the encrypted
//! copy is complete and synced, then one rename replaces it. A kill at any point leaves either the
//! plaintext store (and a stale copy the next start removes) or the encrypted one.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use quayside_keys::{private_file, DataKey};
use rusqlite::Connection;

use crate::error::{Result, StoreError};
use crate::store::DATABASE_FILE;

const PLAINTEXT_HEADER: &[u8; 16] = b"SQLite format 3\0";
const ENCRYPTING: &str = "quayside.sqlite3.encrypting";

/// What kind of database file a data folder holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseFile {
    Missing,
    Plaintext,
    /// SQLCipher's file starts with random bytes: encrypted, or not a database at all.
    Encrypted,
}

pub fn database_file(dir: &Path) -> Result<DatabaseFile> {
    let path = dir.join(DATABASE_FILE);
    let file = match fs::File::open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DatabaseFile::Missing),
        Err(e) => return Err(unavailable(&path, e.to_string())),
    };
    let mut header = Vec::with_capacity(16);
    file.take(16)
        .read_to_end(&mut header)
        .map_err(|e| unavailable(&path, e.to_string()))?;
    let read = header.len();
    Ok(match read {
        0 => DatabaseFile::Missing,
        _ if header[..read] == PLAINTEXT_HEADER[..read] => DatabaseFile::Plaintext,
        _ => DatabaseFile::Encrypted,
    })
}

/// Give `conn` the store's key; it must come before anything reads the file.
pub(crate) fn apply_key(conn: &Connection, key: &DataKey) -> rusqlite::Result<()> {
    // A wrong key is reported as an error to the caller; SQLCipher need not print it to stderr.
    quiet(conn);
    conn.pragma_update(None, "key", key.database_key().pragma_value())?;
    // Sorts and temporary tables stay in memory: SQLite's temporary files would be plaintext.
    conn.pragma_update(None, "temp_store", "MEMORY")
}

fn quiet(conn: &Connection) {
    let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
}

/// Encrypt a plaintext store in `dir` under `key`, if there is one. Safe to run on every start.
pub fn encrypt_in_place(dir: &Path, key: &DataKey) -> Result<()> {
    let path = dir.join(DATABASE_FILE);
    let copy = dir.join(ENCRYPTING);
    // An interrupted run's copy: the plaintext file is still the truth, start again.
    for stale in [copy.clone(), journal_of(&copy)] {
        match fs::remove_file(&stale) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(unavailable(&stale, e.to_string())),
        }
    }
    if database_file(dir)? != DatabaseFile::Plaintext {
        return Ok(());
    }
    let fail = |e: rusqlite::Error| match StoreError::from(e) {
        StoreError::Busy => StoreError::Busy,
        other => unavailable(
            &path,
            format!("it could not be encrypted ({other}); it is unchanged"),
        ),
    };
    let conn = Connection::open(&path).map_err(fail)?;
    conn.busy_timeout(Duration::from_secs(2)).map_err(fail)?;
    // Out of WAL mode: the log is folded into the file and the -wal/-shm files go, so no
    // plaintext page outlives the rename and none is replayed into the encrypted file.
    conn.pragma_update(None, "journal_mode", "DELETE")
        .map_err(fail)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(fail)?;
    conn.execute(
        "ATTACH DATABASE ?1 AS encrypted KEY ?2",
        rusqlite::params![copy.to_string_lossy(), key.database_key().pragma_value()],
    )
    .map_err(fail)?;
    conn.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))
        .map_err(fail)?;
    conn.pragma_update(Some("encrypted"), "user_version", version)
        .map_err(fail)?;
    conn.execute("DETACH DATABASE encrypted", [])
        .map_err(fail)?;
    drop(conn);
    let finish = || -> std::io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&copy, fs::Permissions::from_mode(0o600))?;
        }
        fs::File::open(&copy)?.sync_all()?;
        fs::rename(&copy, &path)?;
        private_file::sync_dir(&path)
    };
    finish().map_err(|e| {
        unavailable(
            &path,
            format!("the encrypted copy could not replace it: {e}"),
        )
    })
}

fn journal_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

fn unavailable(path: &Path, reason: String) -> StoreError {
    StoreError::Unavailable {
        path: path.to_path_buf(),
        reason,
    }
}
