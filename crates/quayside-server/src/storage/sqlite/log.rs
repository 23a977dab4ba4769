//! The log's identity (its epoch) and the log read whole, in the stable order: body hashes for
//! the Merkle tree, counts, and every column for `verify`.

use rusqlite::{params, OptionalExtension, Transaction};

use super::SqliteStore;
use crate::storage::shared::random_epoch;
use crate::storage::{LogHashes, LogPlace, Result, StoredEvent};

pub(super) fn epoch_in(tx: &Transaction) -> Result<String> {
    Ok(
        tx.query_row("SELECT value FROM meta WHERE key = 'epoch'", [], |r| {
            r.get(0)
        })?,
    )
}

pub(super) async fn epoch(store: &SqliteStore) -> Result<String> {
    store.read(epoch_in).await
}

pub(super) async fn new_epoch(store: &SqliteStore) -> Result<String> {
    let epoch = random_epoch()?;
    store
        .write(move |tx| {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('epoch', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [&epoch],
            )?;
            Ok(epoch)
        })
        .await
}

pub(super) async fn log_hashes(
    store: &SqliteStore,
    after: LogPlace,
    limit: usize,
) -> Result<LogHashes> {
    store
        .read(move |tx| {
            let epoch = epoch_in(tx)?;
            let at_after = match after.seq {
                0 => None,
                seq => tx
                    .query_row(
                        "SELECT hash FROM events WHERE seq = ?1",
                        [seq as i64],
                        |r| r.get(0),
                    )
                    .optional()?,
            };
            let mut stmt = tx.prepare_cached(
                "SELECT seq, hash FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(params![after.seq as i64, limit as i64], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let last = rows.last().map_or(after, |(seq, _)| LogPlace {
                xid: 0,
                seq: *seq as u64,
            });
            Ok(LogHashes {
                epoch,
                at_after,
                hashes: rows.into_iter().map(|(_, hash)| hash).collect(),
                last,
            })
        })
        .await
}

pub(super) async fn log_count(store: &SqliteStore, through: LogPlace) -> Result<u64> {
    store
        .read(move |tx| {
            Ok(tx.query_row(
                "SELECT count(*) FROM events WHERE seq <= ?1",
                [through.seq as i64],
                |r| r.get::<_, i64>(0),
            )? as u64)
        })
        .await
}

pub(super) async fn log_events(
    store: &SqliteStore,
    after: LogPlace,
    limit: usize,
) -> Result<Vec<StoredEvent>> {
    store
        .read(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT seq, id, device_id, device_seq, case_id, body, signature, hash
               FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(params![after.seq as i64, limit as i64], |r| {
                    Ok(StoredEvent {
                        place: LogPlace {
                            xid: 0,
                            seq: r.get::<_, i64>(0)? as u64,
                        },
                        id: r.get(1)?,
                        device_id: r.get(2)?,
                        device_seq: r.get::<_, i64>(3)? as u64,
                        case_id: r.get(4)?,
                        body: r.get(5)?,
                        signature: r.get(6)?,
                        hash: r.get(7)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .await
}

/// The port of the case of each logged event among `hashes`.
pub(super) async fn event_ports(
    store: &SqliteStore,
    hashes: Vec<String>,
) -> Result<std::collections::HashMap<String, String>> {
    store
        .read(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT c.port FROM events e JOIN cases c ON c.case_id = e.case_id
                  WHERE e.hash = ?1",
            )?;
            let mut ports = std::collections::HashMap::new();
            for hash in hashes {
                let port: Option<String> = stmt.query_row([&hash], |r| r.get(0)).optional()?;
                if let Some(port) = port {
                    ports.insert(hash, port);
                }
            }
            Ok(ports)
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::sqlite::connection::lock;

    #[test]
    fn the_log_refuses_updates_and_deletes() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("s.sqlite3")).unwrap();
        let conn = lock(&store.inner.writer);
        conn.execute_batch(
            "INSERT INTO users (username, password_hash, role, ports, created_at)
               VALUES ('u', 'h', 'inspector', '[]', 'now');
             INSERT INTO devices (id, public_key, name, username, token_hash, enrolled_at)
               VALUES ('d', zeroblob(32), 'n', 'u', 't', 'now');
             INSERT INTO events (id, device_id, device_seq, case_id, body, signature, hash, received_at)
               VALUES ('e', 'd', 1, 'c', x'00', zeroblob(64), 'h', 'now');",
        )
        .unwrap();
        let update = conn.execute("UPDATE events SET body = x'01'", []);
        assert!(update.unwrap_err().to_string().contains("append-only"));
        let delete = conn.execute("DELETE FROM events", []);
        assert!(delete.unwrap_err().to_string().contains("append-only"));

        // The quarantine: what a device signed stays; unsigned junk may be pruned.
        conn.execute_batch(
            "INSERT INTO quarantine (pushed_by, batch_index, in_chain, body, signature, hash,
                 reason, received_at, verified)
               VALUES ('d', 0, 0, x'00', 's', 'h', 'fork', 'now', 1),
                      ('d', 1, 0, x'', '', 'h2', 'bad signature', 'now', 0);",
        )
        .unwrap();
        let signed = conn.execute("DELETE FROM quarantine WHERE verified = 1", []);
        assert!(signed
            .unwrap_err()
            .to_string()
            .contains("cannot be deleted"));
        assert_eq!(
            conn.execute("DELETE FROM quarantine WHERE verified = 0", [])
                .unwrap(),
            1
        );
        let update = conn.execute("UPDATE quarantine SET reason = 'x'", []);
        assert!(update
            .unwrap_err()
            .to_string()
            .contains("cannot be changed"));
    }
}
