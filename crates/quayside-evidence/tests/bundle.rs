//! Bundles written and checked for real: signed events, a server key signing checkpoints over a
//! real Merkle tree, photo bytes, the zip archive; then damage at each place, named.

use std::io::Cursor;

use ed25519_dalek::SigningKey;
use quayside_domain::event::{Author, EventBody, Payload, Role, SignedEvent};
use quayside_domain::hlc::Hlc;
use quayside_evidence::{verify_bundle, write_bundle, BundleInput, BundlePhoto, BundleProof};
use quayside_protocol::merkle::{unhex32, LogTree};
use quayside_protocol::{Checkpoint, Enrollment, Receipt, Revocation, SignedStatement, Statement};
use uuid::Uuid;

const CASE: Uuid = Uuid::from_u128(0xCA5E);
const PHOTO: &[u8] = b"\xFF\xD8 pretend these are the bytes of a JPEG original \xFF\xD9";

struct Device {
    key: SigningKey,
    id: Uuid,
    seq: u64,
    prev: String,
}

impl Device {
    fn new(n: u8) -> Device {
        Device {
            key: SigningKey::from_bytes(&[n; 32]),
            id: Uuid::from_u128(n as u128),
            seq: 0,
            prev: String::new(),
        }
    }

    fn write(&mut self, payload: Payload, deps: Vec<Uuid>) -> SignedEvent {
        self.seq += 1;
        let event = SignedEvent::sign(
            EventBody {
                id: Uuid::now_v7(),
                case_id: CASE,
                device_id: self.id,
                device_seq: self.seq,
                author: Author {
                    name: "Ines Vos".into(),
                    role: Role::Inspector,
                },
                hlc: Hlc(self.seq * 10 + self.id.as_u128() as u64),
                wall_time: "2026-12-01T10:00:00Z".into(),
                deps,
                prev_hash: self.prev.clone(),
                payload,
                reason: None,
            },
            &self.key,
        );
        self.prev = event.hash();
        event
    }
}

fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

fn submitted(text: &str) -> Payload {
    Payload::ReviewSubmitted {
        comment: Some(text.into()),
    }
}

struct Scene {
    ines: Device,
    sam: Device,
    server: SigningKey,
    events: Vec<SignedEvent>,
    statements: Vec<SignedStatement>,
    proofs: Vec<BundleProof>,
}

/// Two devices' events of the case, the first three in the server's log (among other cases'
/// events), the last one recorded offline.
fn scene() -> Scene {
    let (mut ines, mut sam) = (Device::new(1), Device::new(2));
    let server = SigningKey::from_bytes(&[9; 32]);
    let e1 = ines.write(submitted("one"), vec![]);
    let photo: Payload = serde_json::from_value(serde_json::json!({
        "kind": "photo_attached", "sha256": sha(PHOTO), "size": PHOTO.len(),
        "media_type": "image/jpeg", "file_name": "IMG_1.jpg", "caption": null, "exif": {}
    }))
    .unwrap();
    let e2 = ines.write(photo, vec![e1.body.id]);
    let e3 = sam.write(submitted("three"), vec![e2.body.id]);
    let e4 = ines.write(submitted("offline"), vec![e3.body.id]);
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
    let enrolled = |d: &Device| {
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

fn bundle(s: &Scene) -> Vec<u8> {
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
            statements: s.statements.clone(),
            proofs: s.proofs.clone(),
            server_key: Some(hex::encode(s.server.verifying_key().as_bytes())),
        },
        &mut out,
    )
    .unwrap();
    out.into_inner()
}

fn check(bytes: &[u8]) -> quayside_evidence::BundleReport {
    verify_bundle(Cursor::new(bytes), None).unwrap()
}

fn flip(bytes: &mut [u8], inside: &[u8]) {
    let at = bytes
        .windows(inside.len())
        .position(|w| w == inside)
        .expect("the text is in the archive");
    bytes[at + inside.len() / 2] ^= 0x01;
}

#[test]
fn an_intact_bundle_verifies_and_says_what_the_server_has_not_received() {
    let s = scene();
    let report = check(&bundle(&s));
    assert!(report.verified(), "{report}");
    assert_eq!(
        (report.events, report.devices, report.photos, report.proven),
        (4, 2, 1, 3)
    );
    assert_eq!(
        report.unproven,
        vec![format!(
            "event {} (not yet received by the server)",
            s.events[3].body.id
        )]
    );
    let text = report.to_string();
    assert!(
        text.starts_with("verified: case NLRTM-ABC123-0001, 4 events from 2 devices, 1 photos"),
        "{text}"
    );
    // Checked only against the key the bundle names: said plainly.
    assert!(
        text.contains(
            "3 of 4 events proven in the server's log, by the server key the bundle itself names"
        ) && text.contains("NOT ANCHORED"),
        "{text}"
    );
    // Against the operator's key, given by the examiner.
    let given = verify_bundle(Cursor::new(bundle(&s)), Some(s.server.verifying_key())).unwrap();
    assert!(given.verified(), "{given}");
    assert!(given
        .to_string()
        .contains("3 of 4 events proven in the server's log (server key"));
    assert!(given.to_string().contains("as given)"));
}

/// The bundle with one entry's bytes replaced, everything else (the signed manifest too) kept.
fn with_entry(bytes: &[u8], name: &str, edit: impl Fn(Vec<u8>) -> Vec<u8>) -> Vec<u8> {
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

#[test]
fn a_server_statement_taken_out_of_the_bundle_is_named() {
    // The revocation that makes ines's last event invalid is dropped from the file.
    let mut s = scene();
    let revocation = Statement::Revocation(Revocation {
        device_id: s.ines.id,
        last_valid_seq: 2,
        revoked_at: "2026-12-01T12:30:00Z".into(),
    });
    s.statements
        .push(SignedStatement::sign(&revocation, &s.server));
    let bytes = with_entry(&bundle(&s), "server/statements.jsonl", |content| {
        let text = String::from_utf8(content).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.contains("revocation")).collect();
        format!("{}\n", kept.join("\n")).into_bytes()
    });
    let report = check(&bytes);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("server/statements.jsonl was changed after export")),
        "{report}"
    );
}

#[test]
fn a_device_key_the_server_did_not_enroll_is_named() {
    // Sam's events re-signed with another key, the manifest naming that key and re-signed by the
    // exporter: each signature checks against the bundle's key, but the server enrolled another.
    let mut s = scene();
    let impostor = SigningKey::from_bytes(&[77; 32]);
    for e in s.events.iter_mut().filter(|e| e.body.device_id == s.sam.id) {
        *e = SignedEvent::sign(e.body.clone(), &impostor);
    }
    s.sam.key = impostor;
    let report = verify_bundle(Cursor::new(bundle(&s)), Some(s.server.verifying_key())).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&format!("device {}", s.sam.id))
                && p.contains("the server enrolled it with key")),
        "{report}"
    );
    // A device no enrollment vouches for (exported before its first full sync): not a failure,
    // but said.
    let mut s = scene();
    s.statements
        .retain(|st| !st.statement.get().contains("enrollment"));
    let report = verify_bundle(Cursor::new(bundle(&s)), Some(s.server.verifying_key())).unwrap();
    assert!(report.verified(), "{report}");
    assert_eq!(report.unanchored.len(), 2, "{report}");
    assert_eq!(
        report
            .to_string()
            .matches("not anchored: no enrollment signed by the server vouches for the key")
            .count(),
        2,
        "{report}"
    );
}

#[test]
fn a_flipped_byte_in_an_event_names_the_event() {
    let s = scene();
    let mut bytes = bundle(&s);
    flip(&mut bytes, b"three");
    let report = check(&bytes);
    assert!(!report.verified());
    let id = s.events[2].body.id.to_string();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&id) && p.contains("damaged")),
        "{report}"
    );
}

#[test]
fn a_flipped_byte_in_a_photo_names_the_photo() {
    let s = scene();
    let mut bytes = bundle(&s);
    flip(&mut bytes, b"pretend these are the bytes");
    let report = check(&bytes);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&sha(PHOTO)) && p.contains("damaged")),
        "{report}"
    );
}

#[test]
fn a_flipped_byte_in_the_manifest_is_named() {
    let s = scene();
    let mut bytes = bundle(&s);
    flip(&mut bytes, b"NLRTM-ABC123-0001");
    let err = verify_bundle(Cursor::new(&bytes), None).unwrap_err();
    assert!(
        err.to_string().contains("manifest.json is damaged"),
        "{err}"
    );
}

#[test]
fn an_event_taken_out_or_a_forged_one_put_in_is_named() {
    // Rebuilt without an event the others depend on: the manifest is signed again by the
    // exporting device, but what is named is missing.
    let mut s = scene();
    let dropped = s.events.remove(1);
    let report = check(&bundle(&s));
    assert!(
        report.problems.iter().any(|p| p.contains(&format!(
            "depends on event {}, which is missing",
            dropped.body.id
        ))),
        "{report}"
    );
    // An event forged with a key the server never saw: signed, but not in the server's log.
    let mut s = scene();
    let mut mallory = Device::new(66);
    s.events.push(mallory.write(submitted("forged"), vec![]));
    let report = check(&bundle(&s));
    assert!(!report.verified(), "{report}");
    assert!(
        report.problems.iter().any(|p| p.contains("no public key")),
        "{report}"
    );
}

#[test]
fn a_proof_that_does_not_match_the_signed_checkpoint_is_named() {
    let mut s = scene();
    s.proofs[0].index += 2;
    let report = check(&bundle(&s));
    let id = s.events[0].body.id.to_string();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&id) && p.contains("not in the server's log")),
        "{report}"
    );
    assert_eq!(report.proven, 2);
}

#[test]
fn statements_are_checked_against_the_examiners_key() {
    let s = scene();
    let other = SigningKey::from_bytes(&[10; 32]).verifying_key();
    let report = verify_bundle(Cursor::new(bundle(&s)), Some(other)).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("server's signature does not verify")),
        "{report}"
    );
    assert_eq!(report.proven, 0);
}

#[test]
fn an_event_signed_after_its_device_was_revoked_is_named() {
    let mut s = scene();
    let revocation = Statement::Revocation(Revocation {
        device_id: s.ines.id,
        last_valid_seq: 2,
        revoked_at: "2026-12-01T12:30:00Z".into(),
    });
    s.statements
        .push(SignedStatement::sign(&revocation, &s.server));
    let report = check(&bundle(&s));
    let late = s.events[3].body.id.to_string();
    assert_eq!(report.problems.len(), 1, "{report}");
    assert!(report.problems[0].contains(&late) && report.problems[0].contains("revoked"));
}

#[test]
fn a_file_that_is_not_a_bundle_is_refused_with_why() {
    let err = verify_bundle(Cursor::new(b"not a zip".to_vec()), None).unwrap_err();
    assert!(
        err.to_string().contains("not a readable zip archive"),
        "{err}"
    );
}

#[test]
fn an_event_where_the_servers_receipt_holds_another_is_a_fork() {
    let mut s = scene();
    // The server received sam's number 1 from the original device; this bundle's sam number 1
    // was written by a copy of its folder.
    let receipt = Statement::Receipt(Receipt {
        epoch: "e1".into(),
        device_id: s.sam.id,
        acked_seq: 1,
        head_hash: "ab".repeat(32),
        accepted: 1,
        received_at: "2026-12-01T11:00:00Z".into(),
    });
    s.statements
        .push(SignedStatement::sign(&receipt, &s.server));
    let report = check(&bundle(&s));
    let forked = s.events[2].body.id.to_string();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&forked) && p.contains("forked")),
        "{report}"
    );
}
