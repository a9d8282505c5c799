-- The hours a unit's one-stop desk is open, for the off-hours flag (issue 11). A unit without rows keeps the
-- default (`DeskHours.standard`: Monday–Friday 07:00–11:30 and 13:30–17:00, Saturday 07:00–11:30, Hanoi time); a
-- unit with rows is open exactly in them, so a day without a row is closed. Minutes after local midnight,
-- [opens, closes). weekday is ISO: 1 Monday … 7 Sunday.
CREATE TABLE unit_desk_hours (
    unit_id INTEGER NOT NULL REFERENCES units(id),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens   INTEGER NOT NULL CHECK (opens BETWEEN 0 AND 1439),
    closes  INTEGER NOT NULL CHECK (closes BETWEEN 1 AND 1440 AND closes > opens),
    PRIMARY KEY (unit_id, weekday, opens)
) WITHOUT ROWID, STRICT;
