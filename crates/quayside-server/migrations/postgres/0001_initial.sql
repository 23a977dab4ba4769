-- The server's database on PostgreSQL: the same tables as the SQLite schema (../0001_initial.sql),
-- shared by several server processes. The event log and the quarantine are append-only; everything
-- else is accounts, devices, and lookups derived from accepted events in the same transaction.
-- Applied by `PgStore` under an advisory lock; its version is kept in `schema_migrations`.

-- The log's identity (epoch): made at creation, replaced by `new-epoch` after a restore.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    username      TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,                 -- argon2 PHC string
    role          TEXT NOT NULL CHECK (role IN ('inspector', 'supervisor', 'admin')),
    ports         TEXT[] NOT NULL,               -- UN/LOCODEs
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
);

CREATE TABLE devices (
    id          TEXT PRIMARY KEY,
    public_key  BYTEA NOT NULL CHECK (length(public_key) = 32),
    name        TEXT NOT NULL,
    username    TEXT NOT NULL REFERENCES users (username),
    token_hash  TEXT NOT NULL UNIQUE,            -- SHA-256 of the bearer token; never the token
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT,
    -- The device's chain as the server holds it (log and chain-valid quarantine), moved in the
    -- push transaction, which locks this row first (pushes of one device run one at a time).
    head_seq    BIGINT NOT NULL DEFAULT 0,
    head_hash   TEXT NOT NULL DEFAULT ''
);

-- The log. A sequence is not commit order with several writers: the transaction that took seq 1
-- may commit after the one that took seq 2. So each row keeps the id of the transaction that wrote
-- it, and pull reads in (xid, seq) order only below the oldest transaction still running
-- (pg_snapshot_xmin), where nothing can appear any more: the cursor never skips an event.
CREATE TABLE events (
    seq         BIGSERIAL PRIMARY KEY,
    xid         XID8 NOT NULL DEFAULT pg_current_xact_id(),
    id          TEXT NOT NULL UNIQUE,
    device_id   TEXT NOT NULL REFERENCES devices (id),
    device_seq  BIGINT NOT NULL CHECK (device_seq > 0),
    case_id     TEXT NOT NULL,
    body        BYTEA NOT NULL,                  -- exactly as signed
    signature   BYTEA NOT NULL CHECK (length(signature) = 64),
    hash        TEXT NOT NULL,                   -- hex SHA-256 of body
    received_at TEXT NOT NULL,
    UNIQUE (device_id, device_seq)
);
CREATE INDEX events_in_pull_order ON events (xid, seq);

CREATE FUNCTION quayside_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events FOR EACH ROW
EXECUTE FUNCTION quayside_refuse_change('the event log is append-only: an event cannot be changed');
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events FOR EACH ROW
EXECUTE FUNCTION quayside_refuse_change('the event log is append-only: an event cannot be deleted');
CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events FOR EACH STATEMENT
EXECUTE FUNCTION quayside_refuse_change('the event log is append-only: an event cannot be deleted');

-- Cases the server knows, from their accepted case_opened: the port decides who sees them.
CREATE TABLE cases (
    case_id TEXT PRIMARY KEY,
    port    TEXT NOT NULL,
    opened_by_event TEXT NOT NULL
);
CREATE INDEX cases_by_port ON cases (port);

-- Events set aside with the reason, for an admin. in_chain: the event continued its device's
-- chain (valid signature and chain, refused on content or permission) and counts in head_seq.
CREATE TABLE quarantine (
    id          BIGSERIAL PRIMARY KEY,
    pushed_by   TEXT NOT NULL,
    batch_index BIGINT NOT NULL,
    event_id    TEXT,
    device_id   TEXT,
    device_seq  BIGINT,
    in_chain    BOOLEAN NOT NULL,
    body        BYTEA NOT NULL,
    signature   TEXT NOT NULL,                   -- as sent
    hash        TEXT NOT NULL,                   -- hex SHA-256 of body
    reason      TEXT NOT NULL,
    received_at TEXT NOT NULL,
    -- A replayed batch does not set the same event aside twice.
    UNIQUE (pushed_by, hash, signature)
);
CREATE UNIQUE INDEX quarantine_in_chain ON quarantine (device_id, device_seq) WHERE in_chain;
CREATE INDEX quarantine_by_event ON quarantine (event_id);

CREATE TRIGGER quarantine_is_never_updated BEFORE UPDATE ON quarantine FOR EACH ROW
EXECUTE FUNCTION quayside_refuse_change('the quarantine is a record: it cannot be changed');
CREATE TRIGGER quarantine_is_never_deleted BEFORE DELETE ON quarantine FOR EACH ROW
EXECUTE FUNCTION quayside_refuse_change('the quarantine is a record: it cannot be deleted');
CREATE TRIGGER quarantine_is_never_truncated BEFORE TRUNCATE ON quarantine FOR EACH STATEMENT
EXECUTE FUNCTION quayside_refuse_change('the quarantine is a record: it cannot be deleted');

-- Photos referenced by accepted photo_attached events: the size to expect and the case. `pos`
-- keeps arrival order (the first reference names the size).
CREATE TABLE photo_refs (
    pos      BIGSERIAL,
    sha256   TEXT NOT NULL,
    case_id  TEXT NOT NULL REFERENCES cases (case_id),
    size     BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (sha256, case_id)
);

-- Failed sign-ins per user name (unix ms), for the lockout; old rows are dropped as new ones come.
CREATE TABLE login_failures (
    username TEXT NOT NULL,
    at_ms    BIGINT NOT NULL
);
CREATE INDEX login_failures_by_user ON login_failures (username, at_ms);
CREATE INDEX login_failures_by_time ON login_failures (at_ms);
