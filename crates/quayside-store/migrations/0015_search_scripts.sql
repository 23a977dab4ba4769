-- Search in scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
-- Myanmar; `search.rs` says which characters). unicode61 takes a whole Chinese name for one word,
-- so no part of it but its start could be found, and cuts Thai at every vowel or tone mark
-- written above or below a letter.
-- Each value of a case's search text that has such characters is kept here whole, indexed by
-- trigrams: any fragment of 3 characters or more is a phrase query. `case_search` keeps the rest.
-- Like `case_search`, a row sits at the rowid of its case's `cases` row (a case with no such text
-- has none) and holds parties' names, personal data. Projection only: the rebuild after this
-- migration fills it from the log.
CREATE VIRTUAL TABLE case_search_trigram USING fts5(
    body,
    tokenize = 'trigram'
);
-- The index's trigrams, each occurrence with its row: a fragment of 1 or 2 characters is found as
-- the start of a trigram, through the index, instead of a LIKE that would read every row.
CREATE VIRTUAL TABLE case_search_trigram_terms USING fts5vocab(case_search_trigram, instance);
