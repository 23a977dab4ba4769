-- The entities each case names (companies, persons, numbers, containers, vessels, transport
-- documents, addresses, phones, emails), by the normalised key the app keeps them under: derived
-- from the log at each push (and, for the events held before this table, once when it is made),
-- so a device may ask how many cases at other ports name an entity without seeing those cases.
CREATE TABLE case_entities (
    case_id TEXT NOT NULL,
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, key)
);
CREATE INDEX case_entities_by_key ON case_entities (kind, key);
