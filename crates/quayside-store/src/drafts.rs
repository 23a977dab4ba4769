//! Text typed into a field that is not valid yet, in the `drafts` table (this module alone writes
//! it). Saved as the person types so nothing is lost on a crash; cleared when a valid value is
//! saved as an event, in that event's transaction (`discard`).

use quayside_domain::fields::Field;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::case_state::case_exists;
use crate::clock::rfc3339;
use crate::columns::{from_text, to_text};
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Draft {
    pub item: Option<Uuid>,
    pub field: Field,
    pub text: String,
    pub saved_at: String,
}

fn item_key(item: Option<Uuid>) -> String {
    item.map(|i| i.to_string()).unwrap_or_default()
}

fn field_key(field: Field) -> String {
    to_text(&field)
}

impl Store {
    pub fn save_draft(
        &self,
        case: Uuid,
        item: Option<Uuid>,
        field: Field,
        text: &str,
    ) -> Result<()> {
        case_exists(&self.conn, case)?;
        self.conn.execute(
            "INSERT INTO drafts (case_id, item_id, field, text, saved_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (case_id, item_id, field) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at",
            params![case.to_string(), item_key(item), field_key(field), text, rfc3339(self.clock.now())],
        )?;
        Ok(())
    }

    pub fn discard_draft(&self, case: Uuid, item: Option<Uuid>, field: Field) -> Result<()> {
        discard(&self.conn, case, item, field)
    }

    pub fn drafts(&self, case: Uuid) -> Result<Vec<Draft>> {
        let mut stmt = self.conn.prepare(
            "SELECT item_id, field, text, saved_at FROM drafts WHERE case_id = ?1 ORDER BY saved_at",
        )?;
        let rows = stmt.query_map([case.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (item, field, text, saved_at) = row?;
            // A draft for a field this version no longer knows is skipped, not fatal.
            let Ok(field) = from_text(field) else {
                continue;
            };
            out.push(Draft {
                item: Uuid::parse_str(&item).ok(),
                field,
                text,
                saved_at,
            });
        }
        Ok(out)
    }
}

pub(crate) fn discard(
    conn: &Connection,
    case: Uuid,
    item: Option<Uuid>,
    field: Field,
) -> Result<()> {
    conn.execute(
        "DELETE FROM drafts WHERE case_id = ?1 AND item_id = ?2 AND field = ?3",
        params![case.to_string(), item_key(item), field_key(field)],
    )?;
    Ok(())
}
