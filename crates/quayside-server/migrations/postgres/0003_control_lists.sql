-- Control lists an admin published, each signed by the server key as it was published: the
-- statement's JSON verbatim and the signature, served to devices at sync.
CREATE TABLE control_lists (
    version      BIGINT PRIMARY KEY,
    statement    TEXT NOT NULL,
    signature    TEXT NOT NULL,
    published_at TEXT NOT NULL
);
