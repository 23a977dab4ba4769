//! The network around a case: the cases it shares companies, numbers, containers and documents
//! with, and theirs in turn, as a graph of cases and entities; and the shortest chain of shared
//! entities between two cases, to be told in words. Read from the entity index only, and from
//! other ports' summaries where an analyst's device holds them (cases it cannot open, drawn too).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use quayside_domain::entities::EntityKind;
use quayside_domain::state::CaseState;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::columns::from_text;
use crate::entities::linked_keys;
use crate::error::Result;
use crate::queries::{filter_clause, CaseFilter, FilterClause, Probe};
use crate::store::Store;
use rusqlite::Connection;

/// Cases drawn at most: a company in hundreds of cases still draws as a readable graph.
pub const GRAPH_MAX_CASES: usize = 300;
/// Cases the shortest link walks at most before saying there is none near.
const PATH_MAX_CASES: usize = 20_000;
/// Entities in between two cases at most, on the shortest link.
pub const PATH_MAX_STEPS: usize = 4;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GraphCase {
    pub id: Uuid,
    pub case_number: String,
    pub port: String,
    pub opened_at: String,
    pub state: CaseState,
    pub outcome: Option<String>,
    /// Cases away from the one the graph starts from (0: that one).
    pub depth: u32,
    /// Another port's case known from a summary: not held here, so it cannot be opened.
    pub summary: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GraphEntity {
    pub kind: EntityKind,
    pub key: String,
    /// As one of its cases recorded it.
    pub shown: String,
}

/// A case naming an entity, by their indexes into `cases` and `entities`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GraphEdge {
    pub case: u32,
    pub entity: u32,
}

/// Two entities (indexes into `entities`) a person confirmed are one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GraphLink {
    pub a: u32,
    pub b: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EntityGraph {
    pub cases: Vec<GraphCase>,
    pub entities: Vec<GraphEntity>,
    pub edges: Vec<GraphEdge>,
    pub links: Vec<GraphLink>,
    /// More cases share these entities than are drawn (`GRAPH_MAX_CASES`).
    pub truncated: bool,
}

/// One step of a chain between two cases: `from` and `to` both name `entity` (or, when
/// `linked_to` is set, `from` names `entity` and `to` names `linked_to`, which a person linked).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkStep {
    pub from: GraphCase,
    pub entity: GraphEntity,
    pub linked_to: Option<GraphEntity>,
    pub to: GraphCase,
}

type Key = (EntityKind, String);

/// The keys a person linked to each key, asked once per key in a walk; none asked at all when
/// nobody ever confirmed a link (most stores), which saves two queries a key.
struct Links<'a> {
    conn: &'a Connection,
    any: bool,
    known: BTreeMap<Key, Vec<String>>,
}

impl<'a> Links<'a> {
    fn new(conn: &'a Connection) -> Result<Links<'a>> {
        let any = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM case_entity_links WHERE same = 1)",
            [],
            |r| r.get(0),
        )?;
        Ok(Links {
            conn,
            any,
            known: BTreeMap::new(),
        })
    }

    fn of(&mut self, key: &Key) -> Result<Vec<String>> {
        if !self.any {
            return Ok(Vec::new());
        }
        if let Some(found) = self.known.get(key) {
            return Ok(found.clone());
        }
        let found = linked_keys(self.conn, key.0, &key.1)?;
        self.known.insert(key.clone(), found.clone());
        Ok(found)
    }
}

impl Store {
    /// The cases within two shared entities of case `id` that the list's `filter` keeps (the
    /// first one always), the entities they share, and who names what.
    pub fn entity_graph(&self, id: Uuid, filter: &CaseFilter) -> Result<EntityGraph> {
        crate::case_state::case_exists(&self.conn, id)?;
        // Sort and paging mean nothing here; the conditions are the list's.
        let filter = CaseFilter {
            limit: None,
            offset: 0,
            ..filter.clone()
        };
        let clause = filter_clause(&self.conn, &filter, Probe::EachCase)?;
        let kept_sql = format!(
            "SELECT EXISTS (SELECT 1 FROM cases c WHERE ({}) AND c.id = ?)",
            clause.sql
        );
        let summaries = SummariesKept::new(&self.conn, &filter)?;
        let mut cases: BTreeMap<Uuid, u32> = BTreeMap::from([(id, 0)]);
        let mut order = vec![id];
        let mut names: BTreeMap<Uuid, Vec<Key>> = BTreeMap::new();
        let mut truncated = false;
        let mut queue = VecDeque::from([(id, 0u32)]);
        let mut links = Links::new(&self.conn)?;
        // A key's cases are looked at once: a vessel in fifty cases is not walked fifty times.
        let mut walked: BTreeSet<Key> = BTreeSet::new();
        while let Some((case, depth)) = queue.pop_front() {
            let keys = self.keys_of(case)?;
            if depth < 2 && !truncated {
                // A key a person linked to one of the case's reaches as far as its own.
                let mut reach = keys.clone();
                for key in &keys {
                    reach.extend(links.of(key)?.into_iter().map(|k| (key.0, k)));
                }
                for key in &reach {
                    if !walked.insert(key.clone()) {
                        continue;
                    }
                    for other in self.cases_by_key(key)? {
                        if cases.contains_key(&other) {
                            continue;
                        }
                        if cases.len() >= GRAPH_MAX_CASES {
                            truncated = true;
                            break;
                        }
                        if !self.kept(&kept_sql, &clause, other)?
                            && !summaries.keep(&self.conn, other)?
                        {
                            continue;
                        }
                        cases.insert(other, depth + 1);
                        order.push(other);
                        queue.push_back((other, depth + 1));
                    }
                }
            }
            names.insert(case, keys);
        }
        // An entity is drawn when two drawn cases name it, the first case names it, or a person
        // linked it to another key a drawn case names.
        let mut named_by: BTreeMap<&Key, u32> = BTreeMap::new();
        for keys in names.values() {
            for key in keys {
                *named_by.entry(key).or_default() += 1;
            }
        }
        let mut drawn: BTreeSet<Key> = names[&id].iter().cloned().collect();
        let mut pairs: BTreeSet<(Key, Key)> = BTreeSet::new();
        for key in named_by.keys() {
            for other in links.of(key)? {
                let other = (key.0, other);
                if named_by.contains_key(&other) {
                    drawn.insert((*key).clone());
                    drawn.insert(other.clone());
                    pairs.insert(((*key).clone().min(other.clone()), (*key).clone().max(other)));
                }
            }
        }
        drawn.extend(
            named_by
                .iter()
                .filter(|(_, n)| **n >= 2)
                .map(|(k, _)| (*k).clone()),
        );
        let mut entities: Vec<GraphEntity> = Vec::new();
        let mut index: BTreeMap<Key, u32> = BTreeMap::new();
        let mut edges = Vec::new();
        let mut graph_cases = Vec::with_capacity(order.len());
        for (n, case) in order.iter().enumerate() {
            graph_cases.push(self.graph_case(*case, cases[case])?);
            for key in names[case].iter().filter(|k| drawn.contains(*k)) {
                let at = match index.get(key) {
                    Some(at) => *at,
                    None => {
                        let at = entities.len() as u32;
                        entities.push(self.graph_entity(key)?);
                        index.insert(key.clone(), at);
                        at
                    }
                };
                edges.push(GraphEdge {
                    case: n as u32,
                    entity: at,
                });
            }
        }
        let links: Vec<GraphLink> = pairs
            .iter()
            .map(|(a, b)| GraphLink {
                a: index[a],
                b: index[b],
            })
            .collect();
        Ok(EntityGraph {
            cases: graph_cases,
            entities,
            edges,
            links,
            truncated,
        })
    }

    /// The shortest chain of shared entities from case `from` to case `to` (a person's links
    /// count as sharing), at most `PATH_MAX_STEPS` entities long; None when there is none.
    pub fn shortest_link(&self, from: Uuid, to: Uuid) -> Result<Option<Vec<LinkStep>>> {
        crate::case_state::case_exists(&self.conn, from)?;
        if !self.is_summary(to)? {
            crate::case_state::case_exists(&self.conn, to)?;
        }
        // Each case reached: the case before it, the entity it was reached by, and that entity
        // as the earlier case named it (another key when a person linked them).
        let mut came: BTreeMap<Uuid, Option<(Uuid, Key, Key)>> = BTreeMap::from([(from, None)]);
        let mut frontier = vec![from];
        let mut links = Links::new(&self.conn)?;
        let mut walked: BTreeSet<Key> = BTreeSet::new();
        for _ in 0..PATH_MAX_STEPS {
            if came.contains_key(&to) || frontier.is_empty() || came.len() > PATH_MAX_CASES {
                break;
            }
            let mut next = Vec::new();
            for case in frontier {
                for key in self.keys_of(case)? {
                    let mut reach = vec![key.clone()];
                    reach.extend(links.of(&key)?.into_iter().map(|k| (key.0, k)));
                    for via in reach {
                        if !walked.insert(via.clone()) {
                            continue;
                        }
                        for other in self.cases_by_key(&via)? {
                            if came.contains_key(&other) {
                                continue;
                            }
                            came.insert(other, Some((case, key.clone(), via.clone())));
                            next.push(other);
                        }
                    }
                }
            }
            frontier = next;
        }
        if !came.contains_key(&to) || from == to {
            return Ok(None);
        }
        let mut steps = Vec::new();
        let mut at = to;
        while let Some(Some((before, key, via))) = came.get(&at).cloned() {
            steps.push(LinkStep {
                from: self.graph_case(before, 0)?,
                entity: self.graph_entity(&key)?,
                linked_to: (via != key).then(|| self.graph_entity(&via)).transpose()?,
                to: self.graph_case(at, 0)?,
            });
            at = before;
        }
        steps.reverse();
        for (n, step) in steps.iter_mut().enumerate() {
            step.from.depth = n as u32;
            step.to.depth = n as u32 + 1;
        }
        Ok(Some(steps))
    }

    fn keys_of(&self, case: Uuid) -> Result<Vec<Key>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT kind, key FROM case_entities WHERE case_id = ?1
                 UNION
                 SELECT kind, key FROM port_summary_entities
                 WHERE case_id = ?1 AND NOT EXISTS (SELECT 1 FROM cases WHERE id = ?1)",
        )?;
        let rows = stmt.query_map([case.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut keys = Vec::new();
        for row in rows {
            let (kind, key) = row?;
            if let Some(kind) = EntityKind::parse(&kind) {
                keys.push((kind, key));
            }
        }
        Ok(keys)
    }

    fn cases_by_key(&self, (kind, key): &Key) -> Result<Vec<Uuid>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT case_id FROM case_entities WHERE kind = ?1 AND key = ?2
             UNION
             SELECT e.case_id FROM port_summary_entities e
             WHERE e.kind = ?1 AND e.key = ?2
               AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)",
        )?;
        let rows = stmt.query_map(params![kind.as_str(), key], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            if let Ok(id) = row?.parse() {
                out.push(id);
            }
        }
        Ok(out)
    }

    fn kept(&self, sql: &str, clause: &FilterClause, case: Uuid) -> Result<bool> {
        if clause.is_everything() {
            return Ok(true);
        }
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut params: Vec<rusqlite::types::Value> = clause.params.clone();
        params.push(case.to_string().into());
        Ok(stmt.query_row(rusqlite::params_from_iter(params), |r| r.get(0))?)
    }

    /// A case held here, or else another port's summary of it.
    fn graph_case(&self, id: Uuid, depth: u32) -> Result<GraphCase> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT case_number, port, opened_at, case_state, outcome, 0 FROM cases WHERE id = ?1
             UNION ALL
             SELECT case_number, port, opened_at, case_state, outcome, 1 FROM port_summaries
             WHERE case_id = ?1
             LIMIT 1",
        )?;
        Ok(stmt.query_row([id.to_string()], |r| {
            Ok(GraphCase {
                id,
                case_number: r.get(0)?,
                port: r.get(1)?,
                opened_at: r.get(2)?,
                state: from_text(r.get(3)?)?,
                outcome: r.get(4)?,
                depth,
                summary: r.get(5)?,
            })
        })?)
    }

    /// Known here only from another port's summary.
    fn is_summary(&self, id: Uuid) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM port_summaries WHERE case_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM cases WHERE id = ?1)",
            [id.to_string()],
            |r| r.get(0),
        )?)
    }

    fn graph_entity(&self, (kind, key): &Key) -> Result<GraphEntity> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT MIN(shown) FROM (
                   SELECT shown FROM case_entities WHERE kind = ?1 AND key = ?2
                   UNION ALL
                   SELECT shown FROM port_summary_entities WHERE kind = ?1 AND key = ?2)",
        )?;
        let shown: Option<String> = stmt.query_row(params![kind.as_str(), key], |r| r.get(0))?;
        Ok(GraphEntity {
            kind: *kind,
            key: key.clone(),
            shown: shown.unwrap_or_else(|| key.clone()),
        })
    }
}

/// Which other ports' summaries a network's filter keeps. A summary says a case's port, dates,
/// state and outcome only: under a filter asking anything else (a search, a flag, a material)
/// none is drawn, since none can be judged.
struct SummariesKept {
    /// None: no summary is kept.
    sql: Option<(String, FilterClause)>,
}

impl SummariesKept {
    fn new(conn: &Connection, filter: &CaseFilter) -> Result<SummariesKept> {
        let judged = CaseFilter {
            state: filter.state,
            port: filter.port.clone(),
            opened_from: filter.opened_from.clone(),
            opened_to: filter.opened_to.clone(),
            outcome: filter.outcome.clone(),
            ..CaseFilter::default()
        };
        let only_those = CaseFilter {
            sort: judged.sort,
            descending: judged.descending,
            ..filter.clone()
        } == judged;
        if !only_those {
            return Ok(SummariesKept { sql: None });
        }
        // Port, dates, state and outcome are columns of the same names in `port_summaries`.
        let clause = filter_clause(conn, &judged, Probe::EachCase)?;
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM port_summaries c WHERE ({}) AND c.case_id = ?
                AND NOT EXISTS (SELECT 1 FROM cases h WHERE h.id = c.case_id))",
            clause.sql
        );
        Ok(SummariesKept {
            sql: Some((sql, clause)),
        })
    }

    fn keep(&self, conn: &Connection, case: Uuid) -> Result<bool> {
        let Some((sql, clause)) = &self.sql else {
            return Ok(false);
        };
        let mut stmt = conn.prepare_cached(sql)?;
        let mut params: Vec<rusqlite::types::Value> = clause.params.clone();
        params.push(case.to_string().into());
        Ok(stmt.query_row(rusqlite::params_from_iter(params), |r| r.get(0))?)
    }
}
