-- Supervisor review (issue 5): what the review queue filters and orders on, written with the
-- case's projection.
ALTER TABLE cases ADD COLUMN review_state TEXT NOT NULL DEFAULT 'not_submitted';
ALTER TABLE cases ADD COLUMN review_queued_at TEXT;
ALTER TABLE cases ADD COLUMN submitted_by TEXT;
CREATE INDEX cases_review_queue ON cases (review_state, review_queued_at);

-- Local intent, not projection and never synced: why this device's user is changing a case that
-- was submitted or approved. Every event they write for the case carries it while the review step
-- it was given under (`under_step`, an event id) is still the case's latest, on any device.
CREATE TABLE change_reasons (
    case_id    TEXT PRIMARY KEY,
    reason     TEXT NOT NULL,
    under_step TEXT NOT NULL,
    set_at     TEXT NOT NULL
);
