//! The one surface the UI calls. Every command takes JSON arguments and answers JSON or an
//! [`ApiError`]; the Tauri crate only forwards `dispatch`, so all of it is tested without a window.

// Leaves: shared by the handler modules, importing none of them.
mod args;
mod awake_time;
mod case_sheet;
mod error;
mod files;
mod guards;
mod reference;
mod renditions;
mod session;
mod settings;
mod system_login;
mod types;

// Handlers, one module per job; they import leaves only, never each other.
mod analyser;
mod analysis;
mod annotations;
mod app;
mod bag_labels;
mod cases;
mod control_list;
mod custody;
mod display;
mod documents;
mod entities;
mod evidence;
mod export;
mod language;
mod photos;
mod review;
mod sync;

// The command table over the handlers, and the TypeScript generated from it.
mod bindings;
mod commands;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

pub use quayside_keys::KdfCost;
use quayside_photos::Vault;
use quayside_store::{Clock, Store, SystemClock};
use quayside_sync::{SyncLoop, Timing};

pub use bindings::typescript_bindings;
pub use documents::AttachedDocument;
pub use error::{ApiError, ErrorCode};
pub use files::ExportedFile;
pub use photos::{
    check_photos, AttachPhotoArgs, AttachResult, AttachStatus, PickedPhoto, VaultProblem,
    VaultReport,
};
pub use quayside_domain::document::DocumentType;
pub use quayside_i18n::Message;
pub use review::ReviewQueue;
pub use session::{LockPhase, LockState, SetUpArgs, SetUpResult};
pub use sync::{sync_timing, SignInArgs, SyncStatus};
pub use types::*;

/// Largest argument payload accepted, in bytes of JSON: far above any form field, far below harm.
/// A photo's bytes travel beside the arguments (`dispatch_with_bytes`), not in them.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;

pub struct Api {
    data_dir: PathBuf,
    /// How hard new passphrase slots are to guess (`KdfCost::Interactive` in the app).
    kdf: KdfCost,
    /// The store's clock, until the first unlock opens the store with it.
    clock: Mutex<Option<Box<dyn Clock>>>,
    /// The store and vault, open from the first unlock until the app quits or the device is
    /// wiped; locking gates the commands, it does not close them (sync goes on while locked).
    opened: OnceLock<Opened>,
    /// Who is signed in, if anyone; the key slots; when they last did something.
    session: Mutex<session::Session>,
    /// The app's `--idle-lock-seconds`, overriding the setting.
    idle_override: OnceLock<u32>,
    /// Set by the app before the first unlock; the loop starts when the store opens.
    sync_timing: OnceLock<Timing>,
    /// Where exports are written; `exports/` in the data folder unless the app sets another.
    exports: OnceLock<PathBuf>,
    /// The folder of the fonts PDFs are set in, shipped with the app (`quayside_export::FONT_FILES`).
    fonts: OnceLock<PathBuf>,
}

/// What the first unlock opens.
pub(crate) struct Opened {
    /// Shared with the sync thread, which takes the lock for each local step only.
    store: Arc<Mutex<Store>>,
    /// Originals by content hash, beside the database in the same data folder.
    vault: Arc<Vault>,
    /// Started with the store when the app asked for it; tests without it sync by hand.
    /// Taken (and so stopped) when the device is wiped.
    sync: Mutex<Option<SyncLoop>>,
    /// Kept to add a person's key slot; SQLCipher holds the store's key in memory anyway.
    data_key: quayside_keys::DataKey,
}

impl Api {
    /// The app's API on `data_dir`, locked: nothing is read until a person unlocks it (or sets
    /// the device up, on first run).
    pub fn open(data_dir: &Path) -> Result<Api, ApiError> {
        Api::open_with(data_dir, Box::new(SystemClock), KdfCost::Interactive)
    }

    pub fn open_with(
        data_dir: &Path,
        clock: Box<dyn Clock>,
        kdf: KdfCost,
    ) -> Result<Api, ApiError> {
        let session = session::Session::load(data_dir)?;
        Ok(Api {
            data_dir: data_dir.to_path_buf(),
            kdf,
            clock: Mutex::new(Some(clock)),
            opened: OnceLock::new(),
            session: Mutex::new(session),
            idle_override: OnceLock::new(),
            sync_timing: OnceLock::new(),
            exports: OnceLock::new(),
            fonts: OnceLock::new(),
        })
    }

    /// Sync in the background from now on (from the first unlock if still locked): soon after
    /// each edit, on a timer, with backoff.
    pub fn start_sync(&self, timing: Timing) {
        let _ = self.sync_timing.set(timing);
        if let Some(opened) = self.opened.get() {
            opened.start_sync(timing);
        }
    }

    /// Write exports to `dir` (made when first needed). Only the first call counts.
    pub fn set_export_dir(&self, dir: PathBuf) {
        let _ = self.exports.set(dir);
    }

    /// Read the fonts of PDF exports from `dir` (the app's resources). Only the first call counts.
    pub fn set_font_dir(&self, dir: PathBuf) {
        let _ = self.fonts.set(dir);
    }

    /// The store and vault; commands reach this only through the unlock gate in `dispatch`.
    fn opened(&self) -> &Opened {
        self.opened
            .get()
            .expect("dispatch lets no store command through before the store is open")
    }

    fn vault(&self) -> &Vault {
        &self.opened().vault
    }

    fn shared_store(&self) -> &Arc<Mutex<Store>> {
        &self.opened().store
    }

    /// Run `f` on the background sync loop, if it runs.
    fn with_sync<R>(&self, f: impl FnOnce(&SyncLoop) -> R) -> Option<R> {
        let opened = self.opened.get()?;
        let sync = opened.sync.lock().unwrap_or_else(|p| p.into_inner());
        sync.as_ref().map(f)
    }

    /// A local change was saved: let the sync loop send it soon.
    fn nudge(&self) {
        self.with_sync(SyncLoop::nudge);
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll back),
        // so a poisoned lock is still safe to use.
        self.opened()
            .store
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    fn now(&self) -> chrono::NaiveDateTime {
        self.store().now().naive_utc()
    }

    /// A case as the screens show it; most commands answer with it.
    fn view(&self, case_id: uuid::Uuid) -> Result<CaseView, ApiError> {
        let store = self.store();
        let (case, flags) = store.case(case_id)?;
        Ok(CaseView {
            state: case.state(),
            control_list: control_list::CaseControlList {
                version: case.control_list.as_ref().map_or(1, |l| l.version),
                newest: store.control_list_version()?,
            },
            suggested_outcome: quayside_domain::flags::suggested_outcome(&flags),
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
                quayside_i18n::Message::new("error.request_too_large")
                    .number("size", size as f64)
                    .number("limit", MAX_REQUEST_BYTES as f64),
            ));
        }
        self.gate(command)?;
        commands::dispatch(self, command, args, bytes)
    }
}

impl Opened {
    fn start_sync(&self, timing: Timing) {
        let mut sync = self.sync.lock().unwrap_or_else(|p| p.into_inner());
        if sync.is_none() {
            *sync = Some(SyncLoop::spawn(
                Arc::clone(&self.store),
                Arc::clone(&self.vault),
                timing,
                |e| crate::error::sync_error(e).text,
            ));
        }
    }
}
