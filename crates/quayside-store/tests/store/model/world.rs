//! The devices of one scenario: real stores, each compared with the model of what it holds
//! after every operation.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::Duration;
use quayside_domain::case::CaseFile;
use quayside_domain::event::{Author, EventBody, Payload, Role, SignedEvent};
use quayside_domain::fields::Field;
use quayside_domain::review::ReviewState;
use quayside_domain::state::CaseState;
use quayside_store::{CaseFilter, IngestReport, QueueFilter, Store, StoreError};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use tempfile::TempDir;
use uuid::Uuid;

use super::compare::{compare_case, filters, list_order, sorted, SEARCHES};
use super::fold::{fold, ModelCase};
use super::ops::{plan, Change, Op, Reason, Scenario};
use crate::common::{noon, TestClock};

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
                    row.state,
                    &row.container_number,
                    &row.declared_description,
                    row.event_count,
                ),
                (
                    &m.case_number,
                    &value(Field::Port).unwrap_or_default(),
                    CaseState::of(m.status, m.review_state()),
                    &value(Field::ContainerNumber),
                    &value(Field::DeclaredDescription),
                    m.event_count,
                ),
                "list row of {}",
                row.id
            );
        }
        for (filter, selects) in filters() {
            let rows = store.list_cases(&filter).unwrap();
            let found: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
            let mut expected: Vec<&ModelCase> = model.values().filter(|m| selects(m)).collect();
            expected.sort_by(|a, b| list_order(&filter, a, b));
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
            // A withdrawn or closed case waits for nobody.
            .filter(|m| CaseState::of(m.status, m.review_state()).in_queue())
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

    /// Whether `ancestor` is in `event`'s deps, or theirs, and so on (`docs/events.md`).
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
