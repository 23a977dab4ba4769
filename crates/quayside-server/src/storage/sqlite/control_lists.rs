//! Published control lists: each version once, above every version before it.

use rusqlite::OptionalExtension;

use super::SqliteStore;
use crate::storage::{PublishedList, Result, StoreError};

pub(super) async fn publish_control_list(store: &SqliteStore, list: PublishedList) -> Result<()> {
    store
        .write(move |tx| {
            let newest: Option<i64> = tx
                .query_row("SELECT max(version) FROM control_lists", [], |r| r.get(0))
                .optional()?
                .flatten();
            if let Some(newest) = newest.filter(|n| *n >= i64::from(list.version)) {
                return Err(StoreError::Conflict(not_above(list.version, newest)));
            }
            tx.execute(
                "INSERT INTO control_lists (version, statement, signature, published_at)
                 VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![
                    list.version,
                    list.statement,
                    list.signature,
                    list.published_at
                ],
            )?;
            Ok(())
        })
        .await
}

pub(super) async fn control_lists(
    store: &SqliteStore,
    after: u32,
    limit: usize,
) -> Result<Vec<PublishedList>> {
    store
        .read(move |tx| {
            let mut stmt = tx.prepare(
                "SELECT version, statement, signature, published_at FROM control_lists
                 WHERE version > ?1 ORDER BY version LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(
                    rusqlite::params![after, i64::try_from(limit).unwrap_or(i64::MAX)],
                    |r| {
                        Ok(PublishedList {
                            version: r.get(0)?,
                            statement: r.get(1)?,
                            signature: r.get(2)?,
                            published_at: r.get(3)?,
                        })
                    },
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .await
}

pub(super) async fn control_list_version(store: &SqliteStore) -> Result<u32> {
    store
        .read(|tx| {
            let newest: Option<u32> =
                tx.query_row("SELECT max(version) FROM control_lists", [], |r| r.get(0))?;
            Ok(newest.unwrap_or(0))
        })
        .await
}

pub(super) fn not_above(version: u32, newest: i64) -> String {
    format!(
        "control list version {version} is not above the newest published, {newest}: give the \
         new list a higher version"
    )
}
