//! What the log says of a photo: its size and the ports of the cases that reference it.

use super::SqliteStore;
use crate::storage::{PhotoRef, Result};

pub(super) async fn photo_ref(store: &SqliteStore, sha256: &str) -> Result<Option<PhotoRef>> {
    let sha256 = sha256.to_string();
    store
        .read(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT p.size, c.port FROM photo_refs p JOIN cases c ON c.case_id = p.case_id
              WHERE p.sha256 = ?1 ORDER BY p.rowid",
            )?;
            let rows = stmt
                .query_map([sha256], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let Some((size, _)) = rows.first() else {
                return Ok(None);
            };
            let mut ports: Vec<String> = rows.iter().map(|(_, port)| port.clone()).collect();
            ports.sort();
            ports.dedup();
            Ok(Some(PhotoRef {
                size: *size as u64,
                ports,
            }))
        })
        .await
}
