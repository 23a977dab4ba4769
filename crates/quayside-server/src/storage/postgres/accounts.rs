//! Users and failed sign-ins: their rows and queries (unique constraints, not a check before the
//! write, keep two processes from making one user twice).

use tokio_postgres::Row;

use super::PgStore;
use crate::storage::shared::{role_of, role_text};
use crate::storage::{NewUser, Result, StoreError, User};

pub(super) const USER_COLUMNS: &str =
    "u.username, u.password_hash, u.role, u.ports, u.created_at, u.revoked_at, u.personal_data";

/// A user from the seven `USER_COLUMNS` starting at column `at`.
pub(super) fn user_row(row: &Row, at: usize) -> User {
    let role: String = row.get(at + 2);
    User {
        username: row.get(at),
        password_hash: row.get(at + 1),
        role: role_of(&role),
        ports: row.get(at + 3),
        created_at: row.get(at + 4),
        revoked_at: row.get(at + 5),
        personal_data: row.get(at + 6),
    }
}

pub(super) async fn add_user(store: &PgStore, user: NewUser) -> Result<()> {
    let client = store.client().await?;
    let added = client
        .execute(
            "INSERT INTO users (username, password_hash, role, ports, created_at, personal_data)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (username) DO NOTHING",
            &[
                &user.username,
                &user.password_hash,
                &role_text(user.role)?,
                &user.ports,
                &user.now,
                &user.personal_data,
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

pub(super) async fn user(store: &PgStore, username: &str) -> Result<Option<User>> {
    let client = store.client().await?;
    let row = client
        .query_opt(
            &format!("SELECT {USER_COLUMNS} FROM users u WHERE u.username = $1"),
            &[&username],
        )
        .await?;
    Ok(row.map(|row| user_row(&row, 0)))
}

pub(super) async fn users(store: &PgStore) -> Result<Vec<User>> {
    let client = store.client().await?;
    let rows = client
        .query(
            &format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.username"),
            &[],
        )
        .await?;
    Ok(rows.iter().map(|row| user_row(row, 0)).collect())
}

pub(super) async fn revoke_user(store: &PgStore, username: &str, now: &str) -> Result<()> {
    let mut client = store.client().await?;
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

pub(super) async fn login_failures(
    store: &PgStore,
    username: &str,
    client: &str,
    since_ms: i64,
) -> Result<Vec<i64>> {
    let db = store.client().await?;
    let rows = db
        .query(
            "SELECT at_ms FROM login_failures
              WHERE username = $1 AND client = $2 AND at_ms >= $3 ORDER BY at_ms",
            &[&username, &client, &since_ms],
        )
        .await?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}

pub(super) async fn record_login_failure(
    store: &PgStore,
    username: &str,
    client: &str,
    at_ms: i64,
    forget_before_ms: i64,
    keep: usize,
) -> Result<()> {
    let keep = i64::try_from(keep).unwrap_or(i64::MAX);
    let mut db = store.client().await?;
    let tx = db.transaction().await?;
    tx.execute(
        "DELETE FROM login_failures WHERE at_ms < $1",
        &[&forget_before_ms],
    )
    .await?;
    tx.execute(
        "INSERT INTO login_failures (username, client, at_ms) VALUES ($1, $2, $3)",
        &[&username, &client, &at_ms],
    )
    .await?;
    tx.execute(
        "DELETE FROM login_failures WHERE username = $1 AND client = $2 AND ctid NOT IN
           (SELECT ctid FROM login_failures WHERE username = $1 AND client = $2
             ORDER BY at_ms DESC LIMIT $3)",
        &[&username, &client, &keep],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn clear_login_failures(
    store: &PgStore,
    username: &str,
    client: &str,
) -> Result<()> {
    let db = store.client().await?;
    db.execute(
        "DELETE FROM login_failures WHERE username = $1 AND client = $2",
        &[&username, &client],
    )
    .await?;
    Ok(())
}
