//! A case's evidence: everything a case-file bundle needs to prove the case's events without the
//! app (see [`CaseEvidence`]), gathered from the log and the other evidence tables. Reads only.

use serde::Serialize;
use uuid::Uuid;

use super::enrollments::{enrollment_of, EnrollmentStatement};
use super::proofs::{event_proofs, EventProof};
use super::statements::{statements, StoredStatement};
use crate::case_state::case_exists;
use crate::device::{parse_uuid, public_key};
use crate::error::{Result, StoreError};
use crate::event_rows::case_events;
use crate::store::Store;

/// One event of a case with what proves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceEvent {
    pub id: Uuid,
    pub device_id: Uuid,
    pub device_seq: u64,
    /// Hex SHA-256 of `bytes`.
    pub hash: String,
    /// The body exactly as signed.
    pub bytes: Vec<u8>,
    /// ed25519 signature of `bytes` by the device's key.
    pub signature: Vec<u8>,
    /// Its inclusion proofs, newest checkpoint first (none when the server never proved it).
    pub proofs: Vec<EventProof>,
}

/// A device's public key, as this store holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceDevice {
    pub device_id: Uuid,
    /// ed25519 public key, hex.
    pub public_key: String,
}

/// Everything a case-file bundle needs to prove the case's events without the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseEvidence {
    pub case_id: Uuid,
    /// The case's events in the order they fold.
    pub events: Vec<EvidenceEvent>,
    /// Public keys of every device that signed one of them, and of this device (the exporter,
    /// which signs the bundle's manifest) even when it wrote none of them.
    pub devices: Vec<EvidenceDevice>,
    /// For each of those devices and each epoch of the server's log, the receipt with the highest
    /// acked sequence: it covers the chain up to there, since each event names its predecessor's hash.
    pub receipts: Vec<StoredStatement>,
    /// Every signed revocation this store holds.
    pub revocations: Vec<StoredStatement>,
    /// The server key (hex) this device pinned; None before the first sign-in to a signing server.
    pub server_key: Option<String>,
    /// The server's signed enrollment of each device in `devices` (this one included) that this
    /// store holds one for under the pinned key (`server_key`), in the order of `devices`; a
    /// device that server never vouched for (no sync since) has none.
    pub enrollments: Vec<EnrollmentStatement>,
}

impl Store {
    /// Everything a case-file bundle needs to prove the case's events (see [`CaseEvidence`]).
    pub fn case_evidence(&self, case_id: Uuid) -> Result<CaseEvidence> {
        case_exists(&self.conn, case_id)?;
        let mut events = Vec::new();
        let mut devices: Vec<String> = Vec::new();
        for event in case_events(&self.conn, case_id)? {
            if !devices.contains(&event.device_id) {
                devices.push(event.device_id.clone());
            }
            events.push(EvidenceEvent {
                id: parse_uuid(&event.id)?,
                device_id: parse_uuid(&event.device_id)?,
                device_seq: event.device_seq.max(0) as u64,
                hash: quayside_domain::event::body_hash(&event.bytes),
                proofs: event_proofs(&self.conn, &event.id)?,
                bytes: event.bytes,
                signature: event.signature,
            });
        }
        let own = self.device.id.to_string();
        if !devices.contains(&own) {
            devices.push(own);
        }
        let mut keys = Vec::new();
        let mut receipts = Vec::new();
        let mut enrollments = Vec::new();
        let pinned = self.server_key()?;
        for device in &devices {
            enrollments.extend(enrollment_of(&self.conn, device, pinned.as_deref())?);
            let key = public_key(&self.conn, device)?.ok_or_else(|| {
                StoreError::Refused(format!("no public key is held for device {device}"))
            })?;
            keys.push(EvidenceDevice {
                device_id: parse_uuid(device)?,
                public_key: hex::encode(key),
            });
            receipts.extend(statements(
                &self.conn,
                "WHERE id IN (SELECT (SELECT s.id FROM server_statements s
                                      WHERE s.kind = 'receipt' AND s.device_id = r.device_id
                                        AND s.epoch = r.epoch ORDER BY s.seq DESC, s.id LIMIT 1)
                              FROM server_statements r
                              WHERE r.kind = 'receipt' AND r.device_id = ?1 GROUP BY r.epoch)
                 ORDER BY id",
                [device],
            )?);
        }
        Ok(CaseEvidence {
            case_id,
            events,
            devices: keys,
            receipts,
            revocations: self.revocation_statements()?,
            server_key: self.server_key()?,
            enrollments,
        })
    }
}
