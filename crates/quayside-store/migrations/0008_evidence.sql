-- Evidence from the sync server (issue 6). What the server signed with its key, kept exactly as
-- received (the statement's JSON bytes and its base64 signature), so a case file can carry proof
-- that the server took an event, where the event is in its log, and which devices were revoked.
-- The sync client verifies each statement before it is stored; this file only keeps them.
CREATE TABLE server_statements (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('receipt', 'checkpoint', 'revocation')),
    epoch       TEXT NOT NULL,                -- the server log's epoch ('' for revocations)
    statement   TEXT NOT NULL,                -- JSON exactly as signed
    signature   TEXT NOT NULL,                -- ed25519, standard base64
    server_key  TEXT NOT NULL,                -- hex public key that signed it
    received_at TEXT NOT NULL,
    size        INTEGER,                      -- checkpoints: events in the log
    device_id   TEXT,                         -- receipts and revocations
    seq         INTEGER,                      -- receipts: acked_seq; revocations: last_valid_seq
    UNIQUE (statement, signature)             -- the same statement twice is kept once
);
CREATE INDEX server_statements_by_kind ON server_statements (kind, epoch, size);
CREATE INDEX server_statements_by_device ON server_statements (device_id, kind, seq);

CREATE TRIGGER server_statements_are_never_updated BEFORE UPDATE ON server_statements
BEGIN SELECT RAISE(ABORT, 'server statements are append-only: a statement cannot be changed'); END;
CREATE TRIGGER server_statements_are_never_deleted BEFORE DELETE ON server_statements
BEGIN SELECT RAISE(ABORT, 'server statements are append-only: a statement cannot be deleted'); END;

-- Where an event is in the server's log: its leaf and the sibling hashes (JSON list of hex) that
-- lead to the root of a checkpoint. Verified by the sync client before it is stored.
CREATE TABLE event_proofs (
    event_id   TEXT NOT NULL REFERENCES events (id),
    checkpoint INTEGER NOT NULL REFERENCES server_statements (id),
    leaf_index INTEGER NOT NULL,
    path       TEXT NOT NULL,
    PRIMARY KEY (event_id, checkpoint)
);
CREATE INDEX event_proofs_by_checkpoint ON event_proofs (checkpoint);

CREATE TRIGGER event_proofs_are_never_updated BEFORE UPDATE ON event_proofs
BEGIN SELECT RAISE(ABORT, 'event proofs are append-only: a proof cannot be changed'); END;
CREATE TRIGGER event_proofs_are_never_deleted BEFORE DELETE ON event_proofs
BEGIN SELECT RAISE(ABORT, 'event proofs are append-only: a proof cannot be deleted'); END;

-- Revoked devices: their events after `last_valid_seq` are not taken in (they go to quarantine).
-- `statement` is the signed revocation it came from, when it came from the server.
CREATE TABLE revocations (
    device_id      TEXT PRIMARY KEY,
    last_valid_seq INTEGER NOT NULL CHECK (last_valid_seq >= 0),
    revoked_at     TEXT NOT NULL,
    statement      INTEGER REFERENCES server_statements (id)
);

-- What a sync found wrong with the server's log (truncated, rolled back, rewritten, another key),
-- and restores an admin declared: kept for the person and their supervisor, never dropped.
CREATE TABLE log_alerts (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    kind    TEXT NOT NULL,
    message TEXT NOT NULL
);

CREATE TRIGGER log_alerts_are_never_updated BEFORE UPDATE ON log_alerts
BEGIN SELECT RAISE(ABORT, 'log alerts are append-only: an alert cannot be changed'); END;
CREATE TRIGGER log_alerts_are_never_deleted BEFORE DELETE ON log_alerts
BEGIN SELECT RAISE(ABORT, 'log alerts are append-only: an alert cannot be deleted'); END;
