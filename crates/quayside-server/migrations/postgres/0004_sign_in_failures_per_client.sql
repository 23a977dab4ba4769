-- Failed sign-ins are counted per user name and client (a network address, or the id of a device
-- already enrolled to the account): one client's failures no longer lock the account for all.
ALTER TABLE login_failures ADD COLUMN client TEXT NOT NULL DEFAULT '';
DROP INDEX login_failures_by_user;
CREATE INDEX login_failures_by_client ON login_failures (username, client, at_ms);
