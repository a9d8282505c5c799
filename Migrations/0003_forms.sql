-- Survey forms PKS01–PKS07. A campaign uses a frozen form version, so a new wording becomes a new version and
-- never changes the meaning of answers already collected. Answers point at option ids, never at option text.
CREATE TABLE forms (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL,
    respondent_kind TEXT NOT NULL CHECK (respondent_kind IN ('officials', 'citizens', 'citizens_and_organisations')),
    organisation    TEXT NOT NULL,
    -- Which unit levels take part: PKS05 also runs at district one-stop desks.
    unit_levels     TEXT NOT NULL DEFAULT 'commune'
) STRICT;

CREATE TABLE form_versions (
    id         INTEGER PRIMARY KEY,
    form_id    INTEGER NOT NULL REFERENCES forms(id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    intro      TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (form_id, version)
) STRICT;

CREATE TABLE questions (
    id              INTEGER PRIMARY KEY,
    form_version_id INTEGER NOT NULL REFERENCES form_versions(id),
    position        INTEGER NOT NULL,
    -- Stable within a version: the form field name ("q3").
    code            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'yes_no', 'short_text', 'long_text')),
    text            TEXT NOT NULL,
    help            TEXT NOT NULL DEFAULT '',
    required        INTEGER NOT NULL CHECK (required IN (0, 1)),
    -- Counts toward satisfaction (its options carry a polarity).
    evaluative      INTEGER NOT NULL DEFAULT 0 CHECK (evaluative IN (0, 1)),
    -- An optional respondent fact used only for breakdowns: 'age_band', 'gender', 'procedure_field'.
    fact            TEXT CHECK (fact IN ('age_band', 'gender', 'procedure_field')),
    -- A follow-up question is shown only when this option of an earlier question was chosen.
    show_if_option_id INTEGER REFERENCES options(id),
    UNIQUE (form_version_id, code),
    UNIQUE (form_version_id, position)
) STRICT;

CREATE TABLE options (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions(id),
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    -- For evaluative questions: whether choosing it is a good, neutral or bad experience.
    polarity    TEXT CHECK (polarity IN ('positive', 'neutral', 'negative')),
    UNIQUE (question_id, position)
) STRICT;
CREATE INDEX options_by_question ON options(question_id);
