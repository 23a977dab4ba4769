//! Seen at other ports: asks the server how many cases at ports this device's people do not work
//! name each of a case's entities. A count only comes back; nothing is kept.

use std::sync::Mutex;

use quayside_domain::entities::EntityKind;
use quayside_protocol::{EntityRef, SeenRequest, SeenResponse, MAX_SEEN_ENTITIES};
use quayside_store::Store;

use crate::config::signed_in_remote;
use crate::error::SyncError;

/// For each entity, in the order given, the cases at other ports that name it; asked
/// `MAX_SEEN_ENTITIES` at a time. Not signed in: `NotSignedIn`.
pub fn seen_at_other_ports(
    store: &Mutex<Store>,
    entities: &[(EntityKind, String)],
) -> Result<Vec<u64>, SyncError> {
    let remote = signed_in_remote(store)?;
    let mut counts = Vec::with_capacity(entities.len());
    for chunk in entities.chunks(MAX_SEEN_ENTITIES) {
        let request = SeenRequest {
            entities: chunk
                .iter()
                .map(|(kind, key)| EntityRef {
                    kind: *kind,
                    key: key.clone(),
                })
                .collect(),
        };
        let answer: SeenResponse = remote.post("/entities/seen", &request)?;
        if answer.counts.len() != chunk.len() {
            return Err(SyncError::Protocol(format!(
                "the server counted {} entities of the {} asked about",
                answer.counts.len(),
                chunk.len()
            )));
        }
        counts.extend(answer.counts.iter().map(|c| c.other_ports));
    }
    Ok(counts)
}
