-- The timeline's changes name their labels by key (a list of label parts) instead of English
-- text. No schema change: a migrated database rebuilds its projection from the event log, which
-- rewrites every stored timeline row in the new shape.
SELECT 1;
