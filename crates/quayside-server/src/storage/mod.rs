//! Storage of the server: the `ServerStore` trait and the records it speaks in. Every piece of
//! state lives behind it (accounts, devices and their chain heads, the log, quarantine, the epoch,
//! failed sign-ins), so several stateless server processes can share one database (a PostgreSQL
//! backend next to `SqliteStore`). Decisions that do not depend on the backend are plain
//! functions elsewhere (`push::plan`, `auth::lockout`); a backend runs them inside its transaction.
//!
//! - `sqlite/`, `postgres/`: one folder per backend, one module per concern (accounts, devices,
//!   push, pull, log, quarantine, photos, and the connection or pool with its migrations); each
//!   backend's `mod.rs` answers the trait by handing each call to the module owning its queries.
//! - `shared`: what both backends do alike (stored roles and ids, new epochs, pull-page keys, the
//!   entities a case names, folded from its events for the entity index).

pub mod postgres;
mod shared;
mod sqlite;

pub use postgres::PgStore;
pub use shared::summary_for;
pub use sqlite::SqliteStore;

use std::collections::HashMap;

use async_trait::async_trait;
use quayside_domain::event::Role;
use quayside_protocol::{Account, DeviceKey, PushResponse};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::push::Checked;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The cursor is of another epoch or beyond the log's end.
    #[error("{0}")]
    StaleCursor(String),
    /// The device or its user was revoked.
    #[error("{0}")]
    Revoked(String),
    #[error("{0}")]
    NotFound(String),
    /// The request contradicts what is stored (a user that exists already).
    #[error("{0}")]
    Conflict(String),
    /// The backend failed (disk, database): not the caller's fault.
    #[error("the server's storage failed: {0}")]
    Backend(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub username: String,
    /// argon2 PHC string.
    pub password_hash: String,
    pub role: Role,
    pub ports: Vec<String>,
    pub created_at: String,
    pub revoked_at: Option<String>,
    /// Case summaries sent to this user carry personal entities.
    pub personal_data: bool,
}

impl User {
    pub fn account(&self) -> Account {
        Account {
            username: self.username.clone(),
            role: self.role,
            ports: self.ports.clone(),
            personal_data: self.personal_data,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    pub id: Uuid,
    pub public_key: [u8; 32],
    pub name: String,
    pub username: String,
    pub enrolled_at: String,
    pub revoked_at: Option<String>,
    /// Highest contiguous sequence of this device's chain the server holds (log or quarantine).
    pub head_seq: u64,
    /// Hash of the event at `head_seq` (empty when none).
    pub head_hash: String,
    /// When the server received the revoked device's confirmation that it destroyed its keys.
    pub wipe_confirmed_at: Option<String>,
}

/// A device to register (or re-register with its own key: a new token replaces the old one).
#[derive(Debug, Clone)]
pub struct Enrollment {
    pub device_id: Uuid,
    pub public_key: [u8; 32],
    pub name: String,
    pub username: String,
    /// SHA-256 (hex) of the bearer token; the token itself is never stored.
    pub token_hash: String,
    pub now: String,
    /// `now` in unix ms: the new token's first use.
    pub now_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnrollOutcome {
    Enrolled,
    /// The device id is enrolled with another public key.
    KeyConflict,
    /// The device was revoked; it stays revoked.
    Revoked {
        at: String,
    },
    /// The device is enrolled by another user. Enrollment does not prove possession of the device
    /// key (the public key is public), so another user may not take a device over.
    OtherUser {
        username: String,
    },
}

/// The holder of a bearer token: its device and the device's user.
#[derive(Debug, Clone)]
pub struct TokenHolder {
    pub device: Device,
    pub user: User,
    /// Other accounts that signed in on the device to work there (revoked ones too).
    pub people: Vec<User>,
    /// When the token was last used (unix ms); None for one issued before this was kept.
    pub token_used_ms: Option<i64>,
}

/// Who pushes, as far as storage needs to know.
#[derive(Debug, Clone)]
pub struct Pusher {
    pub device_id: Uuid,
    /// What the people working on the device may do: review decisions, ports, the role events
    /// may name.
    pub rights: crate::push::DeviceRights,
    pub received_at: String,
    /// The `delay-in-push` fault (feature `test-support`): how long to wait inside the push
    /// transaction, after writing and before committing. Zero otherwise.
    #[cfg(feature = "test-support")]
    pub hold_before_commit: std::time::Duration,
}

#[derive(Debug, Clone)]
pub struct PullQuery {
    /// Epoch the cursor was given in; None pulls from the start of the current log.
    pub epoch: Option<String>,
    /// Transaction id of the last event examined by the previous pull (PostgreSQL; 0 on SQLite,
    /// which ignores it, and at the start).
    pub after_xid: u64,
    /// Last log sequence examined by the previous pull.
    pub after: u64,
    /// Id of the event the previous pull saw at `after`: another one there means a restored log.
    pub mark: Option<String>,
    pub limit: usize,
    /// The caller's own device: its events are not sent back.
    pub exclude_device: Uuid,
    /// Ports whose cases the caller may see; None for all (admins).
    pub ports: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct PullPage {
    pub epoch: String,
    pub events: Vec<LoggedEvent>,
    pub keys: Vec<DeviceKey>,
    /// Transaction id of the event at `last` (PostgreSQL; 0 on SQLite and when the log is empty).
    pub last_xid: u64,
    /// Last log sequence examined: where the next pull starts.
    pub last: u64,
    /// Id of the event at `last` (None when the log is empty).
    pub last_mark: Option<String>,
    pub more: bool,
}

/// What a push did, and what the route signs its receipt over (read in the push's transaction).
#[derive(Debug, Clone)]
pub struct Pushed {
    pub response: PushResponse,
    pub epoch: String,
    /// Hash of the device's event at `response.acked_seq` as the server holds it (empty at 0).
    pub head_hash: String,
}

/// A device that may no longer push, and the end of its valid chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevokedDevice {
    pub device_id: Uuid,
    /// The device's head when it stopped: a revoked device cannot push, so it does not move.
    pub last_valid_seq: u64,
    /// When the device, or its user, was revoked (the earlier of the two).
    pub revoked_at: String,
}

/// A place in the log's stable order, the order pull reads in: `(xid, seq)` on PostgreSQL, `seq`
/// (with `xid` 0) on SQLite. Everything a backend gives before a place stays there: later events
/// only ever come after it, so every process builds the same prefix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct LogPlace {
    pub xid: u64,
    pub seq: u64,
}

/// Body hashes of the log after a place, in the stable order (for the Merkle tree).
#[derive(Debug, Clone)]
pub struct LogHashes {
    pub epoch: String,
    /// Hash of the event at the place asked after (None at the start, or when no event is there
    /// any more: the log was replaced, and a tree built on it is void).
    pub at_after: Option<String>,
    /// Hex SHA-256 of each event body, as stored.
    pub hashes: Vec<String>,
    /// Place of the last hash given (the place asked after when there is none).
    pub last: LogPlace,
}

/// An event of the log with every stored column, for `verify` (columns as text, as stored, so a
/// tampered row is still read and named).
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub place: LogPlace,
    pub id: String,
    pub device_id: String,
    pub device_seq: u64,
    pub case_id: String,
    pub body: Vec<u8>,
    pub signature: Vec<u8>,
    pub hash: String,
}

/// An event of the log, exactly as signed.
#[derive(Debug, Clone)]
pub struct LoggedEvent {
    pub seq: u64,
    pub device_id: Uuid,
    pub body: Vec<u8>,
    pub signature: [u8; 64],
}

/// An event set aside with the reason, for an admin to look at.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuarantinedEvent {
    /// Position in the quarantine (arrival order).
    pub id: u64,
    /// The device whose token pushed it.
    pub pushed_by: Uuid,
    /// Index of the event in its push.
    pub index: usize,
    pub event_id: Option<Uuid>,
    /// The device the body names, when it could be read.
    pub device_id: Option<Uuid>,
    pub device_seq: Option<u64>,
    /// It continued its device's chain (signature and chain valid, refused on content or
    /// permission), so it counts in the device's acknowledged sequence.
    pub in_chain: bool,
    pub reason: String,
    pub received_at: String,
    /// The body as sent; empty when it was not signed by the pushing device (`verified`).
    pub body: String,
    /// The signature as sent (base64 when well formed); empty when not `verified`.
    pub signature: String,
    /// Signed by the pushing device: a record kept for good. When not, only its hash, size and
    /// reason are kept, and `quarantine prune` may remove it.
    pub verified: bool,
    /// Bytes of the body as sent (none for rows from before this was kept).
    pub body_bytes: Option<u64>,
    /// Hex SHA-256 of the body as sent.
    pub hash: String,
}

/// What the log says of a photo or document: the size its first `photo_attached` or
/// `document_attached` names, and the ports of the
/// cases that reference it (who may upload and download it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoRef {
    pub size: u64,
    pub ports: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub password_hash: String,
    pub role: Role,
    pub ports: Vec<String>,
    pub now: String,
    /// See `User::personal_data`.
    pub personal_data: bool,
}

/// Everything the server stores except photo bytes (see `BlobStore`).
///
/// A backend must make `push` one transaction that serialises pushes of one device (SQLite: the
/// single writer; PostgreSQL: lock the device's row) and must give `pull` a cursor order that
/// never skips a committed event (see docs/sync.md).
#[async_trait]
pub trait ServerStore: Send + Sync + 'static {
    /// Identity of the log; changes with `new_epoch`.
    async fn epoch(&self) -> Result<String>;
    /// Give the log a new identity (after restoring a backup): every client pulls again from the start.
    async fn new_epoch(&self) -> Result<String>;

    async fn add_user(&self, user: NewUser) -> Result<()>;
    async fn user(&self, username: &str) -> Result<Option<User>>;
    async fn users(&self) -> Result<Vec<User>>;
    /// Revoke a user: every device of theirs stops working. NotFound for an unknown name.
    async fn revoke_user(&self, username: &str, now: &str) -> Result<()>;

    /// Times (unix ms, ascending) of failed sign-ins of `username` by `client` (see
    /// `auth::failure_client`) at or after `since_ms`.
    async fn login_failures(&self, username: &str, client: &str, since_ms: i64)
        -> Result<Vec<i64>>;
    /// Record a failed sign-in, keeping at most the latest `keep` of `username` by `client`;
    /// anyone's failures before `forget_before_ms` may be dropped.
    async fn record_login_failure(
        &self,
        username: &str,
        client: &str,
        at_ms: i64,
        forget_before_ms: i64,
        keep: usize,
    ) -> Result<()>;
    /// Forget `username`'s failures by `client` (it signed in).
    async fn clear_login_failures(&self, username: &str, client: &str) -> Result<()>;

    async fn enroll(&self, enrollment: Enrollment) -> Result<EnrollOutcome>;
    async fn token_holder(&self, token_hash: &str) -> Result<Option<TokenHolder>>;
    /// `username` works on `device_id` besides the user who enrolled it (a second sign-in on the
    /// device); nothing changes when it does already, or is the device's user.
    async fn link_person(&self, device_id: Uuid, username: &str, now: &str) -> Result<()>;
    /// Every account working on a device besides its user, by device (user names in order).
    async fn device_people(&self) -> Result<HashMap<Uuid, Vec<String>>>;
    /// The devices `username` enrolled, revoked ones too.
    async fn devices_of(&self, username: &str) -> Result<Vec<Uuid>>;
    async fn devices(&self) -> Result<Vec<Device>>;
    /// Record that the token of `token_hash` was used at `at_ms`.
    async fn touch_token(&self, token_hash: &str, at_ms: i64) -> Result<()>;
    /// One device by id; None for an unknown one.
    async fn device(&self, device_id: Uuid) -> Result<Option<Device>>;
    /// NotFound for an unknown device.
    async fn revoke_device(&self, device_id: Uuid, now: &str) -> Result<()>;
    /// Every device revoked itself or through its user, by device id.
    async fn revoked_devices(&self) -> Result<Vec<RevokedDevice>>;
    /// Revoke the bearer token of `token_hash` held by `device_id` (a sign-out): the device stays
    /// enrolled and may enroll again. False when that token is not the device's (any more).
    async fn sign_out(&self, device_id: Uuid, token_hash: &str) -> Result<bool>;
    /// Record that a revoked device confirmed it destroyed its keys; the first time is kept.
    async fn confirm_wipe(&self, device_id: Uuid, now: &str) -> Result<()>;

    /// Take a checked batch in one transaction: plan it against the device's chain head with
    /// `push::plan`, store what is accepted and quarantined, move the head, commit.
    async fn push(&self, pusher: Pusher, batch: Vec<Checked>) -> Result<Pushed>;
    /// A page of the log after a cursor, filtered for the caller. StaleCursor when the cursor is
    /// of another epoch or beyond the end of the log.
    async fn pull(&self, query: PullQuery) -> Result<PullPage>;
    async fn quarantine(&self) -> Result<Vec<QuarantinedEvent>>;
    /// How many unverified rows `device` pushed into the quarantine.
    async fn junk_count(&self, device: Uuid) -> Result<u64>;
    /// Remove every unverified row from the quarantine; answers what was removed.
    async fn prune_junk(&self) -> Result<Vec<QuarantinedEvent>>;

    /// Up to `limit` body hashes of the log after `after`, in the stable order pull uses (on
    /// PostgreSQL only below the pull fence, so no later event can come before them).
    async fn log_hashes(&self, after: LogPlace, limit: usize) -> Result<LogHashes>;
    /// How many events of the log are at or before `through` in the stable order (a place a
    /// `log_hashes` page gave, so below the fence on PostgreSQL): the length a tree built up to
    /// there must have, so a row deleted in the middle is noticed.
    async fn log_count(&self, through: LogPlace) -> Result<u64>;
    /// Up to `limit` events of the log after `after`, in the same order, with every column.
    async fn log_events(&self, after: LogPlace, limit: usize) -> Result<Vec<StoredEvent>>;

    async fn photo_ref(&self, sha256: &str) -> Result<Option<PhotoRef>>;
    /// The port of the case of each logged event among these body hashes.
    async fn event_ports(&self, hashes: Vec<String>) -> Result<HashMap<String, String>>;

    /// Keep a control list an admin published, signed. Conflict when its version is not above
    /// every version held.
    async fn publish_control_list(&self, list: PublishedList) -> Result<()>;
    /// Up to `limit` published lists above version `after`, in version order.
    async fn control_lists(&self, after: u32, limit: usize) -> Result<Vec<PublishedList>>;
    /// The highest version published (0: none).
    async fn control_list_version(&self) -> Result<u32>;
    /// For each entity (kind, normalised key), how many cases at ports outside `ports` name it;
    /// `ports` None (an admin sees every port): none are outside.
    async fn seen_at_other_ports(
        &self,
        entities: Vec<(String, String)>,
        ports: Option<Vec<String>>,
    ) -> Result<Vec<u64>>;
    /// The stored summaries (`CaseSummary` JSON, every entity) of these cases, in no set order;
    /// a case the log does not hold is left out.
    async fn case_summaries(&self, cases: Vec<Uuid>) -> Result<Vec<String>>;
}

/// A control list as published: its version, the signed statement's JSON verbatim and the
/// server's signature over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedList {
    pub version: u32,
    pub statement: String,
    pub signature: String,
    pub published_at: String,
}

/// `impl ServerStore for $backend` as one call per method into the backend's module that owns the
/// concern (`accounts`, `devices`, `push`, `pull`, `log`, `quarantine`, `photos`, `control_lists`,
/// `entities`). Each backend
/// has modules of those names with functions of the trait's names, so the mapping is written once.
macro_rules! delegate_to_modules {
    ($backend:ty) => {
        #[async_trait::async_trait]
        impl $crate::storage::ServerStore for $backend {
            async fn epoch(&self) -> Result<String> {
                log::epoch(self).await
            }

            async fn new_epoch(&self) -> Result<String> {
                log::new_epoch(self).await
            }

            async fn add_user(&self, user: NewUser) -> Result<()> {
                accounts::add_user(self, user).await
            }

            async fn user(&self, username: &str) -> Result<Option<User>> {
                accounts::user(self, username).await
            }

            async fn users(&self) -> Result<Vec<User>> {
                accounts::users(self).await
            }

            async fn revoke_user(&self, username: &str, now: &str) -> Result<()> {
                accounts::revoke_user(self, username, now).await
            }

            async fn login_failures(
                &self,
                username: &str,
                client: &str,
                since_ms: i64,
            ) -> Result<Vec<i64>> {
                accounts::login_failures(self, username, client, since_ms).await
            }

            async fn record_login_failure(
                &self,
                username: &str,
                client: &str,
                at_ms: i64,
                forget_before_ms: i64,
                keep: usize,
            ) -> Result<()> {
                accounts::record_login_failure(
                    self,
                    username,
                    client,
                    at_ms,
                    forget_before_ms,
                    keep,
                )
                .await
            }

            async fn clear_login_failures(&self, username: &str, client: &str) -> Result<()> {
                accounts::clear_login_failures(self, username, client).await
            }

            async fn enroll(&self, e: Enrollment) -> Result<EnrollOutcome> {
                devices::enroll(self, e).await
            }

            async fn token_holder(&self, token_hash: &str) -> Result<Option<TokenHolder>> {
                devices::token_holder(self, token_hash).await
            }

            async fn link_person(&self, device_id: Uuid, username: &str, now: &str) -> Result<()> {
                devices::link_person(self, device_id, username, now).await
            }

            async fn device_people(&self) -> Result<std::collections::HashMap<Uuid, Vec<String>>> {
                devices::device_people(self).await
            }

            async fn devices_of(&self, username: &str) -> Result<Vec<Uuid>> {
                devices::devices_of(self, username).await
            }

            async fn devices(&self) -> Result<Vec<Device>> {
                devices::devices(self).await
            }

            async fn device(&self, device_id: Uuid) -> Result<Option<Device>> {
                devices::device(self, device_id).await
            }

            async fn touch_token(&self, token_hash: &str, at_ms: i64) -> Result<()> {
                devices::touch_token(self, token_hash, at_ms).await
            }

            async fn revoke_device(&self, device_id: Uuid, now: &str) -> Result<()> {
                devices::revoke_device(self, device_id, now).await
            }

            async fn push(&self, pusher: Pusher, batch: Vec<Checked>) -> Result<Pushed> {
                push::push(self, pusher, batch).await
            }

            async fn pull(&self, query: PullQuery) -> Result<PullPage> {
                pull::pull(self, query).await
            }

            async fn revoked_devices(&self) -> Result<Vec<RevokedDevice>> {
                devices::revoked_devices(self).await
            }

            async fn sign_out(&self, device_id: Uuid, token_hash: &str) -> Result<bool> {
                devices::sign_out(self, device_id, token_hash).await
            }

            async fn confirm_wipe(&self, device_id: Uuid, now: &str) -> Result<()> {
                devices::confirm_wipe(self, device_id, now).await
            }

            async fn log_hashes(&self, after: LogPlace, limit: usize) -> Result<LogHashes> {
                log::log_hashes(self, after, limit).await
            }

            async fn log_count(&self, through: LogPlace) -> Result<u64> {
                log::log_count(self, through).await
            }

            async fn log_events(&self, after: LogPlace, limit: usize) -> Result<Vec<StoredEvent>> {
                log::log_events(self, after, limit).await
            }

            async fn quarantine(&self) -> Result<Vec<QuarantinedEvent>> {
                quarantine::quarantine(self).await
            }

            async fn junk_count(&self, device: Uuid) -> Result<u64> {
                quarantine::junk_count(self, device).await
            }

            async fn prune_junk(&self) -> Result<Vec<QuarantinedEvent>> {
                quarantine::prune_junk(self).await
            }

            async fn photo_ref(&self, sha256: &str) -> Result<Option<PhotoRef>> {
                photos::photo_ref(self, sha256).await
            }

            async fn event_ports(
                &self,
                hashes: Vec<String>,
            ) -> Result<std::collections::HashMap<String, String>> {
                log::event_ports(self, hashes).await
            }

            async fn publish_control_list(
                &self,
                list: $crate::storage::PublishedList,
            ) -> Result<()> {
                control_lists::publish_control_list(self, list).await
            }

            async fn control_lists(
                &self,
                after: u32,
                limit: usize,
            ) -> Result<Vec<$crate::storage::PublishedList>> {
                control_lists::control_lists(self, after, limit).await
            }

            async fn control_list_version(&self) -> Result<u32> {
                control_lists::control_list_version(self).await
            }

            async fn seen_at_other_ports(
                &self,
                entities: Vec<(String, String)>,
                ports: Option<Vec<String>>,
            ) -> Result<Vec<u64>> {
                entities::seen_at_other_ports(self, entities, ports).await
            }

            async fn case_summaries(&self, cases: Vec<Uuid>) -> Result<Vec<String>> {
                entities::case_summaries(self, cases).await
            }
        }
    };
}
pub(crate) use delegate_to_modules;
