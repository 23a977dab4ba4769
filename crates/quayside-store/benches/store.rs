//! `cargo bench -p quayside-store --bench store`: the store against raw SQLite on the same disk,
//! in one process.
//!
//! - durable edit: one field edit as the app makes it (signed event + projection, its own
//!   transaction, WAL, synchronous=FULL) against a raw INSERT of an event row of the same size with
//!   the same settings;
//! - ingest: another device's events taken in as a pull does (`Store::ingest`: signature, chain and
//!   dependency checks, the log and the projection) in one transaction, against raw INSERTs of the
//!   same rows into a table with the same schema and indexes, in one transaction; the signature
//!   checks alone are timed too, since they are most of the difference;
//! - rebuild: folding the whole log into a fresh projection.
//!
//! `BENCH_TINY=1` runs a few cases only (the test suite's check that this still works). Prints a
//! table, and `BENCH {json}` lines for `bench/run`.

use std::time::{Duration, Instant};

use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use quayside_domain::event::{Author, Payload, Role, SignedEvent};
use quayside_domain::fields::{Field, Section};
use quayside_store::{CaseFilter, Store};
use rusqlite::params;
use uuid::Uuid;

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

fn figure(name: &str, value: f64, unit: &str) {
    let line =
        serde_json::json!({ "group": "local writes", "name": name, "value": value, "unit": unit });
    println!("BENCH {line}");
}

fn raw_connection(path: &std::path::Path, schema: &[String]) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    for sql in schema {
        conn.execute_batch(sql).unwrap();
    }
    conn
}

/// The `events` table and its indexes exactly as the store made them.
fn events_schema(store_dir: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(store_dir.join(quayside_store::DATABASE_FILE)).unwrap();
    let mut stmt = conn
        .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC")
        .unwrap();
    let schema: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(schema[0].starts_with("CREATE TABLE"), "{schema:?}");
    schema
}

const INSERT_EVENT: &str = "INSERT INTO events (id, case_id, device_id, device_seq, hlc, kind, body, signature, hash, received_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

fn insert_raw(tx: &rusqlite::Transaction, event: &SignedEvent, device_seq: i64) {
    let b = &event.body;
    tx.prepare_cached(INSERT_EVENT)
        .unwrap()
        .execute(params![
            b.id.to_string(),
            b.case_id.to_string(),
            b.device_id.to_string(),
            device_seq,
            b.hlc.0 as i64,
            b.payload.kind(),
            event.bytes,
            event.signature.as_slice(),
            event.hash(),
            "2026-12-01T00:00:00.000Z",
        ])
        .unwrap();
}

/// `cases` cases of 25 events each (opened, goods added, 23 field edits), as one device writes them.
fn write_cases(store: &mut Store, cases: usize) {
    for c in 0..cases {
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
        for e in 0..23 {
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
}

fn main() {
    let tiny = std::env::var_os("BENCH_TINY").is_some();
    let (edits, cases) = if tiny { (20, 8) } else { (300, 1000) };
    let dir = tempfile::tempdir().unwrap();

    // Durable single edits.
    let mut store = Store::open(&dir.path().join("store")).unwrap();
    let case = store.open_case(&author(), "NLRTM").unwrap().id;
    let mut ours = Vec::with_capacity(edits);
    for i in 0..edits {
        let payload = Payload::FieldSet {
            item: None,
            field: Field::VesselName,
            value: Some(format!("VESSEL {i}")),
        };
        let t = Instant::now();
        store.append(&author(), case, payload).unwrap();
        ours.push(t.elapsed());
    }
    // The same edits on an encrypted store (SQLCipher, as the app opens it).
    let key = quayside_keys::DataKey::from_bytes([7; 32]);
    let mut encrypted = Store::open_encrypted(
        &dir.path().join("encrypted"),
        &key,
        Box::new(quayside_store::SystemClock),
    )
    .unwrap();
    let encrypted_case = encrypted.open_case(&author(), "NLRTM").unwrap().id;
    let mut sealed = Vec::with_capacity(edits);
    for i in 0..edits {
        let payload = Payload::FieldSet {
            item: None,
            field: Field::VesselName,
            value: Some(format!("VESSEL {i}")),
        };
        let t = Instant::now();
        encrypted
            .append(&author(), encrypted_case, payload)
            .unwrap();
        sealed.push(t.elapsed());
    }
    drop(encrypted);
    let (sealed_median, sealed_p99) = summary(sealed);
    let last = store.export_events().unwrap().pop().unwrap();
    let schema = events_schema(&dir.path().join("store"));
    let raw = raw_connection(&dir.path().join("raw-edits.sqlite3"), &schema);
    let mut theirs = Vec::with_capacity(edits);
    for i in 0..edits {
        let mut row = last.clone();
        row.body.id = Uuid::now_v7();
        let t = Instant::now();
        let tx = raw.unchecked_transaction().unwrap();
        insert_raw(&tx, &row, i as i64 + 1);
        tx.commit().unwrap();
        theirs.push(t.elapsed());
    }
    let (our_median, our_p99) = summary(ours);
    let (raw_median, raw_p99) = summary(theirs);

    // Another device's events, taken in as a pull takes them.
    let mut source = Store::open(&dir.path().join("source")).unwrap();
    write_cases(&mut source, cases);
    let events = source.export_events().unwrap();
    let key = source.device().key.verifying_key();
    let pairs: Vec<(Vec<u8>, [u8; 64])> = events
        .iter()
        .map(|e| (e.bytes.clone(), e.signature))
        .collect();
    let mut sink = Store::open(&dir.path().join("sink")).unwrap();
    sink.add_device_key(source.device().id, key.to_bytes())
        .unwrap();
    let t = Instant::now();
    let report = sink.ingest(&pairs).unwrap();
    let ingest = t.elapsed();
    assert_eq!(report.inserted, events.len(), "every event is taken in");
    assert_eq!(
        sink.count_cases(&CaseFilter::default()).unwrap(),
        cases as u64,
        "the projection holds every case"
    );

    let mut raw = raw_connection(&dir.path().join("raw-ingest.sqlite3"), &schema);
    let t = Instant::now();
    let tx = raw.transaction().unwrap();
    for event in &events {
        insert_raw(&tx, event, event.body.device_seq as i64);
    }
    tx.commit().unwrap();
    let raw_bulk = t.elapsed();

    // The ed25519 checks alone: no decoding, the key parsed once.
    let key = VerifyingKey::from_bytes(&key.to_bytes()).unwrap();
    let t = Instant::now();
    for (bytes, signature) in &pairs {
        key.verify(bytes, &Signature::from_bytes(signature))
            .unwrap();
    }
    let verify = t.elapsed();
    // The same checks as ingest makes them: in one batch under ZIP-215 (one thread here too).
    let key_bytes = key.to_bytes();
    let batch: Vec<quayside_domain::signatures::Signed> = pairs
        .iter()
        .map(|(bytes, signature)| quayside_domain::signatures::Signed {
            message: bytes,
            signature,
            key: &key_bytes,
        })
        .collect();
    let t = Instant::now();
    let all = quayside_domain::signatures::verify_all(&batch, rand_core_06::OsRng);
    let verify_batch = t.elapsed();
    assert!(all.iter().all(|ok| *ok));

    let t = Instant::now();
    sink.rebuild_projection().unwrap();
    let rebuild = t.elapsed();

    let n = events.len();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let per_s = |d: Duration| n as f64 / d.as_secs_f64();
    println!(
        "quayside-store benchmark ({edits} durable edits; {n} events of {cases} cases ingested)"
    );
    println!(
        "{:<40} {:>12} {:>12} {:>8}",
        "", "quayside", "raw sqlite", "ratio"
    );
    println!(
        "{:<40} {:>9.3} ms {:>9.3} ms {:>7.2}x",
        "durable edit, median",
        ms(our_median),
        ms(raw_median),
        ms(our_median) / ms(raw_median)
    );
    println!(
        "{:<40} {:>9.3} ms {:>9.3} ms {:>7.2}x",
        "durable edit, p99",
        ms(our_p99),
        ms(raw_p99),
        ms(our_p99) / ms(raw_p99)
    );
    println!(
        "{:<40} {:>9.3} ms {:>9.3} ms {:>7.2}x  (against quayside, plaintext)",
        "durable edit, encrypted, median",
        ms(sealed_median),
        ms(our_median),
        ms(sealed_median) / ms(our_median)
    );
    println!(
        "{:<40} {:>9.3} ms {:>9.3} ms {:>7.2}x  (against quayside, plaintext)",
        "durable edit, encrypted, p99",
        ms(sealed_p99),
        ms(our_p99),
        ms(sealed_p99) / ms(our_p99)
    );
    println!(
        "{:<40} {:>10.0}/s {:>10.0}/s {:>7.2}x",
        "ingest vs raw inserts, events/s",
        per_s(ingest),
        per_s(raw_bulk),
        per_s(ingest) / per_s(raw_bulk)
    );
    println!(
        "{:<40} {:>10.0}/s  (of ingest's time: {:.0}%)",
        "  signature checks alone, events/s",
        per_s(verify),
        100.0 * verify.as_secs_f64() / ingest.as_secs_f64()
    );
    println!(
        "{:<40} {:>10.0}/s  ({:.2}x one by one)",
        "  in one batch, events/s",
        per_s(verify_batch),
        verify.as_secs_f64() / verify_batch.as_secs_f64()
    );
    println!(
        "{:<40} {:>10.0}/s",
        "rebuild of the projection, events/s",
        per_s(rebuild)
    );

    figure("durable edit median", ms(our_median), "ms");
    figure("durable edit p99", ms(our_p99), "ms");
    figure("raw insert median", ms(raw_median), "ms");
    figure("durable edit median, encrypted", ms(sealed_median), "ms");
    figure("durable edit p99, encrypted", ms(sealed_p99), "ms");
    figure("raw insert p99", ms(raw_p99), "ms");
    figure("ingest", per_s(ingest), "/s");
    figure("raw bulk insert", per_s(raw_bulk), "/s");
    figure(
        "ingest / raw bulk insert",
        per_s(ingest) / per_s(raw_bulk),
        "x",
    );
    figure("signature checks alone", per_s(verify), "/s");
    figure("signature checks in one batch", per_s(verify_batch), "/s");
    figure("rebuild", per_s(rebuild), "/s");
}
