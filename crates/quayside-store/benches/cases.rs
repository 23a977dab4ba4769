//! `cargo bench -p quayside-store --bench cases`: the case list, search, count and statistics over
//! many cases (`QUAYSIDE_BENCH_CASES`, default 100,000), against a raw SQLite query on the same file.
//!
//! The cases are real: signed events of a few synthetic devices registered with the store, written
//! to the log a batch per transaction (one fsync per batch, not per event), then folded into the
//! projection by `Store::rebuild_projection`, the store's own fold (see `build`). They spread over
//! ports, materials, concealments, detection methods, outcomes, two years of dates and route
//! countries, and every case has a seal number to search for.
//!
//! Each query runs 200 times; the figures are the median and the 99th percentile, and the ratio to
//! `SELECT id FROM cases ORDER BY updated_at DESC LIMIT 50` on a second connection to the same file.
//! Prints `BENCH {json}` lines for `bench/run`, which keeps the store (`QUAYSIDE_BENCH_DIR`) to
//! start the app on.

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use ed25519_dalek::SigningKey;
use quayside_domain::event::{Author, EventBody, Payload, Role, SignedEvent};
use quayside_domain::fields::{Field, Section};
use quayside_domain::hlc::Hlc;
use quayside_domain::identifiers::container_check_digit;
use quayside_store::{CaseFilter, CaseSort, Store, SystemClock};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

const RUNS: usize = 200;
const DEVICES: usize = 12;
const BATCH_EVENTS: usize = 20_000;

const PORTS: &[&str] = &[
    "NLRTM", "BEANR", "DEHAM", "FRLEH", "ESALG", "ITGOA", "PLGDN", "GRPIR", "SIKOP", "ROCND",
];
const MATERIALS: &[&str] = &[
    "rare_earth",
    "gallium_germanium",
    "antimony",
    "tungsten",
    "none",
];
const CONCEALMENTS: &[&str] = &["C1", "C2", "C3", "C4", "C5", "C6"];
const DETECTIONS: &[&str] = &["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10"];
const OUTCOMES: &[&str] = &["O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "O9", "O10"];
const ORIGINS: &[&str] = &[
    "CNSHA", "CNNGB", "CNTAO", "VNHPH", "MMRGN", "BOLPB", "RWKGL",
];
const HUBS: &[&str] = &["SGSIN", "MYPKG", "AEJEA", "LKCMB", "TRMER"];

fn author(i: usize) -> Author {
    Author {
        name: format!("Inspector {i}"),
        role: Role::Inspector,
    }
}

/// A synthetic device: its key and the head of its chain.
struct Device {
    id: Uuid,
    key: SigningKey,
    seq: u64,
    prev_hash: String,
    hlc: Hlc,
    short: String,
    numbers: u32,
}

impl Device {
    fn new(n: usize) -> Device {
        let mut seed = [7u8; 32];
        seed[0] = n as u8;
        let key = SigningKey::from_bytes(&seed);
        Device {
            id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + n as u128),
            short: quayside_store::short_id(&key.verifying_key().to_bytes()),
            key,
            seq: 0,
            prev_hash: String::new(),
            hlc: Hlc::default(),
            numbers: 0,
        }
    }

    fn sign(
        &mut self,
        case_id: Uuid,
        head: &mut Option<Uuid>,
        millis: u64,
        payload: Payload,
        who: usize,
    ) -> SignedEvent {
        self.seq += 1;
        self.hlc = self.hlc.tick(millis);
        let body = EventBody {
            id: Uuid::now_v7(),
            case_id,
            device_id: self.id,
            device_seq: self.seq,
            author: author(who),
            hlc: self.hlc,
            wall_time: rfc3339(self.hlc.millis()),
            deps: head.iter().copied().collect(),
            prev_hash: std::mem::take(&mut self.prev_hash),
            payload,
            reason: None,
        };
        let event = SignedEvent::sign(body, &self.key);
        self.prev_hash = event.hash();
        *head = Some(event.body.id);
        event
    }
}

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

/// Writes the events of one case as its device would, a minute or so apart.
struct CaseWriter<'d> {
    device: &'d mut Device,
    case: Uuid,
    head: Option<Uuid>,
    millis: u64,
    who: usize,
    out: Vec<SignedEvent>,
}

impl CaseWriter<'_> {
    fn push(&mut self, payload: Payload) {
        self.millis += 40_000 + 10_000 * (self.out.len() as u64 % 5);
        let event = self
            .device
            .sign(self.case, &mut self.head, self.millis, payload, self.who);
        self.out.push(event);
    }

    fn add(&mut self, section: Section) -> Uuid {
        let item = Uuid::now_v7();
        self.push(Payload::ItemAdded { section, item });
        item
    }

    fn set(&mut self, item: Option<Uuid>, field: Field, value: &str) {
        self.push(Payload::FieldSet {
            item,
            field,
            value: Some(value.to_string()),
        });
    }
}

fn rfc3339(millis: u64) -> String {
    Utc.timestamp_millis_opt(millis as i64)
        .unwrap()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// One realistic case of `device`, opened at `opened` (ms since the epoch): 13 to 17 events.
fn case_events(rng: &mut StdRng, device: &mut Device, opened: u64, n: usize) -> Vec<SignedEvent> {
    let port = pick(rng, PORTS);
    device.numbers += 1;
    let year = Utc
        .timestamp_millis_opt(opened as i64)
        .unwrap()
        .format("%Y");
    let case_number = format!("{port}-{year}-{}-{:04}", device.short, device.numbers);
    let mut w = CaseWriter {
        device,
        case: Uuid::now_v7(),
        head: None,
        millis: opened,
        who: n % 40,
        out: Vec::with_capacity(20),
    };
    w.push(Payload::CaseOpened {
        case_number,
        port: port.to_string(),
        opened_at: rfc3339(opened),
    });
    let serial = format!("MSCU{:06}", n % 1_000_000);
    let container = format!("{serial}{}", container_check_digit(&serial).unwrap());
    w.set(None, Field::ContainerNumber, &container);
    let seal = format!("EU{:08}", rng.random_range(0..100_000_000u32));
    let s = w.add(Section::Seals);
    w.set(Some(s), Field::SealNumber, &seal);
    let leg = w.add(Section::Route);
    w.set(Some(leg), Field::LegLocode, pick(rng, ORIGINS));
    w.set(Some(leg), Field::LegRole, "origin");
    if n % 2 == 0 {
        let leg = w.add(Section::Route);
        w.set(Some(leg), Field::LegLocode, pick(rng, HUBS));
        w.set(Some(leg), Field::LegRole, "transshipment");
    }
    let goods = w.add(Section::GoodsFound);
    w.set(Some(goods), Field::GoodsMaterial, pick(rng, MATERIALS));
    let kg = rng.random_range(1..20_000);
    w.set(Some(goods), Field::GoodsWeight, &format!("{kg} kg"));
    let hiding = w.add(Section::Concealments);
    w.set(
        Some(hiding),
        Field::ConcealmentMethod,
        pick(rng, CONCEALMENTS),
    );
    // Canonical: list order, each once.
    let (a, b) = (
        rng.random_range(0..DETECTIONS.len()),
        rng.random_range(0..DETECTIONS.len()),
    );
    let detection = if a == b {
        DETECTIONS[a].to_string()
    } else {
        format!("{} {}", DETECTIONS[a.min(b)], DETECTIONS[a.max(b)])
    };
    w.set(None, Field::DetectionMethods, &detection);
    if n % 5 != 0 {
        w.set(None, Field::OutcomeCode, pick(rng, OUTCOMES));
    }
    w.out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn time(mut run: impl FnMut(usize)) -> (Duration, Duration) {
    run(0); // warm: statement cache, pages
    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|i| {
            let t = Instant::now();
            run(i);
            t.elapsed()
        })
        .collect();
    samples.sort();
    (percentile(&samples, 0.5), percentile(&samples, 0.99))
}

/// Build `cases` cases in `store`: their events signed by synthetic devices (registered with the
/// store like any other device) on one thread, written to the log on this one, a batch per
/// transaction, then folded into the projection by `Store::rebuild_projection`, the store's own
/// fold. (`Store::ingest` does the same per batch and checks each event against the log first, but
/// slows down as the log grows: at 100,000 cases it took well over half an hour here.)
fn build(store: &mut Store, dir: &Path, cases: usize) {
    let start = Instant::now();
    let mut devices: Vec<Device> = (0..DEVICES).map(Device::new).collect();
    for d in &devices {
        store
            .add_device_key(d.id, d.key.verifying_key().to_bytes())
            .unwrap();
    }
    let (send, receive) = mpsc::sync_channel::<Vec<SignedEvent>>(4);
    let signer = std::thread::spawn(move || {
        let mut rng = StdRng::seed_from_u64(2026);
        let first = Utc
            .with_ymd_and_hms(2025, 3, 1, 6, 0, 0)
            .unwrap()
            .timestamp_millis() as u64;
        let span = 2 * 365 * 24 * 3600 * 1000u64;
        let mut batch = Vec::with_capacity(BATCH_EVENTS + 32);
        for n in 0..cases {
            // Cases in time order; each device's clock only moves forward.
            let opened = first + span * n as u64 / cases as u64;
            let device = &mut devices[n % DEVICES];
            batch.extend(case_events(&mut rng, device, opened, n));
            if batch.len() >= BATCH_EVENTS {
                send.send(std::mem::take(&mut batch)).unwrap();
            }
        }
        if !batch.is_empty() {
            send.send(batch).unwrap();
        }
    });
    // The log's columns, as the store writes them (log.rs, insert_event).
    let mut log = rusqlite::Connection::open(dir.join(quayside_store::DATABASE_FILE)).unwrap();
    log.busy_timeout(Duration::from_secs(5)).unwrap();
    let received_at = rfc3339(Utc::now().timestamp_millis() as u64);
    let mut events = 0;
    for batch in receive {
        let tx = log.transaction().unwrap();
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO events (id, case_id, device_id, device_seq, hlc, kind, body, signature,
                                         hash, received_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .unwrap();
            for event in &batch {
                let b = &event.body;
                insert
                    .execute(rusqlite::params![
                        b.id.to_string(),
                        b.case_id.to_string(),
                        b.device_id.to_string(),
                        b.device_seq as i64,
                        b.hlc.0 as i64,
                        b.payload.kind(),
                        event.bytes,
                        event.signature.as_slice(),
                        event.hash(),
                        received_at,
                    ])
                    .unwrap();
            }
        }
        tx.commit().unwrap();
        events += batch.len();
    }
    signer.join().unwrap();
    drop(log);
    let logged = start.elapsed();
    let start = Instant::now();
    assert_eq!(store.rebuild_projection().unwrap(), cases);
    let folded = start.elapsed();
    println!(
        "built {cases} cases: {events} events signed by {DEVICES} devices and logged in {:.1} s, \
         folded by rebuild_projection in {:.1} s",
        logged.as_secs_f64(),
        folded.as_secs_f64()
    );
    if cases <= 1_000 {
        let report = store.verify_log().unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}

/// The store in `dir` when it holds `cases` cases; otherwise one built in a folder beside it and
/// moved into place only once complete, so a build cut short leaves nothing half built behind.
fn open_or_build(dir: &Path, cases: usize) -> Store {
    let held = dir.join(quayside_store::DATABASE_FILE).exists();
    if held {
        let store = Store::open(dir).unwrap();
        if store.count_cases(&CaseFilter::default()).unwrap() == cases as u64 {
            return store;
        }
        assert_eq!(
            store.event_count().unwrap(),
            0,
            "{} holds another store: give QUAYSIDE_BENCH_DIR an empty folder",
            dir.display()
        );
    }
    let building = dir.with_extension("building");
    let _ = std::fs::remove_dir_all(&building);
    let mut store = Store::open(&building).unwrap();
    build(&mut store, &building, cases);
    drop(store);
    let _ = std::fs::remove_dir_all(dir);
    std::fs::rename(&building, dir).unwrap();
    Store::open(dir).unwrap()
}

fn main() {
    let cases: usize = std::env::var("QUAYSIDE_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    // QUAYSIDE_BENCH_DIR keeps the built store there and reuses it when it holds that many cases.
    let temp = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("QUAYSIDE_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| temp.path().to_path_buf());
    let store = open_or_build(&dir, cases);

    // Seal numbers of cases spread over the list, to search for.
    let seals: Vec<String> = (0..100)
        .filter_map(|i| {
            let page = CaseFilter {
                limit: Some(1),
                offset: (i * cases / 100) as u32,
                ..CaseFilter::default()
            };
            let summary = store.list_cases(&page).unwrap().pop()?;
            let (file, _) = store.case(summary.id).unwrap();
            let seal = file
                .live_items(Section::Seals)
                .next()?
                .value(Field::SealNumber)?
                .to_string();
            Some(seal)
        })
        .collect();

    let raw = rusqlite::Connection::open(dir.join(quayside_store::DATABASE_FILE)).unwrap();
    let baseline = time(|_| {
        let mut stmt = raw
            .prepare_cached("SELECT id FROM cases ORDER BY updated_at DESC LIMIT 50")
            .unwrap();
        let ids: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(ids.len(), 50.min(cases));
    });

    let page = CaseFilter {
        descending: true,
        limit: Some(50),
        ..CaseFilter::default()
    };
    let filtered = CaseFilter {
        port: Some("NLRTM".into()),
        material: Some("tungsten".into()),
        opened_from: Some("2025-09-01".into()),
        opened_to: Some("2026-02-28".into()),
        ..page.clone()
    };
    let by_weight = CaseFilter {
        sort: CaseSort::SeizedKg,
        ..page.clone()
    };
    let stats_filter = CaseFilter {
        limit: None,
        ..filtered.clone()
    };
    let mut rows = Vec::new();
    let mut row =
        |name: &str, figures: (Duration, Duration)| rows.push((name.to_string(), figures));
    row(
        "list: first page (50), default sort",
        time(|_| {
            assert_eq!(store.list_cases(&page).unwrap().len(), 50.min(cases));
        }),
    );
    row(
        "list: port + material + dates",
        time(|_| {
            store.list_cases(&filtered).unwrap();
        }),
    );
    row(
        "list: sorted by seized kg",
        time(|_| {
            store.list_cases(&by_weight).unwrap();
        }),
    );
    row(
        "list: full-text search, a seal",
        time(|i| {
            let found = store
                .list_cases(&CaseFilter {
                    search: Some(seals[i % seals.len()].clone()),
                    ..page.clone()
                })
                .unwrap();
            assert!(!found.is_empty());
        }),
    );
    row(
        "count_cases, unfiltered",
        time(|_| {
            store.count_cases(&CaseFilter::default()).unwrap();
        }),
    );
    row(
        "count_cases, port + material + dates",
        time(|_| {
            store.count_cases(&stats_filter).unwrap();
        }),
    );
    row(
        "statistics, unfiltered",
        time(|_| {
            store.statistics(&CaseFilter::default()).unwrap();
        }),
    );
    row(
        "statistics, port + material + dates",
        time(|_| {
            store.statistics(&stats_filter).unwrap();
        }),
    );

    // Encryption at rest: the same first page, and opening the store to it, on an encrypted copy
    // (SQLCipher, as the app opens it) against this plaintext store, in this process.
    drop(store);
    let key = quayside_keys::DataKey::from_bytes([7; 32]);
    let encrypted_dir = encrypted_copy(&dir, &key, cases);
    let open_plain = time_opens(|| {
        let store = Store::open(&dir).unwrap();
        assert_eq!(store.list_cases(&page).unwrap().len(), 50.min(cases));
    });
    let open_sealed = time_opens(|| {
        let store = Store::open_encrypted(&encrypted_dir, &key, Box::new(SystemClock)).unwrap();
        assert_eq!(store.list_cases(&page).unwrap().len(), 50.min(cases));
    });
    let store = Store::open(&dir).unwrap();
    let page_plain = time(|_| {
        store.list_cases(&page).unwrap();
    });
    drop(store);
    let sealed_store = Store::open_encrypted(&encrypted_dir, &key, Box::new(SystemClock)).unwrap();
    let page_sealed = time(|_| {
        sealed_store.list_cases(&page).unwrap();
    });
    drop(sealed_store);

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("encryption at rest, {cases} cases: encrypted against plaintext, same process");
    println!(
        "{:<40} {:>10} {:>10} {:>9}",
        "", "encrypted", "plaintext", "x median"
    );
    for (name, sealed, plain) in [
        ("list: first page (50), median", page_sealed.0, page_plain.0),
        (
            "open the store to its first page, median",
            open_sealed.0,
            open_plain.0,
        ),
    ] {
        println!(
            "{:<40} {:>7.3} ms {:>7.3} ms {:>8.2}x",
            name,
            ms(sealed),
            ms(plain),
            ms(sealed) / ms(plain)
        );
    }
    figure(
        "list: first page (50), encrypted, median",
        ms(page_sealed.0),
        "ms",
    );
    figure(
        "list: first page (50), plaintext, median",
        ms(page_plain.0),
        "ms",
    );
    figure(
        "open to first page, encrypted, median",
        ms(open_sealed.0),
        "ms",
    );
    figure(
        "open to first page, plaintext, median",
        ms(open_plain.0),
        "ms",
    );

    println!("{cases} cases, {RUNS} runs each; ratios against the raw query's median and p99");
    println!(
        "{:<40} {:>10} {:>10} {:>9} {:>9}",
        "", "median", "p99", "x median", "x p99"
    );
    println!(
        "{:<40} {:>7.3} ms {:>7.3} ms {:>9} {:>9}",
        "raw: SELECT id ... ORDER BY updated_at",
        ms(baseline.0),
        ms(baseline.1),
        "1.00x",
        "1.00x"
    );
    figure("raw query median", ms(baseline.0), "ms");
    for (name, (median, p99)) in rows {
        println!(
            "{:<40} {:>7.3} ms {:>7.3} ms {:>8.1}x {:>8.1}x",
            name,
            ms(median),
            ms(p99),
            ms(median) / ms(baseline.0),
            ms(p99) / ms(baseline.1)
        );
        figure(&format!("{name}, median"), ms(median), "ms");
        figure(&format!("{name}, p99"), ms(p99), "ms");
    }
}

/// An encrypted copy of the store in `dir`, beside it, made once (kept while it holds `cases`).
fn encrypted_copy(dir: &Path, key: &quayside_keys::DataKey, cases: usize) -> std::path::PathBuf {
    let copy = dir.with_extension("encrypted");
    if let Ok(store) = Store::open_encrypted(&copy, key, Box::new(SystemClock)) {
        if store.count_cases(&CaseFilter::default()).unwrap() == cases as u64 {
            return copy;
        }
    }
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).unwrap();
    for file in [
        quayside_store::DATABASE_FILE,
        quayside_store::DEVICE_KEY_FILE,
    ] {
        std::fs::copy(dir.join(file), copy.join(file)).unwrap();
    }
    let t = Instant::now();
    drop(Store::open_encrypted(&copy, key, Box::new(SystemClock)).unwrap());
    println!(
        "encrypted a copy of the {cases}-case store in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    copy
}

/// Median and p99 of opening a store and reading its first page, over a few opens.
fn time_opens(mut open: impl FnMut()) -> (Duration, Duration) {
    open();
    let mut samples: Vec<Duration> = (0..OPENS)
        .map(|_| {
            let t = Instant::now();
            open();
            t.elapsed()
        })
        .collect();
    samples.sort();
    (percentile(&samples, 0.5), percentile(&samples, 0.99))
}

const OPENS: usize = 15;

/// A `BENCH {json}` line for `bench/run`.
fn figure(name: &str, value: f64, unit: &str) {
    let line = serde_json::json!({ "group": "scale", "name": name, "value": value, "unit": unit });
    println!("BENCH {line}");
}
