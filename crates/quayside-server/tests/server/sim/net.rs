//! The network of the simulation: the server's real router called in this process (no socket, so
//! a run is one thread and repeats exactly), and a transport per device that loses, repeats or
//! cuts requests when the seed says so.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Body;
use axum::Router;
use rand::rngs::StdRng;
use rand::Rng;
use tower::ServiceExt;
use uuid::Uuid;

use quayside_protocol::PushResponse;
use quayside_server::blobs::DirBlobStore;
use quayside_server::server_key::ServerKey;
use quayside_server::storage::{LogPlace, ServerStore};
use quayside_server::{audit, open_backend, router_over, AppState};
use quayside_sync::{Answer, Failure, Method, Request, Transport};

use super::device::Peer;

/// The sync server over a data folder (and a PostgreSQL database when the tests run on one),
/// restartable: a restart drops everything the process held in memory (the log's Merkle tree,
/// open connections) and opens the backend again.
pub struct SimServer {
    dir: PathBuf,
    database: Option<String>,
    runtime: tokio::runtime::Runtime,
    backend: Option<(Arc<dyn ServerStore>, Arc<DirBlobStore>)>,
    router: Option<Router>,
}

impl SimServer {
    pub fn open(dir: &Path, database: Option<String>) -> SimServer {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let mut server = SimServer {
            dir: dir.to_path_buf(),
            database,
            runtime,
            backend: None,
            router: None,
        };
        server.start();
        server
    }

    fn start(&mut self) {
        let (store, blobs) = self
            .runtime
            .block_on(open_backend(self.database.as_deref(), &self.dir))
            .unwrap();
        let blobs = Arc::new(blobs);
        let key = ServerKey::load_or_create(&self.dir).unwrap();
        let state = AppState::new(store.clone(), blobs.clone(), Arc::new(key));
        self.router = Some(router_over(state));
        self.backend = Some((store, blobs));
    }

    pub fn restart(&mut self) {
        self.router = None;
        self.backend = None;
        self.start();
    }

    fn store(&self) -> &dyn ServerStore {
        &*self.backend.as_ref().expect("running").0
    }

    /// The server's log: event id → (device, sequence, hash).
    pub fn events(&self) -> HashMap<Uuid, (Uuid, u64, String)> {
        let mut events = HashMap::new();
        let mut after = LogPlace { xid: 0, seq: 0 };
        loop {
            let page = self
                .runtime
                .block_on(self.store().log_events(after, 1000))
                .unwrap();
            let Some(last) = page.last() else {
                return events;
            };
            after = last.place;
            for event in page {
                let previous = events.insert(
                    event.id.parse().unwrap(),
                    (
                        event.device_id.parse().unwrap(),
                        event.device_seq,
                        event.hash,
                    ),
                );
                assert!(
                    previous.is_none(),
                    "event {} twice in the server's log",
                    event.id
                );
            }
        }
    }

    /// Events the server set aside.
    pub fn quarantined(&self) -> usize {
        self.runtime
            .block_on(self.store().quarantine())
            .unwrap()
            .len()
    }

    /// The server's own audit of its log and photos (`quayside-server verify`).
    pub fn audit(&self) -> audit::Report {
        let (store, blobs) = self.backend.as_ref().expect("running");
        self.runtime
            .block_on(audit::verify(&**store, &**blobs))
            .expect("the audit runs")
    }

    /// One request through the router. `cut_after`: the body breaks off after that many bytes,
    /// as when the connection drops mid-upload.
    fn call(&self, request: &Request<'_>, cut_after: Option<usize>) -> Answer {
        let method = match request.method {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
        };
        let mut builder = axum::http::Request::builder()
            .method(method)
            .uri(request.path)
            .header("authorization", format!("Bearer {}", request.token))
            .header("content-length", request.body.len());
        if let Some(content_type) = request.content_type {
            builder = builder.header("content-type", content_type);
        }
        if let Some(encoding) = request.content_encoding {
            builder = builder.header("content-encoding", encoding);
        }
        let body = match cut_after {
            Some(n) => cut_body(request.body[..n].to_vec()),
            None => Body::from(request.body.to_vec()),
        };
        let http = builder.body(body).unwrap();
        let router = self.router.clone().expect("the server is running");
        self.runtime.block_on(async move {
            let response = router.oneshot(http).await.unwrap();
            let status = response.status().as_u16();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            Answer {
                status,
                body: body.to_vec(),
            }
        })
    }
}

/// A body that yields `prefix` and then fails, as a connection cut mid-request.
fn cut_body(prefix: Vec<u8>) -> Body {
    use tokio::io::AsyncReadExt;
    let reader = std::io::Cursor::new(prefix).chain(Broken);
    Body::from_stream(tokio_util::io::ReaderStream::new(reader))
}

struct Broken;

impl tokio::io::AsyncRead for Broken {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        _: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Err(std::io::ErrorKind::ConnectionReset.into()))
    }
}

/// What the network does to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Never reaches the server.
    RequestLost,
    /// The server handles it; the answer never arrives.
    ResponseLost,
    /// Sent twice (a retrying proxy); the client sees the second answer.
    Duplicated,
    /// The connection drops after part of the body.
    CutMidBody,
    /// The server handles it, then restarts before answering.
    RestartBeforeAnswer,
    /// The server handles it, then the device crashes before reading the answer.
    DeviceCrash,
}

const FAULTS: [Fault; 6] = [
    Fault::RequestLost,
    Fault::ResponseLost,
    Fault::Duplicated,
    Fault::CutMidBody,
    Fault::RestartBeforeAnswer,
    Fault::DeviceCrash,
];

/// What every device's transport shares: the server, the seed's random numbers (one stream, drawn
/// in program order on one thread, so a seed replays exactly), and what the run observed.
pub struct Net {
    pub server: Mutex<SimServer>,
    pub rng: Mutex<StdRng>,
    /// Chance that a request meets a fault; 0 while the world heals.
    pub fault_rate: Mutex<f64>,
    /// Per device, the highest sequence the server acknowledged in an answer the device read.
    pub acked: Mutex<HashMap<Uuid, u64>>,
    /// Devices that crashed during the request in flight: restarted when their sync returns.
    pub crashed: Mutex<Vec<usize>>,
    pub trace: Mutex<Vec<String>>,
    /// Print each line of the trace as it happens (one seed replayed: a panic shows what led to it).
    pub echo: std::sync::atomic::AtomicBool,
    pub requests: Mutex<u64>,
    pub faults: Mutex<HashMap<&'static str, u64>>,
    /// The running devices, for what happens between two requests of a sync.
    pub peers: Mutex<BTreeMap<usize, Peer>>,
    /// The devices whose syncs are in progress, outermost first.
    pub syncing: Mutex<Vec<usize>>,
    /// Devices whose token a sign-in replaced on the server while its answer was lost: their
    /// syncs are refused until the person signs in again.
    pub token_lost: Mutex<std::collections::BTreeSet<usize>>,
    /// Every case opened so far.
    pub cases: Mutex<Vec<Uuid>>,
    /// Chance, at each request of a sync, that something else happens first.
    pub interleave_rate: Mutex<f64>,
    pub interleavings: Mutex<u64>,
}

impl Net {
    pub fn new(server: SimServer, rng: StdRng, fault_rate: f64, interleave_rate: f64) -> Net {
        Net {
            peers: Mutex::default(),
            syncing: Mutex::default(),
            token_lost: Mutex::default(),
            cases: Mutex::default(),
            interleave_rate: Mutex::new(interleave_rate),
            interleavings: Mutex::default(),
            server: Mutex::new(server),
            rng: Mutex::new(rng),
            fault_rate: Mutex::new(fault_rate),
            acked: Mutex::default(),
            crashed: Mutex::default(),
            trace: Mutex::default(),
            echo: Default::default(),
            requests: Mutex::default(),
            faults: Mutex::default(),
        }
    }

    pub fn rng(&self) -> MutexGuard<'_, StdRng> {
        self.rng.lock().unwrap()
    }

    pub fn note(&self, line: String) {
        if self.echo.load(std::sync::atomic::Ordering::Relaxed) {
            eprintln!("{line}");
        }
        self.trace.lock().unwrap().push(line);
    }

    /// Between two requests of a sync: this device's person edits a case, or (outside any nested
    /// sync) another device runs a whole sync, so requests of several devices interleave.
    fn interleave(&self, device: usize) {
        let rate = *self.interleave_rate.lock().unwrap();
        if rate <= 0.0 || !self.rng().random_bool(rate) {
            return;
        }
        let nested = self.syncing.lock().unwrap().len() > 1;
        let others: Vec<usize> = self
            .peers
            .lock()
            .unwrap()
            .keys()
            .copied()
            .filter(|d| *d != device && !self.token_lost.lock().unwrap().contains(d))
            .collect();
        if nested || others.is_empty() || self.rng().random_bool(0.5) {
            let peer = self.peers.lock().unwrap()[&device].clone();
            let known: Vec<Uuid> = {
                let store = peer.store.lock().unwrap();
                let cases = self.cases.lock().unwrap();
                cases
                    .iter()
                    .copied()
                    .filter(|c| store.case(*c).is_ok())
                    .collect()
            };
            if known.is_empty() {
                return;
            }
            let case = known[self.rng().random_range(0..known.len())];
            let note = format!("mid-sync note {}", self.rng().random_range(0..1000));
            self.note(format!(
                "  d{device} edits case notes while syncing: {note}"
            ));
            let mut store = peer.store.lock().unwrap();
            store
                .set_change_reason(case, Some("checked again on the quay"))
                .unwrap();
            store
                .append_field_edit(
                    &peer.author,
                    case,
                    None,
                    quayside_domain::fields::Field::CaseNotes,
                    Some(note),
                )
                .unwrap();
        } else {
            let other = others[self.rng().random_range(0..others.len())];
            let peer = self.peers.lock().unwrap()[&other].clone();
            self.note(format!(
                "  d{other} syncs in the middle of d{device}'s sync"
            ));
            self.syncing.lock().unwrap().push(other);
            let result = quayside_sync::sync_over(&peer.store, &peer.vault, peer.link, &mut |_| {});
            self.syncing.lock().unwrap().pop();
            if let Err(e) = result {
                assert!(
                    matches!(e, quayside_sync::SyncError::Offline { .. }),
                    "d{other}'s sync failed on no fault of the network: {e}"
                );
            }
        }
        *self.interleavings.lock().unwrap() += 1;
    }

    fn fault_for(&self, request: &Request<'_>) -> Option<Fault> {
        let rate = *self.fault_rate.lock().unwrap();
        let mut rng = self.rng();
        if rate <= 0.0 || !rng.random_bool(rate) {
            return None;
        }
        let fault = FAULTS[rng.random_range(0..FAULTS.len())];
        // Only a request with a body can be cut in the middle of it.
        if fault == Fault::CutMidBody && request.body.len() < 2 {
            return Some(Fault::RequestLost);
        }
        Some(fault)
    }
}

/// One device's connection to the server.
pub struct Link {
    pub net: Arc<Net>,
    pub device: usize,
    pub device_id: Uuid,
}

impl Transport for Link {
    fn exchange(&self, request: &Request<'_>) -> Result<Answer, Failure> {
        let net = &self.net;
        net.interleave(self.device);
        *net.requests.lock().unwrap() += 1;
        let fault = net.fault_for(request);
        let route = request.path.split('?').next().unwrap_or_default();
        net.note(format!(
            "  d{} {:?} {route} {}",
            self.device,
            request.method,
            fault.map(|f| format!("{f:?}")).unwrap_or_default()
        ));
        if let Some(fault) = fault {
            *net.faults
                .lock()
                .unwrap()
                .entry(fault_name(fault))
                .or_default() += 1;
        }
        let lost = |why: &str| Err(Failure::Network(why.to_string()));
        let server = || net.server.lock().unwrap();
        let answer = match fault {
            None => server().call(request, None),
            Some(Fault::RequestLost) => return lost("request lost"),
            Some(Fault::ResponseLost) => {
                checked(server().call(request, None));
                return lost("response lost");
            }
            Some(Fault::Duplicated) => {
                let first = checked(server().call(request, None));
                let second = server().call(request, None);
                // Either answer may be the one that reaches the client.
                if net.rng().random_bool(0.5) {
                    if route.ends_with("/devices") {
                        // An enrollment's token replaces the one before: the older answer's token
                        // is dead, and the next sync asks the person to sign in again.
                        net.token_lost.lock().unwrap().insert(self.device);
                    }
                    first
                } else {
                    second
                }
            }
            Some(Fault::CutMidBody) => {
                let cut = net.rng().random_range(1..request.body.len());
                checked(server().call(request, Some(cut)));
                return lost("connection cut mid-body");
            }
            Some(Fault::RestartBeforeAnswer) => {
                let mut server = server();
                checked(server.call(request, None));
                server.restart();
                return lost("server restarted");
            }
            Some(Fault::DeviceCrash) => {
                checked(server().call(request, None));
                net.crashed.lock().unwrap().push(self.device);
                return lost("device crashed");
            }
        };
        let answer = checked(answer);
        if request.method == Method::Post && route.ends_with("/events") && answer.status == 200 {
            let response: PushResponse = serde_json::from_slice(&answer.body).unwrap();
            let mut acked = net.acked.lock().unwrap();
            let held = acked.entry(self.device_id).or_default();
            *held = (*held).max(response.acked_seq);
        }
        Ok(answer)
    }
}

/// The server never answers a client's request with a 5xx: that is a server bug, not a fault.
fn checked(answer: Answer) -> Answer {
    assert!(
        answer.status < 500,
        "the server answered {}: {}",
        answer.status,
        String::from_utf8_lossy(&answer.body)
    );
    answer
}

fn fault_name(fault: Fault) -> &'static str {
    match fault {
        Fault::RequestLost => "request lost",
        Fault::ResponseLost => "response lost after the server handled it",
        Fault::Duplicated => "request duplicated",
        Fault::CutMidBody => "connection cut mid-body",
        Fault::RestartBeforeAnswer => "server restarted before answering",
        Fault::DeviceCrash => "device crashed before reading the answer",
    }
}
