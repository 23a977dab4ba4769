//! What can stop a sync, split by what the client does next: wait and retry (offline, server
//! trouble), ask the person (signed out, revoked), or report a bug (a protocol surprise).

use quayside_protocol::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("This device is not signed in to a sync server. Open Settings, enter the server address and sign in.")]
    NotSignedIn,
    #[error("The server at {server} cannot be reached ({reason}). Work goes on offline; sync retries by itself.")]
    Offline { server: String, reason: String },
    #[error("{message}")]
    Rejected {
        status: u16,
        code: ErrorCode,
        message: String,
    },
    /// An HTTP answer that is not a Quayside error body (a proxy, a web server, a server of
    /// another version): the address is probably wrong.
    #[error("The server at {server} answered HTTP {status}; is this the address of a Quayside sync server?")]
    NotASyncServer { server: String, status: u16 },
    /// The server cannot take this device's chain from `from_seq` on (a fork, an altered event):
    /// nothing after it can be taken. Kept locally and shown; an admin has to look.
    #[error("The server cannot take this device's events from number {from_seq} on: {reason}. They are kept here; ask an admin.")]
    ChainRefused {
        from_seq: u64,
        code: quayside_protocol::RefusalCode,
        reason: String,
    },
    /// Something on this device must be fixed first (a trust file that holds no certificate).
    #[error("{0}")]
    Setup(String),
    #[error("The server answered something this version does not understand ({0}). Sync retries later; if it persists, update the app.")]
    Protocol(String),
    /// The server's log does not hold what it showed or acknowledged before (truncated, rolled
    /// back, rewritten), or it sent a statement its key did not sign. Everything local is kept;
    /// a person reports it. The alert is kept in the store's `log_alerts`.
    #[error("{0}")]
    LogInconsistent(String),
    /// The server signs with another key than the one this device pinned: nothing is sent or taken.
    #[error("{0}")]
    ServerKeyChanged(String),
    /// The server's TLS certificate is trusted but its public key is not the one pinned at
    /// sign-in: nothing is sent (not even the token) or taken. The message names both fingerprints.
    #[error("{0}")]
    TlsKeyChanged(String),
    /// The server says this device was revoked (lost or stolen): it syncs no more, and the app
    /// destroys its keys (`revoked`, `wipe_confirmation`). Kept in `sync.revoked`.
    #[error("{0}")]
    Revoked(String),
    #[error(transparent)]
    Store(#[from] quayside_store::StoreError),
    #[error(transparent)]
    Photo(#[from] quayside_photos::PhotoError),
}

impl SyncError {
    /// Worth trying again later by itself; otherwise a person has to act (sign in again).
    pub fn retries(&self) -> bool {
        match self {
            SyncError::NotSignedIn
            | SyncError::Setup(_)
            | SyncError::ChainRefused { .. }
            | SyncError::LogInconsistent(_)
            | SyncError::ServerKeyChanged(_)
            | SyncError::TlsKeyChanged(_)
            | SyncError::Revoked(_) => false,
            SyncError::Rejected { code, .. } => !matches!(
                code,
                ErrorCode::Unauthorized | ErrorCode::BadCredentials | ErrorCode::Forbidden
            ),
            _ => true,
        }
    }

    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            SyncError::Rejected { code, .. } => Some(*code),
            _ => None,
        }
    }
}
