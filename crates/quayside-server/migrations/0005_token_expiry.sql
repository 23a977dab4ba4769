-- When a device's bearer token was last used (unix ms): a token unused for the server's idle
-- lifetime expires. NULL: issued before this column, counted from its first use after.
ALTER TABLE devices ADD COLUMN token_used_ms INTEGER;
