//! Statistics for supervisors and analysts: cases and kilograms seized by concealment, material,
//! outcome, detection method, flag, week, month and route, over the cases a list filter selects.
//!
//! Personal data stays out of the figures: they come only from `cases` (its derived columns,
//! through the `cases_for_statistics` index, never `state`) and `case_facets`. A text search, like
//! the list's, only selects which cases are counted (`case_search` holds parties' names, so the
//! export for partner agencies refuses a search: the selection itself could name someone).

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use quayside_domain::flags::FlagCode;
use quayside_domain::reference::{self, CodeEntry};
use rusqlite::params_from_iter;
use rusqlite::types::{Type, Value};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::columns::to_text;
use crate::error::Result;
use crate::facets;
use crate::queries::{filter_clause, CaseFilter, Probe};
use crate::store::Store;

/// Cases that share a key, and the kilograms seized in them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Bucket {
    /// A code of the reference list, a week ("2026-W07", ISO 8601), a month ("2026-02"); "" for
    /// cases with no value.
    pub key: String,
    #[ts(type = "number")]
    pub cases: u64,
    /// By material: the weight of the goods of that material. By concealment or detection method:
    /// each case's seized weight split evenly between its methods. Otherwise the cases' seized
    /// weight. So the buckets of any breakdown add up to `total_seized_kg`.
    pub seized_kg: f64,
}

/// Cases along one route: countries (ISO 3166 alpha-2, space separated in route order, "" unknown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RouteCount {
    pub origin: String,
    pub transshipment: String,
    pub destination: String,
    #[ts(type = "number")]
    pub cases: u64,
    pub seized_kg: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Statistics {
    /// The same number `count_cases` gives for the filter.
    #[ts(type = "number")]
    pub total_cases: u64,
    pub total_seized_kg: f64,
    /// A case with several concealment methods (materials, detection methods) counts under each,
    /// so their cases can add up to more than `total_cases`; their kilograms add up to the total.
    pub by_concealment: Vec<Bucket>,
    pub by_material: Vec<Bucket>,
    pub by_outcome: Vec<Bucket>,
    pub by_detection: Vec<Bucket>,
    /// By discrepancy flag (codes as `FlagCode` names them), in code order, cases with none
    /// under "": a case with several flags counts under each, its kilograms split evenly.
    pub by_flag: Vec<Bucket>,
    /// By the week (ISO 8601) and month the case was opened (UTC), in time order.
    pub by_week: Vec<Bucket>,
    pub by_month: Vec<Bucket>,
    /// Most cases first.
    pub routes: Vec<RouteCount>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    cases: u64,
    kg: f64,
}

impl Tally {
    fn add(&mut self, cases: u64, kg: f64) {
        self.cases += cases;
        self.kg += kg;
    }
}

fn buckets(tallies: impl IntoIterator<Item = (String, Tally)>) -> Vec<Bucket> {
    tallies
        .into_iter()
        .map(|(key, t)| Bucket {
            key,
            cases: t.cases,
            seized_kg: t.kg,
        })
        .collect()
}

/// In the order of the reference list (as the form shows it), codes it lacks after, "" last.
fn in_list_order(mut buckets: Vec<Bucket>, list: &[CodeEntry]) -> Vec<Bucket> {
    let rank = |key: &str| {
        let at = list.iter().position(|e| e.code == key);
        (key.is_empty(), at.is_none(), at, key.to_string())
    };
    buckets.sort_by_key(|b| rank(&b.key));
    buckets
}

impl Store {
    /// Statistics of the cases `filter` selects (its sort, limit and offset do not matter), so
    /// `total_cases` is always `count_cases(filter)`.
    pub fn statistics(&self, filter: &CaseFilter) -> Result<Statistics> {
        let clause = filter_clause(&self.conn, filter, Probe::AllCases)?;

        // One pass over the selected cases (an index holds every column read here).
        let mut total = Tally::default();
        let mut outcomes: HashMap<String, Tally> = HashMap::new();
        // Ordered, so weeks and months add their days up in the same order on every run.
        let mut days: BTreeMap<String, Tally> = BTreeMap::new();
        let mut routes: HashMap<(String, String, String), Tally> = HashMap::new();
        {
            let sql = format!(
                "SELECT substr(c.opened_at, 1, 10), coalesce(c.outcome, ''), c.seized_kg,
                        coalesce(c.route_origin, ''), coalesce(c.route_transshipment, ''),
                        coalesce(c.route_destination, '')
                 FROM cases c WHERE {}",
                clause.sql
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(params_from_iter(clause.params.iter()))?;
            let mut route_key = (String::new(), String::new(), String::new());
            while let Some(row) = rows.next()? {
                let day = text(row, 0)?;
                let outcome = text(row, 1)?;
                let kg: f64 = row.get(2)?;
                total.add(1, kg);
                tally(&mut outcomes, outcome, kg);
                match days.get_mut(day) {
                    Some(t) => t.add(1, kg),
                    None => {
                        days.insert(day.to_string(), Tally { cases: 1, kg });
                    }
                }
                route_key.0.clear();
                route_key.0.push_str(text(row, 3)?);
                route_key.1.clear();
                route_key.1.push_str(text(row, 4)?);
                route_key.2.clear();
                route_key.2.push_str(text(row, 5)?);
                match routes.get_mut(&route_key) {
                    Some(t) => t.add(1, kg),
                    None => {
                        routes.insert(route_key.clone(), Tally { cases: 1, kg });
                    }
                }
            }
        }

        // Multi-valued facets, from the facet table alone, so a case may count in several rows;
        // its kg counts once in each breakdown.
        let selected = if clause.is_everything() {
            String::new()
        } else {
            format!(
                " AND f.case_id IN (SELECT c.id FROM cases c WHERE {})",
                clause.sql
            )
        };
        let by_concealment = in_list_order(
            buckets(self.shared_facet(facets::CONCEALMENT, &selected, &clause.params)?),
            reference::CONCEALMENT,
        );
        let by_material = in_list_order(
            buckets(self.material_facet(&selected, &clause.params)?),
            reference::MATERIALS,
        );
        let by_detection = in_list_order(
            buckets(self.shared_facet(facets::DETECTION, &selected, &clause.params)?),
            reference::DETECTION,
        );
        let by_flag = self.flag_buckets(&clause.sql, &clause.params)?;

        // Weeks and months from days: ISO weeks are computed here, not by SQLite's strftime.
        let mut weeks: BTreeMap<String, Tally> = BTreeMap::new();
        let mut months: BTreeMap<String, Tally> = BTreeMap::new();
        for (day, t) in days {
            let (week, month) = match NaiveDate::parse_from_str(&day, "%Y-%m-%d") {
                Ok(date) => {
                    let iso = date.iso_week();
                    (
                        format!("{:04}-W{:02}", iso.year(), iso.week()),
                        format!("{:04}-{:02}", date.year(), date.month()),
                    )
                }
                // Not a date: a stored value this version cannot read. Counted, under "".
                Err(_) => (String::new(), String::new()),
            };
            weeks.entry(week).or_default().add(t.cases, t.kg);
            months.entry(month).or_default().add(t.cases, t.kg);
        }

        let mut routes: Vec<RouteCount> = routes
            .into_iter()
            .map(|((origin, transshipment, destination), t)| RouteCount {
                origin,
                transshipment,
                destination,
                cases: t.cases,
                seized_kg: t.kg,
            })
            .collect();
        routes.sort_by(|a, b| {
            b.cases
                .cmp(&a.cases)
                .then_with(|| a.origin.cmp(&b.origin))
                .then_with(|| a.transshipment.cmp(&b.transshipment))
                .then_with(|| a.destination.cmp(&b.destination))
        });

        Ok(Statistics {
            total_cases: total.cases,
            total_seized_kg: total.kg,
            by_concealment,
            by_material,
            by_outcome: in_list_order(buckets(outcomes), reference::OUTCOMES),
            by_detection,
            by_flag,
            by_week: buckets(weeks),
            by_month: buckets(months),
            routes,
        })
    }
}

impl Store {
    /// Cases and kg per flag, from the flag rows' codes (never their messages, which may name a
    /// holder) and the cases' derived columns.
    fn flag_buckets(&self, selected: &str, params: &[Value]) -> Result<Vec<Bucket>> {
        let sql = format!(
            "SELECT f.code, count(*), total(c.seized_kg / n.flags)
             FROM case_flags f
             JOIN cases c ON c.id = f.case_id
             JOIN (SELECT case_id, count(*) AS flags FROM case_flags GROUP BY case_id) n
               ON n.case_id = f.case_id
             WHERE {selected}
             GROUP BY f.code
             UNION ALL
             SELECT '', count(*), total(c.seized_kg) FROM cases c
             WHERE c.flags = '' AND ({selected})"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(params.iter().chain(params.iter())))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let cases: i64 = row.get(1)?;
            if cases > 0 {
                out.push(Bucket {
                    key: row.get(0)?,
                    cases: cases as u64,
                    seized_kg: row.get(2)?,
                });
            }
        }
        let order: Vec<String> = FlagCode::ALL.iter().map(to_text).collect();
        out.sort_by_key(|b| {
            let at = order.iter().position(|c| *c == b.key);
            (b.key.is_empty(), at.is_none(), at, b.key.clone())
        });
        Ok(out)
    }

    /// Cases and kg per material: a material row carries the kg of the case's goods lines of that
    /// material (goods with none are under ""), so the rows add up to the cases' seized kg.
    fn material_facet(&self, selected: &str, params: &[Value]) -> Result<Vec<(String, Tally)>> {
        let sql = format!(
            "SELECT f.value, count(*), total(f.amount) FROM case_facets f
             WHERE f.facet = ?{selected} GROUP BY f.value"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let facet = Value::from(facets::MATERIAL.to_string());
        let mut rows = stmt.query(params_from_iter(
            std::iter::once(facet).chain(params.iter().cloned()),
        ))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let cases: i64 = row.get(1)?;
            out.push((
                row.get(0)?,
                Tally {
                    cases: cases as u64,
                    kg: row.get(2)?,
                },
            ));
        }
        Ok(out)
    }

    /// Cases and kg per concealment or detection method. Each row carries the case's whole kg,
    /// and the model ties no method to a goods line, so a case's kg is shared evenly between its
    /// methods. Counted here in one scan: counting in SQL probes the case's rows once per row,
    /// several times slower over 100,000 cases.
    fn shared_facet(
        &self,
        facet: &str,
        selected: &str,
        params: &[Value],
    ) -> Result<Vec<(String, Tally)>> {
        // The primary key's order, so no sort, and the same sums in the same order every time.
        let sql = format!(
            "SELECT f.value, f.case_id, f.amount FROM case_facets f
             WHERE f.facet = ?{selected} ORDER BY f.value, f.case_id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let first = Value::from(facet.to_string());
        let mut rows = stmt.query(params_from_iter(
            std::iter::once(first).chain(params.iter().cloned()),
        ))?;
        let mut values: Vec<String> = Vec::new();
        // (value, case, kg) per row, and each case's number of methods.
        let mut shares: Vec<(usize, usize, f64)> = Vec::new();
        let mut case_at: HashMap<String, usize> = HashMap::new();
        let mut methods: Vec<u32> = Vec::new();
        while let Some(row) = rows.next()? {
            let value = text(row, 0)?;
            if values.last().map(String::as_str) != Some(value) {
                values.push(value.to_string());
            }
            let case = text(row, 1)?;
            let at = match case_at.get(case) {
                Some(&at) => at,
                None => {
                    case_at.insert(case.to_string(), methods.len());
                    methods.push(0);
                    methods.len() - 1
                }
            };
            methods[at] += 1;
            shares.push((values.len() - 1, at, row.get(2)?));
        }
        let mut tallies = vec![Tally::default(); values.len()];
        for (value, case, kg) in shares {
            tallies[value].add(1, kg / f64::from(methods[case]));
        }
        Ok(values.into_iter().zip(tallies).collect())
    }
}

/// Add a case to the tally of `key`, allocating the key only the first time it is seen.
fn tally(map: &mut HashMap<String, Tally>, key: &str, kg: f64) {
    match map.get_mut(key) {
        Some(t) => t.add(1, kg),
        None => {
            map.insert(key.to_string(), Tally { cases: 1, kg });
        }
    }
}

/// A text column, borrowed from the row.
fn text<'r>(row: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(i)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, Box::new(e)))
}
