//! The one error that crosses IPC. The UI acts on `code`; `message` is for the person.

use quayside_domain::fields::Field;
use quayside_store::StoreError;
use quayside_sync::SyncError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A value a person typed is not valid; `field` says which. Keep the text as a draft.
    InvalidInput,
    /// The call itself is malformed (unknown command, wrong argument types, too large). A bug, not the user.
    InvalidRequest,
    /// The case or item does not exist.
    NotFound,
    /// Nobody has said who uses this device yet: ask before writing.
    NoUser,
    /// Nobody is signed in (the app is locked, or locked itself when idle): show the lock screen.
    Locked,
    /// The passphrase or recovery key did not unlock; the message says when to try again.
    WrongPassphrase,
    /// Another process holds the database: retry shortly.
    StorageBusy,
    /// The database or device key cannot be used: show the message, nothing can be saved.
    StorageUnavailable,
    /// The store refused the change as inconsistent with the case.
    Refused,
    /// The case was submitted for review or approved: ask why it is being changed
    /// (`set_change_reason`), then retry.
    ReasonRequired,
    /// This user's role may not do this (an inspector approving, a supervisor approving their own case).
    NotAllowed,
    /// Sync: this device is not signed in to a server (or no longer: revoked). Show the sign-in form.
    NotSignedIn,
    /// Sync: the server refused the sign-in (wrong name or password, too many attempts, revoked).
    SignInFailed,
    /// Sync: the server cannot be reached. Work goes on offline.
    Offline,
    /// Sync: the server's log does not hold what it showed or acknowledged before (truncated,
    /// rolled back, rewritten), or it sent a statement its key did not sign. Everything here is
    /// kept; show the message: a person reports it to their supervisor.
    ServerLogInconsistent,
    /// Sync: the server signs with another key than the one pinned at sign-in, or presents
    /// another TLS key. Nothing is exchanged; show the message: an admin checks the server.
    ServerKeyChanged,
    /// Sync: the server says this device was revoked (lost or stolen). It syncs no more; the app
    /// destroys its keys.
    DeviceRevoked,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<Field>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            field: None,
        }
    }

    pub fn invalid(field: Field, message: impl Into<String>) -> ApiError {
        ApiError {
            code: ErrorCode::InvalidInput,
            message: message.into(),
            field: Some(field),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        let code = match &e {
            StoreError::Unavailable { .. }
            | StoreError::WrongKey { .. }
            | StoreError::DeviceKey { .. }
            | StoreError::Disk(_) => ErrorCode::StorageUnavailable,
            StoreError::Busy => ErrorCode::StorageBusy,
            StoreError::CaseNotFound(_) => ErrorCode::NotFound,
            StoreError::Refused(_) => ErrorCode::Refused,
            StoreError::InvalidFilter(_) => ErrorCode::InvalidInput,
            StoreError::ReasonRequired(_) => ErrorCode::ReasonRequired,
            StoreError::Sqlite(_) => ErrorCode::Internal,
        };
        ApiError::new(code, e.to_string())
    }
}

/// A sync failure as the UI acts on it: sign in again, work offline, or show the message.
pub(crate) fn sync_error(e: SyncError) -> ApiError {
    use quayside_protocol::ErrorCode as Wire;
    let code = match &e {
        SyncError::NotSignedIn => ErrorCode::NotSignedIn,
        SyncError::Offline { .. } => ErrorCode::Offline,
        SyncError::Rejected { code, .. } => match code {
            Wire::BadCredentials | Wire::Unauthorized | Wire::TooManyAttempts => {
                ErrorCode::SignInFailed
            }
            _ => ErrorCode::Refused,
        },
        SyncError::Protocol(_) | SyncError::Setup(_) => ErrorCode::Refused,
        SyncError::LogInconsistent(_) => ErrorCode::ServerLogInconsistent,
        SyncError::ServerKeyChanged(_) | SyncError::TlsKeyChanged(_) => ErrorCode::ServerKeyChanged,
        SyncError::Revoked(_) => ErrorCode::DeviceRevoked,
        SyncError::Store(_) | SyncError::Photo(_) => ErrorCode::StorageUnavailable,
    };
    ApiError::new(code, e.to_string())
}
