//! `cargo bench -p quayside-store`: the store against raw SQLite on the same disk, in one process.
//!
//! - durable edit: one field edit as the app makes it (signed event + projection, own transaction,
//!   WAL, synchronous=FULL) against a raw INSERT of a row of the same size with the same settings;
//! - rebuild: folding the whole log into a fresh projection against raw INSERTs of the same rows in
//!   one transaction.

use std::time::{Duration, Instant};

use quayside_domain::event::{Author, Payload, Role};
use quayside_domain::fields::{Field, Section};
use quayside_store::Store;
use rusqlite::params;
use uuid::Uuid;

const EDITS: usize = 300;
const CASES: usize = 200;
const EVENTS_PER_CASE: usize = 25;

fn author() -> Author {
    Author {
        name: "Bench Inspector".into(),
        role: Role::Inspector,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn summary(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    (percentile(&samples, 0.5), percentile(&samples, 0.99))
}

fn raw_connection(dir: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(dir.join("raw.sqlite3")).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.execute_batch(
        "CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, case_id TEXT, body BLOB);
         CREATE INDEX events_case ON events (case_id);",
    )
    .unwrap();
    conn
}

fn main() {
    let dir = tempfile::tempdir().unwrap();

    // Durable single edits.
    let mut store = Store::open(&dir.path().join("store")).unwrap();
    let case = store.open_case(&author(), "NLRTM").unwrap().id;
    let mut ours = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        let payload = Payload::FieldSet {
            item: None,
            field: Field::VesselName,
            value: Some(format!("VESSEL {i}")),
        };
        let t = Instant::now();
        store.append(&author(), case, payload).unwrap();
        ours.push(t.elapsed());
    }
    let body_len = store.case_events(case).unwrap().last().unwrap().bytes.len();
    let raw = raw_connection(dir.path());
    let body = vec![b'x'; body_len];
    let mut theirs = Vec::with_capacity(EDITS);
    for _ in 0..EDITS {
        let t = Instant::now();
        raw.execute(
            "INSERT INTO events (id, case_id, body) VALUES (?1, ?2, ?3)",
            params![Uuid::now_v7().to_string(), case.to_string(), body],
        )
        .unwrap();
        theirs.push(t.elapsed());
    }
    let (our_median, our_p99) = summary(ours);
    let (raw_median, raw_p99) = summary(theirs);

    // Rebuild of the projection from the log.
    let mut store = Store::open(&dir.path().join("rebuild")).unwrap();
    for c in 0..CASES {
        let case = store.open_case(&author(), "THLCH").unwrap().id;
        let goods = Uuid::now_v7();
        store
            .append(
                &author(),
                case,
                Payload::ItemAdded {
                    section: Section::GoodsFound,
                    item: goods,
                },
            )
            .unwrap();
        for e in 0..EVENTS_PER_CASE - 2 {
            let (item, field, value) = match e % 3 {
                0 => (Some(goods), Field::GoodsWeight, format!("{} kg", 100 + e)),
                1 => (Some(goods), Field::GoodsHsCode, "8101.94".to_string()),
                _ => (
                    None,
                    Field::DeclaredDescription,
                    format!("case {c} edit {e}"),
                ),
            };
            store
                .append(
                    &author(),
                    case,
                    Payload::FieldSet {
                        item,
                        field,
                        value: Some(value),
                    },
                )
                .unwrap();
        }
    }
    let events = store.event_count().unwrap() as usize;
    let t = Instant::now();
    store.rebuild_projection().unwrap();
    let rebuild = t.elapsed();

    let mut raw = raw_connection(&dir.path().join("rebuild"));
    let t = Instant::now();
    let tx = raw.transaction().unwrap();
    for _ in 0..events {
        tx.execute(
            "INSERT INTO events (id, case_id, body) VALUES (?1, ?2, ?3)",
            params![Uuid::now_v7().to_string(), Uuid::now_v7().to_string(), body],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    let raw_bulk = t.elapsed();

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let per_s = |n: usize, d: Duration| n as f64 / d.as_secs_f64();
    println!("quayside-store benchmark ({EDITS} durable edits; rebuild of {events} events in {CASES} cases)");
    println!(
        "{:<34} {:>12} {:>12} {:>8}",
        "", "quayside", "raw sqlite", "ratio"
    );
    println!(
        "{:<34} {:>9.3} ms {:>9.3} ms {:>7.2}x",
        "durable edit, median",
        ms(our_median),
        ms(raw_median),
        ms(our_median) / ms(raw_median)
    );
    println!(
        "{:<34} {:>9.3} ms {:>9.3} ms {:>7.2}x",
        "durable edit, p99",
        ms(our_p99),
        ms(raw_p99),
        ms(our_p99) / ms(raw_p99)
    );
    println!(
        "{:<34} {:>10.0}/s {:>10.0}/s {:>7.2}x",
        "rebuild vs bulk insert, events/s",
        per_s(events, rebuild),
        per_s(events, raw_bulk),
        per_s(events, rebuild) / per_s(events, raw_bulk)
    );
}
