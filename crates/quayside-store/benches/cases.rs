//! `cargo bench -p quayside-store --bench cases`: the case list, search, count and statistics over
//! many cases (`QUAYSIDE_BENCH_CASES`, default 100,000), against a raw SQLite query on the same file.
//!
//! The cases are real: signed events of a few synthetic devices registered with the store, written
//! to the log a batch per transaction (one fsync per batch, not per event), then folded into the
//! projection by `Store::rebuild_projection`, the store's own fold (see `build`). They spread over
//! ports, materials, concealments, detection methods, outcomes, two years of dates and route
//! countries, and every case has a seal number and a party to search for: a third of the parties
//! have Chinese names, a third Thai, a third Latin ones with accents.
//!
//! Each query runs 200 times; the figures are the median and the 99th percentile, and the ratio to
//! `SELECT id FROM cases ORDER BY updated_at DESC LIMIT 50` on a second connection to the same file.
//! The search indexes' size is measured with `dbstat`, beside the single unicode61 index search had
//! before the trigram index, built in the same run from the same text.
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

// Party names: a Chinese company is a city, a brand and a trade ("深圳华鑫贸易有限公司"); a Thai
// one a brand of two parts ("บริษัท สยามเทรดดิ้ง จำกัด"); a Latin name a first name and a surname.
const CN_CITIES: &[&str] = &[
    "深圳", "上海", "宁波", "青岛", "广州", "厦门", "天津", "东莞",
];
const CN_BRANDS: &[&str] = &[
    "华鑫", "恒通", "鼎盛", "金达", "远洋", "宏远", "永兴", "瑞丰", "海通", "新世", "嘉和", "中鑫",
];
const CN_TRADES: &[&str] = &["贸易", "进出口", "物流", "电子", "化工", "五金"];
const TH_BRANDS: &[(&str, &str)] = &[
    ("สยาม", "เทรดดิ้ง"),
    ("ไทย", "รุ่งเรือง"),
    ("กรุงเทพ", "ขนส่ง"),
    ("เจริญ", "พาณิชย์"),
    ("ศรี", "สวัสดิ์"),
    ("ชัย", "มงคล"),
    ("บูรพา", "อินเตอร์"),
    ("ทอง", "ไพศาล"),
];
const LATIN_FIRST: &[&str] = &[
    "José", "María", "Jürgen", "João", "Søren", "Anaïs", "Łukasz", "Inés", "Jan", "Chloé",
];
const LATIN_LAST: &[&str] = &[
    "Muñoz",
    "Peña",
    "Müller",
    "Gonçalves",
    "Ødegård",
    "Lefèvre",
    "Wiśniewski",
    "Ibáñez",
    "Jansen",
    "Núñez",
    "García",
    "Schröder",
];

/// A party's name in the script `n` falls to.
fn party_name(rng: &mut StdRng, n: usize) -> String {
    match n % 3 {
        0 => format!(
            "{}{}{}有限公司",
            pick(rng, CN_CITIES),
            pick(rng, CN_BRANDS),
            pick(rng, CN_TRADES)
        ),
        1 => {
            let (first, second) = TH_BRANDS[rng.random_range(0..TH_BRANDS.len())];
            format!("บริษัท {first}{second} จำกัด")
        }
        _ => format!("{} {}", pick(rng, LATIN_FIRST), pick(rng, LATIN_LAST)),
    }
}

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

/// One realistic case of `device`, opened at `opened` (ms since the epoch): 15 to 19 events.
fn case_events(
    rng: &mut StdRng,
    device: &mut Device,
    opened: u64,
    n: usize,
    large: bool,
) -> Vec<SignedEvent> {
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
    let party = w.add(Section::Parties);
    // Every 500th case names the one repeat offender: 200 cases at 100,000.
    let name = if n % REPEAT_EVERY == 0 {
        REPEAT_OFFENDER.to_string()
    } else {
        party_name(rng, n)
    };
    w.set(Some(party), Field::PartyName, &name);
    // Phones and vessels recur: one of 20,000 numbers, one of 2,000 ships.
    let phone = format!("+86 755 {:08}", rng.random_range(0..20_000u32));
    w.set(Some(party), Field::PartyPhone, &phone);
    w.set(None, Field::ImoNumber, &imo(rng.random_range(0..2_000u32)));
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
    if large {
        make_large(rng, &mut w);
    }
    w.out
}

/// The company every `REPEAT_EVERY`th case names.
const REPEAT_OFFENDER: &str = "Shenzhen Huaxin Trading Co., Ltd.";
const REPEAT_EVERY: usize = 500;

/// The `n`th vessel's IMO number, its check digit right: 9000000 and up.
fn imo(n: u32) -> String {
    let six = 900_000 + n;
    let digits: Vec<u32> = six
        .to_string()
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .collect();
    let check: u32 = digits
        .iter()
        .zip((2..=7).rev())
        .map(|(d, w)| d * w)
        .sum::<u32>()
        % 10;
    format!("{six}{check}")
}

/// The vessel of the one large case, to find it by: a seizure recorded in full detail.
const LARGE_VESSEL: &str = "MV LARGEFILE";
/// What the large case holds besides an ordinary case's entries.
const LARGE_GOODS: usize = 30;
const LARGE_PARTIES: usize = 20;
const LARGE_SEALS: usize = 40;
const LARGE_NOTE_EDITS: usize = 100;

/// The entries and edits that make a case large: goods lines each described and corrected,
/// parties, seals, and a note rewritten many times (about 500 events in all).
fn make_large(rng: &mut StdRng, w: &mut CaseWriter) {
    w.set(None, Field::VesselName, LARGE_VESSEL);
    for g in 0..LARGE_GOODS {
        let goods = w.add(Section::GoodsFound);
        w.set(Some(goods), Field::GoodsMaterial, pick(rng, MATERIALS));
        for kg in [100 + g, 120 + g] {
            w.set(Some(goods), Field::GoodsWeight, &format!("{kg} kg"));
        }
        w.set(
            Some(goods),
            Field::GoodsDescription,
            &format!("powder in ceramic tile cartons, pallet {g}"),
        );
    }
    for p in 0..LARGE_PARTIES {
        let party = w.add(Section::Parties);
        w.set(Some(party), Field::PartyName, &party_name(rng, p));
    }
    for s in 0..LARGE_SEALS {
        let seal = w.add(Section::Seals);
        w.set(
            Some(seal),
            Field::SealNumber,
            &format!("EU{:08}", 50_000_000 + s),
        );
    }
    for e in 0..LARGE_NOTE_EDITS {
        w.set(
            None,
            Field::CaseNotes,
            &format!("inspection notes, revision {e}"),
        );
    }
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
            batch.extend(case_events(&mut rng, device, opened, n, n == cases - 1));
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

/// Which cases `build` makes: a store built for another set is built again.
const DATA_SET: &str =
    "4: parties in three scripts with phones, vessels, a repeat offender, one large case";
const DATA_SET_SETTING: &str = "bench_data_set";

/// The store in `dir` when it holds `cases` cases of this `DATA_SET`; otherwise one built in a
/// folder beside it and moved into place only once complete, so a build cut short leaves nothing
/// half built behind. Only a store whose events all come from this benchmark's devices is replaced.
fn open_or_build(dir: &Path, cases: usize) -> Store {
    let held = dir.join(quayside_store::DATABASE_FILE).exists();
    if held {
        let store = Store::open(dir).unwrap();
        let current = store.setting(DATA_SET_SETTING).unwrap().as_deref() == Some(DATA_SET);
        if current && store.count_cases(&CaseFilter::default()).unwrap() == cases as u64 {
            return store;
        }
        let ours: Vec<String> = (0..DEVICES)
            .map(|n| Device::new(n).id.to_string())
            .collect();
        let others: i64 = rusqlite::Connection::open(dir.join(quayside_store::DATABASE_FILE))
            .unwrap()
            .query_row(
                &format!(
                    "SELECT count(*) FROM events WHERE device_id NOT IN ('{}')",
                    ours.join("', '")
                ),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            others,
            0,
            "{} holds another store: give QUAYSIDE_BENCH_DIR an empty folder",
            dir.display()
        );
    }
    let building = dir.with_extension("building");
    let _ = std::fs::remove_dir_all(&building);
    let mut store = Store::open(&building).unwrap();
    build(&mut store, &building, cases);
    store.set_setting(DATA_SET_SETTING, DATA_SET).unwrap();
    drop(store);
    // Beside the store, for bench/run: the app's encrypted copy is made again when this changes.
    std::fs::write(building.join("data-set"), DATA_SET).unwrap();
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

    // Seal and container numbers of cases spread over the list, to search for.
    let (seals, containers): (Vec<String>, Vec<String>) = (0..100)
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
            // As painted on the doors: owner code, serial, check digit ("MSCU 001234 5").
            let number = summary.container_number?;
            let painted = format!("{} {} {}", &number[..4], &number[4..10], &number[10..]);
            Some((seal, painted))
        })
        .unzip();
    // Fragments of the names a person might type, each found in some case: the Chinese brand
    // (2 characters, within the name), brand and trade (4 or 5), the Thai brand's second part
    // (within a word) and a surname without its accents.
    let found = |text: String| -> Option<String> {
        let filter = CaseFilter {
            search: Some(text.clone()),
            limit: Some(1),
            ..CaseFilter::default()
        };
        (!store.list_cases(&filter).unwrap().is_empty()).then_some(text)
    };
    let fragments = |texts: Vec<String>| -> Vec<String> {
        let kept: Vec<String> = texts.into_iter().filter_map(found).collect();
        assert!(!kept.is_empty(), "no case has any of these names");
        kept
    };
    let cjk_short = fragments(CN_BRANDS.iter().map(|b| b.to_string()).collect());
    let cjk_long = fragments(
        (CN_BRANDS.iter())
            .flat_map(|b| CN_TRADES.iter().map(move |t| format!("{b}{t}")))
            .collect(),
    );
    let thai = fragments(TH_BRANDS.iter().map(|(_, s)| s.to_string()).collect());
    let latin = fragments(
        [
            "munoz",
            "pena",
            "muller",
            "goncalves",
            "lefevre",
            "ibanez",
            "nunez",
            "garcia",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    );
    let searched = |text: &str| {
        store
            .count_cases(&CaseFilter {
                search: Some(text.into()),
                ..CaseFilter::default()
            })
            .unwrap()
    };
    let counts: Vec<String> = [&cjk_short, &cjk_long, &thai, &latin, &containers]
        .iter()
        .map(|texts| format!("'{}' {}", texts[0], searched(&texts[0])))
        .collect();
    println!(
        "cases found by the first of each search: {}",
        counts.join(", ")
    );

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
    let searches = [
        ("search, Chinese, 2 chars", &cjk_short),
        ("search, Chinese, 4-5 chars", &cjk_long),
        ("search, Thai fragment", &thai),
        ("search, Latin surname", &latin),
        ("search, container as painted", &containers),
    ];
    for (name, texts) in searches {
        row(
            &format!("list: {name}"),
            time(|i| {
                let found = store
                    .list_cases(&CaseFilter {
                        search: Some(texts[i % texts.len()].clone()),
                        ..page.clone()
                    })
                    .unwrap();
                assert!(!found.is_empty());
            }),
        );
    }
    // The list shows its total beside the page.
    for (name, texts) in searches {
        row(
            &format!("count_cases, {name}"),
            time(|i| {
                let search = Some(texts[i % texts.len()].clone());
                let filter = CaseFilter {
                    search,
                    ..CaseFilter::default()
                };
                assert!(store.count_cases(&filter).unwrap() > 0);
            }),
        );
    }
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

    // The case file's part "seen in other cases": every entity of a case and the cases naming
    // it, for cases over the list, and for one naming the repeat offender (200 cases).
    let spread: Vec<Uuid> = (0..100)
        .filter_map(|i| {
            let page = CaseFilter {
                limit: Some(1),
                offset: (i * cases / 100) as u32,
                ..CaseFilter::default()
            };
            Some(store.list_cases(&page).unwrap().pop()?.id)
        })
        .collect();
    let entities: i64 = raw
        .query_row("SELECT count(*) FROM case_entities", [], |r| r.get(0))
        .unwrap();
    println!("entity index: {entities} entities of {cases} cases");
    row(
        "entities of a case, and their cases",
        time(|i| {
            assert!(!store
                .case_entities(spread[i % spread.len()])
                .unwrap()
                .is_empty());
        }),
    );
    let offender = store
        .list_cases(&CaseFilter {
            search: Some("Huaxin Trading".into()),
            limit: Some(1),
            ..CaseFilter::default()
        })
        .unwrap()
        .pop()
        .expect("the repeat offender is found by name")
        .id;
    let seen = store.case_entities(offender).unwrap();
    let most = seen.iter().map(|e| e.case_count).max().unwrap_or(0);
    println!("the repeat offender's case: its company is in {most} other cases");
    row(
        "entities of the repeat offender's case",
        time(|_| {
            store.case_entities(offender).unwrap();
        }),
    );
    // The network around it: two shared entities deep, at most GRAPH_MAX_CASES cases.
    let graph = store
        .entity_graph(offender, &CaseFilter::default())
        .unwrap();
    println!(
        "the repeat offender's network: {} cases, {} entities, {} edges{}",
        graph.cases.len(),
        graph.entities.len(),
        graph.edges.len(),
        if graph.truncated {
            " (more not drawn)"
        } else {
            ""
        }
    );
    row(
        "network of the repeat offender's case",
        time(|_| {
            store
                .entity_graph(offender, &CaseFilter::default())
                .unwrap();
        }),
    );
    let far = graph.cases.last().map(|c| c.id).unwrap_or(offender);
    row(
        "shortest link to the network's farthest case",
        time(|_| {
            store.shortest_link(offender, far).unwrap();
        }),
    );

    // Opening a case file as the app does (the case with its flags, then its timeline): the one
    // large case against an ordinary one of the same store, the fair peer for what size costs.
    let large = store
        .list_cases(&CaseFilter {
            search: Some(LARGE_VESSEL.into()),
            limit: Some(1),
            ..CaseFilter::default()
        })
        .unwrap()
        .pop()
        .expect("the large case is found by its vessel")
        .id;
    let ordinary = store.list_cases(&page).unwrap()[0].id;
    let ordinary = if ordinary == large {
        store.list_cases(&page).unwrap()[1].id
    } else {
        ordinary
    };
    let open_case = |id| {
        let (file, _flags) = store.case(id).unwrap();
        (file.items.len(), store.timeline(id).unwrap().len())
    };
    let (large_items, large_events) = open_case(large);
    let (ordinary_items, ordinary_events) = open_case(ordinary);
    let opened_large = time(|_| {
        open_case(large);
    });
    let opened_ordinary = time(|_| {
        open_case(ordinary);
    });
    println!(
        "open a case file: large ({large_items} entries, {large_events} events) {:.2} ms, \
         ordinary ({ordinary_items} entries, {ordinary_events} events) {:.2} ms: {:.1}x for {:.0}x the events",
        opened_large.0.as_secs_f64() * 1000.0,
        opened_ordinary.0.as_secs_f64() * 1000.0,
        opened_large.0.as_secs_f64() / opened_ordinary.0.as_secs_f64(),
        large_events as f64 / ordinary_events as f64,
    );
    row("open a case file, the large one", opened_large);
    row("open a case file, an ordinary one", opened_ordinary);

    let sizes = index_sizes(&raw);

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
    sizes.print(cases);
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

/// Bytes of the search indexes (every page of their tables, by `dbstat`).
struct IndexSizes {
    /// As the store holds them, written case by case by the projection.
    store: (i64, i64),
    /// Built alike in a scratch file, each in one pass over the same text.
    alike: (i64, i64),
    previous: i64,
}

/// The FTS5 tables behind a full-text table named `name`.
fn shadow_tables(name: &str) -> String {
    ["data", "idx", "content", "docsize", "config"]
        .iter()
        .map(|t| format!("'{name}_{t}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sizes of the two search indexes, and of the one index search had before the trigram
/// index (unicode61 over the whole text). For a fair comparison all three are also built alike in
/// a scratch file from the store's text: the word index's text and the trigram index's values
/// together tokenise to the words the previous index held.
fn index_sizes(raw: &rusqlite::Connection) -> IndexSizes {
    let bytes = |schema: &str, name: &str| -> i64 {
        raw.query_row(
            &format!(
                "SELECT coalesce(sum(pgsize), 0) FROM dbstat('{schema}') WHERE name IN ({})",
                shadow_tables(name)
            ),
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let scratch = tempfile::tempdir().unwrap();
    let file = scratch.path().join("scratch.sqlite3");
    raw.execute("ATTACH DATABASE ?1 AS scratch", [file.to_string_lossy()])
        .unwrap();
    let start = Instant::now();
    raw.execute_batch(
        "CREATE VIRTUAL TABLE scratch.previous USING fts5(
             case_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');
         INSERT INTO scratch.previous (rowid, case_id, body)
             SELECT s.rowid, s.case_id, s.body || coalesce(char(10) || t.body, '')
             FROM main.case_search s LEFT JOIN main.case_search_trigram t ON t.rowid = s.rowid
             ORDER BY s.rowid;
         CREATE VIRTUAL TABLE scratch.words USING fts5(
             case_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');
         INSERT INTO scratch.words (rowid, case_id, body)
             SELECT rowid, case_id, body FROM main.case_search ORDER BY rowid;
         CREATE VIRTUAL TABLE scratch.trigrams USING fts5(body, tokenize = 'trigram');
         INSERT INTO scratch.trigrams (rowid, body)
             SELECT rowid, body FROM main.case_search_trigram ORDER BY rowid;",
    )
    .unwrap();
    println!(
        "built the indexes again in a scratch file for comparison in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let sizes = IndexSizes {
        store: (
            bytes("main", "case_search"),
            bytes("main", "case_search_trigram"),
        ),
        alike: (bytes("scratch", "words"), bytes("scratch", "trigrams")),
        previous: bytes("scratch", "previous"),
    };
    raw.execute("DETACH DATABASE scratch", []).unwrap();
    sizes
}

impl IndexSizes {
    fn print(&self, cases: usize) {
        let mb = |b: i64| format!("{:>7.1} MB", b as f64 / 1e6);
        let ((words, trigrams), (alike_words, alike_trigrams)) = (self.store, self.alike);
        println!("search indexes, {cases} cases (dbstat: every page of the FTS5 tables)");
        println!("{:<40} {:>10} {:>10}", "", "in store", "alike");
        for (name, held, alike) in [
            ("words (unicode61)", words, alike_words),
            ("spaceless scripts (trigram)", trigrams, alike_trigrams),
            ("both", words + trigrams, alike_words + alike_trigrams),
        ] {
            println!("{name:<40} {} {}", mb(held), mb(alike));
        }
        println!(
            "{:<40} {:>10} {} ({:.2}x of it)",
            "previous: unicode61 over all the text",
            "",
            mb(self.previous),
            (alike_words + alike_trigrams) as f64 / self.previous as f64
        );
        let alike = (alike_words + alike_trigrams) as f64;
        figure("search index size", alike, "B");
        figure(
            "search index size, trigram part",
            alike_trigrams as f64,
            "B",
        );
        figure("search index size, previous", self.previous as f64, "B");
        figure(
            "search index size, in the store",
            (words + trigrams) as f64,
            "B",
        );
    }
}

/// An encrypted copy of the store in `dir`, beside it, made once (kept while it holds `cases` of
/// this `DATA_SET`).
fn encrypted_copy(dir: &Path, key: &quayside_keys::DataKey, cases: usize) -> std::path::PathBuf {
    let copy = dir.with_extension("encrypted");
    if let Ok(store) = Store::open_encrypted(&copy, key, Box::new(SystemClock)) {
        let current = store.setting(DATA_SET_SETTING).unwrap().as_deref() == Some(DATA_SET);
        if current && store.count_cases(&CaseFilter::default()).unwrap() == cases as u64 {
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
