-- Campaigns owned by any unit (issue 14). A district runs campaigns for its communes, a commune for itself; the
-- province keeps every campaign it had. The owner is a unit code (NULL: the province), like forms.owner_unit_code,
-- because a code outlives the dated unit sets a reform adds. Which units a campaign covers stays in campaign_units;
-- the store refuses coverage outside the owner's scope when the campaign is created or its draft edited.
ALTER TABLE campaigns ADD COLUMN owner_unit_code TEXT;
CREATE INDEX campaigns_by_owner ON campaigns(owner_unit_code) WHERE owner_unit_code IS NOT NULL;

-- Suggestion rounds as data per unit (issue 14): a ward runs Đợt 1–4 on dates of its own, e.g. 22/01–25/03,
-- 01/04–25/06, 01/07–25/09, 01/10–25/12, the same every year (month and day, 'MM-DD'; a round does not cross the new
-- year). A unit with no row here accepts suggestions all year and files them by calendar quarter, as before, so
-- suggestions.round (1–4) keeps its meaning for every suggestion already stored.
CREATE TABLE suggestion_rounds (
    unit_code TEXT NOT NULL,
    number    INTEGER NOT NULL CHECK (number BETWEEN 1 AND 4),
    starts_md TEXT NOT NULL CHECK (length(starts_md) = 5),
    ends_md   TEXT NOT NULL CHECK (length(ends_md) = 5 AND ends_md >= starts_md),
    PRIMARY KEY (unit_code, number)
) WITHOUT ROWID, STRICT;

-- Whether the box takes suggestions between two rounds (filed in the next round); 1 unless the unit says otherwise.
CREATE TABLE suggestion_round_settings (
    unit_code       TEXT PRIMARY KEY,
    accepts_between INTEGER NOT NULL CHECK (accepts_between IN (0, 1))
) WITHOUT ROWID, STRICT;
