-- Accounts of the steering committees (province, district, commune), their browser sessions, API tokens, login
-- throttling and the audit log. No password, session token or API token is ever stored in clear: passwords as
-- libsodium argon2id strings, tokens as SHA-256 hex of the random value the browser or client holds.

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    -- Compared without case, so "Xa07210" and "xa07210" are one account.
    username             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- crypto_pwhash_str output ("$argon2id$v=19$m=...").
    password_hash        TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('province', 'district', 'commune')),
    unit_id              INTEGER NOT NULL REFERENCES units(id),
    -- Set for first passwords and resets: every admin page leads to the change-password page until changed.
    must_change_password INTEGER NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1)),
    disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at           INTEGER NOT NULL,
    password_changed_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX users_by_unit ON users(unit_id);

CREATE TABLE sessions (
    -- SHA-256 hex of the random cookie value: a copy of the database does not let anyone sign in.
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    -- Sent back in every state-changing admin form (field "csrf").
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    -- Optional hash of the client (address, user agent) at login, for investigations; never the raw values.
    client_hash  TEXT
) WITHOUT ROWID, STRICT;
CREATE INDEX sessions_by_user ON sessions(user_id);

-- Failed logins per account ('user:NAME', lowercased) and per client address ('addr:' + hash of the address).
CREATE TABLE login_attempts (
    key          TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    locked_until INTEGER
) WITHOUT ROWID, STRICT;

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    token_hash   TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
) STRICT;
CREATE INDEX api_tokens_by_user ON api_tokens(user_id);

-- Who did what and when. user_id and unit_id are NULL for events without a known account (a failed login for an
-- unknown name); username keeps the name as typed or as it was at the time.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    user_id  INTEGER,
    username TEXT,
    unit_id  INTEGER,
    action   TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_log_by_time ON audit_log(at);
CREATE INDEX audit_log_by_user ON audit_log(username COLLATE NOCASE, at);
CREATE INDEX audit_log_by_action ON audit_log(action, at);
