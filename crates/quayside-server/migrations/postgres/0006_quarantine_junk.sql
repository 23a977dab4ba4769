-- What was pushed and never verified (unreadable, or not signed by the pushing device) is kept as
-- its hash, size and reason, not as the body a client chose to send; an admin may prune it. What
-- a device signed stays a record that cannot be changed or deleted.
ALTER TABLE quarantine ADD COLUMN verified BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE quarantine ADD COLUMN body_bytes BIGINT;
CREATE INDEX quarantine_junk_by_pusher ON quarantine (pushed_by) WHERE NOT verified;
DROP TRIGGER quarantine_is_never_deleted ON quarantine;
CREATE TRIGGER quarantine_is_never_deleted BEFORE DELETE ON quarantine FOR EACH ROW
WHEN (OLD.verified)
EXECUTE FUNCTION quayside_refuse_change('the quarantine is a record: a signed event in it cannot be deleted');
