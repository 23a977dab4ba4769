//! A replica: one client device in the test's process with its own data folder, store and vault,
//! synced by the real client (`quayside-sync`) against a server the test runs.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use quayside_domain::document::DocumentType;
use quayside_domain::event::{Author, Payload, Role};
use quayside_domain::fields::Field;
use quayside_photos::{Integrity, Vault};
use quayside_store::Store;
use quayside_sync::{SyncError, SyncReport};
use tempfile::TempDir;
use uuid::Uuid;

pub struct Replica {
    /// Kept so the folder lives as long as the replica.
    dir: TempDir,
    pub store: Mutex<Store>,
    pub vault: Vault,
    /// Who writes this replica's events.
    pub author: Author,
}

impl Replica {
    /// A new device, not signed in, writing as `name` in `role`.
    pub fn new(name: &str, role: Role) -> Replica {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let vault = Vault::open(dir.path(), crate::fixtures::file_key()).unwrap();
        Replica {
            dir,
            store: Mutex::new(store),
            vault,
            author: Author {
                name: name.into(),
                role,
            },
        }
    }

    /// A new device signed in to `server` as `user` (the device named after the user), writing as
    /// `user` in `role`.
    pub fn signed_in(server: &str, user: &str, password: &str, role: Role) -> Replica {
        let replica = Replica::new(user, role);
        quayside_sync::sign_in(&replica.store, server, user, password, user).unwrap();
        replica
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
            vault: Vault::open(dir.path(), crate::fixtures::file_key()).unwrap(),
            dir,
            author: self.author.clone(),
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// One sync with the server signed in to.
    pub fn sync(&self) -> Result<SyncReport, SyncError> {
        quayside_sync::sync_once(&self.store, &self.vault, &mut |_| {})
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap()
    }

    pub fn open_case(&self, port: &str) -> Uuid {
        self.store().open_case(&self.author, port).unwrap().id
    }

    /// Set a case-level field.
    pub fn set(&self, case: Uuid, field: Field, value: &str) {
        self.store()
            .append_field_edit(&self.author, case, None, field, Some(value.into()))
            .unwrap();
    }

    /// A case-level field's value as this replica sees it.
    pub fn value(&self, case: Uuid, field: Field) -> Option<String> {
        let (file, _) = self.store().case(case).unwrap();
        file.value(field).map(str::to_string)
    }

    /// The whole projection, row by row, for comparing replicas.
    pub fn dump(&self) -> Vec<String> {
        self.store().projection_dump().unwrap()
    }

    pub fn event_count(&self) -> u64 {
        self.store().event_count().unwrap()
    }

    /// Attach a photo the way the app does: vault first, then the event. Its SHA-256.
    pub fn attach(&self, case: Uuid, file_name: &str, bytes: &[u8]) -> String {
        let imported = self.vault.import(file_name, bytes).unwrap();
        self.store()
            .append(
                &self.author,
                case,
                Payload::PhotoAttached {
                    sha256: imported.sha256.clone(),
                    size: imported.size,
                    media_type: imported.media_type.as_str().to_string(),
                    file_name: file_name.into(),
                    caption: None,
                    exif: imported.exif,
                    captured: None,
                },
            )
            .unwrap();
        imported.sha256
    }

    /// Attach a shipping document the way the app does: vault first, then the event. Its SHA-256.
    pub fn attach_document(
        &self,
        case: Uuid,
        file_name: &str,
        document_type: DocumentType,
        bytes: &[u8],
    ) -> String {
        let imported = self.vault.import_document(file_name, bytes).unwrap();
        self.store()
            .append(
                &self.author,
                case,
                Payload::DocumentAttached {
                    sha256: imported.sha256.clone(),
                    size: imported.size,
                    media_type: imported.media_type.as_str().to_string(),
                    file_name: file_name.into(),
                    document_type,
                    number: None,
                },
            )
            .unwrap();
        imported.sha256
    }

    /// Every photo this replica's cases reference is in its vault, intact; how many there are.
    pub fn photos_intact(&self) -> usize {
        let referenced = self.store().referenced_photos().unwrap();
        for (sha, _) in &referenced {
            assert_eq!(self.vault.check(sha), Integrity::Intact, "photo {sha}");
        }
        referenced.len()
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

/// Every replica holds the same projection as the first, row for row.
pub fn assert_converged(replicas: &[&Replica]) {
    let first = replicas[0].dump();
    for r in &replicas[1..] {
        let other = r.dump();
        let (a, b) = (&replicas[0].author.name, &r.author.name);
        assert_eq!(first.len(), other.len(), "{a} and {b} differ");
        for (x, y) in first.iter().zip(&other) {
            assert_eq!(x, y, "{a} and {b} differ");
        }
    }
}

/// Two stores hold the same projection, row for row.
pub fn assert_same_projection(a: &Store, b: &Store, what: &str) {
    let (a, b) = (a.projection_dump().unwrap(), b.projection_dump().unwrap());
    assert_eq!(a.len(), b.len(), "{what}: projections differ in size");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "{what}: projections differ");
    }
}
