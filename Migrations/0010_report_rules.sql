-- Two drifted rules of the daily report, set right for the rows already stored.

-- 1. Every late-entry opening ends. Until now an opening could be stored without an end (until IS NULL) and then
-- stayed open for good. New openings end by default at the end of the day after the one they were opened on
-- (Vietnam time, UTC+7): the midnight two days after the local midnight that began their opening day. Openings
-- stored without an end get that same default, counted from their own opened_at; older ones are thereby over.
UPDATE late_entry_openings
SET until = ((opened_at + 25200) / 86400 + 2) * 86400 - 25200
WHERE until IS NULL;

-- SQLite cannot add NOT NULL to a column in place (and late_entry_openings is referenced by the reports), so
-- these triggers refuse an opening without an end instead.
CREATE TRIGGER late_entry_openings_until_insert BEFORE INSERT ON late_entry_openings
WHEN NEW.until IS NULL BEGIN
    SELECT RAISE(ABORT, 'late_entry_openings.until is required');
END;

CREATE TRIGGER late_entry_openings_until_update BEFORE UPDATE OF until ON late_entry_openings
WHEN NEW.until IS NULL BEGIN
    SELECT RAISE(ABORT, 'late_entry_openings.until is required');
END;

-- 2. A report's on_time is its current version's. 0008 kept the flag of an earlier on-time version when a later
-- version came through a late-entry opening; such a day is late now. The unit_totals_reports_update trigger
-- (0009) moves each unit's on_time_reports along with every row changed here.
UPDATE daily_reports
SET on_time = (SELECT v.on_time FROM daily_report_versions v
               WHERE v.report_id = daily_reports.id AND v.version = daily_reports.version)
WHERE on_time <> (SELECT v.on_time FROM daily_report_versions v
                  WHERE v.report_id = daily_reports.id AND v.version = daily_reports.version);
