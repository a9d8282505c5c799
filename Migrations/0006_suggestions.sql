-- The suggestion box (hòm thư góp ý) of a commune or district, by quarterly round (Đợt 1–4).
CREATE TABLE suggestions (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    year         INTEGER NOT NULL,
    round        INTEGER NOT NULL CHECK (round BETWEEN 1 AND 4),
    topic        TEXT,
    text         TEXT NOT NULL,
    -- Only with the sender's explicit consent.
    sender_name  TEXT,
    sender_phone TEXT,
    consent      INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
    -- What the sender types to read the reply; unique, short, unambiguous characters.
    lookup_code  TEXT NOT NULL UNIQUE,
    status       TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'resolved')),
    category     TEXT,
    reply        TEXT,
    replied_at   INTEGER,
    resolved_at  INTEGER,
    created_at   INTEGER NOT NULL,
    -- Lowercase, diacritics removed: what suggestion search matches against.
    search_text  TEXT NOT NULL,
    CHECK ((sender_name IS NULL AND sender_phone IS NULL) OR consent = 1)
) STRICT;
CREATE INDEX suggestions_by_unit_round ON suggestions(unit_id, year, round, status);
