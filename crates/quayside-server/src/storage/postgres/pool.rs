//! Connecting: the pool of connections (deadpool), each with a `statement_timeout` and an
//! `idle_in_transaction_session_timeout`, and the migrations (numbered SQL files in
//! `migrations/postgres/`, applied in one transaction under an advisory lock, counted in
//! `schema_migrations`).

use std::str::FromStr;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

use super::url::redact;
use super::{pg_text, PgStore};
use crate::storage::shared::random_epoch;
use crate::storage::{Result, StoreError};

/// The last migration that made a table derived from the log (`case_entities`, then
/// `case_summaries`; numbered from 1): a database below it is indexed anew once migrated.
const DERIVED_TABLES_MIGRATION: i64 = 10;

const MIGRATIONS: &[&str] = &[
    include_str!("../../../migrations/postgres/0001_initial.sql"),
    include_str!("../../../migrations/postgres/0002_sign_out_and_wipe.sql"),
    include_str!("../../../migrations/postgres/0003_control_lists.sql"),
    include_str!("../../../migrations/postgres/0004_sign_in_failures_per_client.sql"),
    include_str!("../../../migrations/postgres/0005_token_expiry.sql"),
    include_str!("../../../migrations/postgres/0006_quarantine_junk.sql"),
    include_str!("../../../migrations/postgres/0007_events_by_hash.sql"),
    include_str!("../../../migrations/postgres/0008_device_people.sql"),
    include_str!("../../../migrations/postgres/0009_entity_index.sql"),
    include_str!("../../../migrations/postgres/0010_analysts.sql"),
];

/// Key of the advisory lock held while migrating ("quayside" in ASCII).
const MIGRATION_LOCK: i64 = 0x7175_6179_7369_6465;

/// No statement runs longer, and no transaction stays idle longer, than this.
const STATEMENT_TIMEOUT: &str = "30s";

const IDLE_IN_TRANSACTION_TIMEOUT: &str = "30s";

/// How long to wait for a connection to the database to open.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a request waits for a free connection of the pool.
const POOL_WAIT: Duration = Duration::from_secs(30);

const POOL_SIZE: usize = 16;

impl PgStore {
    /// Connect to the database at `url` (postgres://user:password@host:port/name), migrating it and
    /// making the epoch on first use. The error names the URL without its password.
    pub async fn open(url: &str) -> Result<PgStore> {
        let unusable = |why: String| {
            StoreError::Backend(format!(
                "the database {} cannot be used: {why}",
                redact(url)
            ))
        };
        let mut config = tokio_postgres::Config::from_str(url.trim())
            .map_err(|e| unusable(format!("the URL cannot be read: {}", pg_text(&e))))?;
        let options = format!(
            "-c statement_timeout={STATEMENT_TIMEOUT} \
             -c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT}"
        );
        let options = match config.get_options() {
            Some(given) if !given.trim().is_empty() => format!("{given} {options}"),
            _ => options,
        };
        config.options(options);
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("quayside-server");
        }
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .wait_timeout(Some(POOL_WAIT))
            .create_timeout(Some(CONNECT_TIMEOUT + Duration::from_secs(1)))
            .runtime(Runtime::Tokio1)
            .build()
            .map_err(|e| unusable(e.to_string()))?;
        let mut client = pool.get().await.map_err(|e| {
            unusable(match e {
                deadpool_postgres::PoolError::Backend(e) => pg_text(&e),
                e => e.to_string(),
            })
        })?;
        migrate(&mut client).await.map_err(unusable)?;
        drop(client);
        Ok(PgStore { pool })
    }

    pub(super) async fn client(&self) -> Result<deadpool_postgres::Client> {
        Ok(self.pool.get().await?)
    }

    /// Close every connection of the pool (a test drops its database afterwards).
    pub fn close(&self) {
        self.pool.close();
    }
}

/// Apply the migrations not applied yet, in one transaction, holding an advisory lock so that
/// servers starting at once take turns; make the epoch on first use.
async fn migrate(client: &mut deadpool_postgres::Client) -> std::result::Result<(), String> {
    let text = |e: tokio_postgres::Error| pg_text(&e);
    let tx = client.transaction().await.map_err(text)?;
    // A migration may take longer than a request may; "already exists, skipping" is no news.
    tx.batch_execute("SET LOCAL statement_timeout = 0; SET LOCAL client_min_messages = warning")
        .await
        .map_err(text)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await
        .map_err(text)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    BIGINT PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )
    .await
    .map_err(text)?;
    let applied: i64 = tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM schema_migrations",
            &[],
        )
        .await
        .map_err(text)?
        .get(0);
    if applied as usize > MIGRATIONS.len() {
        return Err(format!(
            "it was written by a newer quayside-server (schema {applied}, this one knows {}): \
             run the newer server",
            MIGRATIONS.len()
        ));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        let version = (index + 1) as i64;
        tx.batch_execute(sql)
            .await
            .map_err(|e| format!("migration {version} failed: {}", pg_text(&e)))?;
        tx.execute(
            "INSERT INTO schema_migrations (version) VALUES ($1)",
            &[&version],
        )
        .await
        .map_err(text)?;
        // The derived tables are filled for what the log already holds, once all are made.
        if version == MIGRATIONS.len() as i64 && applied < DERIVED_TABLES_MIGRATION {
            super::entities::reindex_all(&tx)
                .await
                .map_err(|e| e.to_string())?;
        }
    }
    let epoch = random_epoch().map_err(|e| e.to_string())?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING",
        &[&epoch],
    )
    .await
    .map_err(text)?;
    tx.commit().await.map_err(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::ServerStore;

    /// With `QUAYSIDE_TEST_DATABASE_URL` (a PostgreSQL server): migrations on a fresh database,
    /// two processes' worth of stores opening it at once, the append-only triggers and the epoch.
    #[cfg(feature = "test-support")]
    #[tokio::test]
    async fn migrations_apply_once_under_the_lock_and_the_log_is_append_only() {
        let Ok(base) = std::env::var("QUAYSIDE_TEST_DATABASE_URL") else {
            eprintln!("skipped: QUAYSIDE_TEST_DATABASE_URL is not set (a PostgreSQL server's URL)");
            return;
        };
        use crate::test_support::database::{drop_database, fresh_database};
        let url = fresh_database(&base, "quayside_unit").await.unwrap();
        let name = url.rsplit('/').next().unwrap().to_string();
        let outcome = async move {
            let (a, b) = tokio::join!(PgStore::open(&url), PgStore::open(&url));
            let (a, b) = (a.unwrap(), b.unwrap());
            let epoch = a.epoch().await.unwrap();
            assert_eq!(b.epoch().await.unwrap(), epoch);
            let client = a.client().await.unwrap();
            let versions: Vec<i64> = client
                .query(
                    "SELECT version FROM schema_migrations ORDER BY version",
                    &[],
                )
                .await
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect();
            assert_eq!(versions, (1..=MIGRATIONS.len() as i64).collect::<Vec<_>>());
            client
                .batch_execute(
                    "INSERT INTO users (username, password_hash, role, ports, created_at)
                       VALUES ('u', 'h', 'inspector', '{}', 'now');
                     INSERT INTO devices (id, public_key, name, username, token_hash, enrolled_at)
                       VALUES ('d', '\\x0000000000000000000000000000000000000000000000000000000000000000', 'n', 'u', 't', 'now');
                     INSERT INTO events (id, device_id, device_seq, case_id, body, signature, hash, received_at)
                       VALUES ('e', 'd', 1, 'c', '\\x00', decode(repeat('00', 64), 'hex'), 'h', 'now');",
                )
                .await
                .unwrap();
            for sql in [
                "UPDATE events SET body = '\\x01'",
                "DELETE FROM events",
                "TRUNCATE events",
            ] {
                let refused = client.batch_execute(sql).await.unwrap_err();
                assert!(pg_text(&refused).contains("append-only"), "{sql}");
            }
            drop(client);
            a.close();
            b.close();
            let again = PgStore::open(&url).await.unwrap();
            assert_eq!(again.epoch().await.unwrap(), epoch);
            let renewed = again.new_epoch().await.unwrap();
            assert_ne!(renewed, epoch);
            assert_eq!(again.epoch().await.unwrap(), renewed);
            again.close();
        };
        // Drop the database whatever happened, then report.
        let result = tokio::spawn(outcome).await;
        drop_database(&base, &name).await.unwrap();
        if let Err(e) = result {
            std::panic::resume_unwind(e.into_panic());
        }
    }
}
