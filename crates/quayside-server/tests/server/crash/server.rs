//! The server process killed with SIGKILL at random points while two devices write and sync with
//! the real client, some kills during a photo upload. After each restart on the same data: the
//! database file passes SQLite's check, `quayside-server verify` passes, the server still holds
//! every event it acknowledged to a device, and each device's next sync completes. At the end a
//! cold device pulls everything and shows what the writers show.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use quayside_domain::event::{Author, Payload, Role};
use quayside_domain::fields::Field;
use quayside_sync::{Phase, Progress};
use quayside_testkit::fixtures::noise_png;
use quayside_testkit::replica::assert_same_projection;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{replica, Replica};
use crate::common::Server;

/// What a writer is doing, as the sync's progress says (`IDLE` between syncs).
const IDLE: u8 = u8::MAX;

fn phase_name(phase: u8) -> &'static str {
    match phase {
        0 => "connecting",
        1 => "pushing",
        2 => "uploading a photo",
        3 => "pulling",
        4 => "downloading a photo",
        _ => "editing",
    }
}

fn phase_code(phase: Phase) -> u8 {
    match phase {
        Phase::Connecting => 0,
        Phase::Pushing => 1,
        Phase::UploadingPhotos => 2,
        Phase::Pulling => 3,
        Phase::DownloadingPhotos => 4,
    }
}

/// A device that edits and syncs in its own thread.
struct Writer {
    replica: Replica,
    author: Author,
    phase: AtomicU8,
    /// Photo uploads begun, counted by the sync's progress.
    uploads_begun: AtomicU64,
    /// The highest count of this device's events the server ever acknowledged to it.
    acknowledged: AtomicU64,
    /// Each sync's result, with the server generation it started under.
    results: Mutex<Vec<(u64, Result<(), String>)>>,
    /// Attach a large photo before the next sync.
    photo_wanted: AtomicBool,
    paused: AtomicBool,
}

/// The test's side of the writers: which server generation is up, and whether to hold still.
struct Control {
    generation: AtomicU64,
    pause: AtomicBool,
    stop: AtomicBool,
}

impl Control {
    /// Stop the writers between two syncs and wait until they are still.
    fn hold_still(&self, writers: &[Arc<Writer>]) {
        self.pause.store(true, Ordering::SeqCst);
        for w in writers {
            w.wait_until("paused", |w| w.paused.load(Ordering::SeqCst));
        }
    }

    /// Let the writers go on. Their `paused` flags are cleared first, so the next `hold_still`
    /// waits for each to see the new pause rather than trusting a flag left from this one.
    fn resume(&self, writers: &[Arc<Writer>]) {
        for w in writers {
            w.paused.store(false, Ordering::SeqCst);
        }
        self.pause.store(false, Ordering::SeqCst);
    }
}

/// `verify`, with the writers still: the only problems allowed are photos whose event the server
/// took and whose upload had not begun when it was killed, which their device holds and has not
/// had confirmed (it sends them at its next sync). Returns the photos `verify` lists as waiting
/// for the rest of their upload, and those not begun.
fn verify_after_kill(
    server: &Server,
    writers: &[Arc<Writer>],
    context: &str,
) -> (usize, BTreeSet<String>) {
    let unsent: BTreeSet<String> = writers
        .iter()
        .flat_map(|w| w.replica.store().photos_not_uploaded().unwrap())
        .collect();
    let verified = super::verify_server(server.dir());
    let mut not_begun = BTreeSet::new();
    for problem in &verified.problems {
        let sha = problem
            .strip_prefix("photo ")
            .and_then(|rest| rest.get(..64))
            .filter(|sha| unsent.contains(*sha));
        match sha {
            Some(sha) if problem.contains(": missing: the server does not hold this original") => {
                not_begun.insert(sha.to_string());
            }
            _ => panic!("{context}: verify: {problem}\n{}", verified.output),
        }
    }
    (verified.waiting, not_begun)
}

impl Writer {
    fn new(url: &str, user: &str) -> Writer {
        Writer {
            replica: replica(url, user),
            author: Author {
                name: user.into(),
                role: Role::Inspector,
            },
            phase: AtomicU8::new(IDLE),
            uploads_begun: AtomicU64::new(0),
            acknowledged: AtomicU64::new(0),
            results: Mutex::new(Vec::new()),
            photo_wanted: AtomicBool::new(false),
            paused: AtomicBool::new(false),
        }
    }

    /// Edit a little, sync, and again, until stopped; hold still while the test checks.
    fn work(&self, control: &Control, seed: u64) {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut case = None;
        let mut n = 0u64;
        while !control.stop.load(Ordering::SeqCst) {
            if control.pause.load(Ordering::SeqCst) {
                self.paused.store(true, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
                continue;
            }
            self.paused.store(false, Ordering::SeqCst);
            let mut store = self.replica.store();
            let open = match case {
                Some(case) if !rng.random_ratio(1, 6) => case,
                _ => store.open_case(&self.author, "NLRTM").unwrap().id,
            };
            case = Some(open);
            for _ in 0..rng.random_range(1..=3) {
                n += 1;
                let field = if n.is_multiple_of(2) {
                    Field::CaseNotes
                } else {
                    Field::VesselName
                };
                let value = format!("{} {n}", self.author.name.to_uppercase());
                store
                    .append_field_edit(&self.author, open, None, field, Some(value))
                    .unwrap();
            }
            drop(store);
            if self.photo_wanted.swap(false, Ordering::SeqCst) {
                self.attach_large_photo(open, rng.random());
            }
            let generation = control.generation.load(Ordering::SeqCst);
            let result = quayside_sync::sync_once(
                &self.replica.store,
                &self.replica.vault,
                &mut |p: Progress| self.progress(p),
            );
            self.phase.store(IDLE, Ordering::SeqCst);
            let acked = self
                .replica
                .store()
                .setting("sync.acked_seq")
                .unwrap()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            self.acknowledged.fetch_max(acked, Ordering::SeqCst);
            // A photo the other device has not finished sending is fetched at a later sync;
            // the end of the test checks that every photo arrives.
            let result = result.map_err(|e| e.to_string()).and_then(|report| {
                let problems: Vec<_> = report
                    .photo_problems
                    .iter()
                    .filter(|p| p.key != "error.photo_not_uploaded_yet")
                    .collect();
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(format!("photo problems: {problems:?}"))
                }
            });
            self.results.lock().unwrap().push((generation, result));
            std::thread::sleep(Duration::from_millis(rng.random_range(0..10)));
        }
    }

    fn progress(&self, progress: Progress) {
        if progress.phase == Phase::UploadingPhotos {
            self.uploads_begun.fetch_add(1, Ordering::SeqCst);
        }
        self.phase
            .store(phase_code(progress.phase), Ordering::SeqCst);
    }

    /// About 3 MB of noise: three upload chunks and a bit, so kills land between and inside them.
    fn attach_large_photo(&self, case: uuid::Uuid, seed: u64) {
        let bytes = noise_png(1000, seed);
        let imported = self.replica.vault.import("hold.png", &bytes).unwrap();
        self.replica
            .store()
            .append(
                &self.author,
                case,
                Payload::PhotoAttached {
                    sha256: imported.sha256,
                    size: imported.size,
                    media_type: imported.media_type.as_str().to_string(),
                    file_name: "hold.png".into(),
                    caption: None,
                    exif: imported.exif,
                    captured: None,
                },
            )
            .unwrap();
    }

    /// The first sync that started under `generation` succeeded (waiting for it to end).
    fn assert_next_sync_completes(&self, generation: u64, context: &str) {
        let started = Instant::now();
        loop {
            let first = self
                .results
                .lock()
                .unwrap()
                .iter()
                .find(|(g, _)| *g == generation)
                .map(|(_, r)| r.clone());
            match first {
                Some(Ok(())) => return,
                Some(Err(e)) => panic!("{context}: {}'s sync failed: {e}", self.author.name),
                None => assert!(
                    started.elapsed() < Duration::from_secs(60),
                    "{context}: {}'s sync never completed",
                    self.author.name
                ),
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn wait_until(&self, what: &str, done: impl Fn(&Writer) -> bool) {
        let started = Instant::now();
        while !done(self) {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "{} never {what}",
                self.author.name
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

#[test]
fn the_server_killed_at_random_points_keeps_what_it_acknowledged() {
    let (seed, mut rng) = super::seeded("crash::server");
    let started = Instant::now();
    let rounds = super::rounds();
    for round in 0..rounds {
        one_round(round, seed, &mut rng);
    }
    eprintln!(
        "crash::server: {} kills survived in {rounds} round(s) (seed {seed}) in {:.1} s",
        rounds * super::KILLS_PER_ROUND,
        started.elapsed().as_secs_f64()
    );
}

/// A new server and writers, the server killed `KILLS_PER_ROUND` times, then a cold device.
fn one_round(round: usize, seed: u64, rng: &mut StdRng) {
    let started = Instant::now();
    let mut server = Server::start();
    for user in ["ines", "ivan", "cora"] {
        server.add_user(user, "inspector", "NLRTM");
    }
    let data = server.data.clone();
    let listen = server.url.trim_start_matches("http://").to_string();
    let writers: Vec<Arc<Writer>> = ["ines", "ivan"]
        .iter()
        .map(|u| Arc::new(Writer::new(&server.url, u)))
        .collect();
    let control = Arc::new(Control {
        generation: AtomicU64::new(0),
        pause: AtomicBool::new(false),
        stop: AtomicBool::new(false),
    });
    let threads: Vec<_> = writers
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let (w, control) = (Arc::clone(w), Arc::clone(&control));
            let seed = seed ^ ((round as u64) << 8) ^ (i as u64 + 1);
            std::thread::spawn(move || w.work(&control, seed))
        })
        .collect();

    let mut landed: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut uploads_cut, mut uploads_not_begun) = (0, 0);
    // Photos whose event the server took before a kill and whose upload had not begun.
    let mut not_sent = BTreeSet::new();
    for kill in round * super::KILLS_PER_ROUND..(round + 1) * super::KILLS_PER_ROUND {
        let generation = control.generation.load(Ordering::SeqCst);
        let context = format!("seed {seed}, kill {kill}");
        for w in &writers {
            w.assert_next_sync_completes(generation, &context);
        }
        if !not_sent.is_empty() {
            control.hold_still(&writers);
            let (_, still) = verify_after_kill(&server, &writers, &context);
            assert!(
                still.is_disjoint(&not_sent),
                "{context}: photos still not on the server after their device synced: {still:?}"
            );
            control.resume(&writers);
            not_sent.clear();
        }
        // Some kills wait for a photo upload to start, then land in it or just after.
        let during_upload = rng.random_ratio(1, 8);
        let delay = Duration::from_millis(if during_upload {
            let begun = writers[0].uploads_begun.load(Ordering::SeqCst);
            writers[0].photo_wanted.store(true, Ordering::SeqCst);
            writers[0].wait_until("began an upload", |w| {
                w.uploads_begun.load(Ordering::SeqCst) > begun
            });
            rng.random_range(0..12)
        } else {
            rng.random_range(0..200)
        });
        std::thread::sleep(delay);
        let phases: Vec<&str> = writers
            .iter()
            .map(|w| phase_name(w.phase.load(Ordering::SeqCst)))
            .collect();
        drop(server); // SIGKILL
        for phase in &phases {
            *landed.entry(phase).or_default() += 1;
        }
        let acks: Vec<u64> = writers
            .iter()
            .map(|w| w.acknowledged.load(Ordering::SeqCst))
            .collect();
        eprintln!(
            "kill {kill}: after {} ms{}, writers {phases:?}, acknowledged {acks:?}",
            delay.as_millis(),
            if during_upload { " of an upload" } else { "" }
        );

        control.hold_still(&writers);
        server = Server::start_with(data.clone(), &["--listen", &listen], &[]);
        let context = format!("{context} after {} ms ({phases:?})", delay.as_millis());
        super::assert_server_file_intact(server.dir());
        let (waiting, unsent) = verify_after_kill(&server, &writers, &context);
        uploads_cut += waiting;
        uploads_not_begun += unsent.len();
        not_sent = unsent;
        for w in &writers {
            // Acknowledged first: both only grow, so a late ack cannot make this fail falsely.
            let acknowledged = w.acknowledged.load(Ordering::SeqCst);
            let holds = super::server_holds(&server.url, &w.replica.store());
            assert!(
                holds >= acknowledged,
                "{context}: the server holds {holds} of {}'s events, it acknowledged {acknowledged}",
                w.author.name
            );
        }
        control.generation.fetch_add(1, Ordering::SeqCst);
        control.resume(&writers);
    }
    let generation = control.generation.load(Ordering::SeqCst);
    for w in &writers {
        w.assert_next_sync_completes(generation, "after the last restart");
    }
    control.stop.store(true, Ordering::SeqCst);
    for thread in threads {
        thread.join().unwrap();
    }

    // Everyone syncs twice more; a cold device pulls it all and shows the same cases.
    for _ in 0..2 {
        for w in &writers {
            w.replica.sync().unwrap();
        }
    }
    let cold = replica(&server.url, "cora");
    cold.sync().unwrap();
    let events = cold.store().event_count().unwrap();
    for w in &writers {
        let store = w.replica.store();
        assert_eq!(quayside_sync::events_waiting(&store).unwrap(), 0);
        assert!(store.photos_not_uploaded().unwrap().is_empty());
        assert_eq!(store.event_count().unwrap(), events);
        assert_same_projection(&store, &cold.store(), "a writer and a cold device");
    }
    let photos = cold.photos_intact();
    super::assert_server_file_intact(server.dir());
    super::assert_server_verifies(server.dir());
    eprintln!(
        "crash::server round {round}: {} kills survived (seed {seed}) in {:.1} s; writers at \
         the kills: \
         {landed:?}; verify saw {uploads_cut} uploads cut short and {uploads_not_begun} not begun; \
         {events} events and {photos} photos converged on a cold device",
        super::KILLS_PER_ROUND,
        started.elapsed().as_secs_f64(),
    );
}
