-- The people of a device besides the user who enrolled it: accounts that signed in on it to work
-- there too. An event whose author names one of them is judged by that account's role and ports.
CREATE TABLE device_people (
    device_id TEXT NOT NULL REFERENCES devices (id),
    username  TEXT NOT NULL REFERENCES users (username),
    linked_at TEXT NOT NULL,
    PRIMARY KEY (device_id, username)
);
