//! The quarantine read for an admin (a push writes it, in `push`), and its unverified rows
//! counted and pruned.

use super::PgStore;
use crate::storage::shared::uuid;
use uuid::Uuid;

use crate::storage::{QuarantinedEvent, Result};

const COLUMNS: &str = "id, pushed_by, batch_index, event_id, device_id, device_seq, in_chain,
    reason, received_at, body, signature, verified, body_bytes, hash";

fn finish(row: &tokio_postgres::Row) -> Result<QuarantinedEvent> {
    let optional = |id: Option<&str>| id.map(uuid).transpose();
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
        verified: row.get(11),
        body_bytes: row.get::<_, Option<i64>>(12).map(|b| b as u64),
        hash: row.get(13),
    })
}

pub(super) async fn quarantine(store: &PgStore) -> Result<Vec<QuarantinedEvent>> {
    let client = store.client().await?;
    let rows = client
        .query(
            &format!("SELECT {COLUMNS} FROM quarantine ORDER BY id"),
            &[],
        )
        .await?;
    rows.iter().map(finish).collect()
}

pub(super) async fn junk_count(store: &PgStore, device: Uuid) -> Result<u64> {
    let client = store.client().await?;
    let row = client
        .query_one(
            "SELECT count(*) FROM quarantine WHERE pushed_by = $1 AND NOT verified",
            &[&device.to_string()],
        )
        .await?;
    Ok(row.get::<_, i64>(0) as u64)
}

pub(super) async fn prune_junk(store: &PgStore) -> Result<Vec<QuarantinedEvent>> {
    let client = store.client().await?;
    let rows = client
        .query(
            &format!("DELETE FROM quarantine WHERE NOT verified RETURNING {COLUMNS}"),
            &[],
        )
        .await?;
    let mut pruned: Vec<QuarantinedEvent> = rows.iter().map(finish).collect::<Result<_>>()?;
    pruned.sort_by_key(|q| q.id);
    Ok(pruned)
}
