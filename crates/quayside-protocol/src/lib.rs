//! The sync wire format: what a client and the server say to each other over HTTP (JSON), with the
//! error codes a client acts on. Both sides use these types, so they cannot drift; the server's
//! OpenAPI document is generated from them.
//!
//! An event travels as its signed body, embedded verbatim as JSON (`body`), and its ed25519
//! signature (`signature`, base64). The body's bytes are exactly the bytes that were signed, so no
//! re-encoding can break a signature, and the body costs no base64 overhead.

pub mod merkle;
pub mod statement;

use base64::Engine;
use quayside_domain::event::Role;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
pub use statement::{
    Checkpoint, ControlListPublished, Enrollment, Receipt, Revocation, SignedStatement, Statement,
};
use ts_rs::TS;
use utoipa::ToSchema;
use uuid::Uuid;

/// Path prefix of every route: a breaking change of the protocol gets a new one.
pub const PREFIX: &str = "/v1";

/// Largest request body the server reads, in bytes. A push is cut into batches below it.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// Most events in one push or one pull page.
pub const MAX_BATCH_EVENTS: usize = 1000;
/// Largest photo chunk a client sends in one request.
pub const PHOTO_CHUNK_BYTES: usize = 1024 * 1024;
/// Largest photo the server takes (the app's vault refuses larger ones too).
pub const MAX_PHOTO_BYTES: u64 = 100 * 1024 * 1024;

/// A signed event on the wire.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WireEvent {
    /// The event body exactly as signed (canonical JSON of the envelope).
    #[schema(value_type = Object)]
    pub body: Box<RawValue>,
    /// ed25519 signature over the body's bytes, standard base64.
    pub signature: String,
}

impl WireEvent {
    pub fn new(bytes: &[u8], signature: &[u8; 64]) -> Result<WireEvent, serde_json::Error> {
        let text = std::str::from_utf8(bytes).map_err(serde::de::Error::custom)?;
        Ok(WireEvent {
            body: RawValue::from_string(text.to_string())?,
            signature: base64::engine::general_purpose::STANDARD.encode(signature),
        })
    }

    /// The signed bytes and the signature, or why the signature is not 64 bytes of base64.
    pub fn parts(&self) -> Result<(Vec<u8>, [u8; 64]), String> {
        let signature = base64::engine::general_purpose::STANDARD
            .decode(&self.signature)
            .map_err(|e| format!("the signature is not base64: {e}"))?;
        let signature: [u8; 64] = signature.try_into().map_err(|v: Vec<u8>| {
            format!(
                "the signature is {} bytes; ed25519 signatures are 64",
                v.len()
            )
        })?;
        Ok((self.body.get().as_bytes().to_vec(), signature))
    }
}

/// A user as the server knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
pub struct Account {
    pub username: String,
    #[schema(value_type = String, example = "inspector")]
    pub role: Role,
    /// UN/LOCODEs of the ports this user works (inspector) or supervises (supervisor).
    pub ports: Vec<String>,
    /// An analyst's case summaries carry personal entities (persons and what reaches them).
    #[serde(default)]
    pub personal_data: bool,
}

/// A hex SHA-256 as the protocol writes it, for the OpenAPI document: 64 lower-case hex digits.
#[derive(ToSchema)]
#[schema(pattern = "^[0-9a-f]{64}$")]
pub struct Sha256Hex(pub String);

/// `POST /v1/devices`: enroll this device with a user's credentials.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EnrollRequest {
    /// 1 to 64 characters, not all spaces.
    #[schema(min_length = 1, max_length = 64, pattern = "\\S")]
    pub username: String,
    pub password: String,
    pub device_id: Uuid,
    /// The device's ed25519 public key, 64 hex digits. A device keeps its key for life.
    #[schema(pattern = "^\\s*[0-9a-fA-F]{64}\\s*$")]
    pub public_key: String,
    /// A name people recognise in the device list ("laptop 3, Rotterdam"), 1 to 200 characters,
    /// not all spaces.
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub device_name: String,
    /// The device's ed25519 signature (standard base64) over [`enrollment_message`]: proof that the
    /// enrolling party holds the key, since the public key itself is no secret.
    #[schema(pattern = "^[A-Za-z0-9+/]{85}[AQgw]==$")]
    pub proof: String,
}

/// What a device signs to prove it holds its key when it enrolls for `username`.
pub fn enrollment_message(username: &str, device_id: Uuid) -> Vec<u8> {
    format!("quayside enrollment v1\n{}\n{device_id}", username.trim()).into_bytes()
}

/// A revoked device's report that it destroyed its keys, signed by the device's own key (its token
/// no longer works). The server keeps the time it received the first valid one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WipeConfirmation {
    /// When the device signed this (RFC 3339), as its clock says.
    pub confirmed_at: String,
    /// The device's ed25519 signature (standard base64) over [`wipe_confirmation_message`].
    pub signature: String,
}

/// What a revoked device signs to confirm it destroyed its keys.
pub fn wipe_confirmation_message(device_id: Uuid, confirmed_at: &str) -> Vec<u8> {
    format!("quayside wipe confirmation v1\n{device_id}\n{confirmed_at}").into_bytes()
}

/// `POST /v1/devices/people`: another account signs in on an enrolled device to work there. Its
/// events name its user name as their author and are judged by its own role and ports.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PersonRequest {
    /// 1 to 64 characters, not all spaces.
    #[schema(min_length = 1, max_length = 64, pattern = "\\S")]
    pub username: String,
    pub password: String,
}

/// Most entities `POST /v1/entities/seen` asks about at once: a case names a few dozen.
pub const MAX_SEEN_ENTITIES: usize = 200;
/// Longest entity key, in characters (the longest field's text).
pub const MAX_ENTITY_KEY_CHARS: usize = 4000;

/// An entity a case names, by its normalised key (the domain's `entities::keys`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EntityRef {
    /// `company`, `person`, `party_number`, `container`, `vessel`, `transport_document`,
    /// `address`, `phone` or `email`.
    #[schema(value_type = String, pattern = "^(company|person|party_number|container|vessel|transport_document|address|phone|email)$")]
    pub kind: quayside_domain::entities::EntityKind,
    /// 1 to 4,000 characters, without NUL (a key no case has simply counts 0).
    #[schema(min_length = 1, max_length = 4000, pattern = "^[^\\x00]+$")]
    pub key: String,
}

/// `POST /v1/entities/seen`: which of these entities cases at ports the device does not see name.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SeenRequest {
    #[schema(max_items = 200)]
    pub entities: Vec<EntityRef>,
}

/// How many cases at other ports name each entity asked about, in the order asked: a count only,
/// never which cases or what they hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SeenResponse {
    pub counts: Vec<SeenCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SeenCount {
    #[serde(flatten)]
    pub entity: EntityRef,
    /// Cases at ports the device's people do not work that name it.
    pub other_ports: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EnrollResponse {
    /// Bearer token for every later request. Shown once; the server keeps only its hash.
    pub token: String,
    pub account: Account,
    /// The server's ed25519 public key (hex), which signs receipts, checkpoints and revocations.
    /// The client keeps the first one it sees and refuses a server that signs with another.
    #[serde(default)]
    pub server_key: String,
}

/// `GET /v1/sync`: where this device stands with the server, asked before each sync.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SyncState {
    /// Identity of the server's log. It changes when the log is restored from a backup; a client that
    /// sees a new epoch pulls again from the start and pushes from `device_seq`.
    pub epoch: String,
    /// Highest contiguous sequence of this device's events the server holds (0: none).
    pub device_seq: u64,
    /// Hash of that event as the server holds it: a device whose own event there differs was
    /// cloned or restored and has forked its chain.
    #[serde(default)]
    pub device_head_hash: String,
    pub account: Account,
    /// The server's public key (hex); see `EnrollResponse::server_key`.
    #[serde(default)]
    pub server_key: String,
    /// Every revoked device, signed (`Statement::Revocation`): a client refuses their later events.
    #[serde(default)]
    pub revocations: Vec<SignedStatement>,
    /// The server reads a push body (`POST /v1/events`) sent gzip-compressed
    /// (`Content-Encoding: gzip`); its size limit counts the inflated bytes. An older server
    /// does not say so, and gets plain bodies.
    #[serde(default)]
    pub accepts_gzip: bool,
    /// The server also reads push bodies sent zstd-compressed (`Content-Encoding: zstd`), and
    /// answers in zstd to a client whose `Accept-Encoding` names it. An older server does not say
    /// so, and gets gzip.
    #[serde(default)]
    pub accepts_zstd: bool,
    /// The newest control list the server publishes (0: none beyond the one built into the app).
    /// A device holding an older one fetches the rest (`GET /v1/control-lists`).
    #[serde(default)]
    pub control_list_version: u32,
}

/// `GET /v1/control-lists?after=N`: published control lists above version N, oldest first, each a
/// signed `Statement::ControlList`. At most `CONTROL_LISTS_PER_PAGE`; ask again after the last.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ControlListsPage {
    pub lists: Vec<SignedStatement>,
}

/// How many lists one `GET /v1/control-lists` answer holds at most.
pub const CONTROL_LISTS_PER_PAGE: usize = 8;

/// `POST /v1/events`: a batch of this device's own events, in sequence order.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PushRequest {
    /// At most `MAX_BATCH_EVENTS` (1,000).
    #[schema(max_items = 1000)]
    pub events: Vec<WireEvent>,
}

/// An event the server did not take into its log, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Refusal {
    /// Index of the event in the request.
    pub index: usize,
    /// The event's id, when its body could be read.
    pub event_id: Option<Uuid>,
    pub device_seq: Option<u64>,
    /// Why, as a stable code a client words in its person's language. An older server sends
    /// none: read as `unknown`, with `reason` shown as it is.
    #[serde(default)]
    pub code: RefusalCode,
    /// Why, in English, for logs and operators.
    pub reason: String,
}

/// Why the server set an event aside (or deferred it). The server stays language-neutral: a client
/// maps each code to its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RefusalCode {
    /// The wire form is broken: the body or signature cannot be taken apart.
    Malformed,
    /// The body names no device: it is not an event.
    NotAnEvent,
    /// The event is another device's: a device pushes only its own chain.
    OtherDevice,
    /// The body does not decode as an event.
    Undecodable,
    /// The signature does not verify with the key the device enrolled.
    BadSignature,
    /// The event's id is held for another event.
    IdReused,
    /// Another event holds this sequence of the device's chain: its data folder was copied or
    /// restored.
    Fork,
    /// The sequence is not a place in the chain (0, or at or below what is held).
    NotInChain,
    /// Deferred, not quarantined: the event follows a gap; send again from `acked_seq + 1`.
    FollowsGap,
    /// The event does not name the held event before it.
    ChainBroken,
    /// The event's clock reading is beyond any date.
    ClockBroken,
    /// The event names its author with a higher role than the device's user has.
    RoleClaimed,
    /// A review decision by a user who is not a supervisor.
    NotSupervisor,
    /// A second `case_opened` of a case.
    CaseOpenedTwice,
    /// An event of a case the server has no `case_opened` of.
    CaseUnknown,
    /// The case's port is not one the device's user works.
    PortNotWorked,
    /// A `photo_attached` whose hash is not a hex SHA-256.
    BadPhotoHash,
    /// A photo or document hash that cases of another port reference already: served to the
    /// ports that first referenced it only.
    BlobOfAnotherPort,
    /// The author is a person working on the device whose account was revoked.
    AuthorRevoked,
    /// A code this client does not know (a newer server), or none sent (an older one).
    #[default]
    #[serde(other)]
    Unknown,
}

impl RefusalCode {
    /// The code as it travels (`port_not_worked`), for a client to keep.
    pub fn as_str(self) -> &'static str {
        match self {
            RefusalCode::Malformed => "malformed",
            RefusalCode::NotAnEvent => "not_an_event",
            RefusalCode::OtherDevice => "other_device",
            RefusalCode::Undecodable => "undecodable",
            RefusalCode::BadSignature => "bad_signature",
            RefusalCode::IdReused => "id_reused",
            RefusalCode::Fork => "fork",
            RefusalCode::NotInChain => "not_in_chain",
            RefusalCode::FollowsGap => "follows_gap",
            RefusalCode::ChainBroken => "chain_broken",
            RefusalCode::ClockBroken => "clock_broken",
            RefusalCode::RoleClaimed => "role_claimed",
            RefusalCode::NotSupervisor => "not_supervisor",
            RefusalCode::CaseOpenedTwice => "case_opened_twice",
            RefusalCode::CaseUnknown => "case_unknown",
            RefusalCode::PortNotWorked => "port_not_worked",
            RefusalCode::BadPhotoHash => "bad_photo_hash",
            RefusalCode::BlobOfAnotherPort => "blob_of_another_port",
            RefusalCode::AuthorRevoked => "author_revoked",
            RefusalCode::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct PushResponse {
    /// Highest contiguous sequence of this device's events the server now holds (accepted or in
    /// quarantine): the client need not send these again.
    pub acked_seq: u64,
    /// Events newly taken into the log.
    pub accepted: usize,
    /// Events the server already held (a retried batch): not stored twice.
    pub duplicates: usize,
    /// Events held in quarantine with the reason, for an admin to look at. Not retried.
    pub quarantined: Vec<Refusal>,
    /// Events not stored at all because they follow a gap in the chain: send again from `acked_seq + 1`.
    pub deferred: Vec<Refusal>,
    /// The server's signed receipt (`Statement::Receipt`) for the chain it now holds. None when
    /// it holds none of this device's events yet.
    #[serde(default)]
    pub receipt: Option<SignedStatement>,
}

/// `POST /v1/checkpoint`: the log's current checkpoint, proof that it extends the one the client
/// saw last, and where the client's events are in it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct CheckpointRequest {
    /// Size of the last checkpoint this client saw in the current epoch (0: none).
    #[serde(deserialize_with = "whole_number")]
    #[schema(value_type = i64, minimum = 0)]
    pub from_size: u64,
    /// Body hashes (hex) of events whose inclusion the client wants proved; at most
    /// `MAX_BATCH_EVENTS`. Hashes the log does not hold (yet) are left out of the answer.
    #[serde(default)]
    #[schema(value_type = Vec<Sha256Hex>, max_items = 1000)]
    pub hashes: Vec<String>,
    /// Answer one batch proof (`CheckpointResponse::batch_proof`) instead of a path per event:
    /// each shared subtree hash is sent once. A server that does not know this field answers
    /// paths, which a client still takes.
    #[serde(default)]
    pub batch: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CheckpointResponse {
    /// `Statement::Checkpoint`, signed.
    pub checkpoint: SignedStatement,
    /// Proof (hex hashes) that this checkpoint's tree extends the first `from_size` leaves.
    pub consistency: Vec<String>,
    /// Without a batch: one per asked hash the log holds, in the request's order (a hash asked
    /// twice is answered twice), each with its path. Empty with a batch (see `indices`).
    pub proofs: Vec<InclusionProof>,
    /// With a batch: where each asked hash is in the log, in the request's order (null: the log
    /// does not hold it yet); the client knows the hashes it asked, so they are not sent back.
    #[serde(default)]
    pub indices: Vec<Option<u64>>,
    /// When the request asked for a batch: the hashes (hex) of the subtrees that, with the
    /// answered events, recompute the checkpoint's root (`merkle::LogTree::batch_inclusion`
    /// of the distinct indices in `indices`, read in ascending index order by
    /// `merkle::verify_batch_inclusion`, which also gives back each event's own path). Empty
    /// otherwise, and when no asked hash is in the log.
    #[serde(default)]
    pub batch_proof: Vec<String>,
}

/// `POST /v1/enrollments`: the server's signed `Statement::Enrollment` of each of these devices it
/// knows (at most `MAX_BATCH_EVENTS` ids), so a client can anchor the keys it holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct EnrollmentsRequest {
    /// At most `MAX_BATCH_EVENTS` (1,000).
    #[schema(max_items = 1000)]
    pub device_ids: Vec<Uuid>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct EnrollmentsResponse {
    /// One per device the server knows, in no particular order; unknown ids are left out.
    pub enrollments: Vec<SignedStatement>,
}

/// Where an event is in the tree of a checkpoint, and the sibling hashes that prove it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InclusionProof {
    /// The event's body hash (hex), as asked.
    pub hash: String,
    /// The event's leaf index in the checkpoint's tree.
    pub index: u64,
    /// Sibling hashes (hex) from the leaf up to the root; empty in a batch answer
    /// (`CheckpointResponse::batch_proof` proves every event at once).
    #[serde(default)]
    pub path: Vec<String>,
}

/// One case as an analyst reads it (`GET /v1/summaries`): the facts that say what it is and how
/// it ended, and the entities it names by their keys. Personal entities (persons and what reaches
/// them: `EntityKind::is_personal`) only to an account allowed personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CaseSummary {
    pub case_id: Uuid,
    pub case_number: String,
    /// UN/LOCODE of the case's port.
    pub port: String,
    pub opened_at: String,
    pub updated_at: String,
    /// The case's one state (`draft` to `closed`), as the app's list shows it.
    #[schema(value_type = String, example = "closed")]
    pub state: quayside_domain::state::CaseState,
    /// The outcome's code (`O4`), when recorded.
    pub outcome: Option<String>,
    pub declared_description: Option<String>,
    /// Countries of the route in order (ISO 3166 alpha-2).
    pub route: Vec<String>,
    pub entities: Vec<SummaryEntity>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SummaryEntity {
    #[serde(flatten)]
    pub entity: EntityRef,
    /// The value as recorded in the case.
    pub shown: String,
}

/// `GET /v1/summaries?cursor=...`: the summaries of the cases that changed in the part of the log
/// after the cursor, every port's (an analyst's or an admin's). A case that changed again later
/// comes again, as it is then.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SummaryPage {
    pub summaries: Vec<CaseSummary>,
    /// Where the next page starts. Opaque; carries the log's epoch, like the pull's.
    pub cursor: String,
    /// More of the log waits after this page.
    pub more: bool,
}

/// `GET /v1/events?cursor=...`: a page of events other devices wrote, of cases this user may see.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PullResponse {
    pub events: Vec<WireEvent>,
    /// Public keys of the devices that signed `events`, so the client can verify them.
    pub devices: Vec<DeviceKey>,
    /// Where the next pull starts. Opaque; carries the log's epoch.
    pub cursor: String,
    /// More events wait after this page.
    pub more: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DeviceKey {
    pub device_id: Uuid,
    /// ed25519 public key, 64 hex digits.
    pub public_key: String,
}

/// `POST /v1/photos/missing`: which of these originals does the server lack?
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PhotoQuery {
    /// Hex SHA-256 of each original; at most `MAX_BATCH_EVENTS` (1,000).
    #[schema(value_type = Vec<Sha256Hex>, max_items = 1000)]
    pub sha256: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PhotoMissing {
    pub missing: Vec<String>,
}

/// Where an upload of one original stands (`PUT /v1/photos/{sha256}` and `GET .../upload`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct UploadStatus {
    pub sha256: String,
    /// Bytes the server holds; the next chunk starts here.
    pub received: u64,
    /// True once the original is complete and its hash checked.
    pub complete: bool,
}

/// Every error answer has this body; `code` is what a client acts on and words for a person in
/// their language, `message` the same in English, for logs and operators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "SyncErrorCode")]
pub enum ErrorCode {
    /// The request is malformed: bad JSON, a wrong type, a bad hash or cursor. Fix the client.
    InvalidRequest,
    /// The body is larger than the server reads.
    TooLarge,
    /// Wrong user name or password.
    BadCredentials,
    /// Too many failed sign-ins: wait (see `Retry-After`) and try again.
    TooManyAttempts,
    /// No token, an unknown or signed-out token, or the device's user was revoked: enroll again.
    Unauthorized,
    /// This device was revoked (lost or stolen): it never syncs again. The client stops, and the
    /// app destroys its keys and confirms it (`POST /v1/devices/{id}/wipe-confirmation`).
    DeviceRevoked,
    /// Signed in, but this user may not do this.
    Forbidden,
    /// The device is enrolled already with another key.
    DeviceConflict,
    /// The cursor belongs to another epoch of the log (a restore): pull again from the start.
    StaleCursor,
    /// The upload offset does not match what the server holds: resume from `received`.
    OffsetMismatch,
    /// The uploaded bytes do not hash to the named SHA-256: the upload is discarded.
    HashMismatch,
    NotFound,
    /// Something failed on the server; retry later.
    Internal,
    /// The server is at its limit for this kind of work (password checks): wait `Retry-After`
    /// seconds and try again.
    Busy,
}

/// A count as JSON gives it: an integer, or a number with no fraction (JSON Schema's `integer`
/// takes 1.0 too), from 0 to `i64::MAX` (the document's int64).
fn whole_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    use serde::de::Error;
    let number = serde_json::Number::deserialize(deserializer)?;
    let whole = match (number.as_u64(), number.as_f64()) {
        (Some(n), _) => Some(n),
        (None, Some(f)) if f >= 0.0 && f.fract() == 0.0 && f < 9.223_372_036_854_775e18 => {
            Some(f as u64)
        }
        _ => None,
    };
    whole.filter(|n| *n <= i64::MAX as u64).ok_or_else(|| {
        D::Error::custom(format!(
            "{number} is not a whole number from 0 to {}",
            i64::MAX
        ))
    })
}

/// Parse a hex SHA-256 as the protocol writes it (64 lower-case hex digits).
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_code_travels_by_its_name_and_an_unknown_or_missing_one_reads_as_unknown() {
        for code in [
            RefusalCode::Malformed,
            RefusalCode::Fork,
            RefusalCode::PortNotWorked,
            RefusalCode::BlobOfAnotherPort,
            RefusalCode::FollowsGap,
            RefusalCode::Unknown,
        ] {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, code.as_str());
            assert_eq!(serde_json::from_value::<RefusalCode>(json).unwrap(), code);
        }
        let newer: Refusal = serde_json::from_str(
            r#"{"index":0,"event_id":null,"device_seq":1,"code":"moon_phase","reason":"x"}"#,
        )
        .unwrap();
        assert_eq!(newer.code, RefusalCode::Unknown);
        let older: Refusal =
            serde_json::from_str(r#"{"index":0,"event_id":null,"device_seq":1,"reason":"x"}"#)
                .unwrap();
        assert_eq!(older.code, RefusalCode::Unknown);
    }

    #[test]
    fn an_event_body_crosses_the_wire_byte_for_byte() {
        let bytes = br#"{"id":"x","payload":{"kind":"field_set","value":"caf\u00e9 \"q\""}}"#;
        let event = WireEvent::new(bytes, &[9u8; 64]).unwrap();
        let json = serde_json::to_string(&PushRequest {
            events: vec![event],
        })
        .unwrap();
        let back: PushRequest = serde_json::from_str(&json).unwrap();
        let (body, signature) = back.events[0].parts().unwrap();
        assert_eq!(body, bytes.to_vec());
        assert_eq!(signature, [9u8; 64]);
    }

    #[test]
    fn a_short_or_garbled_signature_is_named() {
        let mut event = WireEvent::new(b"{}", &[1u8; 64]).unwrap();
        event.signature = "AAAA".into();
        assert!(event.parts().unwrap_err().contains("3 bytes"));
        event.signature = "not base64!".into();
        assert!(event.parts().unwrap_err().contains("not base64"));
    }

    #[test]
    fn a_body_that_is_not_json_cannot_be_built() {
        assert!(WireEvent::new(b"not json", &[0u8; 64]).is_err());
        assert!(WireEvent::new(&[0xff, 0xfe], &[0u8; 64]).is_err());
    }
}
