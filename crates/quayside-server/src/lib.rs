//! The Quayside sync server: accounts and enrolled devices, one shared log of signed events that
//! devices push to and pull from, and photo originals uploaded in resumable chunks.
//!
//! - `config`: what the server is started with.
//! - `test_support` (feature `test-support`, off by default): fault injection and test databases.
//! - `storage`: the `ServerStore` trait and its SQLite and PostgreSQL backends; `blobs`: photo
//!   bytes in files.
//! - `push`: deciding a pushed batch (backend-independent); `cursor`: the pull cursor.
//! - `publish_list`: an admin's control list checked, signed and kept for devices.
//! - `server_key`: the key that signs receipts, checkpoints and revocations; `log_cache`: the
//!   log's Merkle tree, derived from the store; `audit`: the `verify` command's checks.
//! - `auth`: bearer tokens, passwords, the sign-in lockout; `password_checks`: argon2 on workers
//!   of its own, a few at a time; `error`: the one error answer.
//! - `routes`: the HTTP handlers (`routes::meta` serves their OpenAPI document); `openapi`: the
//!   document's fixed part; `listen`: HTTP(S) serving.

pub mod audit;
pub mod auth;
pub mod blobs;
pub mod config;
pub mod connection_limit;
pub mod cursor;
pub mod error;
pub mod listen;
pub mod log_cache;
pub mod openapi;
pub mod password_checks;
pub mod private;
pub mod publish_list;
pub mod published;
pub mod push;
pub mod rate_limit;
pub mod routes;
pub mod server_key;
pub mod storage;
#[cfg(feature = "test-support")]
pub mod test_support;

use std::io;
use std::path::Path;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use quayside_protocol::MAX_BODY_BYTES;

use crate::blobs::{BlobStore, DirBlobStore};
use crate::log_cache::LogCache;
use crate::server_key::ServerKey;
use crate::storage::postgres::{is_postgres_url, redact};
use crate::storage::{PgStore, ServerStore, SqliteStore};

pub use crate::routes::meta::openapi;

/// What every handler shares. All durable state is in `store` and `blobs`; `key` is the server's
/// signing key (a file every process shares); `log` is this process's Merkle tree of the log,
/// derived from the store (see `log_cache`); `faults` (feature `test-support`) arms and counts this
/// process's fault injection.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn ServerStore>,
    pub blobs: Arc<dyn BlobStore>,
    pub key: Arc<ServerKey>,
    pub log: Arc<tokio::sync::Mutex<LogCache>>,
    /// Password checks, on workers of their own: anyone may send sign-ins, for any name.
    pub password_checks: Arc<password_checks::PasswordChecks>,
    /// How long a device's token stays valid without use (sliding: each use renews it).
    pub token_idle_lifetime: std::time::Duration,
    /// Requests without a token a client network may send a minute (`rate_limit`).
    pub unauthenticated_per_minute: u32,
    /// Bytes of unfinished uploads an account's devices may hold (`blobs::MAX_IN_PROGRESS_BYTES`).
    pub upload_quota_bytes: u64,
    #[cfg(feature = "test-support")]
    pub faults: Arc<test_support::fault::Faults>,
}

/// How many password checks run at once: one a core, at least two.
pub fn password_check_slots() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

/// The whole HTTP application over a store, a blob store and the server's key: what `serve`
/// runs, and what an in-process test or benchmark can drive without a socket.
pub fn router(
    store: Arc<dyn ServerStore>,
    blobs: Arc<dyn BlobStore>,
    key: Arc<ServerKey>,
) -> Router {
    router_over(AppState::new(store, blobs, key))
}

impl AppState {
    pub fn new(
        store: Arc<dyn ServerStore>,
        blobs: Arc<dyn BlobStore>,
        key: Arc<ServerKey>,
    ) -> AppState {
        AppState {
            store,
            blobs,
            key,
            log: Arc::new(tokio::sync::Mutex::new(LogCache::new())),
            password_checks: Arc::new(password_checks::PasswordChecks::start(
                password_check_slots(),
            )),
            token_idle_lifetime: auth::TOKEN_IDLE_LIFETIME,
            unauthenticated_per_minute: rate_limit::DEFAULT_PER_MINUTE,
            upload_quota_bytes: blobs::MAX_IN_PROGRESS_BYTES,
            #[cfg(feature = "test-support")]
            faults: Arc::default(),
        }
    }

    /// This state with `fault` armed.
    #[cfg(feature = "test-support")]
    pub fn with_fault(self, fault: test_support::fault::Fault) -> AppState {
        AppState {
            faults: Arc::new(test_support::fault::Faults::new(fault)),
            ..self
        }
    }
}

/// The HTTP application over a state that something else (the checkpoint publisher) shares.
pub fn router_over(state: AppState) -> Router {
    let limits = rate_limit::per_minute(state.unauthenticated_per_minute);
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(rate_limit::trim_forever(limits.clone()));
    }
    let (api, _document) = routes::api(&limits).split_for_parts();
    let limit = error::BodyLimit {
        bytes: MAX_BODY_BYTES,
        advice: "send fewer events per push (photo bytes go in chunks to /v1/photos)",
    };
    api.fallback(error::no_route)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            limit,
            error::refuse_oversized,
        ))
        .layer(axum::middleware::from_fn(error::uniform_errors))
        .layer(compression())
        .with_state(state)
}

/// zstd or gzip when the client accepts it, for JSON: photo originals (octet-stream) are already as
/// small as they get, and compressing them would only cost the server time. Level 3 (zstd's
/// default, gzip's fast end): a page of events compresses nearly as well as at gzip's 6 for a
/// fraction of the CPU.
fn compression(
) -> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{NotForContentType, Predicate};
    let predicate = tower_http::compression::DefaultPredicate::new()
        .and(NotForContentType::const_new("application/octet-stream"));
    tower_http::compression::CompressionLayer::new()
        .gzip(true)
        .zstd(true)
        .quality(tower_http::compression::CompressionLevel::Precise(3))
        .compress_when(predicate)
}

/// The SQLite store and the photo folder of a data folder, made on first use.
pub fn open_data_dir(dir: &Path) -> io::Result<(SqliteStore, DirBlobStore)> {
    private::create_dir_all(dir)?;
    let store = SqliteStore::open(&dir.join(config::DATABASE_FILE))
        .map_err(|e| io::Error::other(e.to_string()))?;
    let blobs = DirBlobStore::open(dir)?;
    Ok((store, blobs))
}

/// The store and the photo folder the server runs on: the PostgreSQL database `database` names
/// (postgres:// or postgresql://), or without one the SQLite file in `dir`. Photos are in `dir`
/// either way (several processes on one machine share it). The error is one line for a person,
/// naming the folder or the database (never its password).
pub async fn open_backend(
    database: Option<&str>,
    dir: &Path,
) -> Result<(Arc<dyn ServerStore>, DirBlobStore), String> {
    let database = database.map(str::trim).filter(|url| !url.is_empty());
    let Some(url) = database else {
        let (store, blobs) = open_data_dir(dir)
            .map_err(|e| format!("cannot open the data folder {}: {e}", dir.display()))?;
        return Ok((Arc::new(store), blobs));
    };
    if !is_postgres_url(url) {
        return Err(format!(
            "--database {}: not a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE); \
             leave it out to use SQLite in the data folder",
            redact(url)
        ));
    }
    let folder = |e: io::Error| format!("cannot open the data folder {}: {e}", dir.display());
    private::create_dir_all(dir).map_err(folder)?;
    let blobs = DirBlobStore::open(dir).map_err(folder)?;
    let store = PgStore::open(url).await.map_err(|e| match e {
        storage::StoreError::Backend(why) => why,
        e => e.to_string(),
    })?;
    Ok((Arc::new(store), blobs))
}

/// The time as stored and shown: RFC 3339 UTC with milliseconds.
pub fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Now in unix milliseconds.
pub fn unix_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_router_serves_in_process_over_any_store() {
        let dir = tempfile::tempdir().unwrap();
        let (store, blobs) = open_data_dir(dir.path()).unwrap();
        let key = Arc::new(ServerKey::ephemeral().unwrap());
        let app = router(Arc::new(store), Arc::new(blobs), key);
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let address = listener.local_addr().unwrap();
        runtime.spawn(async move { axum::serve(listener, app).await });

        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut document = agent
            .get(format!("http://{address}/v1/openapi.json"))
            .call()
            .unwrap();
        assert_eq!(document.status(), 200);
        let text = document.body_mut().read_to_string().unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            serde_json::to_value(openapi()).unwrap()
        );
        let mut sync = agent
            .get(format!("http://{address}/v1/sync"))
            .call()
            .unwrap();
        assert_eq!(sync.status(), 401);
        let body: quayside_protocol::ErrorBody =
            serde_json::from_str(&sync.body_mut().read_to_string().unwrap()).unwrap();
        assert_eq!(body.code, quayside_protocol::ErrorCode::Unauthorized);
    }
}
