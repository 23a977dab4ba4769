//! The quarantine read for an admin (a push writes it, in `push`), and its unverified rows
//! counted and pruned.

use super::SqliteStore;
use crate::storage::shared::uuid;
use uuid::Uuid;

use crate::storage::{QuarantinedEvent, Result};

const COLUMNS: &str = "id, pushed_by, batch_index, event_id, device_id, device_seq, in_chain,
    reason, received_at, body, signature, verified, body_bytes, hash";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        by: r.get(1)?,
        index: r.get(2)?,
        event: r.get(3)?,
        device: r.get(4)?,
        seq: r.get(5)?,
        in_chain: r.get(6)?,
        reason: r.get(7)?,
        at: r.get(8)?,
        body: r.get(9)?,
        signature: r.get(10)?,
        verified: r.get(11)?,
        body_bytes: r.get(12)?,
        hash: r.get(13)?,
    })
}

struct Row {
    id: i64,
    by: String,
    index: i64,
    event: Option<String>,
    device: Option<String>,
    seq: Option<i64>,
    in_chain: bool,
    reason: String,
    at: String,
    body: Vec<u8>,
    signature: String,
    verified: bool,
    body_bytes: Option<i64>,
    hash: String,
}

fn finish(r: Row) -> Result<QuarantinedEvent> {
    let optional = |id: Option<String>| id.map(|t| uuid(&t)).transpose();
    Ok(QuarantinedEvent {
        id: r.id as u64,
        pushed_by: uuid(&r.by)?,
        index: r.index as usize,
        event_id: optional(r.event)?,
        device_id: optional(r.device)?,
        device_seq: r.seq.map(|s| s as u64),
        in_chain: r.in_chain,
        reason: r.reason,
        received_at: r.at,
        body: String::from_utf8_lossy(&r.body).into_owned(),
        signature: r.signature,
        verified: r.verified,
        body_bytes: r.body_bytes.map(|b| b as u64),
        hash: r.hash,
    })
}

pub(super) async fn quarantine(store: &SqliteStore) -> Result<Vec<QuarantinedEvent>> {
    store
        .read(|tx| {
            let mut stmt = tx.prepare(&format!("SELECT {COLUMNS} FROM quarantine ORDER BY id"))?;
            let rows = stmt
                .query_map([], row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(finish).collect()
        })
        .await
}

pub(super) async fn junk_count(store: &SqliteStore, device: Uuid) -> Result<u64> {
    store
        .read(move |tx| {
            let count: i64 = tx.query_row(
                "SELECT count(*) FROM quarantine WHERE pushed_by = ?1 AND verified = 0",
                [device.to_string()],
                |r| r.get(0),
            )?;
            Ok(count as u64)
        })
        .await
}

pub(super) async fn prune_junk(store: &SqliteStore) -> Result<Vec<QuarantinedEvent>> {
    store
        .write(|tx| {
            let mut stmt = tx.prepare(&format!(
                "SELECT {COLUMNS} FROM quarantine WHERE verified = 0 ORDER BY id"
            ))?;
            let rows = stmt
                .query_map([], row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            tx.execute("DELETE FROM quarantine WHERE verified = 0", [])?;
            rows.into_iter().map(finish).collect()
        })
        .await
}
