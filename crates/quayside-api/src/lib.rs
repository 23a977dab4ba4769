//! The one surface the UI calls. Every command takes JSON arguments and answers JSON or an
//! [`ApiError`]; the Tauri crate only forwards `dispatch`, so all of it is tested without a window.

mod bindings;
mod commands;
mod error;
mod photos;
mod reference;
mod types;

use std::path::Path;
use std::sync::Mutex;

use quayside_photos::Vault;
use quayside_store::{Clock, Store, SystemClock};

pub use bindings::typescript_bindings;
pub use error::{ApiError, ErrorCode};
pub use photos::{check_photos, AttachResult, AttachStatus, VaultProblem, VaultReport};
pub use types::*;

/// Largest argument payload accepted, in bytes of JSON: far above any form field, far below harm.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;

pub struct Api {
    store: Mutex<Store>,
    /// Originals by content hash, beside the database in the same data folder.
    vault: Vault,
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
            store: Mutex::new(store),
            vault,
        })
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
