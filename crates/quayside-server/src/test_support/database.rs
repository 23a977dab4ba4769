//! Test databases on a PostgreSQL server: each test or benchmark run makes a fresh, empty database
//! of its own and drops it when done.

use uuid::Uuid;

use crate::storage::postgres::{pg_text, redact};
use crate::storage::{Result, StoreError};
use tokio_postgres::NoTls;

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

/// Make a new database named `PREFIX_<random>` on the server of `base` holding a copy of the
/// database at `from` (which no one may be connected to: PostgreSQL copies only an idle template)
/// and give its URL: a backup, or a backup put back, of a stopped server's database.
pub async fn copy_database(base: &str, from: &str, prefix: &str) -> Result<String> {
    let name = format!("{prefix}_{}", Uuid::new_v4().simple());
    let template = database_name(from);
    // A server just stopped may still hold connections for a moment while they close.
    let mut tries = 0;
    loop {
        let copied = admin(
            base,
            &format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""),
        )
        .await;
        match copied {
            Ok(()) => return Ok(with_database(base, &name)),
            Err(e) if tries < 50 && e.to_string().contains("being accessed by other users") => {
                tries += 1;
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) => return Err(e),
        }
    }
}

/// The database name of `url`.
pub fn database_name(url: &str) -> &str {
    let before = url.split('?').next().unwrap_or(url);
    before.rsplit('/').next().unwrap_or(before)
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

/// `fresh_database` for code outside a runtime (a test's or benchmark's main thread).
pub fn fresh_database_blocking(base: &str, prefix: &str) -> String {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime starts")
        .block_on(fresh_database(base, prefix))
        .expect("the test database server makes a database")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://u@h:1/postgres?x=1", "t"),
            "postgres://u@h:1/t?x=1"
        );
        assert_eq!(with_database("postgres://u@h:1", "t"), "postgres://u@h:1/t");
        assert_eq!(database_name("postgres://u@h:1/db?x=1"), "db");
    }
}
