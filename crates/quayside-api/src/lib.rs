//! The one surface the UI calls. Every command takes JSON arguments and answers JSON or an
//! [`ApiError`]; the Tauri crate only forwards `dispatch`, so all of it is tested without a window.

mod analysis;
mod bindings;
mod commands;
mod custody;
mod error;
mod evidence;
mod export;
mod labels;
mod photos;
mod reference;
mod review;
mod sync;
mod types;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use quayside_photos::Vault;
use quayside_store::{Clock, Store, SystemClock};
use quayside_sync::{SyncLoop, Timing};

pub use bindings::typescript_bindings;
pub use error::{ApiError, ErrorCode};
pub use export::ExportedFile;
pub use photos::{check_photos, AttachResult, AttachStatus, VaultProblem, VaultReport};
pub use review::ReviewQueue;
pub use sync::{sync_timing, SignInArgs, SyncStatus};
pub use types::*;

/// Largest argument payload accepted, in bytes of JSON: far above any form field, far below harm.
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

impl Api {
    pub fn open(data_dir: &Path) -> Result<Api, ApiError> {
        Api::open_with_clock(data_dir, Box::new(SystemClock))
    }

    pub fn open_with_clock(data_dir: &Path, clock: Box<dyn Clock>) -> Result<Api, ApiError> {
        let store = Store::open_with_clock(data_dir, clock)?;
        let vault = Vault::open(data_dir)
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

    /// Run one command by name with its JSON arguments.
    pub fn dispatch(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, ApiError> {
        let size = serde_json::to_vec(&args)
            .map(|v| v.len())
            .unwrap_or(usize::MAX);
        if size > MAX_REQUEST_BYTES {
            return Err(ApiError::new(
                ErrorCode::InvalidRequest,
                format!("the request is {size} bytes; the limit is {MAX_REQUEST_BYTES}"),
            ));
        }
        commands::dispatch(self, command, args)
    }
}
