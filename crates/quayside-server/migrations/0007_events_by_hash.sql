-- Events looked up by body hash: a checkpoint request proves only events of cases the caller's
-- ports hold, so each hash asked about is matched to its case's port.
CREATE INDEX events_by_hash ON events (hash);
