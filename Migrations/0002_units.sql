-- Administrative units come in dated sets: the map in force from a date. A set is never rewritten; a code is
-- unique only within its set, because reforms reuse codes for different communes.
CREATE TABLE unit_sets (
    id             INTEGER PRIMARY KEY,
    effective_from TEXT NOT NULL UNIQUE CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    source_name    TEXT NOT NULL,
    checksum       TEXT NOT NULL,
    imported_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    unit_set_id INTEGER NOT NULL REFERENCES unit_sets(id),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    kind        TEXT NOT NULL,
    parent_id   INTEGER REFERENCES units(id),
    -- Lowercase, diacritics removed ("phuong hoang van thu"): what unit search matches against.
    search_name TEXT NOT NULL,
    UNIQUE (unit_set_id, code)
) STRICT;
CREATE INDEX units_by_parent ON units(parent_id);

-- Where an old code went after a reform: a poster printed before the reform still lands somewhere sensible.
CREATE TABLE unit_successors (
    unit_set_id INTEGER NOT NULL REFERENCES unit_sets(id),
    old_code    TEXT NOT NULL,
    new_code    TEXT NOT NULL,
    PRIMARY KEY (unit_set_id, old_code)
) STRICT;
