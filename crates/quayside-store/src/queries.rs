//! Reads for the UI over the projection: the case list (filters, sort, paging, count) and the
//! filter clause statistics and exports share, one case, its timeline, the photos cases refer to.
//! Writes nothing.

use chrono::NaiveDate;
use quayside_domain::case::CaseFile;
use quayside_domain::flags::{flags, Flag, FlagCode};
use quayside_domain::identifiers::{parse_country, parse_locode};
use quayside_domain::reference::{self, CodeEntry};
use quayside_domain::state::CaseState;
use quayside_i18n::Message;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::case_state::{case_exists, load_case};
use crate::columns::{from_json, from_text, to_text};
use crate::error::{Result, StoreError};
use crate::facets;
use crate::search::{search_query, SearchQuery};
use crate::store::Store;

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
    Outcome,
    SeizedKg,
}

impl CaseSort {
    /// The sort key as SQL (each has an index that also holds the tie-breaks: migration 0006, the
    /// state's 0016).
    fn column(self) -> &'static str {
        match self {
            CaseSort::UpdatedAt => "c.updated_at",
            CaseSort::OpenedAt => "c.opened_at",
            CaseSort::CaseNumber => "c.case_number",
            CaseSort::Port => "c.port",
            CaseSort::Status => "c.case_state",
            CaseSort::Flags => "length(c.flags)",
            CaseSort::Container => "c.container_number",
            CaseSort::Outcome => "c.outcome",
            CaseSort::SeizedKg => "c.seized_kg",
        }
    }

    /// ORDER BY for this sort: ties broken by case number, then id, in the same direction, so every
    /// order is total (pages never overlap or skip) and one index walk serves both directions.
    fn order_by(self, descending: bool) -> String {
        let dir = if descending { "DESC" } else { "ASC" };
        match self {
            CaseSort::CaseNumber => format!("c.case_number {dir}, c.id {dir}"),
            other => format!("{} {dir}, c.case_number {dir}, c.id {dir}", other.column()),
        }
    }
}

/// Which cases the list shows (and counts, statistics and exports cover): every condition given
/// must hold. Empty text counts as not given. Codes are the reference lists' codes (a label is
/// accepted too); a value that is not in the list is refused with the choices, not matched to nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseFilter {
    /// Where the cases stand (draft, submitted, ..., closed, withdrawn).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub state: Option<CaseState>,
    #[serde(default)]
    pub flagged_only: bool,
    /// A discrepancy flag the case raises ("origin_relabelled").
    #[serde(default)]
    #[ts(optional = nullable)]
    pub flag: Option<String>,
    #[serde(default)]
    pub sort: CaseSort,
    #[serde(default)]
    pub descending: bool,
    /// Words to find anywhere in the case file (numbers, seals, parties, descriptions, notes,
    /// captions), all of them: each as a prefix, and Chinese, Japanese, Thai, Lao, Khmer or
    /// Myanmar text as any part of a value. A container number may be typed in its painted
    /// groups, full-width text as ASCII. Any text is safe: only letters and digits count.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub search: Option<String>,
    /// Port of inspection, a UN/LOCODE ("NLRTM"; "nl rtm" is read the same).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub port: Option<String>,
    /// Opened on or after this day (UTC), `YYYY-MM-DD`.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub opened_from: Option<String>,
    /// Opened on or before this day (UTC), `YYYY-MM-DD`.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub opened_to: Option<String>,
    /// A concealment method of a live concealment entry (reference list CONCEALMENT, "C3").
    #[serde(default)]
    #[ts(optional = nullable)]
    pub concealment: Option<String>,
    /// A controlled material of a live goods-found entry (reference list MATERIALS, "tungsten").
    #[serde(default)]
    #[ts(optional = nullable)]
    pub material: Option<String>,
    /// One of the case's detection methods (reference list DETECTION, "D5").
    #[serde(default)]
    #[ts(optional = nullable)]
    pub detection: Option<String>,
    /// The case's outcome (reference list OUTCOMES, "O4").
    #[serde(default)]
    #[ts(optional = nullable)]
    pub outcome: Option<String>,
    /// An ISO 3166 alpha-2 country on the route (any live leg) or the declared origin.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub country: Option<String>,
    /// At most this many cases (a page); none: all of them.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub limit: Option<u32>,
    /// Cases to skip before the page, in the sort order.
    #[serde(default)]
    pub offset: u32,
}

/// The WHERE clause of a filter (over `cases c`) and its parameters, in order. Every value is a
/// bound parameter; only fixed SQL text is formatted in. The list, the count, statistics and
/// exports all use this, so their numbers always agree.
#[derive(Debug, Clone)]
pub(crate) struct FilterClause {
    pub sql: String,
    pub params: Vec<Value>,
    /// How many conditions `sql` holds.
    conditions: usize,
    /// A search's matches, a query of case rowids (each once), and its parameters.
    search: Option<(String, Vec<Value>)>,
}

impl FilterClause {
    fn and(&mut self, condition: &str, values: impl IntoIterator<Item = Value>) {
        self.sql.push_str(" AND ");
        self.sql.push_str(condition);
        self.params.extend(values);
        self.conditions += 1;
    }

    /// The search's matches when the search is the only condition.
    fn only_search(&self) -> Option<&(String, Vec<Value>)> {
        self.search.as_ref().filter(|_| self.conditions == 1)
    }

    /// No condition at all: statistics read the facet table without joining `cases` then.
    pub fn is_everything(&self) -> bool {
        self.params.is_empty() && self.sql == "1"
    }
}

fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn invalid(message: Message) -> StoreError {
    StoreError::InvalidFilter(message)
}

/// A `YYYY-MM-DD` date, strictly (no time, no other separator). `key` names the filter in the
/// refusal.
fn filter_date(key: &str, text: &str) -> Result<NaiveDate> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| invalid(Message::new(key).text("text", text)))
}

/// A code of a reference list, given as its code or its label, in any case. `key` is the
/// refusal, which names the list.
fn filter_code(key: &str, list: &[CodeEntry], text: &str) -> Result<String> {
    list.iter()
        .find(|e| e.code.eq_ignore_ascii_case(text) || e.label().eq_ignore_ascii_case(text))
        .map(|e| e.code.to_string())
        .ok_or_else(|| {
            let codes: Vec<&str> = list.iter().map(|e| e.code).collect();
            invalid(
                Message::new(key)
                    .text("text", text)
                    .text("codes", codes.join(", ")),
            )
        })
}

/// How a facet condition is written: the same cases either way, the faster plan for the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Probe {
    EachCase,
    AllCases,
}

/// The conditions of `filter` as SQL over `cases c`. Sort and paging are not part of it; `conn`
/// only counts a search's matches, to choose how the search is joined.
pub(crate) fn filter_clause(
    conn: &Connection,
    filter: &CaseFilter,
    probe: Probe,
) -> Result<FilterClause> {
    let mut clause = FilterClause {
        sql: "1".to_string(),
        params: Vec::new(),
        conditions: 0,
        search: None,
    };
    if let Some(state) = filter.state {
        clause.and(
            "c.case_state = ?",
            [Value::from(state.as_str().to_string())],
        );
    }
    if filter.flagged_only {
        clause.and("c.flags <> ''", []);
    }
    if let Some(text) = given(&filter.flag) {
        let codes: Vec<String> = FlagCode::ALL.iter().map(to_text).collect();
        let code = codes
            .iter()
            .find(|c| c.eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                invalid(
                    Message::new("invalid.filter_flag")
                        .text("text", text)
                        .text("codes", codes.join(", ")),
                )
            })?;
        // The flag's row, by the case's key: one lookup per case.
        clause.and(
            "EXISTS (SELECT 1 FROM case_flags f WHERE f.case_id = c.id AND f.code = ?)",
            [Value::from(code.clone())],
        );
    }
    if let Some(text) = given(&filter.search) {
        match search_query(text) {
            Some(query) => {
                let look_up = match (probe, filter.limit) {
                    (Probe::EachCase, Some(_)) => LOOK_UP_FOR_A_PAGE,
                    _ => LOOK_UP_FOR_ALL,
                };
                search_clause(conn, &mut clause, query, look_up)?
            }
            // Only punctuation: it names no word, so it matches nothing, not everything.
            None => clause.and("0", []),
        }
    }
    if let Some(text) = given(&filter.port) {
        let port = parse_locode(text).map_err(|e| invalid(e.text))?;
        clause.and("c.port = ?", [Value::from(port)]);
    }
    let from = given(&filter.opened_from)
        .map(|t| filter_date("invalid.filter_opened_from", t))
        .transpose()?;
    let to = given(&filter.opened_to)
        .map(|t| filter_date("invalid.filter_opened_to", t))
        .transpose()?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(invalid(
                Message::new("invalid.filter_dates_swapped")
                    .text("from", from.to_string())
                    .text("to", to.to_string()),
            ));
        }
    }
    // `opened_at` is RFC 3339 UTC text, so a day compares as a prefix: on or after the day's
    // start, and before the start of the day after the last one.
    if let Some(from) = from {
        clause.and("c.opened_at >= ?", [Value::from(from.to_string())]);
    }
    if let Some(to) = to {
        let next = to
            .succ_opt()
            .map_or("9999-99-99".to_string(), |d| d.to_string());
        clause.and("c.opened_at < ?", [Value::from(next)]);
    }
    let condition = match probe {
        // A page walks cases in order and stops at the limit: look each one up.
        Probe::EachCase => {
            "EXISTS (SELECT 1 FROM case_facets f WHERE f.facet = ? AND f.value = ? AND f.case_id = c.id)"
        }
        // Counts and statistics visit every selected case: gather the facet's cases once.
        Probe::AllCases => "c.id IN (SELECT case_id FROM case_facets WHERE facet = ? AND value = ?)",
    };
    let mut facet = |facet: &'static str, value: String| {
        clause.and(
            condition,
            [Value::from(facet.to_string()), Value::from(value)],
        )
    };
    if let Some(text) = given(&filter.concealment) {
        facet(
            facets::CONCEALMENT,
            filter_code("invalid.filter_concealment", reference::CONCEALMENT, text)?,
        );
    }
    if let Some(text) = given(&filter.material) {
        facet(
            facets::MATERIAL,
            filter_code("invalid.filter_material", reference::MATERIALS, text)?,
        );
    }
    if let Some(text) = given(&filter.detection) {
        facet(
            facets::DETECTION,
            filter_code("invalid.filter_detection", reference::DETECTION, text)?,
        );
    }
    if let Some(text) = given(&filter.country) {
        let country = parse_country(text).map_err(|e| invalid(e.text))?;
        facet(facets::COUNTRY, country);
    }
    if let Some(text) = given(&filter.outcome) {
        let outcome = filter_code("invalid.filter_outcome", reference::OUTCOMES, text)?;
        clause.and("c.outcome = ?", [Value::from(outcome)]);
    }
    Ok(clause)
}

/// Up to this many cases a search matches are looked up one by one and sorted; above it, a page
/// walks its order's index and keeps the cases that match. Rows of `cases` are wide (`state`), so
/// a lookup costs about as much as walking 30 index entries: for the first page of 50 of 100,000
/// cases the two meet near 400 matches (the cases bench).
const LOOK_UP_FOR_A_PAGE: u64 = 400;
/// The same for counts and statistics, which walk the whole index: about one case in 30.
const LOOK_UP_FOR_ALL: u64 = 3_000;

/// The condition of a search: the cases every part of the query matches, each part over its index
/// (a case's rows in both sit at the rowid of its `cases` row, see projection.rs). How SQLite
/// reaches them is chosen by how many there are, up to `look_up` (a bound, not a count).
fn search_clause(
    conn: &Connection,
    clause: &mut FilterClause,
    query: SearchQuery,
    look_up: u64,
) -> Result<()> {
    let mut parts = Vec::new();
    let mut params = Vec::new();
    if let Some(words) = query.words {
        parts.push("SELECT rowid FROM case_search WHERE case_search MATCH ?");
        params.push(Value::from(words));
    }
    if let Some(fragments) = query.fragments {
        parts.push("SELECT rowid FROM case_search_trigram WHERE case_search_trigram MATCH ?");
        params.push(Value::from(fragments));
    }
    for short in query.short {
        // Every trigram that starts with the fragment: the upper bound sorts after all of them.
        parts.push(
            "SELECT DISTINCT doc FROM case_search_trigram_terms WHERE term >= ? AND term < ?",
        );
        let upper = format!("{short}\u{10FFFF}");
        params.extend([Value::from(short), Value::from(upper)]);
    }
    let matches = parts.join(" INTERSECT ");
    let bound = params
        .iter()
        .cloned()
        .chain([Value::from(look_up as i64 + 1)]);
    let found: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM ({matches} LIMIT ?)"))?
        .query_row(params_from_iter(bound), |r| r.get(0))?;
    // `+` keeps SQLite from looking each match up by rowid: it walks an index of `cases` in order
    // and tests each case against the matches, gathered once.
    let reach = if found as u64 > look_up {
        "+c.rowid"
    } else {
        "c.rowid"
    };
    clause.and(&format!("{reach} IN ({matches})"), params.clone());
    clause.search = Some((matches, params));
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseSummary {
    pub id: Uuid,
    pub case_number: String,
    pub port: String,
    /// Where the case stands: status and review in one.
    pub state: CaseState,
    pub opened_at: String,
    pub opened_by: String,
    pub updated_at: String,
    pub container_number: Option<String>,
    pub declared_description: Option<String>,
    pub flags: Vec<FlagCode>,
    pub event_count: u32,
}

/// A photo original or document some case refers to: what the vault check walks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PhotoRef {
    pub case_id: Uuid,
    pub case_number: String,
    pub sha256: String,
    #[ts(type = "number")]
    pub size: i64,
    pub file_name: String,
    /// This device attached it (its original was stored here first); otherwise it came by sync
    /// and the original is fetched from the server.
    pub attached_here: bool,
}

/// Defined in the domain, so exports can take it without depending on the store.
pub use quayside_domain::timeline::TimelineEntry;

impl Store {
    /// The case numbered `case_number` (as written on a bag label), if this store holds it.
    pub fn case_numbered(&self, case_number: &str) -> Result<Option<Uuid>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM cases WHERE case_number = ?1 LIMIT 1")?;
        let mut rows = stmt.query([case_number])?;
        Ok(match rows.next()? {
            Some(row) => row.get::<_, String>(0)?.parse().ok(),
            None => None,
        })
    }

    /// The cases `filter` selects, in its order, one page of them when it gives a limit. Reads only
    /// the columns shown (never `state`, the case file itself).
    pub fn list_cases(&self, filter: &CaseFilter) -> Result<Vec<CaseSummary>> {
        let clause = filter_clause(&self.conn, filter, Probe::EachCase)?;
        // The sort column comes from a closed enum, never from the caller's text.
        let sql = format!(
            "SELECT c.id, c.case_number, c.port, c.case_state, c.opened_at, c.opened_by, c.updated_at,
                    c.container_number, c.declared_description, c.flags, c.event_count
             FROM cases c
             WHERE {}
             ORDER BY {}
             LIMIT ? OFFSET ?",
            clause.sql,
            filter.sort.order_by(filter.descending),
        );
        let mut values = clause.params;
        values.push(Value::from(filter.limit.map_or(-1, i64::from)));
        values.push(Value::from(i64::from(filter.offset)));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            let flags: String = r.get(9)?;
            Ok(CaseSummary {
                id: from_text(r.get(0)?)?,
                case_number: r.get(1)?,
                port: r.get(2)?,
                state: from_text(r.get(3)?)?,
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

    /// How many cases `filter` selects, all pages together (limit and offset are ignored).
    pub fn count_cases(&self, filter: &CaseFilter) -> Result<u64> {
        let clause = filter_clause(&self.conn, filter, Probe::AllCases)?;
        let (sql, params) = match clause.only_search() {
            // A case has one row in the word index and at most one in the trigram index, at its
            // rowid, and every row is a case's (projection.rs): the matches are the cases, counted
            // without reading `cases`.
            Some((matches, params)) => {
                (format!("SELECT count(*) FROM ({matches})"), params.clone())
            }
            None => (
                format!("SELECT count(*) FROM cases c WHERE {}", clause.sql),
                clause.params,
            ),
        };
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(params), |r| r.get(0))?;
        Ok(n as u64)
    }

    pub fn case(&self, id: Uuid) -> Result<(CaseFile, Vec<Flag>)> {
        let case = load_case(&self.conn, id)?.ok_or(StoreError::CaseNotFound(id))?;
        let list = crate::control_lists::of_case(&self.conn, case.control_list.as_ref())?;
        let flags = flags(&case, &list);
        Ok((case, flags))
    }

    /// The control list a case is judged by.
    pub fn control_list_of(
        &self,
        case: &CaseFile,
    ) -> Result<std::sync::Arc<quayside_domain::control_list::ControlList>> {
        crate::control_lists::of_case(&self.conn, case.control_list.as_ref())
    }

    /// The newest control list held: new cases are opened under it.
    pub fn newest_control_list(
        &self,
    ) -> Result<std::sync::Arc<quayside_domain::control_list::ControlList>> {
        crate::control_lists::newest(&self.conn)
    }

    /// Keep a control list the server published (its signature checked by the caller). True when
    /// this device did not hold that version yet.
    pub fn keep_control_list(&self, received: &crate::ReceivedList) -> Result<bool> {
        crate::control_lists::keep(
            &self.conn,
            received,
            &crate::clock::rfc3339(self.clock.now()),
        )
    }

    /// The highest control-list version held (1: only the built-in list).
    pub fn control_list_version(&self) -> Result<u32> {
        crate::control_lists::newest_version(&self.conn)
    }

    /// Every photo and document any case refers to, excluded ones too (they are still evidence).
    pub fn photo_refs(&self) -> Result<Vec<PhotoRef>> {
        photo_refs(&self.conn)
    }

    pub fn timeline(&self, case_id: Uuid) -> Result<Vec<TimelineEntry>> {
        case_exists(&self.conn, case_id)?;
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
                changes: from_json(&r.get::<_, String>(7)?)?,
                refused: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(crate) fn photo_refs(conn: &rusqlite::Connection) -> Result<Vec<PhotoRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.case_id, c.case_number, p.sha256, p.size, p.file_name,
                EXISTS (SELECT 1 FROM events e JOIN local_device l ON e.device_id = l.device_id
                        WHERE e.case_id = p.case_id
                          AND e.kind IN ('photo_attached', 'document_attached')
                          AND instr(CAST(e.body AS TEXT), '\"sha256\":\"' || p.sha256 || '\"') > 0)
         FROM (SELECT case_id, sha256, size, file_name FROM case_photos
               UNION ALL SELECT case_id, sha256, size, file_name FROM case_documents) p
         JOIN cases c ON c.id = p.case_id
         ORDER BY c.case_number, p.file_name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(PhotoRef {
            case_id: from_text(r.get(0)?)?,
            case_number: r.get(1)?,
            sha256: r.get(2)?,
            size: r.get(3)?,
            file_name: r.get(4)?,
            attached_here: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
