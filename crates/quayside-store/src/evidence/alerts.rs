//! What a sync found wrong with the server's log (or a restore an admin declared): the
//! `log_alerts` table, which this module alone writes.

use rusqlite::params;
use serde::Serialize;

use crate::clock::rfc3339;
use crate::error::Result;
use crate::store::Store;

/// Something a sync found wrong with the server's log, or a restore an admin declared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogAlert {
    pub at: String,
    /// What was found: the sync client's word (`log_inconsistent`, `server_key_changed`,
    /// `new_epoch`, ...).
    pub kind: String,
    pub message: String,
}

impl Store {
    /// Keep what a sync found wrong with the server's log (or a declared restore). An alert kept
    /// already (every sync finds it again until someone acts) is not kept twice: true when this
    /// one was new.
    pub fn record_log_alert(&self, kind: &str, message: &str) -> Result<bool> {
        let known: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM log_alerts WHERE kind = ?1 AND message = ?2)",
            params![kind, message],
            |r| r.get(0),
        )?;
        if known {
            return Ok(false);
        }
        self.conn.execute(
            "INSERT INTO log_alerts (at, kind, message) VALUES (?1, ?2, ?3)",
            params![rfc3339(self.clock.now()), kind, message],
        )?;
        Ok(true)
    }

    /// Every alert, oldest first.
    pub fn log_alerts(&self) -> Result<Vec<LogAlert>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT at, kind, message FROM log_alerts ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(LogAlert {
                at: r.get(0)?,
                kind: r.get(1)?,
                message: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
