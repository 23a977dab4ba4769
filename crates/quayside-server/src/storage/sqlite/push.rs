//! A push in one write transaction: read what `push::plan` needs, store the plan (accepted events,
//! quarantine, the device's head).

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use super::log::epoch_in;
use super::SqliteStore;
use crate::push::{self, Checked, Facts, Held};
use crate::storage::shared::uuid;
use crate::storage::{Pushed, Pusher, Result, StoreError};

/// Look up what `push::plan` needs, inside the push transaction.
fn facts(tx: &Transaction, device: Uuid, wanted: &push::Wanted) -> Result<Facts> {
    let (head_seq, head_hash): (i64, String) = tx.query_row(
        "SELECT head_seq, head_hash FROM devices WHERE id = ?1",
        [device.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut facts = Facts {
        head_seq: head_seq as u64,
        head_hash,
        ..Facts::default()
    };
    let held = |row: &Row| -> rusqlite::Result<(String, String, i64, String)> {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
    };
    let to_held = |(id, device_id, seq, hash): (String, String, i64, String)| -> Result<Held> {
        Ok(Held {
            id: uuid(&id)?,
            device_id: uuid(&device_id)?,
            device_seq: seq as u64,
            hash,
        })
    };
    let mut by_id = tx.prepare_cached(
        "SELECT id, device_id, device_seq, hash FROM events WHERE id = ?1
         UNION ALL
         SELECT event_id, device_id, device_seq, hash FROM quarantine
          WHERE event_id = ?1 AND in_chain = 1",
    )?;
    for id in &wanted.ids {
        if let Some(row) = by_id.query_row([id.to_string()], held).optional()? {
            facts.by_id.insert(*id, to_held(row)?);
        }
    }
    let mut by_seq = tx.prepare_cached(
        "SELECT id, device_id, device_seq, hash FROM events WHERE device_id = ?1 AND device_seq = ?2
         UNION ALL
         SELECT event_id, device_id, device_seq, hash FROM quarantine
          WHERE device_id = ?1 AND device_seq = ?2 AND in_chain = 1",
    )?;
    for seq in &wanted.seqs {
        let row = by_seq
            .query_row(params![device.to_string(), *seq as i64], held)
            .optional()?;
        if let Some(row) = row {
            facts.by_seq.insert(*seq, to_held(row)?);
        }
    }
    let mut case = tx.prepare_cached("SELECT port FROM cases WHERE case_id = ?1")?;
    for id in wanted.cases.iter().collect::<HashSet<_>>() {
        let port: Option<String> = case.query_row([id.to_string()], |r| r.get(0)).optional()?;
        if let Some(port) = port {
            facts.known_cases.insert(*id, port);
        }
    }
    let mut blob = tx.prepare_cached(
        "SELECT DISTINCT c.port FROM photo_refs r JOIN cases c ON c.case_id = r.case_id
          WHERE r.sha256 = ?1",
    )?;
    for sha256 in wanted.blobs.iter().collect::<HashSet<_>>() {
        let ports = blob
            .query_map([sha256], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        if !ports.is_empty() {
            facts.blob_ports.insert(sha256.clone(), ports);
        }
    }
    Ok(facts)
}

fn store_plan(tx: &Transaction, pusher: &Pusher, plan: &push::Plan) -> Result<()> {
    let mut insert_event = tx.prepare_cached(
        "INSERT INTO events (id, device_id, device_seq, case_id, body, signature, hash, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for accepted in &plan.accepted {
        let event = &accepted.event;
        let body = &event.body;
        insert_event.execute(params![
            body.id.to_string(),
            body.device_id.to_string(),
            body.device_seq as i64,
            body.case_id.to_string(),
            event.bytes,
            event.signature.as_slice(),
            event.hash(),
            pusher.received_at,
        ])?;
        if let Some(port) = &accepted.opens_case {
            tx.execute(
                "INSERT INTO cases (case_id, port, opened_by_event) VALUES (?1, ?2, ?3)",
                params![body.case_id.to_string(), port, body.id.to_string()],
            )?;
        }
        if let Some((sha256, size)) = &accepted.photo {
            tx.execute(
                "INSERT OR IGNORE INTO photo_refs (sha256, case_id, size, event_id)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    sha256,
                    body.case_id.to_string(),
                    *size as i64,
                    body.id.to_string()
                ],
            )?;
        }
    }
    let mut set_aside = tx.prepare_cached(
        "INSERT OR IGNORE INTO quarantine (pushed_by, batch_index, event_id, device_id, device_seq,
             in_chain, body, signature, hash, reason, received_at, verified, body_bytes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for q in &plan.quarantined {
        set_aside.execute(params![
            pusher.device_id.to_string(),
            q.index as i64,
            q.event_id.map(|id| id.to_string()),
            q.device_id.map(|id| id.to_string()),
            q.device_seq.map(|s| s as i64),
            q.in_chain,
            q.raw.body,
            q.raw.signature,
            q.hash,
            q.reason,
            pusher.received_at,
            q.verified,
            q.body_bytes as i64,
        ])?;
    }
    // The entity index follows the log in the same transaction.
    let touched: std::collections::BTreeSet<Uuid> =
        plan.accepted.iter().map(|a| a.event.body.case_id).collect();
    for case in touched {
        super::entities::reindex_case(tx, case)?;
    }
    tx.execute(
        "UPDATE devices SET head_seq = ?2, head_hash = ?3 WHERE id = ?1",
        params![
            pusher.device_id.to_string(),
            plan.head_seq as i64,
            plan.head_hash
        ],
    )?;
    Ok(())
}

pub(super) async fn push(
    store: &SqliteStore,
    pusher: Pusher,
    batch: Vec<Checked>,
) -> Result<Pushed> {
    store
        .write(move |tx| {
            // The user's revocation too: a push in flight when the user was revoked stops here.
            let (device_revoked, user, user_revoked): (Option<String>, String, Option<String>) = tx
                .query_row(
                    "SELECT d.revoked_at, u.username, u.revoked_at
                   FROM devices d JOIN users u ON u.username = d.username
                  WHERE d.id = ?1",
                    [pusher.device_id.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?;
            if let Some(at) = device_revoked {
                return Err(StoreError::Revoked(format!(
                    "device {} was revoked on {at}: it can no longer sync; ask an admin",
                    pusher.device_id
                )));
            }
            if let Some(at) = user_revoked {
                return Err(StoreError::Revoked(format!(
                    "user {user} was revoked on {at}: this device can no longer sync; ask an admin"
                )));
            }
            let wanted = push::wanted(&batch);
            let facts = facts(tx, pusher.device_id, &wanted)?;
            let plan = push::plan(batch, facts, &pusher.rights);
            store_plan(tx, &pusher, &plan)?;
            let epoch = epoch_in(tx)?;
            #[cfg(feature = "test-support")]
            if !pusher.hold_before_commit.is_zero() {
                std::thread::sleep(pusher.hold_before_commit);
            }
            Ok(Pushed {
                response: plan.response,
                epoch,
                head_hash: plan.head_hash,
            })
        })
        .await
}
