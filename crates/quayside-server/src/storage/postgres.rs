//! The PostgreSQL backend: one database shared by several stateless server processes (design.md,
//! "Scale"). A pool of connections (deadpool) over tokio-postgres; every connection has a
//! `statement_timeout` and an `idle_in_transaction_session_timeout`, so a stuck process cannot hold
//! a lock, or the pull fence, for long.
//!
//! - Migrations are the numbered SQL files in `migrations/postgres/`, applied in order in one
//!   transaction under an advisory lock (two processes starting at once do not race); the version
//!   is kept in `schema_migrations`.
//! - `push` is one short READ COMMITTED transaction that first locks the pushing device's row
//!   (`SELECT ... FOR UPDATE`), so pushes of one device run one after another, then runs
//!   `push::plan` on what it reads and writes the plan.
//! - `pull` reads in one REPEATABLE READ snapshot, in `(xid, seq)` order, only events whose writing
//!   transaction is older than every transaction still running (`pg_snapshot_xmin`): a sequence
//!   is not commit order with several writers, the fence is (design.md, "Sync").
//! - Accounts and enrollment rely on unique constraints (`ON CONFLICT`), not on a check before the
//!   write, so two processes cannot both create one user or one device.

use std::collections::{BTreeMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::{IsolationLevel, NoTls, Row, Transaction};
use uuid::Uuid;

use super::sqlite::{role_of, role_text};
use super::{
    Device, EnrollOutcome, Enrollment, LogHashes, LogPlace, LoggedEvent, NewUser, PhotoRef,
    PullPage, PullQuery, Pushed, Pusher, QuarantinedEvent, Result, RevokedDevice, ServerStore,
    StoreError, StoredEvent, TokenHolder, User,
};
use crate::push::{self, Checked, Facts, Held};

const MIGRATIONS: &[&str] = &[include_str!("../../migrations/postgres/0001_initial.sql")];
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
/// Longest a pull waits for the transactions running when it began to end (see `await_fence`).
const PULL_FENCE_WAIT: Duration = Duration::from_secs(2);

/// Does `url` name a PostgreSQL database (and so select this backend)?
pub fn is_postgres_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// `url` without its password (in the user part or a `password=` parameter), for messages and logs.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "(a database URL)".into();
    };
    let (before_query, query) = match rest.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (rest, None),
    };
    let before_query = match before_query.rfind('@') {
        Some(at) => {
            let user = before_query[..at].split(':').next().unwrap_or_default();
            format!("{user}@{}", &before_query[at + 1..])
        }
        None => before_query.to_string(),
    };
    let query = query
        .map(|q| {
            q.split('&')
                .filter(|kv| !kv.to_ascii_lowercase().starts_with("password="))
                .collect::<Vec<_>>()
                .join("&")
        })
        .filter(|q| !q.is_empty())
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    format!("{scheme}://{before_query}{query}")
}

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
fn pg_text(e: &tokio_postgres::Error) -> String {
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

    async fn client(&self) -> Result<deadpool_postgres::Client> {
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

fn random_epoch() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Backend(e.to_string()))?;
    Ok(hex::encode(bytes))
}

fn uuid(text: &str) -> Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| StoreError::Backend(format!("bad id {text:?} stored: {e}")))
}

const USER_COLUMNS: &str =
    "u.username, u.password_hash, u.role, u.ports, u.created_at, u.revoked_at";

/// A user from the six `USER_COLUMNS` starting at column `at`.
fn user_row(row: &Row, at: usize) -> User {
    let role: String = row.get(at + 2);
    User {
        username: row.get(at),
        password_hash: row.get(at + 1),
        role: role_of(&role),
        ports: row.get(at + 3),
        created_at: row.get(at + 4),
        revoked_at: row.get(at + 5),
    }
}

const DEVICE_COLUMNS: &str =
    "d.id, d.public_key, d.name, d.username, d.enrolled_at, d.revoked_at, d.head_seq, d.head_hash";

fn device_row(row: &Row) -> Result<Device> {
    let id: String = row.get(0);
    let key: Vec<u8> = row.get(1);
    Ok(Device {
        id: uuid(&id)?,
        public_key: key.try_into().map_err(|_| {
            StoreError::Backend(format!("device {id} has a key of the wrong length"))
        })?,
        name: row.get(2),
        username: row.get(3),
        enrolled_at: row.get(4),
        revoked_at: row.get(5),
        head_seq: row.get::<_, i64>(6) as u64,
        head_hash: row.get(7),
    })
}

/// Look up what `push::plan` needs, inside the push transaction (after the device's row is locked).
async fn facts(
    tx: &Transaction<'_>,
    device: Uuid,
    head: (u64, String),
    wanted: &push::Wanted,
) -> Result<Facts> {
    let mut facts = Facts {
        head_seq: head.0,
        head_hash: head.1,
        ..Facts::default()
    };
    let to_held = |row: &Row| -> Result<Held> {
        Ok(Held {
            id: uuid(row.get(0))?,
            device_id: uuid(row.get(1))?,
            device_seq: row.get::<_, i64>(2) as u64,
            hash: row.get(3),
        })
    };
    // The log first, as on SQLite: an event in both answers as the logged one.
    let ids: Vec<String> = wanted.ids.iter().map(Uuid::to_string).collect();
    let rows = tx
        .query(
            "SELECT id, device_id, device_seq, hash, 0 AS source FROM events WHERE id = ANY($1)
             UNION ALL
             SELECT event_id, device_id, device_seq, hash, 1 FROM quarantine
              WHERE event_id = ANY($1) AND in_chain
             ORDER BY source",
            &[&ids],
        )
        .await?;
    for row in &rows {
        let held = to_held(row)?;
        facts.by_id.entry(held.id).or_insert(held);
    }
    let seqs: Vec<i64> = wanted.seqs.iter().map(|s| *s as i64).collect();
    let rows = tx
        .query(
            "SELECT id, device_id, device_seq, hash, 0 AS source FROM events
              WHERE device_id = $1 AND device_seq = ANY($2)
             UNION ALL
             SELECT event_id, device_id, device_seq, hash, 1 FROM quarantine
              WHERE device_id = $1 AND device_seq = ANY($2) AND in_chain
             ORDER BY source",
            &[&device.to_string(), &seqs],
        )
        .await?;
    for row in &rows {
        let held = to_held(row)?;
        facts.by_seq.entry(held.device_seq).or_insert(held);
    }
    let cases: Vec<String> = wanted
        .cases
        .iter()
        .collect::<HashSet<_>>()
        .into_iter()
        .map(Uuid::to_string)
        .collect();
    for row in tx
        .query(
            "SELECT case_id, port FROM cases WHERE case_id = ANY($1)",
            &[&cases],
        )
        .await?
    {
        facts.known_cases.insert(uuid(row.get(0))?, row.get(1));
    }
    Ok(facts)
}

async fn store_plan(tx: &Transaction<'_>, pusher: &Pusher, plan: &push::Plan) -> Result<()> {
    let insert_event = tx
        .prepare(
            "INSERT INTO events (id, device_id, device_seq, case_id, body, signature, hash, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .await?;
    for accepted in &plan.accepted {
        let event = &accepted.event;
        let body = &event.body;
        tx.execute(
            &insert_event,
            &[
                &body.id.to_string(),
                &body.device_id.to_string(),
                &(body.device_seq as i64),
                &body.case_id.to_string(),
                &event.bytes,
                &event.signature.as_slice(),
                &event.hash(),
                &pusher.received_at,
            ],
        )
        .await?;
        if let Some(port) = &accepted.opens_case {
            tx.execute(
                "INSERT INTO cases (case_id, port, opened_by_event) VALUES ($1, $2, $3)",
                &[&body.case_id.to_string(), port, &body.id.to_string()],
            )
            .await?;
        }
        if let Some((sha256, size)) = &accepted.photo {
            tx.execute(
                "INSERT INTO photo_refs (sha256, case_id, size, event_id) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
                &[
                    sha256,
                    &body.case_id.to_string(),
                    &(*size as i64),
                    &body.id.to_string(),
                ],
            )
            .await?;
        }
    }
    if !plan.quarantined.is_empty() {
        let set_aside = tx
            .prepare(
                "INSERT INTO quarantine (pushed_by, batch_index, event_id, device_id, device_seq,
                     in_chain, body, signature, hash, reason, received_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                 ON CONFLICT DO NOTHING",
            )
            .await?;
        for q in &plan.quarantined {
            tx.execute(
                &set_aside,
                &[
                    &pusher.device_id.to_string(),
                    &(q.index as i64),
                    &q.event_id.map(|id| id.to_string()),
                    &q.device_id.map(|id| id.to_string()),
                    &q.device_seq.map(|s| s as i64),
                    &q.in_chain,
                    &q.raw.body,
                    &q.raw.signature,
                    &q.hash,
                    &q.reason,
                    &pusher.received_at,
                ],
            )
            .await?;
        }
    }
    tx.execute(
        "UPDATE devices SET head_seq = $2, head_hash = $3 WHERE id = $1",
        &[
            &pusher.device_id.to_string(),
            &(plan.head_seq as i64),
            &plan.head_hash,
        ],
    )
    .await?;
    Ok(())
}

fn stale(why: &str) -> StoreError {
    StoreError::StaleCursor(format!(
        "{why}: the log was restored from an older backup; pull again from the start, without a \
         cursor"
    ))
}

/// A log position in pull order: (transaction id, sequence).
type Place = (u64, u64);

async fn pull_page(tx: &Transaction<'_>, query: &PullQuery) -> Result<PullPage> {
    let epoch: String = tx
        .query_one("SELECT value FROM meta WHERE key = 'epoch'", &[])
        .await?
        .get(0);
    if let Some(given) = &query.epoch {
        if *given != epoch {
            return Err(StoreError::StaleCursor(
                "the cursor belongs to an earlier copy of the server's log (it was restored or \
                 reset): pull again from the start, without a cursor"
                    .into(),
            ));
        }
    }
    // The fence: every transaction with a lower id has ended, so no event below it can appear
    // any more; in this REPEATABLE READ snapshot, every committed one below it is visible.
    let row = tx
        .query_one(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
                    coalesce((SELECT max(seq) FROM events), 0)",
            &[],
        )
        .await?;
    let fence = row.get::<_, i64>(0) as u64;
    let end = row.get::<_, i64>(1) as u64;
    if query.after > end {
        return Err(stale(&format!(
            "the cursor points past the end of the server's log ({} > {end})",
            query.after
        )));
    }
    let mut from: Place = (query.after_xid, query.after);
    if query.after > 0 {
        let at = tx
            .query_opt(
                "SELECT id, xid::text::bigint FROM events WHERE seq = $1",
                &[&(query.after as i64)],
            )
            .await?
            .map(|row| (row.get::<_, String>(0), row.get::<_, i64>(1) as u64));
        if let Some(mark) = &query.mark {
            if at.as_ref().map(|(id, _)| id) != Some(mark) {
                return Err(stale(
                    "another event stands at the cursor's place in the server's log",
                ));
            }
        }
        if let Some((_, xid)) = at {
            match query.after_xid {
                // A cursor without the transaction id: take the one of the event at its place.
                0 => from.0 = xid,
                given if given != xid => {
                    return Err(stale(
                        "the event at the cursor's place was written by another transaction",
                    ))
                }
                _ => {}
            }
        }
        if from.0 >= fence {
            // The cursor's event was below the fence when it was given, and the fence only rises.
            return Err(stale(
                "the cursor is ahead of the server's transaction counter",
            ));
        }
    }
    let rows = tx
        .query(
            "SELECT e.xid::text::bigint, e.seq, e.id, e.device_id, e.body, e.signature, d.public_key
               FROM events e
               JOIN cases c ON c.case_id = e.case_id
               JOIN devices d ON d.id = e.device_id
              WHERE (e.xid, e.seq) > ($1::text::xid8, $2)
                AND e.xid < $3::text::xid8
                AND e.device_id <> $4
                AND ($5::text[] IS NULL OR c.port = ANY($5))
              ORDER BY e.xid, e.seq
              LIMIT $6",
            &[
                &from.0.to_string(),
                &(from.1 as i64),
                &fence.to_string(),
                &query.exclude_device.to_string(),
                &query.ports,
                &((query.limit + 1) as i64),
            ],
        )
        .await?;
    let mut events = Vec::new();
    let mut places = Vec::new();
    let mut keys = BTreeMap::new();
    for row in &rows {
        let seq = row.get::<_, i64>(1) as u64;
        let device_id = uuid(row.get(3))?;
        keys.entry(device_id)
            .or_insert_with(|| hex::encode(row.get::<_, Vec<u8>>(6)));
        let signature: Vec<u8> = row.get(5);
        events.push(LoggedEvent {
            seq,
            device_id,
            body: row.get(4),
            signature: signature
                .try_into()
                .map_err(|_| StoreError::Backend(format!("event {seq} has a bad signature")))?,
        });
        places.push(((row.get::<_, i64>(0) as u64, seq), row.get::<_, String>(2)));
    }
    let more = events.len() > query.limit;
    events.truncate(query.limit);
    places.truncate(query.limit);
    // Without more, everything up to the fence was examined: the next pull starts at the last
    // event below it, past the events this caller does not see, but never past one not yet visible.
    let last: Option<(Place, String)> = match (more, places.last()) {
        (true, Some(place)) => Some(place.clone()),
        _ => tx
            .query_opt(
                "SELECT xid::text::bigint, seq, id FROM events
                  WHERE xid < $1::text::xid8
                  ORDER BY xid DESC, seq DESC
                  LIMIT 1",
                &[&fence.to_string()],
            )
            .await?
            .map(|row| {
                (
                    (row.get::<_, i64>(0) as u64, row.get::<_, i64>(1) as u64),
                    row.get(2),
                )
            }),
    };
    let ((last_xid, last), last_mark) = match last {
        Some((place, id)) if place > from => (place, Some(id)),
        // Nothing new below the fence: stay where the cursor was.
        _ if from.1 == 0 => ((0, 0), None),
        _ => {
            let mark = match &query.mark {
                Some(mark) => Some(mark.clone()),
                None => tx
                    .query_opt("SELECT id FROM events WHERE seq = $1", &[&(from.1 as i64)])
                    .await?
                    .map(|row| row.get(0)),
            };
            (from, mark)
        }
    };
    let keys = super::keys_of_signers(&events, keys);
    Ok(PullPage {
        epoch,
        events,
        keys,
        last_xid,
        last,
        last_mark,
        more,
    })
}

/// Wait (at most `PULL_FENCE_WAIT`) until every transaction that was running when the pull began
/// has ended, so the fence is past every push acknowledged before it: a device that pulls right
/// after another's push was answered gets it. The fence is cluster-wide (`pg_snapshot_xmin`), so a
/// long transaction anywhere holds it down; then the pull goes on without waiting longer, and what
/// it leaves out comes with a later pull (the cursor skips nothing either way).
async fn await_fence(client: &deadpool_postgres::Client) -> Result<()> {
    let started = std::time::Instant::now();
    let fence = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
                        pg_snapshot_xmax(pg_current_snapshot())::text::bigint";
    let row = client.query_one(fence, &[]).await?;
    let (mut low, target): (i64, i64) = (row.get(0), row.get(1));
    let mut pause = Duration::from_millis(1);
    while low < target && started.elapsed() < PULL_FENCE_WAIT {
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(20));
        low = client.query_one(fence, &[]).await?.get(0);
    }
    Ok(())
}

#[async_trait]
impl ServerStore for PgStore {
    async fn epoch(&self) -> Result<String> {
        let client = self.client().await?;
        let row = client
            .query_one("SELECT value FROM meta WHERE key = 'epoch'", &[])
            .await?;
        Ok(row.get(0))
    }

    async fn new_epoch(&self) -> Result<String> {
        let epoch = random_epoch()?;
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO meta (key, value) VALUES ('epoch', $1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[&epoch],
            )
            .await?;
        Ok(epoch)
    }

    async fn add_user(&self, user: NewUser) -> Result<()> {
        let client = self.client().await?;
        let added = client
            .execute(
                "INSERT INTO users (username, password_hash, role, ports, created_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (username) DO NOTHING",
                &[
                    &user.username,
                    &user.password_hash,
                    &role_text(user.role)?,
                    &user.ports,
                    &user.now,
                ],
            )
            .await?;
        if added == 0 {
            return Err(StoreError::Conflict(format!(
                "user {} exists already: pick another name (a revoked user's name is not given \
                 out again)",
                user.username
            )));
        }
        Ok(())
    }

    async fn user(&self, username: &str) -> Result<Option<User>> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                &format!("SELECT {USER_COLUMNS} FROM users u WHERE u.username = $1"),
                &[&username],
            )
            .await?;
        Ok(row.map(|row| user_row(&row, 0)))
    }

    async fn users(&self) -> Result<Vec<User>> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.username"),
                &[],
            )
            .await?;
        Ok(rows.iter().map(|row| user_row(row, 0)).collect())
    }

    async fn revoke_user(&self, username: &str, now: &str) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // Wait for the pushes of the user's devices running now (they hold their device's row),
        // and make later ones wait for this: a revocation's last valid event is then final.
        tx.execute(
            "SELECT id FROM devices WHERE username = $1 ORDER BY id FOR UPDATE",
            &[&username],
        )
        .await?;
        let changed = tx
            .execute(
                "UPDATE users SET revoked_at = coalesce(revoked_at, $2) WHERE username = $1",
                &[&username, &now],
            )
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!(
                "there is no user {username}: `user list` shows the names"
            )));
        }
        tx.commit().await?;
        Ok(())
    }

    async fn login_failures(&self, username: &str, since_ms: i64) -> Result<Vec<i64>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT at_ms FROM login_failures WHERE username = $1 AND at_ms >= $2
                  ORDER BY at_ms",
                &[&username, &since_ms],
            )
            .await?;
        Ok(rows.iter().map(|row| row.get(0)).collect())
    }

    async fn record_login_failure(
        &self,
        username: &str,
        at_ms: i64,
        forget_before_ms: i64,
    ) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "DELETE FROM login_failures WHERE at_ms < $1",
            &[&forget_before_ms],
        )
        .await?;
        tx.execute(
            "INSERT INTO login_failures (username, at_ms) VALUES ($1, $2)",
            &[&username, &at_ms],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn clear_login_failures(&self, username: &str) -> Result<()> {
        let client = self.client().await?;
        client
            .execute(
                "DELETE FROM login_failures WHERE username = $1",
                &[&username],
            )
            .await?;
        Ok(())
    }

    async fn enroll(&self, e: Enrollment) -> Result<EnrollOutcome> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let device_id = e.device_id.to_string();
        // The unique id decides between two processes enrolling one device at once.
        let inserted = tx
            .execute(
                "INSERT INTO devices (id, public_key, name, username, token_hash, enrolled_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (id) DO NOTHING",
                &[
                    &device_id,
                    &e.public_key.as_slice(),
                    &e.name,
                    &e.username,
                    &e.token_hash,
                    &e.now,
                ],
            )
            .await?;
        if inserted == 1 {
            tx.commit().await?;
            return Ok(EnrollOutcome::Enrolled);
        }
        let row = tx
            .query_one(
                "SELECT public_key, revoked_at, username FROM devices WHERE id = $1 FOR UPDATE",
                &[&device_id],
            )
            .await?;
        let key: Vec<u8> = row.get(0);
        let revoked: Option<String> = row.get(1);
        let username: String = row.get(2);
        let outcome = match revoked {
            Some(at) => EnrollOutcome::Revoked { at },
            None if key != e.public_key => EnrollOutcome::KeyConflict,
            None if username != e.username => EnrollOutcome::OtherUser { username },
            None => {
                // Same device, same key, same user: a new token replaces the old one.
                tx.execute(
                    "UPDATE devices SET token_hash = $2, name = $3 WHERE id = $1",
                    &[&device_id, &e.token_hash, &e.name],
                )
                .await?;
                EnrollOutcome::Enrolled
            }
        };
        tx.commit().await?;
        Ok(outcome)
    }

    async fn token_holder(&self, token_hash: &str) -> Result<Option<TokenHolder>> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                &format!(
                    "SELECT {DEVICE_COLUMNS}, {USER_COLUMNS}
                       FROM devices d JOIN users u ON u.username = d.username
                      WHERE d.token_hash = $1"
                ),
                &[&token_hash],
            )
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(TokenHolder {
            device: device_row(&row)?,
            user: user_row(&row, 8),
        }))
    }

    async fn devices(&self) -> Result<Vec<Device>> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!("SELECT {DEVICE_COLUMNS} FROM devices d ORDER BY d.enrolled_at, d.id"),
                &[],
            )
            .await?;
        rows.iter().map(device_row).collect()
    }

    async fn revoke_device(&self, device_id: Uuid, now: &str) -> Result<()> {
        let client = self.client().await?;
        let changed = client
            .execute(
                "UPDATE devices SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1",
                &[&device_id.to_string(), &now],
            )
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!(
                "there is no device {device_id}: `device list` shows the ids"
            )));
        }
        Ok(())
    }

    async fn push(&self, pusher: Pusher, batch: Vec<Checked>) -> Result<Pushed> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // Pushes of one device wait here for each other; other devices' pushes run beside.
        let row = tx
            .query_opt(
                "SELECT revoked_at, head_seq, head_hash, username FROM devices WHERE id = $1
                    FOR UPDATE",
                &[&pusher.device_id.to_string()],
            )
            .await?
            .ok_or_else(|| {
                StoreError::Backend(format!("device {} is not enrolled", pusher.device_id))
            })?;
        if let Some(at) = row.get::<_, Option<String>>(0) {
            return Err(StoreError::Revoked(format!(
                "device {} was revoked on {at}: it can no longer sync; ask an admin",
                pusher.device_id
            )));
        }
        // The user's revocation, read after the device's row is locked (a statement of its own,
        // so it sees what committed while this push waited): `revoke_user` locks the user's
        // device rows first, so either it waits for this push, or this push sees it.
        let username: String = row.get(3);
        let user_revoked: Option<String> = tx
            .query_one(
                "SELECT revoked_at FROM users WHERE username = $1",
                &[&username],
            )
            .await?
            .get(0);
        if let Some(at) = user_revoked {
            return Err(StoreError::Revoked(format!(
                "user {username} was revoked on {at}: this device can no longer sync; ask an admin"
            )));
        }
        let head = (row.get::<_, i64>(1) as u64, row.get::<_, String>(2));
        let wanted = push::wanted(&batch);
        let facts = facts(&tx, pusher.device_id, head, &wanted).await?;
        let plan = push::plan(batch, facts, &pusher.rights);
        store_plan(&tx, &pusher, &plan).await?;
        let epoch: String = tx
            .query_one("SELECT value FROM meta WHERE key = 'epoch'", &[])
            .await?
            .get(0);
        if !pusher.hold_before_commit.is_zero() {
            tokio::time::sleep(pusher.hold_before_commit).await;
        }
        tx.commit().await?;
        Ok(Pushed {
            response: plan.response,
            epoch,
            head_hash: plan.head_hash,
        })
    }

    async fn pull(&self, query: PullQuery) -> Result<PullPage> {
        let mut client = self.client().await?;
        await_fence(&client).await?;
        let tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let page = pull_page(&tx, &query).await?;
        tx.commit().await?;
        Ok(page)
    }

    async fn revoked_devices(&self) -> Result<Vec<RevokedDevice>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT d.id, d.head_seq, d.revoked_at, u.revoked_at
                   FROM devices d JOIN users u ON u.username = d.username
                  WHERE d.revoked_at IS NOT NULL OR u.revoked_at IS NOT NULL
                  ORDER BY d.id",
                &[],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(RevokedDevice {
                    device_id: uuid(row.get(0))?,
                    last_valid_seq: row.get::<_, i64>(1) as u64,
                    revoked_at: super::earlier(row.get(2), row.get(3)),
                })
            })
            .collect()
    }

    async fn log_hashes(&self, after: LogPlace, limit: usize) -> Result<LogHashes> {
        let mut client = self.client().await?;
        // As pull does: wait for the pushes answered before this to end, so they are below the
        // fence and in the tree.
        await_fence(&client).await?;
        let tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let row = tx
            .query_one(
                "SELECT (SELECT value FROM meta WHERE key = 'epoch'),
                        pg_snapshot_xmin(pg_current_snapshot())::text",
                &[],
            )
            .await?;
        let (epoch, fence): (String, String) = (row.get(0), row.get(1));
        let at_after = match after.seq {
            0 => None,
            seq => tx
                .query_opt(
                    "SELECT hash FROM events WHERE seq = $1 AND xid = $2::text::xid8",
                    &[&(seq as i64), &after.xid.to_string()],
                )
                .await?
                .map(|row| row.get(0)),
        };
        let rows = tx
            .query(
                "SELECT xid::text::bigint, seq, hash FROM events
                  WHERE (xid, seq) > ($1::text::xid8, $2) AND xid < $3::text::xid8
                  ORDER BY xid, seq
                  LIMIT $4",
                &[
                    &after.xid.to_string(),
                    &(after.seq as i64),
                    &fence,
                    &(limit as i64),
                ],
            )
            .await?;
        tx.commit().await?;
        let last = rows.last().map_or(after, |row| LogPlace {
            xid: row.get::<_, i64>(0) as u64,
            seq: row.get::<_, i64>(1) as u64,
        });
        Ok(LogHashes {
            epoch,
            at_after,
            hashes: rows.iter().map(|row| row.get(2)).collect(),
            last,
        })
    }

    async fn log_count(&self, through: LogPlace) -> Result<u64> {
        let client = self.client().await?;
        let row = client
            .query_one(
                "SELECT count(*) FROM events WHERE (xid, seq) <= ($1::text::xid8, $2)",
                &[&through.xid.to_string(), &(through.seq as i64)],
            )
            .await?;
        Ok(row.get::<_, i64>(0) as u64)
    }

    async fn log_events(&self, after: LogPlace, limit: usize) -> Result<Vec<StoredEvent>> {
        let mut client = self.client().await?;
        await_fence(&client).await?;
        let tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let rows = tx
            .query(
                "SELECT xid::text::bigint, seq, id, device_id, device_seq, case_id, body,
                        signature, hash
                   FROM events
                  WHERE (xid, seq) > ($1::text::xid8, $2)
                    AND xid < pg_snapshot_xmin(pg_current_snapshot())
                  ORDER BY xid, seq
                  LIMIT $3",
                &[&after.xid.to_string(), &(after.seq as i64), &(limit as i64)],
            )
            .await?;
        tx.commit().await?;
        Ok(rows
            .iter()
            .map(|row| StoredEvent {
                place: LogPlace {
                    xid: row.get::<_, i64>(0) as u64,
                    seq: row.get::<_, i64>(1) as u64,
                },
                id: row.get(2),
                device_id: row.get(3),
                device_seq: row.get::<_, i64>(4) as u64,
                case_id: row.get(5),
                body: row.get(6),
                signature: row.get(7),
                hash: row.get(8),
            })
            .collect())
    }

    async fn quarantine(&self) -> Result<Vec<QuarantinedEvent>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT id, pushed_by, batch_index, event_id, device_id, device_seq, in_chain,
                        reason, received_at, body, signature
                   FROM quarantine ORDER BY id",
                &[],
            )
            .await?;
        let optional = |id: Option<&str>| id.map(uuid).transpose();
        rows.iter()
            .map(|row| {
                let body: Vec<u8> = row.get(9);
                Ok(QuarantinedEvent {
                    id: row.get::<_, i64>(0) as u64,
                    pushed_by: uuid(row.get(1))?,
                    index: row.get::<_, i64>(2) as usize,
                    event_id: optional(row.get(3))?,
                    device_id: optional(row.get(4))?,
                    device_seq: row.get::<_, Option<i64>>(5).map(|s| s as u64),
                    in_chain: row.get(6),
                    reason: row.get(7),
                    received_at: row.get(8),
                    body: String::from_utf8_lossy(&body).into_owned(),
                    signature: row.get(10),
                })
            })
            .collect()
    }

    async fn photo_ref(&self, sha256: &str) -> Result<Option<PhotoRef>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT p.size, c.port FROM photo_refs p JOIN cases c ON c.case_id = p.case_id
                  WHERE p.sha256 = $1 ORDER BY p.pos",
                &[&sha256],
            )
            .await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let size = first.get::<_, i64>(0) as u64;
        let mut ports: Vec<String> = rows.iter().map(|row| row.get(1)).collect();
        ports.sort();
        ports.dedup();
        Ok(Some(PhotoRef { size, ports }))
    }
}

/// Make the database `name` on the server of `url` (a test harness's fresh database).
pub async fn create_database(url: &str, name: &str) -> Result<()> {
    admin(url, &format!("CREATE DATABASE \"{name}\"")).await
}

/// Drop the database `name` on the server of `url`, closing its connections first.
pub async fn drop_database(url: &str, name: &str) -> Result<()> {
    admin(
        url,
        &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
    )
    .await
}

async fn admin(url: &str, sql: &str) -> Result<()> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await.map_err(|e| {
        StoreError::Backend(format!(
            "the database {} cannot be used: {}",
            redact(url),
            pg_text(&e)
        ))
    })?;
    let task = tokio::spawn(connection);
    let done = client.batch_execute(sql).await;
    drop(client);
    let _ = task.await;
    Ok(done?)
}

/// Make a new, empty database named `PREFIX_<random>` on the server of `base` and give its URL:
/// each test or benchmark run gets a database of its own.
pub async fn fresh_database(base: &str, prefix: &str) -> Result<String> {
    let name = format!("{prefix}_{}", Uuid::new_v4().simple());
    create_database(base, &name).await?;
    Ok(with_database(base, &name))
}

/// `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (before, query) = match url.split_once('?') {
        Some((before, query)) => (before, format!("?{query}")),
        None => (url, String::new()),
    };
    let scheme_end = before.find("://").map_or(0, |i| i + 3);
    let base = match before[scheme_end..].find('/') {
        Some(slash) => &before[..scheme_end + slash],
        None => before,
    };
    format!("{base}/{name}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_recognised_and_shown_without_their_password() {
        assert!(is_postgres_url("postgres://u@h/db"));
        assert!(is_postgres_url("postgresql://u@h/db"));
        assert!(!is_postgres_url("/var/lib/quayside"));
        assert!(!is_postgres_url("sqlite:///x"));
        assert_eq!(
            redact("postgres://quay:s3cr%40t@db.example:5432/quayside"),
            "postgres://quay@db.example:5432/quayside"
        );
        assert_eq!(
            redact("postgres://quay:p@ss/word@db:5432/q?sslmode=disable&password=x"),
            "postgres://quay@db:5432/q?sslmode=disable"
        );
        assert_eq!(redact("postgres://h/db?password=x"), "postgres://h/db");
        assert_eq!(
            with_database("postgres://u@h:1/postgres?x=1", "t"),
            "postgres://u@h:1/t?x=1"
        );
        assert_eq!(with_database("postgres://u@h:1", "t"), "postgres://u@h:1/t");
    }

    /// With `QUAYSIDE_TEST_DATABASE_URL` (a PostgreSQL server): migrations on a fresh database,
    /// two processes' worth of stores opening it at once, the append-only triggers and the epoch.
    #[tokio::test]
    async fn migrations_apply_once_under_the_lock_and_the_log_is_append_only() {
        let Ok(base) = std::env::var("QUAYSIDE_TEST_DATABASE_URL") else {
            eprintln!("skipped: QUAYSIDE_TEST_DATABASE_URL is not set (a PostgreSQL server's URL)");
            return;
        };
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
                    "INSERT INTO users VALUES ('u', 'h', 'inspector', '{}', 'now', NULL);
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
