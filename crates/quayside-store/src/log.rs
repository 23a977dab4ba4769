//! Appending this device's events: one immediate transaction per event that checks the change
//! reason a reviewed case needs, moves the device's sequence, hash chain and clock
//! (`local_device`), numbers new cases (`case_numbers`), stores the signed bytes (`event_rows`),
//! has `projection` fold the event in, and drops what the event settles (a field's draft, a used
//! change reason).

use chrono::Datelike;
use quayside_domain::case::CaseFile;
use quayside_domain::event::{Author, EventBody, Payload, SignedEvent};
use quayside_domain::fields::Field;
use quayside_domain::hlc::Hlc;
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use uuid::Uuid;

use quayside_domain::control_list::ControlList;

use crate::case_state::load_case;
use crate::clock::rfc3339;
use crate::control_lists;
use crate::drafts::discard as discard_draft;
use crate::error::{Result, StoreError};
use crate::event_rows::{case_events, insert_event, StoredEvent};
use crate::projection;
use crate::review::{change_reason, forget_change_reason};
use crate::store::Store;

impl Store {
    /// Open a new case at `port` (a canonical UN/LOCODE) with a case number unique without a network:
    /// port, year, this device's short id, and this device's sequence for that port and year.
    pub fn open_case(&mut self, author: &Author, port: &str) -> Result<CaseFile> {
        let now = self.clock.now();
        let case_id = Uuid::now_v7();
        let short_id = self.device.short_id.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let case = write_in(
            &tx,
            &self.device,
            now,
            author,
            case_id,
            |tx| {
                // The year people at the port would write, not the UTC one (1 January at 00:30 CET).
                let year = now.with_timezone(&chrono::Local).year();
                let next: i64 = tx
                    .query_row(
                        "SELECT last FROM case_numbers WHERE port = ?1 AND year = ?2",
                        params![port, year],
                        |r| r.get(0),
                    )
                    .optional()?
                    .unwrap_or(0)
                    + 1;
                tx.execute(
                    "INSERT INTO case_numbers (port, year, last) VALUES (?1, ?2, ?3)
                 ON CONFLICT (port, year) DO UPDATE SET last = excluded.last",
                    params![port, year, next],
                )?;
                Ok(Payload::CaseOpened {
                    case_number: format!("{port}-{year}-{short_id}-{next:04}"),
                    port: port.to_string(),
                    opened_at: rfc3339(now),
                })
            },
            None,
        )?;
        // Judged by the newest list held; the built-in one needs no event to say so.
        let list = control_lists::newest(&tx)?;
        let case = if list.version > ControlList::built_in().version {
            write_in(
                &tx,
                &self.device,
                now,
                author,
                case_id,
                |_| {
                    Ok(Payload::ControlListApplied {
                        version: list.version,
                        digest: list.digest(),
                    })
                },
                None,
            )?
        } else {
            case
        };
        tx.commit()?;
        Ok(case)
    }

    /// Judge an open case by the newest control list held from now on. None when it is judged by
    /// that list already.
    pub fn apply_newest_control_list(
        &mut self,
        author: &Author,
        case_id: Uuid,
    ) -> Result<Option<CaseFile>> {
        let list = control_lists::newest(&self.conn)?;
        let case = load_case(&self.conn, case_id)?.ok_or(StoreError::CaseNotFound(case_id))?;
        let current = case.control_list.as_ref().map_or(1, |l| l.version);
        if current >= list.version {
            return Ok(None);
        }
        let payload = Payload::ControlListApplied {
            version: list.version,
            digest: list.digest(),
        };
        self.write(author, case_id, |_| Ok(payload), None).map(Some)
    }

    /// Append one event to an existing case. A payload the fold refuses writes nothing.
    pub fn append(&mut self, author: &Author, case_id: Uuid, payload: Payload) -> Result<CaseFile> {
        self.write(author, case_id, |_| Ok(payload), None)
    }

    /// Record a field edit and, in the same transaction, drop the field's draft: the saved value is
    /// the newest text (the UI sends a field's calls in order), and a crash between the two writes
    /// must not leave a draft over a value that was saved.
    pub fn append_field_edit(
        &mut self,
        author: &Author,
        case_id: Uuid,
        item: Option<Uuid>,
        field: Field,
        value: Option<String>,
    ) -> Result<CaseFile> {
        let payload = Payload::FieldSet { item, field, value };
        self.write(author, case_id, |_| Ok(payload), Some((item, field)))
    }

    /// Append several events to a case in one transaction: all of them, or, when the fold
    /// refuses one, none. For an import, which must not leave half its rows written.
    pub fn append_all(
        &mut self,
        author: &Author,
        case_id: Uuid,
        payloads: Vec<Payload>,
    ) -> Result<CaseFile> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut case = None;
        for payload in payloads {
            let wall = self.clock.now();
            case = Some(write_in(
                &tx,
                &self.device,
                wall,
                author,
                case_id,
                |_| Ok(payload),
                None,
            )?);
        }
        let case = match case {
            Some(case) => case,
            None => load_case(&tx, case_id)?.ok_or(StoreError::CaseNotFound(case_id))?,
        };
        tx.commit()?;
        Ok(case)
    }

    fn write(
        &mut self,
        author: &Author,
        case_id: Uuid,
        payload: impl FnOnce(&Transaction) -> Result<Payload>,
        draft_done: Option<(Option<Uuid>, Field)>,
    ) -> Result<CaseFile> {
        let wall = self.clock.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let case = write_in(
            &tx,
            &self.device,
            wall,
            author,
            case_id,
            payload,
            draft_done,
        )?;
        tx.commit()?;
        Ok(case)
    }

    pub fn event_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// The events of one case in fold order, as stored.
    pub fn case_events(&self, case_id: Uuid) -> Result<Vec<StoredEvent>> {
        case_events(&self.conn, case_id)
    }

    /// This device's chain head: (last device sequence, last HLC).
    pub fn device_head(&self) -> Result<(u64, Hlc)> {
        Ok(self.conn.query_row(
            "SELECT last_seq, hlc FROM local_device WHERE singleton = 1",
            [],
            |r| Ok((r.get::<_, i64>(0)? as u64, Hlc(r.get::<_, i64>(1)? as u64))),
        )?)
    }
}

/// Append one event inside `tx`: the device's sequence, chain and clock move, the event is
/// stored and folded, and what it settles is dropped.
fn write_in(
    tx: &Transaction,
    device: &crate::device::Device,
    wall: chrono::DateTime<chrono::Utc>,
    author: &Author,
    case_id: Uuid,
    payload: impl FnOnce(&Transaction) -> Result<Payload>,
    draft_done: Option<(Option<Uuid>, Field)>,
) -> Result<CaseFile> {
    let (last_seq, last_hash, last_hlc): (i64, String, i64) = tx.query_row(
        "SELECT last_seq, last_hash, hlc FROM local_device WHERE singleton = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let payload = payload(tx)?;
    let current = load_case(tx, case_id)?;
    let reason = match &current {
        Some(case) if !payload.is_review_step() => {
            let reason = change_reason(tx, case)?;
            if reason.is_none() && case.review.state.needs_reason() {
                return Err(StoreError::ReasonRequired(case.review.state));
            }
            reason
        }
        _ => None,
    };
    let deps = match (&current, &payload) {
        (None, Payload::CaseOpened { .. }) => Vec::new(),
        (None, _) => return Err(StoreError::CaseNotFound(case_id)),
        (Some(case), Payload::FieldSet { item, field, .. }) => {
            let mut deps = vec![case.head];
            deps.extend(
                case.field_heads(*item, *field)
                    .into_iter()
                    .filter(|e| *e != case.head),
            );
            deps
        }
        (Some(case), _) => vec![case.head],
    };
    let hlc = Hlc(last_hlc as u64).tick(wall.timestamp_millis().max(0) as u64);
    let body = EventBody {
        id: Uuid::now_v7(),
        case_id,
        device_id: device.id,
        device_seq: last_seq as u64 + 1,
        author: author.clone(),
        hlc,
        wall_time: rfc3339(wall),
        deps,
        prev_hash: last_hash,
        payload,
        reason,
    };
    let event = SignedEvent::sign(body, &device.key);
    insert_event(tx, &event, &rfc3339(wall))?;
    let case = projection::fold_event(tx, current, &event.body)?;
    tx.execute(
        "UPDATE local_device SET last_seq = ?1, last_hash = ?2, hlc = ?3 WHERE singleton = 1",
        params![
            event.body.device_seq as i64,
            event.hash(),
            event.body.hlc.0 as i64
        ],
    )?;
    if event.body.payload.is_review_step() {
        forget_change_reason(tx, case_id)?;
    }
    if let Some((item, field)) = draft_done {
        discard_draft(tx, case_id, item, field)?;
    }
    Ok(case)
}
