//! Exchanging events with other replicas: the public keys of other devices (`devices`), what this
//! device sends (its own events, exactly as signed), and taking in what others sent. Taking in is
//! all or nothing per batch, but one bad event never blocks the rest: it is set aside in
//! `quarantine` with the reason. Every case a batch touches is refolded by `projection` inside the
//! batch's transaction. The server, permissions and conflicts are not here (see `docs/sync.md`).

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};

use ed25519_dalek::VerifyingKey;
use quayside_domain::cores::map_on_all_cores;
use quayside_domain::event::{body_hash, EventBody, SignedEvent};
use quayside_domain::hlc::Hlc;
use quayside_domain::signatures::{verify_on_all_cores, Signed};
use rusqlite::{params, Connection, OptionalExtension, Params, TransactionBehavior};
use uuid::Uuid;

use crate::clock::rfc3339;
use crate::device::{public_key, short_id};
use crate::error::{Result, StoreError};
use crate::event_rows::insert_event;
use crate::evidence::revocation;
use crate::projection;
use crate::store::Store;

/// What a batch did: events taken into the log, events already held, and events set aside.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestReport {
    pub inserted: usize,
    pub duplicates: usize,
    /// (event id, or "?" when the body cannot be read; why it was set aside)
    pub quarantined: Vec<(String, String)>,
}

enum Verdict {
    Insert(Box<SignedEvent>),
    Duplicate,
    /// The event's id when readable, the code of why (`refusals`), and the English reason.
    Quarantine(Option<Uuid>, &'static str, String),
}

impl Store {
    /// Register another device's public key, so its events verify here. A device keeps its key for
    /// life: another key under a known id is refused, not replaced.
    pub fn add_device_key(&mut self, device_id: Uuid, public_key_bytes: [u8; 32]) -> Result<()> {
        if VerifyingKey::from_bytes(&public_key_bytes).is_err() {
            return Err(StoreError::Refused(format!(
                "the key given for device {device_id} is not an ed25519 public key"
            )));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        match public_key(&tx, &device_id.to_string())? {
            Some(known) if known == public_key_bytes => return Ok(()),
            Some(_) => {
                return Err(StoreError::Refused(format!(
                    "device {device_id} is already registered with another key: a device keeps its key \
                     for life, so this key belongs to something else claiming that device's id"
                )))
            }
            None => {}
        }
        tx.execute(
            "INSERT INTO devices (id, short_id, public_key, added_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                device_id.to_string(),
                short_id(&public_key_bytes),
                public_key_bytes.as_slice(),
                rfc3339(self.clock.now()),
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The public key this store holds for a device, if any.
    pub fn device_key(&self, device_id: Uuid) -> Result<Option<[u8; 32]>> {
        public_key(&self.conn, &device_id.to_string())
    }

    /// This device's own events after `after_seq`, in sequence order, exactly as signed: what a push sends.
    pub fn outgoing(&self, after_seq: u64, limit: usize) -> Result<Vec<SignedEvent>> {
        read_events(
            &self.conn,
            "WHERE device_id = ?1 AND device_seq > ?2 ORDER BY device_seq LIMIT ?3",
            params![
                self.device.id.to_string(),
                i64::try_from(after_seq).unwrap_or(i64::MAX),
                i64::try_from(limit).unwrap_or(i64::MAX),
            ],
        )
    }

    /// Every event of the log, of any device, in the order this store received them.
    pub fn export_events(&self) -> Result<Vec<SignedEvent>> {
        read_events(&self.conn, "ORDER BY seq", [])
    }

    /// Take in events from other replicas (body bytes exactly as signed, signature), in one
    /// transaction: verify each, skip those already held, set aside the bad ones with the reason,
    /// store the rest as received, move this device's clock past them, and refold every case they
    /// touch from its full event set, so the projection does not depend on the arrival order.
    pub fn ingest(&mut self, events: &[(Vec<u8>, [u8; 64])]) -> Result<IngestReport> {
        let now = rfc3339(self.clock.now());
        let own = self.device.id;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut report = IngestReport::default();
        let mut touched = BTreeSet::new();
        let mut seen = Hlc::default();
        let checked = check_all(&tx, events)?;
        for ((bytes, signature), checked) in events.iter().zip(checked) {
            match judge(&tx, own, bytes, checked)? {
                Verdict::Insert(event) => {
                    insert_event(&tx, &event, &now)?;
                    seen = seen.max(event.body.hlc);
                    touched.insert(event.body.case_id);
                    report.inserted += 1;
                }
                Verdict::Duplicate => report.duplicates += 1,
                Verdict::Quarantine(id, code, reason) => {
                    tx.prepare_cached(
                        "INSERT OR IGNORE INTO quarantine (event_id, body, signature, hash, reason, received_at, code)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    )?
                    .execute(params![
                            id.map(|id| id.to_string()),
                            bytes,
                            signature.as_slice(),
                            body_hash(bytes),
                            reason,
                            now,
                            code
                        ])?;
                    let id = id.map_or_else(|| "?".to_string(), |id| id.to_string());
                    report.quarantined.push((id, reason));
                }
            }
        }
        let local: i64 = tx.query_row(
            "SELECT hlc FROM local_device WHERE singleton = 1",
            [],
            |r| r.get(0),
        )?;
        tx.execute(
            "UPDATE local_device SET hlc = ?1 WHERE singleton = 1",
            [Hlc(local as u64).observe(seen).0 as i64],
        )?;
        for case_id in touched {
            projection::refold_afresh(&tx, case_id)?;
        }
        tx.commit()?;
        Ok(report)
    }
}

/// A received event as read and checked before the log is consulted. Decoding and signature
/// checks need only the device keys, so they run on every core: done one by one they were half of
/// ingest's time.
enum Checked {
    Unreadable(String),
    UnknownDevice(EventBody),
    BadSignature(EventBody),
    Signed(SignedEvent),
}

fn check_all(conn: &Connection, events: &[(Vec<u8>, [u8; 64])]) -> Result<Vec<Checked>> {
    let bodies = map_on_all_cores(events.iter().collect(), |(bytes, _)| {
        serde_json::from_slice::<EventBody>(bytes).map_err(|e| e.to_string())
    });
    let mut keys: HashMap<Uuid, Option<VerifyingKey>> = HashMap::new();
    for body in bodies.iter().flatten() {
        if let Entry::Vacant(entry) = keys.entry(body.device_id) {
            entry.insert(
                public_key(conn, &body.device_id.to_string())?
                    .and_then(|k| VerifyingKey::from_bytes(&k).ok()),
            );
        }
    }
    // Every signature of the batch at once, by the keys of their devices: one batch check per
    // core, where one device's run of events costs a fraction of checking each.
    let signed: Vec<Signed> = events
        .iter()
        .zip(&bodies)
        .filter_map(|((bytes, signature), body)| {
            let key = keys[&body.as_ref().ok()?.device_id].as_ref()?;
            Some(Signed {
                message: bytes,
                signature,
                key: key.as_bytes(),
            })
        })
        .collect();
    let mut verified = verify_on_all_cores(&signed, || rand_core_06::OsRng).into_iter();
    Ok(events
        .iter()
        .zip(bodies)
        .map(|((bytes, signature), body)| {
            let body = match body {
                Ok(body) => body,
                Err(e) => return Checked::Unreadable(e),
            };
            if keys[&body.device_id].is_none() {
                return Checked::UnknownDevice(body);
            }
            if !verified.next().expect("one answer per event with a key") {
                return Checked::BadSignature(body);
            }
            Checked::Signed(SignedEvent {
                body,
                bytes: bytes.clone(),
                signature: *signature,
            })
        })
        .collect())
}

/// Whether a received event joins the log, is already in it, or is set aside (and why). Checked
/// against the log as it stands inside the batch's transaction, so earlier events of the batch count.
fn judge(conn: &Connection, own: Uuid, bytes: &[u8], checked: Checked) -> Result<Verdict> {
    let event = match checked {
        Checked::Unreadable(e) => {
            return Ok(Verdict::Quarantine(
                None,
                "undecodable",
                format!("the event body cannot be read: {e}"),
            ))
        }
        Checked::UnknownDevice(body) => {
            return Ok(Verdict::Quarantine(
                Some(body.id),
                "unknown_device",
                format!(
                    "unknown device {}: no public key is registered for it",
                    body.device_id
                ),
            ))
        }
        Checked::BadSignature(body) => {
            return Ok(Verdict::Quarantine(
                Some(body.id),
                "bad_signature",
                format!(
                    "the signature does not verify against the key of device {}: \
                     the event was altered or signed by another key",
                    body.device_id
                ),
            ))
        }
        Checked::Signed(event) => event,
    };
    let body = &event.body;
    let set_aside =
        |code: &'static str, reason: String| Ok(Verdict::Quarantine(Some(body.id), code, reason));
    let device = body.device_id.to_string();
    let (seq, hlc) = (body.device_seq, body.hlc.0);
    // A revoked device (lost, stolen) signs nothing valid after what the server held when it was
    // revoked: someone else may hold its key.
    if let Some((last_valid, revoked_at)) = revocation(conn, &device)? {
        if seq > last_valid {
            return set_aside(
                "revoked",
                format!(
                    "device {device} was revoked on {revoked_at}: its events after number \
                 {last_valid} are not valid, and this is number {seq}"
                ),
            );
        }
    }
    let held: Option<Vec<u8>> = conn
        .prepare_cached("SELECT body FROM events WHERE id = ?1")?
        .query_row([body.id.to_string()], |r| r.get(0))
        .optional()?;
    if let Some(held) = held {
        if held != bytes {
            return set_aside(
                "id_reused",
                "it differs from the held event with the same id".into(),
            );
        }
        return Ok(Verdict::Duplicate);
    }
    if seq == 0 || i64::try_from(seq).is_err() || i64::try_from(hlc).is_err() {
        return set_aside(
            "out_of_range",
            format!("its device sequence ({seq}) or clock ({hlc}) is out of range"),
        );
    }
    let at = |n: u64| -> Result<Option<(String, Vec<u8>)>> {
        Ok(conn
            .prepare_cached("SELECT id, body FROM events WHERE device_id = ?1 AND device_seq = ?2")?
            .query_row(params![device, n as i64], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    };
    if let Some((other, _)) = at(seq)? {
        return set_aside(
            "fork",
            format!(
                "fork: device {device} sequence {seq} is already held as another event, {other}"
            ),
        );
    }
    // Not held, and the sequence is free: this device never wrote it, so another copy of its data
    // folder did. Taking it in would fork our own chain at the next local edit.
    if body.device_id == own {
        return set_aside(
            "own_copy",
            format!(
            "an event signed as this device (sequence {seq}) that this store did not write: a copy \
             of this data folder is in use elsewhere, or this one was restored from an older backup"
        ),
        );
    }
    // The neighbours held must chain with it, or the device's history has two branches.
    let before = if seq == 1 {
        Some(String::new())
    } else {
        at(seq - 1)?.map(|(_, b)| body_hash(&b))
    };
    if before.is_some_and(|hash| hash != body.prev_hash) {
        return set_aside(
            "fork",
            format!(
                "fork: it does not follow the held sequence {} of device {device}",
                seq - 1
            ),
        );
    }
    if let Some((next, next_bytes)) = at(seq + 1)? {
        let next: EventBody = serde_json::from_slice(&next_bytes)
            .map_err(|e| StoreError::Refused(format!("held event {next} cannot be read: {e}")))?;
        if next.prev_hash != event.hash() {
            return set_aside(
                "fork",
                format!(
                    "fork: the held sequence {} of device {device} does not follow it",
                    seq + 1
                ),
            );
        }
    }
    Ok(Verdict::Insert(Box::new(event)))
}

fn read_events(conn: &Connection, order: &str, params: impl Params) -> Result<Vec<SignedEvent>> {
    let mut stmt = conn.prepare(&format!("SELECT id, body, signature FROM events {order}"))?;
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    rows.map(|row| {
        let (id, bytes, signature) = row?;
        let unreadable = |e: String| StoreError::Refused(format!("event {id} cannot be read: {e}"));
        Ok(SignedEvent {
            body: serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?,
            signature: signature
                .try_into()
                .map_err(|_| unreadable("its signature is not 64 bytes".into()))?,
            bytes,
        })
    })
    .collect()
}
