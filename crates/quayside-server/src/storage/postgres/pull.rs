//! A pull: one REPEATABLE READ snapshot, in `(xid, seq)` order, only events below the fence
//! (`pg_snapshot_xmin`): with several writers a sequence is not commit order, the fence is.

use std::collections::BTreeMap;
use std::time::Duration;

use tokio_postgres::{IsolationLevel, Transaction};

use super::PgStore;
use crate::storage::shared::{keys_of_signers, uuid};
use crate::storage::{LoggedEvent, PullPage, PullQuery, Result, StoreError};

/// Longest a pull waits for the transactions running when it began to end (see `await_fence`).
const PULL_FENCE_WAIT: Duration = Duration::from_secs(2);

fn stale(why: &str) -> StoreError {
    StoreError::StaleCursor(format!(
        "{why}: the log was restored from an older backup; pull again from the start, without a \
         cursor"
    ))
}

/// A log position in pull order: (transaction id, sequence).
type Place = (u64, u64);

async fn pull_page(tx: &Transaction<'_>, query: &PullQuery) -> Result<PullPage> {
    let epoch: String = tx
        .query_one("SELECT value FROM meta WHERE key = 'epoch'", &[])
        .await?
        .get(0);
    if let Some(given) = &query.epoch {
        if *given != epoch {
            return Err(StoreError::StaleCursor(
                "the cursor belongs to an earlier copy of the server's log (it was restored or \
                 reset): pull again from the start, without a cursor"
                    .into(),
            ));
        }
    }
    // The fence: every transaction with a lower id has ended, so no event below it can appear
    // any more; in this REPEATABLE READ snapshot, every committed one below it is visible.
    let row = tx
        .query_one(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
                    coalesce((SELECT max(seq) FROM events), 0)",
            &[],
        )
        .await?;
    let fence = row.get::<_, i64>(0) as u64;
    let end = row.get::<_, i64>(1) as u64;
    if query.after > end {
        return Err(stale(&format!(
            "the cursor points past the end of the server's log ({} > {end})",
            query.after
        )));
    }
    let mut from: Place = (query.after_xid, query.after);
    if query.after > 0 {
        let at = tx
            .query_opt(
                "SELECT id, xid::text::bigint FROM events WHERE seq = $1",
                &[&(query.after as i64)],
            )
            .await?
            .map(|row| (row.get::<_, String>(0), row.get::<_, i64>(1) as u64));
        if let Some(mark) = &query.mark {
            if at.as_ref().map(|(id, _)| id) != Some(mark) {
                return Err(stale(
                    "another event stands at the cursor's place in the server's log",
                ));
            }
        }
        if let Some((_, xid)) = at {
            match query.after_xid {
                // A cursor without the transaction id: take the one of the event at its place.
                0 => from.0 = xid,
                given if given != xid => {
                    return Err(stale(
                        "the event at the cursor's place was written by another transaction",
                    ))
                }
                _ => {}
            }
        }
        if from.0 >= fence {
            // The cursor's event was below the fence when it was given, and the fence only rises.
            return Err(stale(
                "the cursor is ahead of the server's transaction counter",
            ));
        }
    }
    let rows = tx
        .query(
            "SELECT e.xid::text::bigint, e.seq, e.id, e.device_id, e.body, e.signature, d.public_key
               FROM events e
               JOIN cases c ON c.case_id = e.case_id
               JOIN devices d ON d.id = e.device_id
              WHERE (e.xid, e.seq) > ($1::text::xid8, $2)
                AND e.xid < $3::text::xid8
                AND e.device_id <> $4
                AND ($5::text[] IS NULL OR c.port = ANY($5))
              ORDER BY e.xid, e.seq
              LIMIT $6",
            &[
                &from.0.to_string(),
                &(from.1 as i64),
                &fence.to_string(),
                &query.exclude_device.to_string(),
                &query.ports,
                &((query.limit + 1) as i64),
            ],
        )
        .await?;
    let mut events = Vec::new();
    let mut places = Vec::new();
    let mut keys = BTreeMap::new();
    for row in &rows {
        let seq = row.get::<_, i64>(1) as u64;
        let device_id = uuid(row.get(3))?;
        keys.entry(device_id)
            .or_insert_with(|| hex::encode(row.get::<_, Vec<u8>>(6)));
        let signature: Vec<u8> = row.get(5);
        events.push(LoggedEvent {
            seq,
            device_id,
            body: row.get(4),
            signature: signature
                .try_into()
                .map_err(|_| StoreError::Backend(format!("event {seq} has a bad signature")))?,
        });
        places.push(((row.get::<_, i64>(0) as u64, seq), row.get::<_, String>(2)));
    }
    let more = events.len() > query.limit;
    events.truncate(query.limit);
    places.truncate(query.limit);
    // Without more, everything up to the fence was examined: the next pull starts at the last
    // event below it, past the events this caller does not see, but never past one not yet visible.
    let last: Option<(Place, String)> = match (more, places.last()) {
        (true, Some(place)) => Some(place.clone()),
        _ => tx
            .query_opt(
                "SELECT xid::text::bigint, seq, id FROM events
                  WHERE xid < $1::text::xid8
                  ORDER BY xid DESC, seq DESC
                  LIMIT 1",
                &[&fence.to_string()],
            )
            .await?
            .map(|row| {
                (
                    (row.get::<_, i64>(0) as u64, row.get::<_, i64>(1) as u64),
                    row.get(2),
                )
            }),
    };
    let ((last_xid, last), last_mark) = match last {
        Some((place, id)) if place > from => (place, Some(id)),
        // Nothing new below the fence: stay where the cursor was.
        _ if from.1 == 0 => ((0, 0), None),
        _ => {
            let mark = match &query.mark {
                Some(mark) => Some(mark.clone()),
                None => tx
                    .query_opt("SELECT id FROM events WHERE seq = $1", &[&(from.1 as i64)])
                    .await?
                    .map(|row| row.get(0)),
            };
            (from, mark)
        }
    };
    let keys = keys_of_signers(&events, keys);
    Ok(PullPage {
        epoch,
        events,
        keys,
        last_xid,
        last,
        last_mark,
        more,
    })
}

/// Wait (at most `PULL_FENCE_WAIT`) until every transaction that was running when the pull began
/// has ended, so the fence is past every push acknowledged before it: a device that pulls right
/// after another's push was answered gets it. The fence is cluster-wide (`pg_snapshot_xmin`), so a
/// long transaction anywhere holds it down; then the pull goes on without waiting longer, and what
/// it leaves out comes with a later pull (the cursor skips nothing either way).
pub(super) async fn await_fence(client: &deadpool_postgres::Client) -> Result<()> {
    let started = std::time::Instant::now();
    let fence = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
                        pg_snapshot_xmax(pg_current_snapshot())::text::bigint";
    let row = client.query_one(fence, &[]).await?;
    let (mut low, target): (i64, i64) = (row.get(0), row.get(1));
    let mut pause = Duration::from_millis(1);
    while low < target && started.elapsed() < PULL_FENCE_WAIT {
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(20));
        low = client.query_one(fence, &[]).await?.get(0);
    }
    Ok(())
}

pub(super) async fn pull(store: &PgStore, query: PullQuery) -> Result<PullPage> {
    let mut client = store.client().await?;
    await_fence(&client).await?;
    let tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .await?;
    let page = pull_page(&tx, &query).await?;
    tx.commit().await?;
    Ok(page)
}
