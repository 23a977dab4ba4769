//! The SQLite backend: one file (`server.sqlite3`, WAL, synchronous=FULL) in the data folder. One
//! writer connection behind a mutex, used from `spawn_blocking`, serialises writes, so a log `seq`
//! given inside a write transaction is commit order. Reads use their own connections (WAL lets them
//! run beside the writer). Migrations are numbered SQL files counted by `PRAGMA user_version`.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use async_trait::async_trait;
use quayside_domain::event::Role;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};
use uuid::Uuid;

use super::{
    Device, EnrollOutcome, Enrollment, LogHashes, LogPlace, LoggedEvent, NewUser, PhotoRef,
    PullPage, PullQuery, Pushed, Pusher, QuarantinedEvent, Result, RevokedDevice, ServerStore,
    StoreError, StoredEvent, TokenHolder, User,
};
use crate::push::{self, Checked, Facts, Held};

const MIGRATIONS: &[&str] = &[include_str!("../../migrations/0001_initial.sql")];
/// Idle read connections kept open.
const IDLE_READERS: usize = 4;

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

impl SqliteStore {
    /// Open (or make) the database `file`, migrating it and making the epoch on first use.
    pub fn open(file: &Path) -> Result<SqliteStore> {
        let unusable = |why: String| {
            StoreError::Backend(format!(
                "the database {} cannot be used: {why}",
                file.display()
            ))
        };
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| unusable(e.to_string()))?;
        }
        let mut conn = connect(file).map_err(|e| unusable(e.to_string()))?;
        migrate(&mut conn).map_err(unusable)?;
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', ?1)",
            [random_epoch()?],
        )?;
        Ok(SqliteStore {
            inner: Arc::new(Inner {
                path: file.to_path_buf(),
                writer: Mutex::new(conn),
                readers: Mutex::new(Vec::new()),
            }),
        })
    }

    /// Run `f` in a write transaction (IMMEDIATE: the write lock is taken at once) on the writer.
    async fn write<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> Result<T> + Send + 'static,
    {
        let inner = self.inner.clone();
        blocking(move || {
            let mut conn = lock(&inner.writer);
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })
        .await
    }

    /// Run `f` in a read transaction (one snapshot) on a reader connection.
    async fn read<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> Result<T> + Send + 'static,
    {
        let inner = self.inner.clone();
        blocking(move || {
            let idle = lock(&inner.readers).pop();
            let mut conn = match idle {
                Some(conn) => conn,
                None => connect(&inner.path)?,
            };
            let value = {
                let tx = conn.transaction()?;
                let value = f(&tx)?;
                tx.finish()?;
                value
            };
            let mut idle = lock(&inner.readers);
            if idle.len() < IDLE_READERS {
                idle.push(conn);
            }
            Ok(value)
        })
        .await
    }
}

async fn blocking<T, F>(f: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T> + Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StoreError::Backend(format!("a storage task failed: {e}")))?
}

/// A poisoned lock only means a panic happened while it was held; the connection's transaction
/// was rolled back when it dropped, so the connection is still good.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: a push that was answered survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> std::result::Result<(), String> {
    let applied = conn
        .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
        .map_err(|e| e.to_string())? as usize;
    if applied > MIGRATIONS.len() {
        return Err(format!(
            "it was written by a newer quayside-server (schema {applied}, this one knows {}): \
             run the newer server",
            MIGRATIONS.len()
        ));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| e.to_string())?;
        tx.execute_batch(sql)
            .map_err(|e| format!("migration {} failed: {e}", index + 1))?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)
            .map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn random_epoch() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Backend(e.to_string()))?;
    Ok(hex::encode(bytes))
}

pub(super) fn role_text(role: Role) -> Result<&'static str> {
    match role {
        Role::Inspector => Ok("inspector"),
        Role::Supervisor => Ok("supervisor"),
        Role::Admin => Ok("admin"),
        Role::Other => Err(StoreError::Conflict(
            "a user is an inspector, a supervisor or an admin".into(),
        )),
    }
}

pub(super) fn role_of(text: &str) -> Role {
    match text {
        "inspector" => Role::Inspector,
        "supervisor" => Role::Supervisor,
        "admin" => Role::Admin,
        _ => Role::Other,
    }
}

fn uuid(text: &str) -> Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| StoreError::Backend(format!("bad id {text:?} stored: {e}")))
}

const USER_COLUMNS: &str = "username, password_hash, role, ports, created_at, revoked_at";

fn user_row(row: &Row) -> rusqlite::Result<User> {
    let role: String = row.get(2)?;
    let ports: String = row.get(3)?;
    Ok(User {
        username: row.get(0)?,
        password_hash: row.get(1)?,
        role: role_of(&role),
        ports: serde_json::from_str(&ports).unwrap_or_default(),
        created_at: row.get(4)?,
        revoked_at: row.get(5)?,
    })
}

const DEVICE_COLUMNS: &str =
    "id, public_key, name, username, enrolled_at, revoked_at, head_seq, head_hash";

fn device_row(row: &Row) -> rusqlite::Result<(String, Vec<u8>, Device)> {
    let id: String = row.get(0)?;
    let key: Vec<u8> = row.get(1)?;
    let device = Device {
        id: Uuid::nil(),
        public_key: [0; 32],
        name: row.get(2)?,
        username: row.get(3)?,
        enrolled_at: row.get(4)?,
        revoked_at: row.get(5)?,
        head_seq: row.get::<_, i64>(6)? as u64,
        head_hash: row.get(7)?,
    };
    Ok((id, key, device))
}

fn finish_device((id, key, mut device): (String, Vec<u8>, Device)) -> Result<Device> {
    device.id = uuid(&id)?;
    device.public_key = key
        .try_into()
        .map_err(|_| StoreError::Backend(format!("device {id} has a key of the wrong length")))?;
    Ok(device)
}

/// Look up what `push::plan` needs, inside the push transaction.
fn facts(tx: &Transaction, device: Uuid, wanted: &push::Wanted) -> Result<Facts> {
    let (head_seq, head_hash): (i64, String) = tx.query_row(
        "SELECT head_seq, head_hash FROM devices WHERE id = ?1",
        [device.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut facts = Facts {
        head_seq: head_seq as u64,
        head_hash,
        ..Facts::default()
    };
    let held = |row: &Row| -> rusqlite::Result<(String, String, i64, String)> {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
    };
    let to_held = |(id, device_id, seq, hash): (String, String, i64, String)| -> Result<Held> {
        Ok(Held {
            id: uuid(&id)?,
            device_id: uuid(&device_id)?,
            device_seq: seq as u64,
            hash,
        })
    };
    let mut by_id = tx.prepare_cached(
        "SELECT id, device_id, device_seq, hash FROM events WHERE id = ?1
         UNION ALL
         SELECT event_id, device_id, device_seq, hash FROM quarantine
          WHERE event_id = ?1 AND in_chain = 1",
    )?;
    for id in &wanted.ids {
        if let Some(row) = by_id.query_row([id.to_string()], held).optional()? {
            facts.by_id.insert(*id, to_held(row)?);
        }
    }
    let mut by_seq = tx.prepare_cached(
        "SELECT id, device_id, device_seq, hash FROM events WHERE device_id = ?1 AND device_seq = ?2
         UNION ALL
         SELECT event_id, device_id, device_seq, hash FROM quarantine
          WHERE device_id = ?1 AND device_seq = ?2 AND in_chain = 1",
    )?;
    for seq in &wanted.seqs {
        let row = by_seq
            .query_row(params![device.to_string(), *seq as i64], held)
            .optional()?;
        if let Some(row) = row {
            facts.by_seq.insert(*seq, to_held(row)?);
        }
    }
    let mut case = tx.prepare_cached("SELECT port FROM cases WHERE case_id = ?1")?;
    for id in wanted.cases.iter().collect::<HashSet<_>>() {
        let port: Option<String> = case.query_row([id.to_string()], |r| r.get(0)).optional()?;
        if let Some(port) = port {
            facts.known_cases.insert(*id, port);
        }
    }
    Ok(facts)
}

fn store_plan(tx: &Transaction, pusher: &Pusher, plan: &push::Plan) -> Result<()> {
    let mut insert_event = tx.prepare_cached(
        "INSERT INTO events (id, device_id, device_seq, case_id, body, signature, hash, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for accepted in &plan.accepted {
        let event = &accepted.event;
        let body = &event.body;
        insert_event.execute(params![
            body.id.to_string(),
            body.device_id.to_string(),
            body.device_seq as i64,
            body.case_id.to_string(),
            event.bytes,
            event.signature.as_slice(),
            event.hash(),
            pusher.received_at,
        ])?;
        if let Some(port) = &accepted.opens_case {
            tx.execute(
                "INSERT INTO cases (case_id, port, opened_by_event) VALUES (?1, ?2, ?3)",
                params![body.case_id.to_string(), port, body.id.to_string()],
            )?;
        }
        if let Some((sha256, size)) = &accepted.photo {
            tx.execute(
                "INSERT OR IGNORE INTO photo_refs (sha256, case_id, size, event_id)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    sha256,
                    body.case_id.to_string(),
                    *size as i64,
                    body.id.to_string()
                ],
            )?;
        }
    }
    let mut set_aside = tx.prepare_cached(
        "INSERT OR IGNORE INTO quarantine (pushed_by, batch_index, event_id, device_id, device_seq,
             in_chain, body, signature, hash, reason, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for q in &plan.quarantined {
        set_aside.execute(params![
            pusher.device_id.to_string(),
            q.index as i64,
            q.event_id.map(|id| id.to_string()),
            q.device_id.map(|id| id.to_string()),
            q.device_seq.map(|s| s as i64),
            q.in_chain,
            q.raw.body,
            q.raw.signature,
            q.hash,
            q.reason,
            pusher.received_at,
        ])?;
    }
    tx.execute(
        "UPDATE devices SET head_seq = ?2, head_hash = ?3 WHERE id = ?1",
        params![
            pusher.device_id.to_string(),
            plan.head_seq as i64,
            plan.head_hash
        ],
    )?;
    Ok(())
}

fn epoch_in(tx: &Transaction) -> Result<String> {
    Ok(
        tx.query_row("SELECT value FROM meta WHERE key = 'epoch'", [], |r| {
            r.get(0)
        })?,
    )
}

fn pull_page(tx: &Transaction, query: &PullQuery) -> Result<PullPage> {
    let epoch = epoch_in(tx)?;
    let end: i64 = tx.query_row("SELECT coalesce(max(seq), 0) FROM events", [], |r| r.get(0))?;
    if let Some(given) = &query.epoch {
        if *given != epoch {
            return Err(StoreError::StaleCursor(
                "the cursor belongs to an earlier copy of the server's log (it was restored or \
                 reset): pull again from the start, without a cursor"
                    .into(),
            ));
        }
    }
    if query.after > end as u64 {
        return Err(StoreError::StaleCursor(format!(
            "the cursor points past the end of the server's log ({} > {end}): the log was restored \
             from an older backup; pull again from the start, without a cursor",
            query.after
        )));
    }
    let id_at = |seq: u64| -> Result<Option<String>> {
        Ok(tx
            .query_row("SELECT id FROM events WHERE seq = ?1", [seq as i64], |r| {
                r.get(0)
            })
            .optional()?)
    };
    if let Some(mark) = &query.mark {
        if query.after > 0 && id_at(query.after)?.as_ref() != Some(mark) {
            return Err(StoreError::StaleCursor(
                "another event stands at the cursor's place in the server's log: the log was \
                 restored from an older backup; pull again from the start, without a cursor"
                    .into(),
            ));
        }
    }
    let ports = query
        .ports
        .as_ref()
        .map(|p| serde_json::to_string(p).unwrap_or_default());
    let mut stmt = tx.prepare_cached(
        "SELECT e.seq, e.device_id, e.body, e.signature, d.public_key
           FROM events e
           JOIN cases c ON c.case_id = e.case_id
           JOIN devices d ON d.id = e.device_id
          WHERE e.seq > ?1 AND e.device_id <> ?2
            AND (?3 IS NULL OR c.port IN (SELECT value FROM json_each(?3)))
          ORDER BY e.seq
          LIMIT ?4",
    )?;
    let rows = stmt.query_map(
        params![
            query.after as i64,
            query.exclude_device.to_string(),
            ports,
            (query.limit + 1) as i64
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, Vec<u8>>(4)?,
            ))
        },
    )?;
    let mut events = Vec::new();
    let mut keys = BTreeMap::new();
    for row in rows {
        let (seq, device, body, signature, key) = row?;
        let device_id = uuid(&device)?;
        keys.entry(device_id).or_insert_with(|| hex::encode(&key));
        events.push(LoggedEvent {
            seq: seq as u64,
            device_id,
            body,
            signature: signature
                .try_into()
                .map_err(|_| StoreError::Backend(format!("event {seq} has a bad signature")))?,
        });
    }
    let more = events.len() > query.limit;
    events.truncate(query.limit);
    // Without more, everything up to the end of this snapshot was examined: the next pull starts
    // there, past the events this caller does not see.
    let last = match (more, events.last()) {
        (true, Some(e)) => e.seq,
        _ => end as u64,
    };
    let keys = super::keys_of_signers(&events, keys);
    let last = last.max(query.after);
    let last_mark = if last == 0 { None } else { id_at(last)? };
    Ok(PullPage {
        epoch,
        events,
        keys,
        last_xid: 0,
        last,
        last_mark,
        more,
    })
}

#[async_trait]
impl ServerStore for SqliteStore {
    async fn epoch(&self) -> Result<String> {
        self.read(epoch_in).await
    }

    async fn new_epoch(&self) -> Result<String> {
        let epoch = random_epoch()?;
        self.write(move |tx| {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('epoch', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [&epoch],
            )?;
            Ok(epoch)
        })
        .await
    }

    async fn add_user(&self, user: NewUser) -> Result<()> {
        self.write(move |tx| {
            let exists = tx.query_row(
                "SELECT count(*) FROM users WHERE username = ?1",
                [&user.username],
                |r| r.get::<_, i64>(0),
            )? > 0;
            if exists {
                return Err(StoreError::Conflict(format!(
                    "user {} exists already: pick another name (a revoked user's name is not \
                     given out again)",
                    user.username
                )));
            }
            tx.execute(
                "INSERT INTO users (username, password_hash, role, ports, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    user.username,
                    user.password_hash,
                    role_text(user.role)?,
                    serde_json::to_string(&user.ports).unwrap_or_default(),
                    user.now
                ],
            )?;
            Ok(())
        })
        .await
    }

    async fn user(&self, username: &str) -> Result<Option<User>> {
        let username = username.to_string();
        self.read(move |tx| {
            Ok(tx
                .query_row(
                    &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
                    [username],
                    user_row,
                )
                .optional()?)
        })
        .await
    }

    async fn users(&self) -> Result<Vec<User>> {
        self.read(|tx| {
            let mut stmt = tx.prepare(&format!(
                "SELECT {USER_COLUMNS} FROM users ORDER BY username"
            ))?;
            let users = stmt
                .query_map([], user_row)?
                .collect::<rusqlite::Result<_>>()?;
            Ok(users)
        })
        .await
    }

    async fn revoke_user(&self, username: &str, now: &str) -> Result<()> {
        let (username, now) = (username.to_string(), now.to_string());
        self.write(move |tx| {
            let changed = tx.execute(
                "UPDATE users SET revoked_at = coalesce(revoked_at, ?2) WHERE username = ?1",
                params![username, now],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!(
                    "there is no user {username}: `user list` shows the names"
                )));
            }
            Ok(())
        })
        .await
    }

    async fn login_failures(&self, username: &str, since_ms: i64) -> Result<Vec<i64>> {
        let username = username.to_string();
        self.read(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT at_ms FROM login_failures WHERE username = ?1 AND at_ms >= ?2 ORDER BY at_ms",
            )?;
            let times = stmt
                .query_map(params![username, since_ms], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(times)
        })
        .await
    }

    async fn record_login_failure(
        &self,
        username: &str,
        at_ms: i64,
        forget_before_ms: i64,
    ) -> Result<()> {
        let username = username.to_string();
        self.write(move |tx| {
            tx.execute(
                "DELETE FROM login_failures WHERE at_ms < ?1",
                [forget_before_ms],
            )?;
            tx.execute(
                "INSERT INTO login_failures (username, at_ms) VALUES (?1, ?2)",
                params![username, at_ms],
            )?;
            Ok(())
        })
        .await
    }

    async fn clear_login_failures(&self, username: &str) -> Result<()> {
        let username = username.to_string();
        self.write(move |tx| {
            tx.execute("DELETE FROM login_failures WHERE username = ?1", [username])?;
            Ok(())
        })
        .await
    }

    async fn enroll(&self, e: Enrollment) -> Result<EnrollOutcome> {
        self.write(move |tx| {
            let known: Option<(Vec<u8>, Option<String>, String)> = tx
                .query_row(
                    "SELECT public_key, revoked_at, username FROM devices WHERE id = ?1",
                    [e.device_id.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            match known {
                Some((_, Some(at), _)) => Ok(EnrollOutcome::Revoked { at }),
                Some((key, None, _)) if key != e.public_key => Ok(EnrollOutcome::KeyConflict),
                Some((_, None, username)) if username != e.username => {
                    Ok(EnrollOutcome::OtherUser { username })
                }
                Some(_) => {
                    // Same device, same key, same user: a new token replaces the old one.
                    tx.execute(
                        "UPDATE devices SET token_hash = ?2, name = ?3 WHERE id = ?1",
                        params![e.device_id.to_string(), e.token_hash, e.name],
                    )?;
                    Ok(EnrollOutcome::Enrolled)
                }
                None => {
                    tx.execute(
                        "INSERT INTO devices (id, public_key, name, username, token_hash, enrolled_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![
                            e.device_id.to_string(),
                            e.public_key.as_slice(),
                            e.name,
                            e.username,
                            e.token_hash,
                            e.now
                        ],
                    )?;
                    Ok(EnrollOutcome::Enrolled)
                }
            }
        })
        .await
    }

    async fn token_holder(&self, token_hash: &str) -> Result<Option<TokenHolder>> {
        let token_hash = token_hash.to_string();
        self.read(move |tx| {
            let device = tx
                .query_row(
                    &format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE token_hash = ?1"),
                    [token_hash],
                    device_row,
                )
                .optional()?;
            let Some(device) = device else {
                return Ok(None);
            };
            let device = finish_device(device)?;
            let user = tx.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
                [&device.username],
                user_row,
            )?;
            Ok(Some(TokenHolder { device, user }))
        })
        .await
    }

    async fn devices(&self) -> Result<Vec<Device>> {
        self.read(|tx| {
            let mut stmt = tx.prepare(&format!(
                "SELECT {DEVICE_COLUMNS} FROM devices ORDER BY enrolled_at, id"
            ))?;
            let rows = stmt
                .query_map([], device_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(finish_device).collect()
        })
        .await
    }

    async fn revoke_device(&self, device_id: Uuid, now: &str) -> Result<()> {
        let now = now.to_string();
        self.write(move |tx| {
            let changed = tx.execute(
                "UPDATE devices SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1",
                params![device_id.to_string(), now],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!(
                    "there is no device {device_id}: `device list` shows the ids"
                )));
            }
            Ok(())
        })
        .await
    }

    async fn push(&self, pusher: Pusher, batch: Vec<Checked>) -> Result<Pushed> {
        self.write(move |tx| {
            // The user's revocation too: a push in flight when the user was revoked stops here.
            let (device_revoked, user, user_revoked): (Option<String>, String, Option<String>) = tx
                .query_row(
                    "SELECT d.revoked_at, u.username, u.revoked_at
                       FROM devices d JOIN users u ON u.username = d.username
                      WHERE d.id = ?1",
                    [pusher.device_id.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?;
            if let Some(at) = device_revoked {
                return Err(StoreError::Revoked(format!(
                    "device {} was revoked on {at}: it can no longer sync; ask an admin",
                    pusher.device_id
                )));
            }
            if let Some(at) = user_revoked {
                return Err(StoreError::Revoked(format!(
                    "user {user} was revoked on {at}: this device can no longer sync; ask an admin"
                )));
            }
            let wanted = push::wanted(&batch);
            let facts = facts(tx, pusher.device_id, &wanted)?;
            let plan = push::plan(batch, facts, &pusher.rights);
            store_plan(tx, &pusher, &plan)?;
            let epoch = epoch_in(tx)?;
            if !pusher.hold_before_commit.is_zero() {
                std::thread::sleep(pusher.hold_before_commit);
            }
            Ok(Pushed {
                response: plan.response,
                epoch,
                head_hash: plan.head_hash,
            })
        })
        .await
    }

    async fn pull(&self, query: PullQuery) -> Result<PullPage> {
        self.read(move |tx| pull_page(tx, &query)).await
    }

    async fn revoked_devices(&self) -> Result<Vec<RevokedDevice>> {
        self.read(|tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT d.id, d.head_seq, d.revoked_at, u.revoked_at
                   FROM devices d JOIN users u ON u.username = d.username
                  WHERE d.revoked_at IS NOT NULL OR u.revoked_at IS NOT NULL
                  ORDER BY d.id",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|(id, head, device_at, user_at)| {
                    Ok(RevokedDevice {
                        device_id: uuid(&id)?,
                        last_valid_seq: head as u64,
                        revoked_at: super::earlier(device_at, user_at),
                    })
                })
                .collect()
        })
        .await
    }

    async fn log_hashes(&self, after: LogPlace, limit: usize) -> Result<LogHashes> {
        self.read(move |tx| {
            let epoch = epoch_in(tx)?;
            let at_after = match after.seq {
                0 => None,
                seq => tx
                    .query_row(
                        "SELECT hash FROM events WHERE seq = ?1",
                        [seq as i64],
                        |r| r.get(0),
                    )
                    .optional()?,
            };
            let mut stmt = tx.prepare_cached(
                "SELECT seq, hash FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(params![after.seq as i64, limit as i64], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let last = rows.last().map_or(after, |(seq, _)| LogPlace {
                xid: 0,
                seq: *seq as u64,
            });
            Ok(LogHashes {
                epoch,
                at_after,
                hashes: rows.into_iter().map(|(_, hash)| hash).collect(),
                last,
            })
        })
        .await
    }

    async fn log_count(&self, through: LogPlace) -> Result<u64> {
        self.read(move |tx| {
            Ok(tx.query_row(
                "SELECT count(*) FROM events WHERE seq <= ?1",
                [through.seq as i64],
                |r| r.get::<_, i64>(0),
            )? as u64)
        })
        .await
    }

    async fn log_events(&self, after: LogPlace, limit: usize) -> Result<Vec<StoredEvent>> {
        self.read(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT seq, id, device_id, device_seq, case_id, body, signature, hash
                   FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(params![after.seq as i64, limit as i64], |r| {
                    Ok(StoredEvent {
                        place: LogPlace {
                            xid: 0,
                            seq: r.get::<_, i64>(0)? as u64,
                        },
                        id: r.get(1)?,
                        device_id: r.get(2)?,
                        device_seq: r.get::<_, i64>(3)? as u64,
                        case_id: r.get(4)?,
                        body: r.get(5)?,
                        signature: r.get(6)?,
                        hash: r.get(7)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .await
    }

    async fn quarantine(&self) -> Result<Vec<QuarantinedEvent>> {
        self.read(|tx| {
            let mut stmt = tx.prepare(
                "SELECT id, pushed_by, batch_index, event_id, device_id, device_seq, in_chain,
                        reason, received_at, body, signature
                   FROM quarantine ORDER BY id",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                        r.get::<_, bool>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, String>(8)?,
                        r.get::<_, Vec<u8>>(9)?,
                        r.get::<_, String>(10)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let optional = |id: Option<String>| id.map(|t| uuid(&t)).transpose();
            rows.into_iter()
                .map(
                    |(id, by, index, event, device, seq, in_chain, reason, at, body, sig)| {
                        Ok(QuarantinedEvent {
                            id: id as u64,
                            pushed_by: uuid(&by)?,
                            index: index as usize,
                            event_id: optional(event)?,
                            device_id: optional(device)?,
                            device_seq: seq.map(|s| s as u64),
                            in_chain,
                            reason,
                            received_at: at,
                            body: String::from_utf8_lossy(&body).into_owned(),
                            signature: sig,
                        })
                    },
                )
                .collect()
        })
        .await
    }

    async fn photo_ref(&self, sha256: &str) -> Result<Option<PhotoRef>> {
        let sha256 = sha256.to_string();
        self.read(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT p.size, c.port FROM photo_refs p JOIN cases c ON c.case_id = p.case_id
                  WHERE p.sha256 = ?1 ORDER BY p.rowid",
            )?;
            let rows = stmt
                .query_map([sha256], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let Some((size, _)) = rows.first() else {
                return Ok(None);
            };
            let mut ports: Vec<String> = rows.iter().map(|(_, port)| port.clone()).collect();
            ports.sort();
            ports.dedup();
            Ok(Some(PhotoRef {
                size: *size as u64,
                ports,
            }))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_refuses_updates_and_deletes() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("s.sqlite3")).unwrap();
        let conn = lock(&store.inner.writer);
        conn.execute_batch(
            "INSERT INTO users VALUES ('u', 'h', 'inspector', '[]', 'now', NULL);
             INSERT INTO devices (id, public_key, name, username, token_hash, enrolled_at)
               VALUES ('d', zeroblob(32), 'n', 'u', 't', 'now');
             INSERT INTO events (id, device_id, device_seq, case_id, body, signature, hash, received_at)
               VALUES ('e', 'd', 1, 'c', x'00', zeroblob(64), 'h', 'now');",
        )
        .unwrap();
        let update = conn.execute("UPDATE events SET body = x'01'", []);
        assert!(update.unwrap_err().to_string().contains("append-only"));
        let delete = conn.execute("DELETE FROM events", []);
        assert!(delete.unwrap_err().to_string().contains("append-only"));
    }

    #[test]
    fn reopening_keeps_the_epoch_and_migrations_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.sqlite3");
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let first = rt
            .block_on(SqliteStore::open(&file).unwrap().epoch())
            .unwrap();
        let store = SqliteStore::open(&file).unwrap();
        assert_eq!(rt.block_on(store.epoch()).unwrap(), first);
        let version: i64 = lock(&store.inner.writer)
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
        let renewed = rt.block_on(store.new_epoch()).unwrap();
        assert_ne!(renewed, first);
        assert_eq!(rt.block_on(store.epoch()).unwrap(), renewed);
    }
}
