-- Control lists published by the server: each version as this device took it, after the sync
-- client checked the server's signature. `list` is the list as the domain reads it; `statement`
-- and `signature` are what the server signed, verbatim, so the list's origin can be shown later.
-- Version 1 is built into the app and never stored here.
CREATE TABLE IF NOT EXISTS control_lists (
    version     INTEGER PRIMARY KEY CHECK (version > 1),
    digest      TEXT NOT NULL,                -- SHA-256 of the list's content, as events name it
    list        TEXT NOT NULL,
    statement   TEXT NOT NULL,                -- JSON exactly as signed
    signature   TEXT NOT NULL,                -- ed25519, standard base64
    received_at TEXT NOT NULL
);

CREATE TRIGGER IF NOT EXISTS control_lists_are_never_updated BEFORE UPDATE ON control_lists
BEGIN SELECT RAISE(ABORT, 'control lists are append-only: a list cannot be changed'); END;
CREATE TRIGGER IF NOT EXISTS control_lists_are_never_deleted BEFORE DELETE ON control_lists
BEGIN SELECT RAISE(ABORT, 'control lists are append-only: a list cannot be deleted'); END;
