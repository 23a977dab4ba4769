//! A simulated device: a real store and vault in a folder, a clock the simulation sets (skewed by
//! hours, and moved back across a restart), and the real sync client over a faulty link.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use quayside_domain::event::{Author, Payload};
use quayside_domain::fields::Field;
use quayside_photos::Vault;
use quayside_store::{Clock, Store};
use quayside_sync::{SyncError, SyncReport};
use uuid::Uuid;

use super::net::Link;

/// Milliseconds since the Unix epoch, set by the simulation before each step of the device.
#[derive(Clone, Default)]
pub struct SimClock(Arc<AtomicI64>);

impl SimClock {
    pub fn set(&self, millis: i64) {
        self.0.store(millis, Ordering::SeqCst);
    }
}

impl Clock for SimClock {
    fn now(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(self.0.load(Ordering::SeqCst)).expect("a time in range")
    }
}

pub struct Device {
    pub name: String,
    pub author: Author,
    pub dir: PathBuf,
    pub clock: SimClock,
    /// Hours this device's clock is off the world's, in milliseconds; grows more negative when
    /// the clock goes back across a restart.
    pub skew: i64,
    pub link: Arc<Link>,
    store: Option<Arc<Mutex<Store>>>,
    vault: Option<Vault>,
}

impl Device {
    pub fn open(name: &str, author: Author, dir: &Path, link: Arc<Link>) -> Device {
        let mut device = Device {
            name: name.to_string(),
            author,
            dir: dir.to_path_buf(),
            clock: SimClock::default(),
            skew: 0,
            link,
            store: None,
            vault: None,
        };
        device.start();
        device
    }

    fn start(&mut self) {
        let store = Store::open_with_clock(&self.dir, Box::new(self.clock.clone())).unwrap();
        let store = Arc::new(Mutex::new(store));
        let vault = Vault::open(&self.dir, quayside_testkit::fixtures::file_key()).unwrap();
        self.link.net.peers.lock().unwrap().insert(
            self.link.device,
            Peer {
                store: store.clone(),
                vault: vault.clone(),
                link: self.link.clone(),
                author: self.author.clone(),
            },
        );
        self.store = Some(store);
        self.vault = Some(vault);
    }

    /// The process dies (everything in memory is gone; what SQLite committed stays) and starts again.
    pub fn crash_and_restart(&mut self) {
        self.link
            .net
            .peers
            .lock()
            .unwrap()
            .remove(&self.link.device);
        self.store = None;
        self.vault = None;
        self.start();
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store
            .as_ref()
            .expect("running")
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    pub fn vault(&self) -> &Vault {
        self.vault.as_ref().expect("running")
    }

    pub fn id(&self) -> Uuid {
        self.store().device().id
    }

    pub fn sync(&self) -> Result<SyncReport, SyncError> {
        self.link.net.syncing.lock().unwrap().push(self.link.device);
        let result = quayside_sync::sync_over(
            self.store.as_ref().expect("running"),
            self.vault(),
            self.link.clone(),
            &mut |_| {},
        );
        self.link.net.syncing.lock().unwrap().pop();
        result
    }

    /// Enroll with the server over this device's link, as the sign-in form does.
    pub fn sign_in(&self, password: &str) -> Result<(), SyncError> {
        quayside_sync::sign_in_over(
            self.store.as_ref().expect("running"),
            self.link.clone(),
            "sim.invalid",
            &self.name,
            password,
            &format!("{}'s laptop", self.name),
        )
        .map(|_| ())
    }

    pub fn open_case(&self, port: &str) -> Uuid {
        self.store().open_case(&self.author, port).unwrap().id
    }

    pub fn has_case(&self, case: Uuid) -> bool {
        self.store().case(case).is_ok()
    }

    /// A change as the app makes it; a reason is kept first, as the app asks for one when the
    /// case is under review.
    pub fn set(&self, case: Uuid, field: Field, value: &str) {
        let mut store = self.store();
        store
            .set_change_reason(case, Some("checked again on the quay"))
            .unwrap();
        store
            .append_field_edit(&self.author, case, None, field, Some(value.into()))
            .unwrap();
    }

    pub fn append(&self, case: Uuid, payload: Payload) {
        let mut store = self.store();
        store
            .set_change_reason(case, Some("checked again on the quay"))
            .unwrap();
        store.append(&self.author, case, payload).unwrap();
    }

    /// Attach a photo the way the app does: vault first, then the event.
    pub fn attach(&self, case: Uuid, bytes: &[u8]) {
        let imported = self.vault().import("quay.png", bytes).unwrap();
        self.append(
            case,
            Payload::PhotoAttached {
                sha256: imported.sha256.clone(),
                size: imported.size,
                media_type: imported.media_type.as_str().to_string(),
                file_name: "quay.png".into(),
                caption: None,
                exif: imported.exif,
                captured: None,
            },
        );
    }
}

/// What the network may reach of a running device between two requests: another device syncs,
/// or this device's person goes on editing while its sync runs.
#[derive(Clone)]
pub struct Peer {
    pub store: Arc<Mutex<Store>>,
    pub vault: Vault,
    pub link: Arc<Link>,
    pub author: Author,
}
