-- The event log: append-only, signed. Everything else in this file is derived or local state.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,          -- local arrival order, never the logical order
    id          TEXT NOT NULL UNIQUE,
    case_id     TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    device_seq  INTEGER NOT NULL CHECK (device_seq > 0),
    hlc         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    body        BLOB NOT NULL,                -- canonical bytes, exactly as signed
    signature   BLOB NOT NULL CHECK (length(signature) = 64),
    hash        TEXT NOT NULL,                -- hex SHA-256 of body
    received_at TEXT NOT NULL,
    UNIQUE (device_id, device_seq)
);
CREATE INDEX events_by_case ON events (case_id, hlc, device_id, device_seq);

CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: an event cannot be changed'); END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: an event cannot be deleted'); END;

-- Public keys of the devices whose events this store holds.
CREATE TABLE devices (
    id         TEXT PRIMARY KEY,
    short_id   TEXT NOT NULL,
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    added_at   TEXT NOT NULL
);

-- This device: its chain head and clock, moved in the same transaction as each event it writes.
CREATE TABLE local_device (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    device_id TEXT NOT NULL REFERENCES devices (id),
    last_seq  INTEGER NOT NULL,
    last_hash TEXT NOT NULL,
    hlc       INTEGER NOT NULL
);

-- Case numbers given out by this device, per port and year.
CREATE TABLE case_numbers (
    port TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (port, year)
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Projection: rebuilt from the log at any time with the same result.
CREATE TABLE cases (
    id                   TEXT PRIMARY KEY,
    case_number          TEXT NOT NULL,
    port                 TEXT NOT NULL,
    status               TEXT NOT NULL,
    opened_at            TEXT NOT NULL,
    opened_by            TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    container_number     TEXT,
    declared_description TEXT,
    flags                TEXT NOT NULL,       -- flag codes, space separated, for the list
    event_count          INTEGER NOT NULL,
    last_hlc             INTEGER NOT NULL,
    state                TEXT NOT NULL        -- the folded case file as JSON
);
CREATE INDEX cases_by_status ON cases (status, updated_at);

CREATE TABLE case_flags (
    case_id TEXT NOT NULL,
    code    TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (case_id, code)
);

CREATE TABLE timeline (
    event_id   TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL,
    hlc        INTEGER NOT NULL,
    device_id  TEXT NOT NULL,
    device_seq INTEGER NOT NULL,
    wall_time  TEXT NOT NULL,
    author     TEXT NOT NULL,
    role       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    changes    TEXT NOT NULL,                 -- JSON list of {label, from, to}
    refused    TEXT                           -- why the fold skipped this event, if it did
);
CREATE INDEX timeline_by_case ON timeline (case_id, hlc, device_id, device_seq);

-- What a person typed that is not valid yet: kept so a crash mid-form loses nothing. Not evidence.
CREATE TABLE drafts (
    case_id  TEXT NOT NULL,
    item_id  TEXT NOT NULL DEFAULT '',
    field    TEXT NOT NULL,
    text     TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (case_id, item_id, field)
);
