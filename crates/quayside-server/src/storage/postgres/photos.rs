//! What the log says of a photo: its size and the ports of the cases that reference it.

use super::PgStore;
use crate::storage::{PhotoRef, Result};

pub(super) async fn photo_ref(store: &PgStore, sha256: &str) -> Result<Option<PhotoRef>> {
    let client = store.client().await?;
    let rows = client
        .query(
            "SELECT p.size, c.port FROM photo_refs p JOIN cases c ON c.case_id = p.case_id
              WHERE p.sha256 = $1 ORDER BY p.pos",
            &[&sha256],
        )
        .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let size = first.get::<_, i64>(0) as u64;
    let mut ports: Vec<String> = rows.iter().map(|row| row.get(1)).collect();
    ports.sort();
    ports.dedup();
    Ok(Some(PhotoRef { size, ports }))
}
