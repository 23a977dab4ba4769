//! Reads for the UI: the case list, one case, its timeline.

use quayside_domain::case::{CaseFile, Change};
use quayside_domain::event::CaseStatus;
use quayside_domain::flags::{flags, Flag, FlagCode};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Result, StoreError};
use crate::projection::load_case;
use crate::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
pub enum CaseSort {
    #[default]
    UpdatedAt,
    OpenedAt,
    CaseNumber,
    Port,
    Status,
    Flags,
    Container,
}

impl CaseSort {
    fn column(self) -> &'static str {
        match self {
            CaseSort::UpdatedAt => "updated_at",
            CaseSort::OpenedAt => "opened_at",
            CaseSort::CaseNumber => "case_number",
            CaseSort::Port => "port",
            CaseSort::Status => "status",
            CaseSort::Flags => "length(flags)",
            CaseSort::Container => "coalesce(container_number, '')",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseFilter {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub status: Option<CaseStatus>,
    #[serde(default)]
    pub flagged_only: bool,
    #[serde(default)]
    pub sort: CaseSort,
    #[serde(default)]
    pub descending: bool,
    /// Words to find anywhere in the case file (numbers, seals, parties, descriptions, notes,
    /// captions), each as a prefix, all of them. Any text is safe: only letters and digits count.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub search: Option<String>,
}

/// A full-text query for `search`: its letters-and-digits words, each quoted as a prefix, all
/// required. Quotes, operators and brackets never reach FTS5, so no text can raise an error or
/// change what is matched. None when the text holds no word.
pub fn search_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseSummary {
    pub id: Uuid,
    pub case_number: String,
    pub port: String,
    pub status: CaseStatus,
    pub opened_at: String,
    pub opened_by: String,
    pub updated_at: String,
    pub container_number: Option<String>,
    pub declared_description: Option<String>,
    pub flags: Vec<FlagCode>,
    pub event_count: u32,
}

/// A photo some case refers to: what the vault check walks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PhotoRef {
    pub case_id: Uuid,
    pub case_number: String,
    pub sha256: String,
    #[ts(type = "number")]
    pub size: i64,
    pub file_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimelineEntry {
    pub event_id: Uuid,
    pub wall_time: String,
    pub author: String,
    pub role: String,
    pub device_id: Uuid,
    pub device_seq: u32,
    pub kind: String,
    pub changes: Vec<Change>,
    /// Why the event was not folded into the case, if it was not.
    pub refused: Option<String>,
}

fn decode<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// A value stored as its serde name (an id, a status, a field code) read back as its type.
pub(crate) fn from_text<T: serde::de::DeserializeOwned>(text: String) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text))
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

impl Store {
    pub fn list_cases(&self, filter: &CaseFilter) -> Result<Vec<CaseSummary>> {
        // The sort column comes from a closed enum, never from the caller's text.
        let sql = format!(
            "SELECT id, case_number, port, status, opened_at, opened_by, updated_at, container_number,
                    declared_description, flags, event_count
             FROM cases
             WHERE (?1 IS NULL OR status = ?1) AND (?2 = 0 OR flags <> '')
               AND (?3 IS NULL OR id IN (SELECT case_id FROM case_search WHERE case_search MATCH ?3))
             ORDER BY {} {}, case_number",
            filter.sort.column(),
            if filter.descending { "DESC" } else { "ASC" }
        );
        let status = filter.status.map(CaseStatus::as_str);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let search = match filter.search.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => match search_query(text) {
                Some(query) => Some(query),
                // Only punctuation: it names no word, so it matches nothing, not everything.
                None => return Ok(Vec::new()),
            },
        };
        let rows = stmt.query_map(params![status, filter.flagged_only, search], |r| {
            let flags: String = r.get(9)?;
            Ok(CaseSummary {
                id: from_text(r.get(0)?)?,
                case_number: r.get(1)?,
                port: r.get(2)?,
                status: from_text(r.get(3)?)?,
                opened_at: r.get(4)?,
                opened_by: r.get(5)?,
                updated_at: r.get(6)?,
                container_number: r.get(7)?,
                declared_description: r.get(8)?,
                flags: flags
                    .split_whitespace()
                    .map(|c| from_text(c.to_string()))
                    .collect::<rusqlite::Result<_>>()?,
                event_count: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn case(&self, id: Uuid) -> Result<(CaseFile, Vec<Flag>)> {
        let case = load_case(&self.conn, id)?.ok_or(StoreError::CaseNotFound(id))?;
        let flags = flags(&case);
        Ok((case, flags))
    }

    pub(crate) fn case_exists(&self, id: Uuid) -> Result<()> {
        let found: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?1)",
            [id.to_string()],
            |r| r.get(0),
        )?;
        found.then_some(()).ok_or(StoreError::CaseNotFound(id))
    }

    /// Every photo any case refers to, excluded ones too (they are still evidence).
    pub fn photo_refs(&self) -> Result<Vec<PhotoRef>> {
        photo_refs(&self.conn)
    }

    pub fn timeline(&self, case_id: Uuid) -> Result<Vec<TimelineEntry>> {
        self.case_exists(case_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT event_id, wall_time, author, role, device_id, device_seq, kind, changes, refused
             FROM timeline WHERE case_id = ?1 ORDER BY hlc, device_id, device_seq",
        )?;
        let rows = stmt.query_map([case_id.to_string()], |r| {
            Ok(TimelineEntry {
                event_id: from_text(r.get(0)?)?,
                wall_time: r.get(1)?,
                author: r.get(2)?,
                role: r.get(3)?,
                device_id: from_text(r.get(4)?)?,
                device_seq: r.get(5)?,
                kind: r.get(6)?,
                changes: decode(&r.get::<_, String>(7)?)?,
                refused: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(crate) fn photo_refs(conn: &rusqlite::Connection) -> Result<Vec<PhotoRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.case_id, c.case_number, p.sha256, p.size, p.file_name
         FROM case_photos p JOIN cases c ON c.id = p.case_id
         ORDER BY c.case_number, p.file_name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(PhotoRef {
            case_id: from_text(r.get(0)?)?,
            case_number: r.get(1)?,
            sha256: r.get(2)?,
            size: r.get(3)?,
            file_name: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
