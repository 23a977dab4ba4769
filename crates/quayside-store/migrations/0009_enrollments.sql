-- The server's signed enrollments (issue 6): each vouches that a device id has a public key, so a
-- device key in a case-file bundle is anchored by the server's signature, not by the bundle. Kept
-- exactly as received; the sync client verifies each one with the pinned server key and checks it
-- names the key this store holds for the device before it is stored.
CREATE TABLE enrollments (
    id          INTEGER PRIMARY KEY,
    device_id   TEXT NOT NULL,
    statement   TEXT NOT NULL,                -- JSON exactly as signed
    signature   TEXT NOT NULL,                -- ed25519, standard base64
    server_key  TEXT NOT NULL,                -- hex public key it verified with
    received_at TEXT NOT NULL,
    UNIQUE (statement, signature)             -- the same statement twice is kept once
);
CREATE INDEX enrollments_by_device ON enrollments (device_id);

CREATE TRIGGER enrollments_are_never_updated BEFORE UPDATE ON enrollments
BEGIN SELECT RAISE(ABORT, 'enrollments are append-only: an enrollment cannot be changed'); END;
CREATE TRIGGER enrollments_are_never_deleted BEFORE DELETE ON enrollments
BEGIN SELECT RAISE(ABORT, 'enrollments are append-only: an enrollment cannot be deleted'); END;
