//! Reading the entity index: for each entity a case names, the other cases that name it (or a
//! key a person said is the same), near keys to suggest, and the links decided. Only reads: the
//! rows are written by `projection`; `case_state` reads the links decided in a case.

use std::collections::{BTreeMap, BTreeSet};

use quayside_domain::entities::{similar, EntityKind};
use quayside_domain::state::CaseState;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::columns::from_text;
use crate::error::Result;
use crate::store::Store;

/// Other cases shown per entity; the count says how many there are in all.
pub const CASES_SHOWN: usize = 20;
/// Near keys suggested per entity, most alike first.
pub const SUGGESTIONS_SHOWN: usize = 5;
/// Keys compared per entity when looking for near ones (those sharing its first characters).
const CANDIDATES_COMPARED: usize = 2000;
/// Keys followed through confirmed links from one entity.
const LINKED_KEYS_FOLLOWED: usize = 50;

/// Another case that names the same entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SeenIn {
    pub case_id: Uuid,
    pub case_number: String,
    pub port: String,
    pub state: CaseState,
    /// The outcome's code (`O4`), when recorded.
    pub outcome: Option<String>,
    pub opened_at: String,
    /// Named there under a key a person linked to this one, not the same key.
    pub through_link: bool,
    /// Known from a summary the server sent an analyst: another port's case this device does not
    /// hold, so it cannot be opened here.
    pub summary: bool,
}

/// A key near this one that may be the same entity misspelt: a person decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NearKey {
    pub key: String,
    /// One value it was recorded as.
    pub shown: String,
    /// The cases that name it.
    pub cases: u32,
    /// 0 to 1 (`similar::similarity`).
    pub similarity: f64,
}

/// One entity of a case and what the other cases say of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EntityMatches {
    pub kind: EntityKind,
    pub key: String,
    /// The values it was recorded as in this case.
    pub shown: Vec<String>,
    /// The entries of this case it was read from (none: a field of the case).
    pub items: Vec<Uuid>,
    /// Keys a person confirmed are this one (directly or through others).
    pub linked: Vec<String>,
    /// Other cases naming it, newest first, at most `CASES_SHOWN`.
    pub cases: Vec<SeenIn>,
    /// How many other cases name it.
    pub case_count: u32,
    /// One of them is closed with the goods seized, confiscated or destroyed.
    pub seized_before: bool,
    /// Near keys nobody has decided on yet.
    pub suggestions: Vec<NearKey>,
}

/// Outcomes that took the goods: a match with a closed case of one of these is warned about.
const SEIZURE_OUTCOMES: &[&str] = &["O4", "O5", "O9"];

/// The decisions in force on pairs that include `key`: for each other key, whether it is the
/// same, by the latest decision in any case.
fn decisions(conn: &Connection, kind: EntityKind, key: &str) -> Result<BTreeMap<String, bool>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, other, same, hlc, event_id FROM case_entity_links
         WHERE kind = ?1 AND key = ?2
         UNION ALL
         SELECT key, other, same, hlc, event_id FROM case_entity_links
         WHERE kind = ?1 AND other = ?2",
    )?;
    let rows = stmt.query_map(params![kind.as_str(), key], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut latest: BTreeMap<String, (i64, String, bool)> = BTreeMap::new();
    for row in rows {
        let (a, b, same, hlc, event) = row?;
        let other = if a == key { b } else { a };
        let newer = latest
            .get(&other)
            .is_none_or(|(h, e, _)| (hlc, &event) > (*h, e));
        if newer {
            latest.insert(other, (hlc, event, same));
        }
    }
    Ok(latest
        .into_iter()
        .map(|(k, (_, _, same))| (k, same))
        .collect())
}

/// Every key confirmed the same as `key`, following links from key to key.
pub(crate) fn linked_keys(conn: &Connection, kind: EntityKind, key: &str) -> Result<Vec<String>> {
    let mut seen = BTreeSet::from([key.to_string()]);
    let mut next = vec![key.to_string()];
    while let Some(at) = next.pop() {
        for (other, same) in decisions(conn, kind, &at)? {
            if same && seen.len() < LINKED_KEYS_FOLLOWED && seen.insert(other.clone()) {
                next.push(other);
            }
        }
    }
    seen.remove(key);
    Ok(seen.into_iter().collect())
}

impl Store {
    /// Each entity case `id` names, with the other cases that name it and near keys to suggest.
    pub fn case_entities(&self, id: Uuid) -> Result<Vec<EntityMatches>> {
        crate::case_state::case_exists(&self.conn, id)?;
        let conn = &self.conn;
        let mut stmt = conn.prepare_cached(
            "SELECT kind, key, shown, item_id FROM case_entities WHERE case_id = ?1
             ORDER BY kind, key, item_id",
        )?;
        let rows = stmt.query_map([id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut entities: BTreeMap<(EntityKind, String), EntityMatches> = BTreeMap::new();
        for row in rows {
            let (kind, key, shown, item) = row?;
            let Some(kind) = EntityKind::parse(&kind) else {
                continue;
            };
            let entry = entities
                .entry((kind, key.clone()))
                .or_insert_with(|| EntityMatches {
                    kind,
                    key,
                    shown: Vec::new(),
                    items: Vec::new(),
                    linked: Vec::new(),
                    cases: Vec::new(),
                    case_count: 0,
                    seized_before: false,
                    suggestions: Vec::new(),
                });
            if !entry.shown.contains(&shown) {
                entry.shown.push(shown);
            }
            if let Ok(item) = Uuid::parse_str(&item) {
                if !entry.items.contains(&item) {
                    entry.items.push(item);
                }
            }
        }
        // Most stores hold no decision at all: then none is looked up, entity by entity.
        let any_decision: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM case_entity_links)", [], |r| {
                r.get(0)
            })?;
        let mut out = Vec::with_capacity(entities.len());
        for ((kind, key), mut entity) in entities {
            let decided = if any_decision {
                entity.linked = linked_keys(conn, kind, &key)?;
                decisions(conn, kind, &key)?
            } else {
                BTreeMap::new()
            };
            let mut cases = self.cases_naming(id, kind, &key, false)?;
            for other in &entity.linked {
                cases.extend(self.cases_naming(id, kind, other, true)?);
            }
            cases.sort_by(|a, b| {
                b.opened_at
                    .cmp(&a.opened_at)
                    .then(a.through_link.cmp(&b.through_link))
            });
            let mut seen = BTreeSet::new();
            cases.retain(|c| seen.insert(c.case_id));
            entity.case_count = cases.len() as u32;
            entity.seized_before = cases.iter().any(|c| {
                c.state == CaseState::Closed
                    && c.outcome
                        .as_deref()
                        .is_some_and(|o| SEIZURE_OUTCOMES.contains(&o))
            });
            cases.truncate(CASES_SHOWN);
            entity.cases = cases;
            if kind.has_near_matches() {
                entity.suggestions = self.near_keys(kind, &key, &entity.linked, &decided)?;
            }
            out.push(entity);
        }
        Ok(out)
    }

    /// Whether case `case` (any case, when None) names `key` of `kind`.
    pub fn names_entity(&self, case: Option<Uuid>, kind: EntityKind, key: &str) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM case_entities
                            WHERE kind = ?1 AND key = ?2 AND (?3 IS NULL OR case_id = ?3))",
        )?;
        Ok(stmt.query_row(
            params![kind.as_str(), key, case.map(|c| c.to_string())],
            |r| r.get(0),
        )?)
    }

    /// The cases other than `except` that name `key`: held ones, and other ports' summaries.
    fn cases_naming(
        &self,
        except: Uuid,
        kind: EntityKind,
        key: &str,
        through_link: bool,
    ) -> Result<Vec<SeenIn>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT c.id, c.case_number, c.port, c.case_state, c.outcome, c.opened_at, 0
             FROM case_entities e JOIN cases c ON c.id = e.case_id
             WHERE e.kind = ?1 AND e.key = ?2 AND e.case_id <> ?3
             UNION ALL
             SELECT s.case_id, s.case_number, s.port, s.case_state, s.outcome, s.opened_at, 1
             FROM port_summary_entities e JOIN port_summaries s ON s.case_id = e.case_id
             WHERE e.kind = ?1 AND e.key = ?2 AND e.case_id <> ?3
               AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)",
        )?;
        let rows = stmt.query_map(params![kind.as_str(), key, except.to_string()], |r| {
            Ok(SeenIn {
                case_id: r.get::<_, String>(0)?.parse().unwrap_or_default(),
                case_number: r.get(1)?,
                port: r.get(2)?,
                state: from_text(r.get(3)?)?,
                outcome: r.get(4)?,
                opened_at: r.get(5)?,
                through_link,
                summary: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keys of `kind` near `key` that no decision (`decided`, the pairs with `key`) covers, most
    /// alike first.
    fn near_keys(
        &self,
        kind: EntityKind,
        key: &str,
        linked: &[String],
        decided: &BTreeMap<String, bool>,
    ) -> Result<Vec<NearKey>> {
        let prefix = similar::prefix(key);
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, MIN(shown), COUNT(DISTINCT case_id) FROM case_entities
             WHERE kind = ?1 AND key >= ?2 AND key < ?3
             GROUP BY key LIMIT ?4",
        )?;
        let rows = stmt.query_map(
            params![
                kind.as_str(),
                prefix,
                format!("{prefix}\u{10FFFF}"),
                CANDIDATES_COMPARED as i64
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            },
        )?;
        let mut near = Vec::new();
        for row in rows {
            let (other, shown, cases) = row?;
            if decided.contains_key(&other)
                || linked.contains(&other)
                || !similar::is_near(key, &other)
            {
                continue;
            }
            near.push(NearKey {
                similarity: similar::similarity(key, &other),
                key: other,
                shown,
                cases: cases as u32,
            });
        }
        near.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(a.key.cmp(&b.key))
        });
        near.truncate(SUGGESTIONS_SHOWN);
        Ok(near)
    }
}
