//! Sync benchmark (not a test): one inspector's device pushes 1,000 cases of 25 events and 3 small
//! photos each to the real server binary on loopback; a second device pulls everything cold.
//! Prints events/s and bytes per event, against baselines measured in the same run: the raw size
//! of the signed events, and taking the same events into a store in-process (no network, no server).
//!
//! `cargo bench -p quayside-server --bench sync` (release). `QUAYSIDE_BENCH_CASES=100` for a quick run.

mod harness;

use std::time::{Duration, Instant};

use quayside_domain::event::{Payload, Role};
use quayside_domain::fields::Field;
use quayside_sync::{Phase, Progress, SyncReport};
use quayside_testkit::fixtures::noise_png;
use quayside_testkit::replica::Replica;

use harness::{admin, serve, PASSWORD};

const EVENTS_PER_CASE: usize = 25;
const PHOTOS_PER_CASE: usize = 3;

fn main() {
    let cases: usize = std::env::var("QUAYSIDE_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let server_dir = tempfile::tempdir().unwrap();
    for user in ["ines", "ivan"] {
        admin(
            server_dir.path(),
            &[],
            &[
                "user",
                "add",
                user,
                "--role",
                "inspector",
                "--ports",
                "NLRTM",
            ],
        );
    }
    let (mut server, url) = serve(server_dir.path(), &[], &[]);

    let ines = Replica::new("Ines Inspector", Role::Inspector);
    quayside_sync::sign_in(&ines.store, &url, "ines", PASSWORD, "bench A").unwrap();
    let started = Instant::now();
    let photo_bytes = fill(&ines, cases);
    let events = ines.store.lock().unwrap().event_count().unwrap();
    println!(
        "data set: {cases} cases, {events} events, {} photos ({:.1} KB each on average), made in {:.1} s",
        cases * PHOTOS_PER_CASE,
        photo_bytes as f64 / (cases * PHOTOS_PER_CASE) as f64 / 1024.0,
        started.elapsed().as_secs_f64()
    );

    let (push, push_phases) = timed_sync(&ines);
    assert_eq!(push.pushed as u64, events, "every event accepted: {push:?}");
    assert_eq!(push.photos_uploaded, cases * PHOTOS_PER_CASE);

    let ivan = Replica::new("Ivan Inspector", Role::Inspector);
    quayside_sync::sign_in(&ivan.store, &url, "ivan", PASSWORD, "bench B").unwrap();
    let (pull, pull_phases) = timed_sync(&ivan);
    assert_eq!(pull.pulled as u64, events, "every event pulled: {pull:?}");
    assert_eq!(pull.photos_downloaded, cases * PHOTOS_PER_CASE);
    assert_eq!(
        ines.store.lock().unwrap().projection_dump().unwrap(),
        ivan.store.lock().unwrap().projection_dump().unwrap(),
        "the cold replica holds the same projection"
    );

    // Baselines in this run: the events' own size, and an in-process ingest of the same events.
    let signed = ines.store.lock().unwrap().export_events().unwrap();
    let raw_bytes: usize = signed.iter().map(|e| e.bytes.len() + 64).sum();
    let wire: Vec<(Vec<u8>, [u8; 64])> = signed
        .iter()
        .map(|e| (e.bytes.clone(), e.signature))
        .collect();
    let local = Replica::new("Ines Inspector", Role::Inspector);
    {
        let mut store = local.store.lock().unwrap();
        let key = ines
            .store
            .lock()
            .unwrap()
            .device()
            .key
            .verifying_key()
            .to_bytes();
        let id = ines.store.lock().unwrap().device().id;
        store.add_device_key(id, key).unwrap();
    }
    let t = Instant::now();
    for page in wire.chunks(1000) {
        local.store.lock().unwrap().ingest(page).unwrap();
    }
    let local_ingest = t.elapsed();

    let push_events = push_phases.span(Phase::Pushing);
    let upload = push_phases.span(Phase::UploadingPhotos);
    let pull_events = pull_phases.span(Phase::Pulling);
    let download = pull_phases.span(Phase::DownloadingPhotos);
    let n = events as f64;
    println!();
    println!(
        "{:<44} {:>10} {:>12} {:>14}",
        "", "seconds", "events/s", "bytes/event"
    );
    println!(
        "{:<44} {:>10} {:>12} {:>14}",
        "raw signed events (body + 64-byte signature)",
        "",
        "",
        format!("{:.0}", raw_bytes as f64 / n)
    );
    row(
        "push: events (client A -> server)",
        push_events,
        n,
        push.event_bytes_sent as f64 / n,
    );
    row(
        "push: whole sync, photos included",
        push_phases.total,
        n,
        push.bytes_sent as f64 / n,
    );
    row(
        "cold pull: events (server -> client B)",
        pull_events,
        n,
        pull.event_bytes_received as f64 / n,
    );
    row(
        "cold pull: whole sync, photos included",
        pull_phases.total,
        n,
        pull.bytes_received as f64 / n,
    );
    row(
        "baseline: in-process ingest, no network",
        local_ingest,
        n,
        f64::NAN,
    );
    println!();
    println!(
        "photos: {} uploaded in {:.2} s ({:.0}/s), downloaded in {:.2} s ({:.0}/s)",
        push.photos_uploaded,
        upload.as_secs_f64(),
        push.photos_uploaded as f64 / upload.as_secs_f64(),
        download.as_secs_f64(),
        pull.photos_downloaded as f64 / download.as_secs_f64()
    );
    println!(
        "ratios: push bytes/event to raw {:.2}; cold pull time to in-process ingest {:.2}",
        push.event_bytes_sent as f64 / raw_bytes as f64,
        pull_events.as_secs_f64() / local_ingest.as_secs_f64()
    );
    let _ = server.kill();
    let _ = server.wait();
}

fn row(label: &str, time: Duration, events: f64, bytes_per_event: f64) {
    let bytes = if bytes_per_event.is_nan() {
        String::new()
    } else {
        format!("{bytes_per_event:.0}")
    };
    println!(
        "{label:<44} {:>10.2} {:>12.0} {bytes:>14}",
        time.as_secs_f64(),
        events / time.as_secs_f64()
    );
}

/// When each phase of a sync started, from the progress callback.
struct Phases {
    starts: Vec<(Phase, Instant)>,
    end: Instant,
    total: Duration,
}

impl Phases {
    fn span(&self, phase: Phase) -> Duration {
        let Some(i) = self.starts.iter().position(|(p, _)| *p == phase) else {
            return Duration::ZERO;
        };
        let until = self.starts.get(i + 1).map_or(self.end, |(_, t)| *t);
        until - self.starts[i].1
    }
}

/// One sync of `replica`, and when each of its phases started.
fn timed_sync(replica: &Replica) -> (SyncReport, Phases) {
    let mut starts: Vec<(Phase, Instant)> = Vec::new();
    let t = Instant::now();
    let report = quayside_sync::sync_once(&replica.store, &replica.vault, &mut |p: Progress| {
        if starts.last().map(|(phase, _)| *phase) != Some(p.phase) {
            starts.push((p.phase, Instant::now()));
        }
    })
    .unwrap();
    let end = Instant::now();
    (
        report,
        Phases {
            starts,
            end,
            total: end - t,
        },
    )
}

/// Cases as an inspector fills them in: 24 edits after the opening, and three photos.
fn fill(replica: &Replica, cases: usize) -> u64 {
    let author = &replica.author;
    let texts = [
        (Field::VesselName, "MSC ANNA"),
        (Field::ContainerNumber, "CSQU3054383"),
        (
            Field::DeclaredDescription,
            "Solder paste, tin alloy, in 20 kg tins",
        ),
        (Field::DeclaredHsCode, "3810.10"),
        (Field::DeclaredWeight, "1250 kg"),
        (Field::Voyage, "FA245W"),
        (
            Field::CaseNotes,
            "Tins heavier than declared; X-ray shows dense cores.",
        ),
        (Field::DeclaredOrigin, "CN"),
    ];
    let mut seed = 0;
    let mut photo_bytes = 0;
    let mut store = replica.store();
    for _ in 0..cases {
        let case = store.open_case(author, "NLRTM").unwrap().id;
        // Eight fields filled in, then the notes reworded as the inspection goes on.
        for i in 0..EVENTS_PER_CASE - 1 - PHOTOS_PER_CASE {
            let (field, value) = match texts.get(i) {
                Some((field, text)) => (*field, text.to_string()),
                None => (
                    Field::CaseNotes,
                    format!("{} Checked again ({i}).", texts[6].1),
                ),
            };
            store
                .append_field_edit(author, case, None, field, Some(value))
                .unwrap();
        }
        for p in 0..PHOTOS_PER_CASE {
            seed += 1;
            let bytes = noise_png(48, seed);
            photo_bytes += bytes.len() as u64;
            let imported = replica
                .vault
                .import(&format!("photo-{p}.png"), &bytes)
                .unwrap();
            store
                .append(
                    author,
                    case,
                    Payload::PhotoAttached {
                        sha256: imported.sha256,
                        size: imported.size,
                        media_type: imported.media_type.as_str().to_string(),
                        file_name: format!("photo-{p}.png"),
                        caption: None,
                        exif: imported.exif,
                        captured: None,
                    },
                )
                .unwrap();
        }
    }
    photo_bytes
}
