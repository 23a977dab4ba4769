//! Starting the binary, talking HTTP to it, and client devices with real stores.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;

use quayside_domain::event::{Author, Payload, Role};
use quayside_domain::fields::Field;
use quayside_protocol::{PullResponse, PushRequest, PushResponse, WireEvent};
use quayside_server::test_support::database::fresh_database_blocking;
use quayside_server::test_support::process::listening_url;
use quayside_store::Store;
use serde_json::{json, Value};
use tempfile::TempDir;
use ureq::Agent;
use uuid::Uuid;

pub const BIN: &str = env!("CARGO_BIN_EXE_quayside-server");
pub const PASSWORD: &str = "correct horse battery";

pub struct Server {
    child: Child,
    pub url: String,
    pub data: Arc<TempDir>,
    agent: Agent,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(Arc::new(TempDir::new().unwrap()), &[], &[])
    }

    /// Start on a free port and wait for the readiness line.
    pub fn start_with(data: Arc<TempDir>, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(BIN)
            .arg("--data-dir")
            .arg(data.path())
            .args(backend_args(data.path()))
            .arg("serve")
            // A free port unless the test asks for one (a restart on the address clients know).
            .args(if args.contains(&"--listen") {
                &[][..]
            } else {
                &["--listen", "127.0.0.1:0"][..]
            })
            .args(args)
            .env_remove("QUAYSIDE_SERVER_FAULT")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server binary starts");
        let url = listening_url(&mut child);
        Server {
            child,
            url,
            data,
            agent: agent(),
        }
    }

    pub fn with_agent(mut self, agent: Agent) -> Server {
        self.agent = agent;
        self
    }

    /// The server process's peak resident memory so far (`VmHWM`), in bytes.
    pub fn peak_memory(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
        let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        kib * 1024
    }

    pub fn dir(&self) -> &Path {
        self.data.path()
    }

    /// Wait for the process to end on its own (a fault abort).
    pub fn wait_for_exit(mut self) -> std::process::ExitStatus {
        self.child.wait().unwrap()
    }

    pub fn cli(&self, args: &[&str], stdin: &str) -> Output {
        cli(self.dir(), args, stdin)
    }

    pub fn add_user(&self, name: &str, role: &str, ports: &str) {
        let output = self.cli(
            &["user", "add", name, "--role", role, "--ports", ports],
            &format!("{PASSWORD}\n"),
        );
        assert!(output.status.success(), "{}", text(&output.stderr));
    }

    /// Sign `store`'s device in as `username` (`POST /v1/devices`).
    pub fn enroll(&self, store: &Store, username: &str, password: &str) -> Reply {
        self.post_json(
            "/v1/devices",
            None,
            &enroll_request(store, username, password),
        )
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> Reply {
        let mut request = self.agent.get(format!("{}{path}", self.url));
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        Reply::from(request.call().expect("the server answers"))
    }

    pub fn get_with(&self, path: &str, token: &str, header: (&str, &str)) -> Reply {
        let request = self
            .agent
            .get(format!("{}{path}", self.url))
            .header("Authorization", format!("Bearer {token}"))
            .header(header.0, header.1);
        Reply::from(request.call().expect("the server answers"))
    }

    pub fn post(&self, path: &str, token: Option<&str>, body: impl Into<Vec<u8>>) -> Reply {
        let mut request = self
            .agent
            .post(format!("{}{path}", self.url))
            .header("Content-Type", "application/json");
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        Reply::from(request.send(body.into()).expect("the server answers"))
    }

    pub fn post_json(
        &self,
        path: &str,
        token: Option<&str>,
        body: &impl serde::Serialize,
    ) -> Reply {
        self.post(path, token, serde_json::to_vec(body).unwrap())
    }

    pub fn put(&self, path: &str, token: &str, body: &[u8]) -> Reply {
        let request = self
            .agent
            .put(format!("{}{path}", self.url))
            .header("Authorization", format!("Bearer {token}"))
            .header("Content-Type", "application/octet-stream");
        Reply::from(request.send(body).expect("the server answers"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn agent() -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// The backend the tests run on: SQLite in the data folder by default; with
/// `QUAYSIDE_TEST_DATABASE_URL` (a PostgreSQL server's URL) a fresh database for each data folder,
/// its URL kept in the folder so a restarted server and the admin commands find it again.
pub fn backend_args(dir: &Path) -> Vec<String> {
    let Ok(base) = std::env::var("QUAYSIDE_TEST_DATABASE_URL") else {
        return Vec::new();
    };
    let marker = dir.join("test-database-url");
    let url = match std::fs::read_to_string(&marker) {
        Ok(url) => url,
        Err(_) => {
            let url = fresh_database_blocking(&base, "quayside_test");
            std::fs::write(&marker, &url).unwrap();
            url
        }
    };
    vec!["--database".into(), url]
}

pub fn on_postgres() -> bool {
    std::env::var_os("QUAYSIDE_TEST_DATABASE_URL").is_some()
}

pub fn cli(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(backend_args(dir))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub struct Reply {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: Vec<u8>,
}

impl From<ureq::http::Response<ureq::Body>> for Reply {
    fn from(mut response: ureq::http::Response<ureq::Body>) -> Reply {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .body_mut()
            .with_config()
            .limit(200 * 1024 * 1024)
            .read_to_vec()
            .unwrap();
        Reply {
            status,
            headers,
            body,
        }
    }
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&self.body)))
    }

    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> T {
        assert!(
            (200..300).contains(&self.status),
            "status {}: {}",
            self.status,
            text(&self.body)
        );
        serde_json::from_slice(&self.body).unwrap()
    }

    /// Assert the status and an ErrorBody with this code; the message is returned.
    pub fn error(&self, status: u16, code: &str) -> String {
        let body = self.json();
        assert_eq!(
            (self.status, body["code"].as_str().unwrap_or_default()),
            (status, code),
            "{body}"
        );
        assert_eq!(
            body.as_object().unwrap().len(),
            2,
            "only code and message: {body}"
        );
        body["message"].as_str().unwrap().to_string()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    }
}

/// A client device: a real store with its key, enrolled with the server.
pub struct Device {
    _dir: TempDir,
    pub store: Store,
    pub token: String,
    pub author: Author,
    /// The server's public key (hex) as the enrollment answered it.
    pub server_key: String,
}

impl Device {
    pub fn enroll(server: &Server, username: &str, role: Role) -> Device {
        let dir = TempDir::new().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let reply = server.post_json(
            "/v1/devices",
            None,
            &enroll_request(&store, username, PASSWORD),
        );
        let token = reply.json()["token"]
            .as_str()
            .unwrap_or_else(|| panic!("enrolled: {}", text(&reply.body)))
            .to_string();
        let server_key = reply.json()["server_key"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        Device {
            _dir: dir,
            store,
            token,
            server_key,
            author: Author {
                name: username.to_string(),
                role,
            },
        }
    }

    /// Take a pull page into this device's store: the signers' keys, then the events.
    pub fn take_in(&mut self, page: &PullResponse) -> quayside_store::IngestReport {
        for key in &page.devices {
            let bytes: [u8; 32] = hex::decode(&key.public_key).unwrap().try_into().unwrap();
            self.store.add_device_key(key.device_id, bytes).unwrap();
        }
        let batch: Vec<(Vec<u8>, [u8; 64])> =
            page.events.iter().map(|e| e.parts().unwrap()).collect();
        self.store.ingest(&batch).unwrap()
    }

    pub fn id(&self) -> Uuid {
        self.store.device().id
    }

    pub fn open_case(&mut self, port: &str) -> Uuid {
        self.store.open_case(&self.author, port).unwrap().id
    }

    pub fn edit(&mut self, case: Uuid, value: &str) {
        self.store
            .append_field_edit(
                &self.author,
                case,
                None,
                Field::VesselName,
                Some(value.into()),
            )
            .unwrap();
    }

    pub fn append(&mut self, case: Uuid, payload: Payload) {
        self.store.append(&self.author, case, payload).unwrap();
    }

    /// This device's events after `after`, as pushed.
    pub fn wire(&self, after: u64) -> Vec<WireEvent> {
        self.store
            .outgoing(after, 10_000)
            .unwrap()
            .iter()
            .map(|e| WireEvent::new(&e.bytes, &e.signature).unwrap())
            .collect()
    }

    pub fn push_events(&self, server: &Server, events: Vec<WireEvent>) -> PushResponse {
        server
            .post_json("/v1/events", Some(&self.token), &PushRequest { events })
            .parse()
    }

    pub fn push(&self, server: &Server, after: u64) -> PushResponse {
        self.push_events(server, self.wire(after))
    }

    pub fn pull(&self, server: &Server, cursor: &str, limit: usize) -> Reply {
        server.get(
            &format!("/v1/events?cursor={cursor}&limit={limit}"),
            Some(&self.token),
        )
    }

    /// Every event this device may pull, page by page; the ids in order and the last cursor.
    pub fn pull_all(&self, server: &Server, limit: usize) -> (Vec<Uuid>, String) {
        let mut cursor = String::new();
        let mut ids = Vec::new();
        loop {
            let page: PullResponse = self.pull(server, &cursor, limit).parse();
            assert!(page.events.len() <= limit);
            ids.extend(page.events.iter().map(event_id));
            cursor = page.cursor;
            if !page.more {
                return (ids, cursor);
            }
        }
    }
}

/// Ann inspects at NLRTM and Sup supervises it: users made and devices enrolled.
pub fn inspector_and_supervisor(server: &Server) -> (Device, Device) {
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("sup", "supervisor", "NLRTM");
    (
        Device::enroll(server, "ann", Role::Inspector),
        Device::enroll(server, "sup", Role::Supervisor),
    )
}

pub fn enroll_request(store: &Store, username: &str, password: &str) -> Value {
    enroll_request_with_key(&store.device().key, store.device().id, username, password)
}

/// An enrollment of `device_id` with `key`, signed by that key as the protocol asks.
pub fn enroll_request_with_key(
    key: &ed25519_dalek::SigningKey,
    device_id: Uuid,
    username: &str,
    password: &str,
) -> Value {
    use base64::Engine;
    use ed25519_dalek::Signer;
    let proof = key.sign(&quayside_protocol::enrollment_message(username, device_id));
    json!({
        "username": username,
        "password": password,
        "device_id": device_id,
        "public_key": hex::encode(key.verifying_key().as_bytes()),
        "device_name": format!("laptop of {username}"),
        "proof": base64::engine::general_purpose::STANDARD.encode(proof.to_bytes()),
    })
}

pub fn event_id(event: &WireEvent) -> Uuid {
    let body: Value = serde_json::from_str(event.body.get()).unwrap();
    body["id"].as_str().unwrap().parse().unwrap()
}

/// Every event id this device's store holds, in its own order.
pub fn own_ids(device: &Device) -> Vec<Uuid> {
    device
        .store
        .outgoing(0, 10_000)
        .unwrap()
        .iter()
        .map(|e| e.body.id)
        .collect()
}

/// Copy a folder tree (a stopped server's data folder, a template world) into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// The app's own surface (`quayside_api::Api`, as the UI calls it) over a fresh data folder: the
/// user is Ines, an inspector, and exports go into the folder.
pub fn app() -> (TempDir, quayside_api::Api) {
    let (dir, api) = quayside_testkit::api::setup();
    api.set_export_dir(dir.path().join("exports"));
    (dir, api)
}

/// Sign the app in to `server` as ines with `password`, as the device "laptop 3".
pub fn app_sign_in(
    api: &quayside_api::Api,
    server: &str,
    password: &str,
) -> Result<Value, quayside_api::ApiError> {
    api.dispatch(
        "sign_in",
        json!({"server": server, "username": "ines", "password": password, "device_name": "laptop 3"}),
    )
}

/// Open a case at NLRTM in the app and name its vessel; the case's id.
pub fn app_record_case(api: &quayside_api::Api) -> String {
    let id = quayside_testkit::api::open_case(api, "NLRTM");
    quayside_testkit::api::call(
        api,
        "set_field",
        json!({"case_id": id, "field": "vessel_name", "text": "MSC ANNA"}),
    );
    id
}

/// The device id of an app's data folder (opened with the first person's passphrase).
pub fn open_store_device(dir: &std::path::Path) -> String {
    quayside_testkit::api::open_store(dir)
        .device()
        .id
        .to_string()
}

/// POST `body` as JSON to `server_url` from another loopback address (`127.0.0.2`, say): another
/// client, as the server tells clients apart by address. Answers the status and the body's text.
pub fn post_json_from(from: &str, server_url: &str, path: &str, body: &Value) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server: std::net::SocketAddr = server_url
        .trim_start_matches("http://")
        .parse()
        .expect("a plain-HTTP loopback server");
    let body = serde_json::to_vec(body).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let response = runtime.block_on(async {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
        let mut stream = socket.connect(server).await.unwrap();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {server}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(&body).await.unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await.unwrap();
        String::from_utf8_lossy(&response).into_owned()
    });
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("an HTTP status line");
    let text = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default();
    (status, text)
}
