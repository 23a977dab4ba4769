//! The SQLite backend: one file (`server.sqlite3`, WAL, synchronous=FULL) in the data folder. One
//! writer connection behind a mutex, used from `spawn_blocking`, serialises writes, so a log `seq`
//! given inside a write transaction is commit order. Reads use their own connections (WAL lets them
//! run beside the writer).
//!
//! This module owns the store's type and answers `ServerStore` by handing each call to the module
//! that owns its queries: `connection` (opening, migrations, the reader and writer connections),
//! `accounts` (users, failed sign-ins), `devices` (enrollment, tokens, revocation), `push`, `pull`,
//! `log` (the epoch and the log read whole, for checkpoints and `verify`), `quarantine`, `photos`.

mod accounts;
mod connection;
mod devices;
mod log;
mod photos;
mod pull;
mod push;
mod quarantine;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use rusqlite::Connection;
use uuid::Uuid;

use crate::push::Checked;
use crate::storage::{
    Device, EnrollOutcome, Enrollment, LogHashes, LogPlace, NewUser, PhotoRef, PullPage, PullQuery,
    Pushed, Pusher, QuarantinedEvent, Result, RevokedDevice, ServerStore, StoreError, StoredEvent,
    TokenHolder, User,
};

pub struct SqliteStore {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Backend(e.to_string())
    }
}

#[async_trait]
impl ServerStore for SqliteStore {
    async fn epoch(&self) -> Result<String> {
        log::epoch(self).await
    }

    async fn new_epoch(&self) -> Result<String> {
        log::new_epoch(self).await
    }

    async fn add_user(&self, user: NewUser) -> Result<()> {
        accounts::add_user(self, user).await
    }

    async fn user(&self, username: &str) -> Result<Option<User>> {
        accounts::user(self, username).await
    }

    async fn users(&self) -> Result<Vec<User>> {
        accounts::users(self).await
    }

    async fn revoke_user(&self, username: &str, now: &str) -> Result<()> {
        accounts::revoke_user(self, username, now).await
    }

    async fn login_failures(&self, username: &str, since_ms: i64) -> Result<Vec<i64>> {
        accounts::login_failures(self, username, since_ms).await
    }

    async fn record_login_failure(
        &self,
        username: &str,
        at_ms: i64,
        forget_before_ms: i64,
    ) -> Result<()> {
        accounts::record_login_failure(self, username, at_ms, forget_before_ms).await
    }

    async fn clear_login_failures(&self, username: &str) -> Result<()> {
        accounts::clear_login_failures(self, username).await
    }

    async fn enroll(&self, e: Enrollment) -> Result<EnrollOutcome> {
        devices::enroll(self, e).await
    }

    async fn token_holder(&self, token_hash: &str) -> Result<Option<TokenHolder>> {
        devices::token_holder(self, token_hash).await
    }

    async fn devices(&self) -> Result<Vec<Device>> {
        devices::devices(self).await
    }

    async fn revoke_device(&self, device_id: Uuid, now: &str) -> Result<()> {
        devices::revoke_device(self, device_id, now).await
    }

    async fn push(&self, pusher: Pusher, batch: Vec<Checked>) -> Result<Pushed> {
        push::push(self, pusher, batch).await
    }

    async fn pull(&self, query: PullQuery) -> Result<PullPage> {
        pull::pull(self, query).await
    }

    async fn revoked_devices(&self) -> Result<Vec<RevokedDevice>> {
        devices::revoked_devices(self).await
    }

    async fn log_hashes(&self, after: LogPlace, limit: usize) -> Result<LogHashes> {
        log::log_hashes(self, after, limit).await
    }

    async fn log_count(&self, through: LogPlace) -> Result<u64> {
        log::log_count(self, through).await
    }

    async fn log_events(&self, after: LogPlace, limit: usize) -> Result<Vec<StoredEvent>> {
        log::log_events(self, after, limit).await
    }

    async fn quarantine(&self) -> Result<Vec<QuarantinedEvent>> {
        quarantine::quarantine(self).await
    }

    async fn photo_ref(&self, sha256: &str) -> Result<Option<PhotoRef>> {
        photos::photo_ref(self, sha256).await
    }
}
