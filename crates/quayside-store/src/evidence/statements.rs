//! Statements the sync server signed (receipts, checkpoints of its log, revocations), kept
//! verbatim in `server_statements`, which this module alone writes: recording one, and the
//! lookups the sync client and case evidence make.

use rusqlite::{params, Connection, Row};
use serde::Serialize;
use uuid::Uuid;

use crate::clock::rfc3339;
use crate::columns::to_i64;
use crate::error::Result;
use crate::store::Store;

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

pub(super) fn statements(
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
}
