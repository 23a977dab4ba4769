//! Reading one case back from the projection: the stored case file (`cases.state`) with its
//! personal values, their conflicts and its entity links put back in, and whether a case exists. Only reads: the
//! rows are written by `projection`.

use quayside_domain::case::{CaseFile, Conflict, FieldValue};
use quayside_domain::entities::{EntityKind, EntityLink};
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
    case.entity_links = links_decided_in(conn, id)?;
    Ok(Some(case))
}

/// The links decided in one case (`case_state` puts them back into the case file).
fn links_decided_in(conn: &Connection, case_id: Uuid) -> Result<Vec<EntityLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, key, other, same, author, at, event_id, hlc FROM case_entity_links
         WHERE case_id = ?1 ORDER BY hlc, event_id",
    )?;
    let rows = stmt.query_map([case_id.to_string()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            EntityLink {
                kind: EntityKind::Company,
                key: r.get(1)?,
                other: r.get(2)?,
                same: r.get(3)?,
                by: r.get(4)?,
                at: r.get(5)?,
                event_id: r.get::<_, String>(6)?.parse().unwrap_or_default(),
                hlc: r.get::<_, i64>(7)? as u64,
            },
        ))
    })?;
    let mut links = Vec::new();
    for row in rows {
        let (kind, mut link) = row?;
        let Some(kind) = EntityKind::parse(&kind) else {
            continue;
        };
        link.kind = kind;
        links.push(link);
    }
    Ok(links)
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
