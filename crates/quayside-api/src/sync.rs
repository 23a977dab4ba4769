//! Sync as the UI sees it: sign in to a server, the status bar's figures, sync by hand.

use quayside_i18n::Message;
use quayside_protocol::Account;
use quayside_store::SyncRefusal;
use quayside_sync::{LoopState, SyncLoop, Timing};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::args::NoArgs;
use crate::error::{sync_error, ApiError, ErrorCode};
use crate::Api;

/// The sync loop's timing: the defaults, or `QUAYSIDE_SYNC_INTERVAL_MS` (end-to-end tests, which
/// cannot wait minutes) for the interval, the delay after an edit and the first backoff.
pub fn sync_timing() -> Timing {
    let mut timing = Timing::default();
    if let Some(ms) = std::env::var("QUAYSIDE_SYNC_INTERVAL_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        let d = std::time::Duration::from_millis(ms.max(50));
        timing.interval = d;
        timing.after_edit = d;
        timing.backoff = d;
        timing.max_backoff = d * 4;
    }
    timing
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SignInArgs {
    /// `https://sync.example:8640` (`host:port` means https); plain `http://` only on loopback.
    pub server: String,
    pub username: String,
    pub password: String,
    /// How the device shows in the server's device list.
    pub device_name: String,
}

/// Everything the status bar and the sync settings show.
#[derive(Debug, Serialize, TS)]
pub struct SyncStatus {
    /// The account this device is signed in with, if any.
    pub account: Option<Account>,
    /// The server signed in to, or last used (offered again after signing out).
    pub server: Option<String>,
    /// The background loop's state; None when the loop does not run (tests, or before start).
    pub activity: Option<LoopState>,
    pub last_synced_at: Option<String>,
    /// Local events the server has not acknowledged yet.
    #[ts(type = "number")]
    pub events_waiting: u64,
    /// Originals here that the server has not confirmed yet.
    #[ts(type = "number")]
    pub photos_waiting: u64,
    /// Originals referenced by a case here but not in this device's vault yet.
    #[ts(type = "number")]
    pub photos_to_fetch: u64,
    /// Events of this device that the server keeps in quarantine, with its reason.
    pub refused: Vec<SyncRefusal>,
    /// The result of a `sync_now` run without the background loop.
    pub last_error: Option<ApiError>,
    /// The server said this device was revoked: it syncs no more and its keys are to be destroyed.
    pub revoked: bool,
    /// Signed out, but the server has not revoked the token yet (unreachable); retried by itself.
    pub revocation_pending: bool,
}

impl Api {
    pub(crate) fn sync_status(&self, _: NoArgs) -> Result<SyncStatus, ApiError> {
        self.status_with(None)
    }

    fn status_with(&self, last_error: Option<ApiError>) -> Result<SyncStatus, ApiError> {
        let store = self.store();
        let signed_in = quayside_sync::signed_in(&store).map_err(sync_error)?;
        let referenced = store.referenced_photos()?;
        let photos_to_fetch = referenced
            .iter()
            .filter(|(sha, _)| !self.vault().original_path(sha).exists())
            .count() as u64;
        let photos_waiting = store
            .photos_not_uploaded()?
            .iter()
            .filter(|sha| self.vault().original_path(sha).exists())
            .count() as u64;
        Ok(SyncStatus {
            server: quayside_sync::last_server(&store).map_err(sync_error)?,
            account: signed_in.map(|s| s.account),
            activity: self.with_sync(SyncLoop::state),
            last_synced_at: store
                .setting("sync.last_synced_at")?
                .filter(|v| !v.is_empty()),
            events_waiting: quayside_sync::events_waiting(&store).map_err(sync_error)?,
            photos_waiting,
            photos_to_fetch,
            refused: store.sync_refusals()?,
            last_error,
            revoked: quayside_sync::revoked(&store),
            revocation_pending: quayside_sync::revocation_pending(&store).map_err(sync_error)?,
        })
    }

    pub(crate) fn sign_in(&self, args: SignInArgs) -> Result<SyncStatus, ApiError> {
        let server = args.server.trim();
        if server.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("error.server_address_empty"),
            ));
        }
        if args.username.trim().is_empty() || args.password.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("error.sign_in_empty"),
            ));
        }
        let device_name = match args.device_name.trim() {
            "" => "Quayside device".to_string(),
            name => name.to_string(),
        };
        let account = quayside_sync::sign_in(
            self.shared_store(),
            server,
            &args.username,
            &args.password,
            &device_name,
        )
        .map_err(sync_error)?;
        // Events name their author's role, and the server refuses a role the account does not
        // have: from now on the signed-in person writes the account's role.
        let role = serde_json::to_value(account.role).expect("roles serialize");
        let person = self.person()?;
        self.store().set_person_account(
            person.id,
            &account.username,
            role.as_str().unwrap_or_default(),
        )?;
        self.with_sync(SyncLoop::sync_now);
        self.status_with(None)
    }

    pub(crate) fn sign_out(&self, _: NoArgs) -> Result<SyncStatus, ApiError> {
        // The store's lock is not held while the server is told (the loop may be syncing).
        quayside_sync::sign_out(self.shared_store()).map_err(sync_error)?;
        self.status_with(None)
    }

    /// Sync now: the background loop is told to start; without it, sync runs here and its error
    /// (if any) is in the answer.
    pub(crate) fn sync_now(&self, _: NoArgs) -> Result<SyncStatus, ApiError> {
        if self.with_sync(SyncLoop::sync_now).is_some() {
            return self.status_with(None);
        }
        let error = quayside_sync::sync_once(self.shared_store(), self.vault(), &mut |_| {})
            .err()
            .map(sync_error);
        self.status_with(error)
    }
}
