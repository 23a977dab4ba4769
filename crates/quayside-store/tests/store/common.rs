//! Helpers the test modules share: a clock the test moves, an author, edits, opening stores and
//! their raw database, events as they travel, and a fixture of cases built from a spec.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use quayside_domain::event::{Author, CaseStatus, Payload, Role, SignedEvent};
use quayside_domain::fields::{Field, Section};
use quayside_store::{Bucket, CaseFilter, Store};
use uuid::Uuid;

/// A clock the test moves (backwards too), and its usual "now".
pub use quayside_testkit::clock::{noon, TestClock};

pub fn inspector() -> Author {
    Author {
        name: "Ines Inspector".into(),
        role: Role::Inspector,
    }
}

pub fn set(store: &mut Store, case: Uuid, item: Option<Uuid>, field: Field, value: &str) {
    store
        .append_field_edit(&inspector(), case, item, field, Some(value.into()))
        .unwrap();
}

pub fn add(store: &mut Store, case: Uuid, section: Section) -> Uuid {
    let item = Uuid::now_v7();
    store
        .append(&inspector(), case, Payload::ItemAdded { section, item })
        .unwrap();
    item
}

/// A second connection to the store's database, to look behind its back or tamper with it.
pub fn raw(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join(quayside_store::DATABASE_FILE)).unwrap()
}

/// A store in `dir` on `clock`.
pub fn open(dir: &Path, clock: &TestClock) -> Store {
    Store::open_with_clock(dir, Box::new(clock.clone())).unwrap()
}

/// A store in `dir` on a clock stopped at `noon()`.
pub fn open_at_noon(dir: &Path) -> Store {
    Store::open_with_clock(dir, Box::new(TestClock::at(noon()))).unwrap()
}

/// Let `store` verify `other`'s events.
pub fn introduce(store: &mut Store, other: &Store) {
    let key = other.device().key.verifying_key().to_bytes();
    store.add_device_key(other.device().id, key).unwrap();
}

/// An event as it travels: the signed bytes and the signature.
pub type Wire = (Vec<u8>, [u8; 64]);

pub fn wire(events: &[SignedEvent]) -> Vec<Wire> {
    events
        .iter()
        .map(|e| (e.bytes.clone(), e.signature))
        .collect()
}

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
}

/// What a test case holds. Goods are (material, weight); legs are (UN/LOCODE, role).
#[derive(Default, Clone)]
pub struct Spec {
    pub port: &'static str,
    pub opened: Option<DateTime<Utc>>,
    pub seal: &'static str,
    pub goods: Vec<(Option<&'static str>, &'static str)>,
    pub concealments: Vec<&'static str>,
    pub detection: Option<&'static str>,
    pub outcome: Option<&'static str>,
    pub legs: Vec<(&'static str, Option<&'static str>)>,
    pub declared_origin: Option<&'static str>,
    pub status: Option<CaseStatus>,
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub clock: TestClock,
    pub store: Store,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    Fixture { dir, clock, store }
}

impl Fixture {
    pub fn case(&mut self, spec: &Spec) -> Uuid {
        let store = &mut self.store;
        self.clock.set(spec.opened.unwrap_or_else(noon));
        let port = if spec.port.is_empty() {
            "NLRTM"
        } else {
            spec.port
        };
        let case = store.open_case(&inspector(), port).unwrap().id;
        if !spec.seal.is_empty() {
            let seal = add(store, case, Section::Seals);
            set(store, case, Some(seal), Field::SealNumber, spec.seal);
        }
        for (material, weight) in &spec.goods {
            let goods = add(store, case, Section::GoodsFound);
            if let Some(material) = material {
                set(store, case, Some(goods), Field::GoodsMaterial, material);
            }
            set(store, case, Some(goods), Field::GoodsWeight, weight);
        }
        for method in &spec.concealments {
            let item = add(store, case, Section::Concealments);
            set(store, case, Some(item), Field::ConcealmentMethod, method);
        }
        for (locode, role) in &spec.legs {
            let leg = add(store, case, Section::Route);
            set(store, case, Some(leg), Field::LegLocode, locode);
            if let Some(role) = role {
                set(store, case, Some(leg), Field::LegRole, role);
            }
        }
        if let Some(origin) = spec.declared_origin {
            set(store, case, None, Field::DeclaredOrigin, origin);
        }
        if let Some(detection) = spec.detection {
            set(store, case, None, Field::DetectionMethods, detection);
        }
        if let Some(outcome) = spec.outcome {
            set(store, case, None, Field::OutcomeCode, outcome);
        }
        if let Some(status) = spec.status {
            store
                .append(
                    &inspector(),
                    case,
                    Payload::StatusSet {
                        status,
                        reason: Some("test".into()),
                    },
                )
                .unwrap();
        }
        case
    }

    pub fn ids(&self, filter: &CaseFilter) -> BTreeSet<Uuid> {
        let listed: BTreeSet<Uuid> = self
            .store
            .list_cases(filter)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(
            self.store.count_cases(filter).unwrap(),
            listed.len() as u64,
            "count agrees with the list for {filter:?}"
        );
        listed
    }
}

pub fn set_of(ids: &[Uuid]) -> BTreeSet<Uuid> {
    ids.iter().copied().collect()
}

/// Five cases that differ in every filtered fact.
pub struct Five {
    pub f: Fixture,
    pub rtm_tungsten: Uuid,
    pub rtm_antimony: Uuid,
    pub ham_mixed: Uuid,
    pub anr_nothing: Uuid,
    pub ham_closed: Uuid,
}

pub fn five() -> Five {
    let mut f = fixture();
    let rtm_tungsten = f.case(&Spec {
        port: "NLRTM",
        opened: Some(at(2026, 1, 10)),
        seal: "EU1111",
        goods: vec![(Some("tungsten"), "1200 kg")],
        concealments: vec!["C2"],
        detection: Some("D1 D5"),
        outcome: Some("O4"),
        legs: vec![("CNSHA", Some("origin")), ("SGSIN", Some("transshipment"))],
        ..Spec::default()
    });
    let rtm_antimony = f.case(&Spec {
        port: "NLRTM",
        opened: Some(at(2026, 2, 1)),
        seal: "EU2222",
        goods: vec![(Some("antimony"), "2 t")],
        concealments: vec!["C4"],
        detection: Some("D5"),
        outcome: Some("O7"),
        legs: vec![("VNHPH", Some("loading"))],
        ..Spec::default()
    });
    let ham_mixed = f.case(&Spec {
        port: "DEHAM",
        opened: Some(at(2026, 2, 28)),
        seal: "EU3333",
        goods: vec![(Some("tungsten"), "500 kg"), (None, "100 kg")],
        concealments: vec!["C2", "C3"],
        detection: Some("D6"),
        outcome: Some("O4"),
        declared_origin: Some("CN"),
        ..Spec::default()
    });
    let anr_nothing = f.case(&Spec {
        port: "BEANR",
        opened: Some(at(2026, 3, 1)),
        seal: "EU4444",
        ..Spec::default()
    });
    let ham_closed = f.case(&Spec {
        port: "DEHAM",
        opened: Some(at(2026, 3, 15)),
        seal: "EU5555",
        goods: vec![(Some("rare_earth"), "40 kg")],
        concealments: vec!["C6"],
        detection: Some("D2"),
        outcome: Some("O1"),
        legs: vec![("MMRGN", Some("origin")), ("DEHAM", Some("destination"))],
        status: Some(CaseStatus::Closed),
        ..Spec::default()
    });
    Five {
        f,
        rtm_tungsten,
        rtm_antimony,
        ham_mixed,
        anr_nothing,
        ham_closed,
    }
}

pub fn filter(edit: impl FnOnce(&mut CaseFilter)) -> CaseFilter {
    let mut filter = CaseFilter::default();
    edit(&mut filter);
    filter
}

pub fn keys(buckets: &[Bucket]) -> Vec<&str> {
    buckets.iter().map(|b| b.key.as_str()).collect()
}

/// A supervisor named `name`.
pub fn supervisor(name: &str) -> Author {
    Author {
        name: name.into(),
        role: Role::Supervisor,
    }
}

/// `by` approves the case as it stands: every event so far.
pub fn approve(store: &mut Store, case: Uuid, by: &str) {
    let covers = store
        .case_events(case)
        .unwrap()
        .iter()
        .map(|e| e.id.parse().unwrap())
        .collect();
    store
        .append(
            &supervisor(by),
            case,
            Payload::ReviewApproved {
                covers,
                comment: None,
            },
        )
        .unwrap();
}
