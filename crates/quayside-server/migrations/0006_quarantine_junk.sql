-- What was pushed and never verified (unreadable, or not signed by the pushing device) is kept as
-- its hash, size and reason, not as the body a client chose to send; an admin may prune it. What
-- a device signed stays a record that cannot be changed or deleted.
ALTER TABLE quarantine ADD COLUMN verified INTEGER NOT NULL DEFAULT 1 CHECK (verified IN (0, 1));
ALTER TABLE quarantine ADD COLUMN body_bytes INTEGER;
CREATE INDEX quarantine_junk_by_pusher ON quarantine (pushed_by) WHERE verified = 0;
DROP TRIGGER quarantine_is_never_deleted;
CREATE TRIGGER quarantine_is_never_deleted BEFORE DELETE ON quarantine WHEN OLD.verified = 1
BEGIN SELECT RAISE(ABORT, 'the quarantine is a record: a signed event in it cannot be deleted'); END;
