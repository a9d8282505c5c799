-- API tokens that end (issue 16): an expiry (180 days unless chosen at creation) and a scope ('read' or
-- 'read,write', the default, as before). Tokens made before this migration expire 180 days after they were made.
-- A token also stops working when its owner is disabled, changes or resets the password (a token older than the
-- account's password_changed_at), or still has to change a first password: those are read from users.
ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER;
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'read,write' CHECK (scope IN ('read', 'read,write'));
UPDATE api_tokens SET expires_at = created_at + 180 * 86400 WHERE expires_at IS NULL;
