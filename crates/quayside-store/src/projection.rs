//! The projection: the derived tables the UI reads (`cases`, `case_flags`, `case_facets`,
//! `case_personal`, `case_personal_conflicts`, `case_photos`, `case_documents`, `case_entities`,
//! `case_entity_links`, `case_search`,
//! `case_search_trigram`, `timeline`). This is
//! the only module that writes them: `fold_event` inside the transaction that appends an event,
//! `refold_afresh` inside the one that takes events in, `rebuild_projection` from the whole log
//! with the same result. Reading a case back is `case_state`'s.

use quayside_domain::case::{CaseFile, Change, Conflict, FieldValue, FoldError};
use quayside_domain::entities::entities_of;
use quayside_domain::event::EventBody;
use quayside_domain::fields::Field;
use quayside_domain::flags::flags;
use quayside_domain::hlc::Hlc;
use rusqlite::{params, Connection, TransactionBehavior};
use uuid::Uuid;

use crate::columns::to_text;
use crate::control_lists;
use crate::device::parse_uuid;
use crate::error::{Result, StoreError};
use crate::event_rows::{case_events, StoredEvent};
use crate::facets;
use crate::migrate::PROJECTION_STALE;
use crate::search;
use crate::store::Store;

/// Fold one new event into `current` (None: the event opens the case) and write the result: its
/// timeline row and the case's rows. A fold that refuses the event writes nothing and fails.
/// Called inside the transaction that appends the event.
pub(crate) fn fold_event(
    conn: &Connection,
    current: Option<CaseFile>,
    event: &EventBody,
) -> Result<CaseFile> {
    let refused = |e: FoldError| StoreError::Refused(e.to_string());
    let (case, changes) = match current {
        None => CaseFile::open(event).map_err(refused)?,
        Some(mut case) => {
            let changes = case.apply(event).map_err(refused)?;
            (case, changes)
        }
    };
    record_timeline(conn, event, &changes, None)?;
    save_case(conn, &case, event.hlc)?;
    Ok(case)
}

/// The case without personal data, and the personal values (and conflicts over them) taken out.
fn split_personal(case: &CaseFile) -> (CaseFile, Vec<(Uuid, Field, FieldValue)>, Vec<Conflict>) {
    let mut public = case.clone();
    let (personal_conflicts, conflicts) = std::mem::take(&mut public.conflicts)
        .into_iter()
        .partition(|c| c.field.is_personal());
    public.conflicts = conflicts;
    // Links name parties by their keys: kept in `case_entity_links`.
    public.entity_links.clear();
    let mut personal = Vec::new();
    for item in &mut public.items {
        item.fields.retain(|field, value| {
            if field.is_personal() {
                personal.push((item.id, *field, value.clone()));
            }
            !field.is_personal()
        });
    }
    (public, personal, personal_conflicts)
}

fn save_case(conn: &Connection, case: &CaseFile, last_hlc: Hlc) -> Result<()> {
    let list = control_lists::of_case(conn, case.control_list.as_ref())?;
    let flags = flags(case, &list);
    let codes: Vec<String> = flags.iter().map(|f| to_text(&f.code)).collect();
    let (public, personal, personal_conflicts) = split_personal(case);
    let state = serde_json::to_string(&public).expect("case files always serialize");
    run(
        conn,
        "INSERT INTO cases (id, case_number, port, status, opened_at, opened_by, updated_at, container_number,
                            declared_description, flags, event_count, last_hlc, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (id) DO UPDATE SET
           port = excluded.port, status = excluded.status, updated_at = excluded.updated_at,
           container_number = excluded.container_number, declared_description = excluded.declared_description,
           flags = excluded.flags, event_count = excluded.event_count, last_hlc = excluded.last_hlc,
           state = excluded.state",
        params![
            case.id.to_string(),
            case.case_number,
            case.value(Field::Port).unwrap_or_default(),
            case.status.as_str(),
            case.opened_at,
            case.opened_by,
            case.updated_at,
            case.value(Field::ContainerNumber),
            case.value(Field::DeclaredDescription),
            codes.join(" "),
            case.event_count,
            last_hlc.0 as i64,
            state,
        ],
    )?;
    save_review(conn, case)?;
    run(
        conn,
        "DELETE FROM case_photos WHERE case_id = ?1",
        [case.id.to_string()],
    )?;
    for photo in &case.photos {
        run(
            conn,
            "INSERT INTO case_photos (case_id, sha256, size, media_type, file_name, excluded)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                case.id.to_string(),
                photo.sha256,
                photo.size as i64,
                photo.media_type,
                photo.file_name,
                photo.excluded
            ],
        )?;
    }
    run(
        conn,
        "DELETE FROM case_documents WHERE case_id = ?1",
        [case.id.to_string()],
    )?;
    for document in &case.documents {
        run(
            conn,
            "INSERT INTO case_documents
                 (case_id, sha256, size, media_type, file_name, document_type, number, excluded)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                case.id.to_string(),
                document.sha256,
                document.size as i64,
                document.media_type,
                document.file_name,
                to_text(&document.document_type),
                document.number,
                document.excluded
            ],
        )?;
    }
    run(
        conn,
        "DELETE FROM case_personal WHERE case_id = ?1",
        [case.id.to_string()],
    )?;
    for (item, field, value) in personal {
        run(
            conn,
            "INSERT INTO case_personal (case_id, item_id, field, value, event_id, author, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                case.id.to_string(),
                item.to_string(),
                to_text(&field),
                value.value,
                value.event_id.to_string(),
                value.author,
                value.at
            ],
        )?;
    }
    run(
        conn,
        "DELETE FROM case_personal_conflicts WHERE case_id = ?1",
        [case.id.to_string()],
    )?;
    for conflict in personal_conflicts {
        run(
        conn,
            "INSERT INTO case_personal_conflicts (case_id, item_id, field, conflict) VALUES (?1, ?2, ?3, ?4)",
            params![
                case.id.to_string(),
                conflict.item.map(|i| i.to_string()).unwrap_or_default(),
                to_text(&conflict.field),
                serde_json::to_string(&conflict).expect("conflicts always serialize"),
            ],
        )?;
    }
    // FTS5 does not index `case_id`: a case's row is kept at the rowid of its `cases` row, so it is
    // found by key, not by scanning every case's text (which made each save O(cases)).
    run(
        conn,
        "DELETE FROM case_search WHERE rowid = (SELECT rowid FROM cases WHERE id = ?1)",
        [case.id.to_string()],
    )?;
    let text = search::index_text(search_values(case));
    run(
        conn,
        "INSERT INTO case_search (rowid, case_id, body)
         VALUES ((SELECT rowid FROM cases WHERE id = ?1), ?1, ?2)",
        params![case.id.to_string(), text.words],
    )?;
    run(
        conn,
        "DELETE FROM case_search_trigram WHERE rowid = (SELECT rowid FROM cases WHERE id = ?1)",
        [case.id.to_string()],
    )?;
    // Most cases have no such text: no row keeps the trigram index small.
    if !text.trigrams.is_empty() {
        run(
            conn,
            "INSERT INTO case_search_trigram (rowid, body)
             VALUES ((SELECT rowid FROM cases WHERE id = ?1), ?2)",
            params![case.id.to_string(), text.trigrams],
        )?;
    }
    run(
        conn,
        "DELETE FROM case_flags WHERE case_id = ?1",
        [case.id.to_string()],
    )?;
    for (flag, code) in flags.iter().zip(&codes) {
        // The details as keyed messages (JSON), so they read in any language; see 0013.
        let details = serde_json::to_string(&flag.details).expect("messages always serialize");
        run(
            conn,
            "INSERT INTO case_flags (case_id, code, message) VALUES (?1, ?2, ?3)",
            params![case.id.to_string(), code, details],
        )?;
    }
    save_facets(conn, case)?;
    save_entities(conn, case)?;
    Ok(())
}

/// The entities the case names (`case_entities`) and the links decided in it (`case_entity_links`).
fn save_entities(conn: &Connection, case: &CaseFile) -> Result<()> {
    let id = case.id.to_string();
    run(conn, "DELETE FROM case_entities WHERE case_id = ?1", [&id])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO case_entities (case_id, kind, key, shown, item_id, field)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for entity in entities_of(case) {
        insert.execute(params![
            id,
            entity.kind.as_str(),
            entity.key,
            entity.shown,
            entity.item.map(|i| i.to_string()).unwrap_or_default(),
            to_text(&entity.field),
        ])?;
    }
    run(
        conn,
        "DELETE FROM case_entity_links WHERE case_id = ?1",
        [&id],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO case_entity_links (case_id, kind, key, other, same, author, at, event_id, hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for link in &case.entity_links {
        insert.execute(params![
            id,
            link.kind.as_str(),
            link.key,
            link.other,
            link.same,
            link.by,
            link.at,
            link.event_id.to_string(),
            link.hlc as i64,
        ])?;
    }
    Ok(())
}

/// The review columns of the case's `cases` row and its one state (the list and queue read them).
fn save_review(conn: &Connection, case: &CaseFile) -> Result<()> {
    run(
        conn,
        "UPDATE cases SET review_state = ?2, review_queued_at = ?3, submitted_by = ?4, case_state = ?5
         WHERE id = ?1",
        params![
            case.id.to_string(),
            case.review.state.as_str(),
            case.review.queued_at,
            case.review.submitted.as_ref().map(|s| s.by.as_str()),
            case.state().as_str(),
        ],
    )?;
    Ok(())
}

/// The case's facts (`facets::derive`): columns of its `cases` row and its `case_facets` rows.
fn save_facets(conn: &Connection, case: &CaseFile) -> Result<()> {
    let facts = facets::derive(case);
    let id = case.id.to_string();
    run(
        conn,
        "UPDATE cases SET outcome = ?2, seized_kg = ?3, route_origin = ?4, route_transshipment = ?5,
                          route_destination = ?6
         WHERE id = ?1",
        params![
            id,
            facts.outcome,
            facts.seized_kg,
            facts.route_origin,
            facts.route_transshipment,
            facts.route_destination,
        ],
    )?;
    run(conn, "DELETE FROM case_facets WHERE case_id = ?1", [&id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO case_facets (case_id, facet, value, amount) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (facet, value, amount) in &facts.facets {
        insert.execute(params![id, facet, value, amount])?;
    }
    Ok(())
}

/// Everything a person may search a case by: its number, every value of its fields and items
/// (withdrawn ones too: a seal number stays findable), status reasons, photo captions
/// and documents' numbers (a bill of lading number finds its case).
fn search_values(case: &CaseFile) -> Vec<&str> {
    let mut parts = vec![case.case_number.as_str()];
    parts.extend(case.fields.values().map(|v| v.value.as_str()));
    for item in &case.items {
        parts.extend(item.fields.values().map(|v| v.value.as_str()));
    }
    parts.extend(case.status_reason.as_deref());
    parts.extend(case.photos.iter().filter_map(|p| p.caption.as_deref()));
    parts.extend(case.documents.iter().filter_map(|d| d.number.as_deref()));
    parts
}

fn record_timeline(
    conn: &Connection,
    event: &EventBody,
    changes: &[Change],
    refused: Option<&str>,
) -> Result<()> {
    run(
        conn,
        "INSERT INTO timeline (event_id, case_id, hlc, device_id, device_seq, wall_time, author, role, kind, changes, refused)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            event.id.to_string(),
            event.case_id.to_string(),
            event.hlc.0 as i64,
            event.device_id.to_string(),
            event.device_seq as i64,
            event.wall_time,
            event.author.name,
            to_text(&event.author.role),
            event.payload.kind(),
            serde_json::to_string(changes).expect("changes always serialize"),
            refused,
        ],
    )?;
    Ok(())
}

/// A stored event whose body cannot be read at all: kept visible in the timeline, never fatal.
fn record_undecodable(conn: &Connection, stored: &StoredEvent, reason: &str) -> Result<()> {
    run(
        conn,
        "INSERT INTO timeline (event_id, case_id, hlc, device_id, device_seq, wall_time, author, role, kind, changes, refused)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', '', 'undecodable', '[]', ?7)",
        params![
            stored.id,
            stored.case_id,
            stored.hlc,
            stored.device_id,
            stored.device_seq,
            stored.received_at,
            format!("the event cannot be read: {reason}"),
        ],
    )?;
    Ok(())
}

/// Replace a case's projection rows by a fold of its full event set: events received from other
/// devices may sort before ones already folded, or supply one that an already folded event needed.
pub(crate) fn refold_afresh(conn: &Connection, case_id: Uuid) -> Result<()> {
    let id = case_id.to_string();
    for table in [
        "case_flags",
        "case_facets",
        "case_personal",
        "case_personal_conflicts",
        "case_photos",
        "case_documents",
        "case_entities",
        "case_entity_links",
        "timeline",
    ] {
        run(
            conn,
            &format!("DELETE FROM {table} WHERE case_id = ?1"),
            [&id],
        )?;
    }
    for table in ["case_search", "case_search_trigram"] {
        run(
            conn,
            &format!("DELETE FROM {table} WHERE rowid = (SELECT rowid FROM cases WHERE id = ?1)"),
            [&id],
        )?;
    }
    run(conn, "DELETE FROM cases WHERE id = ?1", [&id])?;
    refold_case(conn, case_id)
}

/// Fold every event of a case, in (hlc, device, sequence) order, into fresh projection rows.
/// An event the fold refuses is kept in the timeline with the reason, and skipped.
fn refold_case(conn: &Connection, case_id: Uuid) -> Result<()> {
    let mut case: Option<CaseFile> = None;
    let mut last_hlc = Hlc::default();
    for stored in case_events(conn, case_id)? {
        let body: EventBody = match serde_json::from_slice(&stored.bytes) {
            Ok(body) => body,
            Err(e) => {
                record_undecodable(conn, &stored, &e.to_string())?;
                continue;
            }
        };
        last_hlc = last_hlc.max(body.hlc);
        let result = if let Some(c) = case.as_mut() {
            c.apply(&body)
        } else {
            CaseFile::open(&body).map(|(c, changes)| {
                case = Some(c);
                changes
            })
        };
        match result {
            Ok(changes) => record_timeline(conn, &body, &changes, None)?,
            Err(e) => record_timeline(conn, &body, &[], Some(&e.to_string()))?,
        }
    }
    if let Some(case) = case {
        save_case(conn, &case, last_hlc)?;
    }
    Ok(())
}

impl Store {
    /// Throw the projection away and fold the whole log again, in one transaction.
    pub fn rebuild_projection(&mut self) -> Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "DELETE FROM case_flags; DELETE FROM case_facets; DELETE FROM case_search;
             DELETE FROM case_search_trigram; DELETE FROM case_personal;
             DELETE FROM case_personal_conflicts;
             DELETE FROM case_photos; DELETE FROM case_documents;
             DELETE FROM case_entities; DELETE FROM case_entity_links;
             DELETE FROM timeline; DELETE FROM cases;",
        )?;
        tx.execute("DELETE FROM settings WHERE key = ?1", [PROJECTION_STALE])?;
        let ids: Vec<String> = tx
            .prepare("SELECT DISTINCT case_id FROM events ORDER BY case_id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in &ids {
            refold_case(&tx, parse_uuid(id)?)?;
        }
        tx.commit()?;
        Ok(ids.len())
    }

    /// Every projection row, ordered, as text: two stores hold the same projection when these match.
    pub fn projection_dump(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for sql in [
            "SELECT * FROM cases ORDER BY id",
            "SELECT * FROM case_flags ORDER BY case_id, code",
            "SELECT * FROM case_facets ORDER BY case_id, facet, value",
            "SELECT * FROM case_personal ORDER BY case_id, item_id, field",
            "SELECT * FROM case_personal_conflicts ORDER BY case_id, item_id, field",
            "SELECT case_id, body FROM case_search ORDER BY case_id",
            // Each search row sits at the rowid of its case's row (rowids themselves may differ).
            "SELECT s.case_id, c.id IS s.case_id FROM case_search s
             LEFT JOIN cases c ON c.rowid = s.rowid ORDER BY s.case_id",
            // No case id of its own: a row without its case shows as NULL.
            "SELECT c.id, t.body FROM case_search_trigram t
             LEFT JOIN cases c ON c.rowid = t.rowid ORDER BY c.id, t.body",
            "SELECT * FROM case_photos ORDER BY case_id, sha256",
            "SELECT * FROM case_documents ORDER BY case_id, sha256",
            "SELECT * FROM case_entities ORDER BY case_id, kind, key, item_id, field",
            "SELECT * FROM case_entity_links ORDER BY case_id, kind, key, other",
            "SELECT * FROM timeline ORDER BY case_id, hlc, device_id, device_seq",
        ] {
            let mut stmt = self.conn.prepare(sql)?;
            let n = stmt.column_count();
            let rows = stmt.query_map([], |r| {
                (0..n)
                    .map(|i| r.get_ref(i).map(|v| format!("{v:?}")))
                    .collect::<rusqlite::Result<Vec<_>>>()
                    .map(|cols| cols.join("|"))
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }
}

/// `execute` through SQLite's statement cache: the projection runs these once per row, and parsing
/// them again each time was a good part of ingest's time.
fn run(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}
