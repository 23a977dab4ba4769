-- The people who use this device. Each unlocks the app with a passphrase of their own (its key
-- slot is in keys.json, named by `id`); name and role are here, inside the encrypted store, so
-- the data folder shows no name to whoever holds it. `account` is the sync server's user name once
-- the person signed in there; the role then comes from that account.
CREATE TABLE people (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    account    TEXT,
    created_at TEXT NOT NULL
);
