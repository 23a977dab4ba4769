-- A timeline change's values are kept keyed (recorded text, a field's value, a catalogue key or
-- a keyed message) instead of English text. No schema change: a migrated database rebuilds its
-- projection from the event log, which rewrites every stored timeline row in the new shape.
SELECT 1;
