-- Login slips made on the web (an account created, a batch of accounts, a password reset) stay printable for a short
-- time: the first passwords are kept sealed (XChaCha20-Poly1305 with a key derived from the server secret, bound to
-- their row), readable only by the user who made them, until the slip expires or the account changes its password.

CREATE TABLE login_slips (
    id         INTEGER PRIMARY KEY,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_slips_by_expiry ON login_slips(expires_at);

CREATE TABLE login_slip_passwords (
    slip_id  INTEGER NOT NULL REFERENCES login_slips(id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users(id),
    -- Print order on the slip page.
    position INTEGER NOT NULL,
    -- Nonce, ciphertext and tag (SealedBox); the additional data is "login-slip:<slip_id>:<user_id>".
    sealed   BLOB NOT NULL,
    PRIMARY KEY (slip_id, user_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX login_slip_passwords_by_user ON login_slip_passwords(user_id);
