//! Other ports' cases as summaries (an analyst's device receives them from the server): kept,
//! replaced by newer ones, and read by `entities` so a case's entities are seen in them too.

use quayside_domain::entities::EntityKind;
use quayside_domain::state::CaseState;
use rusqlite::params;
use uuid::Uuid;

use crate::columns::to_text;
use crate::error::Result;
use crate::store::Store;

/// One case of another port as a summary says it.
#[derive(Debug, Clone, PartialEq)]
pub struct PortSummary {
    pub case_id: Uuid,
    pub case_number: String,
    pub port: String,
    pub opened_at: String,
    pub state: CaseState,
    pub outcome: Option<String>,
    /// (kind, normalised key, the value as recorded).
    pub entities: Vec<(EntityKind, String, String)>,
}

impl Store {
    /// Keep these summaries, each replacing what was kept of its case, in one transaction.
    pub fn save_port_summaries(&mut self, summaries: &[PortSummary]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut forget = tx.prepare_cached("DELETE FROM port_summaries WHERE case_id = ?1")?;
            let mut case = tx.prepare_cached(
                "INSERT INTO port_summaries (case_id, case_number, port, opened_at, case_state, outcome)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut entity = tx.prepare_cached(
                "INSERT OR IGNORE INTO port_summary_entities (case_id, kind, key, shown)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for summary in summaries {
                let id = summary.case_id.to_string();
                forget.execute([&id])?;
                case.execute(params![
                    id,
                    summary.case_number,
                    summary.port,
                    summary.opened_at,
                    to_text(&summary.state),
                    summary.outcome,
                ])?;
                for (kind, key, shown) in &summary.entities {
                    entity.execute(params![id, kind.as_str(), key, shown])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Forget every summary (the device signed out, or its server's log was replaced).
    pub fn forget_port_summaries(&self) -> Result<()> {
        self.conn.execute("DELETE FROM port_summaries", [])?;
        Ok(())
    }

    /// How many cases known only from summaries name `key` of `kind`.
    pub fn summaries_naming(&self, kind: EntityKind, key: &str) -> Result<u64> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT count(*) FROM port_summary_entities e
             WHERE e.kind = ?1 AND e.key = ?2
               AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)",
        )?;
        Ok(stmt.query_row(params![kind.as_str(), key], |r| r.get::<_, i64>(0))? as u64)
    }

    /// How many cases of other ports are kept as summaries.
    pub fn port_summary_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM port_summaries", [], |r| {
                r.get::<_, i64>(0)
            })? as u64)
    }
}
