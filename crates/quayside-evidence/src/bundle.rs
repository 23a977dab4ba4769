//! Writing a bundle.

use std::io::{Seek, Write};

use base64::Engine;
use ed25519_dalek::{Signer, SigningKey};
use quayside_domain::event::{body_hash, EventBody};
use quayside_protocol::{SignedStatement, WireEvent};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::BundleError;

pub const FORMAT: &str = "quayside-case-bundle/1";
/// Prefix of the message the exporting device signs, so this signature passes for nothing else.
pub const MANIFEST_CONTEXT: &[u8] = b"quayside case bundle manifest v1\n";

pub(crate) const MANIFEST: &str = "manifest.json";
pub(crate) const MANIFEST_SIG: &str = "manifest.sig";
pub(crate) const STATEMENTS: &str = "server/statements.jsonl";
pub(crate) const PROOFS: &str = "server/proofs.jsonl";

const README: &str = "\
Quayside case-file bundle.

Check it, with no network and no access to the app's data:

    quayside-check --bundle THIS-FILE.zip [--server-key HEX]

It checks every event's signature and its device chain, every photo and shipping document
(photos/ and documents/, each file named by the SHA-256 of its bytes) against its SHA-256, the
manifest's signature, each rendering in renderings/ (an annotated photo's marks drawn over it,
as SVG to open in a browser) against the manifest, the server's signed receipts and checkpoints, and that each event is in the
server's log. Give --server-key (from `quayside-server key` on the server) to check the server's
signatures against a key you obtained yourself rather than the one the bundle names.
";

/// A file of the case by its SHA-256: a photo original or a shipping document.
pub struct BundlePhoto {
    pub sha256: String,
    pub bytes: Vec<u8>,
}

/// An annotated photo's marks drawn over it ([`crate::annotations_svg`]).
pub struct BundleRendering {
    pub photo: String,
    pub svg: Vec<u8>,
}

/// Where an event is in the Merkle tree of a checkpoint (given in `statements`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleProof {
    pub event_id: Uuid,
    pub hash: String,
    /// The checkpoint's epoch and size, which name it among the statements.
    pub epoch: String,
    pub size: u64,
    pub index: u64,
    pub path: Vec<String>,
}

pub struct BundleInput<'a> {
    pub case_id: Uuid,
    pub case_number: String,
    pub exported_at: String,
    pub exported_by: Uuid,
    pub key: &'a SigningKey,
    /// The case's events: signed bytes and signature.
    pub events: Vec<(Vec<u8>, Vec<u8>)>,
    /// Public keys of the devices that signed them.
    pub device_keys: Vec<(Uuid, [u8; 32])>,
    pub photos: Vec<BundlePhoto>,
    /// The case's shipping documents (`document_attached`), by hash like photos.
    pub documents: Vec<BundlePhoto>,
    /// Annotated photos drawn with their marks, one per photo.
    pub renderings: Vec<BundleRendering>,
    /// The server's checkpoints, receipts, revocations and the enrollments of the devices.
    pub statements: Vec<SignedStatement>,
    pub proofs: Vec<BundleProof>,
    /// The server key this device pinned (hex), if it ever synced.
    pub server_key: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub format: String,
    pub case_id: Uuid,
    pub case_number: String,
    pub exported_at: String,
    pub exported_by: Uuid,
    pub server_key: Option<String>,
    pub devices: Vec<DeviceEntry>,
    pub events: Vec<EventEntry>,
    pub photos: Vec<PhotoEntry>,
    /// Left out when empty, so a bundle without documents reads as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<PhotoEntry>,
    /// Left out when empty, so a bundle without annotations reads as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renderings: Vec<RenderingEntry>,
    /// SHA-256 of `server/statements.jsonl` and `server/proofs.jsonl` as written.
    pub statements_sha256: String,
    pub proofs_sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct DeviceEntry {
    pub device_id: Uuid,
    pub public_key: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct EventEntry {
    pub id: Uuid,
    pub device_id: Uuid,
    pub device_seq: u64,
    pub sha256: String,
    pub file: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PhotoEntry {
    pub sha256: String,
    pub size: u64,
    pub file: String,
}

/// A rendering: the photo it draws, and its file by SHA-256 like a photo's.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct RenderingEntry {
    pub photo: String,
    pub sha256: String,
    pub file: String,
}

pub(crate) fn event_file(device: Uuid, seq: u64, id: Uuid) -> String {
    format!("events/{device}/{seq:08}-{id}.json")
}

pub(crate) fn manifest_message(bytes: &[u8]) -> Vec<u8> {
    [MANIFEST_CONTEXT, bytes].concat()
}

/// Write the bundle to `out`.
pub fn write_bundle(input: BundleInput<'_>, out: impl Write + Seek) -> Result<(), BundleError> {
    let archive = |e: zip::result::ZipError| BundleError::Archive(e.to_string());
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut zip = ZipWriter::new(out);
    let mut events = Vec::new();
    for (bytes, signature) in &input.events {
        let body: EventBody = serde_json::from_slice(bytes).map_err(|e| {
            BundleError::Archive(format!("an event of the case cannot be read: {e}"))
        })?;
        let signature: [u8; 64] = signature.as_slice().try_into().map_err(|_| {
            BundleError::Archive(format!("event {} has a malformed signature", body.id))
        })?;
        let wire = WireEvent::new(bytes, &signature)
            .map_err(|e| BundleError::Archive(format!("event {}: {e}", body.id)))?;
        let file = event_file(body.device_id, body.device_seq, body.id);
        zip.start_file(file.as_str(), options).map_err(archive)?;
        zip.write_all(&serde_json::to_vec(&wire).expect("wire events serialize"))?;
        events.push(EventEntry {
            id: body.id,
            device_id: body.device_id,
            device_seq: body.device_seq,
            sha256: body_hash(bytes),
            file,
        });
    }
    let mut files = |folder: &str, list: &[BundlePhoto]| -> Result<Vec<PhotoEntry>, BundleError> {
        let mut entries = Vec::new();
        for item in list {
            let file = format!("{folder}/{}", item.sha256);
            zip.start_file(file.as_str(), options).map_err(archive)?;
            zip.write_all(&item.bytes)?;
            entries.push(PhotoEntry {
                sha256: item.sha256.clone(),
                size: item.bytes.len() as u64,
                file,
            });
        }
        Ok(entries)
    };
    let photos = files("photos", &input.photos)?;
    let documents = files("documents", &input.documents)?;
    let mut renderings = Vec::new();
    for rendering in &input.renderings {
        if !quayside_domain::photo::is_sha256(&rendering.photo) {
            return Err(BundleError::Archive(format!(
                "a rendering names {:?}, not a photo's SHA-256",
                rendering.photo
            )));
        }
        let file = format!("renderings/{}.svg", rendering.photo);
        zip.start_file(file.as_str(), options).map_err(archive)?;
        zip.write_all(&rendering.svg)?;
        renderings.push(RenderingEntry {
            photo: rendering.photo.clone(),
            sha256: hex::encode(Sha256::digest(&rendering.svg)),
            file,
        });
    }
    let mut statements = Vec::new();
    for statement in &input.statements {
        statements.extend(serde_json::to_vec(statement).expect("statements serialize"));
        statements.push(b'\n');
    }
    zip.start_file(STATEMENTS, options).map_err(archive)?;
    zip.write_all(&statements)?;
    let mut proofs = Vec::new();
    for proof in &input.proofs {
        proofs.extend(serde_json::to_vec(proof).expect("proofs serialize"));
        proofs.push(b'\n');
    }
    zip.start_file(PROOFS, options).map_err(archive)?;
    zip.write_all(&proofs)?;
    let manifest = Manifest {
        format: FORMAT.into(),
        case_id: input.case_id,
        case_number: input.case_number,
        exported_at: input.exported_at,
        exported_by: input.exported_by,
        server_key: input.server_key,
        devices: input
            .device_keys
            .iter()
            .map(|(id, key)| DeviceEntry {
                device_id: *id,
                public_key: hex::encode(key),
            })
            .collect(),
        events,
        photos,
        documents,
        renderings,
        statements_sha256: hex::encode(Sha256::digest(&statements)),
        proofs_sha256: hex::encode(Sha256::digest(&proofs)),
    };
    let manifest = serde_json::to_vec_pretty(&manifest).expect("the manifest serializes");
    zip.start_file(MANIFEST, options).map_err(archive)?;
    zip.write_all(&manifest)?;
    let signature = input.key.sign(&manifest_message(&manifest));
    zip.start_file(MANIFEST_SIG, options).map_err(archive)?;
    zip.write_all(
        base64::engine::general_purpose::STANDARD
            .encode(signature.to_bytes())
            .as_bytes(),
    )?;
    zip.start_file("README.txt", options).map_err(archive)?;
    zip.write_all(README.as_bytes())?;
    zip.finish().map_err(archive)?;
    Ok(())
}
