//! Checking a set of signed events as evidence: every signature, each device's hash chain (gaps,
//! forks, reordering), replays, events of revoked devices, and approvals against the events they
//! name. The same checks run on a client store, the server's log and a case-file bundle; each
//! finding names the event, device, sequence and case, and says what failed as a keyed message
//! (`finding.*`): worded in the reader's language on the evidence screen, in English by the
//! command-line tools. Pure: callers read the records.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use ed25519_dalek::VerifyingKey;
use quayside_i18n::{Catalogue, Message};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::event::{body_hash, EventBody, Payload, SignedEvent};

/// An event as stored: the signed bytes and the signature.
#[derive(Debug, Clone)]
pub struct Record {
    pub bytes: Vec<u8>,
    pub signature: Vec<u8>,
}

/// A device revoked after `last_valid_seq`: what it signed later is not evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revoked {
    pub device_id: Uuid,
    pub last_valid_seq: u64,
    pub revoked_at: String,
}

/// How much of each device's chain the set should hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chains {
    /// Every event each device wrote, from its first (a store, the server's log): a missing
    /// number is a gap.
    Complete,
    /// Some of each chain (one case's events): links are checked between neighbours only, and an
    /// event named by another (a dependency, an approval) must be there.
    Partial,
}

/// One thing that failed, naming what it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Finding {
    pub event_id: Option<String>,
    pub device_id: Option<String>,
    #[ts(type = "number | null")]
    pub device_seq: Option<u64>,
    pub case_id: Option<String>,
    /// What failed, keyed (`finding.*`).
    pub what: Message,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut named = Vec::new();
        if let Some(id) = &self.event_id {
            named.push(format!("event {id}"));
        }
        if let Some(d) = &self.device_id {
            match self.device_seq {
                Some(seq) => named.push(format!("device {d} number {seq}")),
                None => named.push(format!("device {d}")),
            }
        }
        if let Some(c) = &self.case_id {
            named.push(format!("case {c}"));
        }
        let what = Catalogue::english().format(&self.what);
        write!(f, "{}: {what}", named.join(", "))
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Checked {
    pub events: u64,
    pub devices: u64,
    pub findings: Vec<Finding>,
}

struct Link {
    seq: u64,
    id: Uuid,
    case_id: Uuid,
    /// None for an event whose signature failed: it holds its place in the chain (so the rest is
    /// not reported as a gap), but nothing can be said of the link after it.
    hash: Option<String>,
    prev_hash: String,
}

/// What an event that names others does to them: an approval covers them, any event in a partial
/// set depends on them. Each has its own findings, so each reads whole in every language.
#[derive(Clone, Copy)]
enum Naming {
    Approves,
    DependsOn,
}

fn finding(body: Option<&EventBody>, what: Message) -> Finding {
    Finding {
        event_id: body.map(|b| b.id.to_string()),
        device_id: body.map(|b| b.device_id.to_string()),
        device_seq: body.map(|b| b.device_seq),
        case_id: body.map(|b| b.case_id.to_string()),
        what,
    }
}

/// Check `records` (in any order). `key` gives a device's public key.
pub fn check_log(
    records: impl IntoIterator<Item = Record>,
    key: &dyn Fn(Uuid) -> Option<VerifyingKey>,
    revoked: &[Revoked],
    chains: Chains,
) -> Checked {
    // Two revocations of one device: the earlier cut-off holds.
    let mut by_device: HashMap<Uuid, &Revoked> = HashMap::new();
    for r in revoked {
        let held = by_device.entry(r.device_id).or_insert(r);
        if r.last_valid_seq < held.last_valid_seq {
            *held = r;
        }
    }
    let revoked = by_device;
    let mut keys: HashMap<Uuid, Option<VerifyingKey>> = HashMap::new();
    let mut checked = Checked::default();
    let mut links: BTreeMap<Uuid, Vec<Link>> = BTreeMap::new();
    let mut ids: HashSet<Uuid> = HashSet::new();
    // (approval, the events it names) and (event, the events it depends on), checked at the end.
    let mut names: Vec<(EventBody, Vec<Uuid>, Naming)> = Vec::new();
    let mut case_of: HashMap<Uuid, Uuid> = HashMap::new();

    for record in records {
        checked.events += 1;
        let body: EventBody = match serde_json::from_slice(&record.bytes) {
            Ok(body) => body,
            Err(e) => {
                // The parser's own words for what is wrong: technical, so they stay as it gives them.
                checked.findings.push(finding(
                    None,
                    Message::new("finding.unreadable")
                        .text("hash", body_hash(&record.bytes))
                        .text("detail", e.to_string()),
                ));
                continue;
            }
        };
        let device_key = *keys
            .entry(body.device_id)
            .or_insert_with(|| key(body.device_id));
        let Some(device_key) = device_key else {
            checked
                .findings
                .push(finding(Some(&body), Message::new("finding.no_key")));
            continue;
        };
        if SignedEvent::verify(&record.bytes, &record.signature, &device_key).is_err() {
            checked
                .findings
                .push(finding(Some(&body), Message::new("finding.bad_signature")));
            links.entry(body.device_id).or_default().push(Link {
                seq: body.device_seq,
                id: body.id,
                case_id: body.case_id,
                hash: None,
                prev_hash: body.prev_hash,
            });
            continue;
        }
        if !ids.insert(body.id) {
            checked
                .findings
                .push(finding(Some(&body), Message::new("finding.replay")));
            continue;
        }
        if let Some(r) = revoked.get(&body.device_id) {
            if body.device_seq > r.last_valid_seq {
                checked.findings.push(finding(
                    Some(&body),
                    Message::new("finding.after_revocation")
                        .text("at", r.revoked_at.as_str())
                        .text("seq", r.last_valid_seq.to_string()),
                ));
            }
        }
        case_of.insert(body.id, body.case_id);
        match &body.payload {
            Payload::ReviewApproved { covers, .. } => {
                names.push((body.clone(), covers.clone(), Naming::Approves))
            }
            _ if chains == Chains::Partial && !body.deps.is_empty() => {
                names.push((body.clone(), body.deps.clone(), Naming::DependsOn))
            }
            _ => {}
        }
        links.entry(body.device_id).or_default().push(Link {
            seq: body.device_seq,
            id: body.id,
            case_id: body.case_id,
            hash: Some(body_hash(&record.bytes)),
            prev_hash: body.prev_hash,
        });
    }
    checked.devices = keys.len() as u64;

    for (device, mut chain) in links {
        chain.sort_by_key(|l| l.seq);
        let named = |l: &Link, what: Message| Finding {
            event_id: Some(l.id.to_string()),
            device_id: Some(device.to_string()),
            device_seq: Some(l.seq),
            case_id: Some(l.case_id.to_string()),
            what,
        };
        let mut previous: Option<&Link> = None;
        for link in &chain {
            match previous {
                Some(p) if p.seq == link.seq => checked.findings.push(named(
                    link,
                    Message::new("finding.fork")
                        .text("seq", link.seq.to_string())
                        .text("other", p.id.to_string()),
                )),
                Some(p)
                    if p.seq + 1 == link.seq
                        && p.hash.as_ref().is_some_and(|h| *h != link.prev_hash) =>
                {
                    checked.findings.push(named(
                        link,
                        Message::new("finding.chain_broken").text("seq", p.seq.to_string()),
                    ))
                }
                Some(p) if p.seq + 1 == link.seq => {}
                Some(p) if chains == Chains::Complete => checked
                    .findings
                    .push(named(link, gap(p.seq + 1, link.seq - 1))),
                None if chains == Chains::Complete && link.seq == 0 => checked
                    .findings
                    .push(named(link, Message::new("finding.numbered_from_zero"))),
                None if chains == Chains::Complete && link.seq != 1 => {
                    checked.findings.push(named(link, gap(1, link.seq - 1)))
                }
                None if chains == Chains::Complete && !link.prev_hash.is_empty() => checked
                    .findings
                    .push(named(link, Message::new("finding.first_names_previous"))),
                _ => {}
            }
            previous = Some(link);
        }
    }

    for (body, named, naming) in names {
        for id in named {
            let key = match (case_of.get(&id), naming) {
                (None, Naming::Approves) => "finding.approves_missing",
                (None, Naming::DependsOn) => "finding.depends_on_missing",
                (Some(case), Naming::Approves) if *case != body.case_id => {
                    "finding.approves_other_case"
                }
                (Some(case), Naming::DependsOn) if *case != body.case_id => {
                    "finding.depends_on_other_case"
                }
                _ => continue,
            };
            checked.findings.push(finding(
                Some(&body),
                Message::new(key).text("event", id.to_string()),
            ));
        }
    }
    checked
}

fn gap(from: u64, to: u64) -> Message {
    if from == to {
        Message::new("finding.gap_one").text("seq", from.to_string())
    } else {
        Message::new("finding.gap")
            .text("from", from.to_string())
            .text("to", to.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Author, Role};
    use crate::hlc::Hlc;
    use ed25519_dalek::SigningKey;

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

        fn write(&mut self, case_id: Uuid, payload: Payload, deps: Vec<Uuid>) -> SignedEvent {
            self.seq += 1;
            let body = EventBody {
                id: Uuid::now_v7(),
                case_id,
                device_id: self.id,
                device_seq: self.seq,
                author: Author {
                    name: "Ines".into(),
                    role: Role::Supervisor,
                },
                hlc: Hlc(self.seq),
                wall_time: "2026-12-01T10:00:00Z".into(),
                deps,
                prev_hash: self.prev.clone(),
                payload,
                reason: None,
            };
            let event = SignedEvent::sign(body, &self.key);
            self.prev = event.hash();
            event
        }
    }

    fn record(e: &SignedEvent) -> Record {
        Record {
            bytes: e.bytes.clone(),
            signature: e.signature.to_vec(),
        }
    }

    fn note(text: &str) -> Payload {
        Payload::ReviewSubmitted {
            comment: Some(text.into()),
            acknowledged: vec![],
        }
    }

    fn check(events: &[SignedEvent], devices: &[&Device], chains: Chains) -> Checked {
        check_with(events.iter().map(record).collect(), devices, &[], chains)
    }

    fn check_with(
        records: Vec<Record>,
        devices: &[&Device],
        revoked: &[Revoked],
        chains: Chains,
    ) -> Checked {
        let keys: HashMap<Uuid, VerifyingKey> = devices
            .iter()
            .map(|d| (d.id, d.key.verifying_key()))
            .collect();
        check_log(records, &|id| keys.get(&id).copied(), revoked, chains)
    }

    /// Each finding in English, checked in every language first (its key there, every argument
    /// it takes given).
    fn whats(c: &Checked) -> Vec<String> {
        for f in &c.findings {
            for locale in quayside_i18n::Locale::TRANSLATED {
                if let Err(e) = Catalogue::get(locale).format_checked(&f.what) {
                    panic!("{locale:?}: {e}");
                }
            }
        }
        c.findings.iter().map(|f| f.to_string()).collect()
    }

    fn story() -> (Device, Device, Vec<SignedEvent>) {
        let case = Uuid::from_u128(77);
        let (mut a, mut b) = (Device::new(1), Device::new(2));
        let e1 = a.write(case, note("one"), vec![]);
        let e2 = a.write(case, note("two"), vec![e1.body.id]);
        let e3 = b.write(case, note("three"), vec![e2.body.id]);
        let e4 = b.write(
            case,
            Payload::ReviewApproved {
                covers: vec![e1.body.id, e2.body.id],
                comment: None,
            },
            vec![e3.body.id],
        );
        (a, b, vec![e1, e2, e3, e4])
    }

    #[test]
    fn an_intact_log_in_any_order_has_no_findings() {
        let (a, b, mut events) = story();
        events.reverse();
        let c = check(&events, &[&a, &b], Chains::Complete);
        assert_eq!(whats(&c), Vec::<String>::new());
        assert_eq!((c.events, c.devices), (4, 2));
    }

    #[test]
    fn a_flipped_byte_is_named_by_its_event() {
        let (a, b, events) = story();
        let mut records: Vec<Record> = events.iter().map(record).collect();
        // A byte inside the payload text: still JSON, no longer what was signed.
        let at = records[2]
            .bytes
            .windows(5)
            .position(|w| w == b"three")
            .unwrap();
        records[2].bytes[at] = b'T';
        let c = check_with(records, &[&a, &b], &[], Chains::Complete);
        let w = whats(&c);
        assert!(
            w.iter().any(|f| f.contains(&events[2].body.id.to_string())
                && f.contains("changed after it was signed")),
            "{w:?}"
        );
        // A flipped signature byte is named too.
        let mut records: Vec<Record> = events.iter().map(record).collect();
        records[0].signature[5] ^= 1;
        let w = whats(&check_with(records, &[&a, &b], &[], Chains::Complete));
        assert!(w[0].contains(&events[0].body.id.to_string()), "{w:?}");
    }

    #[test]
    fn a_dropped_event_is_a_gap_and_a_missing_approved_event() {
        let (a, b, events) = story();
        let kept = [events[1].clone(), events[2].clone(), events[3].clone()];
        let w = whats(&check(&kept, &[&a, &b], Chains::Complete));
        assert!(w.iter().any(|f| f.contains("number 1 is missing")), "{w:?}");
        assert!(w.iter().any(|f| f.contains(&format!(
            "approves event {}, which is missing",
            events[0].body.id
        ))));
        // In one case's bundle the numbers need not be contiguous, but what is named must be there.
        let w = whats(&check(&kept, &[&a, &b], Chains::Partial));
        assert!(!w.iter().any(|f| f.contains("gap")), "{w:?}");
        assert!(w.iter().any(|f| f.contains("depends on event")), "{w:?}");
    }

    #[test]
    fn a_replayed_event_and_a_forked_chain_are_named() {
        let (a, b, mut events) = story();
        events.push(events[1].clone());
        let w = whats(&check(&events, &[&a, &b], Chains::Complete));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("a replay"), "{w:?}");

        // A copy of device a's folder writes its own number 3, as a goes on.
        let (mut a, b, mut events) = story();
        let mut clone = Device {
            key: a.key.clone(),
            id: a.id,
            seq: a.seq,
            prev: a.prev.clone(),
        };
        let case = events[0].body.case_id;
        events.push(a.write(case, note("original"), vec![]));
        events.push(clone.write(case, note("clone"), vec![]));
        let w = whats(&check(&events, &[&a, &b], Chains::Complete));
        assert!(
            w.iter()
                .any(|f| f.contains("forked") && f.contains("number 3")),
            "{w:?}"
        );
    }

    #[test]
    fn a_reordered_chain_is_named() {
        let case = Uuid::from_u128(5);
        let mut a = Device::new(1);
        let e1 = a.write(case, note("1"), vec![]);
        // Event 2 signed as if it followed nothing: it does not link to number 1.
        a.prev = String::new();
        let e2 = a.write(case, note("2"), vec![]);
        let w = whats(&check(&[e1, e2], &[&a], Chains::Complete));
        assert!(
            w.iter().any(|f| f.contains("does not follow number 1")),
            "{w:?}"
        );
    }

    #[test]
    fn events_after_a_revocation_are_refused_and_those_before_stay_valid() {
        let (a, b, events) = story();
        let revoked = [Revoked {
            device_id: b.id,
            last_valid_seq: 1,
            revoked_at: "2026-12-01T11:00:00Z".into(),
        }];
        let c = check_with(
            events.iter().map(record).collect(),
            &[&a, &b],
            &revoked,
            Chains::Complete,
        );
        let w = whats(&c);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains(&events[3].body.id.to_string()) && w[0].contains("revoked"));
        // Two revocations of one device that disagree: the earlier cut-off holds, whatever the order.
        let two = [
            Revoked {
                last_valid_seq: 2,
                ..revoked[0].clone()
            },
            Revoked {
                last_valid_seq: 0,
                ..revoked[0].clone()
            },
        ];
        let c = check_with(
            events.iter().map(record).collect(),
            &[&a, &b],
            &two,
            Chains::Complete,
        );
        assert_eq!(whats(&c).len(), 2, "{:?}", whats(&c));
    }

    #[test]
    fn a_device_numbered_from_zero_is_named_not_a_panic() {
        let mut a = Device::new(1);
        a.seq = 0;
        let mut e = a.write(Uuid::from_u128(5), note("0"), vec![]);
        e.body.device_seq = 0;
        let e = SignedEvent::sign(e.body, &a.key);
        let w = whats(&check(&[e], &[&a], Chains::Complete));
        assert!(
            w.iter().any(|f| f.contains("numbered from 1, not 0")),
            "{w:?}"
        );
    }

    #[test]
    fn an_unknown_key_or_unreadable_bytes_are_named() {
        let (a, _b, events) = story();
        let w = whats(&check(&events, &[&a], Chains::Complete));
        assert!(w.iter().any(|f| f.contains("no public key")), "{w:?}");
        let c = check_with(
            vec![Record {
                bytes: b"not json".to_vec(),
                signature: vec![0; 64],
            }],
            &[&a],
            &[],
            Chains::Complete,
        );
        assert!(whats(&c)[0].contains("cannot be read"));
    }
}
