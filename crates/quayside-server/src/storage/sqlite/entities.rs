//! The entity index (`case_entities`) and the analysts' case summaries (`case_summaries`):
//! refolded for the cases a push touches, inside its transaction, and for every case once when
//! the tables are made; counted for other ports, read for analysts.

use rusqlite::{params, Transaction};
use uuid::Uuid;

use super::SqliteStore;
use crate::storage::shared::derive_case;
use crate::storage::Result;

/// Replace the index rows and summary of `case` by what its events now say.
pub(super) fn reindex_case(tx: &Transaction, case: Uuid) -> Result<()> {
    let id = case.to_string();
    let bodies = tx
        .prepare_cached("SELECT body FROM events WHERE case_id = ?1")?
        .query_map([&id], |r| r.get::<_, Vec<u8>>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    tx.execute("DELETE FROM case_entities WHERE case_id = ?1", [&id])?;
    tx.execute("DELETE FROM case_summaries WHERE case_id = ?1", [&id])?;
    let Some(derived) = derive_case(&bodies) else {
        return Ok(());
    };
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO case_entities (case_id, kind, key) VALUES (?1, ?2, ?3)",
    )?;
    for (kind, key) in derived.keys {
        insert.execute(params![id, kind, key])?;
    }
    tx.execute(
        "INSERT INTO case_summaries (case_id, summary) VALUES (?1, ?2)",
        params![id, derived.summary],
    )?;
    Ok(())
}

/// Index every case the log holds (the tables were just made).
pub(super) fn reindex_all(tx: &Transaction) -> Result<()> {
    let cases = tx
        .prepare("SELECT case_id FROM cases")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for case in cases {
        reindex_case(tx, crate::storage::shared::uuid(&case)?)?;
    }
    Ok(())
}

pub(super) async fn seen_at_other_ports(
    store: &SqliteStore,
    entities: Vec<(String, String)>,
    ports: Option<Vec<String>>,
) -> Result<Vec<u64>> {
    let Some(ports) = ports else {
        return Ok(vec![0; entities.len()]);
    };
    let ports = serde_json::to_string(&ports).expect("port names serialize");
    store
        .read(move |tx| {
            let mut count = tx.prepare_cached(
                "SELECT count(DISTINCT e.case_id) FROM case_entities e
                   JOIN cases c ON c.case_id = e.case_id
                  WHERE e.kind = ?1 AND e.key = ?2
                    AND c.port NOT IN (SELECT value FROM json_each(?3))",
            )?;
            entities
                .iter()
                .map(|(kind, key)| {
                    Ok(count.query_row(params![kind, key, ports], |r| r.get::<_, i64>(0))? as u64)
                })
                .collect()
        })
        .await
}

/// The stored summaries (JSON) of these cases; a case the log does not hold is left out.
pub(super) async fn case_summaries(store: &SqliteStore, cases: Vec<Uuid>) -> Result<Vec<String>> {
    store
        .read(move |tx| {
            let mut one =
                tx.prepare_cached("SELECT summary FROM case_summaries WHERE case_id = ?1")?;
            let mut out = Vec::with_capacity(cases.len());
            for case in &cases {
                let mut rows = one.query([case.to_string()])?;
                if let Some(row) = rows.next()? {
                    out.push(row.get(0)?);
                }
            }
            Ok(out)
        })
        .await
}
