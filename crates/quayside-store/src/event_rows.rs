//! The rows of the `events` table, the log itself: storing a signed event exactly as signed, and
//! reading a case's events back in fold order. A leaf: appending (`log`), taking in (`replicate`),
//! folding (`projection`) and evidence all go through it.

use quayside_domain::event::SignedEvent;
use rusqlite::{params, Connection};
use uuid::Uuid;

use crate::error::Result;

/// An event row as the log holds it.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub id: String,
    pub case_id: String,
    pub device_id: String,
    pub device_seq: i64,
    pub hlc: i64,
    pub received_at: String,
    pub bytes: Vec<u8>,
    pub signature: Vec<u8>,
}

/// Store `event` as received at `received_at`, with the columns lookups need beside its bytes.
pub(crate) fn insert_event(
    conn: &Connection,
    event: &SignedEvent,
    received_at: &str,
) -> Result<()> {
    let b = &event.body;
    conn.prepare_cached(
        "INSERT INTO events (id, case_id, device_id, device_seq, hlc, kind, body, signature, hash, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
            b.id.to_string(),
            b.case_id.to_string(),
            b.device_id.to_string(),
            b.device_seq as i64,
            b.hlc.0 as i64,
            b.payload.kind(),
            event.bytes,
            event.signature.as_slice(),
            event.hash(),
            received_at,
        ])?;
    Ok(())
}

/// The events of one case in fold order: (hlc, device, sequence).
pub(crate) fn case_events(conn: &Connection, case_id: Uuid) -> Result<Vec<StoredEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, case_id, device_id, device_seq, hlc, received_at, body, signature FROM events
         WHERE case_id = ?1 ORDER BY hlc, device_id, device_seq",
    )?;
    let rows = stmt.query_map([case_id.to_string()], |r| {
        Ok(StoredEvent {
            id: r.get(0)?,
            case_id: r.get(1)?,
            device_id: r.get(2)?,
            device_seq: r.get(3)?,
            hlc: r.get(4)?,
            received_at: r.get(5)?,
            bytes: r.get(6)?,
            signature: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
