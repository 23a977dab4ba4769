//! Deterministic simulation: inspectors and a supervisor on their own devices and one server,
//! driven by a seed through edits, conflicting edits, photos, review, syncs in random order, and a
//! fault at any request (lost, answer lost after the server committed, duplicated, cut mid-body,
//! server restarted before answering, device crashed before reading the answer), server restarts,
//! device crashes between a local commit and a push, clocks hours apart and clocks going back
//! across a restart. After the faults stop and everyone syncs: every replica shows the same, every
//! event any device wrote is on the server exactly once, nothing the server acknowledged was lost,
//! every log verifies, and no fault raised an evidence alert.
//!
//! `QUAYSIDE_SIM_SEED=N` runs one seed (with its trace); `QUAYSIDE_SIM_SEEDS=N` or
//! `QUAYSIDE_LONG=1` (2,000) set how many. A failing seed prints itself and how to replay it.
//!
//! The server is the SQLite backend in this process (the router without a socket), so a run is one
//! thread and the seed fixes every choice and every fault. Keys and event ids are random (made
//! once per test process for the devices); no check depends on them.

mod device;
mod net;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tempfile::TempDir;
use uuid::Uuid;

use quayside_domain::event::{Author, Payload, Role};
use quayside_domain::fields::Field;
use quayside_sync::SyncError;
use quayside_testkit::fixtures::noise_png;

use crate::common::{copy_tree, on_postgres, text, BIN, PASSWORD};
use device::Device;
use net::{Link, Net, SimServer};

const PORT: &str = "NLRTM";
const PEOPLE: [(&str, Role); 4] = [
    ("ines", Role::Inspector),
    ("ivan", Role::Inspector),
    ("inez", Role::Inspector),
    ("sara", Role::Supervisor),
];
/// The world's clock at the start of every run: 2026-12-01T08:00:00Z.
const START_MS: i64 = 1_796_112_000_000;
const HOUR_MS: i64 = 3_600_000;

/// Values drawn from small pools, so two devices often set the same field at once.
const VESSELS: [&str; 4] = [
    "EVER GIVEN",
    "MSC OSCAR",
    "MAERSK ESSEX",
    "CMA CGM MARCO POLO",
];
const GOODS: [&str; 4] = [
    "solder paste",
    "ceramic tiles",
    "plastic mannequins",
    "bottled water",
];
const WEIGHTS: [&str; 3] = ["1200 kg", "850 kg", "20 t"];

#[test]
fn seeded_worlds_converge_under_faults() {
    let seeds: Vec<u64> = match std::env::var("QUAYSIDE_SIM_SEED") {
        Ok(seed) => vec![seed.parse().expect("QUAYSIDE_SIM_SEED is a number")],
        Err(_) => {
            let count = std::env::var("QUAYSIDE_SIM_SEEDS")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(
                    match (std::env::var_os("QUAYSIDE_LONG").is_some(), on_postgres()) {
                        (true, false) => 2_000,
                        (true, true) => 400,
                        // A fresh database a seed: fewer seeds, the same story.
                        (false, true) => 40,
                        (false, false) => 200,
                    },
                );
            (0..count).collect()
        }
    };
    let verbose = seeds.len() == 1;
    // The server logs why it answered 500; the check on 5xx below then has the cause beside it.
    let _ = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::ERROR)
        .with_writer(std::io::stderr)
        .try_init();
    let started = std::time::Instant::now();
    let mut totals = Totals::default();
    for &seed in &seeds {
        let outcome = std::panic::catch_unwind(|| run(seed, verbose));
        match outcome {
            Ok((figures, _)) => totals.add(&figures),
            Err(panic) => {
                eprintln!(
                    "simulation seed {seed} FAILED; replay it with:\n  QUAYSIDE_SIM_SEED={seed} \
                     cargo test -p quayside-server --test server sim::\nor, if it passes alone \
                     (something built up across worlds), the run up to it:\n  \
                     QUAYSIDE_SIM_SEEDS={} cargo test -p quayside-server --test server sim::",
                    seed + 1
                );
                std::panic::resume_unwind(panic);
            }
        }
    }
    eprintln!(
        "simulation: {} seeds passed in {:.1} s: {} steps, {} syncs ({} failed on a fault), {} \
         sign-ins, {} \
         requests, {} faults ({}), {} interleavings, {} server restarts, {} device restarts ({} with the clock \
         moved back), {} events, {} photos ({} over the chunk size)",
        seeds.len(),
        started.elapsed().as_secs_f64(),
        totals.steps,
        totals.syncs,
        totals.failed_syncs,
        totals.sign_ins,
        totals.requests,
        totals.faults.values().sum::<u64>(),
        totals
            .faults
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join(", "),
        totals.interleavings,
        totals.server_restarts,
        totals.device_restarts,
        totals.clock_back,
        totals.events,
        totals.photos,
        totals.large_photos,
    );
}

/// The point of a seed: the same seed gives the same steps, requests and faults, so a failure
/// found once is found again.
#[test]
fn a_seed_replays_exactly() {
    let (_, first) = run(7, false);
    let (_, again) = run(7, false);
    assert!(first.len() > 50, "a world of a few steps: {first:?}");
    assert_eq!(first, again);
    let (_, other) = run(8, false);
    assert_ne!(first, other, "another seed, another world");
}

#[derive(Default)]
struct Totals {
    steps: u64,
    syncs: u64,
    failed_syncs: u64,
    sign_ins: u64,
    requests: u64,
    faults: BTreeMap<&'static str, u64>,
    interleavings: u64,
    server_restarts: u64,
    device_restarts: u64,
    clock_back: u64,
    events: u64,
    photos: u64,
    large_photos: u64,
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        self.steps += other.steps;
        self.syncs += other.syncs;
        self.failed_syncs += other.failed_syncs;
        self.sign_ins += other.sign_ins;
        self.requests += other.requests;
        for (k, v) in &other.faults {
            *self.faults.entry(k).or_default() += v;
        }
        self.interleavings += other.interleavings;
        self.server_restarts += other.server_restarts;
        self.device_restarts += other.device_restarts;
        self.clock_back += other.clock_back;
        self.events += other.events;
        self.photos += other.photos;
        self.large_photos += other.large_photos;
    }
}

/// A server with the four people's accounts and their four devices signed in, made once per test
/// process and copied for each seed (signing in costs a password hash per device).
struct Template {
    dir: TempDir,
    /// Each device's id, in the order of `PEOPLE`.
    ids: Vec<Uuid>,
}

fn template() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let server_dir = dir.path().join("server");
        for (name, role) in PEOPLE {
            let role = match role {
                Role::Supervisor => "supervisor",
                _ => "inspector",
            };
            // The SQLite backend always: the simulation opens the same folder in this process.
            let output = std::process::Command::new(BIN)
                .arg("--data-dir")
                .arg(&server_dir)
                .args(["user", "add", name, "--role", role, "--ports", PORT])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .and_then(|mut child| {
                    use std::io::Write;
                    child
                        .stdin
                        .take()
                        .unwrap()
                        .write_all(format!("{PASSWORD}\n").as_bytes())?;
                    child.wait_with_output()
                })
                .unwrap();
            assert!(output.status.success(), "{}", text(&output.stderr));
        }
        let net = Arc::new(Net::new(
            SimServer::open(&server_dir, None),
            StdRng::seed_from_u64(0),
            0.0,
            0.0,
        ));
        let mut ids = Vec::new();
        for (i, (name, role)) in PEOPLE.into_iter().enumerate() {
            let device = Device::open(
                name,
                author(name, role),
                &dir.path().join(format!("d{i}")),
                Arc::new(Link {
                    net: net.clone(),
                    device: i,
                    device_id: Uuid::nil(),
                }),
            );
            device.sign_in(PASSWORD).unwrap();
            ids.push(device.id());
        }
        net.peers.lock().unwrap().clear();
        Template { dir, ids }
    })
}

fn author(name: &str, role: Role) -> Author {
    Author {
        name: name.to_string(),
        role,
    }
}

struct World {
    net: Arc<Net>,
    devices: Vec<Device>,
    cases: Vec<Uuid>,
    now: i64,
    figures: Totals,
    verbose: bool,
}

/// One world from one seed: its figures and its trace (every step, request and fault, in order).
fn run(seed: u64, verbose: bool) -> (Totals, Vec<String>) {
    let template = template();
    let dir = tempfile::tempdir().unwrap();
    copy_tree(template.dir.path(), dir.path());
    let mut rng = StdRng::seed_from_u64(seed);
    let fault_rate = [0.0, 0.05, 0.15, 0.3][rng.random_range(0..4)];
    let interleave_rate = [0.0, 0.1, 0.3][rng.random_range(0..3)];
    let steps = rng.random_range(20..80);
    let server_dir = dir.path().join("server");
    let database = on_postgres().then(|| postgres_copy(&server_dir));
    let net = Arc::new(Net::new(
        SimServer::open(&server_dir, database.clone()),
        rng,
        fault_rate,
        interleave_rate,
    ));
    let mut devices = Vec::new();
    for (i, (name, role)) in PEOPLE.into_iter().enumerate() {
        let path = dir.path().join(format!("d{i}"));
        let link = Arc::new(Link {
            net: net.clone(),
            device: i,
            device_id: template.ids[i],
        });
        let mut device = Device::open(name, author(name, role), &path, link);
        // Clocks up to three hours apart, either way.
        device.skew = net.rng().random_range(-3 * HOUR_MS..=3 * HOUR_MS);
        devices.push(device);
    }
    net.echo
        .store(verbose, std::sync::atomic::Ordering::Relaxed);
    let mut world = World {
        net,
        devices,
        cases: Vec::new(),
        now: START_MS,
        figures: Totals::default(),
        verbose,
    };
    world.note(format!(
        "seed {seed}: {steps} steps, fault rate {fault_rate}, interleaving rate {interleave_rate}"
    ));
    for _ in 0..steps {
        world.step();
    }
    world.heal_and_check();
    let net = &world.net;
    world.figures.requests = *net.requests.lock().unwrap();
    world.figures.faults = net
        .faults
        .lock()
        .unwrap()
        .iter()
        .map(|(k, v)| (*k, *v))
        .collect();
    world.figures.steps = steps;
    world.figures.interleavings = *net.interleavings.lock().unwrap();
    world.figures.events = net.server.lock().unwrap().events().len() as u64;
    let trace = std::mem::take(&mut *net.trace.lock().unwrap());
    let figures = std::mem::take(&mut world.figures);
    // Links and the registry of running devices point at each other: break the cycle, or every
    // world's stores and server stay open.
    net.peers.lock().unwrap().clear();
    drop(world);
    // Thousands of restarts of stores and servers: a file left open each time would end in "too
    // many open files" on a server that runs for months. Only this world's folder is looked at,
    // so other tests running beside it do not count.
    let left_open = files_open_under(dir.path());
    assert!(left_open.is_empty(), "files left open: {left_open:?}");
    if let Some(url) = database {
        drop_postgres(&url);
    }
    (figures, trace)
}

impl World {
    fn note(&self, line: String) {
        self.net.note(line);
    }

    fn draw(&self, range: std::ops::Range<usize>) -> usize {
        self.net.rng().random_range(range)
    }

    fn chance(&self, p: f64) -> bool {
        self.net.rng().random_bool(p)
    }

    /// Set device `d`'s clock from the world's, and move the world on by up to two minutes.
    fn tick(&mut self, d: usize) {
        self.now += self.net.rng().random_range(1..120_000);
        let device = &self.devices[d];
        device.clock.set(self.now + device.skew);
    }

    fn step(&mut self) {
        let d = self.draw(0..self.devices.len());
        self.tick(d);
        let roll = self.draw(0..100);
        let inspector = self.devices[d].author.role == Role::Inspector;
        match roll {
            0..=9 if inspector => self.open_case(d),
            0..=44 => self.edit(d),
            45..=49 => self.photo(d),
            50..=54 => self.review(d),
            55..=84 => self.sync(d),
            85..=91 => {
                // A change committed here, then the process dies before any push.
                self.edit(d);
                self.restart_device(d);
            }
            92..=94 => self.restart_device(d),
            95..=96 => self.sign_in_again(d),
            _ => self.restart_server(),
        }
    }

    fn known_cases(&self, d: usize) -> Vec<Uuid> {
        self.cases
            .iter()
            .copied()
            .filter(|c| self.devices[d].has_case(*c))
            .collect()
    }

    fn pick_case(&self, d: usize) -> Option<Uuid> {
        let known = self.known_cases(d);
        (!known.is_empty()).then(|| known[self.draw(0..known.len())])
    }

    fn open_case(&mut self, d: usize) {
        let case = self.devices[d].open_case(PORT);
        self.note(format!("d{d} opens case {}", self.cases.len()));
        self.cases.push(case);
        self.net.cases.lock().unwrap().push(case);
    }

    fn case_name(&self, case: Uuid) -> usize {
        self.cases.iter().position(|c| *c == case).unwrap()
    }

    fn edit(&mut self, d: usize) {
        let Some(case) = self.pick_case(d) else {
            return;
        };
        let (field, value) = match self.draw(0..4) {
            0 => (Field::VesselName, VESSELS[self.draw(0..VESSELS.len())]),
            1 => (Field::DeclaredDescription, GOODS[self.draw(0..GOODS.len())]),
            2 => (Field::DeclaredWeight, WEIGHTS[self.draw(0..WEIGHTS.len())]),
            _ => (Field::CaseNotes, "opened on the quay, seals intact"),
        };
        self.note(format!(
            "d{d} sets {field:?} of case {} to {value}",
            self.case_name(case)
        ));
        self.devices[d].set(case, field, value);
    }

    fn photo(&mut self, d: usize) {
        let Some(case) = self.pick_case(d) else {
            return;
        };
        let noise: u64 = self.net.rng().random();
        // Now and then one over the chunk size (620 x 620 noise is about 1.1 MiB), so an upload
        // can be cut between chunks and resumed.
        let side = if self.chance(0.1) { 620 } else { 12 };
        self.note(format!(
            "d{d} attaches a {side}x{side} photo to case {}",
            self.case_name(case)
        ));
        let bytes = noise_png(side, noise);
        if side > 12 {
            assert!(bytes.len() > quayside_protocol::PHOTO_CHUNK_BYTES);
            self.figures.large_photos += 1;
        }
        self.devices[d].attach(case, &bytes);
        self.figures.photos += 1;
    }

    /// An inspector submits a case; a supervisor approves what it holds of one, or returns it.
    fn review(&mut self, d: usize) {
        let Some(case) = self.pick_case(d) else {
            return;
        };
        let name = self.case_name(case);
        let device = &self.devices[d];
        let payload = if device.author.role == Role::Supervisor {
            if self.chance(0.7) {
                let covers = device
                    .store()
                    .case_events(case)
                    .unwrap()
                    .into_iter()
                    .map(|e| e.id.parse().unwrap())
                    .collect();
                self.note(format!("d{d} approves case {name}"));
                Payload::ReviewApproved {
                    covers,
                    comment: None,
                }
            } else {
                self.note(format!("d{d} returns case {name}"));
                Payload::ReviewReturned {
                    comment: "weigh the goods again".into(),
                    sections: Vec::new(),
                }
            }
        } else {
            self.note(format!("d{d} submits case {name}"));
            Payload::ReviewSubmitted {
                comment: None,
                acknowledged: vec![],
            }
        };
        device.append(case, payload);
    }

    /// The person signs in again (a new token for the same device key). When the answer is lost,
    /// the server has replaced the token the device still holds.
    fn sign_in_again(&mut self, d: usize) {
        self.note(format!("d{d} signs in again"));
        self.net.token_lost.lock().unwrap().remove(&d);
        let result = self.devices[d].sign_in(PASSWORD);
        let crashed: Vec<usize> = std::mem::take(&mut *self.net.crashed.lock().unwrap());
        match result {
            // A duplicated enrollment answered with its older token leaves the flag set.
            Ok(()) => {}
            Err(SyncError::Offline { .. }) => {
                self.net.token_lost.lock().unwrap().insert(d);
            }
            Err(other) => panic!("d{d}'s sign-in failed on no fault of the network: {other}"),
        }
        self.figures.sign_ins += 1;
        for c in crashed {
            self.restart_device(c);
        }
    }

    fn sync(&mut self, d: usize) {
        self.note(format!("d{d} syncs"));
        let result = self.devices[d].sync();
        self.figures.syncs += 1;
        let crashed: Vec<usize> = std::mem::take(&mut *self.net.crashed.lock().unwrap());
        match result {
            Ok(_) => {}
            // Only the network's faults may stop a sync: anything else is a bug, or an alarm
            // raised where nothing was tampered with.
            Err(SyncError::Offline { .. }) => self.figures.failed_syncs += 1,
            // What the app shows as "sign in again" after a sign-in whose answer was lost.
            Err(SyncError::Rejected {
                code: quayside_protocol::ErrorCode::Unauthorized,
                ..
            }) if self.net.token_lost.lock().unwrap().contains(&d) => {
                self.figures.failed_syncs += 1;
                self.sign_in_again(d);
            }
            Err(other) => panic!("d{d}'s sync failed on no fault of the network: {other}"),
        }
        for c in crashed {
            self.restart_device(c);
        }
    }

    fn restart_device(&mut self, d: usize) {
        self.figures.device_restarts += 1;
        if self.chance(0.5) {
            // Back by up to four hours: a clock reset to a wrong time zone, or a dead RTC battery.
            let back = self.net.rng().random_range(1..4 * HOUR_MS);
            self.devices[d].skew -= back;
            self.figures.clock_back += 1;
            self.note(format!("d{d} restarts with its clock {back} ms back"));
        } else {
            self.note(format!("d{d} restarts"));
        }
        self.devices[d].crash_and_restart();
        self.tick(d);
    }

    fn restart_server(&mut self) {
        self.note("server restarts".into());
        self.figures.server_restarts += 1;
        self.net.server.lock().unwrap().restart();
        self.assert_acknowledged_held();
    }

    /// Every event the server acknowledged to a device is still on the server, as the device wrote it.
    fn assert_acknowledged_held(&self) {
        let held = self.net.server.lock().unwrap().events();
        let acked = self.net.acked.lock().unwrap().clone();
        for device in &self.devices {
            let id = device.id();
            let acked = acked.get(&id).copied().unwrap_or(0);
            let own = device.store().outgoing(0, acked as usize).unwrap();
            assert!(
                own.len() as u64 >= acked,
                "{} holds {} of its events; the server acknowledged {acked}",
                device.name,
                own.len()
            );
            for event in &own {
                let on_server = held.get(&event.body.id);
                assert_eq!(
                    on_server,
                    Some(&(id, event.body.device_seq, event.hash())),
                    "{}'s event {} was acknowledged (up to {acked}) but the server does not hold it",
                    device.name,
                    event.body.device_seq
                );
            }
        }
    }

    /// The faults stop; everyone syncs until nothing moves; then every invariant is checked.
    fn heal_and_check(&mut self) {
        *self.net.fault_rate.lock().unwrap() = 0.0;
        *self.net.interleave_rate.lock().unwrap() = 0.0;
        self.note("the network heals".into());
        let lost: Vec<usize> = self
            .net
            .token_lost
            .lock()
            .unwrap()
            .iter()
            .copied()
            .collect();
        for d in lost {
            self.sign_in_again(d);
        }
        let mut quiet = false;
        let mut problems = Vec::new();
        for _round in 0..6 {
            let mut moved = 0;
            problems.clear();
            for d in 0..self.devices.len() {
                self.tick(d);
                let report = self.devices[d].sync().unwrap_or_else(|e| {
                    panic!("after healing, {}'s sync fails: {e}", self.devices[d].name)
                });
                // A download fails until its uploader has synced: only the last round counts.
                problems.extend(
                    report
                        .photo_problems
                        .iter()
                        .map(|p| format!("{}: {p:?}", self.devices[d].name)),
                );
                moved += report.pushed
                    + report.pulled
                    + report.photos_uploaded
                    + report.photos_downloaded;
            }
            if moved == 0 {
                quiet = true;
                break;
            }
        }
        assert!(problems.is_empty(), "after healing, photos: {problems:?}");
        assert!(quiet, "syncs still move events after six rounds");
        self.assert_acknowledged_held();
        self.assert_server_holds_each_event_once();
        self.assert_replicas_agree();
        self.assert_logs_verify();
    }

    fn assert_server_holds_each_event_once(&self) {
        let server = self.net.server.lock().unwrap();
        // `events` fails on an event id twice in the log.
        let held = server.events();
        assert_eq!(
            server.quarantined(),
            0,
            "the server set aside an honest device's event"
        );
        let mut written = HashMap::new();
        for device in &self.devices {
            let id = device.id();
            for event in device.store().outgoing(0, usize::MAX >> 1).unwrap() {
                written.insert(event.body.id, (id, event.body.device_seq, event.hash()));
            }
        }
        assert_eq!(
            held, written,
            "the server's log is not exactly the events the devices wrote"
        );
        let audit = server.audit();
        assert!(
            audit.problems.is_empty(),
            "server audit: {:?}",
            audit.problems
        );
        assert!(
            audit.waiting.is_empty(),
            "uploads left: {:?}",
            audit.waiting
        );
    }

    fn assert_replicas_agree(&self) {
        let first = self.devices[0].store().projection_dump().unwrap();
        for device in &self.devices[1..] {
            let other = device.store().projection_dump().unwrap();
            if first != other {
                let a: BTreeSet<_> = first.iter().collect();
                let b: BTreeSet<_> = other.iter().collect();
                panic!(
                    "{} and {} differ after the final sync:\n only {}: {:?}\n only {}: {:?}",
                    self.devices[0].name,
                    device.name,
                    self.devices[0].name,
                    a.difference(&b).collect::<Vec<_>>(),
                    device.name,
                    b.difference(&a).collect::<Vec<_>>(),
                );
            }
        }
    }

    fn assert_logs_verify(&self) {
        for device in &self.devices {
            let store = device.store();
            store.integrity_check().unwrap();
            let report = store.verify_log().unwrap();
            assert!(
                report.problems.is_empty() && report.damage.is_empty() && report.refused.is_empty(),
                "{}'s log: {:?} {:?} {:?}",
                device.name,
                report.problems,
                report.damage,
                report.refused
            );
            let alerts = store.log_alerts().unwrap();
            assert!(
                alerts.is_empty(),
                "{} raised an evidence alert with nothing tampered: {alerts:?}",
                device.name
            );
            drop(store);
            let dump = device.store().projection_dump().unwrap();
            device.store().rebuild_projection().unwrap();
            assert_eq!(
                dump,
                device.store().projection_dump().unwrap(),
                "{}'s projection is not what a rebuild from its log gives",
                device.name
            );
            let store = device.store();
            // Its own clock went back, its events' order did not.
            let own = store.outgoing(0, usize::MAX >> 1).unwrap();
            for pair in own.windows(2) {
                assert!(
                    pair[0].body.hlc < pair[1].body.hlc,
                    "{}'s event {} is not after {} in time",
                    device.name,
                    pair[1].body.device_seq,
                    pair[0].body.device_seq
                );
            }
            for (sha, _) in store.referenced_photos().unwrap() {
                assert!(
                    device.vault().original_path(&sha).exists(),
                    "{} lacks photo {sha}",
                    device.name
                );
            }
        }
        if self.verbose {
            eprintln!("all checks passed");
        }
    }
}

/// Files under `dir` this process holds open (none found where /proc is missing).
fn files_open_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(fds) = std::fs::read_dir("/proc/self/fd") else {
        return Vec::new();
    };
    fds.filter_map(|fd| std::fs::read_link(fd.ok()?.path()).ok())
        .filter(|target| target.starts_with(dir))
        .collect()
}

/// A fresh PostgreSQL database holding the template server's accounts and enrolled devices (the
/// same password hashes and token hashes, so the copied devices are signed in to it).
fn postgres_copy(template: &Path) -> String {
    use quayside_server::storage::{Enrollment, NewUser, ServerStore, SqliteStore};
    let base = std::env::var("QUAYSIDE_TEST_DATABASE_URL").unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let url = quayside_server::test_support::database::fresh_database(&base, "quayside_sim")
            .await
            .unwrap();
        let pg = quayside_server::storage::PgStore::open(&url).await.unwrap();
        let file = template.join(quayside_server::config::DATABASE_FILE);
        let sqlite = SqliteStore::open(&file).unwrap();
        for user in sqlite.users().await.unwrap() {
            pg.add_user(NewUser {
                username: user.username,
                password_hash: user.password_hash,
                role: user.role,
                ports: user.ports,
                now: user.created_at,
                personal_data: user.personal_data,
            })
            .await
            .unwrap();
        }
        let tokens = rusqlite::Connection::open(&file).unwrap();
        for device in sqlite.devices().await.unwrap() {
            let token_hash: String = tokens
                .query_row(
                    "SELECT token_hash FROM devices WHERE id = ?1",
                    [device.id.to_string()],
                    |row| row.get(0),
                )
                .unwrap();
            pg.enroll(Enrollment {
                device_id: device.id,
                public_key: device.public_key,
                name: device.name,
                username: device.username,
                token_hash,
                now: device.enrolled_at,
                now_ms: quayside_server::unix_ms(),
            })
            .await
            .unwrap();
        }
        url
    })
}

fn drop_postgres(url: &str) {
    let base = std::env::var("QUAYSIDE_TEST_DATABASE_URL").unwrap();
    let name = url.rsplit('/').next().unwrap().split('?').next().unwrap();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(quayside_server::test_support::database::drop_database(
            &base, name,
        ))
        .unwrap();
}
