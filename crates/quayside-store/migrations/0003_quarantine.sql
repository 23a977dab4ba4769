-- Events received from other replicas that could not be taken into the log (unknown device, bad
-- signature, unreadable body, a fork of a device chain): kept with the reason, never dropped, so an
-- admin can see them. Not part of the log and not part of the projection.
CREATE TABLE quarantine (
    seq         INTEGER PRIMARY KEY,
    event_id    TEXT,                         -- when the body could be read far enough to name it
    body        BLOB NOT NULL,                -- the bytes exactly as received
    signature   BLOB NOT NULL,
    hash        TEXT NOT NULL,                -- hex SHA-256 of body
    reason      TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (hash, signature)                  -- a delivery retried is kept once
);
