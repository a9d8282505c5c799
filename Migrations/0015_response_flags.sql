-- Flags on answers (issue 11, "Honest answers"). qcdc stores no identity, so stuffing is found from the shape of
-- the answers alone: a background scanner (`AnswerFlagger`, never the submit transaction) marks answers with
-- reasons; an answer is never dropped. A province user then confirms a flagged answer (it leaves the counters:
-- satisfaction, answer totals, quota) or clears it.

-- What the signals need that was not stored yet. device_hash: a keyed hash of the network fingerprint and the
-- User-Agent, with the same daily-rotating in-memory salt as network_hash (so it cannot be linked across days).
-- had_cookie: 1 when the browser carried an "already answered" cookie minted before this answer; 0 for a browser
-- without one (a first answer, cleared cookies, a kiosk). Rows written before this migration count as 0; they have
-- no device hash, so the repeat-device signal never reads them.
ALTER TABLE responses ADD COLUMN device_hash TEXT;
ALTER TABLE responses ADD COLUMN had_cookie INTEGER NOT NULL DEFAULT 0 CHECK (had_cookie IN (0, 1));

-- One row per answer and reason; an answer may carry several. detail is a short Vietnamese explanation (never a
-- network or device hash).
CREATE TABLE response_flags (
    response_id INTEGER NOT NULL REFERENCES responses(id),
    reason      TEXT NOT NULL CHECK (reason IN ('burst', 'repeat_device', 'identical_vectors', 'too_fast',
                                                'off_hours', 'over_quota')),
    detail      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (response_id, reason)
) WITHOUT ROWID, STRICT;

-- The review of a flagged answer: one row per answer with at least one flag, created with its first flag.
-- open: flagged, still counted; confirmed: a province user judged it stuffing, so its choices were taken out of
-- option_counts and daily_answer_counts (and so unit_totals) in the same transaction; cleared: judged honest,
-- counted again. campaign_id and unit_id are copied from the answer so per-unit counts are one index range.
CREATE TABLE response_reviews (
    response_id INTEGER PRIMARY KEY REFERENCES responses(id),
    campaign_id INTEGER NOT NULL,
    unit_id     INTEGER NOT NULL,
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'confirmed', 'cleared')),
    -- The reviewer's user id (no foreign key, like audit_log.user_id: the review outlives an account).
    reviewed_by INTEGER,
    reviewed_at INTEGER
) STRICT;
CREATE INDEX response_reviews_by_unit ON response_reviews(campaign_id, unit_id, state);

-- How far the scanner has read: answers with a larger id, and daily reports filed after last_report_at, are new.
CREATE TABLE flag_scan_progress (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    last_response_id INTEGER NOT NULL DEFAULT 0,
    last_report_at   INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO flag_scan_progress (id) VALUES (1);
-- "Reports filed since the last scan", every 30 s: a range on this index instead of a pass over every report.
CREATE INDEX unit_daily_reports_by_submitted ON unit_daily_reports(submitted_at);
