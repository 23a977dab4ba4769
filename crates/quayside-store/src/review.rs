//! The review queue (read from the review columns `projection` writes), and the reason a person
//! gives before changing a case that was submitted or approved: the `change_reasons` table, which
//! this module alone writes.

use quayside_domain::case::CaseFile;
use quayside_domain::state::CaseState;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::case_state::load_case;
use crate::clock::rfc3339;
use crate::columns::from_text;
use crate::error::{Result, StoreError};
use crate::store::Store;

/// Which queued cases to show: all, or those of one port, or those one inspector submitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct QueueFilter {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub port: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub inspector: Option<String>,
}

/// A case waiting for a supervisor, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QueuedCase {
    pub id: Uuid,
    pub case_number: String,
    pub port: String,
    pub state: CaseState,
    pub queued_at: String,
    pub submitted_by: Option<String>,
    pub container_number: Option<String>,
    pub declared_description: Option<String>,
    pub flag_count: u32,
}

fn step_key(case: &CaseFile) -> String {
    case.review
        .last_step
        .map(|id| id.to_string())
        .unwrap_or_default()
}

/// The reason given for changing `case`, unless a review step (here or synced from another
/// device) has been made since it was given: then it no longer holds, and none is returned.
pub(crate) fn change_reason(conn: &Connection, case: &CaseFile) -> Result<Option<String>> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT reason, under_step FROM change_reasons WHERE case_id = ?1",
            [case.id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(row.and_then(|(reason, step)| (step == step_key(case)).then_some(reason)))
}

pub(crate) fn forget_change_reason(conn: &Connection, case_id: Uuid) -> Result<()> {
    conn.execute(
        "DELETE FROM change_reasons WHERE case_id = ?1",
        [case_id.to_string()],
    )?;
    Ok(())
}

impl Store {
    /// Cases waiting for review (submitted, or reopened by a change after approval; neither closed
    /// nor withdrawn), oldest first.
    pub fn review_queue(&self, filter: &QueueFilter) -> Result<Vec<QueuedCase>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, case_number, port, case_state, review_queued_at, submitted_by,
                    container_number, declared_description, flags
             FROM cases
             WHERE case_state IN ('submitted', 'reopened')
               AND (?1 IS NULL OR port = ?1) AND (?2 IS NULL OR submitted_by = ?2)
             ORDER BY review_queued_at, case_number",
        )?;
        let rows = stmt.query_map(params![filter.port, filter.inspector], |r| {
            let flags: String = r.get(8)?;
            Ok(QueuedCase {
                id: from_text(r.get(0)?)?,
                case_number: r.get(1)?,
                port: r.get(2)?,
                state: from_text(r.get(3)?)?,
                queued_at: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                submitted_by: r.get(5)?,
                container_number: r.get(6)?,
                declared_description: r.get(7)?,
                flag_count: flags.split_whitespace().count() as u32,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The inspectors who have cases in the queue: the queue's filter choices.
    pub fn queue_inspectors(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT submitted_by FROM cases
             WHERE case_state IN ('submitted', 'reopened') AND submitted_by IS NOT NULL
             ORDER BY submitted_by",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Say why the case is being changed (None forgets it). Kept until the case is next submitted
    /// or decided, so a crash mid-edit does not ask again.
    pub fn set_change_reason(&self, case_id: Uuid, reason: Option<&str>) -> Result<()> {
        let case = load_case(&self.conn, case_id)?.ok_or(StoreError::CaseNotFound(case_id))?;
        match reason {
            Some(reason) => {
                self.conn.execute(
                    "INSERT INTO change_reasons (case_id, reason, under_step, set_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (case_id) DO UPDATE SET reason = excluded.reason,
                       under_step = excluded.under_step, set_at = excluded.set_at",
                    params![case_id.to_string(), reason, step_key(&case), rfc3339(self.clock.now())],
                )?;
            }
            None => forget_change_reason(&self.conn, case_id)?,
        }
        Ok(())
    }

    pub fn change_reason(&self, case_id: Uuid) -> Result<Option<String>> {
        let case = load_case(&self.conn, case_id)?.ok_or(StoreError::CaseNotFound(case_id))?;
        change_reason(&self.conn, &case)
    }
}
