//! `quayside-server verify`: the whole log and every photo it references, checked through
//! `ServerStore` and `BlobStore`, so it runs the same on either backend. The event checks are the
//! domain's `integrity::check_log` (signatures, chains, replays, revocations, approvals), the ones
//! every verifier shares; on top come what
//! only the server stores: each row's hash and columns against its signed body, the forks the
//! quarantine holds (a fork means a cloned device), and each photo against its SHA-256.

use std::collections::{BTreeMap, HashMap};

use base64::Engine;
use ed25519_dalek::VerifyingKey;
use quayside_domain::event::{body_hash, EventBody};
use quayside_i18n::{Catalogue, Message};
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;
use uuid::Uuid;

use crate::blobs::BlobStore;
use crate::storage::{LogPlace, ServerStore, StoredEvent};
use quayside_domain::integrity::{check_log, Chains, Finding, Record, Revoked};

/// The whole log in one query, so in one snapshot: on PostgreSQL, pages read one after another
/// could miss a push that was still running when an earlier page was read, and then name a hole
/// in its device's chain that is not there. The records are all held for `check_log` anyway.
const WHOLE_LOG: usize = i64::MAX as usize;

/// What `verify` found: one line per problem, and the counts for the last line.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub problems: Vec<String>,
    /// Photos whose upload has started and not finished: not a problem (the device that took it
    /// sends the rest at its next sync), but not checked either.
    pub waiting: Vec<String>,
    pub events: u64,
    pub devices: u64,
    pub photos: u64,
}

impl Report {
    /// The last line: `verified: ...` or `FAILED: ...`.
    pub fn summary(&self) -> String {
        let counts = format!(
            "{} events from {} devices; {} photos",
            self.events, self.devices, self.photos
        );
        let counts = match self.waiting.len() {
            0 => counts,
            n => format!("{counts} ({n} of them waiting for upload, not checked)"),
        };
        match self.problems.len() {
            0 => format!("verified: {counts}"),
            1 => format!("FAILED: 1 problem in {counts}"),
            n => format!("FAILED: {n} problems in {counts}"),
        }
    }
}

/// Check everything; Err when the check cannot run (storage unreachable), never for a finding.
pub async fn verify(store: &dyn ServerStore, blobs: &dyn BlobStore) -> Result<Report, String> {
    let failed = |e: crate::storage::StoreError| format!("cannot read the log: {e}");
    let mut report = Report::default();
    let mut findings = Vec::new();
    let mut records = Vec::new();
    // Photo hash -> a case that references it (for the line naming it).
    let mut photos: BTreeMap<String, Uuid> = BTreeMap::new();
    let mut sizes: HashMap<String, u64> = HashMap::new();
    // The highest sequence of each device in the log as read.
    let mut heads: HashMap<Uuid, u64> = HashMap::new();
    let log = store
        .log_events(LogPlace::default(), WHOLE_LOG)
        .await
        .map_err(failed)?;
    for event in log {
        report.events += 1;
        findings.extend(row_findings(&event));
        if let Ok(device) = event.device_id.parse::<Uuid>() {
            let head = heads.entry(device).or_default();
            *head = (*head).max(event.device_seq);
        }
        if let Ok(body) = serde_json::from_slice::<EventBody>(&event.body) {
            if let Some((sha256, size)) = body.payload.blob() {
                photos.entry(sha256.to_string()).or_insert(body.case_id);
                // The first event naming it sets the size an upload must reach, as for the
                // upload route.
                sizes.entry(sha256.to_string()).or_insert(size);
            }
        }
        records.push(Record {
            bytes: event.body,
            signature: event.signature,
        });
    }
    // Read after the log, so whatever the log holds was pushed by a device enrolled by now, with
    // its revocation as it stands (a server may be running beside).
    let keys: HashMap<Uuid, VerifyingKey> = store
        .devices()
        .await
        .map_err(failed)?
        .into_iter()
        .filter_map(|d| Some((d.id, VerifyingKey::from_bytes(&d.public_key).ok()?)))
        .collect();
    let revoked: Vec<Revoked> = store
        .revoked_devices()
        .await
        .map_err(failed)?
        .into_iter()
        .map(|r| Revoked {
            device_id: r.device_id,
            last_valid_seq: r.last_valid_seq,
            revoked_at: r.revoked_at,
        })
        .collect();
    // Events set aside that continued their chain are part of it (the device's head counts
    // them), so the chains are checked with them, or each would look like a gap in the log. Only
    // those before the device's last event in the log as read: later ones may have come after
    // the log was read, and leaving out a chain's tail makes no gap.
    for q in store.quarantine().await.map_err(failed)? {
        let before_head = match (q.device_id, q.device_seq) {
            (Some(device), Some(seq)) => heads.get(&device).is_some_and(|head| seq < *head),
            _ => false,
        };
        if q.in_chain && before_head {
            let signature = base64::engine::general_purpose::STANDARD
                .decode(&q.signature)
                .unwrap_or_default();
            records.push(Record {
                bytes: q.body.into_bytes(),
                signature,
            });
        } else if !q.in_chain && q.reason.starts_with("fork") {
            findings.push(Finding {
                event_id: q.event_id.map(|id| id.to_string()),
                device_id: q.device_id.map(|id| id.to_string()),
                device_seq: q.device_seq,
                case_id: None,
                what: Message::new("finding.server_quarantined_fork")
                    .text("quarantine", q.id.to_string())
                    .text("at", q.received_at.to_string())
                    .text("pusher", q.pushed_by.to_string())
                    .text("reason", q.reason.clone()),
            });
        }
    }
    let checked = check_log(
        records,
        &|device| keys.get(&device).copied(),
        &revoked,
        Chains::Complete,
    );
    report.devices = checked.devices;
    findings.extend(checked.findings);
    report.problems.extend(findings.iter().map(event_line));

    report.photos = photos.len() as u64;
    for (sha256, case) in &photos {
        match photo_problem(blobs, sha256, sizes.get(sha256).copied()).await {
            None => {}
            Some(PhotoState::Waiting(what)) => report
                .waiting
                .push(format!("photo {sha256}\tcase {case}: {what}")),
            Some(PhotoState::Problem(what)) => report
                .problems
                .push(format!("photo {sha256}\tcase {case}: {what}")),
        }
    }
    Ok(report)
}

/// What is wrong with a log row beside its signature: its stored hash, its columns.
fn row_findings(event: &StoredEvent) -> Vec<Finding> {
    #[derive(serde::Deserialize, Default)]
    struct Header {
        id: Option<Uuid>,
        device_id: Option<Uuid>,
        device_seq: Option<u64>,
        case_id: Option<Uuid>,
    }
    let header: Header = serde_json::from_slice(&event.body).unwrap_or_default();
    let finding = |what: Message| Finding {
        event_id: Some(header.id.map_or(event.id.clone(), |id| id.to_string())),
        device_id: Some(
            header
                .device_id
                .map_or(event.device_id.clone(), |id| id.to_string()),
        ),
        device_seq: header.device_seq.or(Some(event.device_seq)),
        case_id: Some(
            header
                .case_id
                .map_or(event.case_id.clone(), |id| id.to_string()),
        ),
        what,
    };
    let mut findings = Vec::new();
    let actual = body_hash(&event.body);
    if event.hash != actual {
        findings.push(finding(
            Message::new("finding.server_body_hash")
                .text("actual", actual.as_str())
                .text("stored", event.hash.as_str())
                .text("position", event.place.seq.to_string()),
        ));
    }
    let columns = (
        event.id.as_str(),
        event.device_id.as_str(),
        event.device_seq,
        event.case_id.as_str(),
    );
    let signed = (
        header.id.map(|u| u.to_string()),
        header.device_id.map(|u| u.to_string()),
        header.device_seq,
        header.case_id.map(|u| u.to_string()),
    );
    let differs = signed.0.as_deref() != Some(columns.0)
        || signed.1.as_deref() != Some(columns.1)
        || signed.2 != Some(columns.2)
        || signed.3.as_deref() != Some(columns.3);
    if differs && serde_json::from_slice::<serde_json::Value>(&event.body).is_ok() {
        findings.push(finding(
            Message::new("finding.server_row_differs")
                .text("event", columns.0)
                .text("device", columns.1)
                .text("seq", columns.2.to_string())
                .text("case", columns.3),
        ));
    }
    findings
}

fn event_line(f: &Finding) -> String {
    let or_unknown = |v: Option<&str>| v.unwrap_or("?").to_string();
    format!(
        "event {}\tdevice {}\tseq {}\tcase {}: {}",
        or_unknown(f.event_id.as_deref()),
        or_unknown(f.device_id.as_deref()),
        or_unknown(f.device_seq.map(|v| v.to_string()).as_deref()),
        or_unknown(f.case_id.as_deref()),
        // A tool for the server's operator: it reports in English, like the logs.
        Catalogue::english().format(&f.what)
    )
}

/// A photo that is not (yet) as the log says.
enum PhotoState {
    /// Its upload started and has not finished: not tampering.
    Waiting(String),
    Problem(String),
}

/// Why the original of `sha256` is not as the log says, if it is not. `size` is what the log's
/// `photo_attached` or `document_attached` names.
async fn photo_problem(
    blobs: &dyn BlobStore,
    sha256: &str,
    size: Option<u64>,
) -> Option<PhotoState> {
    use PhotoState::{Problem, Waiting};
    if !quayside_protocol::is_sha256(sha256) {
        return Some(Problem(
            "the log names this photo by something that is not a SHA-256".into(),
        ));
    }
    let unreadable = |e: std::io::Error| Some(Problem(format!("unreadable: {e}")));
    let mut reader = match blobs.read(sha256, 0).await {
        Ok(Some((_, reader))) => reader,
        Ok(None) => {
            return Some(match (blobs.received(sha256, None).await, size) {
                (Ok(0) | Err(_), _) => Problem(
                    "missing: the server does not hold this original (never uploaded, or \
                     deleted)"
                        .to_string(),
                ),
                (Ok(n), Some(size)) if n < size => Waiting(format!(
                    "waiting for upload: {n} of {size} bytes received; the device that took it \
                     sends the rest at its next sync"
                )),
                // Every byte, and the process stopped before the hash check: the device's next
                // upload status request runs it.
                (Ok(n), Some(size)) if n == size => Waiting(format!(
                    "waiting for upload: all {size} bytes received, not yet checked against the \
                     hash; done when the device that took it next syncs"
                )),
                (Ok(n), Some(size)) => Problem(format!(
                    "missing: {n} bytes were received of the {size} its event names, and no \
                     complete original is held"
                )),
                (Ok(n), None) => Problem(format!("missing: its upload stopped after {n} bytes")),
            });
        }
        Err(e) => return unreadable(e),
    };
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 256 * 1024];
    loop {
        match reader.read(&mut buffer).await {
            Ok(0) => break,
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) => return unreadable(e),
        }
    }
    let actual = hex::encode(hasher.finalize());
    (actual != sha256).then(|| {
        Problem(format!(
            "altered: the stored original hashes to {actual}, not to the hash it is named by"
        ))
    })
}
