/// `unit_totals` counted from scratch: answers from the day counters; report days, visitors and reported answers
/// from the units' daily reports on each campaign's days (migration 0011: one report per unit and day, counted by
/// every campaign whose units include the unit and whose dates cover the day). Columns: campaign_id, unit_id,
/// answers, reported_answers, report_days, visitors, in the order of `SELECT … FROM unit_totals`.
enum UnitTotalsRecount {
    static let sql = """
        SELECT k.campaign_id AS campaign_id, k.unit_id AS unit_id,
               coalesce((SELECT sum(c.answers) FROM daily_answer_counts c
                         WHERE c.campaign_id = k.campaign_id AND c.unit_id = k.unit_id), 0) AS answers,
               coalesce((SELECT sum(c.answers) FROM daily_answer_counts c
                         JOIN campaigns m ON m.id = c.campaign_id
                         JOIN unit_daily_reports r ON r.unit_id = c.unit_id AND r.local_date = c.local_date
                         WHERE c.campaign_id = k.campaign_id AND c.unit_id = k.unit_id
                           AND c.local_date BETWEEN m.starts_on AND m.ends_on), 0) AS reported_answers,
               (SELECT count(*) FROM unit_daily_reports r JOIN campaigns m ON m.id = k.campaign_id
                WHERE r.unit_id = k.unit_id AND r.local_date BETWEEN m.starts_on AND m.ends_on
                  AND k.member) AS report_days,
               coalesce((SELECT sum(r.visitors) FROM unit_daily_reports r JOIN campaigns m ON m.id = k.campaign_id
                         WHERE r.unit_id = k.unit_id AND r.local_date BETWEEN m.starts_on AND m.ends_on
                           AND k.member), 0) AS visitors
        FROM (SELECT campaign_id, unit_id,
                     EXISTS (SELECT 1 FROM campaign_units cu WHERE cu.campaign_id = keys.campaign_id
                             AND cu.unit_id = keys.unit_id) AS member
              FROM (SELECT campaign_id, unit_id FROM daily_answer_counts
                    UNION SELECT cu.campaign_id, cu.unit_id FROM campaign_units cu
                    JOIN campaigns m ON m.id = cu.campaign_id
                    JOIN unit_daily_reports r ON r.unit_id = cu.unit_id
                     AND r.local_date BETWEEN m.starts_on AND m.ends_on) keys) k
        """
}
