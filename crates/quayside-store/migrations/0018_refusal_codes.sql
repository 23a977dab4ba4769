-- Why an event was set aside, as a stable code (`fork`, `bad_signature`, ...) that the app words in
-- the reader's language; the English `reason` stays for logs and the command-line check. Rows
-- from before have no code, and are shown with their English reason.
ALTER TABLE quarantine ADD COLUMN code TEXT;
ALTER TABLE sync_refused ADD COLUMN code TEXT;
