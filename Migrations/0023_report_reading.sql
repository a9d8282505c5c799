-- What those above do with a commune's daily reports (issue 15): the district's (or province's) replies to a unit's
-- report of a day, which the commune reads on its report page and today board, and the photos of the day's outreach
-- the commune attaches to that day, kept in the content-addressed upload store (by hash, like dossier documents).

-- A reply answers the report as it stood: `report_version` is the version the reader had in front of them, so a
-- later correction shows as filed after the reply.
CREATE TABLE unit_daily_report_replies (
    id             INTEGER PRIMARY KEY,
    report_id      INTEGER NOT NULL REFERENCES unit_daily_reports(id),
    report_version INTEGER NOT NULL CHECK (report_version >= 1),
    body           TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    replied_by     INTEGER NOT NULL REFERENCES users(id),
    replied_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX unit_daily_report_replies_by_report ON unit_daily_report_replies(report_id, id);

-- Photos belong to the unit and the day, not to a version: a correction of the figures keeps them. JPEG or PNG
-- only (decided by content when received); the number per day is limited by the application.
CREATE TABLE unit_daily_report_photos (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    local_date   TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
    media_type   TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    size         INTEGER NOT NULL CHECK (size > 0),
    file_name    TEXT NOT NULL,
    uploaded_by  INTEGER NOT NULL REFERENCES users(id),
    uploaded_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX unit_daily_report_photos_by_day ON unit_daily_report_photos(unit_id, local_date, id);

-- The helper roster: the people a commune puts on duty (name, organisation, the days they serve), listed by the
-- deadline its district sets; the district sees which communes have not listed anyone by then. One deadline per
-- district (the current roster); moving it keeps the entries.
CREATE TABLE roster_deadlines (
    district_id INTEGER PRIMARY KEY REFERENCES units(id),
    due_on      TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    set_by      INTEGER NOT NULL REFERENCES users(id),
    set_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE roster_entries (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    organisation TEXT NOT NULL CHECK (length(organisation) BETWEEN 1 AND 150),
    days         TEXT NOT NULL CHECK (length(days) BETWEEN 1 AND 200),
    added_by     INTEGER NOT NULL REFERENCES users(id),
    added_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX roster_entries_by_unit ON roster_entries(unit_id, id);

-- Periodic reports: each unit files its six-month and annual QCDC report to the level above (a commune to its
-- district, a district to the province): one document plus the figures the fields below define. The fields are
-- data, so a new figure is a row, not a release. Filing again replaces the earlier filing of that period.
CREATE TABLE periodic_report_fields (
    code     TEXT PRIMARY KEY CHECK (code GLOB '[a-z_]*'),
    title    TEXT NOT NULL,
    position INTEGER NOT NULL
) STRICT;

INSERT INTO periodic_report_fields (code, title, position) VALUES
    ('phieu_thu_duoc', 'Số phiếu khảo sát thu được', 1),
    ('buoi_tuyen_truyen', 'Số buổi tuyên truyền, hội nghị', 2),
    ('kien_nghi_tiep_nhan', 'Số kiến nghị tiếp nhận', 3),
    ('kien_nghi_giai_quyet', 'Số kiến nghị đã giải quyết', 4);

CREATE TABLE periodic_reports (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    period       TEXT NOT NULL CHECK (period IN ('sau_thang', 'ca_nam')),
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
    media_type   TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    size         INTEGER NOT NULL CHECK (size > 0),
    filed_by     INTEGER NOT NULL REFERENCES users(id),
    filed_at     INTEGER NOT NULL,
    UNIQUE (unit_id, year, period)
) STRICT;

CREATE TABLE periodic_report_values (
    report_id  INTEGER NOT NULL REFERENCES periodic_reports(id) ON DELETE CASCADE,
    field_code TEXT NOT NULL REFERENCES periodic_report_fields(code),
    value      INTEGER NOT NULL CHECK (value >= 0),
    PRIMARY KEY (report_id, field_code)
) WITHOUT ROWID, STRICT;
