//! The app's store process killed with SIGKILL at random points, during startup, writes and syncs
//! with the real server. Each time the data folder must open as the app opens it, pass SQLite's
//! check and the app's own log verification, hold every acknowledged edit with its value, and the
//! device's acknowledged syncs must still be on the server. Then the app goes on from there.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::{Duration, Instant};

use quayside_domain::event::Payload;
use quayside_domain::fields::Field;
use quayside_testkit::replica::assert_same_projection;
use rand::rngs::StdRng;
use rand::Rng;
use serde_json::json;
use tempfile::TempDir;
use uuid::Uuid;

use super::app_process::{spawn, Step, DRAFT_FIELD, MARK};
use crate::common::{Server, PASSWORD};

/// What the app told the person was saved, and what the server acknowledged.
#[derive(Default)]
struct Acknowledged {
    cases: BTreeSet<Uuid>,
    /// Every acknowledged edit.
    edits: Vec<(Uuid, Field, String)>,
    /// The value each field must show now.
    values: BTreeMap<(Uuid, Field), String>,
    photos: Vec<(Uuid, String)>,
    /// Each case's draft text, as last saved.
    drafts: BTreeMap<Uuid, String>,
    /// This device's events in its store: acknowledged ones, and any that committed just before a
    /// kill cut off the acknowledgement.
    events: u64,
    /// This device's events the server acknowledged (a sync that left nothing waiting).
    on_server: u64,
}

/// Where a kill landed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Landed {
    /// Before `Api::open` returned on a new device: its store being made and migrated.
    Creating,
    /// Before `Api::open` returned on an existing store.
    Opening,
    /// Inside a command that had begun and not answered.
    During(&'static str),
    /// Between commands.
    Between,
}

/// What the app process printed for the test, each line with the time since it started.
struct Transcript {
    lines: Vec<(Duration, String)>,
}

impl Transcript {
    fn steps(&self) -> (Vec<(Step, String)>, Option<Step>) {
        let mut done = Vec::new();
        let mut open: Option<Step> = None;
        for (_, line) in &self.lines {
            if let Some(rest) = line.strip_prefix("begin ") {
                open = Some(Step::parse(rest));
            } else if let Some(answer) = line.strip_prefix("ack") {
                let step = open.take().expect("an ack follows its begin");
                done.push((step, answer.trim_start().to_string()));
            } else if line.starts_with("fail ") {
                panic!("the app refused a command: {line}");
            }
        }
        (done, open)
    }

    /// How long the app took to open, if it did.
    fn opened_after(&self) -> Option<Duration> {
        let mut lines = self.lines.iter();
        lines.find(|(_, l)| l == "begin open")?;
        lines.next().filter(|(_, l)| l == "ack").map(|(t, _)| *t)
    }
}

/// Start the app process on `dir`, kill it after `delay`, and return what it printed.
fn run_and_kill(
    dir: &Path,
    run: u64,
    (sync_loop, sign_in): (bool, Option<&str>),
    delay: Duration,
) -> Transcript {
    let started = Instant::now();
    let mut child = spawn(dir, run, sync_loop, sign_in);
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .filter_map(|l| Some((started.elapsed(), l.split_once(MARK)?.1.to_string())))
            .collect::<Vec<_>>()
    });
    std::thread::sleep(delay.saturating_sub(started.elapsed()));
    // Still running, or it stopped by itself: refused a command, or panicked.
    let ended = child.try_wait().unwrap();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let lines = reader.join().unwrap();
    if let Some(status) = ended {
        panic!("the app process ended by itself ({status}) before the kill: {lines:?}");
    }
    Transcript { lines }
}

/// What the run went through, printed at the end.
struct Figures {
    landed: BTreeMap<Landed, usize>,
    acks: usize,
    edits_checked: usize,
    sync_loop: usize,
}

#[test]
fn the_app_killed_at_random_points_loses_nothing_it_acknowledged() {
    let (seed, mut rng) = super::seeded("crash::app");
    let started = Instant::now();
    let rounds = super::rounds();
    for round in 0..rounds {
        one_round(round, seed, &mut rng);
    }
    eprintln!(
        "crash::app: {} kills survived in {rounds} round(s) (seed {seed}) in {:.1} s",
        rounds * super::KILLS_PER_ROUND,
        started.elapsed().as_secs_f64()
    );
}

/// A new server and app, killed `KILLS_PER_ROUND` times, then a cold device compared with it.
fn one_round(round: usize, seed: u64, rng: &mut StdRng) {
    let started = Instant::now();
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("cora", "inspector", "NLRTM");
    // New devices sign in as fred, at another port, so their cases stay out of ines's sight.
    server.add_user("fred", "inspector", "BEANR");
    let dir = TempDir::new().unwrap();
    {
        let api = quayside_testkit::api::open(dir.path()).unwrap();
        api.dispatch("lock_state", json!({})).unwrap();
        api.dispatch(
            "sign_in",
            json!({"server": server.url, "username": "ines", "password": PASSWORD, "device_name": "crash laptop"}),
        )
        .unwrap();
    }
    let mut acked = Acknowledged::default();
    let mut figures = Figures {
        landed: BTreeMap::new(),
        acks: 0,
        edits_checked: 0,
        sync_loop: 0,
    };
    // Learnt from the runs: how long the app takes to open, so some kills land inside it.
    let mut opens_in = Duration::from_millis(60);
    for kill in round * super::KILLS_PER_ROUND..(round + 1) * super::KILLS_PER_ROUND {
        let run = kill as u64;
        // Every tenth kill point is a new device's first start: the kill lands while the store
        // is made and migrated, or while it signs in.
        let fresh = kill % 10 == 9;
        let early = rng.random_bool(0.15);
        let window = opens_in.as_millis() as u64 * 5 / 4;
        let delay = Duration::from_millis(if fresh {
            // Making and migrating a store takes about 100 ms here, signing in about as long:
            // half the kills aim at the first.
            let end = if rng.random_bool(0.5) { 110 } else { 300 };
            rng.random_range(0..end)
        } else if early {
            rng.random_range(0..=window)
        } else {
            rng.random_range(window..window + 300)
        });
        let fresh_dir = fresh.then(|| TempDir::new().unwrap());
        let target = fresh_dir.as_ref().map_or(dir.path(), |d| d.path());
        // A third of the runs start the background sync loop, as the app does.
        let sync_loop = !fresh && rng.random_ratio(1, 3);
        figures.sync_loop += usize::from(sync_loop);
        let sign_in = fresh.then_some(server.url.as_str());
        let transcript = run_and_kill(target, run, (sync_loop, sign_in), delay);
        if let Some(t) = transcript.opened_after() {
            if !fresh {
                opens_in = (opens_in * 3 + t) / 4;
            }
        }
        let (done, in_flight) = transcript.steps();
        let landed = match (&in_flight, done.is_empty()) {
            (Some(Step::Open), _) | (None, true) if fresh => Landed::Creating,
            (Some(Step::Open), _) | (None, true) => Landed::Opening,
            (Some(step), _) => Landed::During(step_name(step)),
            (None, false) => Landed::Between,
        };
        eprintln!(
            "kill {kill}: after {} ms, {} acks, {landed:?}{}{}",
            delay.as_millis(),
            done.len(),
            if fresh { ", new device" } else { "" },
            if sync_loop { ", sync loop on" } else { "" }
        );
        figures.acks += done.len();
        *figures.landed.entry(landed.clone()).or_default() += 1;
        let context = format!(
            "seed {seed}, kill {kill} after {} ms ({landed:?})",
            delay.as_millis()
        );
        if fresh {
            let mut own = Acknowledged::default();
            record(&mut own, &done, false);
            check_after_kill(target, &mut own, in_flight.as_ref(), None, &context);
            sign_in_again_and_sync(target, &server.url, &context);
        } else {
            record(&mut acked, &done, sync_loop);
            figures.edits_checked += acked.edits.len();
            check_after_kill(
                target,
                &mut acked,
                in_flight.as_ref(),
                Some(&server.url),
                &context,
            );
        }
    }

    // The app syncs once more; a cold device pulls everything and shows the same cases.
    let api = quayside_testkit::api::open(dir.path()).unwrap();
    let status = api.dispatch("sync_now", json!({})).unwrap();
    assert!(status["last_error"].is_null(), "{status:#}");
    assert_eq!(status["events_waiting"], 0, "{status:#}");
    assert_eq!(status["photos_waiting"], 0, "{status:#}");
    drop(api);
    let cold = super::replica(&server.url, "cora");
    let report = cold.sync().unwrap();
    assert_eq!(
        report.pulled as u64, acked.events,
        "every event of the app, once"
    );
    let store = quayside_testkit::api::open_store(dir.path());
    assert_same_projection(&store, &cold.store(), "the app and a cold device");
    let photos = cold.photos_intact();
    assert!(photos >= acked.photos.len());
    super::assert_server_file_intact(server.dir());
    super::assert_server_verifies(server.dir());

    eprintln!(
        "crash::app round {round}: {} kills survived (seed {seed}) in {:.1} s, {} with the sync \
         loop on; \
         where they landed: {:?}; \
         {} acknowledged steps, {} events in the log, {} photos, {} acknowledged edits re-checked \
         over all kills",
        super::KILLS_PER_ROUND,
        started.elapsed().as_secs_f64(),
        figures.sync_loop,
        figures.landed,
        figures.acks,
        acked.events,
        photos,
        figures.edits_checked,
    );
}

/// A person whose sign-in was cut by the crash signs in again; the sync then completes.
fn sign_in_again_and_sync(dir: &Path, url: &str, context: &str) {
    let api = quayside_testkit::api::open(dir).unwrap();
    if api.dispatch("sync_status", json!({})).unwrap()["account"].is_null() {
        api.dispatch(
            "sign_in",
            json!({"server": url, "username": "fred", "password": PASSWORD, "device_name": "crash laptop"}),
        )
        .unwrap_or_else(|e| panic!("{context}: signing in again: {e:?}"));
    }
    let status = api.dispatch("sync_now", json!({})).unwrap();
    assert!(status["last_error"].is_null(), "{context}: {status:#}");
    assert_eq!(status["events_waiting"], 0, "{context}: {status:#}");
    assert_eq!(status["photos_waiting"], 0, "{context}: {status:#}");
}

fn step_name(step: &Step) -> &'static str {
    match step {
        Step::Open => "open",
        Step::User => "set_up or unlock",
        Step::SignIn => "sign_in",
        Step::Case => "open_case",
        Step::Set { .. } => "set_field",
        Step::Draft { .. } => "save_draft",
        Step::Photo { .. } => "attach_photo",
        Step::Sync => "sync_now",
    }
}

/// Add what the app acknowledged in one run. With the sync loop on, `sync_now` only wakes the
/// loop and answers the status as it stands, so it vouches for the server only when nothing waits.
fn record(acked: &mut Acknowledged, done: &[(Step, String)], sync_loop: bool) {
    for (step, answer) in done {
        acked.events += step.events();
        match step {
            Step::Case => {
                acked.cases.insert(answer.parse().unwrap());
            }
            Step::Set { case, field, value } => {
                acked.edits.push((*case, *field, value.clone()));
                acked.values.insert((*case, *field), value.clone());
            }
            Step::Draft { case, text } => {
                acked.drafts.insert(*case, text.clone());
            }
            Step::Photo { case, sha256 } => {
                assert_eq!(answer, sha256);
                acked.photos.push((*case, sha256.clone()));
            }
            Step::Sync if sync_loop => {
                if answer.starts_with("0 ") {
                    acked.on_server = acked.events;
                }
            }
            Step::Sync => {
                let words: Vec<&str> = answer.splitn(3, ' ').collect();
                assert_eq!(
                    words,
                    ["0", "0", "-"],
                    "a sync with the server up sends everything without an error"
                );
                acked.on_server = acked.events;
            }
            Step::Open | Step::User | Step::SignIn => {}
        }
    }
}

/// The checks after a kill: the app opens, its verification finds nothing, nor does the vault
/// check among this device's own originals, SQLite's check passes, every acknowledged edit is in
/// the log and each field shows its last acknowledged value (or the value of the edit the kill
/// interrupted, if that one committed), so does each draft, and the server still holds what it
/// acknowledged.
fn check_after_kill(
    dir: &Path,
    acked: &mut Acknowledged,
    in_flight: Option<&Step>,
    server: Option<&str>,
    context: &str,
) {
    let api = quayside_testkit::api::open(dir)
        .unwrap_or_else(|e| panic!("{context}: the app does not open: {e:?}"));
    let report = api.dispatch("verify_log", json!({})).unwrap();
    assert_eq!(report["problems"], json!([]), "{context}: {report:#}");
    assert_eq!(report["damage"], json!([]), "{context}: {report:#}");
    let vault = api.dispatch("check_vault", json!({})).unwrap();
    drop(api);

    let store = quayside_testkit::api::open_store(dir);
    store
        .integrity_check()
        .unwrap_or_else(|e| panic!("{context}: integrity_check: {e}"));
    let own = store.last_device_seq().unwrap();
    let committed_in_flight = in_flight.map_or(0, Step::events);
    assert!(
        own == acked.events || own == acked.events + committed_in_flight,
        "{context}: the store holds {own} events; {} were acknowledged, {committed_in_flight} in flight",
        acked.events
    );
    acked.events = own;

    let mut logged: BTreeSet<(Uuid, Field, String)> = BTreeSet::new();
    let mut own_photos = BTreeSet::new();
    for event in store.outgoing(0, usize::MAX >> 1).unwrap() {
        match event.body.payload {
            Payload::FieldSet {
                item: None,
                field,
                value: Some(value),
            } => {
                logged.insert((event.body.case_id, field, value));
            }
            Payload::PhotoAttached { sha256, .. } => {
                own_photos.insert(sha256);
            }
            _ => {}
        }
    }
    // This device's originals are in its vault, intact (each was stored before its event); a
    // photo another device attached may not be fetched yet (a kill during the sync that pulled it).
    for problem in vault["problems"].as_array().unwrap() {
        let sha = problem["sha256"].as_str().unwrap();
        assert!(
            problem["problem"]["key"] == "notice.photo_missing" && !own_photos.contains(sha),
            "{context}: {vault:#}"
        );
    }
    for edit in &acked.edits {
        assert!(
            logged.contains(edit),
            "{context}: acknowledged {edit:?} is not in the log"
        );
    }
    for case in &acked.cases {
        store
            .case(*case)
            .unwrap_or_else(|e| panic!("{context}: acknowledged case {case}: {e}"));
    }
    for ((case, field), value) in acked.values.iter_mut() {
        let (file, _) = store.case(*case).unwrap();
        let shown = file.value(*field).unwrap_or_default();
        let interrupted = matches!(in_flight, Some(Step::Set { case: c, field: f, value: v })
            if c == case && f == field && v == shown);
        assert!(
            shown == value || interrupted,
            "{context}: {case} {field:?} shows {shown:?}, acknowledged {value:?}"
        );
        *value = shown.to_string();
    }
    for (case, text) in acked.drafts.iter_mut() {
        let drafts = store.drafts(*case).unwrap();
        let kept = drafts
            .iter()
            .find(|d| d.item.is_none() && d.field == DRAFT_FIELD)
            .map(|d| d.text.as_str())
            .unwrap_or_default();
        let interrupted =
            matches!(in_flight, Some(Step::Draft { case: c, text: t }) if c == case && t == kept);
        assert!(
            kept == text || interrupted,
            "{context}: the draft of {case} is {kept:?}, acknowledged {text:?}"
        );
        *text = kept.to_string();
    }
    for (case, sha) in &acked.photos {
        let (file, _) = store.case(*case).unwrap();
        assert!(
            file.photos.iter().any(|p| &p.sha256 == sha),
            "{context}: acknowledged photo {sha} is not on its case"
        );
    }
    if let Some(url) = server {
        let holds = super::server_holds(url, &store);
        assert!(
            holds >= acked.on_server,
            "{context}: the server holds {holds} of this device's events, it acknowledged {}",
            acked.on_server
        );
    }
}
