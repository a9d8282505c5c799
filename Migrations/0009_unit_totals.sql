-- Per-(campaign, unit) running totals, so a province dashboard over thousands of communes reads one row per unit
-- instead of aggregating every day counter and every report (at 3,321 communes × 30 days that aggregate alone
-- took ~120 ms). Kept by triggers on the counter and report tables, so every writer (ResponseStore,
-- DailyReportStore, bulk loaders) updates them in its own transaction and they never drift from their sources.
CREATE TABLE unit_totals (
    campaign_id       INTEGER NOT NULL,
    unit_id           INTEGER NOT NULL,
    answers           INTEGER NOT NULL DEFAULT 0,
    -- Answers on days the unit filed a report: what the quota rule compares with visitors.
    reported_answers  INTEGER NOT NULL DEFAULT 0,
    report_days       INTEGER NOT NULL DEFAULT 0,
    on_time_reports   INTEGER NOT NULL DEFAULT 0,
    visitors          INTEGER NOT NULL DEFAULT 0,
    last_report_date  TEXT,
    PRIMARY KEY (campaign_id, unit_id)
) WITHOUT ROWID, STRICT;

INSERT INTO unit_totals (campaign_id, unit_id, answers, reported_answers)
SELECT c.campaign_id, c.unit_id, sum(c.answers), sum(CASE WHEN r.id IS NULL THEN 0 ELSE c.answers END)
FROM daily_answer_counts c
LEFT JOIN daily_reports r ON r.campaign_id = c.campaign_id AND r.unit_id = c.unit_id AND r.local_date = c.local_date
GROUP BY c.campaign_id, c.unit_id;

INSERT INTO unit_totals (campaign_id, unit_id, report_days, on_time_reports, visitors, last_report_date)
SELECT campaign_id, unit_id, count(*), sum(on_time), sum(visitors), max(local_date)
FROM daily_reports WHERE true
GROUP BY campaign_id, unit_id
ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
    report_days = excluded.report_days, on_time_reports = excluded.on_time_reports,
    visitors = excluded.visitors, last_report_date = excluded.last_report_date;

CREATE TRIGGER unit_totals_answers_insert AFTER INSERT ON daily_answer_counts BEGIN
    INSERT INTO unit_totals (campaign_id, unit_id, answers, reported_answers)
    VALUES (NEW.campaign_id, NEW.unit_id, NEW.answers,
            CASE WHEN EXISTS (SELECT 1 FROM daily_reports r WHERE r.campaign_id = NEW.campaign_id
                              AND r.unit_id = NEW.unit_id AND r.local_date = NEW.local_date)
                 THEN NEW.answers ELSE 0 END)
    ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
        answers = answers + excluded.answers, reported_answers = reported_answers + excluded.reported_answers;
END;

CREATE TRIGGER unit_totals_answers_update AFTER UPDATE OF answers ON daily_answer_counts BEGIN
    UPDATE unit_totals SET
        answers = answers + NEW.answers - OLD.answers,
        reported_answers = reported_answers +
            CASE WHEN EXISTS (SELECT 1 FROM daily_reports r WHERE r.campaign_id = NEW.campaign_id
                              AND r.unit_id = NEW.unit_id AND r.local_date = NEW.local_date)
                 THEN NEW.answers - OLD.answers ELSE 0 END
    WHERE campaign_id = NEW.campaign_id AND unit_id = NEW.unit_id;
END;

CREATE TRIGGER unit_totals_reports_insert AFTER INSERT ON daily_reports BEGIN
    INSERT INTO unit_totals (campaign_id, unit_id, reported_answers, report_days, on_time_reports, visitors,
                             last_report_date)
    VALUES (NEW.campaign_id, NEW.unit_id,
            coalesce((SELECT c.answers FROM daily_answer_counts c WHERE c.campaign_id = NEW.campaign_id
                      AND c.unit_id = NEW.unit_id AND c.local_date = NEW.local_date), 0),
            1, NEW.on_time, NEW.visitors, NEW.local_date)
    ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
        reported_answers = reported_answers + excluded.reported_answers, report_days = report_days + 1,
        on_time_reports = on_time_reports + excluded.on_time_reports, visitors = visitors + excluded.visitors,
        last_report_date = max(coalesce(last_report_date, ''), excluded.last_report_date);
END;

-- A correction rewrites the day's row: only visitors and on_time can change (the key never does).
CREATE TRIGGER unit_totals_reports_update AFTER UPDATE OF visitors, on_time ON daily_reports BEGIN
    UPDATE unit_totals SET
        visitors = visitors + NEW.visitors - OLD.visitors,
        on_time_reports = on_time_reports + NEW.on_time - OLD.on_time
    WHERE campaign_id = NEW.campaign_id AND unit_id = NEW.unit_id;
END;
