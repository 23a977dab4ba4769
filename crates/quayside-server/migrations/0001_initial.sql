-- The server's database. The event log is append-only; everything else is accounts, devices,
-- what was set aside, and lookups derived from accepted events in the same transaction.

-- The log's identity (epoch): made at creation, replaced by `new-epoch` after a restore.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    username      TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,                 -- argon2 PHC string
    role          TEXT NOT NULL CHECK (role IN ('inspector', 'supervisor', 'admin')),
    ports         TEXT NOT NULL,                 -- JSON array of UN/LOCODEs
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
);

CREATE TABLE devices (
    id          TEXT PRIMARY KEY,
    public_key  BLOB NOT NULL CHECK (length(public_key) = 32),
    name        TEXT NOT NULL,
    username    TEXT NOT NULL REFERENCES users (username),
    token_hash  TEXT NOT NULL UNIQUE,            -- SHA-256 of the bearer token; never the token
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT,
    -- The device's chain as the server holds it (log and chain-valid quarantine), moved in the
    -- push transaction: highest contiguous seq and that event's hash.
    head_seq    INTEGER NOT NULL DEFAULT 0,
    head_hash   TEXT NOT NULL DEFAULT ''
);

-- The log. seq is assigned inside the single writer's transaction, so it is commit order and a
-- pull cursor `seq > N` never skips an event.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    device_id   TEXT NOT NULL REFERENCES devices (id),
    device_seq  INTEGER NOT NULL CHECK (device_seq > 0),
    case_id     TEXT NOT NULL,
    body        BLOB NOT NULL,                   -- exactly as signed
    signature   BLOB NOT NULL CHECK (length(signature) = 64),
    hash        TEXT NOT NULL,                   -- hex SHA-256 of body
    received_at TEXT NOT NULL,
    UNIQUE (device_id, device_seq)
);

CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: an event cannot be changed'); END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: an event cannot be deleted'); END;

-- Cases the server knows, from their accepted case_opened: the port decides who sees them.
CREATE TABLE cases (
    case_id TEXT PRIMARY KEY,
    port    TEXT NOT NULL,
    opened_by_event TEXT NOT NULL
);
CREATE INDEX cases_by_port ON cases (port);

-- Events set aside with the reason, for an admin. in_chain = 1: the event continued its device's
-- chain (valid signature and chain, refused on content or permission) and counts in head_seq.
CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY,
    pushed_by   TEXT NOT NULL,
    batch_index INTEGER NOT NULL,
    event_id    TEXT,
    device_id   TEXT,
    device_seq  INTEGER,
    in_chain    INTEGER NOT NULL CHECK (in_chain IN (0, 1)),
    body        BLOB NOT NULL,
    signature   TEXT NOT NULL,                   -- as sent
    hash        TEXT NOT NULL,                   -- hex SHA-256 of body
    reason      TEXT NOT NULL,
    received_at TEXT NOT NULL,
    -- A replayed batch does not set the same event aside twice.
    UNIQUE (pushed_by, hash, signature)
);
CREATE UNIQUE INDEX quarantine_in_chain ON quarantine (device_id, device_seq) WHERE in_chain = 1;
CREATE INDEX quarantine_by_event ON quarantine (event_id);

CREATE TRIGGER quarantine_is_never_updated BEFORE UPDATE ON quarantine
BEGIN SELECT RAISE(ABORT, 'the quarantine is a record: it cannot be changed'); END;
CREATE TRIGGER quarantine_is_never_deleted BEFORE DELETE ON quarantine
BEGIN SELECT RAISE(ABORT, 'the quarantine is a record: it cannot be deleted'); END;

-- Photos referenced by accepted photo_attached events: the size to expect and the case.
CREATE TABLE photo_refs (
    sha256   TEXT NOT NULL,
    case_id  TEXT NOT NULL REFERENCES cases (case_id),
    size     INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (sha256, case_id)
);

-- Failed sign-ins per user name (unix ms), for the lockout; old rows are dropped as new ones come.
CREATE TABLE login_failures (
    username TEXT NOT NULL,
    at_ms    INTEGER NOT NULL
);
CREATE INDEX login_failures_by_user ON login_failures (username, at_ms);
