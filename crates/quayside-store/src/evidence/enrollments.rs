//! The server's signed enrollments of devices, which vouch for their public keys: the
//! `enrollments` table, which this module alone writes.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

use crate::clock::rfc3339;
use crate::device::parse_uuid;
use crate::error::Result;
use crate::store::Store;

/// The server's signed `Statement::Enrollment` of a device, as received: it vouches for the
/// device's public key, so a bundle's keys are anchored by the server, not by the bundle itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnrollmentStatement {
    pub device_id: Uuid,
    /// The statement's JSON exactly as signed.
    pub statement: String,
    /// The server's signature, base64, as received.
    pub signature: String,
}

impl Store {
    /// Keep the server's enrollment of `device_id`, verified by the caller with `server_key` (hex)
    /// against the key this store holds for the device. The same statement again is kept once.
    pub fn record_enrollment(
        &self,
        device_id: Uuid,
        statement: &str,
        signature: &str,
        server_key: &str,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO enrollments
               (device_id, statement, signature, server_key, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                device_id.to_string(),
                statement,
                signature,
                server_key,
                rfc3339(self.clock.now())
            ],
        )?;
        Ok(())
    }

    /// Every device whose key this store holds (this one included) without an enrollment stored
    /// under the pinned server key: after a move to another server, the new one is asked, since
    /// the old one's word is not signed by the key a bundle names. Every device when none is pinned.
    pub fn devices_without_enrollment(&self) -> Result<Vec<Uuid>> {
        let pinned = self.server_key()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id FROM devices d
             WHERE NOT EXISTS (SELECT 1 FROM enrollments e
                               WHERE e.device_id = d.id AND e.server_key = ?1)
             ORDER BY d.id",
        )?;
        let rows = stmt.query_map([pinned], |r| r.get::<_, String>(0))?;
        rows.map(|id| parse_uuid(&id?)).collect()
    }

    /// The stored enrollment of a device under the pinned server key (the first received), if any.
    pub fn enrollment(&self, device_id: Uuid) -> Result<Option<EnrollmentStatement>> {
        let pinned = self.server_key()?;
        enrollment_of(&self.conn, &device_id.to_string(), pinned.as_deref())
    }
}

/// The first enrollment of a device kept under `server_key` (the pinned key); None when no key
/// is pinned, since an enrollment is only worth the key it can be checked with.
pub(super) fn enrollment_of(
    conn: &Connection,
    device_id: &str,
    server_key: Option<&str>,
) -> Result<Option<EnrollmentStatement>> {
    let row = conn
        .query_row(
            "SELECT statement, signature FROM enrollments
             WHERE device_id = ?1 AND server_key = ?2 ORDER BY id LIMIT 1",
            params![device_id, server_key],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    row.map(|(statement, signature)| {
        Ok(EnrollmentStatement {
            device_id: parse_uuid(device_id)?,
            statement,
            signature,
        })
    })
    .transpose()
}
