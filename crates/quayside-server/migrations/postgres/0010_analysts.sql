-- Analysts, and the case summaries they read. `analyst` is a role; `personal_data` lets an
-- account's summaries carry the personal entities (persons, their numbers, addresses, phones,
-- emails).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('inspector', 'supervisor', 'admin', 'analyst'));
ALTER TABLE users ADD COLUMN personal_data BOOLEAN NOT NULL DEFAULT FALSE;

-- Each case as an analyst reads it (`quayside_protocol::CaseSummary`, JSON, with every entity:
-- the personal ones are left out when it is sent to an account without `personal_data`).
-- Derived from the log at each push, like `case_entities`, and once when the table is made.
CREATE TABLE case_summaries (
    case_id TEXT PRIMARY KEY,
    summary TEXT NOT NULL
);
