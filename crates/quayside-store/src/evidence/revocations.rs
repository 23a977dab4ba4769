//! Revoked devices (lost, stolen): the `revocations` table, which this module alone writes. A
//! revoked device's events after its last valid sequence are set aside when taken in.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

use crate::columns::to_i64;
use crate::device::parse_uuid;
use crate::error::Result;
use crate::store::Store;

/// A revoked device: its events after `last_valid_seq` are not taken in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revoked {
    pub device_id: Uuid,
    pub last_valid_seq: u64,
    pub revoked_at: String,
    /// The signed revocation it came from (a `server_statements` id), if it came from the server.
    pub statement: Option<i64>,
}

/// The revocation of `device_id`, if it was revoked: (last valid sequence, revoked at).
pub(crate) fn revocation(conn: &Connection, device_id: &str) -> Result<Option<(u64, String)>> {
    Ok(conn
        .prepare_cached("SELECT last_valid_seq, revoked_at FROM revocations WHERE device_id = ?1")?
        .query_row([device_id], |r| {
            Ok((r.get::<_, i64>(0)?.max(0) as u64, r.get(1)?))
        })
        .optional()?)
}

impl Store {
    /// Record that `device_id` was revoked: its events after `last_valid_seq` are set aside from
    /// now on. Recording it again changes nothing, except that a lower `last_valid_seq` wins.
    pub fn add_revocation(
        &self,
        device_id: Uuid,
        last_valid_seq: u64,
        revoked_at: &str,
        statement: Option<i64>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO revocations (device_id, last_valid_seq, revoked_at, statement)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (device_id) DO UPDATE SET
               last_valid_seq = excluded.last_valid_seq, revoked_at = excluded.revoked_at,
               statement = excluded.statement
             WHERE excluded.last_valid_seq < revocations.last_valid_seq",
            params![
                device_id.to_string(),
                to_i64(last_valid_seq),
                revoked_at,
                statement
            ],
        )?;
        Ok(())
    }

    pub fn revocations(&self) -> Result<Vec<Revoked>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT device_id, last_valid_seq, revoked_at, statement FROM revocations ORDER BY revoked_at, device_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get(2)?,
                r.get(3)?,
            ))
        })?;
        rows.map(|row| {
            let (device_id, last_valid_seq, revoked_at, statement) = row?;
            Ok(Revoked {
                device_id: parse_uuid(&device_id)?,
                last_valid_seq: last_valid_seq.max(0) as u64,
                revoked_at,
                statement,
            })
        })
        .collect()
    }
}
