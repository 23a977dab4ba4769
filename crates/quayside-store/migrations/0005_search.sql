-- Full-text search over the case file (issue 5): case and container numbers, seals, parties,
-- descriptions, notes and photo captions, one row per case, rewritten with the case's projection.
-- It holds parties' names, so it is personal data like `case_personal`: statistics never read it.
CREATE VIRTUAL TABLE case_search USING fts5(
    case_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
