-- One daily report per commune and day. Until now a report belonged to one campaign, so with seven campaigns open
-- a commune filed the same desk figures seven times inside its 30-minute window. From here on a unit files one
-- report per local day; every campaign whose units include it and whose dates cover that day counts it (report
-- days, punctuality, visitors for the quota). Figures only one form needs (the PKS01 headcount) stay per campaign
-- in campaign_unit_headcounts. Late-entry openings keep their campaign_id (the campaign dashboard they were opened
-- from, for the district's log) but apply to the unit and the day, whichever campaign.

CREATE TABLE unit_daily_reports (
    id                    INTEGER PRIMARY KEY,
    unit_id               INTEGER NOT NULL REFERENCES units(id),
    local_date            TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    visitors              INTEGER NOT NULL CHECK (visitors >= 0),
    guided                INTEGER NOT NULL CHECK (guided >= 0),
    staff_on_duty         INTEGER NOT NULL CHECK (staff_on_duty >= 0),
    volunteers            INTEGER NOT NULL CHECK (volunteers >= 0),
    publicity             TEXT NOT NULL DEFAULT '',
    difficulties          TEXT NOT NULL DEFAULT '' CHECK (length(difficulties) <= 2000),
    proposals             TEXT NOT NULL DEFAULT '' CHECK (length(proposals) <= 2000),
    -- The current version's flag: 1 when it was filed inside the window.
    on_time               INTEGER NOT NULL CHECK (on_time IN (0, 1)),
    version               INTEGER NOT NULL CHECK (version >= 1),
    first_submitted_at    INTEGER NOT NULL,
    submitted_at          INTEGER NOT NULL,
    submitted_by          INTEGER,
    late_entry_opening_id INTEGER REFERENCES late_entry_openings(id),
    -- "The report of a unit on a day": SEARCH unit_daily_reports USING INDEX (unit_id=? AND local_date=?); a
    -- campaign's days for one unit are a range on the same index.
    UNIQUE (unit_id, local_date)
) STRICT;

CREATE TABLE unit_daily_report_versions (
    report_id             INTEGER NOT NULL REFERENCES unit_daily_reports(id),
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
    -- The campaign a version moved here from 0008's per-campaign reports was filed under; NULL since 0011.
    campaign_id           INTEGER,
    PRIMARY KEY (report_id, version)
) WITHOUT ROWID, STRICT;

-- Every version of every campaign's report of a (unit, day) becomes a version of the unit's report of that day, in
-- filing order (submitted_at, then campaign, then its own version number); the last one filed is current. A
-- current row without its version row (never written by DailyReportStore, but cheap to keep) counts as a version.
WITH filed AS (
    SELECT r.unit_id AS unit_id, r.local_date AS local_date, r.campaign_id AS campaign_id,
           r.first_submitted_at AS first_submitted_at, v.version AS old_version, v.visitors AS visitors,
           v.guided AS guided, v.staff_on_duty AS staff_on_duty, v.volunteers AS volunteers,
           v.publicity AS publicity, v.difficulties AS difficulties, v.proposals AS proposals, v.on_time AS on_time,
           v.submitted_at AS submitted_at, v.submitted_by AS submitted_by,
           v.late_entry_opening_id AS late_entry_opening_id
    FROM daily_report_versions v JOIN daily_reports r ON r.id = v.report_id
    UNION ALL
    SELECT r.unit_id, r.local_date, r.campaign_id, r.first_submitted_at, r.version, r.visitors, r.guided,
           r.staff_on_duty, r.volunteers, r.publicity, r.difficulties, r.proposals, r.on_time, r.submitted_at,
           r.submitted_by, r.late_entry_opening_id
    FROM daily_reports r
    WHERE NOT EXISTS (SELECT 1 FROM daily_report_versions v WHERE v.report_id = r.id AND v.version = r.version)
),
ordered AS (
    SELECT *,
           row_number() OVER (PARTITION BY unit_id, local_date
                              ORDER BY submitted_at, campaign_id, old_version) AS version,
           count(*) OVER (PARTITION BY unit_id, local_date) AS versions,
           min(first_submitted_at) OVER (PARTITION BY unit_id, local_date) AS first_at
    FROM filed
)
INSERT INTO unit_daily_reports (unit_id, local_date, visitors, guided, staff_on_duty, volunteers, publicity,
                                difficulties, proposals, on_time, version, first_submitted_at, submitted_at,
                                submitted_by, late_entry_opening_id)
SELECT unit_id, local_date, visitors, guided, staff_on_duty, volunteers, publicity, difficulties, proposals,
       on_time, version, min(first_at, submitted_at), submitted_at, submitted_by, late_entry_opening_id
FROM ordered WHERE version = versions
ORDER BY unit_id, local_date;

WITH filed AS (
    SELECT r.unit_id AS unit_id, r.local_date AS local_date, r.campaign_id AS campaign_id,
           v.version AS old_version, v.visitors AS visitors, v.guided AS guided, v.staff_on_duty AS staff_on_duty,
           v.volunteers AS volunteers, v.publicity AS publicity, v.difficulties AS difficulties,
           v.proposals AS proposals, v.on_time AS on_time, v.submitted_at AS submitted_at,
           v.submitted_by AS submitted_by, v.late_entry_opening_id AS late_entry_opening_id
    FROM daily_report_versions v JOIN daily_reports r ON r.id = v.report_id
    UNION ALL
    SELECT r.unit_id, r.local_date, r.campaign_id, r.version, r.visitors, r.guided, r.staff_on_duty, r.volunteers,
           r.publicity, r.difficulties, r.proposals, r.on_time, r.submitted_at, r.submitted_by,
           r.late_entry_opening_id
    FROM daily_reports r
    WHERE NOT EXISTS (SELECT 1 FROM daily_report_versions v WHERE v.report_id = r.id AND v.version = r.version)
),
ordered AS (
    SELECT *,
           row_number() OVER (PARTITION BY unit_id, local_date
                              ORDER BY submitted_at, campaign_id, old_version) AS version
    FROM filed
)
INSERT INTO unit_daily_report_versions (report_id, version, visitors, guided, staff_on_duty, volunteers, publicity,
                                        difficulties, proposals, on_time, submitted_at, submitted_by,
                                        late_entry_opening_id, campaign_id)
SELECT u.id, o.version, o.visitors, o.guided, o.staff_on_duty, o.volunteers, o.publicity, o.difficulties,
       o.proposals, o.on_time, o.submitted_at, o.submitted_by, o.late_entry_opening_id, o.campaign_id
FROM ordered o JOIN unit_daily_reports u ON u.unit_id = o.unit_id AND u.local_date = o.local_date;

-- The per-campaign tables go, with the triggers that read them.
DROP TRIGGER unit_totals_answers_insert;
DROP TRIGGER unit_totals_answers_update;
DROP TRIGGER unit_totals_reports_insert;
DROP TRIGGER unit_totals_reports_update;
DROP TABLE daily_report_versions;
DROP TABLE daily_reports;

-- unit_totals stays per (campaign, unit), so the dashboards read one row per unit as before; its report columns
-- now count the unit's reports on the campaign's days. Recounted here from scratch, then kept by the triggers
-- below: on the unit's reports (every campaign covering the day), on the day counters (reported answers), on
-- campaign_units and on a campaign's dates (a draft edited after reports were filed).
UPDATE unit_totals SET reported_answers = 0, report_days = 0, on_time_reports = 0, visitors = 0,
                       last_report_date = NULL;

INSERT INTO unit_totals (campaign_id, unit_id, reported_answers, report_days, on_time_reports, visitors,
                         last_report_date)
SELECT cu.campaign_id, cu.unit_id, coalesce(sum(a.answers), 0), count(*), sum(r.on_time), sum(r.visitors),
       max(r.local_date)
FROM campaign_units cu
JOIN campaigns k ON k.id = cu.campaign_id
JOIN unit_daily_reports r ON r.unit_id = cu.unit_id AND r.local_date BETWEEN k.starts_on AND k.ends_on
LEFT JOIN daily_answer_counts a ON a.campaign_id = cu.campaign_id AND a.unit_id = cu.unit_id
                               AND a.local_date = r.local_date
WHERE true
GROUP BY cu.campaign_id, cu.unit_id
ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
    reported_answers = excluded.reported_answers, report_days = excluded.report_days,
    on_time_reports = excluded.on_time_reports, visitors = excluded.visitors,
    last_report_date = excluded.last_report_date;

CREATE TRIGGER unit_totals_answers_insert AFTER INSERT ON daily_answer_counts BEGIN
    INSERT INTO unit_totals (campaign_id, unit_id, answers, reported_answers)
    VALUES (NEW.campaign_id, NEW.unit_id, NEW.answers,
            CASE WHEN EXISTS (SELECT 1 FROM unit_daily_reports r JOIN campaigns k ON k.id = NEW.campaign_id
                              WHERE r.unit_id = NEW.unit_id AND r.local_date = NEW.local_date
                                AND NEW.local_date BETWEEN k.starts_on AND k.ends_on)
                 THEN NEW.answers ELSE 0 END)
    ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
        answers = answers + excluded.answers, reported_answers = reported_answers + excluded.reported_answers;
END;

CREATE TRIGGER unit_totals_answers_update AFTER UPDATE OF answers ON daily_answer_counts BEGIN
    UPDATE unit_totals SET
        answers = answers + NEW.answers - OLD.answers,
        reported_answers = reported_answers +
            CASE WHEN EXISTS (SELECT 1 FROM unit_daily_reports r JOIN campaigns k ON k.id = NEW.campaign_id
                              WHERE r.unit_id = NEW.unit_id AND r.local_date = NEW.local_date
                                AND NEW.local_date BETWEEN k.starts_on AND k.ends_on)
                 THEN NEW.answers - OLD.answers ELSE 0 END
    WHERE campaign_id = NEW.campaign_id AND unit_id = NEW.unit_id;
END;

-- A unit's first report of a day counts once in every campaign whose units include it and whose dates cover the
-- day (SEARCH cu USING INDEX campaign_units_by_unit, then one primary-key upsert per campaign).
CREATE TRIGGER unit_totals_unit_reports_insert AFTER INSERT ON unit_daily_reports BEGIN
    INSERT INTO unit_totals (campaign_id, unit_id, reported_answers, report_days, on_time_reports, visitors,
                             last_report_date)
    SELECT cu.campaign_id, NEW.unit_id,
           coalesce((SELECT a.answers FROM daily_answer_counts a WHERE a.campaign_id = cu.campaign_id
                     AND a.unit_id = NEW.unit_id AND a.local_date = NEW.local_date), 0),
           1, NEW.on_time, NEW.visitors, NEW.local_date
    FROM campaign_units cu JOIN campaigns k ON k.id = cu.campaign_id
    WHERE cu.unit_id = NEW.unit_id AND NEW.local_date BETWEEN k.starts_on AND k.ends_on
    ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
        reported_answers = reported_answers + excluded.reported_answers, report_days = report_days + 1,
        on_time_reports = on_time_reports + excluded.on_time_reports, visitors = visitors + excluded.visitors,
        last_report_date = max(coalesce(last_report_date, ''), excluded.last_report_date);
END;

-- A correction rewrites the day's row: only visitors and on_time move the totals (the key never changes).
CREATE TRIGGER unit_totals_unit_reports_update AFTER UPDATE OF visitors, on_time ON unit_daily_reports BEGIN
    UPDATE unit_totals SET
        visitors = visitors + NEW.visitors - OLD.visitors,
        on_time_reports = on_time_reports + NEW.on_time - OLD.on_time
    WHERE unit_id = NEW.unit_id
      AND campaign_id IN (SELECT cu.campaign_id FROM campaign_units cu JOIN campaigns k ON k.id = cu.campaign_id
                          WHERE cu.unit_id = NEW.unit_id AND NEW.local_date BETWEEN k.starts_on AND k.ends_on);
END;

-- A unit joining a campaign brings the reports it already filed on the campaign's days; leaving takes them away.
CREATE TRIGGER unit_totals_campaign_units_insert AFTER INSERT ON campaign_units BEGIN
    INSERT INTO unit_totals (campaign_id, unit_id, reported_answers, report_days, on_time_reports, visitors,
                             last_report_date)
    SELECT NEW.campaign_id, NEW.unit_id, coalesce(sum(a.answers), 0), count(*), sum(r.on_time), sum(r.visitors),
           max(r.local_date)
    FROM campaigns k
    JOIN unit_daily_reports r ON r.unit_id = NEW.unit_id AND r.local_date BETWEEN k.starts_on AND k.ends_on
    LEFT JOIN daily_answer_counts a ON a.campaign_id = NEW.campaign_id AND a.unit_id = NEW.unit_id
                                   AND a.local_date = r.local_date
    WHERE k.id = NEW.campaign_id
    GROUP BY k.id
    ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
        reported_answers = excluded.reported_answers, report_days = excluded.report_days,
        on_time_reports = excluded.on_time_reports, visitors = excluded.visitors,
        last_report_date = excluded.last_report_date;
END;

CREATE TRIGGER unit_totals_campaign_units_delete AFTER DELETE ON campaign_units BEGIN
    UPDATE unit_totals SET reported_answers = 0, report_days = 0, on_time_reports = 0, visitors = 0,
                           last_report_date = NULL
    WHERE campaign_id = OLD.campaign_id AND unit_id = OLD.unit_id;
END;

-- New dates (a draft edited): the campaign's report columns are counted again over its new days.
CREATE TRIGGER unit_totals_campaign_dates AFTER UPDATE OF starts_on, ends_on ON campaigns
WHEN NEW.starts_on <> OLD.starts_on OR NEW.ends_on <> OLD.ends_on BEGIN
    UPDATE unit_totals SET reported_answers = 0, report_days = 0, on_time_reports = 0, visitors = 0,
                           last_report_date = NULL
    WHERE campaign_id = NEW.id;
    INSERT INTO unit_totals (campaign_id, unit_id, reported_answers, report_days, on_time_reports, visitors,
                             last_report_date)
    SELECT cu.campaign_id, cu.unit_id, coalesce(sum(a.answers), 0), count(*), sum(r.on_time), sum(r.visitors),
           max(r.local_date)
    FROM campaign_units cu
    JOIN unit_daily_reports r ON r.unit_id = cu.unit_id AND r.local_date BETWEEN NEW.starts_on AND NEW.ends_on
    LEFT JOIN daily_answer_counts a ON a.campaign_id = cu.campaign_id AND a.unit_id = cu.unit_id
                                   AND a.local_date = r.local_date
    WHERE cu.campaign_id = NEW.id
    GROUP BY cu.unit_id
    ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
        reported_answers = excluded.reported_answers, report_days = excluded.report_days,
        on_time_reports = excluded.on_time_reports, visitors = excluded.visitors,
        last_report_date = excluded.last_report_date;
END;

-- Late entry is for a unit and a day: "the openings of this unit in force" and "this unit's opening for this day".
CREATE INDEX late_entry_openings_by_unit ON late_entry_openings(unit_id, local_date);
