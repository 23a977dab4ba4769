-- A revoked device's confirmation that it destroyed its keys (the server's time of the first
-- valid one). A signed-out token needs no column: its hash is replaced by a value no token hashes to.
ALTER TABLE devices ADD COLUMN wipe_confirmed_at TEXT;
