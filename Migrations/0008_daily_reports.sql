-- Daily reports (báo cáo ngày) of commune work teams, late-entry openings, PKS01 headcounts, and the indexes the
-- dashboards rely on. User ids (submitted_by, opened_by, replied_by) carry no foreign key: accounts live in their
-- own migration, and a report must outlive a deleted account.

-- A late-entry opening: a district account lets one commune file (or correct) the report of one date outside the
-- window, for a reason, optionally until an instant. Reports filed through it are marked late.
CREATE TABLE late_entry_openings (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    local_date  TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    opened_by   INTEGER NOT NULL,
    opened_at   INTEGER NOT NULL,
    -- Exclusive end instant; NULL: open until the end of the campaign's reporting.
    until       INTEGER CHECK (until IS NULL OR until > opened_at)
) STRICT;
-- Lookup at submission time: equality on all three keys.
CREATE INDEX late_entry_openings_by_unit_day ON late_entry_openings(campaign_id, unit_id, local_date);

-- The current report of a (campaign, unit, day): one row, rewritten by each correction. Every version, the current
-- one included, is also kept whole in daily_report_versions, so the history never depends on this row.
CREATE TABLE daily_reports (
    id                    INTEGER PRIMARY KEY,
    campaign_id           INTEGER NOT NULL REFERENCES campaigns(id),
    unit_id               INTEGER NOT NULL REFERENCES units(id),
    local_date            TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- People who came to the one-stop desk: the V of the quota rule.
    visitors              INTEGER NOT NULL CHECK (visitors >= 0),
    -- People guided to answer the survey.
    guided                INTEGER NOT NULL CHECK (guided >= 0),
    staff_on_duty         INTEGER NOT NULL CHECK (staff_on_duty >= 0),
    volunteers            INTEGER NOT NULL CHECK (volunteers >= 0),
    -- Publicity done, comma-separated codes from: niem_yet, loa, trang_tin, mang_xa_hoi, hoi_nghi.
    publicity             TEXT NOT NULL DEFAULT '',
    difficulties          TEXT NOT NULL DEFAULT '' CHECK (length(difficulties) <= 2000),
    proposals             TEXT NOT NULL DEFAULT '' CHECK (length(proposals) <= 2000),
    -- 1 when any version of the day was filed inside the window; a correction through a late opening keeps it.
    on_time               INTEGER NOT NULL CHECK (on_time IN (0, 1)),
    version               INTEGER NOT NULL CHECK (version >= 1),
    first_submitted_at    INTEGER NOT NULL,
    submitted_at          INTEGER NOT NULL,
    submitted_by          INTEGER,
    late_entry_opening_id INTEGER REFERENCES late_entry_openings(id),
    UNIQUE (campaign_id, unit_id, local_date)
) STRICT;
-- Per-unit aggregates (GROUP BY unit_id for one campaign) walk the UNIQUE index above in order; "who reported on a
-- day" across a campaign uses this one: SEARCH daily_reports USING INDEX daily_reports_by_day (campaign_id=? AND
-- local_date=?).
CREATE INDEX daily_reports_by_day ON daily_reports(campaign_id, local_date, unit_id, on_time);

CREATE TABLE daily_report_versions (
    report_id             INTEGER NOT NULL REFERENCES daily_reports(id),
    version               INTEGER NOT NULL CHECK (version >= 1),
    visitors              INTEGER NOT NULL,
    guided                INTEGER NOT NULL,
    staff_on_duty         INTEGER NOT NULL,
    volunteers            INTEGER NOT NULL,
    publicity             TEXT NOT NULL,
    difficulties          TEXT NOT NULL,
    proposals             TEXT NOT NULL,
    on_time               INTEGER NOT NULL CHECK (on_time IN (0, 1)),
    submitted_at          INTEGER NOT NULL,
    submitted_by          INTEGER,
    late_entry_opening_id INTEGER REFERENCES late_entry_openings(id),
    PRIMARY KEY (report_id, version)
) WITHOUT ROWID, STRICT;

-- PKS01 asks the officials and staff of the commune's agencies: the number that matters for its quota is their
-- headcount, entered once per campaign instead of daily visitors.
CREATE TABLE campaign_unit_headcounts (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    headcount   INTEGER NOT NULL CHECK (headcount BETWEEN 1 AND 100000),
    entered_by  INTEGER,
    entered_at  INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, unit_id)
) WITHOUT ROWID, STRICT;

-- Answers per day of a campaign (chart, "answers today"): a covering index, so summing one day or every day of a
-- campaign reads only index pages: SEARCH daily_answer_counts USING COVERING INDEX daily_answer_counts_by_day
-- (campaign_id=?). Per-unit sums use the primary key (campaign_id, unit_id, local_date) instead.
CREATE INDEX daily_answer_counts_by_day ON daily_answer_counts(campaign_id, local_date, unit_id, answers);

-- The suggestion desk: who replied, and "waiting" counts per unit (status IN ('new', 'in_progress')):
-- SEARCH suggestions USING COVERING INDEX suggestions_by_unit_status (unit_id=? AND status=?).
ALTER TABLE suggestions ADD COLUMN replied_by INTEGER;
CREATE INDEX suggestions_by_unit_status ON suggestions(unit_id, status, created_at);
