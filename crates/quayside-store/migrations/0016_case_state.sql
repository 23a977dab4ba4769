-- The one state a person reads (draft, submitted, returned, approved, reopened, closed,
-- withdrawn), derived from the case's status and review state and written with the case's
-- projection: the list filters and sorts on it, the review queue selects by it. The projection is
-- rebuilt from the log after this migration, which fills it.
ALTER TABLE cases ADD COLUMN case_state TEXT NOT NULL DEFAULT 'draft';
CREATE INDEX cases_by_case_state_sorted ON cases (case_state, case_number, id);
CREATE INDEX cases_case_state_queue ON cases (case_state, review_queued_at);
