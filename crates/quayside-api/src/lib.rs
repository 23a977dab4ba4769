//! The one surface the UI calls. Every command takes JSON arguments and answers JSON or an
//! [`ApiError`]; the Tauri crate only forwards `dispatch`, so all of it is tested without a window.

// Leaves: shared by the handler modules, importing none of them.
mod args;
mod error;
mod files;
mod guards;
mod reference;
mod renditions;
mod settings;
mod types;

// Handlers, one module per job; they import leaves only, never each other.
mod analysis;
mod app;
mod cases;
mod custody;
mod evidence;
mod export;
mod labels;
mod photos;
mod review;
mod sync;

// The command table over the handlers, and the TypeScript generated from it.
mod bindings;
mod commands;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use quayside_photos::Vault;
use quayside_store::{Clock, Store, SystemClock};
use quayside_sync::{SyncLoop, Timing};

pub use bindings::typescript_bindings;
pub use error::{ApiError, ErrorCode};
pub use files::ExportedFile;
pub use photos::{
    check_photos, AttachPhotoArgs, AttachResult, AttachStatus, VaultProblem, VaultReport,
};
pub use review::ReviewQueue;
pub use sync::{sync_timing, SignInArgs, SyncStatus};
pub use types::*;

/// Largest argument payload accepted, in bytes of JSON: far above any form field, far below harm.
/// A photo's bytes travel beside the arguments (`dispatch_with_bytes`), not in them.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;

pub struct Api {
    /// Shared with the sync thread, which takes the lock for each local step only.
    store: Arc<Mutex<Store>>,
    /// Originals by content hash, beside the database in the same data folder.
    vault: Arc<Vault>,
    /// Started by the app (`start_sync`); tests without it sync by hand (`sync_now`).
    sync: OnceLock<SyncLoop>,
    /// Where exports are written; `exports/` in the data folder unless the app sets another.
    exports: OnceLock<PathBuf>,
}

/// A fixed stand-in for the file key the vault is sealed with, until the API is handed the unlocked
/// session's key. The test kit's `fixtures::file_key()` is the same key.
// MERGE: the unlocked session's file key
pub fn placeholder_file_key() -> quayside_photos::FileKey {
    quayside_photos::FileKey::from_bytes([0x51; 32])
}

impl Api {
    pub fn open(data_dir: &Path) -> Result<Api, ApiError> {
        Api::open_with_clock(data_dir, Box::new(SystemClock))
    }

    pub fn open_with_clock(data_dir: &Path, clock: Box<dyn Clock>) -> Result<Api, ApiError> {
        let store = Store::open_with_clock(data_dir, clock)?;
        // MERGE: the unlocked session's file key
        let vault = Vault::open(data_dir, placeholder_file_key())
            .map_err(|e| ApiError::new(ErrorCode::StorageUnavailable, e.to_string()))?;
        Ok(Api {
            store: Arc::new(Mutex::new(store)),
            vault: Arc::new(vault),
            sync: OnceLock::new(),
            exports: OnceLock::new(),
        })
    }

    /// Sync in the background from now on: soon after each edit, on a timer, with backoff.
    pub fn start_sync(&self, timing: Timing) {
        self.sync.get_or_init(|| {
            SyncLoop::spawn(Arc::clone(&self.store), Arc::clone(&self.vault), timing)
        });
    }

    /// Write exports to `dir` (made when first needed). Only the first call counts.
    pub fn set_export_dir(&self, dir: PathBuf) {
        let _ = self.exports.set(dir);
    }

    /// A local change was saved: let the sync loop send it soon.
    fn nudge(&self) {
        if let Some(sync) = self.sync.get() {
            sync.nudge();
        }
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll back),
        // so a poisoned lock is still safe to use.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn now(&self) -> chrono::NaiveDateTime {
        self.store().now().naive_utc()
    }

    /// A case as the screens show it; most commands answer with it.
    fn view(&self, case_id: uuid::Uuid) -> Result<CaseView, ApiError> {
        let store = self.store();
        let (case, flags) = store.case(case_id)?;
        Ok(CaseView {
            case,
            flags,
            drafts: store.drafts(case_id)?,
            change_reason: store.change_reason(case_id)?,
        })
    }

    /// Run one command by name with its JSON arguments.
    pub fn dispatch(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, ApiError> {
        self.dispatch_with_bytes(command, args, &[])
    }

    /// Run a command that carries a file (`attach_photo`): its bytes travel raw beside the JSON
    /// arguments, so a 100 MB photo is neither base64-encoded nor parsed as JSON. Every other
    /// command refuses bytes.
    pub fn dispatch_with_bytes(
        &self,
        command: &str,
        args: serde_json::Value,
        bytes: &[u8],
    ) -> Result<serde_json::Value, ApiError> {
        // Counted on the encoded form: a string's escapes count, as they did on the wire.
        let size = serde_json::to_string(&args).map_or(usize::MAX, |s| s.len());
        if size > MAX_REQUEST_BYTES {
            return Err(ApiError::new(
                ErrorCode::InvalidRequest,
                format!("the request is {size} bytes; the limit is {MAX_REQUEST_BYTES}"),
            ));
        }
        commands::dispatch(self, command, args, bytes)
    }
}
