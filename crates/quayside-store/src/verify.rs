//! Check the whole log as evidence (`quayside_domain::integrity`): every signature, each device's
//! chain, replays, revoked devices, approvals; and that the columns stored beside each event agree
//! with its signed bytes.

use std::collections::BTreeMap;

use ed25519_dalek::VerifyingKey;
use quayside_domain::event::{body_hash, EventBody};
use quayside_domain::integrity::{check_log, Chains, Record, Revoked};
use quayside_i18n::Message;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::device::public_key;
use crate::error::Result;
use crate::refusals::refusal_message;
use crate::store::Store;
use rusqlite::{Connection, OptionalExtension};

/// One thing that failed, naming the event and device it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Problem {
    pub event_id: String,
    pub device_id: String,
    #[ts(type = "number")]
    pub device_seq: i64,
    /// The case's number (its id when the case is not in the projection).
    pub case: Option<String>,
    /// What failed, keyed (`finding.*`), for the reader's language.
    pub what: Message,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct VerifyReport {
    pub events: u32,
    pub devices: u32,
    pub problems: Vec<Problem>,
    /// What SQLite's own check finds wrong with the file (a damaged page or index), if anything:
    /// `finding.file_damaged`, with SQLite's own words as the detail.
    pub damage: Vec<Message>,
    /// Events this device refused when they arrived by sync (a forked chain, a forgery, a revoked
    /// device): never in the log, kept with the reason.
    pub refused: Vec<RefusedEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RefusedEvent {
    pub event_id: Option<String>,
    /// Why, keyed (`refusal.*`), for the reader's language.
    pub reason: Message,
    /// The same in English, as recorded: for the command-line check and logs.
    pub reason_english: String,
    pub received_at: String,
}

impl Store {
    pub fn verify_log(&self) -> Result<VerifyReport> {
        verify_log(&self.conn)
    }
}

pub(crate) fn verify_log(conn: &Connection) -> Result<VerifyReport> {
    // An encrypted file first: each page carries a MAC, and a page that fails it cannot be read
    // at all, so it is named here and the rest is checked as far as it can be read.
    let pages = cipher_damage(conn);
    if pages.is_empty() {
        return verify_readable(conn);
    }
    Ok(match verify_readable(conn) {
        Ok(mut report) => {
            report.damage.splice(0..0, pages);
            report
        }
        Err(_) => VerifyReport {
            events: 0,
            devices: 0,
            problems: Vec::new(),
            damage: pages,
            refused: Vec::new(),
        },
    })
}

/// SQLCipher's page check; nothing on a plaintext file.
fn cipher_damage(conn: &Connection) -> Vec<Message> {
    let Ok(mut stmt) = conn.prepare("PRAGMA cipher_integrity_check") else {
        return Vec::new();
    };
    let Ok(lines) = stmt.query_map([], |r| r.get::<_, String>(0)) else {
        return Vec::new();
    };
    lines.filter_map(|line| line.ok()).map(damaged).collect()
}

/// One line of SQLite's check: its words are technical, so they go as they are, in a keyed frame.
fn damaged(line: String) -> Message {
    Message::new("finding.file_damaged").text("detail", line)
}

fn verify_readable(conn: &Connection) -> Result<VerifyReport> {
    // The file itself first: a flipped byte outside any event (a page header, an index) is named
    // by SQLite's check, one line per damaged place.
    let damage: Vec<Message> = {
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let lines = stmt.query_map([], |r| r.get::<_, String>(0))?;
        lines
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|line| line != "ok")
            .map(damaged)
            .collect()
    };
    let mut stmt = conn.prepare(
        "SELECT id, device_id, device_seq, body, signature, hash, case_id, hlc, kind
         FROM events ORDER BY device_id, device_seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Vec<u8>>(3)?,
            r.get::<_, Vec<u8>>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, i64>(7)?,
            r.get::<_, String>(8)?,
        ))
    })?;
    let mut problems = Vec::new();
    let mut records = Vec::new();
    for row in rows {
        let (id, device, seq, bytes, signature, stored_hash, case_id, hlc, kind) = row?;
        // What the store indexes beside the signed bytes must agree with them: an edited column
        // would change what the projection shows without touching a signature.
        let mut row_problem = |key: &str| {
            problems.push(Problem {
                event_id: id.clone(),
                device_id: device.clone(),
                device_seq: seq,
                case: Some(case_id.clone()),
                what: Message::new(key),
            })
        };
        if body_hash(&bytes) != stored_hash {
            row_problem("finding.stored_hash_mismatch");
        }
        if let Ok(b) = serde_json::from_slice::<EventBody>(&bytes) {
            let row_matches = b.id.to_string() == id
                && b.device_id.to_string() == device
                && b.device_seq as i64 == seq
                && b.case_id.to_string() == case_id
                && b.hlc.0 as i64 == hlc
                && b.payload.kind() == kind;
            if !row_matches {
                row_problem("finding.row_differs");
            }
        }
        records.push(Record { bytes, signature });
    }
    let mut keys: BTreeMap<Uuid, Option<VerifyingKey>> = BTreeMap::new();
    for r in &records {
        if let Ok(b) = serde_json::from_slice::<EventBody>(&r.bytes) {
            if let std::collections::btree_map::Entry::Vacant(slot) = keys.entry(b.device_id) {
                let key = public_key(conn, &b.device_id.to_string())?
                    .and_then(|k| VerifyingKey::from_bytes(&k).ok());
                slot.insert(key);
            }
        }
    }
    let revoked = revoked_devices(conn)?;
    let checked = check_log(
        records,
        &|device| keys.get(&device).copied().flatten(),
        &revoked,
        Chains::Complete,
    );
    problems.extend(checked.findings.into_iter().map(|f| Problem {
        event_id: f.event_id.unwrap_or_else(|| "?".into()),
        device_id: f.device_id.unwrap_or_else(|| "?".into()),
        device_seq: f.device_seq.map_or(0, |s| s as i64),
        case: f.case_id,
        what: f.what,
    }));
    for p in &mut problems {
        if let Some(id) = &p.case {
            let number: Option<String> = conn
                .query_row("SELECT case_number FROM cases WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(number) = number {
                p.case = Some(number);
            }
        }
    }
    Ok(VerifyReport {
        events: checked.events as u32,
        devices: checked.devices as u32,
        problems,
        damage,
        refused: refused_events(conn)?,
    })
}

fn refused_events(conn: &Connection) -> Result<Vec<RefusedEvent>> {
    // A copy from before migration 0018 (checked read-only, so never migrated) has no codes.
    let has_code: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('quarantine') WHERE name = 'code')",
        [],
        |r| r.get(0),
    )?;
    let code = if has_code { "code" } else { "NULL" };
    let mut stmt = conn.prepare(&format!(
        "SELECT event_id, reason, received_at, {code} FROM quarantine ORDER BY seq"
    ))?;
    let rows = stmt.query_map([], |r| {
        let reason: String = r.get(1)?;
        let code: Option<String> = r.get(3)?;
        Ok(RefusedEvent {
            event_id: r.get(0)?,
            reason: refusal_message(code.as_deref(), &reason),
            reason_english: reason,
            received_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Devices the server revoked, as this store learnt it at sync. A copy made before migration 0008
/// (checked read-only, so never migrated) has none.
fn revoked_devices(conn: &Connection) -> Result<Vec<Revoked>> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revocations')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare("SELECT device_id, last_valid_seq, revoked_at FROM revocations")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut revoked = Vec::new();
    for row in rows {
        let (device, last_valid_seq, revoked_at) = row?;
        if let Ok(device_id) = Uuid::parse_str(&device) {
            revoked.push(Revoked {
                device_id,
                last_valid_seq: last_valid_seq.max(0) as u64,
                revoked_at,
            });
        }
    }
    Ok(revoked)
}
