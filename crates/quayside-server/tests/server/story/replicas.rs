//! Client replicas for the sync story: a real store and vault in a temp folder, synced by the real
//! client (`quayside-sync`) against the real server process.

use std::sync::Mutex;

use quayside_domain::event::{Author, Role};
use quayside_domain::fields::Field;
use quayside_photos::Vault;
use quayside_store::Store;
use quayside_sync::{SyncError, SyncReport};
use tempfile::TempDir;
use uuid::Uuid;

use crate::common::Server;

/// A server with two inspectors of NLRTM, Ines and Ivan, each signed in on a replica of their own.
pub fn ines_and_ivan() -> (Server, Replica, Replica) {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("ivan", "inspector", "NLRTM");
    let ines = Replica::signed_in(&server.url, "ines", Role::Inspector);
    let ivan = Replica::signed_in(&server.url, "ivan", Role::Inspector);
    (server, ines, ivan)
}

pub struct Replica {
    /// Kept so the folder lives as long as the replica.
    _dir: TempDir,
    pub store: Mutex<Store>,
    pub vault: Vault,
    pub author: Author,
}

impl Replica {
    pub fn new(name: &str, role: Role) -> Replica {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        Replica {
            _dir: dir,
            store: Mutex::new(store),
            vault,
            author: Author {
                name: name.into(),
                role,
            },
        }
    }

    /// The same device from a copy of this one's data folder as it is now (a backup, or a
    /// cloned laptop): same key, same log, its own future.
    pub fn copy(&self) -> Replica {
        let dir = tempfile::tempdir().unwrap();
        let _held = self.store();
        for entry in std::fs::read_dir(self.dir()).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
            }
        }
        Replica {
            store: Mutex::new(Store::open(dir.path()).unwrap()),
            vault: Vault::open(dir.path()).unwrap(),
            _dir: dir,
            author: self.author.clone(),
        }
    }

    /// A new replica signed in as `user` (password `PASSWORD`) to `server`.
    pub fn signed_in(server: &str, user: &str, role: Role) -> Replica {
        let replica = Replica::new(user, role);
        quayside_sync::sign_in(&replica.store, server, user, crate::common::PASSWORD, user)
            .unwrap();
        replica
    }

    pub fn dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    pub fn sync(&self) -> Result<SyncReport, SyncError> {
        quayside_sync::sync_once(&self.store, &self.vault, &mut |_| {})
    }

    pub fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap()
    }

    pub fn open_case(&self, port: &str) -> Uuid {
        self.store().open_case(&self.author, port).unwrap().id
    }

    pub fn set(&self, case: Uuid, field: Field, value: &str) {
        self.store()
            .append_field_edit(&self.author, case, None, field, Some(value.into()))
            .unwrap();
    }

    pub fn value(&self, case: Uuid, field: Field) -> Option<String> {
        let (file, _) = self.store().case(case).unwrap();
        file.value(field).map(str::to_string)
    }

    pub fn dump(&self) -> Vec<String> {
        self.store().projection_dump().unwrap()
    }

    pub fn event_count(&self) -> u64 {
        self.store().event_count().unwrap()
    }

    /// Attach a photo the way the app does: vault first, then the event.
    pub fn attach(&self, case: Uuid, file_name: &str, bytes: &[u8]) -> String {
        let imported = self.vault.import(file_name, bytes).unwrap();
        self.store()
            .append(
                &self.author,
                case,
                quayside_domain::event::Payload::PhotoAttached {
                    sha256: imported.sha256.clone(),
                    size: imported.size,
                    media_type: imported.media_type.as_str().to_string(),
                    file_name: file_name.into(),
                    caption: None,
                    exif: imported.exif,
                },
            )
            .unwrap();
        imported.sha256
    }
}

/// Sync each replica in turn, then again, so every event has reached everyone.
pub fn sync_all(replicas: &[&Replica]) {
    for _ in 0..2 {
        for r in replicas {
            r.sync().unwrap();
        }
    }
}

pub fn assert_converged(replicas: &[&Replica]) {
    let first = replicas[0].dump();
    for r in &replicas[1..] {
        let other = r.dump();
        assert_eq!(
            first.len(),
            other.len(),
            "{} and {} differ",
            replicas[0].author.name,
            r.author.name
        );
        for (a, b) in first.iter().zip(&other) {
            assert_eq!(
                a, b,
                "{} and {} differ",
                replicas[0].author.name, r.author.name
            );
        }
    }
}
