//! Published control lists: each version once, above every version before it. The insert checks
//! the newest version in the same statement, and the primary key settles two admins at once.

use super::PgStore;
use crate::storage::{PublishedList, Result, StoreError};

pub(super) async fn publish_control_list(store: &PgStore, list: PublishedList) -> Result<()> {
    let client = store.client().await?;
    let version = i64::from(list.version);
    let added = client
        .execute(
            "INSERT INTO control_lists (version, statement, signature, published_at)
             SELECT $1, $2, $3, $4
             WHERE NOT EXISTS (SELECT 1 FROM control_lists WHERE version >= $1)
             ON CONFLICT (version) DO NOTHING",
            &[
                &version,
                &list.statement,
                &list.signature,
                &list.published_at,
            ],
        )
        .await?;
    if added == 0 {
        let newest: Option<i64> = client
            .query_one("SELECT max(version) FROM control_lists", &[])
            .await?
            .get(0);
        return Err(StoreError::Conflict(format!(
            "control list version {} is not above the newest published, {}: give the new list a \
             higher version",
            list.version,
            newest.unwrap_or(version)
        )));
    }
    Ok(())
}

pub(super) async fn control_lists(
    store: &PgStore,
    after: u32,
    limit: usize,
) -> Result<Vec<PublishedList>> {
    let client = store.client().await?;
    let rows = client
        .query(
            "SELECT version, statement, signature, published_at FROM control_lists
             WHERE version > $1 ORDER BY version LIMIT $2",
            &[&i64::from(after), &i64::try_from(limit).unwrap_or(i64::MAX)],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|row| PublishedList {
            version: row.get::<_, i64>(0) as u32,
            statement: row.get(1),
            signature: row.get(2),
            published_at: row.get(3),
        })
        .collect())
}

pub(super) async fn control_list_version(store: &PgStore) -> Result<u32> {
    let client = store.client().await?;
    let newest: Option<i64> = client
        .query_one("SELECT max(version) FROM control_lists", &[])
        .await?
        .get(0);
    Ok(newest.unwrap_or(0) as u32)
}
