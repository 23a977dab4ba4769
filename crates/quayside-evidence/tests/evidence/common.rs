//! What the tests share: two devices writing a case, a server key signing a checkpoint over a real
//! Merkle tree and the devices' enrollments, the bundle made of them, and ways to damage it.

use std::io::Cursor;

use ed25519_dalek::SigningKey;
use quayside_domain::event::{Payload, SignedEvent};
use quayside_evidence::{verify_bundle, write_bundle, BundleInput, BundlePhoto, BundleProof};
use quayside_protocol::merkle::{unhex32, LogTree};
use quayside_protocol::{Checkpoint, Enrollment, SignedStatement, Statement};
pub use quayside_testkit::events::{submitted, ChainDevice};
use uuid::Uuid;

pub const CASE: Uuid = Uuid::from_u128(0xCA5E);
pub const PHOTO: &[u8] = b"\xFF\xD8 pretend these are the bytes of a JPEG original \xFF\xD9";

pub fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

pub struct Scene {
    pub ines: ChainDevice,
    pub sam: ChainDevice,
    pub server: SigningKey,
    pub events: Vec<SignedEvent>,
    pub statements: Vec<SignedStatement>,
    pub proofs: Vec<BundleProof>,
}

/// Two devices' events of the case, the first three in the server's log (among other cases'
/// events), the last one recorded offline.
pub fn scene() -> Scene {
    let (mut ines, mut sam) = (ChainDevice::new(1), ChainDevice::new(2));
    let server = SigningKey::from_bytes(&[9; 32]);
    let e1 = ines.write(CASE, submitted("one"), vec![]);
    let photo: Payload = serde_json::from_value(serde_json::json!({
        "kind": "photo_attached", "sha256": sha(PHOTO), "size": PHOTO.len(),
        "media_type": "image/jpeg", "file_name": "IMG_1.jpg", "caption": null, "exif": {}
    }))
    .unwrap();
    let e2 = ines.write(CASE, photo, vec![e1.body.id]);
    let e3 = sam.write(CASE, submitted("three"), vec![e2.body.id]);
    let e4 = ines.write(CASE, submitted("offline"), vec![e3.body.id]);
    let mut tree = LogTree::new();
    tree.push([7; 32]); // another case's event
    let mut at = Vec::new();
    for e in [&e1, &e2, &e3] {
        at.push((e.body.id, e.hash(), tree.len()));
        tree.push(unhex32(&e.hash()).unwrap());
        tree.push([8; 32]);
    }
    let checkpoint = Statement::Checkpoint(Checkpoint {
        epoch: "e1".into(),
        size: tree.len(),
        root: tree.root(),
        issued_at: "2026-12-01T12:00:00Z".into(),
    });
    let proofs = at
        .into_iter()
        .map(|(event_id, hash, index)| BundleProof {
            event_id,
            hash,
            epoch: "e1".into(),
            size: tree.len(),
            index,
            path: tree.inclusion(index),
        })
        .collect();
    let enrolled = |d: &ChainDevice| {
        let statement = Statement::Enrollment(Enrollment {
            device_id: d.id,
            public_key: hex::encode(d.key.verifying_key().as_bytes()),
            username: "ines".into(),
            enrolled_at: "2026-12-01T08:00:00Z".into(),
        });
        SignedStatement::sign(&statement, &server)
    };
    Scene {
        statements: vec![
            SignedStatement::sign(&checkpoint, &server),
            enrolled(&ines),
            enrolled(&sam),
        ],
        ines,
        sam,
        server,
        events: vec![e1, e2, e3, e4],
        proofs,
    }
}

pub fn bundle(s: &Scene) -> Vec<u8> {
    bundle_with(s, Vec::new())
}

/// The scene's bundle with these shipping documents in it.
pub fn bundle_with(s: &Scene, documents: Vec<BundlePhoto>) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    write_bundle(
        BundleInput {
            case_id: CASE,
            case_number: "NLRTM-ABC123-0001".into(),
            exported_at: "2026-12-01T13:00:00Z".into(),
            exported_by: s.ines.id,
            key: &s.ines.key,
            events: s
                .events
                .iter()
                .map(|e| (e.bytes.clone(), e.signature.to_vec()))
                .collect(),
            device_keys: vec![
                (s.ines.id, s.ines.key.verifying_key().to_bytes()),
                (s.sam.id, s.sam.key.verifying_key().to_bytes()),
            ],
            photos: vec![BundlePhoto {
                sha256: sha(PHOTO),
                bytes: PHOTO.to_vec(),
            }],
            documents,
            renderings: vec![],
            statements: s.statements.clone(),
            proofs: s.proofs.clone(),
            server_key: Some(hex::encode(s.server.verifying_key().as_bytes())),
        },
        &mut out,
    )
    .unwrap();
    out.into_inner()
}

pub fn check(bytes: &[u8]) -> quayside_evidence::BundleReport {
    verify_bundle(Cursor::new(bytes), None).unwrap()
}

pub fn flip(bytes: &mut [u8], inside: &[u8]) {
    let at = bytes
        .windows(inside.len())
        .position(|w| w == inside)
        .expect("the text is in the archive");
    bytes[at + inside.len() / 2] ^= 0x01;
}

/// The bundle with one entry's bytes replaced, everything else (the signed manifest too) kept.
pub fn with_entry(bytes: &[u8], name: &str, edit: impl Fn(Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let entry = file.name().unwrap().into_owned();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if entry == name {
            content = edit(content);
        }
        out.start_file(entry.as_str(), options).unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}
