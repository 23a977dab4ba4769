//! A push: one short READ COMMITTED transaction that locks the device's row first (so pushes of one
//! device run one after another), reads what `push::plan` needs and stores the plan.

use std::collections::HashSet;

use tokio_postgres::{Row, Transaction};
use uuid::Uuid;

use super::PgStore;
use crate::push::{self, Checked, Facts, Held};
use crate::storage::shared::uuid;
use crate::storage::{Pushed, Pusher, Result, StoreError};

/// Look up what `push::plan` needs, inside the push transaction (after the device's row is locked).
async fn facts(
    tx: &Transaction<'_>,
    device: Uuid,
    head: (u64, String),
    wanted: &push::Wanted,
) -> Result<Facts> {
    let mut facts = Facts {
        head_seq: head.0,
        head_hash: head.1,
        ..Facts::default()
    };
    let to_held = |row: &Row| -> Result<Held> {
        Ok(Held {
            id: uuid(row.get(0))?,
            device_id: uuid(row.get(1))?,
            device_seq: row.get::<_, i64>(2) as u64,
            hash: row.get(3),
        })
    };
    // The log first, as on SQLite: an event in both answers as the logged one.
    let ids: Vec<String> = wanted.ids.iter().map(Uuid::to_string).collect();
    let rows = tx
        .query(
            "SELECT id, device_id, device_seq, hash, 0 AS source FROM events WHERE id = ANY($1)
             UNION ALL
             SELECT event_id, device_id, device_seq, hash, 1 FROM quarantine
              WHERE event_id = ANY($1) AND in_chain
             ORDER BY source",
            &[&ids],
        )
        .await?;
    for row in &rows {
        let held = to_held(row)?;
        facts.by_id.entry(held.id).or_insert(held);
    }
    let seqs: Vec<i64> = wanted.seqs.iter().map(|s| *s as i64).collect();
    let rows = tx
        .query(
            "SELECT id, device_id, device_seq, hash, 0 AS source FROM events
              WHERE device_id = $1 AND device_seq = ANY($2)
             UNION ALL
             SELECT event_id, device_id, device_seq, hash, 1 FROM quarantine
              WHERE device_id = $1 AND device_seq = ANY($2) AND in_chain
             ORDER BY source",
            &[&device.to_string(), &seqs],
        )
        .await?;
    for row in &rows {
        let held = to_held(row)?;
        facts.by_seq.entry(held.device_seq).or_insert(held);
    }
    let cases: Vec<String> = wanted
        .cases
        .iter()
        .collect::<HashSet<_>>()
        .into_iter()
        .map(Uuid::to_string)
        .collect();
    for row in tx
        .query(
            "SELECT case_id, port FROM cases WHERE case_id = ANY($1)",
            &[&cases],
        )
        .await?
    {
        facts.known_cases.insert(uuid(row.get(0))?, row.get(1));
    }
    let blobs: Vec<&String> = wanted
        .blobs
        .iter()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    for row in tx
        .query(
            "SELECT DISTINCT r.sha256, c.port FROM photo_refs r JOIN cases c ON c.case_id = r.case_id
              WHERE r.sha256 = ANY($1)",
            &[&blobs],
        )
        .await?
    {
        facts
            .blob_ports
            .entry(row.get(0))
            .or_default()
            .push(row.get(1));
    }
    Ok(facts)
}

async fn store_plan(tx: &Transaction<'_>, pusher: &Pusher, plan: &push::Plan) -> Result<()> {
    let insert_event = tx
        .prepare(
            "INSERT INTO events (id, device_id, device_seq, case_id, body, signature, hash, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .await?;
    for accepted in &plan.accepted {
        let event = &accepted.event;
        let body = &event.body;
        tx.execute(
            &insert_event,
            &[
                &body.id.to_string(),
                &body.device_id.to_string(),
                &(body.device_seq as i64),
                &body.case_id.to_string(),
                &event.bytes,
                &event.signature.as_slice(),
                &event.hash(),
                &pusher.received_at,
            ],
        )
        .await?;
        if let Some(port) = &accepted.opens_case {
            tx.execute(
                "INSERT INTO cases (case_id, port, opened_by_event) VALUES ($1, $2, $3)",
                &[&body.case_id.to_string(), port, &body.id.to_string()],
            )
            .await?;
        }
        if let Some((sha256, size)) = &accepted.photo {
            tx.execute(
                "INSERT INTO photo_refs (sha256, case_id, size, event_id) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
                &[
                    sha256,
                    &body.case_id.to_string(),
                    &(*size as i64),
                    &body.id.to_string(),
                ],
            )
            .await?;
        }
    }
    if !plan.quarantined.is_empty() {
        let set_aside = tx
            .prepare(
                "INSERT INTO quarantine (pushed_by, batch_index, event_id, device_id, device_seq,
                     in_chain, body, signature, hash, reason, received_at, verified, body_bytes)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                 ON CONFLICT DO NOTHING",
            )
            .await?;
        for q in &plan.quarantined {
            tx.execute(
                &set_aside,
                &[
                    &pusher.device_id.to_string(),
                    &(q.index as i64),
                    &q.event_id.map(|id| id.to_string()),
                    &q.device_id.map(|id| id.to_string()),
                    &q.device_seq.map(|s| s as i64),
                    &q.in_chain,
                    &q.raw.body,
                    &q.raw.signature,
                    &q.hash,
                    &q.reason,
                    &pusher.received_at,
                    &q.verified,
                    &(q.body_bytes as i64),
                ],
            )
            .await?;
        }
    }
    // The entity index follows the log in the same transaction.
    super::entities::reindex_cases(tx, plan.accepted.iter().map(|a| a.event.body.case_id)).await?;
    tx.execute(
        "UPDATE devices SET head_seq = $2, head_hash = $3 WHERE id = $1",
        &[
            &pusher.device_id.to_string(),
            &(plan.head_seq as i64),
            &plan.head_hash,
        ],
    )
    .await?;
    Ok(())
}

pub(super) async fn push(store: &PgStore, pusher: Pusher, batch: Vec<Checked>) -> Result<Pushed> {
    let mut client = store.client().await?;
    let tx = client.transaction().await?;
    // Pushes of one device wait here for each other; other devices' pushes run beside.
    let row = tx
        .query_opt(
            "SELECT revoked_at, head_seq, head_hash, username FROM devices WHERE id = $1
                FOR UPDATE",
            &[&pusher.device_id.to_string()],
        )
        .await?
        .ok_or_else(|| {
            StoreError::Backend(format!("device {} is not enrolled", pusher.device_id))
        })?;
    if let Some(at) = row.get::<_, Option<String>>(0) {
        return Err(StoreError::Revoked(format!(
            "device {} was revoked on {at}: it can no longer sync; ask an admin",
            pusher.device_id
        )));
    }
    // The user's revocation, read after the device's row is locked (a statement of its own,
    // so it sees what committed while this push waited): `revoke_user` locks the user's
    // device rows first, so either it waits for this push, or this push sees it.
    let username: String = row.get(3);
    let user_revoked: Option<String> = tx
        .query_one(
            "SELECT revoked_at FROM users WHERE username = $1",
            &[&username],
        )
        .await?
        .get(0);
    if let Some(at) = user_revoked {
        return Err(StoreError::Revoked(format!(
            "user {username} was revoked on {at}: this device can no longer sync; ask an admin"
        )));
    }
    let head = (row.get::<_, i64>(1) as u64, row.get::<_, String>(2));
    let wanted = push::wanted(&batch);
    let facts = facts(&tx, pusher.device_id, head, &wanted).await?;
    let plan = push::plan(batch, facts, &pusher.rights);
    store_plan(&tx, &pusher, &plan).await?;
    let epoch: String = tx
        .query_one("SELECT value FROM meta WHERE key = 'epoch'", &[])
        .await?
        .get(0);
    #[cfg(feature = "test-support")]
    if !pusher.hold_before_commit.is_zero() {
        tokio::time::sleep(pusher.hold_before_commit).await;
    }
    tx.commit().await?;
    Ok(Pushed {
        response: plan.response,
        epoch,
        head_hash: plan.head_hash,
    })
}
