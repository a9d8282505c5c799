-- The year's satisfaction index (rankings of communes and districts, /admin/years/{year}/rankings): a weighted
-- mean of the satisfied shares of the year's forms. The weighting is data the province sets, not code: one row
-- per form code. A form without a row (a form added later) weighs nothing until the province gives it a weight.
-- Equal weights by default; PKS01 (officials judging their own office) weighs as one form among seven.
CREATE TABLE satisfaction_index_weights (
    form_code  TEXT PRIMARY KEY,
    weight     REAL NOT NULL CHECK (weight >= 0 AND weight <= 100),
    updated_at INTEGER NOT NULL
) STRICT;

INSERT INTO satisfaction_index_weights (form_code, weight, updated_at) VALUES
    ('PKS01', 1, 0), ('PKS02', 1, 0), ('PKS03', 1, 0), ('PKS04', 1, 0), ('PKS05', 1, 0), ('PKS06', 1, 0),
    ('PKS07', 1, 0);

-- A form's share enters a unit's index only with at least this many answers in the year (a share of five
-- answers says little); below it on every weighted form the unit is listed unranked.
INSERT INTO settings (key, value, updated_at) VALUES ('index_minimum_answers', '30', 0);
