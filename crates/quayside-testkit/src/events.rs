//! Signed events as a device writes them, without a store: a test device key, its sequence
//! numbers and its hash chain (each event's `prev_hash` is the hash of the one before). For tests
//! of whatever reads events (integrity checks, bundles, the server's push) that need chains they
//! control, forks and forgeries included. See docs/events.md for the envelope and the chain.

use ed25519_dalek::{SigningKey, VerifyingKey};
use quayside_domain::event::{Author, EventBody, Payload, Role, SignedEvent};
use quayside_domain::hlc::Hlc;
use uuid::Uuid;

/// The wall time every chained event claims (tests that care about time set their own bodies).
pub const WALL_TIME: &str = "2026-12-01T10:00:00Z";

/// A device writing its own chain: key and id from a small number `n`, so a test's devices are
/// the same on every run and tell apart by number. A clone is a copy of the device (same key,
/// same head): what a restored backup or a cloned laptop would write.
#[derive(Clone)]
pub struct ChainDevice {
    pub key: SigningKey,
    pub id: Uuid,
    /// The `device_seq` of the last event written (0 before the first).
    pub seq: u64,
    /// The hash of the last event written (empty before the first).
    pub prev: String,
    pub author: Author,
}

impl ChainDevice {
    /// Device number `n` (key `[n; 32]`, id `n`), writing as Ines Vos, inspector.
    pub fn new(n: u8) -> ChainDevice {
        ChainDevice {
            key: SigningKey::from_bytes(&[n; 32]),
            id: Uuid::from_u128(n as u128),
            seq: 0,
            prev: String::new(),
            author: Author {
                name: "Ines Vos".into(),
                role: Role::Inspector,
            },
        }
    }

    /// The same device writing as someone else.
    pub fn with_author(mut self, name: &str, role: Role) -> ChainDevice {
        self.author = Author {
            name: name.into(),
            role,
        };
        self
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// The clock reading of this device's next event: its sequence number times ten plus the
    /// device number, so two devices' events never tie and interleave by sequence.
    pub fn next_hlc(&self) -> Hlc {
        Hlc((self.seq + 1) * 10 + self.id.as_u128() as u64)
    }

    /// The body of the next event in the chain, unsigned and not yet written: for a test that
    /// changes it first (a fork, a forgery) and signs it itself.
    pub fn next_body(&self, case_id: Uuid, payload: Payload, deps: Vec<Uuid>) -> EventBody {
        EventBody {
            id: Uuid::now_v7(),
            case_id,
            device_id: self.id,
            device_seq: self.seq + 1,
            author: self.author.clone(),
            hlc: self.next_hlc(),
            wall_time: WALL_TIME.into(),
            deps,
            prev_hash: self.prev.clone(),
            payload,
            reason: None,
        }
    }

    /// Sign `body` with this device's key and make it the head of the chain.
    pub fn sign(&mut self, body: EventBody) -> SignedEvent {
        let event = SignedEvent::sign(body, &self.key);
        self.seq = event.body.device_seq;
        self.prev = event.hash();
        event
    }

    /// Write the next event of the chain in `case_id`.
    pub fn write(&mut self, case_id: Uuid, payload: Payload, deps: Vec<Uuid>) -> SignedEvent {
        let body = self.next_body(case_id, payload, deps);
        self.sign(body)
    }

    /// Write the next event with a clock reading of the test's choosing.
    pub fn write_at(
        &mut self,
        case_id: Uuid,
        hlc: Hlc,
        payload: Payload,
        deps: Vec<Uuid>,
    ) -> SignedEvent {
        let mut body = self.next_body(case_id, payload, deps);
        body.hlc = hlc;
        self.sign(body)
    }
}

/// A payload that changes no case data: a review submission with `comment`. Handy for filling a
/// chain when only its shape matters.
pub fn submitted(comment: &str) -> Payload {
    Payload::ReviewSubmitted {
        comment: Some(comment.into()),
        acknowledged: vec![],
    }
}

/// The opening event's payload of a case numbered `case_number` in `port`.
pub fn case_opened(case_number: &str, port: &str) -> Payload {
    Payload::CaseOpened {
        case_number: case_number.into(),
        port: port.into(),
        opened_at: WALL_TIME.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quayside_domain::integrity::{check_log, Chains, Record};

    fn record(e: &SignedEvent) -> Record {
        Record {
            bytes: e.bytes.clone(),
            signature: e.signature.to_vec(),
        }
    }

    #[test]
    fn two_devices_write_chains_the_integrity_check_accepts() {
        let case = Uuid::from_u128(0xCA5E);
        let (mut a, mut b) = (ChainDevice::new(1), ChainDevice::new(2));
        let e1 = a.write(case, case_opened("NLRTM-2026-AAAAAA-0001", "NLRTM"), vec![]);
        let e2 = b.write(case, submitted("two"), vec![e1.body.id]);
        let e3 = a.write(case, submitted("three"), vec![e2.body.id]);
        assert_eq!((e3.body.device_seq, &e3.body.prev_hash), (2, &e1.hash()));
        assert!(e1.body.hlc < e2.body.hlc && e2.body.hlc < e3.body.hlc);

        let keys = [(a.id, a.verifying_key()), (b.id, b.verifying_key())];
        let key = |id| keys.iter().find(|(d, _)| *d == id).map(|(_, k)| *k);
        let checked = check_log([&e1, &e2, &e3].map(record), &key, &[], Chains::Complete);
        assert_eq!((checked.events, checked.devices), (3, 2));
        assert!(checked.findings.is_empty(), "{:?}", checked.findings);

        // A copy of device 1 writing its own next event: a fork the check names.
        let mut copy = a.clone();
        let forked = copy.write(case, submitted("copy"), vec![]);
        let own = a.write(case, submitted("own"), vec![]);
        assert_eq!(forked.body.device_seq, own.body.device_seq);
        let checked = check_log(
            [&e1, &e2, &e3, &forked, &own].map(record),
            &key,
            &[],
            Chains::Complete,
        );
        assert!(!checked.findings.is_empty());
    }

    #[test]
    fn a_body_is_not_written_until_signed() {
        let mut a = ChainDevice::new(3).with_author("Sam Supervisor", Role::Supervisor);
        let body = a.next_body(Uuid::nil(), submitted("draft"), vec![]);
        assert_eq!((a.seq, a.prev.as_str()), (0, ""));
        assert_eq!(body.author.role, Role::Supervisor);
        let event = a.sign(body);
        assert_eq!((a.seq, a.prev.clone()), (1, event.hash()));
        let later = a.write_at(Uuid::nil(), Hlc(5), submitted("later"), vec![]);
        assert_eq!((later.body.hlc, later.body.device_seq), (Hlc(5), 2));
    }
}
