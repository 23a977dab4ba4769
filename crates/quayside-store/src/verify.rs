//! Check the whole log: every signature, and each device's chain for gaps, forks and reordering.

use std::collections::BTreeMap;

use ed25519_dalek::VerifyingKey;
use quayside_domain::event::{body_hash, SignedEvent};
use serde::Serialize;
use ts_rs::TS;

use crate::device::public_key;
use crate::error::Result;
use crate::Store;
use rusqlite::Connection;

/// One thing that failed, naming the event and device it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Problem {
    pub event_id: String,
    pub device_id: String,
    #[ts(type = "number")]
    pub device_seq: i64,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct VerifyReport {
    pub events: u32,
    pub devices: u32,
    pub problems: Vec<Problem>,
}

impl Store {
    pub fn verify_log(&self) -> Result<VerifyReport> {
        verify_log(&self.conn)
    }
}

pub(crate) fn verify_log(conn: &Connection) -> Result<VerifyReport> {
    {
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
        let mut keys: BTreeMap<String, Option<VerifyingKey>> = BTreeMap::new();
        // Per device: the sequence and body hash of the last event seen.
        let mut chains: BTreeMap<String, (i64, String)> = BTreeMap::new();
        let mut events = 0u32;
        for row in rows {
            let (id, device, seq, bytes, signature, stored_hash, case_id, hlc, kind) = row?;
            events += 1;
            let problem = |what: String| Problem {
                event_id: id.clone(),
                device_id: device.clone(),
                device_seq: seq,
                what,
            };
            if !keys.contains_key(&device) {
                let key =
                    public_key(conn, &device)?.and_then(|k| VerifyingKey::from_bytes(&k).ok());
                keys.insert(device.clone(), key);
            }
            let Some(key) = keys[&device] else {
                problems.push(problem("no public key is known for this device".into()));
                continue;
            };
            let hash = body_hash(&bytes);
            if hash != stored_hash {
                problems.push(problem(
                    "the stored hash does not match the event bytes".into(),
                ));
            }
            let (last_seq, last_hash) = chains.get(&device).cloned().unwrap_or((0, String::new()));
            match SignedEvent::verify(&bytes, &signature, &key) {
                Err(e) => problems.push(problem(e.to_string())),
                Ok(event) => {
                    let b = &event.body;
                    let row_matches = b.id.to_string() == id
                        && b.device_id.to_string() == device
                        && b.device_seq as i64 == seq
                        && b.case_id.to_string() == case_id
                        && b.hlc.0 as i64 == hlc
                        && b.payload.kind() == kind;
                    if !row_matches {
                        problems.push(problem(
                            "the row's id, case, device, sequence, clock or kind differ from the signed body"
                                .into(),
                        ));
                    }
                    if seq != last_seq + 1 {
                        problems.push(problem(format!(
                            "gap in the device chain: sequence {} is missing",
                            last_seq + 1
                        )));
                    } else if b.prev_hash != last_hash {
                        problems.push(problem(format!(
                            "the device chain is broken: previous hash is not that of sequence {last_seq}"
                        )));
                    }
                }
            }
            chains.insert(device.clone(), (seq, hash));
        }
        Ok(VerifyReport {
            events,
            devices: keys.len() as u32,
            problems,
        })
    }
}
