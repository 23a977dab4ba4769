-- Analysts, and the case summaries they read. `analyst` is a role; `personal_data` lets an
-- account's summaries carry the personal entities (persons, their numbers, addresses, phones,
-- emails). SQLite cannot change a CHECK in place: the table is copied (foreign keys are checked
-- after every migration).
CREATE TABLE users_new (
    username      TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('inspector', 'supervisor', 'admin', 'analyst')),
    ports         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    revoked_at    TEXT,
    personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data IN (0, 1))
);
INSERT INTO users_new (username, password_hash, role, ports, created_at, revoked_at)
    SELECT username, password_hash, role, ports, created_at, revoked_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- Each case as an analyst reads it (`quayside_protocol::CaseSummary`, JSON, with every entity:
-- the personal ones are left out when it is sent to an account without `personal_data`).
-- Derived from the log at each push, like `case_entities`, and once when the table is made.
CREATE TABLE case_summaries (
    case_id TEXT PRIMARY KEY,
    summary TEXT NOT NULL
);
