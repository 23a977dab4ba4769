//! A case file built in memory the way the store builds one, for the tests and benchmarks of the
//! exports: each event's signed-body bytes hashed and chained, folded into the case, its changes
//! kept for the timeline.

use chrono::NaiveDateTime;
use quayside_domain::case::CaseFile;
use quayside_domain::event::{body_hash as sha256, Author, EventBody, Payload, Role};
use quayside_domain::fields::{parse_field, parse_field_of, Field, Section};
use quayside_domain::hlc::Hlc;
use quayside_domain::input::InputConventions;
use quayside_domain::photo::Exif;
use quayside_domain::timeline::TimelineEntry;
use quayside_export::EventDigest;
use uuid::Uuid;

/// The number of every recorded case.
pub const CASE_NUMBER: &str = "NLRTM-2026-K7F3QA-0001";

/// The time values are parsed at (a date typed as "today" is this day).
pub fn now() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
        .unwrap()
        .and_hms_opt(18, 0, 0)
        .unwrap()
}

/// A case built the way the store builds one: signed-body bytes hashed, each event folded in,
/// its changes kept for the timeline.
pub struct Recorder {
    pub case: CaseFile,
    /// Who makes the edits `apply`, `set` and `add` record.
    pub author: Author,
    device: Uuid,
    seq: u64,
    prev_hash: String,
    /// The timeline entries of the events so far, as the store gives them.
    pub timeline: Vec<TimelineEntry>,
    /// Every event's digest, in order, as the PDF's manifest lists them.
    pub events: Vec<EventDigest>,
}

pub fn inspector() -> Author {
    Author {
        name: "Çağlar Öztürk".into(),
        role: Role::Inspector,
    }
}

pub fn supervisor() -> Author {
    Author {
        name: "Marieke de Vries".into(),
        role: Role::Supervisor,
    }
}

impl Recorder {
    /// A case opened by [`inspector`], who makes the edits.
    pub fn open() -> Recorder {
        Recorder::open_by(inspector())
    }

    /// A case opened by `author`, who makes the edits.
    pub fn open_by(author: Author) -> Recorder {
        let device = Uuid::now_v7();
        let opened = EventBody {
            id: Uuid::now_v7(),
            case_id: Uuid::now_v7(),
            device_id: device,
            device_seq: 1,
            author: author.clone(),
            hlc: Hlc::new(1_795_852_800_000, 0),
            wall_time: "2026-11-28T08:00:00.000Z".into(),
            deps: vec![],
            prev_hash: String::new(),
            reason: None,
            payload: Payload::CaseOpened {
                case_number: CASE_NUMBER.into(),
                port: "NLRTM".into(),
                opened_at: "2026-11-28T08:00:00Z".into(),
            },
        };
        let (case, changes) = CaseFile::open(&opened).unwrap();
        let mut recorder = Recorder {
            case,
            author,
            device,
            seq: 1,
            prev_hash: String::new(),
            timeline: Vec::new(),
            events: Vec::new(),
        };
        recorder.record(&opened, changes);
        recorder
    }

    fn body(&mut self, author: Author, deps: Vec<Uuid>, payload: Payload) -> EventBody {
        self.seq += 1;
        let seconds = 8 * 3600 + self.seq * 97;
        EventBody {
            id: Uuid::now_v7(),
            case_id: self.case.id,
            device_id: self.device,
            device_seq: self.seq,
            author,
            hlc: Hlc::new(1_795_852_800_000 + self.seq * 97_000, 0),
            wall_time: format!(
                "2026-11-28T{:02}:{:02}:{:02}.000Z",
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60
            ),
            deps,
            prev_hash: self.prev_hash.clone(),
            payload,
            reason: None,
        }
    }

    fn record(&mut self, event: &EventBody, changes: Vec<quayside_domain::case::Change>) {
        let bytes = serde_json::to_vec(event).unwrap();
        let hash = sha256(&bytes);
        self.prev_hash = hash.clone();
        self.timeline.push(TimelineEntry {
            event_id: event.id,
            wall_time: event.wall_time.clone(),
            author: event.author.name.clone(),
            role: serde_json::to_value(event.author.role)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string(),
            device_id: event.device_id,
            device_seq: event.device_seq as u32,
            kind: event.payload.kind().to_string(),
            changes,
            refused: None,
        });
        self.events.push(EventDigest {
            event_id: event.id,
            device_id: event.device_id,
            device_seq: event.device_seq,
            sha256: hash,
        });
    }

    /// Apply as someone who has seen the case so far (deps name the head and the field's values).
    pub fn apply_as(&mut self, author: Author, payload: Payload) {
        let mut deps = vec![self.case.head];
        if let Payload::FieldSet { item, field, .. } = &payload {
            deps.extend(self.case.field_heads(*item, *field));
        }
        let event = self.body(author, deps, payload);
        let changes = self.case.apply(&event).unwrap();
        self.record(&event, changes);
    }

    /// Apply as the case's author.
    pub fn apply(&mut self, payload: Payload) {
        self.apply_as(self.author.clone(), payload);
    }

    /// An edit made on another device that had not seen the field's current value: a conflict.
    pub fn apply_unseen(&mut self, payload: Payload) {
        let event = self.body(supervisor(), vec![], payload);
        let changes = self.case.apply(&event).unwrap();
        self.record(&event, changes);
    }

    pub fn set(&mut self, field: Field, text: &str) {
        let value = parse_field(field, text, now(), InputConventions::STORED).unwrap();
        self.apply(Payload::FieldSet {
            item: None,
            field,
            value,
        });
    }

    pub fn add(&mut self, section: Section, fields: &[(Field, &str)]) -> Uuid {
        let item = Uuid::now_v7();
        self.apply(Payload::ItemAdded { section, item });
        for (field, text) in fields {
            // Read beside its entry, as the API reads it: a unit's number by the unit's kind.
            let entry = self.case.items.iter().find(|i| i.id == item);
            let value =
                parse_field_of(*field, text, now(), InputConventions::STORED, entry).unwrap();
            self.apply(Payload::FieldSet {
                item: Some(item),
                field: *field,
                value,
            });
        }
        item
    }

    pub fn attach(
        &mut self,
        original: &[u8],
        file_name: &str,
        media_type: &str,
        exif: Exif,
    ) -> String {
        let hash = sha256(original);
        self.apply(Payload::PhotoAttached {
            sha256: hash.clone(),
            size: original.len() as u64,
            media_type: media_type.into(),
            file_name: file_name.into(),
            caption: None,
            exif,
            captured: None,
        });
        hash
    }
}
