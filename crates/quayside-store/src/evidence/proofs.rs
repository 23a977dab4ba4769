//! Inclusion proofs: where each event is in the server's log as of a checkpoint, kept in
//! `event_proofs` (this module alone writes it), and which events still lack one.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use uuid::Uuid;

use super::statements::{statements, StoredStatement};
use crate::columns::to_i64;
use crate::device::parse_uuid;
use crate::error::{Result, StoreError};
use crate::store::Store;

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

impl Store {
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
}

pub(super) fn event_proofs(conn: &Connection, event_id: &str) -> Result<Vec<EventProof>> {
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
