//! Deciding a push, independent of the storage backend. `check` does what needs no storage (parse,
//! who the event belongs to, the signature); `wanted` says what the backend must look up; `plan`
//! decides each event against the device's chain head and those facts: duplicate, accept,
//! quarantine (with the reason, in the chain or not) or defer. A backend runs `plan` inside the
//! push's transaction and stores what it says.

use std::collections::HashMap;

use base64::Engine;
use ed25519_dalek::VerifyingKey;
use quayside_domain::cores::map_on_all_cores;
use quayside_domain::event::{EventError, Payload, Role, SignedEvent};
use quayside_protocol::{is_sha256, PushResponse, Refusal, RefusalCode, WireEvent};
use serde::Deserialize;
use uuid::Uuid;

/// One pushed event after the checks that need no storage.
#[derive(Debug, Clone)]
pub enum Checked {
    /// Unreadable, another device's, or forged: quarantined, never part of a chain.
    Refused {
        index: usize,
        header: Header,
        raw: Raw,
        code: RefusalCode,
        reason: String,
        /// The signature verified (the body did not decode: a newer app's event, say).
        signed: bool,
    },
    /// Signed by the pushing device's key and readable.
    Verified {
        index: usize,
        event: Box<SignedEvent>,
        raw: Raw,
    },
}

/// The event as sent, kept for the quarantine record.
#[derive(Debug, Clone)]
pub struct Raw {
    pub body: Vec<u8>,
    pub signature: String,
}

/// Rows of unsigned junk (hash, size, reason) the quarantine keeps per device; a push that would
/// go past it is refused whole (429) until an admin prunes them.
pub const JUNK_QUOTA: u64 = 1_000;

/// What could be read of a body that may not decode as a whole.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Header {
    #[serde(default)]
    pub id: Option<Uuid>,
    #[serde(default)]
    pub device_id: Option<Uuid>,
    #[serde(default)]
    pub device_seq: Option<u64>,
}

/// Check a batch pushed by `pusher`, whose enrolled key is `key`: what each event is, on every
/// core, then every signature in batches (one per core, [`SignedEvent::verify_many`]): the
/// signature checks are most of a push's cost, and a batch of one device's events costs a
/// fraction of checking each.
pub fn check(events: &[WireEvent], pusher: Uuid, key: &VerifyingKey) -> Vec<Checked> {
    let sorted = map_on_all_cores(events.iter().enumerate().collect(), |(index, wire)| {
        let raw = Raw {
            body: wire.body.get().as_bytes().to_vec(),
            signature: wire.signature.clone(),
        };
        let header: Header = serde_json::from_slice(&raw.body).unwrap_or_default();
        let refuse = |header: Header, raw: Raw, code: RefusalCode, reason: String| {
            Err(Box::new(Checked::Refused {
                index,
                header,
                raw,
                signed: false,
                code,
                reason,
            }))
        };
        let (bytes, signature) = match wire.parts() {
            Ok(parts) => parts,
            Err(why) => return refuse(header, raw, RefusalCode::Malformed, why),
        };
        let Some(device) = header.device_id else {
            return refuse(
                header,
                raw,
                RefusalCode::NotAnEvent,
                "the body names no readable device_id: it is not an event".into(),
            );
        };
        if device != pusher {
            return refuse(
                header,
                raw,
                RefusalCode::OtherDevice,
                format!(
                    "event of device {device} pushed by device {pusher}: a device may only \
                         push its own chain"
                ),
            );
        }
        Ok((index, header, raw, bytes, signature))
    });
    let to_verify: Vec<(&[u8], &[u8], &VerifyingKey)> = sorted
        .iter()
        .flatten()
        .map(|(_, _, _, bytes, signature)| (bytes.as_slice(), signature.as_slice(), key))
        .collect();
    let mut verified = SignedEvent::verify_many(&to_verify, || rand_core_06::OsRng).into_iter();
    sorted
        .into_iter()
        .map(|sorted| {
            let (index, header, raw, _, _) = match sorted {
                Ok(pending) => pending,
                Err(refused) => return *refused,
            };
            let refuse =
                |header: Header, raw: Raw, code: RefusalCode, reason: String| Checked::Refused {
                    index,
                    header,
                    raw,
                    signed: code == RefusalCode::Undecodable,
                    code,
                    reason,
                };
            match verified.next().expect("one answer per event checked") {
                Ok(event) => Checked::Verified {
                    index,
                    event: Box::new(event),
                    raw,
                },
                Err(EventError::Decode(why)) => refuse(
                    header,
                    raw,
                    RefusalCode::Undecodable,
                    format!("the body does not decode as an event: {why}"),
                ),
                Err(_) => refuse(
                    header,
                    raw,
                    RefusalCode::BadSignature,
                    format!(
                        "the signature does not verify with the key device {pusher} enrolled: \
                         the body was altered or signed by another key"
                    ),
                ),
            }
        })
        .collect()
}

/// What a backend looks up for `plan`.
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    /// Events held under these ids (log, or quarantine in a chain).
    pub ids: Vec<Uuid>,
    /// Events of the pushing device held at these sequences.
    pub seqs: Vec<u64>,
    /// Which of these cases the server knows (has their `case_opened`).
    pub cases: Vec<Uuid>,
    /// Photo and document hashes the batch references: which ports' cases reference them.
    pub blobs: Vec<String>,
}

pub fn wanted(batch: &[Checked]) -> Wanted {
    let mut wanted = Wanted::default();
    for checked in batch {
        if let Checked::Verified { event, .. } = checked {
            wanted.ids.push(event.body.id);
            wanted.seqs.push(event.body.device_seq);
            wanted.cases.push(event.body.case_id);
            if let Some((sha256, _)) = event.body.payload.blob() {
                wanted.blobs.push(sha256.to_string());
            }
        }
    }
    wanted
}

/// An event the server holds in a device's chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub id: Uuid,
    pub device_id: Uuid,
    pub device_seq: u64,
    pub hash: String,
}

/// What the backend found, inside the push's transaction.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The device's chain head: highest contiguous sequence held and that event's hash.
    pub head_seq: u64,
    pub head_hash: String,
    pub by_id: HashMap<Uuid, Held>,
    pub by_seq: HashMap<u64, Held>,
    /// The cases among those wanted that the server knows, with their port.
    pub known_cases: HashMap<Uuid, String>,
    /// The blobs among those wanted that accepted events reference, with the ports of their cases.
    pub blob_ports: HashMap<String, Vec<String>>,
}

/// Whose rights judge each event a device pushes: the account an event's author names, when it
/// is one of the people working on the device, else the device's user (events written under a
/// name typed on the device before it was enrolled, and by people who have no account).
#[derive(Debug, Clone)]
pub struct DeviceRights {
    pub user: Rights,
    /// The other accounts working on the device, by user name; a revoked one maps to when.
    pub people: HashMap<String, Result<Rights, String>>,
}

impl DeviceRights {
    /// The rights of the device's user alone (a device nobody else works on).
    pub fn of_user(user: Rights) -> DeviceRights {
        DeviceRights {
            user,
            people: HashMap::new(),
        }
    }

    fn of_author(&self, name: &str) -> Result<&Rights, &str> {
        match self.people.get(name) {
            Some(Ok(rights)) => Ok(rights),
            Some(Err(revoked_at)) => Err(revoked_at),
            None => Ok(&self.user),
        }
    }
}

/// What an account working on the pushing device may do.
#[derive(Debug, Clone)]
pub struct Rights {
    pub role: Role,
    /// The ports whose cases the user works or supervises; None: every port (admins).
    pub ports: Option<Vec<String>>,
}

impl Rights {
    /// Review decisions (approve, return) are a supervisor's; an admin may make them too.
    pub fn may_review(&self) -> bool {
        matches!(self.role, Role::Supervisor | Role::Admin)
    }

    fn works(&self, port: &str) -> bool {
        self.ports
            .as_ref()
            .is_none_or(|ports| ports.iter().any(|p| p == port))
    }

    /// An event may not name a higher role than its author's account has.
    fn allows_claim(&self, claimed: Role) -> bool {
        fn rank(role: Role) -> u8 {
            match role {
                // An analyst working a port writes there as an inspector would.
                Role::Inspector | Role::Analyst => 0,
                Role::Supervisor => 1,
                Role::Admin => 2,
                // A role this version does not know grants nothing it can check.
                Role::Other => 3,
            }
        }
        rank(claimed) <= rank(self.role)
    }
}

/// An event to take into the log.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub event: SignedEvent,
    /// Set for `case_opened`: the case's port.
    pub opens_case: Option<String>,
    /// Set for `photo_attached`: (sha256, size).
    pub photo: Option<(String, u64)>,
}

/// An event to set aside with its reason.
#[derive(Debug, Clone)]
pub struct Quarantined {
    pub index: usize,
    pub event_id: Option<Uuid>,
    pub device_id: Option<Uuid>,
    pub device_seq: Option<u64>,
    /// Chain-valid (refused on content or permission): it moves the device's head.
    pub in_chain: bool,
    /// Signed by the pushing device. When not, `raw` is empty: only the hash and size of what
    /// came are kept, so a client cannot store what it likes.
    pub verified: bool,
    /// Bytes of the body as sent.
    pub body_bytes: usize,
    pub hash: String,
    pub raw: Raw,
    pub code: RefusalCode,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub accepted: Vec<Accepted>,
    pub quarantined: Vec<Quarantined>,
    /// The device's chain head after the batch.
    pub head_seq: u64,
    pub head_hash: String,
    pub response: PushResponse,
}

/// Decide every event of a batch, in order, against the chain head and what storage holds.
pub fn plan(batch: Vec<Checked>, facts: Facts, rights: &DeviceRights) -> Plan {
    let Facts {
        mut head_seq,
        mut head_hash,
        mut by_id,
        mut by_seq,
        known_cases: mut cases,
        mut blob_ports,
    } = facts;
    let mut plan = Plan {
        accepted: Vec::new(),
        quarantined: Vec::new(),
        head_seq: 0,
        head_hash: String::new(),
        response: PushResponse::default(),
    };
    let set_aside = |plan: &mut Plan, q: Quarantined| {
        plan.response.quarantined.push(Refusal {
            index: q.index,
            event_id: q.event_id,
            device_seq: q.device_seq,
            code: q.code,
            reason: q.reason.clone(),
        });
        plan.quarantined.push(q);
    };
    for checked in batch {
        let (index, event, raw) = match checked {
            Checked::Refused {
                index,
                header,
                raw,
                code,
                reason,
                signed,
            } => {
                let q = Quarantined {
                    index,
                    event_id: header.id,
                    device_id: header.device_id,
                    device_seq: header.device_seq,
                    in_chain: false,
                    verified: signed,
                    body_bytes: raw.body.len(),
                    hash: quayside_domain::event::body_hash(&raw.body),
                    raw: if signed {
                        raw
                    } else {
                        Raw {
                            body: Vec::new(),
                            signature: String::new(),
                        }
                    },
                    code,
                    reason,
                };
                set_aside(&mut plan, q);
                continue;
            }
            Checked::Verified { index, event, raw } => (index, event, raw),
        };
        let body = &event.body;
        let hash = event.hash();
        let (id, seq, device) = (body.id, body.device_seq, body.device_id);
        let quarantine =
            |in_chain: bool, (code, reason): (RefusalCode, String), raw: Raw| Quarantined {
                index,
                event_id: Some(id),
                device_id: Some(device),
                device_seq: Some(seq),
                in_chain,
                verified: true,
                body_bytes: raw.body.len(),
                hash: hash.clone(),
                raw,
                code,
                reason,
            };
        if let Some(held) = by_id.get(&id) {
            if held.device_id == device && held.device_seq == seq && held.hash == hash {
                plan.response.duplicates += 1;
            } else {
                let reason = format!(
                    "event id {id} is already held for another event (device {}, seq {}): an \
                     event id is never reused",
                    held.device_id, held.device_seq
                );
                set_aside(
                    &mut plan,
                    quarantine(false, (RefusalCode::IdReused, reason), raw),
                );
            }
            continue;
        }
        if let Some(held) = by_seq.get(&seq) {
            let reason = format!(
                "fork: the server holds event {} as seq {seq} of device {device}; this is another \
                 event with the same seq",
                held.id
            );
            set_aside(
                &mut plan,
                quarantine(false, (RefusalCode::Fork, reason), raw),
            );
            continue;
        }
        if seq == 0 || seq <= head_seq {
            let reason = format!(
                "seq {seq} is not a place in device {device}'s chain (sequences start at 1; the \
                 server holds up to {head_seq})"
            );
            set_aside(
                &mut plan,
                quarantine(false, (RefusalCode::NotInChain, reason), raw),
            );
            continue;
        }
        if seq > head_seq + 1 {
            plan.response.deferred.push(Refusal {
                index,
                event_id: Some(id),
                device_seq: Some(seq),
                code: RefusalCode::FollowsGap,
                reason: format!(
                    "follows a gap: the server holds up to {head_seq}; send again from {}",
                    head_seq + 1
                ),
            });
            continue;
        }
        if body.prev_hash != head_hash {
            let reason = format!(
                "the chain is broken: prev_hash does not name seq {head_seq} as the server holds \
                 it (an earlier event was altered, reordered or forked)"
            );
            set_aside(
                &mut plan,
                quarantine(false, (RefusalCode::ChainBroken, reason), raw),
            );
            continue;
        }
        // Chain-valid: from here the event moves the head, wherever it ends up.
        let held = Held {
            id,
            device_id: device,
            device_seq: seq,
            hash: hash.clone(),
        };
        by_id.insert(id, held.clone());
        by_seq.insert(seq, held);
        head_seq = seq;
        head_hash = hash.clone();
        let refusal =
            refusal(body, &cases, rights).or_else(|| another_ports_blob(body, &cases, &blob_ports));
        if let Some(reason) = refusal {
            set_aside(&mut plan, quarantine(true, reason, raw));
            continue;
        }
        let opens_case = match &body.payload {
            Payload::CaseOpened { port, .. } => {
                cases.insert(body.case_id, port.clone());
                Some(port.clone())
            }
            _ => None,
        };
        // A document's file is taken and served as a photo original is: by the hash an accepted
        // event names.
        let photo = body
            .payload
            .blob()
            .map(|(sha256, size)| (sha256.to_string(), size));
        if let (Some((sha256, _)), Some(port)) = (&photo, cases.get(&body.case_id)) {
            blob_ports
                .entry(sha256.clone())
                .or_default()
                .push(port.clone());
        }
        plan.response.accepted += 1;
        plan.accepted.push(Accepted {
            event: *event,
            opens_case,
            photo,
        });
    }
    plan.head_seq = head_seq;
    plan.head_hash = head_hash;
    plan.response.acked_seq = head_seq;
    plan
}

/// Base64 of a signature, as the quarantine shows one that verified.
pub fn signature_text(signature: &[u8; 64]) -> String {
    base64::engine::general_purpose::STANDARD.encode(signature)
}

/// A photo or document is served to the ports whose cases reference it, so its hash, printed in
/// case files and bundles, must not be a key to it: a reference from a case of a port other than
/// those already referencing a held hash is set aside. The reason names no port.
fn another_ports_blob(
    body: &quayside_domain::event::EventBody,
    cases: &HashMap<Uuid, String>,
    blob_ports: &HashMap<String, Vec<String>>,
) -> Option<(RefusalCode, String)> {
    let (sha256, _) = body.payload.blob()?;
    let port = cases.get(&body.case_id)?;
    let ports = blob_ports.get(sha256)?;
    (!ports.is_empty() && !ports.contains(port)).then(|| {
        (
            RefusalCode::BlobOfAnotherPort,
            format!(
                "{} names {sha256}, which cases of another port reference already: a photo or \
                 document reaches only the ports whose cases first referenced it; attach your own \
                 copy (a new photo or scan has another hash)",
                body.payload.kind()
            ),
        )
    })
}

/// Why a chain-valid event is set aside on its content or its author's rights, if it is.
fn refusal(
    body: &quayside_domain::event::EventBody,
    cases: &HashMap<Uuid, String>,
    rights: &DeviceRights,
) -> Option<(RefusalCode, String)> {
    if body.hlc.0 > i64::MAX as u64 {
        return Some((
            RefusalCode::ClockBroken,
            format!(
                "its clock reading {} is beyond any date: the device's clock is broken",
                body.hlc.0
            ),
        ));
    }
    let rights = match rights.of_author(&body.author.name) {
        Ok(rights) => rights,
        Err(revoked_at) => {
            return Some((
                RefusalCode::AuthorRevoked,
                format!(
                    "its author {} works on this device with an account revoked on {revoked_at}",
                    body.author.name
                ),
            ))
        }
    };
    if !rights.allows_claim(body.author.role) {
        return Some((
            RefusalCode::RoleClaimed,
            format!(
                "the event names its author as {:?}, but the author's account is {:?}",
                body.author.role, rights.role
            ),
        ));
    }
    if body.payload.is_review() && !rights.may_review() {
        return Some((
            RefusalCode::NotSupervisor,
            "only supervisors may approve, return or close a case: the author's account is not a supervisor's"
                .to_string(),
        ));
    }
    let port = match &body.payload {
        Payload::CaseOpened { .. } if cases.contains_key(&body.case_id) => {
            return Some((
                RefusalCode::CaseOpenedTwice,
                format!(
                    "case {} is opened already: a case is opened once",
                    body.case_id
                ),
            ))
        }
        Payload::CaseOpened { port, .. } => port,
        _ => match cases.get(&body.case_id) {
            Some(port) => port,
            None => {
                return Some((
                    RefusalCode::CaseUnknown,
                    format!(
                        "case {} is unknown to the server: no case_opened event of it was accepted",
                        body.case_id
                    ),
                ))
            }
        },
    };
    if !rights.works(port) {
        return Some((
            RefusalCode::PortNotWorked,
            format!(
                "case {} is at port {port}, which the author's account does not work (its ports: {})",
                body.case_id,
                rights.ports.as_deref().unwrap_or_default().join(", ")
            ),
        ));
    }
    match &body.payload {
        Payload::PhotoAttached { sha256, .. } | Payload::DocumentAttached { sha256, .. }
            if !is_sha256(sha256) =>
        {
            Some((
                RefusalCode::BadPhotoHash,
                format!(
                    "{} names {sha256:?}, which is not a hex SHA-256",
                    body.payload.kind()
                ),
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quayside_domain::event::Role;
    use quayside_domain::hlc::Hlc;
    use quayside_testkit::events::ChainDevice;

    /// One device's chain in one case (the test kit's chain builder), kept as written.
    struct Chain {
        device: ChainDevice,
        case: Uuid,
        events: Vec<SignedEvent>,
    }

    impl Chain {
        /// Device number `seed`: two chains of the same number are the same device (a fork).
        fn new(seed: u8) -> Chain {
            Chain {
                device: ChainDevice::new(seed),
                case: Uuid::now_v7(),
                events: Vec::new(),
            }
        }

        fn add(&mut self, payload: Payload) -> WireEvent {
            let event = self.device.write(self.case, payload, vec![]);
            self.events.push(event.clone());
            WireEvent::new(&event.bytes, &event.signature).unwrap()
        }

        fn open(&mut self) -> WireEvent {
            self.add(Payload::CaseOpened {
                case_number: "NLRTM-2026-AAAAAA-0001".into(),
                port: "NLRTM".into(),
                opened_at: "2026-11-28T12:00:00.000Z".into(),
            })
        }

        fn edit(&mut self) -> WireEvent {
            self.add(Payload::StatusSet {
                status: quayside_domain::event::CaseStatus::Open,
                reason: None,
            })
        }

        fn plan(&self, wire: &[WireEvent], facts: Facts, may_review: bool) -> Plan {
            let role = if may_review {
                Role::Supervisor
            } else {
                Role::Inspector
            };
            let rights = Rights {
                role,
                ports: Some(vec!["NLRTM".into()]),
            };
            plan(
                check(wire, self.device.id, &self.device.verifying_key()),
                facts,
                &DeviceRights::of_user(rights),
            )
        }
    }

    #[test]
    fn a_fresh_chain_is_accepted_and_the_head_moves() {
        let mut chain = Chain::new(1);
        let wire = [chain.open(), chain.edit(), chain.edit()];
        let plan = chain.plan(&wire, Facts::default(), false);
        assert_eq!(plan.response.accepted, 3);
        assert_eq!(plan.response.acked_seq, 3);
        assert_eq!(plan.head_hash, chain.events[2].hash());
        assert_eq!(plan.accepted[0].opens_case.as_deref(), Some("NLRTM"));
    }

    #[test]
    fn a_document_names_its_file_as_a_photo_does_and_a_bad_hash_is_set_aside() {
        use quayside_domain::document::DocumentType;
        let mut chain = Chain::new(9);
        let document = |sha256: String| Payload::DocumentAttached {
            sha256,
            size: 2048,
            media_type: "application/pdf".into(),
            file_name: "bl.pdf".into(),
            document_type: DocumentType::BillOfLading,
            number: None,
        };
        let sha = "ab".repeat(32);
        let wire = [
            chain.open(),
            chain.add(document(sha.clone())),
            chain.add(document("../etc/passwd".into())),
        ];
        let plan = chain.plan(&wire, Facts::default(), false);
        assert_eq!(plan.response.accepted, 2);
        assert_eq!(plan.accepted[1].photo, Some((sha, 2048)));
        assert_eq!(plan.response.quarantined[0].code, RefusalCode::BadPhotoHash);
        assert!(plan.response.quarantined[0]
            .reason
            .contains("document_attached names"));
    }

    #[test]
    fn a_hash_other_ports_cases_reference_is_set_aside_and_one_of_this_port_taken() {
        use quayside_domain::photo::Exif;
        let photo = |sha256: &str| Payload::PhotoAttached {
            sha256: sha256.into(),
            size: 10,
            media_type: "image/jpeg".into(),
            file_name: "door.jpg".into(),
            caption: None,
            exif: Exif::default(),
            captured: None,
        };
        let (theirs, ours, new) = ("aa".repeat(32), "bb".repeat(32), "cc".repeat(32));
        let mut chain = Chain::new(11);
        let wire = [
            chain.open(),
            chain.add(photo(&theirs)),
            chain.add(photo(&ours)),
            chain.add(photo(&new)),
            // Once this case references the new hash, another reference here is this port's own.
            chain.add(photo(&new)),
        ];
        let facts = Facts {
            blob_ports: [
                (theirs.clone(), vec!["BEANR".to_string()]),
                (ours.clone(), vec!["BEANR".to_string(), "NLRTM".to_string()]),
            ]
            .into(),
            ..Facts::default()
        };
        let plan = chain.plan(&wire, facts, false);
        assert_eq!(plan.response.accepted, 4);
        assert_eq!(plan.response.quarantined.len(), 1);
        let refusal = &plan.response.quarantined[0];
        assert_eq!(refusal.code, RefusalCode::BlobOfAnotherPort);
        assert_eq!(refusal.device_seq, Some(2));
        assert!(!refusal.reason.contains("BEANR"), "{}", refusal.reason);
        // Still in the chain: the device's head moves past it.
        assert_eq!(plan.response.acked_seq, 5);
    }

    #[test]
    fn a_gap_defers_and_a_broken_prev_hash_quarantines_outside_the_chain() {
        let mut chain = Chain::new(2);
        let wire = [chain.open(), chain.edit(), chain.edit()];
        let plan = chain.plan(&[wire[0].clone(), wire[2].clone()], Facts::default(), false);
        assert_eq!(plan.response.acked_seq, 1);
        assert!(plan.response.deferred[0].reason.contains("holds up to 1"));
        assert_eq!(plan.response.deferred[0].code, RefusalCode::FollowsGap);
        assert!(plan.quarantined.is_empty());

        let mut other = Chain::new(2);
        other.case = chain.case;
        let _ = other.open();
        let forked = other.edit();
        let facts = Facts {
            head_seq: 1,
            head_hash: "not the hash".into(),
            known_cases: [(chain.case, "NLRTM".to_string())].into(),
            ..Facts::default()
        };
        let plan = chain.plan(&[forked], facts, false);
        assert!(plan.response.quarantined[0]
            .reason
            .contains("chain is broken"));
        assert!(!plan.quarantined[0].in_chain);
        assert_eq!(plan.response.acked_seq, 1);
    }

    #[test]
    fn a_review_by_an_inspector_is_held_in_quarantine_but_keeps_the_chain_moving() {
        let mut chain = Chain::new(3);
        let wire = vec![
            chain.open(),
            chain.add(Payload::ReviewReturned {
                comment: "no".into(),
                sections: vec![],
            }),
            chain.edit(),
        ];
        let plan = chain.plan(&wire, Facts::default(), false);
        assert_eq!(plan.response.accepted, 2);
        assert_eq!(plan.response.acked_seq, 3);
        assert!(plan.quarantined[0].in_chain);
        assert!(plan.quarantined[0].reason.contains("only supervisors"));
        assert_eq!(plan.quarantined[0].code, RefusalCode::NotSupervisor);
        let plan = chain.plan(&wire, Facts::default(), true);
        assert_eq!(plan.response.accepted, 3);
    }

    /// Closing is a supervisor's decision like approval: the server holds an inspector's close
    /// in quarantine and takes a supervisor's as it takes any event (its content is the fold's).
    #[test]
    fn a_close_by_an_inspector_is_held_in_quarantine() {
        let mut chain = Chain::new(3);
        let wire = vec![
            chain.open(),
            chain.add(Payload::CaseClosed {
                note: Some("done".into()),
            }),
        ];
        let plan = chain.plan(&wire, Facts::default(), false);
        assert_eq!(plan.response.accepted, 1);
        assert!(plan.quarantined[0]
            .reason
            .contains("approve, return or close"));
        let plan = chain.plan(&wire, Facts::default(), true);
        assert_eq!(plan.response.accepted, 2);
        assert!(plan.quarantined.is_empty());
    }

    #[test]
    fn an_inspector_may_submit_a_case_for_review() {
        let mut chain = Chain::new(3);
        let wire = vec![
            chain.open(),
            chain.add(Payload::ReviewSubmitted {
                comment: None,
                acknowledged: vec![],
            }),
        ];
        let plan = chain.plan(&wire, Facts::default(), false);
        assert_eq!(plan.response.accepted, 2);
        assert!(plan.quarantined.is_empty());
    }

    #[test]
    fn held_events_are_duplicates_and_another_event_at_a_held_seq_is_a_fork() {
        let mut chain = Chain::new(4);
        let wire = vec![chain.open(), chain.edit()];
        let held = |e: &SignedEvent| Held {
            id: e.body.id,
            device_id: e.body.device_id,
            device_seq: e.body.device_seq,
            hash: e.hash(),
        };
        let facts = Facts {
            head_seq: 2,
            head_hash: chain.events[1].hash(),
            by_id: chain.events.iter().map(|e| (e.body.id, held(e))).collect(),
            by_seq: chain
                .events
                .iter()
                .map(|e| (e.body.device_seq, held(e)))
                .collect(),
            known_cases: [(chain.case, "NLRTM".to_string())].into(),
            blob_ports: HashMap::new(),
        };
        let plan = chain.plan(&wire, facts.clone(), false);
        assert_eq!(plan.response.duplicates, 2);
        assert!(plan.accepted.is_empty() && plan.quarantined.is_empty());

        let mut twin = Chain::new(4);
        twin.case = chain.case;
        let _ = twin.open();
        let fork = twin.edit();
        let plan = chain.plan(&[fork], facts, false);
        assert!(plan.response.quarantined[0].reason.starts_with("fork"));
        assert_eq!(plan.response.quarantined[0].code, RefusalCode::Fork);
    }

    #[test]
    fn events_of_unknown_cases_and_of_other_devices_are_set_aside() {
        let mut chain = Chain::new(5);
        let _ = chain.open();
        let orphan = chain.edit();
        let facts = Facts {
            head_seq: 1,
            head_hash: chain.events[0].hash(),
            ..Facts::default()
        };
        let plan = chain.plan(std::slice::from_ref(&orphan), facts, false);
        assert!(plan.response.quarantined[0]
            .reason
            .contains("unknown to the server"));
        assert_eq!(plan.response.acked_seq, 2);

        let stranger = Uuid::new_v4();
        let plan = plan_for(&[orphan], stranger, &chain.device.verifying_key());
        assert!(plan.response.quarantined[0]
            .reason
            .contains("a device may only push its own chain"));
    }

    #[test]
    fn cases_of_ports_the_user_does_not_work_and_claimed_roles_are_set_aside() {
        let inspector = Rights {
            role: Role::Inspector,
            ports: Some(vec!["NLRTM".into()]),
        };
        let mut chain = Chain::new(6);
        let wire = vec![
            chain.add(Payload::CaseOpened {
                case_number: "BEANR-2026-AAAAAA-0001".into(),
                port: "BEANR".into(),
                opened_at: "2026-11-28T12:00:00.000Z".into(),
            }),
            chain.edit(),
        ];
        let plan = super::plan(
            check(&wire, chain.device.id, &chain.device.verifying_key()),
            Facts::default(),
            &DeviceRights::of_user(inspector.clone()),
        );
        assert!(
            plan.quarantined[0].reason.contains("port BEANR"),
            "{}",
            plan.quarantined[0].reason
        );
        assert!(plan.quarantined[1].reason.contains("unknown to the server"));
        assert_eq!(
            (plan.quarantined[0].code, plan.quarantined[1].code),
            (RefusalCode::PortNotWorked, RefusalCode::CaseUnknown)
        );
        assert_eq!(plan.response.acked_seq, 2, "the chain moves on");

        // An edit of a known case at another port, and an event claiming a supervisor's role.
        let mut chain = Chain::new(7);
        let _ = chain.open();
        let edit = chain.edit();
        let facts = Facts {
            head_seq: 1,
            head_hash: chain.events[0].hash(),
            known_cases: [(chain.case, "DEHAM".to_string())].into(),
            ..Facts::default()
        };
        let plan = super::plan(
            check(&[edit], chain.device.id, &chain.device.verifying_key()),
            facts.clone(),
            &DeviceRights::of_user(inspector.clone()),
        );
        assert!(plan.quarantined[0].reason.contains("port DEHAM"));

        let mut claimed = Chain::new(8);
        let _ = claimed.open();
        let mut event = claimed.events[0].body.clone();
        event.author.role = Role::Supervisor;
        let forged = SignedEvent::sign(event, &claimed.device.key);
        let wire = [WireEvent::new(&forged.bytes, &forged.signature).unwrap()];
        let plan = super::plan(
            check(&wire, claimed.device.id, &claimed.device.verifying_key()),
            Facts::default(),
            &DeviceRights::of_user(inspector.clone()),
        );
        assert!(plan.quarantined[0]
            .reason
            .contains("names its author as Supervisor"));
        let supervisor = Rights {
            role: Role::Supervisor,
            ports: Some(vec!["NLRTM".into()]),
        };
        let plan = super::plan(
            check(&wire, claimed.device.id, &claimed.device.verifying_key()),
            Facts::default(),
            &DeviceRights::of_user(supervisor),
        );
        assert_eq!(plan.response.accepted, 1);
    }

    #[test]
    fn an_author_who_works_on_the_device_is_judged_by_their_own_account() {
        let inspector = Rights {
            role: Role::Inspector,
            ports: Some(vec!["NLRTM".into()]),
        };
        let mut review = Chain::new(10);
        let _ = review.open();
        let mut event = review.events[0].body.clone();
        event.author = quayside_domain::event::Author {
            name: "lee".into(),
            role: Role::Supervisor,
        };
        let signed = SignedEvent::sign(event, &review.device.key);
        let wire = [WireEvent::new(&signed.bytes, &signed.signature).unwrap()];
        let judged = |people: HashMap<String, Result<Rights, String>>| {
            super::plan(
                check(&wire, review.device.id, &review.device.verifying_key()),
                Facts::default(),
                &DeviceRights {
                    user: inspector.clone(),
                    people,
                },
            )
        };
        // Nobody else on the device: the device's user (an inspector) is the judge.
        assert_eq!(
            judged(HashMap::new()).quarantined[0].code,
            RefusalCode::RoleClaimed
        );
        let lee = Rights {
            role: Role::Supervisor,
            ports: Some(vec!["NLRTM".into()]),
        };
        let plan = judged([("lee".to_string(), Ok(lee))].into());
        assert_eq!(plan.response.accepted, 1, "{:?}", plan.quarantined);
        let plan = judged([("lee".to_string(), Err("2026-12-01T00:00:00Z".into()))].into());
        assert_eq!(plan.quarantined[0].code, RefusalCode::AuthorRevoked);
        assert!(plan.quarantined[0].reason.contains("revoked on 2026-12-01"));
        // A supervisor of another port works on the device: not a key to this port's cases.
        let elsewhere = Rights {
            role: Role::Supervisor,
            ports: Some(vec!["THLCH".into()]),
        };
        let plan = judged([("lee".to_string(), Ok(elsewhere))].into());
        assert_eq!(plan.quarantined[0].code, RefusalCode::PortNotWorked);
    }

    #[test]
    fn a_clock_reading_beyond_any_date_is_set_aside() {
        let mut chain = Chain::new(9);
        let _ = chain.open();
        let mut event = chain.events[0].body.clone();
        event.hlc = Hlc(u64::MAX);
        let broken = SignedEvent::sign(event, &chain.device.key);
        let wire = [WireEvent::new(&broken.bytes, &broken.signature).unwrap()];
        let plan = chain.plan(&wire, Facts::default(), false);
        assert!(plan.quarantined[0].reason.contains("clock"));
        assert_eq!(plan.quarantined[0].code, RefusalCode::ClockBroken);
        assert!(plan.quarantined[0].in_chain);
    }

    fn plan_for(wire: &[WireEvent], pusher: Uuid, key: &VerifyingKey) -> Plan {
        let rights = Rights {
            role: Role::Admin,
            ports: None,
        };
        plan(
            check(wire, pusher, key),
            Facts::default(),
            &DeviceRights::of_user(rights),
        )
    }

    #[test]
    fn the_openapi_document_names_every_refusal_code() {
        let document = serde_json::to_value(crate::openapi()).unwrap();
        let schemas = &document["components"]["schemas"];
        let listed = schemas["RefusalCode"].to_string();
        for code in [
            RefusalCode::Fork,
            RefusalCode::PortNotWorked,
            RefusalCode::NotSupervisor,
            RefusalCode::Unknown,
        ] {
            assert!(
                listed.contains(&format!("\"{}\"", code.as_str())),
                "{listed}"
            );
        }
        assert!(
            schemas["Refusal"]["properties"]["code"].is_object(),
            "{}",
            schemas["Refusal"]
        );
    }
}
