-- Logins back off instead of locking (LoginThrottle): login_attempts.locked_until now holds the instant the next
-- attempt of that key is allowed, and refused attempts are counted on one audit row per account and hour
-- (audit_log.repeats), so unauthenticated requests cannot grow the log without bound.
ALTER TABLE audit_log ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1 CHECK (repeats >= 1);
