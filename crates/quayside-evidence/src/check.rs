//! Verifying a bundle: the manifest's signature, every event (signature, chain links, what it
//! names), every photo against its SHA-256, the server's statements against its key, and each
//! event's place in the server's log. Damage is named by the entry, event or photo it hits.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Read, Seek};

use base64::Engine;
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use quayside_domain::event::{body_hash, EventBody, Payload};
use quayside_domain::integrity::{check_log, Chains, Record, Revoked};
use quayside_protocol::merkle::{unhex32, verify_inclusion};
use quayside_protocol::{SignedStatement, Statement, WireEvent};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zip::ZipArchive;

use crate::bundle::{
    manifest_message, BundleProof, Manifest, FORMAT, MANIFEST, MANIFEST_SIG, PROOFS, STATEMENTS,
};
use crate::report::{BundleReport, KeySource};
use crate::BundleError;

struct Entries<R> {
    zip: ZipArchive<R>,
}

impl<R: Read + Seek> Entries<R> {
    fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect()
    }

    /// The entry's bytes; None when absent; Err naming the damage (a CRC failure, say).
    fn read(&mut self, name: &str) -> Option<Result<Vec<u8>, String>> {
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return None,
            Err(e) => return Some(Err(e.to_string())),
        };
        let mut bytes = Vec::new();
        Some(
            file.read_to_end(&mut bytes)
                .map(|_| bytes)
                .map_err(|e| e.to_string()),
        )
    }
}

/// A file of the server's statements or proofs, checked against the SHA-256 the signed manifest
/// gives, so a line taken out (a revocation, say) is named. Empty when absent or damaged.
fn server_file<R: Read + Seek>(
    entries: &mut Entries<R>,
    name: &str,
    signed_sha256: &str,
    problems: &mut Vec<String>,
) -> Vec<u8> {
    let bytes = match entries.read(name) {
        Some(Ok(bytes)) => bytes,
        Some(Err(e)) => {
            problems.push(format!("{name} is damaged: {e}"));
            return Vec::new();
        }
        None => Vec::new(),
    };
    let hash = hex::encode(Sha256::digest(&bytes));
    if hash != signed_sha256 {
        problems.push(format!(
            "{name} was changed after export: its SHA-256 is {hash}, the signed manifest says \
             {signed_sha256}"
        ));
    }
    bytes
}

fn key_of(hex_key: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = hex::decode(hex_key).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Check a bundle. `server_key` overrides the key the bundle names (one the examiner obtained
/// from the server's operator). Each check adds its findings to the report in turn, so they read
/// in the order a person would check by hand.
pub fn verify_bundle(
    reader: impl Read + Seek,
    server_key: Option<VerifyingKey>,
) -> Result<BundleReport, BundleError> {
    let mut check = BundleCheck::open(reader, server_key)?;
    check.manifest_signature();
    check.events();
    check.statements();
    check.enrollments();
    check.chains();
    check.forks();
    check.proofs();
    check.photos();
    Ok(check.report)
}

/// What the server's statements in the bundle say, once verified with its key.
#[derive(Default)]
struct ServerWord {
    /// (epoch, size) → the root of that checkpoint.
    checkpoints: BTreeMap<(String, u64), String>,
    /// Each device → the highest of its events a receipt acknowledges.
    receipted: HashMap<Uuid, u64>,
    /// (device, number) → the hash the server's receipt says it holds there, and when.
    heads: HashMap<(Uuid, u64), (String, String)>,
    revoked: Vec<Revoked>,
    /// Each device → the key the server enrolled it with.
    vouched: HashMap<Uuid, String>,
}

/// One bundle being checked: its archive and manifest, what earlier checks found that later ones
/// build on, and the report so far.
struct BundleCheck<R> {
    entries: Entries<R>,
    manifest: Manifest,
    manifest_bytes: Vec<u8>,
    device_keys: HashMap<Uuid, VerifyingKey>,
    /// The examiner's key until [`BundleCheck::statements`] settles which key checks them.
    server_key: Option<VerifyingKey>,
    /// Each event as signed, for the chain check.
    records: Vec<Record>,
    /// Each readable event's body and SHA-256.
    bodies: HashMap<Uuid, (EventBody, String)>,
    server: ServerWord,
    report: BundleReport,
}

impl<R: Read + Seek> BundleCheck<R> {
    /// The archive and its manifest; a bundle without a readable manifest of this format is not
    /// checked at all.
    fn open(reader: R, server_key: Option<VerifyingKey>) -> Result<Self, BundleError> {
        let zip = ZipArchive::new(reader).map_err(|e| BundleError::Archive(e.to_string()))?;
        let mut entries = Entries { zip };
        let manifest_bytes = match entries.read(MANIFEST) {
            Some(Ok(bytes)) => bytes,
            Some(Err(e)) => {
                return Err(BundleError::Archive(format!("{MANIFEST} is damaged: {e}")))
            }
            None => return Err(BundleError::Archive(format!("it has no {MANIFEST}"))),
        };
        let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
            .map_err(|e| BundleError::Archive(format!("{MANIFEST} cannot be read: {e}")))?;
        if manifest.format != FORMAT {
            return Err(BundleError::Archive(format!(
                "it is a {:?} bundle; this version reads {FORMAT:?}",
                manifest.format
            )));
        }
        let report = BundleReport {
            case_id: manifest.case_id.to_string(),
            case_number: manifest.case_number.clone(),
            ..BundleReport::default()
        };
        let device_keys = manifest
            .devices
            .iter()
            .filter_map(|d| Some((d.device_id, key_of(&d.public_key)?)))
            .collect();
        Ok(BundleCheck {
            entries,
            manifest,
            manifest_bytes,
            device_keys,
            server_key,
            records: Vec::new(),
            bodies: HashMap::new(),
            server: ServerWord::default(),
            report,
        })
    }

    /// The manifest, signed by the device that made the bundle.
    fn manifest_signature(&mut self) {
        let signed = self
            .entries
            .read(MANIFEST_SIG)
            .and_then(Result::ok)
            .and_then(|sig| {
                base64::engine::general_purpose::STANDARD
                    .decode(sig.trim_ascii())
                    .ok()
                    .and_then(|s| <[u8; 64]>::try_from(s).ok())
            });
        let manifest_ok = match (signed, self.device_keys.get(&self.manifest.exported_by)) {
            (Some(sig), Some(key)) => key
                .verify(
                    &manifest_message(&self.manifest_bytes),
                    &Signature::from_bytes(&sig),
                )
                .is_ok(),
            _ => false,
        };
        if !manifest_ok {
            self.report.problems.push(format!(
                "the manifest's signature by the exporting device {} does not verify: the list of \
                 events, photos and documents was changed after export",
                self.manifest.exported_by
            ));
        }
    }

    /// Events, one entry each: every entry listed, each listed one present, readable, of the
    /// SHA-256 the manifest gives and of this case.
    fn events(&mut self) {
        let listed: HashSet<&str> = self
            .manifest
            .events
            .iter()
            .map(|e| e.file.as_str())
            .collect();
        for name in self.entries.names() {
            if name.starts_with("events/") && !listed.contains(name.as_str()) {
                self.report
                    .problems
                    .push(format!("{name} is in the bundle but not in its manifest"));
            }
        }
        for entry in &self.manifest.events {
            let problems = &mut self.report.problems;
            let named = format!(
                "event {} (device {} number {})",
                entry.id, entry.device_id, entry.device_seq
            );
            let bytes = match self.entries.read(&entry.file) {
                None => {
                    problems.push(format!("{named} is listed in the manifest but missing"));
                    continue;
                }
                Some(Err(e)) => {
                    problems.push(format!("{named}: its entry {} is damaged: {e}", entry.file));
                    continue;
                }
                Some(Ok(bytes)) => bytes,
            };
            let parts = serde_json::from_slice::<WireEvent>(&bytes)
                .map_err(|e| e.to_string())
                .and_then(|w| w.parts());
            let (body_bytes, signature) = match parts {
                Ok(parts) => parts,
                Err(e) => {
                    problems.push(format!("{named}: its entry cannot be read: {e}"));
                    continue;
                }
            };
            let hash = body_hash(&body_bytes);
            if hash != entry.sha256 {
                problems.push(format!(
                    "{named}: its bytes hash to {hash}, the manifest says {}",
                    entry.sha256
                ));
            }
            if let Ok(body) = serde_json::from_slice::<EventBody>(&body_bytes) {
                if body.case_id != self.manifest.case_id {
                    problems.push(format!("{named} belongs to another case, {}", body.case_id));
                }
                self.bodies.insert(body.id, (body, hash));
            }
            self.records.push(Record {
                bytes: body_bytes,
                signature: signature.to_vec(),
            });
        }
    }

    /// The server's statements, checked against its key: the examiner's when given, else the
    /// one the bundle names.
    fn statements(&mut self) {
        self.report.server_key_from = match (&self.server_key, &self.manifest.server_key) {
            (Some(_), _) => KeySource::Given,
            (None, Some(_)) => KeySource::Bundle,
            (None, None) => KeySource::None,
        };
        self.server_key = self
            .server_key
            .or_else(|| self.manifest.server_key.as_deref().and_then(key_of));
        self.report.server_key = self.server_key.map(|k| hex::encode(k.as_bytes()));
        let statements = server_file(
            &mut self.entries,
            STATEMENTS,
            &self.manifest.statements_sha256,
            &mut self.report.problems,
        );
        let problems = &mut self.report.problems;
        let server = &mut self.server;
        for (n, line) in statements.split(|b| *b == b'\n').enumerate() {
            if line.is_empty() {
                continue;
            }
            let what = format!("the server statement on line {} of {STATEMENTS}", n + 1);
            let Some(key) = self.server_key else {
                problems.push(format!(
                    "{what} cannot be checked: the bundle names no server key"
                ));
                continue;
            };
            let statement = serde_json::from_slice::<SignedStatement>(line)
                .map_err(|e| e.to_string())
                .and_then(|s| s.verify(&key));
            match statement {
                Err(e) => problems.push(format!("{what}: {e}")),
                Ok(Statement::Checkpoint(c)) => {
                    server.checkpoints.insert((c.epoch, c.size), c.root);
                }
                Ok(Statement::Receipt(r)) => {
                    let held = server.receipted.entry(r.device_id).or_default();
                    *held = (*held).max(r.acked_seq);
                    server
                        .heads
                        .insert((r.device_id, r.acked_seq), (r.head_hash, r.received_at));
                }
                Ok(Statement::Revocation(r)) => server.revoked.push(Revoked {
                    device_id: r.device_id,
                    last_valid_seq: r.last_valid_seq,
                    revoked_at: r.revoked_at,
                }),
                Ok(Statement::Enrollment(e)) => {
                    server.vouched.insert(e.device_id, e.public_key);
                }
                // A control list says what the case's flags were judged by, not what the log
                // holds: signed, so kept, with nothing to tally.
                Ok(Statement::ControlList(_)) => {}
            }
        }
    }

    /// Each device key the bundle names must be one the server enrolled: the bundle's own word
    /// for a key proves nothing.
    fn enrollments(&mut self) {
        if self.server_key.is_none() {
            return;
        }
        for d in &self.manifest.devices {
            match self.server.vouched.get(&d.device_id) {
                Some(key) if *key == d.public_key => {}
                Some(key) => self.report.problems.push(format!(
                    "device {}: the bundle gives it key {}, but the server enrolled it with key \
                     {key}: its events were signed by another key",
                    d.device_id, d.public_key
                )),
                // Not a failure: a device that exported before its first full sync, or a
                // server from before enrollments, has none. Said, like an unproven event.
                None => self.report.unanchored.push(d.device_id.to_string()),
            }
        }
    }

    /// Every event's signature and its device's chain, revocations applied.
    fn chains(&mut self) {
        let checked = check_log(
            std::mem::take(&mut self.records),
            &|device| self.device_keys.get(&device).copied(),
            &self.server.revoked,
            Chains::Partial,
        );
        self.report.events = checked.events;
        self.report.devices = checked.devices;
        self.report
            .problems
            .extend(checked.findings.iter().map(|f| f.to_string()));
    }

    /// An event where the server's receipt holds another one: a chain forked (a copied folder).
    fn forks(&mut self) {
        for (body, hash) in self.bodies.values() {
            if let Some((held, at)) = self.server.heads.get(&(body.device_id, body.device_seq)) {
                if held != hash {
                    self.report.problems.push(format!(
                        "event {} (device {} number {}): the server's receipt of {at} holds another \
                         event as that number: the device's chain forked (its data folder was copied \
                         or restored)",
                        body.id, body.device_id, body.device_seq
                    ));
                }
            }
        }
    }

    /// Each event's place in the server's log; the events no checkpoint proves are listed, each
    /// saying whether a receipt covers it.
    fn proofs(&mut self) {
        let mut proven: HashSet<Uuid> = HashSet::new();
        let proofs = server_file(
            &mut self.entries,
            PROOFS,
            &self.manifest.proofs_sha256,
            &mut self.report.problems,
        );
        let problems = &mut self.report.problems;
        for (n, line) in proofs.split(|b| *b == b'\n').enumerate() {
            if line.is_empty() {
                continue;
            }
            let proof: BundleProof = match serde_json::from_slice(line) {
                Ok(p) => p,
                Err(e) => {
                    problems.push(format!("line {} of {PROOFS} cannot be read: {e}", n + 1));
                    continue;
                }
            };
            let Some((_, hash)) = self.bodies.get(&proof.event_id) else {
                continue;
            };
            let Some(root) = self
                .server
                .checkpoints
                .get(&(proof.epoch.clone(), proof.size))
            else {
                problems.push(format!(
                    "event {}: its proof names a checkpoint of {} events the bundle does not hold signed",
                    proof.event_id, proof.size
                ));
                continue;
            };
            let leaf = match unhex32(hash) {
                Ok(leaf) => leaf,
                Err(e) => {
                    problems.push(format!("event {}: {e}", proof.event_id));
                    continue;
                }
            };
            match verify_inclusion(root, proof.size, &leaf, proof.index, &proof.path) {
                Ok(()) => {
                    proven.insert(proof.event_id);
                }
                Err(e) => problems.push(format!(
                    "event {}: not in the server's log of {} events as the bundle claims: {e}",
                    proof.event_id, proof.size
                )),
            }
        }
        self.report.proven = proven.len() as u64;
        let mut unproven: Vec<&EventBody> = self
            .bodies
            .values()
            .map(|(b, _)| b)
            .filter(|b| !proven.contains(&b.id))
            .collect();
        unproven.sort_by_key(|b| (b.device_id, b.device_seq));
        self.report.unproven = unproven
            .iter()
            .map(|b| match self.server.receipted.get(&b.device_id) {
                Some(acked) if b.device_seq <= *acked => format!(
                    "event {} (the server's receipt covers it, but no checkpoint in the bundle shows it)",
                    b.id
                ),
                _ => format!("event {} (not yet received by the server)", b.id),
            })
            .collect();
    }

    /// Photos and shipping documents: each against its hash, and every one an event names is here.
    fn photos(&mut self) {
        let photos = &self.manifest.photos;
        let documents = &self.manifest.documents;
        for (what, entries) in [("photo", photos), ("document", documents)] {
            for entry in entries {
                let problem = match self.entries.read(&entry.file) {
                    None => Some(format!("{what} {} is listed but missing", entry.sha256)),
                    Some(Err(e)) => Some(format!(
                        "{what} {}: its entry is damaged: {e}",
                        entry.sha256
                    )),
                    Some(Ok(bytes)) => {
                        let hash = hex::encode(Sha256::digest(&bytes));
                        (hash != entry.sha256).then(|| {
                            format!(
                                "{what} {}: its bytes hash to {hash}: the {what} was altered",
                                entry.sha256
                            )
                        })
                    }
                };
                self.report.problems.extend(problem);
            }
        }
        self.report.photos = photos.len() as u64;
        self.report.documents = documents.len() as u64;
        for rendering in &self.manifest.renderings {
            let photo = &rendering.photo;
            let problem = match self.entries.read(&rendering.file) {
                None => Some(format!(
                    "the rendering of photo {photo} is listed but missing"
                )),
                Some(Err(e)) => Some(format!(
                    "the rendering of photo {photo}: its entry is damaged: {e}"
                )),
                Some(Ok(bytes)) => {
                    let hash = hex::encode(Sha256::digest(&bytes));
                    (hash != rendering.sha256).then(|| {
                        format!(
                            "the rendering of photo {photo} was changed after export: it hashes \
                             to {hash}, the signed manifest says {}",
                            rendering.sha256
                        )
                    })
                }
            };
            self.report.problems.extend(problem);
            if !photos.iter().any(|p| &p.sha256 == photo) {
                self.report.problems.push(format!(
                    "a rendering draws photo {photo}, which is not in the bundle"
                ));
            }
        }
        self.report.renderings = self.manifest.renderings.len() as u64;
        for (body, _) in self.bodies.values() {
            let (what, listed) = match &body.payload {
                Payload::PhotoAttached { .. } => ("photo", photos),
                Payload::DocumentAttached { .. } => ("document", documents),
                _ => continue,
            };
            let Some((sha256, _)) = body.payload.blob() else {
                continue;
            };
            if !listed.iter().any(|p| p.sha256 == sha256) {
                self.report.problems.push(format!(
                    "event {} attaches {what} {sha256}, which is not in the bundle",
                    body.id
                ));
            }
        }
    }
}
