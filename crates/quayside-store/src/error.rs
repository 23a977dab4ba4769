use std::path::PathBuf;

use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the case database at {path} cannot be used: {reason}")]
    Unavailable { path: PathBuf, reason: String },
    #[error("the case database is busy: another Quayside window or process is writing to it. Close it and try again")]
    Busy,
    #[error("the device key at {path} is unusable: {reason}")]
    DeviceKey { path: PathBuf, reason: String },
    #[error("no case {0} in this store")]
    CaseNotFound(Uuid),
    #[error("the change was refused: {0}")]
    Refused(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match e.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
