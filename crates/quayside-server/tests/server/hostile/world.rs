//! The server under attack: the real router, in process, over a real data folder (SQLite, or a
//! fresh PostgreSQL database with `QUAYSIDE_TEST_DATABASE_URL`, opened by `open_backend` as the
//! binary does), with accounts, enrolled and revoked devices, a case and two photos in place, and
//! a snapshot of everything the server stores.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use ed25519_dalek::SigningKey;
use http_body_util::BodyExt;
use quayside_domain::event::{Author, Payload, Role};
use quayside_domain::photo::Exif;
use quayside_protocol::{PushRequest, WireEvent};
use quayside_server::server_key::ServerKey;
use quayside_server::storage::{NewUser, ServerStore};
use quayside_server::{auth, config, now_text, open_backend};
use quayside_store::Store;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tempfile::TempDir;
use tower::ServiceExt;
use uuid::Uuid;

use crate::common::{backend_args, enroll_request, enroll_request_with_key, PASSWORD};

/// Bearer tokens of every kind of caller.
pub struct Tokens {
    /// Ann inspects at NLRTM; her device opened the case and attached the photos.
    pub inspector: String,
    /// Ben inspects at BEANR: he may not see Ann's case or photos.
    pub other_port: String,
    pub admin: String,
    /// Ann's second device, revoked.
    pub revoked_device: String,
    /// Rex's device; Rex was revoked.
    pub revoked_user: String,
}

/// A photo the server knows from an accepted `photo_attached` event.
pub struct KnownPhoto {
    pub sha256: String,
    pub bytes: Vec<u8>,
}

pub struct World {
    pub runtime: tokio::runtime::Runtime,
    pub app: Router,
    pub dir: TempDir,
    database_url: Option<String>,
    pub tokens: Tokens,
    /// Uploaded in full.
    pub complete: KnownPhoto,
    /// Referenced, nothing uploaded.
    pub pending: KnownPhoto,
    pub epoch: String,
    /// Ann's device: its id, and the key a forged event can be signed with.
    pub device_id: Uuid,
    pub device_key: SigningKey,
    /// Ben's device id, to enroll over.
    pub other_device_id: Uuid,
    pub case_id: Uuid,
    /// Ann's events as pushed (wire JSON text, the body verbatim), accepted by the server.
    pub events: Vec<String>,
    /// Ann's second device, revoked, and its key.
    pub revoked_device: (Uuid, SigningKey),
    _ann: (TempDir, Store),
}

/// What a request answered.
pub struct Answer {
    pub status: StatusCode,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl World {
    pub fn new() -> World {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let dir = TempDir::new().unwrap();
        let database_url = backend_args(dir.path()).pop();
        let (store, blobs) = runtime
            .block_on(open_backend(database_url.as_deref(), dir.path()))
            .unwrap();
        let key = Arc::new(ServerKey::ephemeral().unwrap());
        // Thousands of requests without a token from one (absent) address: the limit per address
        // is not what is attacked here.
        let mut state = quayside_server::AppState::new(store.clone(), Arc::new(blobs), key);
        state.unauthenticated_per_minute = 1_000_000;
        let app = runtime.block_on(async { quayside_server::router_over(state) });

        let ann_dir = TempDir::new().unwrap();
        let ann = Store::open(ann_dir.path()).unwrap();
        let mut world = World {
            runtime,
            app,
            dir,
            database_url,
            tokens: Tokens {
                inspector: String::new(),
                other_port: String::new(),
                admin: String::new(),
                revoked_device: String::new(),
                revoked_user: String::new(),
            },
            complete: KnownPhoto::of(b"an original that is on the server".to_vec()),
            pending: KnownPhoto::of(vec![0x5a; 64]),
            epoch: String::new(),
            device_id: ann.device().id,
            device_key: ann.device().key.clone(),
            other_device_id: Uuid::now_v7(),
            case_id: Uuid::nil(),
            events: Vec::new(),
            revoked_device: (Uuid::now_v7(), SigningKey::from_bytes(&[23; 32])),
            _ann: (ann_dir, ann),
        };
        world.populate(store.as_ref());
        world
    }

    fn populate(&mut self, store: &dyn ServerStore) {
        for (name, role, port) in [
            ("ann", Role::Inspector, "NLRTM"),
            ("ben", Role::Inspector, "BEANR"),
            ("ada", Role::Admin, "NLRTM"),
            ("rex", Role::Inspector, "NLRTM"),
        ] {
            self.runtime
                .block_on(store.add_user(NewUser {
                    username: name.into(),
                    password_hash: auth::hash_password(PASSWORD).unwrap(),
                    role,
                    ports: vec![port.into()],
                    now: now_text(),
                    personal_data: false,
                }))
                .unwrap();
        }
        let ann_request = enroll_request(&self._ann.1, "ann", PASSWORD);
        self.tokens.inspector = self.enroll(&ann_request);
        let ben_key = SigningKey::from_bytes(&[21; 32]);
        self.tokens.other_port = self.enroll(&enroll_request_with_key(
            &ben_key,
            self.other_device_id,
            "ben",
            PASSWORD,
        ));
        let ada_key = SigningKey::from_bytes(&[22; 32]);
        self.tokens.admin = self.enroll(&enroll_request_with_key(
            &ada_key,
            Uuid::now_v7(),
            "ada",
            PASSWORD,
        ));
        let (second, second_key) = self.revoked_device.clone();
        self.tokens.revoked_device = self.enroll(&enroll_request_with_key(
            &second_key,
            second,
            "ann",
            PASSWORD,
        ));
        let rex_key = SigningKey::from_bytes(&[24; 32]);
        self.tokens.revoked_user = self.enroll(&enroll_request_with_key(
            &rex_key,
            Uuid::now_v7(),
            "rex",
            PASSWORD,
        ));
        self.runtime
            .block_on(store.revoke_device(second, &now_text()))
            .unwrap();
        self.runtime
            .block_on(store.revoke_user("rex", &now_text()))
            .unwrap();

        // Ann's case with both photos, pushed; one original uploaded.
        let author = Author {
            name: "ann".into(),
            role: Role::Inspector,
        };
        let ann = &mut self._ann.1;
        self.case_id = ann.open_case(&author, "NLRTM").unwrap().id;
        for photo in [&self.complete, &self.pending] {
            ann.append(
                &author,
                self.case_id,
                Payload::PhotoAttached {
                    sha256: photo.sha256.clone(),
                    size: photo.bytes.len() as u64,
                    media_type: "image/jpeg".into(),
                    file_name: "door.jpg".into(),
                    caption: None,
                    exif: Exif::default(),
                    captured: None,
                },
            )
            .unwrap();
        }
        let events: Vec<WireEvent> = ann
            .outgoing(0, 100)
            .unwrap()
            .iter()
            .map(|e| WireEvent::new(&e.bytes, &e.signature).unwrap())
            .collect();
        self.events = events
            .iter()
            .map(|e| serde_json::to_string(e).unwrap())
            .collect();
        let push = serde_json::to_vec(&PushRequest { events }).unwrap();
        let token = self.tokens.inspector.clone();
        let answer = self.send(json_request(Method::POST, "/v1/events", &token, push));
        let pushed: Value = serde_json::from_slice(&answer.body).unwrap();
        assert_eq!(pushed["accepted"], 3, "{pushed}");
        let uri = format!("/v1/photos/{}?offset=0", self.complete.sha256);
        let upload = Request::builder()
            .method(Method::PUT)
            .uri(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(self.complete.bytes.clone()))
            .unwrap();
        let answer = self.send(upload);
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
        self.epoch = self.runtime.block_on(store.epoch()).unwrap();
    }

    /// Ann's first event as pushed, verbatim: sending it again is a replay.
    pub fn first_event(&self) -> &str {
        &self.events[0]
    }

    /// The same as JSON (re-serialising it sorts the body's keys, so its signature no longer holds).
    pub fn first_event_value(&self) -> Value {
        serde_json::from_str(&self.events[0]).unwrap()
    }

    fn enroll(&self, request: &Value) -> String {
        let body = serde_json::to_vec(request).unwrap();
        let answer = self.send(json_request(Method::POST, "/v1/devices", "", body));
        let reply: Value = serde_json::from_slice(&answer.body).unwrap();
        reply["token"]
            .as_str()
            .unwrap_or_else(|| panic!("enrolled: {reply}"))
            .to_string()
    }

    /// One request through the whole application (middleware included), as a socket would.
    pub fn send(&self, request: Request<Body>) -> Answer {
        self.runtime.block_on(async {
            let response = self.app.clone().oneshot(request).await.unwrap();
            let status = response.status();
            let content_type = response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let body = response.into_body().collect().await.unwrap().to_bytes();
            Answer {
                status,
                content_type,
                body: body.to_vec(),
            }
        })
    }

    /// Everything the server stores: each table's rows, and each file of the data folder.
    pub fn snapshot(&self) -> Snapshot {
        let tables = match &self.database_url {
            None => sqlite_tables(&self.dir.path().join(config::DATABASE_FILE)),
            Some(url) => self.runtime.block_on(postgres_tables(url)),
        };
        let mut files = BTreeMap::new();
        list_files(self.dir.path(), self.dir.path(), &mut files);
        Snapshot { tables, files }
    }
}

impl KnownPhoto {
    fn of(bytes: Vec<u8>) -> KnownPhoto {
        KnownPhoto {
            sha256: hex::encode(Sha256::digest(&bytes)),
            bytes,
        }
    }
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body[..self.body.len().min(600)]).into_owned()
    }
}

pub fn json_request(method: Method, uri: &str, token: &str, body: Vec<u8>) -> Request<Body> {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json");
    if !token.is_empty() {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(Body::from(body)).unwrap()
}

/// Every table's rows (as text, sorted, so only content counts) and every file's SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub tables: BTreeMap<String, String>,
    pub files: BTreeMap<String, String>,
}

impl Snapshot {
    /// What differs from `before`: the tables and files that changed, by name.
    pub fn changes_since(&self, before: &Snapshot) -> Vec<String> {
        let tables = before.tables.keys().chain(self.tables.keys());
        let files = before.files.keys().chain(self.files.keys());
        let changed_tables = tables
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter(|name| before.tables.get(*name) != self.tables.get(*name))
            .map(|name| format!("table {name}"));
        let changed_files = files
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter(|name| before.files.get(*name) != self.files.get(*name))
            .map(|name| format!("file {name}"));
        changed_tables.chain(changed_files).collect()
    }
}

/// Each table's rows quoted and joined by SQLite itself (fast enough to run after every request).
fn sqlite_tables(path: &Path) -> BTreeMap<String, String> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let conn = rusqlite::Connection::open_with_flags(path, flags).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names
        .into_iter()
        .map(|name| {
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{name}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || ',' || ");
            let sql = format!(
                "SELECT coalesce(group_concat(r, char(10)), '') FROM \
                 (SELECT {row} AS r FROM \"{name}\" ORDER BY 1)"
            );
            let rows: String = conn.query_row(&sql, [], |r| r.get(0)).unwrap();
            (name, rows)
        })
        .collect()
}

async fn postgres_tables(url: &str) -> BTreeMap<String, String> {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap();
    let connection = tokio::spawn(connection);
    let names: Vec<String> = client
        .query(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = current_schema() ORDER BY 1",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut tables = BTreeMap::new();
    for name in names {
        let sql = format!(
            "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM \"{name}\" t"
        );
        let rows: String = client.query_one(&sql, &[]).await.unwrap().get(0);
        tables.insert(name, rows);
    }
    drop(client);
    let _ = connection.await;
    tables
}

/// Every file under `dir` but the SQLite database's own (compared by its rows: its pages and
/// WAL move without any row changing).
fn list_files(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.strip_prefix(root).unwrap().display().to_string();
        if path.is_dir() {
            files.insert(format!("{name}/"), String::new());
            list_files(root, &path, files);
        } else if !name.starts_with(config::DATABASE_FILE) {
            let bytes = std::fs::read(&path).unwrap();
            files.insert(name, hex::encode(Sha256::digest(&bytes)));
        }
    }
}
