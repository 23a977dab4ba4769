//! The PostgreSQL backend: one database shared by several stateless server processes (see
//! docs/sync.md). A pool of connections (deadpool) over tokio-postgres; every connection has a
//! `statement_timeout` and an `idle_in_transaction_session_timeout`, so a stuck process cannot hold
//! a lock, or the pull fence, for long.
//!
//! This module owns the store's type and answers `ServerStore` by handing each call to the module
//! that owns its queries: `pool` (connecting, migrations), `url` (recognising and redacting database
//! URLs), `accounts`, `devices`, `push`, `pull` (the fence), `log` (the epoch and the log read whole),
//! `quarantine`, `photos`, `entities` (the entity index, and counts of cases at other ports).

mod accounts;
mod control_lists;
mod devices;
mod entities;
mod log;
mod photos;
mod pool;
mod pull;
mod push;
mod quarantine;
mod url;

pub use url::{is_postgres_url, redact};

use deadpool_postgres::Pool;
use uuid::Uuid;

use crate::push::Checked;
use crate::storage::{
    Device, EnrollOutcome, Enrollment, LogHashes, LogPlace, NewUser, PhotoRef, PullPage, PullQuery,
    Pushed, Pusher, QuarantinedEvent, Result, RevokedDevice, StoreError, StoredEvent, TokenHolder,
    User,
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

// The trait is one call into the module that owns each concern; the same modules exist in
// `sqlite/`, so both backends share the mapping.
super::delegate_to_modules!(PgStore);
