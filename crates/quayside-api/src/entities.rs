//! Repeat offenders: which other cases name a case's companies, persons, numbers, containers and
//! documents, and a person's decision that a near key is, or is not, the same entity.

use quayside_domain::entities::EntityKind;
use quayside_domain::event::Payload;
use quayside_i18n::Message;
use quayside_store::{CaseFilter, EntityGraph, EntityMatches, LinkStep};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::args::CaseArgs;
use crate::error::{ApiError, ErrorCode};
use crate::types::CaseView;
use crate::Api;

/// A decision on two keys of one kind: `key` is named by the case, `other` by some case.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EntityLinkArgs {
    pub case_id: Uuid,
    pub kind: EntityKind,
    pub key: String,
    pub other: String,
    /// True: the same entity; false: not the same (it is no longer suggested).
    pub same: bool,
}

/// What the server counts of a case's entities at ports this device's people do not work.
#[derive(Debug, Serialize, TS)]
pub struct SeenElsewhere {
    /// The device is signed in to a server: without one there is nothing to count.
    pub signed_in: bool,
    pub counts: Vec<EntityCount>,
}

#[derive(Debug, Serialize, TS)]
pub struct EntityCount {
    pub kind: EntityKind,
    pub key: String,
    /// Cases at other ports naming it.
    #[ts(type = "number")]
    pub other_ports: u64,
}

/// The network around a case, kept to the cases the list's filter selects.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EntityGraphArgs {
    pub case_id: Uuid,
    #[serde(default)]
    pub filter: CaseFilter,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ShortestLinkArgs {
    pub from: Uuid,
    pub to: Uuid,
}

impl Api {
    /// Asks the server how many cases at other ports name each entity of the case: a network
    /// call, made without holding the store.
    pub(crate) fn seen_at_other_ports(&self, args: CaseArgs) -> Result<SeenElsewhere, ApiError> {
        let keys: Vec<(EntityKind, String)> = self
            .store()
            .case_entities(args.case_id)?
            .into_iter()
            .map(|e| (e.kind, e.key))
            .collect();
        let counts = match quayside_sync::seen_at_other_ports(self.shared_store(), &keys) {
            Err(quayside_sync::SyncError::NotSignedIn) => {
                return Ok(SeenElsewhere {
                    signed_in: false,
                    counts: Vec::new(),
                })
            }
            answer => answer.map_err(crate::error::sync_error)?,
        };
        // An analyst's device lists other ports' cases from their summaries already: the count
        // says how many more there are, not the same ones again.
        let store = self.store();
        let counts = keys
            .into_iter()
            .zip(counts)
            .map(|((kind, key), other_ports)| {
                let listed = store.summaries_naming(kind, &key)?;
                Ok(EntityCount {
                    kind,
                    other_ports: other_ports.saturating_sub(listed),
                    key,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        Ok(SeenElsewhere {
            signed_in: true,
            counts,
        })
    }

    pub(crate) fn entity_graph(&self, args: EntityGraphArgs) -> Result<EntityGraph, ApiError> {
        let filter = self.typed_filter(args.filter)?;
        Ok(self.store().entity_graph(args.case_id, &filter)?)
    }

    /// The chain of shared entities from one case to another, shortest first; none when they
    /// share nothing within `PATH_MAX_STEPS` entities.
    pub(crate) fn shortest_link(
        &self,
        args: ShortestLinkArgs,
    ) -> Result<Option<Vec<LinkStep>>, ApiError> {
        Ok(self.store().shortest_link(args.from, args.to)?)
    }

    pub(crate) fn case_entities(&self, args: CaseArgs) -> Result<Vec<EntityMatches>, ApiError> {
        Ok(self.store().case_entities(args.case_id)?)
    }

    pub(crate) fn set_entity_link(&self, args: EntityLinkArgs) -> Result<CaseView, ApiError> {
        self.change_case(args.case_id, |store, _, author| {
            let named = |case, key: &str| store.names_entity(case, args.kind, key);
            if !named(Some(args.case_id), &args.key)? || args.key == args.other {
                return Err(no_such_entity(args.kind, &args.key));
            }
            if !named(None, &args.other)? {
                return Err(no_such_entity(args.kind, &args.other));
            }
            store.append(
                author,
                args.case_id,
                Payload::EntityLinkSet {
                    entity: args.kind,
                    key: args.key,
                    other: args.other,
                    same: args.same,
                },
            )?;
            Ok(())
        })
    }
}

fn no_such_entity(kind: EntityKind, key: &str) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        Message::new("error.no_such_entity")
            .label("kind", kind.label_key())
            .text("key", key),
    )
}
