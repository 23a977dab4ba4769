//! The quarantine read for an admin (a push writes it, in `push`).

use super::PgStore;
use crate::storage::shared::uuid;
use crate::storage::{QuarantinedEvent, Result};

pub(super) async fn quarantine(store: &PgStore) -> Result<Vec<QuarantinedEvent>> {
    let client = store.client().await?;
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
