-- Search and filters, statistics (for supervisors and analysts). Projection only: the store rebuilds
-- the projection after migrating an existing database, so these fill from the log.

-- From now on a case's `case_search` row sits at the rowid of its `cases` row (projection.rs), so
-- it is rewritten by key; the rebuild after this migration writes every row that way.

-- Per-case facts the list filters and sorts on, written by `facets::save` with the rest of the case.
ALTER TABLE cases ADD COLUMN outcome TEXT;                           -- OutcomeCode, if set
ALTER TABLE cases ADD COLUMN seized_kg REAL NOT NULL DEFAULT 0;      -- live goods found, in kg
ALTER TABLE cases ADD COLUMN route_origin TEXT;                      -- ISO 3166 alpha-2 codes,
ALTER TABLE cases ADD COLUMN route_transshipment TEXT;               -- space separated, in route
ALTER TABLE cases ADD COLUMN route_destination TEXT;                 -- order; NULL when unknown

-- Multi-valued facts: concealment methods, materials, detection methods and countries on the route.
-- `amount` is the kg a row stands for: a material's own kg, otherwise the case's seized kg, so
-- statistics add it up without reading `cases`. A case with no value of a facet that statistics
-- bucket (concealment, material, detection) has a row with value '' (for material: also the kg of
-- goods found with no material given), so "no value" is a bucket like any other. Filters never ask
-- for ''. Countries have no '' row.
CREATE TABLE case_facets (
    case_id TEXT NOT NULL,
    facet   TEXT NOT NULL,
    value   TEXT NOT NULL,
    amount  REAL NOT NULL,
    PRIMARY KEY (facet, value, case_id)
) WITHOUT ROWID;
CREATE INDEX case_facets_by_case ON case_facets (case_id, facet);

-- Every sort of the list is an index walk, tie-broken by case number and id so pages are stable.
-- The default order (and the port filter in it) also carries the filtered columns, so a filter is
-- checked on the index and a wide row (`state` is kilobytes) is read only for the page shown.
CREATE INDEX cases_by_updated ON cases (
    updated_at, case_number, id, opened_at, port, status, outcome, flags
);
CREATE INDEX cases_by_port ON cases (
    port, updated_at, case_number, id, opened_at, status, outcome, flags,
    seized_kg, route_origin, route_transshipment, route_destination
);
CREATE INDEX cases_by_opened ON cases (opened_at, case_number, id);
CREATE INDEX cases_by_number ON cases (case_number, id);
CREATE INDEX cases_by_port_number ON cases (port, case_number, id);
CREATE INDEX cases_by_status_sorted ON cases (status, case_number, id);
CREATE INDEX cases_by_flags ON cases (length(flags), case_number, id);
CREATE INDEX cases_by_container ON cases (container_number, case_number, id);
CREATE INDEX cases_by_outcome ON cases (outcome, case_number, id);
CREATE INDEX cases_by_seized ON cases (seized_kg, case_number, id);
-- Statistics and counts read only this index, never the wide rows (`state` is kilobytes a case):
-- every column a filter or a statistic needs, led by the date for date ranges.
CREATE INDEX cases_for_statistics ON cases (
    opened_at, port, status, flags, outcome, seized_kg,
    route_origin, route_transshipment, route_destination, id
);
