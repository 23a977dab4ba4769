//! Users and failed sign-ins: their rows and queries.

use rusqlite::{params, OptionalExtension, Row};

use super::SqliteStore;
use crate::storage::shared::{role_of, role_text};
use crate::storage::{NewUser, Result, StoreError, User};

pub(super) const USER_COLUMNS: &str =
    "username, password_hash, role, ports, created_at, revoked_at, personal_data";

pub(super) fn user_row(row: &Row) -> rusqlite::Result<User> {
    let role: String = row.get(2)?;
    let ports: String = row.get(3)?;
    Ok(User {
        username: row.get(0)?,
        password_hash: row.get(1)?,
        role: role_of(&role),
        ports: serde_json::from_str(&ports).unwrap_or_default(),
        created_at: row.get(4)?,
        revoked_at: row.get(5)?,
        personal_data: row.get(6)?,
    })
}

pub(super) async fn add_user(store: &SqliteStore, user: NewUser) -> Result<()> {
    store
        .write(move |tx| {
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
                "INSERT INTO users (username, password_hash, role, ports, created_at, personal_data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    user.username,
                    user.password_hash,
                    role_text(user.role)?,
                    serde_json::to_string(&user.ports).unwrap_or_default(),
                    user.now,
                    user.personal_data,
                ],
            )?;
            Ok(())
        })
        .await
}

pub(super) async fn user(store: &SqliteStore, username: &str) -> Result<Option<User>> {
    let username = username.to_string();
    store
        .read(move |tx| {
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

pub(super) async fn users(store: &SqliteStore) -> Result<Vec<User>> {
    store
        .read(|tx| {
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

pub(super) async fn revoke_user(store: &SqliteStore, username: &str, now: &str) -> Result<()> {
    let (username, now) = (username.to_string(), now.to_string());
    store
        .write(move |tx| {
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

pub(super) async fn login_failures(
    store: &SqliteStore,
    username: &str,
    client: &str,
    since_ms: i64,
) -> Result<Vec<i64>> {
    let (username, client) = (username.to_string(), client.to_string());
    store
        .read(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT at_ms FROM login_failures
                  WHERE username = ?1 AND client = ?2 AND at_ms >= ?3 ORDER BY at_ms",
            )?;
            let times = stmt
                .query_map(params![username, client, since_ms], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(times)
        })
        .await
}

pub(super) async fn record_login_failure(
    store: &SqliteStore,
    username: &str,
    client: &str,
    at_ms: i64,
    forget_before_ms: i64,
    keep: usize,
) -> Result<()> {
    let (username, client) = (username.to_string(), client.to_string());
    let keep = i64::try_from(keep).unwrap_or(i64::MAX);
    store
        .write(move |tx| {
            tx.execute(
                "DELETE FROM login_failures WHERE at_ms < ?1",
                [forget_before_ms],
            )?;
            tx.execute(
                "INSERT INTO login_failures (username, client, at_ms) VALUES (?1, ?2, ?3)",
                params![username, client, at_ms],
            )?;
            tx.execute(
                "DELETE FROM login_failures WHERE username = ?1 AND client = ?2 AND rowid NOT IN
                   (SELECT rowid FROM login_failures WHERE username = ?1 AND client = ?2
                     ORDER BY at_ms DESC, rowid DESC LIMIT ?3)",
                params![username, client, keep],
            )?;
            Ok(())
        })
        .await
}

pub(super) async fn clear_login_failures(
    store: &SqliteStore,
    username: &str,
    client: &str,
) -> Result<()> {
    let (username, client) = (username.to_string(), client.to_string());
    store
        .write(move |tx| {
            tx.execute(
                "DELETE FROM login_failures WHERE username = ?1 AND client = ?2",
                params![username, client],
            )?;
            Ok(())
        })
        .await
}
