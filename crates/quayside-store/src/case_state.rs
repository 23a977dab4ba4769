//! Reading one case back from the projection: the stored case file (`cases.state`) with its
//! personal values and their conflicts put back in, and whether a case exists. Only reads: the
//! rows are written by `projection`.

use quayside_domain::case::{CaseFile, Conflict, FieldValue};
use quayside_domain::fields::Field;
use rusqlite::{Connection, OptionalExtension};
use uuid::Uuid;

use crate::columns::from_text;
use crate::error::{Result, StoreError};

pub(crate) fn load_case(conn: &Connection, id: Uuid) -> Result<Option<CaseFile>> {
    let state: Option<String> = conn
        .query_row(
            "SELECT state FROM cases WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    let Some(state) = state else { return Ok(None) };
    let mut case: CaseFile = serde_json::from_str(&state)
        .map_err(|e| StoreError::Refused(format!("stored case state: {e}")))?;
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, field, value, event_id, author, at FROM case_personal WHERE case_id = ?1",
    )?;
    let rows = stmt.query_map([id.to_string()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    for row in rows {
        let (item, field, value, event, author, at) = row?;
        let (Ok(item), Ok(field), Ok(event_id)) = (
            Uuid::parse_str(&item),
            from_text::<Field>(field),
            Uuid::parse_str(&event),
        ) else {
            continue;
        };
        if let Some(entry) = case.items.iter_mut().find(|i| i.id == item) {
            entry.fields.insert(
                field,
                FieldValue {
                    value,
                    event_id,
                    author,
                    at,
                },
            );
        }
    }
    let mut stmt =
        conn.prepare_cached("SELECT conflict FROM case_personal_conflicts WHERE case_id = ?1")?;
    let rows = stmt.query_map([id.to_string()], |r| r.get::<_, String>(0))?;
    for row in rows {
        let conflict: Conflict = serde_json::from_str(&row?)
            .map_err(|e| StoreError::Refused(format!("stored conflict: {e}")))?;
        case.conflicts.push(conflict);
    }
    Ok(Some(case))
}

/// `Ok` when the projection holds case `id`, `CaseNotFound` otherwise.
pub(crate) fn case_exists(conn: &Connection, id: Uuid) -> Result<()> {
    let found: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?1)",
        [id.to_string()],
        |r| r.get(0),
    )?;
    found.then_some(()).ok_or(StoreError::CaseNotFound(id))
}
