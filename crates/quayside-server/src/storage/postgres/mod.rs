//! The PostgreSQL backend: one database shared by several stateless server processes (see
//! docs/sync.md). A pool of connections (deadpool) over tokio-postgres; every connection has a
//! `statement_timeout` and an `idle_in_transaction_session_timeout`, so a stuck process cannot hold
//! a lock, or the pull fence, for long.
//!
//! This module owns the store's type and answers `ServerStore` by handing each call to the module
//! that owns its queries: `pool` (connecting, migrations), `url` (recognising and redacting database
//! URLs), `accounts`, `devices`, `push`, `pull` (the fence), `log` (the epoch and the log read whole),
//! `quarantine`, `photos`.

mod accounts;
mod devices;
mod log;
mod photos;
mod pool;
mod pull;
mod push;
mod quarantine;
mod url;

pub use url::{is_postgres_url, redact};

use async_trait::async_trait;
use deadpool_postgres::Pool;
use uuid::Uuid;

use crate::push::Checked;
use crate::storage::{
    Device, EnrollOutcome, Enrollment, LogHashes, LogPlace, NewUser, PhotoRef, PullPage, PullQuery,
    Pushed, Pusher, QuarantinedEvent, Result, RevokedDevice, ServerStore, StoreError, StoredEvent,
    TokenHolder, User,
};

pub struct PgStore {
    pool: Pool,
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> StoreError {
        StoreError::Backend(pg_text(&e))
    }
}

impl From<deadpool_postgres::PoolError> for StoreError {
    fn from(e: deadpool_postgres::PoolError) -> StoreError {
        match e {
            deadpool_postgres::PoolError::Backend(e) => e.into(),
            e => StoreError::Backend(format!("no database connection: {e}")),
        }
    }
}

/// The database's own message when there is one (tokio-postgres says only "db error").
pub(crate) fn pg_text(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        },
        None => {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(cause) = source {
                let words = cause.to_string();
                if !text.contains(&words) {
                    text = format!("{text}: {words}");
                }
                source = cause.source();
            }
            text
        }
    }
}

#[async_trait]
impl ServerStore for PgStore {
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
