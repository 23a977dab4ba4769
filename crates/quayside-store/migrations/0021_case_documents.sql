-- Shipping documents attached to a case (`document_attached`), one row each, as photos are in
-- `case_photos`: the vault holds the bytes under the same hash, and sync uploads and fetches
-- them as it does photo originals. Applying this rebuilds the projection, which fills it.
CREATE TABLE case_documents (
    case_id       TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    media_type    TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    document_type TEXT NOT NULL,
    number        TEXT,
    excluded      TEXT,
    PRIMARY KEY (case_id, sha256)
);
CREATE INDEX case_documents_by_hash ON case_documents (sha256);
