-- Projection tables added after 0001. The store rebuilds the projection after any migration of an
-- existing database, so these fill from the log.

-- Personal data of parties (names, identity numbers, addresses), kept apart from `cases.state`
-- so statistics and shared exports can leave it out by not reading this table.
CREATE TABLE case_personal (
    case_id  TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    field    TEXT NOT NULL,
    value    TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (case_id, item_id, field)
);

-- Photos referenced by each case, for the gallery, the vault check and (later) upload.
CREATE TABLE case_photos (
    case_id    TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    excluded   TEXT,
    PRIMARY KEY (case_id, sha256)
);
CREATE INDEX case_photos_by_hash ON case_photos (sha256);
