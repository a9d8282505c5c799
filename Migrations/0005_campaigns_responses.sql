-- Campaigns (đợt khảo sát) and the answers they collect.
CREATE TABLE campaigns (
    id              INTEGER PRIMARY KEY,
    form_version_id INTEGER NOT NULL REFERENCES form_versions(id),
    -- The administrative map in force when the campaign was created: old results keep their old names.
    unit_set_id     INTEGER NOT NULL REFERENCES unit_sets(id),
    title           TEXT NOT NULL,
    starts_on       TEXT NOT NULL,
    ends_on         TEXT NOT NULL CHECK (ends_on >= starts_on),
    -- draft: not published; open: answers accepted between the dates; closed: closed by hand before the end.
    state           TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
    tolerance       REAL NOT NULL DEFAULT 0.5 CHECK (tolerance >= 0 AND tolerance <= 1),
    busy_floor      INTEGER NOT NULL DEFAULT 20 CHECK (busy_floor >= 0),
    -- The daily reporting window, minutes after local midnight: [start, end).
    window_start    INTEGER NOT NULL DEFAULT 990 CHECK (window_start BETWEEN 0 AND 1439),
    window_end      INTEGER NOT NULL DEFAULT 1020 CHECK (window_end BETWEEN 1 AND 1440 AND window_end > window_start),
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE campaign_units (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (campaign_id, unit_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX campaign_units_by_unit ON campaign_units(unit_id);

-- One row per submitted form. No name, phone, ID or raw IP address is ever stored here.
CREATE TABLE responses (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL REFERENCES campaigns(id),
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    -- Unique per rendering of the form: a resent POST finds its earlier row instead of adding one.
    submission_id TEXT NOT NULL,
    submitted_at  INTEGER NOT NULL,
    local_date    TEXT NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('phone', 'kiosk')),
    fill_seconds  INTEGER NOT NULL,
    -- Salted hash of the client network with a salt that rotates daily; only for spotting stuffing.
    network_hash  TEXT,
    -- Chosen option ids, comma-separated, in question order: compact at millions of rows.
    choices       TEXT NOT NULL,
    UNIQUE (campaign_id, submission_id)
) STRICT;
CREATE INDEX responses_by_unit_day ON responses(campaign_id, unit_id, local_date);

-- Free-text answers, only where the person wrote something.
CREATE TABLE response_texts (
    response_id INTEGER NOT NULL REFERENCES responses(id),
    question_id INTEGER NOT NULL REFERENCES questions(id),
    text        TEXT NOT NULL,
    PRIMARY KEY (response_id, question_id)
) WITHOUT ROWID, STRICT;

-- Counters maintained in the same transaction as each response, so dashboards never scan responses.
CREATE TABLE daily_answer_counts (
    campaign_id INTEGER NOT NULL,
    unit_id     INTEGER NOT NULL,
    local_date  TEXT NOT NULL,
    answers     INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, unit_id, local_date)
) WITHOUT ROWID, STRICT;

CREATE TABLE option_counts (
    campaign_id INTEGER NOT NULL,
    unit_id     INTEGER NOT NULL,
    option_id   INTEGER NOT NULL,
    answers     INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, unit_id, option_id)
) WITHOUT ROWID, STRICT;

-- "This browser has already answered": the cookie holds a random token; only its hash is kept.
CREATE TABLE respondent_marks (
    campaign_id INTEGER NOT NULL,
    token_hash  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, token_hash)
) WITHOUT ROWID, STRICT;
