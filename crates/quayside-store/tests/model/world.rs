//! The devices of one scenario, the operations it runs on them, and the comparisons with the model.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::Duration;
use quayside_domain::case::CaseFile;
use quayside_domain::event::{Author, CaseStatus, EventBody, Payload, Role, SignedEvent};
use quayside_domain::fields::{Field, Section};
use quayside_domain::photo::Exif;
use quayside_domain::review::ReviewState;
use quayside_store::{CaseFilter, CaseSort, IngestReport, QueueFilter, Store, StoreError};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use tempfile::TempDir;
use uuid::Uuid;

use crate::common::{noon, TestClock};
use crate::fold::{fold, Key, ModelCase, ModelItem, ModelPhoto};

/// A field and the values edits pick from (few, so that edits collide).
type Choices = (Field, &'static [&'static str]);

/// Fields of the case itself. Clearing the port is left out: the app refuses it.
const CASE_FIELDS: &[Choices] = &[
    (Field::Port, &["NLRTM", "BEANR", "DEHAM"]),
    (Field::VesselName, &["MSC ANNA", "EVER GIVEN"]),
    (Field::ContainerNumber, &["CSQU3054383", "MSCU1234566"]),
    (
        Field::DeclaredDescription,
        &["Ceramic tiles", "Tungsten wire"],
    ),
    (Field::DeclaredWeight, &["1250 kg", "980 kg"]),
    (Field::CaseNotes, &["Seal broken", "Rescanned"]),
    (Field::DetectionMethods, &["D1", "D5"]),
    (Field::OutcomeCode, &["O1", "O4"]),
];

/// List sections and the fields of their items (party names are personal data, kept apart).
const SECTIONS: &[(Section, &[Choices])] = &[
    (Section::Seals, &[(Field::SealNumber, &["S100", "S200"])]),
    (
        Section::GoodsFound,
        &[
            (Field::GoodsWeight, &["1250 kg", "40 kg"]),
            (Field::GoodsHsCode, &["6907.21", "2805.30"]),
        ],
    ),
    (
        Section::Parties,
        &[
            (Field::PartyName, &["Jan Jansen", "Ana Silva"]),
            (Field::PartyCountry, &["NL", "BR"]),
        ],
    ),
    (Section::Route, &[(Field::LegLocode, &["NLRTM", "CNSHA"])]),
    (
        Section::Evidence,
        &[(Field::EvidenceNumber, &["BAG-1", "BAG-2"])],
    ),
];

/// Photos by content hash: the same photo attached on two devices is one photo.
const PHOTOS: [&str; 3] = ["a", "b", "c"];
const CAPTIONS: [&str; 2] = ["Rear doors", "Hidden compartment"];

/// Searches of the case list: each word is a prefix of a word of a current value.
const SEARCHES: &[&str] = &["tungst", "silva", "ever given", "CSQU3054383"];

const STATUSES: [CaseStatus; 3] = [CaseStatus::Open, CaseStatus::Closed, CaseStatus::Withdrawn];

/// What one scenario does. Indices pick among what the device holds at that moment (modulo its
/// length), so every sequence is valid and shrinks to a shorter valid one.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub devices: usize,
    /// Each device's clock, in milliseconds from the others'.
    pub skews: Vec<i64>,
    pub ops: Vec<Op>,
    /// Shuffles the final exchange.
    pub final_order: u64,
}

#[derive(Debug, Clone)]
pub enum Op {
    /// The device opens a case (device 0 is the supervisor, the others inspectors).
    Open { device: usize, wait: i16 },
    /// The device changes the `case`-th case it holds (in the order cases were opened), after
    /// doing `reason` with its change reason. Its clock moves `wait` ms first.
    Write {
        device: usize,
        wait: i16,
        case: usize,
        reason: Reason,
        change: Change,
    },
    /// `from` sends the events it holds to another device: all of them, or the picked ones
    /// (indices into its log, repeats included) in that order, as one batch.
    Send {
        from: usize,
        to: usize,
        picks: Option<Vec<usize>>,
    },
    /// Rebuild the device's projection from its log: nothing may change.
    Rebuild { device: usize },
    /// Close the device's store and open it again.
    Reopen { device: usize },
}

/// What the person does with the reason for changing a case in review before the change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    Give,
    /// Leave the one given earlier, which a review step since (synced too) has ended.
    Keep,
    Forget,
}

#[derive(Debug, Clone)]
pub enum Change {
    Set {
        field: usize,
        value: Option<usize>,
    },
    AddItem {
        section: usize,
    },
    SetItem {
        item: usize,
        field: usize,
        value: Option<usize>,
    },
    Move {
        item: usize,
        after: Option<usize>,
    },
    Withdraw {
        item: usize,
    },
    Status {
        status: usize,
    },
    Attach {
        photo: usize,
    },
    Caption {
        photo: usize,
        caption: Option<usize>,
    },
    Exclude {
        photo: usize,
    },
    /// Hand an evidence item (the n-th, withdrawn ones too: refused) to the device's user.
    Transfer {
        item: usize,
    },
    Submit,
    /// Approve covering every change the supervisor's view shows but the last `unseen`.
    Approve {
        unseen: usize,
    },
    Return,
}

/// Figures over all scenarios.
#[derive(Default)]
pub struct Totals {
    ops: AtomicU64,
    events: AtomicU64,
    pub refusals: AtomicU64,
    batches: AtomicU64,
    comparisons: AtomicU64,
    rebuilds: AtomicU64,
    /// What the comparisons met: proof that the interesting states are reached.
    conflicts: AtomicU64,
    personal_conflicts: AtomicU64,
    cleared: AtomicU64,
    pub refused_in_fold: AtomicU64,
    pub unopened: AtomicU64,
    /// Events of one case stamped with the same HLC by two devices (ordered by device id).
    pub ties: AtomicU64,
    /// Writes after a review step (made or received) ended the reason given before it.
    stale_reasons: AtomicU64,
    /// Conflicts between edits one of which has the other in its deps history, though not in its
    /// own deps: written by a device that held an event without the events it depended on.
    direct_only: AtomicU64,
    approved: AtomicU64,
    reopened: AtomicU64,
}

impl fmt::Display for Totals {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let n = |a: &AtomicU64| a.load(Ordering::Relaxed);
        write!(
            f,
            "{} operations, {} events written, {} writes refused as predicted, {} batches \
             ingested, {} store-vs-model comparisons, {} rebuilds; the cases compared held \
             {} open conflicts ({} over personal fields), {} cleared fields, {} events the fold \
             refused (item not held yet), {} events of cases whose opening was not held, {} conflicts \
             between edits one of which has the other in its deps history (not its own deps), \
             {} clock ties between devices, {} writes after a review step ended the reason given, \
             {} approved and {} reopened reviews",
            n(&self.ops),
            n(&self.events),
            n(&self.refusals),
            n(&self.batches),
            n(&self.comparisons),
            n(&self.rebuilds),
            n(&self.conflicts),
            n(&self.personal_conflicts),
            n(&self.cleared),
            n(&self.refused_in_fold),
            n(&self.unopened),
            n(&self.direct_only),
            n(&self.ties),
            n(&self.stale_reasons),
            n(&self.approved),
            n(&self.reopened),
        )
    }
}

fn count(a: &AtomicU64) {
    add(a, 1);
}

fn add(a: &AtomicU64, n: usize) {
    a.fetch_add(n as u64, Ordering::Relaxed);
}

type Wire = (Vec<u8>, [u8; 64]);

pub struct World<'t> {
    dirs: Vec<TempDir>,
    stores: Vec<Store>,
    clocks: Vec<TestClock>,
    /// Every event any device wrote, as signed.
    events: BTreeMap<Uuid, SignedEvent>,
    /// Which of them each store holds, by the test's own account.
    held: Vec<BTreeSet<Uuid>>,
    /// Cases in the order they were opened (what `Op::Write::case` counts in).
    opened: Vec<Uuid>,
    /// Per device, the change reason given for a case and the review step it was given under.
    reasons: Vec<BTreeMap<Uuid, (String, Option<Uuid>)>>,
    totals: &'t Totals,
}

impl<'t> World<'t> {
    /// Run the scenario, comparing as it goes; the model of every case at the end (when every
    /// store holds every event), in the order they were opened.
    pub fn run(scenario: &Scenario, totals: &'t Totals) -> Vec<ModelCase> {
        let mut world = World::new(scenario, totals);
        // Every device starts with one case they all hold, so their edits meet.
        world.open(0, 0);
        for to in 1..scenario.devices {
            world.send(0, to, None);
        }
        for op in &scenario.ops {
            count(&totals.ops);
            world.apply(op);
        }
        world.exchange_everything(scenario.final_order);
        let mut cases = world.view(0);
        let opened = world.opened.iter();
        opened.map(|id| cases.remove(id).unwrap()).collect()
    }

    fn new(scenario: &Scenario, totals: &'t Totals) -> Self {
        let mut dirs = Vec::new();
        let mut stores = Vec::new();
        let mut clocks = Vec::new();
        for d in 0..scenario.devices {
            let dir = tempfile::tempdir().unwrap();
            let clock = TestClock::at(noon() + Duration::milliseconds(scenario.skews[d]));
            stores.push(Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap());
            dirs.push(dir);
            clocks.push(clock);
        }
        for a in 0..stores.len() {
            for b in 0..stores.len() {
                if a != b {
                    let other = &stores[b].device();
                    let (id, key) = (other.id, other.key.verifying_key().to_bytes());
                    stores[a].add_device_key(id, key).unwrap();
                }
            }
        }
        let held = vec![BTreeSet::new(); stores.len()];
        World {
            dirs,
            stores,
            clocks,
            events: BTreeMap::new(),
            held,
            opened: Vec::new(),
            reasons: vec![BTreeMap::new(); scenario.devices],
            totals,
        }
    }

    fn apply(&mut self, op: &Op) {
        let n = self.stores.len();
        match op {
            Op::Open { device, wait } => self.open(device % n, *wait),
            Op::Write {
                device,
                wait,
                case,
                reason,
                change,
            } => self.write(device % n, *wait, *case, *reason, change),
            Op::Send { from, to, picks } => {
                let from = from % n;
                // Another device than `from`, whatever the count.
                let to = (from + 1 + to % (n - 1)) % n;
                self.send(from, to, picks.as_deref());
            }
            Op::Rebuild { device } => self.rebuild(device % n),
            Op::Reopen { device } => self.reopen(device % n),
        }
    }

    fn author(device: usize) -> Author {
        match device {
            0 => Author {
                name: "Sam Supervisor".into(),
                role: Role::Supervisor,
            },
            d => Author {
                name: format!("Inspector {d}"),
                role: Role::Inspector,
            },
        }
    }

    /// The model of what `device` holds.
    fn view(&self, device: usize) -> BTreeMap<Uuid, ModelCase> {
        fold(self.held[device].iter().map(|id| &self.events[id].body))
    }

    fn open(&mut self, device: usize, wait: i16) {
        self.clocks[device].advance(Duration::milliseconds(wait.into()));
        let case = self.stores[device]
            .open_case(&Self::author(device), "NLRTM")
            .unwrap();
        self.opened.push(case.id);
        let event = self.take_written(device);
        assert!(matches!(event.payload, Payload::CaseOpened { .. }));
        assert_eq!((event.deps.clone(), event.reason.clone()), (vec![], None));
        self.compare(device);
    }

    /// The one event the device has just written: recorded as held by it.
    fn take_written(&mut self, device: usize) -> EventBody {
        let store = &self.stores[device];
        let own_before = self.held[device]
            .iter()
            .filter(|id| self.events[id].body.device_id == store.device().id)
            .count() as u64;
        let mut new = store.outgoing(own_before, 10).unwrap();
        assert_eq!(new.len(), 1, "one event per write");
        let event = new.pop().unwrap();
        assert_eq!(event.body.device_seq, own_before + 1);
        count(&self.totals.events);
        self.held[device].insert(event.body.id);
        self.events.insert(event.body.id, event.clone());
        event.body
    }

    /// The reason the device gave for changing the case, while no review step came since.
    fn reason_in_force(&self, device: usize, case: &ModelCase) -> Option<String> {
        let (text, step) = self.reasons[device].get(&case.id)?;
        (*step == case.last_step()).then(|| text.clone())
    }

    fn write(&mut self, device: usize, wait: i16, case: usize, reason: Reason, change: &Change) {
        let view = self.view(device);
        let cases: Vec<&ModelCase> = self.opened.iter().filter_map(|id| view.get(id)).collect();
        if cases.is_empty() {
            return;
        }
        let model = cases[case % cases.len()];
        let author = Self::author(device);
        let Some((payload, deps)) = plan(model, &author, change) else {
            return;
        };
        let case_id = model.id;
        let text = format!("correction {}", self.events.len());
        match reason {
            Reason::Give => {
                self.stores[device]
                    .set_change_reason(case_id, Some(&text))
                    .unwrap();
                let step = model.last_step();
                self.reasons[device].insert(case_id, (text, step));
            }
            Reason::Forget => {
                self.stores[device]
                    .set_change_reason(case_id, None)
                    .unwrap();
                self.reasons[device].remove(&case_id);
            }
            Reason::Keep => {}
        }
        let in_force = self.reason_in_force(device, model);
        if in_force.is_none() && self.reasons[device].contains_key(&case_id) {
            count(&self.totals.stale_reasons);
        }
        self.clocks[device].advance(Duration::milliseconds(wait.into()));
        let state = model.review_state();
        let accepted = model.accepts(&payload, author.role);
        let store = &mut self.stores[device];
        let result = match &payload {
            Payload::FieldSet { item, field, value } => {
                store.append_field_edit(&author, case_id, *item, *field, value.clone())
            }
            other => store.append(&author, case_id, other.clone()),
        };
        let step = payload.is_review_step();
        if !step && state.needs_reason() && in_force.is_none() {
            assert!(
                matches!(result, Err(StoreError::ReasonRequired(s)) if s == state),
                "a change to a case in review {state:?} without a reason: {result:?}"
            );
            count(&self.totals.refusals);
        } else if !accepted {
            // A review decision by an inspector, a photo already attached, a withdrawn item.
            assert!(
                matches!(result, Err(StoreError::Refused(_))),
                "the model refuses {payload:?}: {result:?}"
            );
            count(&self.totals.refusals);
        } else {
            let returned = result.unwrap();
            let event = self.take_written(device);
            assert_eq!(event.payload, payload);
            assert_eq!(event.author, author);
            assert_eq!(
                event.deps, deps,
                "deps: the head, then every value replaced"
            );
            let carried = if step { None } else { in_force };
            assert_eq!(event.reason, carried, "the reason in force");
            if step {
                self.reasons[device].remove(&case_id);
            }
            let (stored, _) = self.stores[device].case(case_id).unwrap();
            assert_eq!(sorted(returned), sorted(stored), "what append returned");
        }
        self.compare(device);
    }

    fn send(&mut self, from: usize, to: usize, picks: Option<&[usize]>) {
        let log = self.stores[from].export_events().unwrap();
        let batch: Vec<&SignedEvent> = match picks {
            None => log.iter().collect(),
            Some(picks) => picks.iter().map(|i| &log[i % log.len()]).collect(),
        };
        self.deliver(to, &batch);
    }

    fn deliver(&mut self, to: usize, batch: &[&SignedEvent]) {
        let wire: Vec<Wire> = batch
            .iter()
            .map(|e| (e.bytes.clone(), e.signature))
            .collect();
        let mut inserted = BTreeSet::new();
        for e in batch {
            if !self.held[to].contains(&e.body.id) {
                inserted.insert(e.body.id);
            }
        }
        let report = self.stores[to].ingest(&wire).unwrap();
        let expected = IngestReport {
            inserted: inserted.len(),
            duplicates: batch.len() - inserted.len(),
            quarantined: vec![],
        };
        assert_eq!(report, expected, "ingest report");
        count(&self.totals.batches);
        self.held[to].extend(inserted);
        self.compare(to);
    }

    fn rebuild(&mut self, device: usize) {
        let store = &mut self.stores[device];
        let before = store.projection_dump().unwrap();
        store.rebuild_projection().unwrap();
        assert_eq!(
            store.projection_dump().unwrap(),
            before,
            "rebuilt from the log"
        );
        store.integrity_check().unwrap();
        count(&self.totals.rebuilds);
        self.compare(device);
    }

    fn reopen(&mut self, device: usize) {
        let dir = self.dirs[device].path();
        let before = self.stores[device].projection_dump().unwrap();
        let clock = Box::new(self.clocks[device].clone());
        // The old connection closes once the new one is open, as when the app restarts quickly.
        self.stores[device] = Store::open_with_clock(dir, clock).unwrap();
        assert_eq!(
            self.stores[device].projection_dump().unwrap(),
            before,
            "reopened"
        );
        self.compare(device);
    }

    /// Every store gets every event (those it holds too), in one shuffled batch; then all agree.
    fn exchange_everything(&mut self, order: u64) {
        let mut all: Vec<SignedEvent> = self.events.values().cloned().collect();
        let mut rng = StdRng::seed_from_u64(order);
        for to in 0..self.stores.len() {
            all.shuffle(&mut rng);
            self.deliver(to, &all.iter().collect::<Vec<_>>());
            self.rebuild(to);
            // Holding every event, no chain has a gap.
            let report = self.stores[to].verify_log().unwrap();
            assert!(report.problems.is_empty(), "{:?}", report.problems);
        }
        let dump = self.stores[0].projection_dump().unwrap();
        for store in &self.stores[1..] {
            assert_eq!(store.projection_dump().unwrap(), dump, "same projection");
        }
    }

    /// The store's public queries against the model of exactly the events it holds.
    fn compare(&self, device: usize) {
        count(&self.totals.comparisons);
        let store = &self.stores[device];
        let held = &self.held[device];
        let logged: BTreeSet<Uuid> = store
            .export_events()
            .unwrap()
            .iter()
            .map(|e| e.body.id)
            .collect();
        assert_eq!(&logged, held, "the events the store holds");
        assert_eq!(store.event_count().unwrap(), held.len() as u64);
        let model = self.view(device);

        let list = store.list_cases(&CaseFilter::default()).unwrap();
        let listed: BTreeSet<Uuid> = list.iter().map(|c| c.id).collect();
        let opened: BTreeSet<Uuid> = model.keys().copied().collect();
        assert_eq!(
            listed, opened,
            "the cases listed are those whose opening is held"
        );
        for row in &list {
            let m = &model[&row.id];
            let value = |f: Field| m.value(&(None, f)).map(str::to_string);
            assert_eq!(
                (
                    &row.case_number,
                    &row.port,
                    row.status,
                    &row.container_number,
                    &row.declared_description,
                    row.event_count,
                    row.review_state
                ),
                (
                    &m.case_number,
                    &value(Field::Port).unwrap_or_default(),
                    m.status,
                    &value(Field::ContainerNumber),
                    &value(Field::DeclaredDescription),
                    m.event_count,
                    m.review_state()
                ),
                "list row of {}",
                row.id
            );
        }
        for (filter, selects) in filters() {
            let rows = store.list_cases(&filter).unwrap();
            let found: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
            let mut expected: Vec<&ModelCase> = model.values().filter(|m| selects(m)).collect();
            expected.sort_by(|a, b| {
                let order = match filter.sort {
                    CaseSort::UpdatedAt => a.updated_at.cmp(&b.updated_at),
                    CaseSort::Container => container(a).cmp(&container(b)),
                    CaseSort::SeizedKg => seized_kg(a).total_cmp(&seized_kg(b)),
                    other => unreachable!("{other:?}"),
                };
                let order = order.then_with(|| (&a.case_number, a.id).cmp(&(&b.case_number, b.id)));
                if filter.descending {
                    order.reverse()
                } else {
                    order
                }
            });
            let expected: Vec<Uuid> = expected.iter().map(|m| m.id).collect();
            assert_eq!(found, expected, "list for {filter:?}");
        }
        let everything = CaseFilter::default();
        assert_eq!(store.count_cases(&everything).unwrap(), model.len() as u64);
        for words in SEARCHES {
            let filter = CaseFilter {
                search: Some(words.to_string()),
                ..CaseFilter::default()
            };
            let found: BTreeSet<Uuid> = (store.list_cases(&filter).unwrap().iter())
                .map(|c| c.id)
                .collect();
            let expected: BTreeSet<Uuid> = (model.values())
                .filter(|m| m.found_by(words))
                .map(|m| m.id)
                .collect();
            assert_eq!(found, expected, "search {words:?}");
        }
        let refs: BTreeSet<(Uuid, String)> = (store.photo_refs().unwrap().into_iter())
            .map(|p| (p.case_id, p.sha256))
            .collect();
        let attached: BTreeSet<(Uuid, String)> = (model.values())
            .flat_map(|m| m.photos.iter().map(|p| (m.id, p.sha256.clone())))
            .collect();
        assert_eq!(refs, attached, "photo references");
        let queued: Vec<(Uuid, String, Option<String>)> = (store
            .review_queue(&QueueFilter::default())
            .unwrap()
            .into_iter())
        .map(|q| (q.id, q.queued_at, q.submitted_by))
        .collect();
        let mut waiting: Vec<&ModelCase> = (model.values())
            // A withdrawn case waits for nobody.
            .filter(|m| m.review_state().in_queue() && m.status != CaseStatus::Withdrawn)
            .collect();
        waiting.sort_by_key(|m| (m.queued_at(), &m.case_number));
        let waiting: Vec<(Uuid, String, Option<String>)> = (waiting.iter())
            .map(|m| {
                let at = m.queued_at().expect("queued").to_string();
                (m.id, at, m.submitted_by.clone())
            })
            .collect();
        assert_eq!(queued, waiting, "review queue, oldest first");

        let t = self.totals;
        let in_unopened = held
            .iter()
            .filter(|id| !model.contains_key(&self.events[*id].body.case_id));
        add(&t.unopened, in_unopened.count());
        for (id, m) in &model {
            let stamps: Vec<_> = (m.timeline.iter())
                .map(|e| &self.events[e].body)
                .map(|e| (e.hlc, e.device_id))
                .collect();
            add(
                &t.ties,
                stamps.windows(2).filter(|w| w[0].0 == w[1].0).count(),
            );
            let conflicts = m.conflicts();
            add(&t.conflicts, conflicts.len());
            let ordered = |values: &Vec<(Option<String>, Uuid)>| {
                let ids: Vec<Uuid> = values.iter().map(|(_, id)| *id).collect();
                ids.iter()
                    .any(|a| ids.iter().any(|b| a != b && self.in_history(*a, *b)))
            };
            add(
                &t.direct_only,
                conflicts.values().filter(|v| ordered(v)).count(),
            );
            add(
                &t.personal_conflicts,
                conflicts.keys().filter(|(_, f)| f.is_personal()).count(),
            );
            add(&t.cleared, m.cleared().len());
            add(&t.refused_in_fold, m.refused.len());
            match m.review_state() {
                ReviewState::Approved => count(&t.approved),
                ReviewState::Reopened => count(&t.reopened),
                _ => {}
            }
            assert_eq!(
                store.change_reason(*id).unwrap(),
                self.reason_in_force(device, m),
                "change reason for {id}"
            );
            let (case, flags) = store.case(*id).unwrap();
            compare_case(&case, m);
            let row = list.iter().find(|r| r.id == *id).unwrap();
            let codes: Vec<_> = flags.iter().map(|f| f.code).collect();
            assert_eq!(
                row.flags, codes,
                "listed flags of {id}, as the case raises them"
            );
            let timeline = store.timeline(*id).unwrap();
            let ids: Vec<Uuid> = timeline.iter().map(|t| t.event_id).collect();
            assert_eq!(ids, m.timeline, "timeline of {id}");
            let refused: BTreeSet<Uuid> = (timeline.iter())
                .filter(|t| t.refused.is_some())
                .map(|t| t.event_id)
                .collect();
            assert_eq!(refused, m.refused, "events the fold refused in {id}");
            // Second opinion: the domain's own fold of the same events, in the documented order.
            assert_eq!(
                sorted(case),
                sorted(self.domain_fold(device, *id)),
                "domain fold of {id}"
            );
        }
    }

    /// Whether `ancestor` is in `event`'s deps, or theirs, and so on (design.md's "deps history").
    fn in_history(&self, ancestor: Uuid, event: Uuid) -> bool {
        let mut seen = BTreeSet::new();
        let mut next = vec![event];
        while let Some(id) = next.pop() {
            for dep in self.events.get(&id).map_or(&[][..], |e| &e.body.deps[..]) {
                if *dep == ancestor {
                    return true;
                }
                if seen.insert(*dep) {
                    next.push(*dep);
                }
            }
        }
        false
    }

    fn domain_fold(&self, device: usize, case_id: Uuid) -> CaseFile {
        let mut events: Vec<&EventBody> = (self.held[device].iter())
            .map(|id| &self.events[id].body)
            .filter(|e| e.case_id == case_id)
            .collect();
        events.sort_by_key(|e| (e.hlc, e.device_id, e.device_seq));
        let mut case: Option<CaseFile> = None;
        for e in events {
            match case.as_mut() {
                Some(c) => drop(c.apply(e)),
                None => case = CaseFile::open(e).ok().map(|(c, _)| c),
            }
        }
        case.expect("opened")
    }
}

fn container(m: &ModelCase) -> Option<&str> {
    m.value(&(None, Field::ContainerNumber))
}

/// Weights of the goods found in items not withdrawn.
fn seized_kg(m: &ModelCase) -> f64 {
    let kg = |text: &str| text.trim_end_matches(" kg").parse::<f64>().unwrap();
    (m.items.iter())
        .filter(|i| i.section == Section::GoodsFound && i.withdrawn.is_none())
        .filter_map(|i| m.value(&(Some(i.id), Field::GoodsWeight)))
        .map(kg)
        .sum()
}

/// Live route legs in a country.
fn leg_in(m: &ModelCase, country: &str) -> bool {
    (m.items.iter())
        .filter(|i| i.section == Section::Route && i.withdrawn.is_none())
        .filter_map(|i| m.value(&(Some(i.id), Field::LegLocode)))
        .any(|place| place.starts_with(country))
}

type Selects = fn(&ModelCase) -> bool;

/// Lists in several orders and filters, with which cases each selects.
fn filters() -> Vec<(CaseFilter, Selects)> {
    let list = |sort, descending| CaseFilter {
        sort,
        descending,
        ..CaseFilter::default()
    };
    vec![
        (list(CaseSort::UpdatedAt, false), |_| true),
        (list(CaseSort::Container, true), |_| true),
        (list(CaseSort::SeizedKg, false), |_| true),
        (
            CaseFilter {
                outcome: Some("O4".into()),
                ..CaseFilter::default()
            },
            |m| m.value(&(None, Field::OutcomeCode)) == Some("O4"),
        ),
        (
            CaseFilter {
                detection: Some("D5".into()),
                ..CaseFilter::default()
            },
            |m| m.value(&(None, Field::DetectionMethods)) == Some("D5"),
        ),
        (
            CaseFilter {
                country: Some("CN".into()),
                ..CaseFilter::default()
            },
            |m| leg_in(m, "CN"),
        ),
        (
            CaseFilter {
                status: Some(CaseStatus::Closed),
                ..CaseFilter::default()
            },
            |m| m.status == CaseStatus::Closed,
        ),
    ]
}

/// The payload a change makes on the model's case, and the `deps` the store must give it.
fn plan(case: &ModelCase, author: &Author, change: &Change) -> Option<(Payload, Vec<Uuid>)> {
    let head = vec![case.head];
    let field_deps = |key: &Key| {
        let mut deps = head.clone();
        deps.extend(
            case.heads(key)
                .iter()
                .map(|e| e.id)
                .filter(|id| *id != case.head),
        );
        deps
    };
    let pick =
        |values: &[&str], value: Option<usize>| value.map(|v| values[v % values.len()].to_string());
    let nth = |i: usize| case.items.get(i % case.items.len().max(1));
    Some(match *change {
        Change::Set { field, value } => {
            let (field, values) = CASE_FIELDS[field % CASE_FIELDS.len()];
            let value = match field {
                Field::Port => Some(pick(values, Some(value.unwrap_or(0))).unwrap()),
                _ => pick(values, value),
            };
            let deps = field_deps(&(None, field));
            let payload = Payload::FieldSet {
                item: None,
                field,
                value,
            };
            (payload, deps)
        }
        Change::AddItem { section } => {
            let section = SECTIONS[section % SECTIONS.len()].0;
            let item = Uuid::now_v7();
            (Payload::ItemAdded { section, item }, head)
        }
        Change::SetItem { item, field, value } => {
            let item = nth(item)?;
            let fields = SECTIONS.iter().find(|(s, _)| *s == item.section)?.1;
            let (field, values) = fields[field % fields.len()];
            let key = (Some(item.id), field);
            let payload = Payload::FieldSet {
                item: Some(item.id),
                field,
                value: pick(values, value),
            };
            (payload, field_deps(&key))
        }
        Change::Move { item, after } => {
            let item = nth(item)?;
            let others: Vec<&ModelItem> = (case.items.iter())
                .filter(|i| i.section == item.section && i.id != item.id)
                .collect();
            let after = match after {
                Some(a) if !others.is_empty() => Some(others[a % others.len()].id),
                _ => None,
            };
            let payload = Payload::ItemMoved {
                section: item.section,
                item: item.id,
                after,
            };
            (payload, head)
        }
        Change::Withdraw { item } => {
            let item = nth(item)?;
            let payload = Payload::ItemWithdrawn {
                section: item.section,
                item: item.id,
                reason: "entered twice".into(),
            };
            (payload, head)
        }
        Change::Status { status } => {
            let status = STATUSES[status % STATUSES.len()];
            let reason = (status != CaseStatus::Open).then(|| "done".to_string());
            (Payload::StatusSet { status, reason }, head)
        }
        Change::Attach { photo } => {
            let n = photo % PHOTOS.len();
            let payload = Payload::PhotoAttached {
                sha256: PHOTOS[n].repeat(64),
                size: 1000 + n as u64,
                media_type: "image/jpeg".into(),
                file_name: format!("IMG_{n}.jpg"),
                caption: None,
                exif: Exif::default(),
            };
            (payload, head)
        }
        Change::Caption { photo, caption } => {
            let photo = case.photos.get(photo % case.photos.len().max(1))?;
            let payload = Payload::PhotoCaptionSet {
                sha256: photo.sha256.clone(),
                caption: caption.map(|c| CAPTIONS[c % CAPTIONS.len()].to_string()),
            };
            (payload, head)
        }
        Change::Exclude { photo } => {
            let photo = case.photos.get(photo % case.photos.len().max(1))?;
            let payload = Payload::PhotoExcluded {
                sha256: photo.sha256.clone(),
                reason: "blurred".into(),
            };
            (payload, head)
        }
        Change::Transfer { item } => {
            let evidence: Vec<&ModelItem> = (case.items.iter())
                .filter(|i| i.section == Section::Evidence)
                .collect();
            let item = evidence.get(item % evidence.len().max(1))?;
            let payload = Payload::CustodyTransferred {
                item: item.id,
                from: "Evidence room".into(),
                to: author.name.clone(),
                place: "NLRTM shed 3".into(),
                at: "2026-11-28T12:00:00Z".into(),
                condition: "sealed".into(),
            };
            (payload, head)
        }
        Change::Submit => (Payload::ReviewSubmitted { comment: None }, head),
        Change::Approve { unseen } => {
            let mut covers = case.uncovered();
            covers.truncate(covers.len().saturating_sub(unseen));
            let payload = Payload::ReviewApproved {
                covers,
                comment: None,
            };
            (payload, head)
        }
        Change::Return => {
            let payload = Payload::ReviewReturned {
                comment: "Weights missing".into(),
                sections: vec![],
            };
            (payload, head)
        }
    })
}

/// Conflicts in a fixed order: the store reads conflicts over personal fields back after the others.
fn sorted(mut case: CaseFile) -> CaseFile {
    case.conflicts.sort_by_key(|c| (c.item, c.field));
    case
}

fn compare_case(case: &CaseFile, m: &ModelCase) {
    let id = case.id;
    assert_eq!(
        (
            &case.case_number,
            &case.opened_by,
            case.head,
            &case.updated_at,
            case.event_count,
            case.status,
            &case.status_reason
        ),
        (
            &m.case_number,
            &m.opened_by,
            m.head,
            &m.updated_at,
            m.event_count,
            m.status,
            &m.status_reason
        ),
        "case {id}"
    );
    let items: Vec<ModelItem> = (case.items.iter())
        .map(|i| ModelItem {
            id: i.id,
            section: i.section,
            withdrawn: i.withdrawn.clone(),
        })
        .collect();
    assert_eq!(items, m.items, "items of {id}, in order");

    let photos: Vec<ModelPhoto> = (case.photos.iter())
        .map(|p| ModelPhoto {
            sha256: p.sha256.clone(),
            file_name: p.file_name.clone(),
            caption: p.caption.clone(),
            excluded: p.excluded.clone(),
        })
        .collect();
    assert_eq!(photos, m.photos, "photos of {id}");
    let custody: Vec<Uuid> = case.custody.iter().map(|r| r.event_id).collect();
    assert_eq!(custody, m.custody, "handovers of {id}");

    let mut values: BTreeMap<Key, (String, Uuid)> = BTreeMap::new();
    for (field, v) in &case.fields {
        values.insert((None, *field), (v.value.clone(), v.event_id));
    }
    for item in &case.items {
        for (field, v) in &item.fields {
            values.insert((Some(item.id), *field), (v.value.clone(), v.event_id));
        }
    }
    let expected: BTreeMap<Key, (String, Uuid)> = (m.edits.keys())
        .filter_map(|key| {
            let winner = m.winner(key)?;
            Some((*key, (winner.value.clone()?, winner.id)))
        })
        .collect();
    assert_eq!(values, expected, "field values of {id}: the last edit wins");

    let conflicts: BTreeMap<Key, Vec<(Option<String>, Uuid)>> = (case.conflicts.iter())
        .map(|c| {
            let values = c.values.iter().map(|r| (r.value.clone(), r.event_id));
            ((c.item, c.field), values.collect())
        })
        .collect();
    assert_eq!(
        conflicts.len(),
        case.conflicts.len(),
        "one conflict per field"
    );
    assert_eq!(conflicts, m.conflicts(), "conflicts of {id}");

    let cleared: BTreeMap<Key, Uuid> = (case.cleared.iter())
        .map(|c| ((c.item, c.field), c.by.event_id))
        .collect();
    assert_eq!(cleared, m.cleared(), "cleared fields of {id}");

    assert_eq!(
        (
            case.review.state,
            &case.review.uncovered,
            case.review.last_step
        ),
        (m.review_state(), &m.uncovered(), m.last_step()),
        "review of {id}"
    );
}
