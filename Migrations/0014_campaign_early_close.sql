-- A campaign closed by hand before its last day stops counting there. Until now closing only set its state: the
-- dates kept their planned end, so the daily reports a commune filed for other campaigns after the closing day were
-- still counted in this one's report days, punctuality and visitors (and hence its quota). From here on closing
-- early moves `ends_on` to the closing day (Hanoi time; the closing day still counts, its answers were accepted
-- until the moment of closing) and keeps the planned end in `planned_ends_on`, which reopening restores. The
-- unit_totals_campaign_dates trigger (0011) recounts the campaign's report columns over its new days.
ALTER TABLE campaigns ADD COLUMN planned_ends_on TEXT
    CHECK (planned_ends_on IS NULL OR planned_ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- Campaigns already closed early: the day of their last closing is in the audit log ("Đợt số N “…”: … → Đã
-- đóng"), written by every close since accounts exist (0007). A closed campaign without such a row keeps its dates.
WITH last_close AS (
    SELECT c.id AS campaign_id,
           (SELECT date(a.at + 7 * 3600, 'unixepoch') FROM audit_log a
            WHERE a.action = 'campaign_close' AND a.detail LIKE 'Đợt số ' || c.id || ' “%'
            ORDER BY a.at DESC, a.id DESC LIMIT 1) AS closed_on
    FROM campaigns c
    WHERE c.state = 'closed'
)
UPDATE campaigns
SET planned_ends_on = ends_on,
    ends_on = max(starts_on, (SELECT closed_on FROM last_close WHERE last_close.campaign_id = campaigns.id))
WHERE state = 'closed'
  AND (SELECT closed_on FROM last_close WHERE last_close.campaign_id = campaigns.id) < ends_on;
