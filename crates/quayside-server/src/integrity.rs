//! The checks of a whole log's events, pure: each signature by its device's enrolled key, each
//! device's chain, no event id twice, no event of a revoked device past its last valid one, and
//! approvals naming only events of the log.
//!
//! Stands in until `quayside_domain::integrity::check_log` lands on main, with the same shape, so
//! `audit` switches over by changing one `use`.

use std::collections::{BTreeMap, HashMap, HashSet};

use ed25519_dalek::VerifyingKey;
use quayside_domain::event::{body_hash, EventBody, EventError, Payload, SignedEvent};
use serde::Deserialize;
use uuid::Uuid;

/// An event as stored: its body's bytes exactly as signed, and the signature.
pub struct Record {
    pub bytes: Vec<u8>,
    pub signature: Vec<u8>,
}

pub struct Revoked {
    pub device_id: Uuid,
    pub last_valid_seq: u64,
    pub revoked_at: String,
}

/// Whether the records hold every device's whole chain (a full log) or only parts of them.
pub enum Chains {
    /// Every device chain must start at 1 with no gap.
    Complete,
    /// Only links between events that are both present are checked.
    Partial,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub event_id: Option<Uuid>,
    pub device_id: Option<Uuid>,
    pub device_seq: Option<u64>,
    pub case_id: Option<Uuid>,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub events: u64,
    pub devices: u64,
    pub findings: Vec<Finding>,
}

/// What could be read of a body that does not decode as a whole.
#[derive(Default, Deserialize)]
struct Header {
    #[serde(default)]
    id: Option<Uuid>,
    #[serde(default)]
    device_id: Option<Uuid>,
    #[serde(default)]
    device_seq: Option<u64>,
    #[serde(default)]
    case_id: Option<Uuid>,
}

struct Link {
    id: Uuid,
    case_id: Uuid,
    hash: String,
    prev_hash: String,
}

/// Check every record (in any order) against the devices' keys and revocations.
pub fn check_log(
    records: impl IntoIterator<Item = Record>,
    key: &dyn Fn(Uuid) -> Option<VerifyingKey>,
    revoked: &[Revoked],
    chains: Chains,
) -> Checked {
    let mut findings = Vec::new();
    let mut events = 0u64;
    let mut ids: HashSet<Uuid> = HashSet::new();
    // Every id the records name, readable or not: an approval of an event that is there but
    // damaged is the damaged event's finding, not the approval's.
    let mut present: HashSet<Uuid> = HashSet::new();
    let mut chain: HashMap<Uuid, BTreeMap<u64, Vec<Link>>> = HashMap::new();
    let mut approvals: Vec<(EventBody, Vec<Uuid>)> = Vec::new();
    let revoked: HashMap<Uuid, &Revoked> = revoked.iter().map(|r| (r.device_id, r)).collect();
    for record in records {
        events += 1;
        let header: Header = serde_json::from_slice(&record.bytes).unwrap_or_default();
        present.extend(header.id);
        let finding = |what: String| Finding {
            event_id: header.id,
            device_id: header.device_id,
            device_seq: header.device_seq,
            case_id: header.case_id,
            what,
        };
        let Some(device) = header.device_id else {
            findings.push(finding(
                "the body names no readable device: it is not an event".into(),
            ));
            continue;
        };
        let Some(device_key) = key(device) else {
            findings.push(finding(format!(
                "no key is enrolled for device {device}: nobody can say who signed it"
            )));
            continue;
        };
        let event = match SignedEvent::verify(&record.bytes, &record.signature, &device_key) {
            Ok(event) => event,
            Err(EventError::Decode(why)) => {
                findings.push(finding(format!(
                    "the body does not decode as an event: {why}"
                )));
                continue;
            }
            Err(_) => {
                findings.push(finding(format!(
                    "the signature does not verify with device {device}'s enrolled key: the \
                     body was altered or signed by another key"
                )));
                continue;
            }
        };
        let body = event.body;
        let finding = |what: String| Finding {
            event_id: Some(body.id),
            device_id: Some(body.device_id),
            device_seq: Some(body.device_seq),
            case_id: Some(body.case_id),
            what,
        };
        if !ids.insert(body.id) {
            findings.push(finding(format!(
                "event id {} is in the log more than once: a replayed or copied event",
                body.id
            )));
        }
        if let Some(r) = revoked.get(&body.device_id) {
            if body.device_seq > r.last_valid_seq {
                findings.push(finding(format!(
                    "device {} was revoked on {} with {} valid events; this is event {}, after \
                     its revocation",
                    body.device_id, r.revoked_at, r.last_valid_seq, body.device_seq
                )));
            }
        }
        if let Payload::ReviewApproved { covers, .. } = &body.payload {
            approvals.push((body.clone(), covers.clone()));
        }
        chain
            .entry(body.device_id)
            .or_default()
            .entry(body.device_seq)
            .or_default()
            .push(Link {
                id: body.id,
                case_id: body.case_id,
                hash: body_hash(&record.bytes),
                prev_hash: body.prev_hash,
            });
    }
    for (body, covers) in approvals {
        for covered in covers.iter().filter(|id| !present.contains(id)) {
            findings.push(Finding {
                event_id: Some(body.id),
                device_id: Some(body.device_id),
                device_seq: Some(body.device_seq),
                case_id: Some(body.case_id),
                what: format!(
                    "the approval covers event {covered}, which is not in the log: the \
                     supervisor approved something nobody can see"
                ),
            });
        }
    }
    let devices = chain.len() as u64;
    let mut by_device: Vec<_> = chain.into_iter().collect();
    by_device.sort_by_key(|(device, _)| *device);
    for (device, seqs) in by_device {
        findings.extend(chain_findings(device, &seqs, &chains));
    }
    Checked {
        events,
        devices,
        findings,
    }
}

fn chain_findings(device: Uuid, seqs: &BTreeMap<u64, Vec<Link>>, chains: &Chains) -> Vec<Finding> {
    let mut findings = Vec::new();
    let finding = |seq: u64, link: &Link, what: String| Finding {
        event_id: Some(link.id),
        device_id: Some(device),
        device_seq: Some(seq),
        case_id: Some(link.case_id),
        what,
    };
    let mut expected = 1u64;
    for (&seq, links) in seqs {
        let link = &links[0];
        for other in &links[1..] {
            findings.push(finding(
                seq,
                other,
                format!(
                    "fork: device {device} has two events as seq {seq} ({} and {}): the device \
                     was cloned or its chain rewritten",
                    link.id, other.id
                ),
            ));
        }
        if matches!(chains, Chains::Complete) && seq != expected {
            let what = if expected + 1 == seq {
                format!("device {device}'s event {expected} is missing from the log")
            } else {
                format!(
                    "device {device}'s events {expected} to {} are missing from the log",
                    seq - 1
                )
            };
            findings.push(finding(seq, link, what));
        }
        expected = seq + 1;
        let previous = match seq {
            1 => Some(String::new()),
            _ => seqs.get(&(seq - 1)).map(|p| p[0].hash.clone()),
        };
        for link in links {
            if let Some(previous) = &previous {
                if link.prev_hash != *previous {
                    findings.push(finding(
                        seq,
                        link,
                        format!(
                            "the chain is broken: prev_hash does not name device {device}'s \
                             event {} as the log holds it (an event was altered or replaced)",
                            seq.saturating_sub(1)
                        ),
                    ));
                }
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::SigningKey;
    use quayside_domain::event::{Author, Role};
    use quayside_domain::fields::Field;
    use quayside_domain::hlc::Hlc;

    fn chain(key: &SigningKey, device: Uuid, n: u64) -> Vec<SignedEvent> {
        let case = Uuid::now_v7();
        let mut prev = String::new();
        (1..=n)
            .map(|seq| {
                let event = SignedEvent::sign(
                    EventBody {
                        id: Uuid::now_v7(),
                        case_id: case,
                        device_id: device,
                        device_seq: seq,
                        author: Author {
                            name: "ann".into(),
                            role: Role::Inspector,
                        },
                        hlc: Hlc::new(1_700_000_000_000 + seq, 0),
                        wall_time: "2026-12-01T10:00:00.000Z".into(),
                        deps: vec![],
                        prev_hash: prev.clone(),
                        payload: Payload::FieldSet {
                            item: None,
                            field: Field::VesselName,
                            value: Some(format!("V{seq}")),
                        },
                        reason: None,
                    },
                    key,
                );
                prev = event.hash();
                event
            })
            .collect()
    }

    fn records(events: &[SignedEvent]) -> Vec<Record> {
        events
            .iter()
            .map(|e| Record {
                bytes: e.bytes.clone(),
                signature: e.signature.to_vec(),
            })
            .collect()
    }

    #[test]
    fn a_clean_log_passes_and_each_kind_of_damage_is_named() {
        let key = SigningKey::from_bytes(&[3; 32]);
        let device = Uuid::new_v4();
        let events = chain(&key, device, 5);
        let keys = |id: Uuid| (id == device).then(|| key.verifying_key());
        let clean = check_log(records(&events), &keys, &[], Chains::Complete);
        assert_eq!((clean.events, clean.devices), (5, 1));
        assert!(clean.findings.is_empty(), "{:?}", clean.findings);

        // A gap (event 3 gone), a replay (event 5 twice), a revocation after event 3.
        let mut damaged = records(&events);
        damaged.remove(2);
        damaged.extend(records(&events[4..]));
        let revoked = [Revoked {
            device_id: device,
            last_valid_seq: 3,
            revoked_at: "2026-12-01T11:00:00.000Z".into(),
        }];
        let found = check_log(damaged, &keys, &revoked, Chains::Complete).findings;
        let whats: Vec<&str> = found.iter().map(|f| f.what.as_str()).collect();
        assert!(
            whats.iter().any(|w| w.contains("event 3 is missing")),
            "{whats:?}"
        );
        assert!(
            whats.iter().any(|w| w.contains("more than once")),
            "{whats:?}"
        );
        assert!(
            whats.iter().any(|w| w.contains("after its revocation")),
            "{whats:?}"
        );
        // Partial chains: the gap alone is no finding.
        let mut partial = records(&events);
        partial.remove(0);
        assert!(check_log(partial, &keys, &[], Chains::Partial)
            .findings
            .is_empty());

        // A flipped byte: the signature fails and the next link is broken.
        let mut tampered = records(&events);
        let at = tampered[1].bytes.iter().position(|b| *b == b'V').unwrap();
        tampered[1].bytes[at + 1] ^= 0x01;
        let found = check_log(tampered, &keys, &[], Chains::Complete).findings;
        assert!(found
            .iter()
            .any(|f| f.event_id == Some(events[1].body.id) && f.what.contains("signature")));
    }
}
