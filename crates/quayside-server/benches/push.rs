//! Push benchmark (not a test): 50 devices push at once, each its own chain in batches, against
//! the server on SQLite, on PostgreSQL with one process, and on PostgreSQL with two processes
//! sharing the database (devices split between them). Prints events/s and push latency (median,
//! 99th percentile) per setup, and each setup's throughput as a ratio to SQLite's, in one run.
//!
//! `scripts/bench` starts a throwaway PostgreSQL; by hand, set `QUAYSIDE_TEST_DATABASE_URL`
//! (e.g. postgres://postgres@127.0.0.1:55432/postgres). Without it only SQLite runs.

mod harness;

use std::process::Child;
use std::time::{Duration, Instant};

use base64::Engine;
use ed25519_dalek::Signer;
use quayside_domain::event::{Author, Role, SignedEvent};
use quayside_domain::fields::Field;
use quayside_protocol::{enrollment_message, PushRequest, PushResponse, WireEvent};
use quayside_store::Store;

use harness::{admin, serve, PASSWORD};
use quayside_server::test_support::database::fresh_database_blocking;

const DEVICES: usize = 50;
const EVENTS_PER_DEVICE: usize = 200;
const BATCH: usize = 20;

struct Result {
    label: String,
    events_per_s: f64,
    median: Duration,
    p99: Duration,
}

fn main() {
    let devices = prepare();
    let mut results = vec![run("SQLite, 1 process", None, 1, &devices)];
    match std::env::var("QUAYSIDE_TEST_DATABASE_URL") {
        Ok(base) => {
            results.push(run(
                "PostgreSQL, 1 process",
                Some(fresh_database_blocking(&base, "quayside_bench")),
                1,
                &devices,
            ));
            results.push(run(
                "PostgreSQL, 2 processes",
                Some(fresh_database_blocking(&base, "quayside_bench")),
                2,
                &devices,
            ));
        }
        Err(_) => {
            println!("PostgreSQL: skipped (set QUAYSIDE_TEST_DATABASE_URL, or use scripts/bench)")
        }
    }
    println!();
    println!("{DEVICES} devices at once, {EVENTS_PER_DEVICE} events each in pushes of {BATCH}:");
    println!(
        "{:<26} {:>10} {:>9} {:>12} {:>12}",
        "", "events/s", "ratio", "median ms", "p99 ms"
    );
    let baseline = results[0].events_per_s;
    for r in &results {
        println!(
            "{:<26} {:>10.0} {:>9.2} {:>12.1} {:>12.1}",
            r.label,
            r.events_per_s,
            r.events_per_s / baseline,
            r.median.as_secs_f64() * 1000.0,
            r.p99.as_secs_f64() * 1000.0
        );
    }
}

/// Each device's store, signed events, and its enrollment proof, made once for every setup.
struct Prepared {
    _dir: tempfile::TempDir,
    id: uuid::Uuid,
    public_key: String,
    proof: String,
    batches: Vec<Vec<u8>>,
}

fn prepare() -> Vec<Prepared> {
    let started = Instant::now();
    let author = Author {
        name: "bench".into(),
        role: Role::Inspector,
    };
    let prepared: Vec<Prepared> = (0..DEVICES)
        .map(|_| {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(dir.path()).unwrap();
            let case = store.open_case(&author, "NLRTM").unwrap().id;
            for i in 1..EVENTS_PER_DEVICE {
                store
                    .append_field_edit(
                        &author,
                        case,
                        None,
                        Field::CaseNotes,
                        Some(format!("note {i}")),
                    )
                    .unwrap();
            }
            let events: Vec<SignedEvent> = store.outgoing(0, EVENTS_PER_DEVICE).unwrap();
            let batches = events
                .chunks(BATCH)
                .map(|chunk| {
                    let events = chunk
                        .iter()
                        .map(|e| WireEvent::new(&e.bytes, &e.signature).unwrap())
                        .collect();
                    serde_json::to_vec(&PushRequest { events }).unwrap()
                })
                .collect();
            let device = store.device();
            Prepared {
                id: device.id,
                public_key: hex::encode(device.key.verifying_key().to_bytes()),
                proof: base64::engine::general_purpose::STANDARD.encode(
                    device
                        .key
                        .sign(&enrollment_message("bench", device.id))
                        .to_bytes(),
                ),
                batches,
                _dir: dir,
            }
        })
        .collect();
    println!(
        "prepared {DEVICES} devices x {EVENTS_PER_DEVICE} signed events in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    prepared
}

fn run(label: &str, database: Option<String>, processes: usize, devices: &[Prepared]) -> Result {
    let data = tempfile::tempdir().unwrap();
    let backend: Vec<String> = database
        .map(|url| vec!["--database".to_string(), url])
        .unwrap_or_default();
    admin(
        data.path(),
        &backend,
        &[
            "user",
            "add",
            "bench",
            "--role",
            "inspector",
            "--ports",
            "NLRTM",
        ],
    );
    let servers: Vec<(Child, String)> = (0..processes)
        .map(|_| serve(data.path(), &backend, &[]))
        .collect();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let tokens: Vec<String> = devices
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let url = &servers[i % processes].1;
            let body = serde_json::json!({
                "username": "bench", "password": PASSWORD, "device_id": d.id,
                "public_key": d.public_key, "device_name": format!("bench {i}"), "proof": d.proof,
            });
            let mut reply = agent
                .post(format!("{url}/v1/devices"))
                .send_json(&body)
                .unwrap();
            let json: serde_json::Value = reply.body_mut().read_json().unwrap();
            json["token"].as_str().expect("enrolled").to_string()
        })
        .collect();

    let started = Instant::now();
    let mut latencies: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = devices
            .iter()
            .zip(&tokens)
            .enumerate()
            .map(|(i, (device, token))| {
                let (url, agent) = (&servers[i % processes].1, &agent);
                scope.spawn(move || {
                    let mut times = Vec::new();
                    for batch in &device.batches {
                        let t = Instant::now();
                        let mut reply = agent
                            .post(format!("{url}/v1/events"))
                            .header("authorization", &format!("Bearer {token}"))
                            .content_type("application/json")
                            .send(&batch[..])
                            .unwrap();
                        let response: PushResponse = reply.body_mut().read_json().unwrap();
                        times.push(t.elapsed());
                        assert_eq!(response.accepted, BATCH, "{response:?}");
                    }
                    times
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let elapsed = started.elapsed();
    for (mut child, _) in servers {
        let _ = child.kill();
        let _ = child.wait();
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    Result {
        label: label.to_string(),
        events_per_s: (DEVICES * EVENTS_PER_DEVICE) as f64 / elapsed.as_secs_f64(),
        median: at(0.5),
        p99: at(0.99),
    }
}
