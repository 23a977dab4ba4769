//! The event envelope, its canonical encoding and its ed25519 signature.
//!
//! The canonical encoding is the JSON of [`EventBody`] in field declaration order. The store keeps
//! those exact bytes, so an event of a kind this version does not know still verifies and passes on.

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;
use uuid::Uuid;

use crate::document::DocumentType;
use crate::fields::{Field, Section};
use crate::hlc::Hlc;
use crate::photo::Exif;
use crate::review::FlagAcknowledgement;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Inspector,
    Supervisor,
    Admin,
    /// Reads every port's cases as summaries without personal data (unless the account is allowed
    /// it), to link them; works a case only at ports the account names, as an inspector would.
    Analyst,
    /// A role from a newer version: kept so its events still decode.
    #[serde(other)]
    Other,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Inspector,
        Role::Supervisor,
        Role::Admin,
        Role::Analyst,
        Role::Other,
    ];

    /// `role.<role>` in the label catalogue.
    pub fn label_key(self) -> String {
        crate::labels::key("role", &self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Author {
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    Closed,
    Withdrawn,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 3] = [CaseStatus::Open, CaseStatus::Closed, CaseStatus::Withdrawn];

    /// `status.<status>` in the label catalogue.
    pub fn label_key(self) -> String {
        crate::labels::key("status", &self)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Closed => "closed",
            CaseStatus::Withdrawn => "withdrawn",
        }
    }
}

/// What happened. Unknown kinds from newer versions deserialize as `Unknown`; their bytes are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Payload {
    CaseOpened {
        case_number: String,
        port: String,
        opened_at: String,
    },
    FieldSet {
        item: Option<Uuid>,
        field: Field,
        value: Option<String>,
    },
    ItemAdded {
        section: Section,
        item: Uuid,
    },
    /// Reorder a list (the route is ordered): put `item` right after `after`, or first when None.
    ItemMoved {
        section: Section,
        item: Uuid,
        after: Option<Uuid>,
    },
    ItemWithdrawn {
        section: Section,
        item: Uuid,
        reason: String,
    },
    /// Take a withdrawal back: the entry is live again where it stood, with its values.
    ItemRestored {
        section: Section,
        item: Uuid,
    },
    PhotoAttached {
        sha256: String,
        size: u64,
        media_type: String,
        file_name: String,
        caption: Option<String>,
        exif: Exif,
        /// Taken with the camera in Quayside (absent from imported photos, and from events of
        /// versions before the camera, whose bytes are unchanged by it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        captured: Option<crate::photo::Capture>,
    },
    PhotoCaptionSet {
        sha256: String,
        caption: Option<String>,
    },
    PhotoExcluded {
        sha256: String,
        reason: String,
    },
    /// An annotation drawn over a photo (`mark`), drawn again (an edit: same `annotation` id), or
    /// removed (`mark` None). The original is untouched.
    PhotoAnnotated {
        sha256: String,
        annotation: Uuid,
        mark: Option<crate::annotation::Mark>,
    },
    /// A shipping document (a PDF or a scan) attached by the SHA-256 of its bytes, like a photo
    /// original, with its type and the number printed on it.
    DocumentAttached {
        sha256: String,
        size: u64,
        media_type: String,
        file_name: String,
        document_type: DocumentType,
        number: Option<String>,
    },
    /// A document set aside with a reason: it stays in the file, marked.
    DocumentExcluded {
        sha256: String,
        reason: String,
    },
    StatusSet {
        status: CaseStatus,
        reason: Option<String>,
    },
    /// An evidence item or a sample changed hands. Recorded on the receiving person's device,
    /// so its signature is theirs.
    CustodyTransferred {
        item: Uuid,
        from: String,
        to: String,
        place: String,
        at: String,
        condition: String,
    },
    /// The case is put in the supervisors' review queue. `acknowledged` names each discrepancy
    /// flag open at the time that the inspector acknowledged (left out when there were none, so
    /// submissions from before it keep their bytes).
    ReviewSubmitted {
        comment: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        acknowledged: Vec<FlagAcknowledgement>,
    },
    /// A supervisor approves the case as it stands after the events named in `covers`.
    ReviewApproved {
        covers: Vec<Uuid>,
        comment: Option<String>,
    },
    /// A supervisor returns the case to the inspector with a comment, and comments on sections.
    ReviewReturned {
        comment: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sections: Vec<SectionComment>,
    },
    /// A supervisor closes an approved case: it is finished and read-only from then on. Review
    /// is not reopened by it.
    CaseClosed {
        note: Option<String>,
    },
    /// The case is judged by this version of the control list from now on: recorded when a case
    /// is opened under a list newer than the one built in, and when a person moves an open case
    /// to a newer list. `digest` is the SHA-256 of the list's content.
    ControlListApplied {
        version: u32,
        digest: String,
    },
    /// A person decided that an entity of this case (`key`, of kind `entity`) is (`same`), or
    /// is not, the same as another of its kind (`other`): a key seen in another case or a near
    /// match. The latest decision on a pair, in any case, holds.
    EntityLinkSet {
        entity: crate::entities::EntityKind,
        key: String,
        other: String,
        same: bool,
    },
    #[serde(other)]
    Unknown,
}

impl Payload {
    /// Every kind a timeline entry can have: this version's kinds, `unknown` (a kind from a newer
    /// version) and `undecodable` (a stored body that cannot be read at all).
    pub const KINDS: &'static [&'static str] = &[
        "case_opened",
        "field_set",
        "item_added",
        "item_moved",
        "item_withdrawn",
        "item_restored",
        "photo_attached",
        "photo_caption_set",
        "photo_excluded",
        "photo_annotated",
        "document_attached",
        "document_excluded",
        "status_set",
        "custody_transferred",
        "review_submitted",
        "review_approved",
        "review_returned",
        "case_closed",
        "control_list_applied",
        "entity_link_set",
        "unknown",
        "undecodable",
    ];

    /// `event.<kind>` in the label catalogue; a kind this version does not know has no text there.
    pub fn kind_key(kind: &str) -> String {
        format!("event.{kind}")
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Payload::CaseOpened { .. } => "case_opened",
            Payload::FieldSet { .. } => "field_set",
            Payload::ItemAdded { .. } => "item_added",
            Payload::ItemMoved { .. } => "item_moved",
            Payload::ItemWithdrawn { .. } => "item_withdrawn",
            Payload::ItemRestored { .. } => "item_restored",
            Payload::PhotoAttached { .. } => "photo_attached",
            Payload::PhotoCaptionSet { .. } => "photo_caption_set",
            Payload::PhotoExcluded { .. } => "photo_excluded",
            Payload::PhotoAnnotated { .. } => "photo_annotated",
            Payload::DocumentAttached { .. } => "document_attached",
            Payload::DocumentExcluded { .. } => "document_excluded",
            Payload::StatusSet { .. } => "status_set",
            Payload::CustodyTransferred { .. } => "custody_transferred",
            Payload::ReviewSubmitted { .. } => "review_submitted",
            Payload::ReviewApproved { .. } => "review_approved",
            Payload::ReviewReturned { .. } => "review_returned",
            Payload::CaseClosed { .. } => "case_closed",
            Payload::ControlListApplied { .. } => "control_list_applied",
            Payload::EntityLinkSet { .. } => "entity_link_set",
            Payload::Unknown => "unknown",
        }
    }

    /// The file this event brings into the case, by hash and size: a photo original or a
    /// document. Such files are stored, uploaded, served and bundled alike.
    pub fn blob(&self) -> Option<(&str, u64)> {
        match self {
            Payload::PhotoAttached { sha256, size, .. }
            | Payload::DocumentAttached { sha256, size, .. } => Some((sha256, *size)),
            _ => None,
        }
    }

    /// A step of review (submission or decision): it changes no content, and ends the reason
    /// given for changing a submitted case.
    pub fn is_review_step(&self) -> bool {
        self.is_review() || matches!(self, Payload::ReviewSubmitted { .. })
    }

    /// A review decision (approve, return, close): only a supervisor (or an admin) may make one;
    /// the server enforces it.
    pub fn is_review(&self) -> bool {
        matches!(
            self,
            Payload::ReviewApproved { .. }
                | Payload::ReviewReturned { .. }
                | Payload::CaseClosed { .. }
        )
    }
}

/// A reviewer's comment on one section of the case file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SectionComment {
    pub section: Section,
    pub comment: String,
}

/// Everything that is signed, in canonical field order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventBody {
    pub id: Uuid,
    pub case_id: Uuid,
    pub device_id: Uuid,
    pub device_seq: u64,
    pub author: Author,
    pub hlc: Hlc,
    /// The device's own clock, RFC 3339 UTC, shown to people.
    pub wall_time: String,
    pub deps: Vec<Uuid>,
    /// Hex SHA-256 of this device's previous event body; empty for its first event.
    pub prev_hash: String,
    #[serde(deserialize_with = "lenient_payload")]
    pub payload: Payload,
    /// Why a case already submitted for review (or approved) was changed. Left out of the
    /// encoding when None, so events written before it existed keep their exact bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A payload this version cannot read (a new kind, or a known kind naming a new field, section or
/// status) becomes `Unknown` instead of failing the whole event: one record must never block the rest.
fn lenient_payload<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Payload, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(Payload::deserialize(value).unwrap_or(Payload::Unknown))
}

/// An event as stored and sent: the canonical body bytes and the signature over them.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedEvent {
    pub body: EventBody,
    pub bytes: Vec<u8>,
    pub signature: [u8; 64],
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EventError {
    #[error("event body is not valid JSON for this version: {0}")]
    Decode(String),
    #[error("signature does not verify for device key")]
    BadSignature,
    #[error("signature or key has the wrong length")]
    Malformed,
}

impl SignedEvent {
    pub fn sign(body: EventBody, key: &SigningKey) -> SignedEvent {
        let bytes = serde_json::to_vec(&body).expect("event bodies always serialize");
        let signature = key.sign(&bytes).to_bytes();
        SignedEvent {
            body,
            bytes,
            signature,
        }
    }

    /// Decode stored bytes and check the signature against the device's public key.
    pub fn verify(
        bytes: &[u8],
        signature: &[u8],
        key: &VerifyingKey,
    ) -> Result<SignedEvent, EventError> {
        let signature: [u8; 64] = signature.try_into().map_err(|_| EventError::Malformed)?;
        if !crate::signatures::verifies(bytes, &signature, key.as_bytes()) {
            return Err(EventError::BadSignature);
        }
        Self::decode(bytes, signature)
    }

    /// [`SignedEvent::verify`] for many events at once, signed by one key or several: one batch
    /// check per core ([`crate::signatures`]), answers in order. `rng` gives each batch its
    /// randomness (the operating system's).
    pub fn verify_many<R: rand_core_06::RngCore + rand_core_06::CryptoRng>(
        events: &[(&[u8], &[u8], &VerifyingKey)],
        rng: impl Fn() -> R + Sync,
    ) -> Vec<Result<SignedEvent, EventError>> {
        let shaped: Vec<Option<[u8; 64]>> = events
            .iter()
            .map(|(_, signature, _)| (*signature).try_into().ok())
            .collect();
        let checkable: Vec<crate::signatures::Signed> = events
            .iter()
            .zip(&shaped)
            .filter_map(|((bytes, _, key), signature)| {
                signature
                    .as_ref()
                    .map(|signature| crate::signatures::Signed {
                        message: bytes,
                        signature,
                        key: key.as_bytes(),
                    })
            })
            .collect();
        let mut verified = crate::signatures::verify_on_all_cores(&checkable, rng).into_iter();
        events
            .iter()
            .zip(shaped)
            .map(|((bytes, _, _), signature)| {
                let signature = signature.ok_or(EventError::Malformed)?;
                if !verified.next().expect("one answer per checkable event") {
                    return Err(EventError::BadSignature);
                }
                Self::decode(bytes, signature)
            })
            .collect()
    }

    fn decode(bytes: &[u8], signature: [u8; 64]) -> Result<SignedEvent, EventError> {
        let body = serde_json::from_slice(bytes).map_err(|e| EventError::Decode(e.to_string()))?;
        Ok(SignedEvent {
            body,
            bytes: bytes.to_vec(),
            signature,
        })
    }

    /// Hex SHA-256 of the body bytes: what the device's next event names as `prev_hash`.
    pub fn hash(&self) -> String {
        body_hash(&self.bytes)
    }
}

pub fn body_hash(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    fn body(payload: Payload) -> EventBody {
        EventBody {
            id: Uuid::now_v7(),
            case_id: Uuid::now_v7(),
            device_id: Uuid::new_v4(),
            device_seq: 1,
            author: Author {
                name: "A. Inspector".into(),
                role: Role::Inspector,
            },
            hlc: Hlc::new(1_700_000_000_000, 0),
            wall_time: "2026-11-28T12:00:00.000Z".into(),
            deps: vec![],
            prev_hash: String::new(),
            payload,
            reason: None,
        }
    }

    #[test]
    fn a_signed_event_verifies_and_a_flipped_byte_does_not() {
        let event = SignedEvent::sign(
            body(Payload::FieldSet {
                item: None,
                field: Field::VesselName,
                value: Some("EVER GIVEN".into()),
            }),
            &key(),
        );
        let public = key().verifying_key();
        let back = SignedEvent::verify(&event.bytes, &event.signature, &public).unwrap();
        assert_eq!(back.body, event.body);
        for i in [0, event.bytes.len() / 2, event.bytes.len() - 1] {
            let mut tampered = event.bytes.clone();
            tampered[i] ^= 0x01;
            assert_eq!(
                SignedEvent::verify(&tampered, &event.signature, &public),
                Err(EventError::BadSignature)
            );
        }
        let mut sig = event.signature;
        sig[5] ^= 0x80;
        assert!(SignedEvent::verify(&event.bytes, &sig, &public).is_err());
    }

    #[test]
    fn a_newer_kind_is_kept_as_unknown_and_still_verifies() {
        let mut json = serde_json::to_value(body(Payload::Unknown)).unwrap();
        json["payload"] = serde_json::json!({"kind": "custody_transferred", "to": "ab"});
        let bytes = serde_json::to_vec(&json).unwrap();
        let sig = key().sign(&bytes).to_bytes();
        let event = SignedEvent::verify(&bytes, &sig, &key().verifying_key()).unwrap();
        assert_eq!(event.body.payload, Payload::Unknown);
        assert_eq!(event.bytes, bytes, "original bytes are kept to pass on");
    }

    #[test]
    fn a_known_kind_naming_a_newer_field_or_role_still_decodes() {
        let mut json = serde_json::to_value(body(Payload::Unknown)).unwrap();
        json["payload"] = serde_json::json!({"kind": "field_set", "item": null, "field": "photo_caption", "value": "x"});
        json["author"]["role"] = serde_json::json!("auditor");
        let body: EventBody = serde_json::from_value(json).unwrap();
        assert_eq!(body.payload, Payload::Unknown);
        assert_eq!(body.author.role, Role::Other);
    }
}
