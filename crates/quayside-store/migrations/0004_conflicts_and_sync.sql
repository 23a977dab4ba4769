-- Conflicting edits (issue 4). Who set a personal value and when, shown when it is in conflict;
-- conflicts over personal fields are kept here, apart from `cases.state`, like the values themselves.
ALTER TABLE case_personal ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE case_personal ADD COLUMN at TEXT NOT NULL DEFAULT '';
CREATE TABLE case_personal_conflicts (
    case_id  TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    field    TEXT NOT NULL,
    conflict TEXT NOT NULL,                   -- JSON of the domain's Conflict
    PRIMARY KEY (case_id, item_id, field)
);

-- Sync client state. Where the server is, the token and the pull cursor live in `settings`.
-- Events of this device that the server set aside in its quarantine, with its reason: shown to the
-- user, never retried (the server holds them).
CREATE TABLE sync_refused (
    event_id    TEXT PRIMARY KEY,
    device_seq  INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    refused_at  TEXT NOT NULL
);
-- Originals the server confirmed it holds (hash checked there): never uploaded again.
CREATE TABLE photo_uploads (
    sha256      TEXT PRIMARY KEY,
    uploaded_at TEXT NOT NULL
);
