//! What the evidence modules' unit tests share: server keys, a `SyncState`, a store, and a fake
//! server log answering `POST /checkpoint` that `prove` runs against.

use std::sync::Mutex;

use ed25519_dalek::{SigningKey, VerifyingKey};
use quayside_domain::event::Role;
use quayside_protocol::merkle::unhex32;
use quayside_protocol::{
    Account, Checkpoint, CheckpointRequest, CheckpointResponse, SignedStatement, Statement,
    SyncState,
};
use quayside_store::Store;

use super::prove::prove;
use crate::error::SyncError;
use crate::http::Remote;

pub(super) fn server(n: u8) -> SigningKey {
    SigningKey::from_bytes(&[n; 32])
}

pub(super) fn hex_of(key: &SigningKey) -> String {
    hex::encode(key.verifying_key().as_bytes())
}

pub(super) fn state(key: &str, device_seq: u64) -> SyncState {
    SyncState {
        epoch: "e1".into(),
        device_seq,
        device_head_hash: String::new(),
        account: Account {
            username: "ines".into(),
            role: Role::Inspector,
            ports: vec!["NLRTM".into()],
            personal_data: false,
        },
        server_key: key.into(),
        revocations: Vec::new(),
        accepts_gzip: false,
        accepts_zstd: false,
        control_list_version: 0,
    }
}

pub(super) fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

pub(super) fn pinned(key: &SigningKey) -> (VerifyingKey, String) {
    (key.verifying_key(), hex_of(key))
}

/// How the fake server below answers `POST /checkpoint`.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Answers {
    /// A server from before batch proofs: a path each, `batch` ignored.
    Paths,
    Batch,
    /// A batch proof with one hash changed.
    TamperedBatch,
    /// A batch answer placing one event fewer than were asked.
    ShortIndices,
}

/// A server holding three events of others, then this device's `own` events.
pub(super) struct Log {
    key: SigningKey,
    pub(super) tree: quayside_protocol::merkle::LogTree,
    answers: Answers,
    pub(super) asked_batch: std::sync::atomic::AtomicBool,
}

impl crate::http::Transport for Log {
    fn exchange(
        &self,
        request: &crate::http::Request<'_>,
    ) -> Result<crate::http::Answer, crate::http::Failure> {
        assert!(request.path.ends_with("/checkpoint"), "{request:?}");
        let asked: CheckpointRequest = serde_json::from_slice(request.body).unwrap();
        self.asked_batch
            .store(asked.batch, std::sync::atomic::Ordering::Relaxed);
        let batch = asked.batch && self.answers != Answers::Paths;
        let mut indices: Vec<Option<u64>> = asked
            .hashes
            .iter()
            .map(|hash| {
                let leaf = unhex32(hash).unwrap();
                (0..self.tree.len()).find(|&i| self.tree.leaf(i) == Some(&leaf))
            })
            .collect();
        let (proofs, mut batch_proof) = if batch {
            let held: Vec<u64> = indices.iter().flatten().copied().collect();
            (Vec::new(), self.tree.batch_inclusion(&held))
        } else {
            let proofs = asked
                .hashes
                .iter()
                .zip(&indices)
                .filter_map(|(hash, index)| {
                    Some(quayside_protocol::InclusionProof {
                        hash: hash.clone(),
                        index: (*index)?,
                        path: self.tree.inclusion((*index)?),
                    })
                })
                .collect();
            (proofs, Vec::new())
        };
        if !batch {
            indices.clear();
        }
        if self.answers == Answers::ShortIndices {
            indices.pop();
        }
        if self.answers == Answers::TamperedBatch {
            batch_proof[0] = "00".repeat(32);
        }
        let checkpoint = Statement::Checkpoint(Checkpoint {
            epoch: "e1".into(),
            size: self.tree.len(),
            root: self.tree.root(),
            issued_at: "2026-12-01T10:00:00Z".into(),
        });
        let response = CheckpointResponse {
            checkpoint: SignedStatement::sign(&checkpoint, &self.key),
            consistency: Vec::new(),
            proofs,
            indices,
            batch_proof,
        };
        Ok(crate::http::Answer {
            status: 200,
            body: serde_json::to_vec(&response).unwrap(),
        })
    }
}

/// A store with `own` acknowledged events, a log holding them after three of others, and
/// what `prove` gives against it.
pub(super) fn prove_against(
    answers: Answers,
    own: usize,
) -> (tempfile::TempDir, Store, Log, Result<(), SyncError>) {
    let (dir, mut store) = store();
    let author = quayside_domain::event::Author {
        name: "Ines".into(),
        role: Role::Inspector,
    };
    let case = store.open_case(&author, "NLRTM").unwrap().id;
    for n in 1..own {
        store
            .append_field_edit(
                &author,
                case,
                None,
                quayside_domain::fields::Field::VesselName,
                Some(format!("MSC ANNA {n}")),
            )
            .unwrap();
    }
    let mut tree = quayside_protocol::merkle::LogTree::new();
    for n in 0..3u8 {
        tree.push([n; 32]);
    }
    for event in store.outgoing(0, own).unwrap() {
        tree.push(unhex32(&event.hash()).unwrap());
    }
    let key = server(1);
    store.pin_server_key(&hex_of(&key)).unwrap();
    let log = std::sync::Arc::new(Log {
        key: key.clone(),
        tree,
        answers,
        asked_batch: false.into(),
    });
    let remote = Remote::over("http://log.test", Some("token".into()), log.clone());
    let store = Mutex::new(store);
    let result = prove(&remote, &store, &pinned(&key), "e1", own as u64);
    drop(remote);
    let log = std::sync::Arc::into_inner(log).unwrap();
    (dir, store.into_inner().unwrap(), log, result)
}

pub(super) fn stored_paths(store: &Store, log: &Log) -> Vec<(u64, Vec<String>)> {
    store
        .outgoing(0, 100)
        .unwrap()
        .iter()
        .map(|event| {
            let proofs = store.event_proofs(event.body.id).unwrap();
            assert_eq!(proofs.len(), 1, "one proof for event {}", event.body.id);
            let index = proofs[0].leaf_index;
            assert_eq!(log.tree.leaf(index), Some(&unhex32(&event.hash()).unwrap()));
            (index, proofs[0].path.clone())
        })
        .collect()
}
