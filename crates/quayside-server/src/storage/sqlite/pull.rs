//! A pull: one page of the log after a cursor, filtered for the caller, in one read snapshot.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension, Transaction};

use super::log::epoch_in;
use super::SqliteStore;
use crate::storage::shared::{keys_of_signers, uuid};
use crate::storage::{LoggedEvent, PullPage, PullQuery, Result, StoreError};

fn pull_page(tx: &Transaction, query: &PullQuery) -> Result<PullPage> {
    let epoch = epoch_in(tx)?;
    let end: i64 = tx.query_row("SELECT coalesce(max(seq), 0) FROM events", [], |r| r.get(0))?;
    if let Some(given) = &query.epoch {
        if *given != epoch {
            return Err(StoreError::StaleCursor(
                "the cursor belongs to an earlier copy of the server's log (it was restored or \
                 reset): pull again from the start, without a cursor"
                    .into(),
            ));
        }
    }
    if query.after > end as u64 {
        return Err(StoreError::StaleCursor(format!(
            "the cursor points past the end of the server's log ({} > {end}): the log was restored \
             from an older backup; pull again from the start, without a cursor",
            query.after
        )));
    }
    let id_at = |seq: u64| -> Result<Option<String>> {
        Ok(tx
            .query_row("SELECT id FROM events WHERE seq = ?1", [seq as i64], |r| {
                r.get(0)
            })
            .optional()?)
    };
    if let Some(mark) = &query.mark {
        if query.after > 0 && id_at(query.after)?.as_ref() != Some(mark) {
            return Err(StoreError::StaleCursor(
                "another event stands at the cursor's place in the server's log: the log was \
                 restored from an older backup; pull again from the start, without a cursor"
                    .into(),
            ));
        }
    }
    let ports = query
        .ports
        .as_ref()
        .map(|p| serde_json::to_string(p).unwrap_or_default());
    let mut stmt = tx.prepare_cached(
        "SELECT e.seq, e.device_id, e.body, e.signature, d.public_key
           FROM events e
           JOIN cases c ON c.case_id = e.case_id
           JOIN devices d ON d.id = e.device_id
          WHERE e.seq > ?1 AND e.device_id <> ?2
            AND (?3 IS NULL OR c.port IN (SELECT value FROM json_each(?3)))
          ORDER BY e.seq
          LIMIT ?4",
    )?;
    let rows = stmt.query_map(
        params![
            query.after as i64,
            query.exclude_device.to_string(),
            ports,
            (query.limit + 1) as i64
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, Vec<u8>>(4)?,
            ))
        },
    )?;
    let mut events = Vec::new();
    let mut keys = BTreeMap::new();
    for row in rows {
        let (seq, device, body, signature, key) = row?;
        let device_id = uuid(&device)?;
        keys.entry(device_id).or_insert_with(|| hex::encode(&key));
        events.push(LoggedEvent {
            seq: seq as u64,
            device_id,
            body,
            signature: signature
                .try_into()
                .map_err(|_| StoreError::Backend(format!("event {seq} has a bad signature")))?,
        });
    }
    let more = events.len() > query.limit;
    events.truncate(query.limit);
    // Without more, everything up to the end of this snapshot was examined: the next pull starts
    // there, past the events this caller does not see.
    let last = match (more, events.last()) {
        (true, Some(e)) => e.seq,
        _ => end as u64,
    };
    let keys = keys_of_signers(&events, keys);
    let last = last.max(query.after);
    let last_mark = if last == 0 { None } else { id_at(last)? };
    Ok(PullPage {
        epoch,
        events,
        keys,
        last_xid: 0,
        last,
        last_mark,
        more,
    })
}

pub(super) async fn pull(store: &SqliteStore, query: PullQuery) -> Result<PullPage> {
    store.read(move |tx| pull_page(tx, &query)).await
}
