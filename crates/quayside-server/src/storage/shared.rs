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

/// How a role is stored; only the four account roles are.
pub(super) fn role_text(role: Role) -> Result<&'static str> {
    match role {
        Role::Inspector => Ok("inspector"),
        Role::Supervisor => Ok("supervisor"),
        Role::Admin => Ok("admin"),
        Role::Analyst => Ok("analyst"),
        Role::Other => Err(StoreError::Conflict(
            "a user is an inspector, a supervisor, an admin or an analyst".into(),
        )),
    }
}

/// A stored role (another text reads as `Role::Other`, which may do nothing).
pub(super) fn role_of(text: &str) -> Role {
    match text {
        "inspector" => Role::Inspector,
        "supervisor" => Role::Supervisor,
        "admin" => Role::Admin,
        "analyst" => Role::Analyst,
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

/// What the server derives from a case's events: the entities it names, as the app's entity
/// index reads them (the domain's `entities_of`, each `(kind, key)` once), and its summary for
/// analysts (with every entity; the personal ones are left out when sent).
pub(super) struct Derived {
    pub keys: Vec<(&'static str, String)>,
    /// JSON of a `CaseSummary`.
    pub summary: String,
}

/// Fold a case's events as stored. Events that do not read or do not fold are passed over, as the
/// app passes them over; None when no event opens the case.
pub(super) fn derive_case(bodies: &[Vec<u8>]) -> Option<Derived> {
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
    let case = case?;
    let entities = quayside_domain::entities::entities_of(&case);
    let mut keys: Vec<(&'static str, String)> = entities
        .iter()
        .map(|e| (e.kind.as_str(), e.key.clone()))
        .collect();
    keys.sort();
    keys.dedup();
    let summary =
        serde_json::to_string(&summary_of(&case, entities)).expect("summaries always serialize");
    Some(Derived { keys, summary })
}

fn summary_of(
    case: &quayside_domain::case::CaseFile,
    entities: Vec<quayside_domain::entities::Entity>,
) -> quayside_protocol::CaseSummary {
    use quayside_domain::fields::{Field, FieldKind, Section};
    use quayside_domain::identifiers::parse_country;
    use quayside_protocol::{CaseSummary, EntityRef, SummaryEntity};
    // Values arrive unparsed: only a code of its list, or a country the parser takes, goes out.
    let outcome = case
        .value(Field::OutcomeCode)
        .map(|code| match Field::OutcomeCode.kind() {
            FieldKind::Code(list) if list.iter().any(|e| e.code == code) => code.to_string(),
            _ => "other".to_string(),
        });
    let mut route: Vec<String> = Vec::new();
    for leg in case.live_items(Section::Route) {
        let country = leg
            .value(Field::LegLocode)
            .and_then(|l| l.get(..2))
            .and_then(|c| parse_country(c).ok().filter(|p| p == c));
        if let Some(country) = country {
            if route.last() != Some(&country) {
                route.push(country);
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    let entities = entities
        .into_iter()
        .filter(|e| seen.insert((e.kind, e.key.clone())))
        .map(|e| SummaryEntity {
            entity: EntityRef {
                kind: e.kind,
                key: e.key,
            },
            shown: e.shown,
        })
        .collect();
    CaseSummary {
        case_id: case.id,
        case_number: case.case_number.clone(),
        port: case.value(Field::Port).unwrap_or_default().to_string(),
        opened_at: case.opened_at.clone(),
        updated_at: case.updated_at.clone(),
        state: case.state(),
        outcome,
        declared_description: case.value(Field::DeclaredDescription).map(str::to_string),
        route,
        entities,
    }
}

/// A summary as `account` may read it: without personal entities unless it is allowed them.
pub fn summary_for(summary: &str, personal_data: bool) -> Result<quayside_protocol::CaseSummary> {
    let mut summary: quayside_protocol::CaseSummary = serde_json::from_str(summary)
        .map_err(|e| StoreError::Backend(format!("a stored case summary does not read: {e}")))?;
    if !personal_data {
        summary.entities.retain(|e| !e.entity.kind.is_personal());
    }
    Ok(summary)
}
