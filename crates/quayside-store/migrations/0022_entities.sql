-- The entity index: each company, person, number, container, vessel, transport document,
-- address, phone and email a case names, under its normalised key (the domain's
-- `entities::keys`), so the cases that name the same one are found by key. Names and numbers of
-- parties are personal data: like `case_personal`, statistics and shared exports do not read
-- these tables. Applying this rebuilds the projection, which fills them.
CREATE TABLE case_entities (
    case_id TEXT NOT NULL,
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    -- The value as recorded, shown beside the key.
    shown   TEXT NOT NULL,
    -- The entry it was read from; '' for a field of the case.
    item_id TEXT NOT NULL,
    field   TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, key, item_id, field)
) WITHOUT ROWID;
CREATE INDEX case_entities_by_key ON case_entities (kind, key, case_id);

-- Decisions that an entity of a case is, or is not, another key (`entity_link_set`), one row per
-- pair and case: the latest by `hlc` across cases holds.
CREATE TABLE case_entity_links (
    case_id  TEXT NOT NULL,
    kind     TEXT NOT NULL,
    key      TEXT NOT NULL,
    other    TEXT NOT NULL,
    same     INTEGER NOT NULL,
    author   TEXT NOT NULL,
    at       TEXT NOT NULL,
    event_id TEXT NOT NULL,
    hlc      INTEGER NOT NULL,
    PRIMARY KEY (case_id, kind, key, other)
);
CREATE INDEX case_entity_links_by_key ON case_entity_links (kind, key);
CREATE INDEX case_entity_links_by_other ON case_entity_links (kind, other);
