//! The sync client. [`sign_in`] enrolls this device with a server; [`sync_once`] pushes this
//! device's events and photos and pulls everyone else's that this user may see; [`SyncLoop`] runs it
//! on its own thread with backoff. Nothing here touches the UI; `quayside-api` exposes it.
//!
//! Modules, bottom up, each importing only those below it: `error`; `settings` (what the client
//! keeps in the store's settings); `tls` (the pinned server key under HTTPS); `http` (the
//! transport); `evidence` (what the server signs,
//! checked and kept); `config` (signing in and out) and `status` (counts the app shows); `seen`
//! (how many cases at other ports name an entity, asked of the server); `run`
//! (one sync); `background` (the loop).

mod background;
mod config;
mod error;
mod evidence;
mod http;
mod run;
mod seen;
mod settings;
mod status;
mod summaries;
mod tls;

pub use background::{backoff, LoopState, SyncLoop, Timing};
pub use config::{
    confirm_wipe, confirm_wipe_over, last_server, prepare_wipe, revocation_pending, revoked,
    sign_in, sign_in_over, sign_in_person, sign_out, signed_in, trust, PreparedWipe, SignedIn,
};
pub use error::SyncError;
pub use evidence::{
    fingerprint, ALERT_BAD_STATEMENT, ALERT_DEVICE_KEY_MISMATCH, ALERT_EPOCH_MISMATCH,
    ALERT_LOG_INCONSISTENT, ALERT_NEW_EPOCH, ALERT_SERVER_CHANGED, ALERT_SERVER_KEY_CHANGED,
};
pub use http::{server_address, Answer, Failure, Http, Method, Remote, Request, Transport, Trust};
pub use run::{sync_once, sync_over, Phase, Progress, SyncReport};
pub use seen::seen_at_other_ports;
pub use settings::CA_FILE;
pub use status::{events_acknowledged_unproven, events_unproven, events_waiting, server_epoch};
pub use tls::spki_sha256;
