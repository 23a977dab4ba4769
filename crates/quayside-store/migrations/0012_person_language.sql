-- The language each person reads the app in (a BCP 47 tag such as `zh-CN`); NULL until they
-- choose, when the app follows the system's language.
ALTER TABLE people ADD COLUMN language TEXT;
