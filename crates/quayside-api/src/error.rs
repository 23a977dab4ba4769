//! The one error that crosses IPC. The UI acts on `code` and shows `text`, a keyed message it puts
//! into the reader's language; `message` is the same in English, for logs.
//!
//! Errors of the layers below are worded here: each one a person can act on has a key of its own
//! (`error.*` in `errors.ftl`); unexpected ones share a key and carry their English detail.

use quayside_domain::fields::Field;
use quayside_domain::Invalid;
use quayside_i18n::{Catalogue, Message};
use quayside_photos::PhotoError;
use quayside_store::{DiskProblem, StoreError};
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
    /// The desktop could not do what was asked of it (no file manager to show a folder); the
    /// message says where the file is, so the person can find it another way.
    DesktopUnavailable,
    /// Sync: the server says this device was revoked (lost or stolen). It syncs no more; the app
    /// destroys its keys.
    DeviceRevoked,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    /// What the person reads: a key and its arguments, put into words in their language.
    pub text: Message,
    /// `text` in English, for logs and for anything that cannot format a message.
    pub message: String,
    pub field: Option<Field>,
}

impl ApiError {
    pub fn new(code: ErrorCode, text: Message) -> ApiError {
        // Tests only: a message the catalogue cannot put into words fails the test that made it.
        #[cfg(feature = "test-support")]
        if let Err(problem) = Catalogue::english().format_checked(&text) {
            panic!("{problem}");
        }
        ApiError {
            code,
            message: Catalogue::english().format(&text),
            text,
            field: None,
        }
    }

    pub fn invalid(field: Field, text: Message) -> ApiError {
        ApiError {
            field: Some(field),
            ..ApiError::new(ErrorCode::InvalidInput, text)
        }
    }

    /// Something the person cannot fix: the English detail goes along for whoever reads the log.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        ApiError::new(ErrorCode::Internal, detailed("error.internal", detail))
    }
}

/// A key whose one argument is the English detail of a lower layer's error.
fn detailed(key: &str, detail: impl std::fmt::Display) -> Message {
    Message::new(key).text("detail", detail.to_string())
}

impl From<Invalid> for ApiError {
    fn from(e: Invalid) -> ApiError {
        ApiError::new(ErrorCode::InvalidInput, e.text)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        use quayside_domain::review::ReviewState;
        let (code, text) = match e {
            StoreError::Unavailable { path, reason } => (
                ErrorCode::StorageUnavailable,
                detailed("error.store_unavailable", reason)
                    .text("path", path.display().to_string()),
            ),
            StoreError::WrongKey { path } => (
                ErrorCode::StorageUnavailable,
                Message::new("error.store_wrong_key").text("path", path.display().to_string()),
            ),
            StoreError::DeviceKey { path, reason } => (
                ErrorCode::StorageUnavailable,
                detailed("error.device_key", reason).text("path", path.display().to_string()),
            ),
            StoreError::Disk(problem) => (
                ErrorCode::StorageUnavailable,
                Message::new(match problem {
                    DiskProblem::Full => "error.disk_full",
                    DiskProblem::ReadOnly => "error.disk_read_only",
                    DiskProblem::IoFailure => "error.disk_failed",
                    DiskProblem::CannotOpen => "error.disk_cannot_open",
                    DiskProblem::Damaged => "error.disk_damaged",
                }),
            ),
            StoreError::Busy => (ErrorCode::StorageBusy, Message::new("error.store_busy")),
            StoreError::CaseNotFound(id) => (
                ErrorCode::NotFound,
                Message::new("error.no_such_case").text("id", id.to_string()),
            ),
            StoreError::Refused(reason) => (ErrorCode::Refused, detailed("error.refused", reason)),
            StoreError::InvalidFilter(text) => (ErrorCode::InvalidInput, text),
            StoreError::ReasonRequired(state) => (
                ErrorCode::ReasonRequired,
                Message::new(match state {
                    ReviewState::Submitted => "error.reason_required_submitted",
                    _ => "error.reason_required_approved",
                }),
            ),
            StoreError::Sqlite(e) => (ErrorCode::Internal, detailed("error.database", e)),
        };
        ApiError::new(code, text)
    }
}

/// The protocol's name of an error code (`stale_cursor`), as the server sends it.
fn wire_code(code: quayside_protocol::ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{code:?}"))
}

/// A sync failure as the UI acts on it: sign in again, work offline, or show the message.
pub(crate) fn sync_error(e: SyncError) -> ApiError {
    use quayside_protocol::ErrorCode as Wire;
    let (code, text) = match e {
        SyncError::NotSignedIn => (ErrorCode::NotSignedIn, Message::new("error.not_signed_in")),
        SyncError::Offline { server, reason } => (
            ErrorCode::Offline,
            detailed("error.offline", reason).text("server", server),
        ),
        // The server's code says what happened; its English message is for logs.
        SyncError::Rejected { code, .. } => match code {
            Wire::BadCredentials => (
                ErrorCode::SignInFailed,
                Message::new("error.bad_credentials"),
            ),
            Wire::TooManyAttempts => (
                ErrorCode::SignInFailed,
                Message::new("error.too_many_sign_ins"),
            ),
            Wire::Busy => (ErrorCode::Offline, Message::new("error.server_busy")),
            Wire::Unauthorized => (ErrorCode::SignInFailed, Message::new("error.sign_in_again")),
            Wire::Forbidden => (ErrorCode::Refused, Message::new("error.server_forbidden")),
            Wire::DeviceConflict => (ErrorCode::Refused, Message::new("error.device_conflict")),
            Wire::TooLarge => (ErrorCode::Refused, Message::new("error.server_too_large")),
            Wire::Internal => (ErrorCode::Refused, Message::new("error.server_failed")),
            other => (
                ErrorCode::Refused,
                Message::new("error.server_refused").text("code", wire_code(other)),
            ),
        },
        SyncError::ChainRefused {
            from_seq,
            code,
            reason,
        } => (
            ErrorCode::Refused,
            match quayside_store::refusal_key(code.as_str()) {
                Some(why) => Message::new("error.chain_refused")
                    .text("seq", from_seq.to_string())
                    .label("why", why),
                None => Message::new("error.chain_refused_unknown")
                    .text("seq", from_seq.to_string())
                    .text("detail", reason),
            },
        ),
        SyncError::NotASyncServer { server, status } => (
            ErrorCode::Refused,
            Message::new("error.not_a_sync_server")
                .text("server", server)
                .text("status", status.to_string()),
        ),
        SyncError::Setup(detail) => (ErrorCode::Refused, detailed("error.sync_setup", detail)),
        SyncError::Protocol(detail) => {
            (ErrorCode::Refused, detailed("error.sync_protocol", detail))
        }
        SyncError::LogInconsistent(detail) => (
            ErrorCode::ServerLogInconsistent,
            detailed("error.server_log_inconsistent", detail),
        ),
        SyncError::ServerKeyChanged(detail) | SyncError::TlsKeyChanged(detail) => (
            ErrorCode::ServerKeyChanged,
            detailed("error.server_key_changed", detail),
        ),
        // What the server said is for its own logs; the person is told what it means here.
        SyncError::Revoked(_) => (
            ErrorCode::DeviceRevoked,
            Message::new("error.device_revoked"),
        ),
        SyncError::Store(e) => return ApiError::from(e),
        SyncError::Photo(e) => return photo_error(ErrorCode::StorageUnavailable, e),
    };
    ApiError::new(code, text)
}

/// A photo the vault refused or cannot give back. `code` is the caller's: what a refusal means
/// depends on what was asked (an import is invalid input, a missing original is not found).
pub(crate) fn photo_error(code: ErrorCode, e: PhotoError) -> ApiError {
    const MB: f64 = 1024.0 * 1024.0;
    // Megabytes to one decimal, as file managers show them.
    let mb = |bytes: u64| (bytes as f64 / MB * 10.0).round() / 10.0;
    let text = match e {
        PhotoError::Empty { file } => Message::new("error.photo_empty").text("file", file),
        PhotoError::NotAnImage { file } => {
            Message::new("error.photo_not_an_image").text("file", file)
        }
        PhotoError::TooLarge { file, size, limit } => Message::new("error.photo_too_large")
            .text("file", file)
            .number("size", mb(size))
            .number("limit", mb(limit)),
        PhotoError::TooManyPixels {
            file,
            width,
            height,
            limit,
        } => Message::new("error.photo_too_many_pixels")
            .text("file", file)
            .number("width", width)
            .number("height", height)
            .number(
                "megapixels",
                (f64::from(width) * f64::from(height) / 1e6).round(),
            )
            .number("limit", (limit / 1_000_000) as f64),
        PhotoError::Corrupt {
            file,
            media_type,
            detail,
        } => detailed("error.photo_damaged", detail)
            .text("file", file)
            .text("format", media_type.label()),
        PhotoError::Unreadable { file, source } => {
            detailed("error.photo_unreadable", source).text("file", file)
        }
        PhotoError::Missing { sha256, .. } => {
            Message::new("error.photo_missing").text("sha256", sha256)
        }
        PhotoError::Altered {
            sha256,
            actual_sha256,
            ..
        } => Message::new("error.photo_altered")
            .text("sha256", sha256)
            .text("actual", actual_sha256),
        PhotoError::SealBroken { sha256, .. } => {
            Message::new("error.photo_seal_broken").text("sha256", sha256)
        }
        PhotoError::WrongKey { .. } => Message::new("error.vault_wrong_key"),
        PhotoError::DocumentEmpty { file } => {
            Message::new("error.document_empty").text("file", file)
        }
        PhotoError::NotADocument { file } => {
            Message::new("error.not_a_document").text("file", file)
        }
        PhotoError::DocumentCutShort { file } => {
            Message::new("error.document_cut_short").text("file", file)
        }
        PhotoError::DocumentTooLarge { file, size, limit } => {
            Message::new("error.document_too_large")
                .text("file", file)
                .number("size", mb(size))
                .number("limit", mb(limit))
        }
        other => detailed("error.vault", other),
    };
    ApiError::new(code, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quayside_i18n::{Catalogue, Locale};
    use quayside_protocol::{ErrorCode as Wire, RefusalCode};

    /// The message in every language, checked (its key there, every argument given).
    fn worded(text: &Message) -> Vec<String> {
        Locale::TRANSLATED
            .iter()
            .map(|&locale| {
                Catalogue::get(locale)
                    .format_checked(text)
                    .unwrap_or_else(|e| panic!("{locale:?}: {e}"))
            })
            .collect()
    }

    #[test]
    fn a_server_refusal_is_worded_from_its_code_never_from_the_servers_english() {
        let english_from_server = "too many failed sign-ins for ines: wait 15 minutes";
        for (wire, key) in [
            (Wire::BadCredentials, "error.bad_credentials"),
            (Wire::TooManyAttempts, "error.too_many_sign_ins"),
            (Wire::Busy, "error.server_busy"),
            (Wire::Unauthorized, "error.sign_in_again"),
            (Wire::Forbidden, "error.server_forbidden"),
            (Wire::DeviceConflict, "error.device_conflict"),
            (Wire::TooLarge, "error.server_too_large"),
            (Wire::Internal, "error.server_failed"),
            (Wire::StaleCursor, "error.server_refused"),
        ] {
            let error = sync_error(SyncError::Rejected {
                status: 400,
                code: wire,
                message: english_from_server.into(),
            });
            assert_eq!(error.text.key, key, "{wire:?}");
            for words in worded(&error.text) {
                assert!(!words.contains("wait 15 minutes"), "{wire:?}: {words}");
            }
        }
        // A code with no words of its own is named by its protocol name, the same in every language.
        let stale = sync_error(SyncError::Rejected {
            status: 409,
            code: Wire::StaleCursor,
            message: String::new(),
        });
        assert!(worded(&stale.text)
            .iter()
            .all(|w| w.contains("stale_cursor")));
        let web = sync_error(SyncError::NotASyncServer {
            server: "https://intranet.example".into(),
            status: 404,
        });
        assert_eq!(web.text.key, "error.not_a_sync_server");
        assert!(worded(&web.text)[1].contains("https://intranet.example"));
    }

    #[test]
    fn a_refused_chain_says_why_in_the_readers_words_or_as_the_server_said_it() {
        let fork = sync_error(SyncError::ChainRefused {
            from_seq: 7,
            code: RefusalCode::Fork,
            reason: "fork: the server holds event e1 as seq 7".into(),
        });
        assert_eq!(fork.text.key, "error.chain_refused");
        let words = worded(&fork.text);
        assert!(
            words[1].contains("7") && words[1].contains("设备数据被复制"),
            "{}",
            words[1]
        );
        let unknown = sync_error(SyncError::ChainRefused {
            from_seq: 7,
            code: RefusalCode::Unknown,
            reason: "a reason from a newer server".into(),
        });
        assert_eq!(unknown.text.key, "error.chain_refused_unknown");
        assert!(worded(&unknown.text)[3].contains("a reason from a newer server"));
    }
}
