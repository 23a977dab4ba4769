//! The store's one error type, and how SQLite's errors map to what a person can act on.

use std::path::PathBuf;

use quayside_domain::review::ReviewState;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the case database at {path} cannot be used: {reason}")]
    Unavailable { path: PathBuf, reason: String },
    #[error("the case database is busy: another Quayside window or process is writing to it. Close it and try again")]
    Busy,
    #[error("the case database at {path} does not open with this key: it belongs to other keys, or it is damaged")]
    WrongKey { path: PathBuf },
    #[error("the device key at {path} is unusable: {reason}")]
    DeviceKey { path: PathBuf, reason: String },
    #[error("no case {0} in this store")]
    CaseNotFound(Uuid),
    #[error("the change was refused: {0}")]
    Refused(String),
    /// A filter of the case list that cannot be read (a malformed date, a code not in its list).
    #[error("{0}")]
    InvalidFilter(String),
    #[error("{}", reason_required(*.0))]
    ReasonRequired(ReviewState),
    #[error("{0}")]
    Disk(&'static str),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Busy,
            Some(C::DiskFull) => StoreError::Disk("The disk is full: free some space, then try again. Nothing was saved"),
            Some(C::ReadOnly) => StoreError::Disk(
                "The case database is read-only: check that the data folder may be written to. Nothing was saved",
            ),
            Some(C::SystemIoFailure) => StoreError::Disk(
                "The disk reported an error while saving: nothing was saved. Check the disk, then try again",
            ),
            Some(C::CannotOpen) => StoreError::Disk(
                "The case database cannot be opened: check that the data folder exists and may be written to",
            ),
            Some(C::NotADatabase | C::DatabaseCorrupt) => {
                StoreError::Disk(
                "The file is not a case database or is damaged: restore the data folder from a backup, \
                 or move the file away to start a new one",
            )
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

fn reason_required(state: ReviewState) -> &'static str {
    match state {
        ReviewState::Submitted => {
            "This case was submitted for review: say why you are changing it. The reason is kept with each change"
        }
        _ => "This case was approved: say why you are changing it. The reason is kept with each change, and the case goes back to review",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ffi;

    fn sqlite(code: i32) -> StoreError {
        StoreError::from(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None))
    }

    #[test]
    fn disk_failures_say_what_to_do() {
        assert!(matches!(sqlite(ffi::SQLITE_BUSY), StoreError::Busy));
        assert!(sqlite(ffi::SQLITE_FULL)
            .to_string()
            .contains("disk is full"));
        assert!(sqlite(ffi::SQLITE_READONLY)
            .to_string()
            .contains("read-only"));
        assert!(sqlite(ffi::SQLITE_IOERR)
            .to_string()
            .contains("Check the disk"));
        assert!(sqlite(ffi::SQLITE_CORRUPT).to_string().contains("backup"));
        assert!(sqlite(ffi::SQLITE_NOTADB)
            .to_string()
            .contains("not a case database"));
        assert!(matches!(
            sqlite(ffi::SQLITE_CONSTRAINT),
            StoreError::Sqlite(_)
        ));
    }
}
