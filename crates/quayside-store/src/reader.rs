//! Read-only access for checking a data folder someone else holds (a copy, a read-only mount):
//! no migration, no device key, nothing written.

use std::path::Path;

use quayside_keys::DataKey;
use rusqlite::{Connection, OpenFlags};

use crate::error::{Result, StoreError};
use crate::queries::PhotoRef;
use crate::store::DATABASE_FILE;
use crate::verify::VerifyReport;

pub struct StoreReader {
    conn: Connection,
}

impl StoreReader {
    pub fn open(dir: &Path) -> Result<StoreReader> {
        StoreReader::open_keyed(dir, None)
    }

    /// An encrypted folder, with its data key (from the passphrase or the recovery key).
    pub fn open_encrypted(dir: &Path, key: &DataKey) -> Result<StoreReader> {
        StoreReader::open_keyed(dir, Some(key))
    }

    fn open_keyed(dir: &Path, key: Option<&DataKey>) -> Result<StoreReader> {
        let path = dir.join(DATABASE_FILE);
        let unavailable = |reason: String| StoreError::Unavailable {
            path: path.clone(),
            reason,
        };
        if !path.is_file() {
            return Err(unavailable(
                "there is no case database in this folder".into(),
            ));
        }
        let conn = open_read_only(&path, key).map_err(|e| match (e.sqlite_error_code(), key) {
            (Some(rusqlite::ErrorCode::NotADatabase), Some(_)) => {
                StoreError::WrongKey { path: path.clone() }
            }
            (Some(rusqlite::ErrorCode::NotADatabase), None) => unavailable(
                "it is encrypted or not a database: give its passphrase or recovery key".into(),
            ),
            _ => unavailable(e.to_string()),
        })?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| unavailable(e.to_string()))?;
        if version as usize != crate::migrate::schema_version() {
            return Err(unavailable(format!(
                "it has schema {version} and this checker reads schema {}: use the Quayside version that wrote it",
                crate::migrate::schema_version()
            )));
        }
        Ok(StoreReader { conn })
    }

    pub fn verify_log(&self) -> Result<VerifyReport> {
        crate::verify::verify_log(&self.conn)
    }

    pub fn photo_refs(&self) -> Result<Vec<PhotoRef>> {
        crate::queries::photo_refs(&self.conn)
    }
}

/// Read-only. With no `-wal` file beside it, no writer has the database open, so it is read as
/// immutable and SQLite makes no `-wal`/`-shm` files either; a live database (the app running) is
/// read through its WAL, as SQLite requires.
fn open_read_only(path: &Path, key: Option<&DataKey>) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let live = Path::new(&wal).exists();
    let uri = format!(
        "file:{}?mode=ro{}",
        path.display(),
        if live { "" } else { "&immutable=1" }
    );
    let conn = Connection::open_with_flags(uri, flags)?;
    if let Some(key) = key {
        crate::encryption::apply_key(&conn, key)?;
    }
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
    Ok(conn)
}
