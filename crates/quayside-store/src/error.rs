//! The store's one error type, and how SQLite's errors map to what a person can act on.

use std::path::PathBuf;

use quayside_domain::review::ReviewState;
use quayside_i18n::{Catalogue, Message};
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
    /// A filter of the case list that cannot be read (a malformed date, a code not in its list),
    /// as a keyed message for the person who typed it.
    #[error("{}", Catalogue::english().format(.0))]
    InvalidFilter(Message),
    #[error("{}", reason_required(*.0))]
    ReasonRequired(ReviewState),
    #[error("{0}")]
    Disk(DiskProblem),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Busy,
            Some(C::DiskFull) => StoreError::Disk(DiskProblem::Full),
            Some(C::ReadOnly) => StoreError::Disk(DiskProblem::ReadOnly),
            Some(C::SystemIoFailure) => StoreError::Disk(DiskProblem::IoFailure),
            Some(C::CannotOpen) => StoreError::Disk(DiskProblem::CannotOpen),
            Some(C::NotADatabase | C::DatabaseCorrupt) => StoreError::Disk(DiskProblem::Damaged),
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What the disk or the database file refused, each with its own remedy (a caller words it in
/// the reader's language by its kind; `Display` is the English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskProblem {
    Full,
    ReadOnly,
    IoFailure,
    CannotOpen,
    Damaged,
}

impl std::fmt::Display for DiskProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DiskProblem::Full => "The disk is full: free some space, then try again. Nothing was saved",
            DiskProblem::ReadOnly => "The case database is read-only: check that the data folder may be written to. Nothing was saved",
            DiskProblem::IoFailure => "The disk reported an error while saving: nothing was saved. Check the disk, then try again",
            DiskProblem::CannotOpen => "The case database cannot be opened: check that the data folder exists and may be written to",
            DiskProblem::Damaged => "The file is not a case database or is damaged: restore the data folder from a backup, or move the file away to start a new one",
        })
    }
}

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
