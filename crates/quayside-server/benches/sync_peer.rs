//! The Quayside side of `bench/sync-peer.sh` (not a test): the data set of `bench/dataset.js`
//! replicated by the real client and the real server binary on loopback, through the same counting
//! proxy (`bench/counting-proxy.js`, needs node) that measures the PouchDB side, so both byte counts
//! follow one rule: every byte on the wire, headers included.
//!
//! Device A opens every case and makes its edits; device B (another inspector) first pulls the cases
//! it will edit concurrently, then both edit offline. Measured: B's sync and A's sync (push), then a
//! cold device C's sync (pull). C is checked (every event, every conflict, every value) before any
//! figure is printed. Prints `BENCH {json}` lines for the driver and one line for people.
//!
//! `BENCH_DATASET=FILE cargo bench -p quayside-server --bench sync_peer` (FILE from
//! `node bench/dataset.js`); `bench/sync-peer.sh` does all of it.

mod harness;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use harness::{admin, serve, PASSWORD};
use quayside_domain::event::{Author, Role};
use quayside_domain::fields::{parse_field, Field};
use quayside_domain::input::InputConventions;
use quayside_photos::Vault;
use quayside_store::Store;
use quayside_sync::{Answer, Failure, Http, Request, SyncReport, Transport};
use serde::Deserialize;
use uuid::Uuid;

const PORTS: &str = "NLRTM,BEANR,DEHAM";

#[derive(Deserialize)]
struct Dataset {
    concurrent: usize,
    cases: Vec<PlannedCase>,
}

#[derive(Deserialize)]
struct PlannedCase {
    port: String,
    edits: Vec<Edit>,
}

#[derive(Deserialize)]
struct Edit {
    field: Field,
    value: String,
    /// "A" or "B": the device that makes it.
    by: String,
}

impl PlannedCase {
    fn concurrent(&self) -> bool {
        self.edits.iter().any(|e| e.by == "B")
    }
}

fn main() {
    let path = std::env::var("BENCH_DATASET").expect(
        "BENCH_DATASET names the data set (node bench/dataset.js); bench/sync-peer.sh sets it",
    );
    let dataset: Dataset = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let cases = &dataset.cases;
    let now = chrono::Utc::now().naive_utc();
    for edit in cases.iter().flat_map(|c| &c.edits) {
        // Values as the app would store them, so the events have their real size.
        let canonical =
            parse_field(edit.field, &edit.value, now, InputConventions::STORED).unwrap();
        assert_eq!(canonical.as_deref(), Some(edit.value.as_str()));
    }

    let server_dir = tempfile::tempdir().unwrap();
    for user in ["ines", "ivan", "carla"] {
        let args = ["user", "add", user, "--role", "inspector", "--ports", PORTS];
        admin(server_dir.path(), &[], &args);
    }
    let (mut server, server_url) = serve(server_dir.path(), &[], &[]);
    let mut proxy = CountingProxy::start(server_url.trim_start_matches("http://"));
    let url = format!("http://{}", proxy.address);

    let exchanges = Exchanges::default();
    let a = Replica::signed_in(&url, "ines", "Ines Inspector", &exchanges);
    let b = Replica::signed_in(&url, "ivan", "Ivan Inspector", &exchanges);
    let c = Replica::signed_in(&url, "carla", "Carla Inspector", &exchanges);

    // Not measured: B receives the cases it will edit, as a second inspector's device would.
    let mut ids: Vec<Option<Uuid>> = vec![None; cases.len()];
    for (i, case) in cases.iter().enumerate() {
        if case.concurrent() {
            ids[i] = Some(a.open(&case.port));
        }
    }
    a.sync();
    assert_eq!(b.sync().pulled, dataset.concurrent);
    proxy.reset();
    exchanges.lock().unwrap().clear();

    // Offline on both devices.
    for (i, case) in cases.iter().enumerate() {
        let id = *ids[i].get_or_insert_with(|| a.open(&case.port));
        for edit in case.edits.iter().filter(|e| e.by == "A") {
            a.edit(id, edit);
        }
    }
    for (i, case) in cases.iter().enumerate() {
        for edit in case.edits.iter().filter(|e| e.by == "B") {
            b.edit(ids[i].unwrap(), edit);
        }
    }
    let events: usize = cases.iter().map(|c| 1 + c.edits.len()).sum();

    let started = Instant::now();
    let push_b = b.sync();
    let push_a = a.sync();
    let pushed = Instant::now();
    let pull = c.sync();
    let ended = Instant::now();
    let wire = proxy.count();

    assert_eq!(push_b.pushed, dataset.concurrent, "{push_b:?}");
    assert_eq!(push_a.pushed, events - dataset.concurrent * 2, "{push_a:?}");
    assert_eq!(push_a.quarantined + push_b.quarantined, 0);
    assert_eq!(pull.pulled, events, "{pull:?}");
    check(&c, cases, &ids, events);

    let total = (ended - started).as_secs_f64();
    let push = (pushed - started).as_secs_f64();
    let pull_time = (ended - pushed).as_secs_f64();
    let bodies: u64 = [&push_b, &push_a, &pull]
        .iter()
        .map(|r| r.bytes_sent + r.bytes_received)
        .sum();
    let figures = [
        ("quayside replicate", total, "s"),
        ("quayside push", push, "s"),
        ("quayside pull", pull_time, "s"),
        ("quayside wire bytes", (wire.up + wire.down) as f64, "B"),
        ("quayside wire bytes up", wire.up as f64, "B"),
        ("quayside wire bytes down", wire.down as f64, "B"),
        ("quayside body bytes", bodies as f64, "B"),
        ("quayside edits/s", events as f64 / total, "edits/s"),
    ];
    for (name, value, unit) in figures {
        let line = serde_json::json!({"group": "sync", "name": name, "value": value, "unit": unit});
        println!("BENCH {line}");
    }
    println!(
        "quayside: {} cases, {events} edits ({} concurrent) replicated in {total:.2} s (push \
         {push:.2} s, pull {pull_time:.2} s), {} bytes on the wire ({} up, {} down, {} connections; \
         {bodies} in bodies)",
        cases.len(),
        dataset.concurrent,
        wire.up + wire.down,
        wire.up,
        wire.down,
        wire.connections
    );
    // Where the bytes go, to see what a change to the protocol would save.
    for (route, e) in exchanges.lock().unwrap().iter() {
        println!(
            "  {route}: {} requests in {:.2} s, body bytes {} sent, {} received",
            e.requests, e.seconds, e.sent, e.received
        );
    }
    proxy.stop();
    let _ = server.kill();
    let _ = server.wait();
}

/// C holds every event, a conflict exactly where B edited, and the values of the planned edits.
fn check(c: &Replica, cases: &[PlannedCase], ids: &[Option<Uuid>], events: usize) {
    let store = c.store.lock().unwrap();
    assert_eq!(store.event_count().unwrap() as usize, events);
    for (case, id) in cases.iter().zip(ids) {
        let (file, _) = store.case(id.unwrap()).unwrap();
        assert_eq!(file.event_count as usize, 1 + case.edits.len());
        let b_edit = case.edits.iter().find(|e| e.by == "B");
        match b_edit {
            Some(edit) => {
                assert_eq!(file.conflicts.len(), 1, "{}", file.case_number);
                let conflict = &file.conflicts[0];
                assert_eq!(conflict.field, edit.field);
                let rivals: Vec<_> = conflict.values.iter().map(|r| r.value.clone()).collect();
                assert!(rivals.contains(&Some(edit.value.clone())), "{rivals:?}");
            }
            None => assert!(file.conflicts.is_empty(), "{}", file.case_number),
        }
        // Every other field ends at A's last value.
        let mut last: BTreeMap<Field, &str> = BTreeMap::new();
        for edit in &case.edits {
            if edit.by == "A" && Some(edit.field) != b_edit.map(|e| e.field) {
                last.insert(edit.field, &edit.value);
            }
        }
        for (field, value) in last {
            assert_eq!(file.fields[&field].value, value, "{}", file.case_number);
        }
    }
}

struct Replica {
    _dir: tempfile::TempDir,
    store: Mutex<Store>,
    vault: Vault,
    author: Author,
    exchanges: Exchanges,
}

impl Replica {
    fn signed_in(url: &str, user: &str, name: &str, exchanges: &Exchanges) -> Replica {
        let dir = tempfile::tempdir().unwrap();
        let replica = Replica {
            store: Mutex::new(Store::open(dir.path()).unwrap()),
            vault: Vault::open(dir.path(), quayside_testkit::fixtures::file_key()).unwrap(),
            _dir: dir,
            author: Author {
                name: name.into(),
                role: Role::Inspector,
            },
            exchanges: exchanges.clone(),
        };
        quayside_sync::sign_in(&replica.store, url, user, PASSWORD, name).unwrap();
        replica
    }

    fn open(&self, port: &str) -> Uuid {
        let mut store = self.store.lock().unwrap();
        store.open_case(&self.author, port).unwrap().id
    }

    fn edit(&self, case: Uuid, edit: &Edit) {
        let mut store = self.store.lock().unwrap();
        let value = Some(edit.value.clone());
        store
            .append_field_edit(&self.author, case, None, edit.field, value)
            .unwrap();
    }

    /// What `sync_once` does, over HTTP counted by route.
    fn sync(&self) -> SyncReport {
        let trust = quayside_sync::trust(&self.store.lock().unwrap()).unwrap();
        let transport = Arc::new(Tally {
            http: Http::new(&trust),
            exchanges: self.exchanges.clone(),
        });
        quayside_sync::sync_over(&self.store, &self.vault, transport, &mut |_| {}).unwrap()
    }
}

#[derive(Default, Debug)]
struct Exchange {
    requests: u64,
    sent: u64,
    received: u64,
    /// From sending the request to having read the answer.
    seconds: f64,
}

/// Requests, body bytes and time by method and path (query left out), over every replica's syncs.
type Exchanges = Arc<Mutex<BTreeMap<String, Exchange>>>;

/// HTTP, as the app syncs, counting each exchange under its route.
struct Tally {
    http: Http,
    exchanges: Exchanges,
}

impl Transport for Tally {
    fn exchange(&self, request: &Request<'_>) -> Result<Answer, Failure> {
        let started = Instant::now();
        let answer = self.http.exchange(request)?;
        let elapsed = started.elapsed().as_secs_f64();
        let path = request.path.split('?').next().unwrap_or_default();
        let method = format!("{:?}", request.method).to_uppercase();
        let route = format!("{method} {path}");
        let mut exchanges = self.exchanges.lock().unwrap();
        let entry = exchanges.entry(route).or_default();
        entry.requests += 1;
        entry.sent += request.body.len() as u64;
        entry.received += answer.body.len() as u64;
        entry.seconds += elapsed;
        Ok(answer)
    }
}

/// `bench/counting-proxy.js` in its own node process, driven over its stdin and stdout.
struct CountingProxy {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    address: String,
}

#[derive(Deserialize)]
struct WireCount {
    up: u64,
    down: u64,
    connections: u64,
}

impl CountingProxy {
    fn start(target: &str) -> CountingProxy {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/counting-proxy.js");
        let mut child = Command::new("node")
            .arg(script)
            .arg(target)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("node runs bench/counting-proxy.js");
        let input = child.stdin.take().unwrap();
        let mut proxy = CountingProxy {
            output: BufReader::new(child.stdout.take().unwrap()),
            child,
            input,
            address: String::new(),
        };
        let line = proxy.line();
        proxy.address = line.strip_prefix("listening on ").unwrap().to_string();
        proxy
    }

    fn line(&mut self) -> String {
        let mut line = String::new();
        self.output.read_line(&mut line).unwrap();
        line.trim().to_string()
    }

    fn ask(&mut self, command: &str) -> String {
        writeln!(self.input, "{command}").unwrap();
        self.line()
    }

    fn reset(&mut self) {
        assert_eq!(self.ask("reset"), "reset");
    }

    fn count(&mut self) -> WireCount {
        serde_json::from_str(&self.ask("count")).unwrap()
    }

    fn stop(mut self) {
        drop(self.input);
        let _ = self.child.wait();
    }
}
