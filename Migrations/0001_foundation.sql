-- Conventions for every table: instants are INTEGER Unix seconds (UTC); business days are TEXT 'YYYY-MM-DD' in
-- Asia/Ho_Chi_Minh; codes and texts are UTF-8, NFC.

-- Operator-tunable settings (satisfaction threshold, yearly target, ...). Values are text; the app parses them.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

INSERT INTO settings (key, value, updated_at) VALUES
    ('satisfaction_threshold', '0.8', 0),
    ('yearly_target_share', '0.6', 0);
