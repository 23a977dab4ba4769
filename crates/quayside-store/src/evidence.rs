//! Evidence from the sync server (issue 6): what it signed (receipts, checkpoints of its log,
//! revocations of devices), where each event is in its log (inclusion proofs), the revoked devices,
//! and what a sync found wrong with the log. All of it kept as received and append-only.
//!
//! The store does not read or verify statements: it keeps their JSON text and signature verbatim.
//! The sync client (`quayside-sync`) verifies each one with the pinned server key before it
//! records it, and verifies each proof against its checkpoint before it saves it.
//!
//! Names a bundle builder uses: [`Store::case_evidence`] gives a [`CaseEvidence`], everything a
//! case file needs to prove its events without the app: the events (signed bytes, signature),
//! their devices' public keys, each event's proofs with the checkpoint statements they lead to,
//! the receipts of those devices, the revocation statements, and the pinned server key.

use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use serde::Serialize;
use uuid::Uuid;

use crate::clock::rfc3339;
use crate::device::parse_uuid;
use crate::error::{Result, StoreError};
use crate::Store;

/// The setting that holds the server's public key (hex) this device pinned at sign-in.
pub const SERVER_KEY_SETTING: &str = "sync.server_key";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    Receipt,
    Checkpoint,
    Revocation,
}

impl StatementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Receipt => "receipt",
            StatementKind::Checkpoint => "checkpoint",
            StatementKind::Revocation => "revocation",
        }
    }

    fn parse(text: &str) -> rusqlite::Result<StatementKind> {
        match text {
            "receipt" => Ok(StatementKind::Receipt),
            "checkpoint" => Ok(StatementKind::Checkpoint),
            "revocation" => Ok(StatementKind::Revocation),
            other => Err(rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("unknown statement kind {other:?}").into(),
            )),
        }
    }
}

/// A verified server statement to record. `size` is a checkpoint's; `device_id` and `seq` a
/// receipt's (acked_seq) or a revocation's (last_valid_seq): kept beside the text for lookups.
#[derive(Debug, Clone)]
pub struct NewStatement<'a> {
    pub kind: StatementKind,
    pub epoch: &'a str,
    /// The statement's JSON exactly as signed.
    pub statement: &'a str,
    /// The server's signature, base64, as received.
    pub signature: &'a str,
    /// The key (hex) it was verified with.
    pub server_key: &'a str,
    pub size: Option<u64>,
    pub device_id: Option<Uuid>,
    pub seq: Option<u64>,
}

/// A server statement as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredStatement {
    pub id: i64,
    pub kind: StatementKind,
    pub epoch: String,
    pub statement: String,
    pub signature: String,
    pub server_key: String,
    pub received_at: String,
    pub size: Option<u64>,
    pub device_id: Option<Uuid>,
    pub seq: Option<u64>,
}

/// An event the server should hold that has no proof yet against a checkpoint of the epoch asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnprovenEvent {
    /// Its place in this store's log: pass the last one as `after` for the next batch.
    pub local_seq: i64,
    pub event_id: Uuid,
    /// Hex SHA-256 of its body: the leaf the server's tree holds for it.
    pub hash: String,
}

/// A verified inclusion proof to save against a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProof {
    pub event_id: Uuid,
    pub leaf_index: u64,
    /// Sibling hashes, hex, leaf to root.
    pub path: Vec<String>,
}

/// Where an event is in the server's log as of a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventProof {
    pub checkpoint: StoredStatement,
    pub leaf_index: u64,
    pub path: Vec<String>,
}

/// A revoked device: its events after `last_valid_seq` are not taken in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revoked {
    pub device_id: Uuid,
    pub last_valid_seq: u64,
    pub revoked_at: String,
    /// The signed revocation it came from (a `server_statements` id), if it came from the server.
    pub statement: Option<i64>,
}

/// Something a sync found wrong with the server's log, or a restore an admin declared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogAlert {
    pub at: String,
    /// What was found: the sync client's word (`log_inconsistent`, `server_key_changed`,
    /// `new_epoch`, ...).
    pub kind: String,
    pub message: String,
}

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

const STATEMENT_COLUMNS: &str =
    "id, kind, epoch, statement, signature, server_key, received_at, size, device_id, seq";

fn statement_row(r: &Row) -> rusqlite::Result<StoredStatement> {
    let device_id: Option<String> = r.get(8)?;
    Ok(StoredStatement {
        id: r.get(0)?,
        kind: StatementKind::parse(&r.get::<_, String>(1)?)?,
        epoch: r.get(2)?,
        statement: r.get(3)?,
        signature: r.get(4)?,
        server_key: r.get(5)?,
        received_at: r.get(6)?,
        size: r.get::<_, Option<i64>>(7)?.map(|v| v.max(0) as u64),
        device_id: device_id
            .map(|d| {
                Uuid::parse_str(&d).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        8,
                        rusqlite::types::Type::Text,
                        e.into(),
                    )
                })
            })
            .transpose()?,
        seq: r.get::<_, Option<i64>>(9)?.map(|v| v.max(0) as u64),
    })
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn statements(
    conn: &Connection,
    clause: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<StoredStatement>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STATEMENT_COLUMNS} FROM server_statements {clause}"
    ))?;
    let rows = stmt.query_map(params, statement_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
    /// Keep a verified server statement; the same statement again is kept once. Its id.
    pub fn record_statement(&self, new: &NewStatement) -> Result<i64> {
        self.conn.execute(
            "INSERT OR IGNORE INTO server_statements
               (kind, epoch, statement, signature, server_key, received_at, size, device_id, seq)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                new.kind.as_str(),
                new.epoch,
                new.statement,
                new.signature,
                new.server_key,
                rfc3339(self.clock.now()),
                new.size.map(to_i64),
                new.device_id.map(|d| d.to_string()),
                new.seq.map(to_i64),
            ],
        )?;
        Ok(self.conn.query_row(
            "SELECT id FROM server_statements WHERE statement = ?1 AND signature = ?2",
            params![new.statement, new.signature],
            |r| r.get(0),
        )?)
    }

    /// The largest checkpoint of `epoch` this store holds (the latest of that size).
    pub fn last_checkpoint(&self, epoch: &str) -> Result<Option<StoredStatement>> {
        Ok(statements(
            &self.conn,
            "WHERE kind = 'checkpoint' AND epoch = ?1 ORDER BY size DESC, id DESC LIMIT 1",
            [epoch],
        )?
        .pop())
    }

    /// Events the server should hold that have no proof against a checkpoint of `epoch`, in this
    /// store's order after `after` (a `local_seq`; 0 from the start), at most `limit`: this
    /// device's events up to `own_acked_seq` (what the server acknowledged) but for those it set
    /// aside in its quarantine (`sync_refused`: never in its log), and every event of another
    /// device (they all came from the server).
    pub fn events_without_proof(
        &self,
        epoch: &str,
        own_acked_seq: u64,
        after: i64,
        limit: usize,
    ) -> Result<Vec<UnprovenEvent>> {
        self.unproven(epoch, own_acked_seq, after, limit, false)
    }

    /// This device's events among [`Store::events_without_proof`] only (others' left out): what a
    /// sync still asks about after a full batch the server proved none of, so a long run of
    /// others' events its log lacks costs one request per sync, not one per thousand events.
    pub fn own_events_to_prove(
        &self,
        epoch: &str,
        own_acked_seq: u64,
        after: i64,
        limit: usize,
    ) -> Result<Vec<UnprovenEvent>> {
        self.unproven(epoch, own_acked_seq, after, limit, true)
    }

    fn unproven(
        &self,
        epoch: &str,
        own_acked_seq: u64,
        after: i64,
        limit: usize,
        own_only: bool,
    ) -> Result<Vec<UnprovenEvent>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.seq, e.id, e.hash FROM events e
             WHERE e.seq > ?1
               AND ((e.device_id <> ?2 AND NOT ?6) OR (e.device_id = ?2 AND e.device_seq <= ?3))
               AND e.id NOT IN (SELECT event_id FROM sync_refused)
               AND NOT EXISTS (SELECT 1 FROM event_proofs p
                               JOIN server_statements s ON s.id = p.checkpoint
                               WHERE p.event_id = e.id AND s.epoch = ?4)
             ORDER BY e.seq LIMIT ?5",
        )?;
        let rows = stmt.query_map(
            params![
                after,
                self.device.id.to_string(),
                to_i64(own_acked_seq),
                epoch,
                to_i64(limit as u64),
                own_only
            ],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?)),
        )?;
        rows.map(|row| {
            let (local_seq, id, hash) = row?;
            Ok(UnprovenEvent {
                local_seq,
                event_id: parse_uuid(&id)?,
                hash,
            })
        })
        .collect()
    }

    /// This device's events up to `through_seq` (its highest receipt of `epoch`) after `after` (a
    /// `local_seq`, as for `events_without_proof`) that the server did not set aside and no
    /// checkpoint of `epoch` proves: (event id, device sequence), at most `limit`, lowest first.
    /// After a sync's proofs, any here were acknowledged and then lost.
    pub fn own_events_without_proof(
        &self,
        epoch: &str,
        through_seq: u64,
        after: i64,
        limit: usize,
    ) -> Result<Vec<(Uuid, u64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.device_seq FROM events e
             WHERE e.device_id = ?1 AND e.device_seq <= ?2 AND e.seq > ?5
               AND e.id NOT IN (SELECT event_id FROM sync_refused)
               AND NOT EXISTS (SELECT 1 FROM event_proofs p
                               JOIN server_statements s ON s.id = p.checkpoint
                               WHERE p.event_id = e.id AND s.epoch = ?3)
             ORDER BY e.device_seq LIMIT ?4",
        )?;
        let rows = stmt.query_map(
            params![
                self.device.id.to_string(),
                to_i64(through_seq),
                epoch,
                to_i64(limit as u64),
                after
            ],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
        )?;
        rows.map(|row| {
            let (id, seq) = row?;
            Ok((parse_uuid(&id)?, seq.max(0) as u64))
        })
        .collect()
    }

    /// Where a scan for events without proof may stop being remembered: the end of the log, or
    /// just before this device's first event the server has not acknowledged (it needs a proof
    /// once acknowledged). The sync client keeps the place up to which every event is proved and
    /// starts `events_without_proof` there, so a large log is not scanned at every sync.
    pub fn proof_scan_bound(&self, own_acked_seq: u64) -> Result<i64> {
        let end: i64 =
            self.conn
                .query_row("SELECT coalesce(max(seq), 0) FROM events", [], |r| r.get(0))?;
        let first_unacked: Option<i64> = self
            .conn
            .query_row(
                "SELECT seq FROM events WHERE device_id = ?1 AND device_seq = ?2",
                params![
                    self.device.id.to_string(),
                    to_i64(own_acked_seq.saturating_add(1))
                ],
                |r| r.get(0),
            )
            .optional()?;
        Ok(first_unacked.map_or(end, |seq| end.min(seq - 1)))
    }

    /// Save verified inclusion proofs against the checkpoint statement `checkpoint`, in one
    /// transaction. A proof already held is kept as it was.
    pub fn save_proofs(&mut self, checkpoint: i64, proofs: &[NewProof]) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let kind: Option<String> = tx
            .query_row(
                "SELECT kind FROM server_statements WHERE id = ?1",
                [checkpoint],
                |r| r.get(0),
            )
            .optional()?;
        if kind.as_deref() != Some("checkpoint") {
            return Err(StoreError::Refused(format!(
                "statement {checkpoint} is not a checkpoint this store holds"
            )));
        }
        for proof in proofs {
            let path = serde_json::to_string(&proof.path).expect("strings serialize");
            tx.execute(
                "INSERT OR IGNORE INTO event_proofs (event_id, checkpoint, leaf_index, path)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    proof.event_id.to_string(),
                    checkpoint,
                    to_i64(proof.leaf_index),
                    path
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The proofs this store holds for one event, newest checkpoint first.
    pub fn event_proofs(&self, event_id: Uuid) -> Result<Vec<EventProof>> {
        event_proofs(&self.conn, &event_id.to_string())
    }

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

    /// Every receipt this store holds, in the order received.
    pub fn receipts(&self) -> Result<Vec<StoredStatement>> {
        statements(&self.conn, "WHERE kind = 'receipt' ORDER BY id", [])
    }

    /// The receipt of `epoch` for `device_id` with the highest acked sequence.
    pub fn highest_receipt(&self, epoch: &str, device_id: Uuid) -> Result<Option<StoredStatement>> {
        Ok(statements(
            &self.conn,
            "WHERE kind = 'receipt' AND epoch = ?1 AND device_id = ?2 ORDER BY seq DESC, id LIMIT 1",
            params![epoch, device_id.to_string()],
        )?
        .pop())
    }

    /// Every signed revocation this store holds, in the order received.
    pub fn revocation_statements(&self) -> Result<Vec<StoredStatement>> {
        statements(&self.conn, "WHERE kind = 'revocation' ORDER BY id", [])
    }

    /// Keep what a sync found wrong with the server's log (or a declared restore). An alert kept
    /// already (every sync finds it again until someone acts) is not kept twice: true when this
    /// one was new.
    pub fn record_log_alert(&self, kind: &str, message: &str) -> Result<bool> {
        let known: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM log_alerts WHERE kind = ?1 AND message = ?2)",
            params![kind, message],
            |r| r.get(0),
        )?;
        if known {
            return Ok(false);
        }
        self.conn.execute(
            "INSERT INTO log_alerts (at, kind, message) VALUES (?1, ?2, ?3)",
            params![rfc3339(self.clock.now()), kind, message],
        )?;
        Ok(true)
    }

    /// Every alert, oldest first.
    pub fn log_alerts(&self) -> Result<Vec<LogAlert>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT at, kind, message FROM log_alerts ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(LogAlert {
                at: r.get(0)?,
                kind: r.get(1)?,
                message: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The server key (hex) this device pinned, if any.
    pub fn server_key(&self) -> Result<Option<String>> {
        Ok(self.setting(SERVER_KEY_SETTING)?.filter(|k| !k.is_empty()))
    }

    /// Pin the server key (hex); an empty key forgets it (signing in to another server).
    pub fn pin_server_key(&self, hex_key: &str) -> Result<()> {
        self.set_setting(SERVER_KEY_SETTING, hex_key)
    }

    /// Everything a case-file bundle needs to prove the case's events (see [`CaseEvidence`]).
    pub fn case_evidence(&self, case_id: Uuid) -> Result<CaseEvidence> {
        self.case_exists(case_id)?;
        let mut events = Vec::new();
        let mut devices: Vec<String> = Vec::new();
        for event in self.case_events(case_id)? {
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
            let key = crate::device::public_key(&self.conn, device)?.ok_or_else(|| {
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

    /// The public key this store holds for a device, if any.
    pub fn device_key(&self, device_id: Uuid) -> Result<Option<[u8; 32]>> {
        crate::device::public_key(&self.conn, &device_id.to_string())
    }
}

/// The first enrollment of a device kept under `server_key` (the pinned key); None when no key
/// is pinned, since an enrollment is only worth the key it can be checked with.
fn enrollment_of(
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

fn event_proofs(conn: &Connection, event_id: &str) -> Result<Vec<EventProof>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.checkpoint, p.leaf_index, p.path FROM event_proofs p
         WHERE p.event_id = ?1 ORDER BY p.checkpoint DESC",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut proofs = Vec::new();
    for row in rows {
        let (checkpoint, leaf_index, path) = row?;
        let checkpoint = statements(conn, "WHERE id = ?1", [checkpoint])?
            .pop()
            .ok_or_else(|| StoreError::Refused(format!("checkpoint {checkpoint} is missing")))?;
        let path = serde_json::from_str(&path).map_err(|e| {
            StoreError::Refused(format!("the proof of event {event_id} cannot be read: {e}"))
        })?;
        proofs.push(EventProof {
            checkpoint,
            leaf_index: leaf_index.max(0) as u64,
            path,
        });
    }
    Ok(proofs)
}
