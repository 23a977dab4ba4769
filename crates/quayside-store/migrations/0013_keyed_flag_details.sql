-- A flag's details are kept as keyed messages (a JSON array of key and arguments) in
-- `case_flags.message` instead of English text. No schema change: a migrated database rebuilds
-- its projection from the event log, which rewrites every flag row in the new shape.
SELECT 1;
