//! The quarantine read for an admin (a push writes it, in `push`).

use super::SqliteStore;
use crate::storage::shared::uuid;
use crate::storage::{QuarantinedEvent, Result};

pub(super) async fn quarantine(store: &SqliteStore) -> Result<Vec<QuarantinedEvent>> {
    store
        .read(|tx| {
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
