//! The SQLite backend: one file (`server.sqlite3`, WAL, synchronous=FULL) in the data folder. One
//! writer connection behind a mutex, used from `spawn_blocking`, serialises writes, so a log `seq`
//! given inside a write transaction is commit order. Reads use their own connections (WAL lets them
//! run beside the writer).
//!
//! This module owns the store's type and answers `ServerStore` by handing each call to the module
//! that owns its queries: `connection` (opening, migrations, the reader and writer connections),
//! `accounts` (users, failed sign-ins), `devices` (enrollment, tokens, revocation), `push`, `pull`,
//! `log` (the epoch and the log read whole, for checkpoints and `verify`), `quarantine`, `photos`,
//! `entities` (the entity index, and counts of cases at other ports).

mod accounts;
mod connection;
mod control_lists;
mod devices;
mod entities;
mod log;
mod photos;
mod pull;
mod push;
mod quarantine;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;
use uuid::Uuid;

use crate::push::Checked;
use crate::storage::{
    Device, EnrollOutcome, Enrollment, LogHashes, LogPlace, NewUser, PhotoRef, PullPage, PullQuery,
    Pushed, Pusher, QuarantinedEvent, Result, RevokedDevice, StoreError, StoredEvent, TokenHolder,
    User,
};

pub struct SqliteStore {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    /// Turns to read: at most `MAX_READERS` connections at once.
    reading: tokio::sync::Semaphore,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Backend(e.to_string())
    }
}

// The trait is one call into the module that owns each concern; the same modules exist in
// `postgres/`, so both backends share the mapping.
super::delegate_to_modules!(SqliteStore);
