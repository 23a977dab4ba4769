-- Other ports' cases as an analyst's device receives them from the server: a summary each, and
-- the entities it names under the same keys as `case_entities`, so "seen in other cases" finds
-- them. Not derived from this store's log: a projection rebuild leaves them, and a newer summary
-- of a case replaces the older. Party entities are here only when the account may see personal
-- data; like `case_entities`, statistics and shared exports do not read these tables.
CREATE TABLE port_summaries (
    case_id     TEXT PRIMARY KEY,
    case_number TEXT NOT NULL,
    port        TEXT NOT NULL,
    opened_at   TEXT NOT NULL,
    case_state  TEXT NOT NULL,
    outcome     TEXT
);

CREATE TABLE port_summary_entities (
    case_id TEXT NOT NULL REFERENCES port_summaries (case_id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    shown   TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, key)
) WITHOUT ROWID;
CREATE INDEX port_summary_entities_by_key ON port_summary_entities (kind, key, case_id);
