//! What both backends do alike: how roles and ids are stored as text, a new epoch, and the small
//! decisions on rows read (which keys a pull page carries, when a device stopped).

use quayside_domain::event::Role;
use quayside_protocol::DeviceKey;
use uuid::Uuid;

use super::{LoggedEvent, Result, StoreError};

/// A new random log identity (128 bits, hex).
pub(super) fn random_epoch() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Backend(e.to_string()))?;
    Ok(hex::encode(bytes))
}

/// How a role is stored; only the three account roles are.
pub(super) fn role_text(role: Role) -> Result<&'static str> {
    match role {
        Role::Inspector => Ok("inspector"),
        Role::Supervisor => Ok("supervisor"),
        Role::Admin => Ok("admin"),
        Role::Other => Err(StoreError::Conflict(
            "a user is an inspector, a supervisor or an admin".into(),
        )),
    }
}

/// A stored role (another text reads as `Role::Other`, which may do nothing).
pub(super) fn role_of(text: &str) -> Role {
    match text {
        "inspector" => Role::Inspector,
        "supervisor" => Role::Supervisor,
        "admin" => Role::Admin,
        _ => Role::Other,
    }
}

/// A stored id; one that does not parse is the backend's failure, not the caller's.
pub(super) fn uuid(text: &str) -> Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| StoreError::Backend(format!("bad id {text:?} stored: {e}")))
}

/// The public keys (hex, by device) of the devices that signed `events`, out of `keys`.
pub(super) fn keys_of_signers(
    events: &[LoggedEvent],
    keys: impl IntoIterator<Item = (Uuid, String)>,
) -> Vec<DeviceKey> {
    let used: std::collections::HashSet<Uuid> = events.iter().map(|e| e.device_id).collect();
    keys.into_iter()
        .filter(|(id, _)| used.contains(id))
        .map(|(device_id, public_key)| DeviceKey {
            device_id,
            public_key,
        })
        .collect()
}

/// The earlier of two revocation times (both RFC 3339 UTC as `now_text` writes them, so they
/// compare as text); empty when neither is set.
pub(super) fn earlier(a: Option<String>, b: Option<String>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or_default(),
    }
}

/// The entities a case names, as the app's entity index reads them (the domain's
/// `entities_of`), folded from the case's events as stored: each `(kind, key)` once. Events that
/// do not read or do not fold are passed over, as the app passes them over.
pub(super) fn entity_keys_of(bodies: &[Vec<u8>]) -> Vec<(&'static str, String)> {
    use quayside_domain::case::CaseFile;
    use quayside_domain::event::EventBody;
    let mut events: Vec<EventBody> = bodies
        .iter()
        .filter_map(|bytes| serde_json::from_slice(bytes).ok())
        .collect();
    events.sort_by(|a, b| {
        (a.hlc, a.device_id, a.device_seq).cmp(&(b.hlc, b.device_id, b.device_seq))
    });
    let mut case: Option<CaseFile> = None;
    for event in &events {
        match case.as_mut() {
            Some(file) => {
                let _ = file.apply(event);
            }
            None => case = CaseFile::open(event).ok().map(|(file, _)| file),
        }
    }
    let Some(case) = case else { return Vec::new() };
    let mut keys: Vec<(&'static str, String)> = quayside_domain::entities::entities_of(&case)
        .into_iter()
        .map(|e| (e.kind.as_str(), e.key))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}
