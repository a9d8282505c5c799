-- How many people answered each multiple-choice question, per campaign and unit. The option counters count
-- choices, so a person who ticks three channels adds three there; the official result table divides each option's
-- count by the people who answered the question (a share of respondents, as the committees report it). Single and
-- yes/no questions need no row here: their options' counts already add up to the people who answered.
-- Kept like option_counts: added in the answer's transaction, taken out when a flagged answer is confirmed.
CREATE TABLE question_answer_counts (
    campaign_id INTEGER NOT NULL,
    unit_id     INTEGER NOT NULL,
    question_id INTEGER NOT NULL,
    answers     INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, unit_id, question_id)
) WITHOUT ROWID, STRICT;

-- The answers stored so far: one per answer and multiple-choice question it chose an option of, leaving out the
-- answers a reviewer confirmed as not genuine (they already left the option counters).
INSERT INTO question_answer_counts (campaign_id, unit_id, question_id, answers)
SELECT r.campaign_id, r.unit_id, o.question_id, count(DISTINCT r.id)
FROM responses r
JOIN json_each('[' || r.choices || ']') chosen
JOIN options o ON o.id = chosen.value
JOIN questions q ON q.id = o.question_id AND q.kind = 'multiple'
WHERE r.choices <> ''
  AND NOT EXISTS (SELECT 1 FROM response_reviews v WHERE v.response_id = r.id AND v.state = 'confirmed')
GROUP BY r.campaign_id, r.unit_id, o.question_id;
