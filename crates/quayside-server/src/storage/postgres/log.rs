//! The log's identity (its epoch) and the log read in pull order: body hashes for the Merkle tree
//! (below the fence), counts, and every column for `verify` (every committed row).

use tokio_postgres::IsolationLevel;

use super::pull::await_fence;
use super::PgStore;
use crate::storage::shared::random_epoch;
use crate::storage::{LogHashes, LogPlace, Result, StoredEvent};

pub(super) async fn epoch(store: &PgStore) -> Result<String> {
    let client = store.client().await?;
    let row = client
        .query_one("SELECT value FROM meta WHERE key = 'epoch'", &[])
        .await?;
    Ok(row.get(0))
}

pub(super) async fn new_epoch(store: &PgStore) -> Result<String> {
    let epoch = random_epoch()?;
    let client = store.client().await?;
    client
        .execute(
            "INSERT INTO meta (key, value) VALUES ('epoch', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&epoch],
        )
        .await?;
    Ok(epoch)
}

pub(super) async fn log_hashes(
    store: &PgStore,
    after: LogPlace,
    limit: usize,
) -> Result<LogHashes> {
    let mut client = store.client().await?;
    // As pull does: wait for the pushes answered before this to end, so they are below the
    // fence and in the tree.
    await_fence(&client).await?;
    let tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .await?;
    let row = tx
        .query_one(
            "SELECT (SELECT value FROM meta WHERE key = 'epoch'),
                    pg_snapshot_xmin(pg_current_snapshot())::text",
            &[],
        )
        .await?;
    let (epoch, fence): (String, String) = (row.get(0), row.get(1));
    let at_after = match after.seq {
        0 => None,
        seq => tx
            .query_opt(
                "SELECT hash FROM events WHERE seq = $1 AND xid = $2::text::xid8",
                &[&(seq as i64), &after.xid.to_string()],
            )
            .await?
            .map(|row| row.get(0)),
    };
    let rows = tx
        .query(
            "SELECT xid::text::bigint, seq, hash FROM events
              WHERE (xid, seq) > ($1::text::xid8, $2) AND xid < $3::text::xid8
              ORDER BY xid, seq
              LIMIT $4",
            &[
                &after.xid.to_string(),
                &(after.seq as i64),
                &fence,
                &(limit as i64),
            ],
        )
        .await?;
    tx.commit().await?;
    let last = rows.last().map_or(after, |row| LogPlace {
        xid: row.get::<_, i64>(0) as u64,
        seq: row.get::<_, i64>(1) as u64,
    });
    Ok(LogHashes {
        epoch,
        at_after,
        hashes: rows.iter().map(|row| row.get(2)).collect(),
        last,
    })
}

pub(super) async fn log_count(store: &PgStore, through: LogPlace) -> Result<u64> {
    let client = store.client().await?;
    let row = client
        .query_one(
            "SELECT count(*) FROM events WHERE (xid, seq) <= ($1::text::xid8, $2)",
            &[&through.xid.to_string(), &(through.seq as i64)],
        )
        .await?;
    Ok(row.get::<_, i64>(0) as u64)
}

/// For `verify`, an operator's full check: every row committed when its snapshot is taken, not
/// only those below the pull fence. The fence is cluster-wide (`pg_snapshot_xmin`), so a long
/// transaction in another database on the same server would hold it down and hide the whole log
/// from the check. Read in one snapshot, the rows are consistent (a device's later push commits
/// after its earlier one, so no chain has a hole); the caller reads the log in one call for that.
pub(super) async fn log_events(
    store: &PgStore,
    after: LogPlace,
    limit: usize,
) -> Result<Vec<StoredEvent>> {
    let mut client = store.client().await?;
    let tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .await?;
    let rows = tx
        .query(
            "SELECT xid::text::bigint, seq, id, device_id, device_seq, case_id, body,
                    signature, hash
               FROM events
              WHERE (xid, seq) > ($1::text::xid8, $2)
              ORDER BY xid, seq
              LIMIT $3",
            &[
                &after.xid.to_string(),
                &(after.seq as i64),
                &(limit.min(i64::MAX as usize) as i64),
            ],
        )
        .await?;
    tx.commit().await?;
    Ok(rows
        .iter()
        .map(|row| StoredEvent {
            place: LogPlace {
                xid: row.get::<_, i64>(0) as u64,
                seq: row.get::<_, i64>(1) as u64,
            },
            id: row.get(2),
            device_id: row.get(3),
            device_seq: row.get::<_, i64>(4) as u64,
            case_id: row.get(5),
            body: row.get(6),
            signature: row.get(7),
            hash: row.get(8),
        })
        .collect())
}

/// The port of the case of each logged event among `hashes`.
pub(super) async fn event_ports(
    store: &PgStore,
    hashes: Vec<String>,
) -> Result<std::collections::HashMap<String, String>> {
    let client = store.client().await?;
    let rows = client
        .query(
            "SELECT e.hash, c.port FROM events e JOIN cases c ON c.case_id = e.case_id
              WHERE e.hash = ANY($1)",
            &[&hashes],
        )
        .await?;
    Ok(rows.iter().map(|row| (row.get(0), row.get(1))).collect())
}
