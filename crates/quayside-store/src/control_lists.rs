//! Control lists the server published (`control_lists`): kept as received, each version once. A
//! case is judged by the list its events name (`CaseFile::control_list`), else by the list built
//! into the app; new cases are opened under the newest list held.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use quayside_domain::control_list::{ControlList, ListRef};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Result, StoreError};

/// A list as the sync client hands it over, after checking the server's signature.
#[derive(Debug, Clone)]
pub struct ReceivedList {
    pub list: ControlList,
    /// The signed statement's JSON, verbatim, and the server's signature over it.
    pub statement: String,
    pub signature: String,
}

/// Lists by version and digest.
type Lists = HashMap<(u32, String), Arc<ControlList>>;

/// Lists read once per process: judging a case must not parse its list at every event.
fn cache() -> &'static Mutex<Lists> {
    static CACHE: OnceLock<Mutex<Lists>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Keep a list. A version held already is left as it is (true only when it was new); a list whose
/// version is the built-in one is refused.
pub(crate) fn keep(conn: &Connection, received: &ReceivedList, now: &str) -> Result<bool> {
    let list = &received.list;
    if list.version <= ControlList::built_in().version {
        return Err(StoreError::Refused(format!(
            "control list version {} is built into the app; a published list has a higher one",
            list.version
        )));
    }
    let text = serde_json::to_string(list).expect("lists always serialize");
    let added = conn.execute(
        "INSERT INTO control_lists (version, digest, list, statement, signature, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (version) DO NOTHING",
        params![
            list.version,
            list.digest(),
            text,
            received.statement,
            received.signature,
            now
        ],
    )?;
    Ok(added == 1)
}

/// The newest list held: the one a new case is opened under.
pub(crate) fn newest(conn: &Connection) -> Result<Arc<ControlList>> {
    let version: Option<u32> = conn
        .query_row("SELECT max(version) FROM control_lists", [], |r| r.get(0))
        .optional()?
        .flatten();
    match version {
        Some(v) => by_version(conn, v),
        None => Ok(built_in()),
    }
}

/// The highest version this device holds.
pub(crate) fn newest_version(conn: &Connection) -> Result<u32> {
    let version: Option<u32> =
        conn.query_row("SELECT max(version) FROM control_lists", [], |r| r.get(0))?;
    Ok(version.unwrap_or(ControlList::built_in().version))
}

/// The list a case is judged by: the one its events name; the built-in one when they name none.
/// A version this device lacks (a case from a device that took a list before this one synced)
/// is judged by the newest held until it arrives.
pub(crate) fn of_case(conn: &Connection, named: Option<&ListRef>) -> Result<Arc<ControlList>> {
    match named {
        None => Ok(built_in()),
        Some(r) if r.version == ControlList::built_in().version => Ok(built_in()),
        Some(r) => match held(conn, r.version)? {
            true => by_version(conn, r.version),
            false => newest(conn),
        },
    }
}

fn held(conn: &Connection, version: u32) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM control_lists WHERE version = ?1",
            [version],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

fn built_in() -> Arc<ControlList> {
    static LIST: OnceLock<Arc<ControlList>> = OnceLock::new();
    LIST.get_or_init(|| Arc::new(ControlList::built_in().clone()))
        .clone()
}

fn by_version(conn: &Connection, version: u32) -> Result<Arc<ControlList>> {
    let (digest, text): (String, String) = conn.query_row(
        "SELECT digest, list FROM control_lists WHERE version = ?1",
        [version],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let key = (version, digest);
    if let Some(list) = cache().lock().expect("no panics while held").get(&key) {
        return Ok(list.clone());
    }
    let list = Arc::new(ControlList::parse(&text).map_err(|e| {
        StoreError::Refused(format!(
            "the stored control list {version} cannot be read: {e}"
        ))
    })?);
    cache()
        .lock()
        .expect("no panics while held")
        .insert(key, list.clone());
    Ok(list)
}
