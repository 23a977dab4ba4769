//! The entity index (`case_entities`) and the analysts' case summaries (`case_summaries`):
//! refolded for the cases a push touches, inside its
//! transaction (each case's row locked first, in order, so two pushes to one case take turns and
//! the second folds the first's events too), and for every case once when the table is made;
//! counted for other ports, read for analysts.

use tokio_postgres::Transaction;
use uuid::Uuid;

use super::PgStore;
use crate::storage::shared::derive_case;
use crate::storage::Result;

/// Replace the index rows and summary of each case by what its events now say.
pub(super) async fn reindex_cases(
    tx: &Transaction<'_>,
    cases: impl IntoIterator<Item = Uuid>,
) -> Result<()> {
    let mut cases: Vec<String> = cases.into_iter().map(|c| c.to_string()).collect();
    cases.sort();
    cases.dedup();
    for id in cases {
        tx.execute("SELECT 1 FROM cases WHERE case_id = $1 FOR UPDATE", &[&id])
            .await?;
        let bodies: Vec<Vec<u8>> = tx
            .query("SELECT body FROM events WHERE case_id = $1", &[&id])
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect();
        tx.execute("DELETE FROM case_entities WHERE case_id = $1", &[&id])
            .await?;
        tx.execute("DELETE FROM case_summaries WHERE case_id = $1", &[&id])
            .await?;
        let Some(derived) = derive_case(&bodies) else {
            continue;
        };
        tx.execute(
            "INSERT INTO case_summaries (case_id, summary) VALUES ($1, $2)",
            &[&id, &derived.summary],
        )
        .await?;
        for (kind, key) in derived.keys {
            tx.execute(
                "INSERT INTO case_entities (case_id, kind, key) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                &[&id, &kind, &key],
            )
            .await?;
        }
    }
    Ok(())
}

/// Index every case the log holds (the tables were just made).
pub(super) async fn reindex_all(tx: &Transaction<'_>) -> Result<()> {
    let cases: Vec<Uuid> = tx
        .query("SELECT case_id FROM cases", &[])
        .await?
        .iter()
        .map(|r| crate::storage::shared::uuid(r.get(0)))
        .collect::<Result<_>>()?;
    reindex_cases(tx, cases).await
}

pub(super) async fn seen_at_other_ports(
    store: &PgStore,
    entities: Vec<(String, String)>,
    ports: Option<Vec<String>>,
) -> Result<Vec<u64>> {
    let Some(ports) = ports else {
        return Ok(vec![0; entities.len()]);
    };
    let client = store.client().await?;
    let count = client
        .prepare(
            "SELECT count(DISTINCT e.case_id) FROM case_entities e
               JOIN cases c ON c.case_id = e.case_id
              WHERE e.kind = $1 AND e.key = $2 AND NOT (c.port = ANY($3))",
        )
        .await?;
    let mut counts = Vec::with_capacity(entities.len());
    for (kind, key) in &entities {
        let n: i64 = client.query_one(&count, &[kind, key, &ports]).await?.get(0);
        counts.push(n as u64);
    }
    Ok(counts)
}

/// The stored summaries (JSON) of these cases; a case the log does not hold is left out.
pub(super) async fn case_summaries(store: &PgStore, cases: Vec<Uuid>) -> Result<Vec<String>> {
    let ids: Vec<String> = cases.iter().map(|c| c.to_string()).collect();
    let client = store.client().await?;
    Ok(client
        .query(
            "SELECT summary FROM case_summaries WHERE case_id = ANY($1)",
            &[&ids],
        )
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect())
}
