-- The recognition dossier (issue 13): the criteria a commune (or a district steering committee) is scored on, as
-- data the province edits, and each unit's dossier for a year on its way from self-scoring through the district's
-- review to the province's decision. Points are REAL: criteria are scored in halves and quarters.

-- A criteria set: one year, one subject kind, one version. The newest version of (year, kind) is the one a new
-- dossier takes. A set a dossier uses is frozen (the stores refuse to edit it); a change is made on a copy, a new
-- version. `pass_total` is the province's setting, not a figure of any public document (80 by default).
CREATE TABLE criteria_sets (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('commune', 'district_committee')),
    version      INTEGER NOT NULL CHECK (version >= 1),
    title        TEXT NOT NULL,
    pass_total   REAL NOT NULL CHECK (pass_total >= 0),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (year, subject_kind, version)
) STRICT;

-- Criteria and sub-criteria ('2' and '2.1', '2.2': a sub-criterion names its parent). Scores are given on the
-- criteria without sub-criteria; a parent's points are its sub-criteria's sum. `minimum_points` (optional) is part
-- of the pass rule; the one `satisfaction` criterion takes its self score from the year's satisfaction index.
CREATE TABLE criteria (
    id             INTEGER PRIMARY KEY,
    set_id         INTEGER NOT NULL REFERENCES criteria_sets(id) ON DELETE CASCADE,
    code           TEXT NOT NULL,
    parent_code    TEXT,
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    max_points     REAL NOT NULL CHECK (max_points > 0),
    minimum_points REAL CHECK (minimum_points IS NULL OR minimum_points >= 0),
    satisfaction   INTEGER NOT NULL DEFAULT 0 CHECK (satisfaction IN (0, 1)),
    UNIQUE (set_id, code)
) STRICT;

-- The satisfaction criterion's points from the year's index (0–100): the band with the highest minimum the index
-- reaches. Shown on every dossier page.
CREATE TABLE criteria_satisfaction_bands (
    set_id        INTEGER NOT NULL REFERENCES criteria_sets(id) ON DELETE CASCADE,
    minimum_index REAL NOT NULL CHECK (minimum_index BETWEEN 0 AND 100),
    points        REAL NOT NULL CHECK (points >= 0),
    PRIMARY KEY (set_id, minimum_index)
) WITHOUT ROWID, STRICT;

-- The documents a dossier carries: `uploaded_by` says whose they are, the unit the dossier is about ('subject':
-- the commune, or the district for its own committee's dossier) or its reviewer at review ('reviewer': the
-- district's approval of a commune's dossier).
CREATE TABLE criteria_document_kinds (
    set_id      INTEGER NOT NULL REFERENCES criteria_sets(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    required    INTEGER NOT NULL CHECK (required IN (0, 1)),
    uploaded_by TEXT NOT NULL CHECK (uploaded_by IN ('subject', 'reviewer')),
    PRIMARY KEY (set_id, code)
) WITHOUT ROWID, STRICT;

-- One dossier per year and unit code (a commune keeps its code across unit sets; `unit_id` is the unit as it was
-- when the dossier was started). States: draft → submitted → (returned → submitted …) → district_reviewed →
-- decided; a district committee's dossier goes submitted → decided. `recognised`, the decision's number and date
-- are set together when decided.
CREATE TABLE dossiers (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL,
    unit_code       TEXT NOT NULL,
    unit_id         INTEGER NOT NULL REFERENCES units(id),
    subject_kind    TEXT NOT NULL CHECK (subject_kind IN ('commune', 'district_committee')),
    criteria_set_id INTEGER NOT NULL REFERENCES criteria_sets(id),
    state           TEXT NOT NULL
                    CHECK (state IN ('draft', 'submitted', 'returned', 'district_reviewed', 'decided')),
    recognised      INTEGER CHECK (recognised IN (0, 1)),
    decision_number TEXT,
    decision_date   TEXT CHECK (decision_date IS NULL OR
                                decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (year, unit_code),
    CHECK ((state = 'decided') = (recognised IS NOT NULL))
) STRICT;
CREATE INDEX dossiers_by_set ON dossiers(criteria_set_id);

-- Every score ever given: a change is a new row, so the history per criterion is kept. The current score of a
-- criterion at a stage is its newest row.
CREATE TABLE dossier_scores (
    id             INTEGER PRIMARY KEY,
    dossier_id     INTEGER NOT NULL REFERENCES dossiers(id),
    criterion_code TEXT NOT NULL,
    stage          TEXT NOT NULL CHECK (stage IN ('self', 'district', 'province')),
    points         REAL NOT NULL CHECK (points >= 0),
    note           TEXT NOT NULL DEFAULT '',
    user_id        INTEGER REFERENCES users(id),
    username       TEXT NOT NULL,
    at             INTEGER NOT NULL
) STRICT;
CREATE INDEX dossier_scores_by_dossier ON dossier_scores(dossier_id, criterion_code, stage, id);

-- The dossier's timeline: every transition with who, when and the comment (also written to the audit log).
CREATE TABLE dossier_events (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
    action     TEXT NOT NULL,
    from_state TEXT,
    to_state   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    user_id    INTEGER REFERENCES users(id),
    username   TEXT NOT NULL,
    at         INTEGER NOT NULL
) STRICT;
CREATE INDEX dossier_events_by_dossier ON dossier_events(dossier_id, id);

-- A stored upload: the file lives in the content-addressed store under its SHA-256 (64 lowercase hex); the
-- original name is data, never a path. Removing a document marks it removed (the row and the file stay).
CREATE TABLE dossier_documents (
    id           INTEGER PRIMARY KEY,
    dossier_id   INTEGER NOT NULL REFERENCES dossiers(id),
    kind_code    TEXT NOT NULL,
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
    size         INTEGER NOT NULL CHECK (size >= 0),
    media_type   TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    user_id      INTEGER REFERENCES users(id),
    username     TEXT NOT NULL,
    uploaded_at  INTEGER NOT NULL,
    removed_at   INTEGER,
    removed_by   TEXT
) STRICT;
CREATE INDEX dossier_documents_by_dossier ON dossier_documents(dossier_id, kind_code, id);

-- The seeded sets: the province's current commune set and a district committee set (programme item 7, scored by
-- the province), for 2024 and 2026.
INSERT INTO criteria_sets (year, subject_kind, version, title, pass_total, created_at, updated_at) VALUES
    (2024, 'commune', 1, 'Tiêu chí công nhận xã đạt chuẩn "chính quyền thân thiện" năm 2024', 80, 0, 0),
    (2026, 'commune', 1, 'Tiêu chí công nhận xã đạt chuẩn "chính quyền thân thiện" năm 2026', 80, 0, 0),
    (2024, 'district_committee', 1, 'Tiêu chí đánh giá Ban Chỉ đạo QCDC cấp huyện năm 2024', 80, 0, 0),
    (2026, 'district_committee', 1, 'Tiêu chí đánh giá Ban Chỉ đạo QCDC cấp huyện năm 2026', 80, 0, 0);

INSERT INTO criteria (set_id, code, parent_code, position, title, max_points, minimum_points, satisfaction)
SELECT s.id, c.column1, c.column2, c.column3, c.column4, c.column5, c.column6, c.column7
FROM criteria_sets s JOIN (VALUES
    ('1', NULL, 1, 'Thực hiện Quy chế dân chủ ở cơ sở và phát huy chính quyền thân thiện', 20, 10, 0),
    ('1.1', '1', 2, 'Công khai, minh bạch thông tin theo Luật Thực hiện dân chủ ở cơ sở', 8, NULL, 0),
    ('1.2', '1', 3, 'Xây dựng, duy trì mô hình "chính quyền thân thiện"', 7, NULL, 0),
    ('1.3', '1', 4, 'Phát huy vai trò giám sát của Mặt trận, đoàn thể và Ban Thanh tra nhân dân', 5, NULL, 0),
    ('2', NULL, 5, 'Cải cách hành chính', 25, 12.5, 0),
    ('2.1', '2', 6, 'Giải quyết thủ tục hành chính đúng hạn, công khai', 10, NULL, 0),
    ('2.2', '2', 7, 'Dịch vụ công trực tuyến và chuyển đổi số', 8, NULL, 0),
    ('2.3', '2', 8, 'Bộ phận một cửa: cơ sở vật chất, niêm yết, hướng dẫn', 7, NULL, 0),
    ('3', NULL, 9, 'Văn hóa công sở, quy tắc ứng xử', 20, 10, 0),
    ('3.1', '3', 10, 'Trang phục, thẻ công chức, thái độ giao tiếp với người dân', 10, NULL, 0),
    ('3.2', '3', 11, 'Chấp hành kỷ luật, kỷ cương hành chính', 10, NULL, 0),
    ('4', NULL, 12, 'Tiếp công dân, đối thoại, giải quyết khiếu nại, tố cáo', 15, 7.5, 0),
    ('5', NULL, 13, 'Sự hài lòng của cán bộ, người dân, tổ chức, doanh nghiệp', 20, NULL, 1)
) c WHERE s.subject_kind = 'commune';

INSERT INTO criteria (set_id, code, parent_code, position, title, max_points, minimum_points, satisfaction)
SELECT s.id, c.column1, NULL, c.column2, c.column3, c.column4, NULL, c.column5
FROM criteria_sets s JOIN (VALUES
    ('1', 1, 'Ban hành kế hoạch, văn bản chỉ đạo, hướng dẫn thực hiện QCDC và mô hình "chính quyền thân thiện"', 20, 0),
    ('2', 2, 'Kiểm tra, giám sát, đôn đốc các xã trên địa bàn', 20, 0),
    ('3', 3, 'Tổ chức khảo sát, báo cáo ngày và tổng hợp kết quả đúng hạn', 20, 0),
    ('4', 4, 'Thẩm định hồ sơ công nhận của các xã đúng quy trình, đúng hạn', 15, 0),
    ('5', 5, 'Sự hài lòng của người dân, tổ chức trên địa bàn huyện (chỉ số gộp các xã)', 15, 1),
    ('6', 6, 'Tỷ lệ xã trên địa bàn đạt chuẩn "chính quyền thân thiện"', 10, 0)
) c WHERE s.subject_kind = 'district_committee';

INSERT INTO criteria_satisfaction_bands (set_id, minimum_index, points)
SELECT s.id, b.column1, b.column2
FROM criteria_sets s JOIN (VALUES
    (90, 20), (85, 18), (80, 16), (75, 14), (70, 12), (65, 10), (60, 8), (50, 5), (0, 0)
) b WHERE s.subject_kind = 'commune';

INSERT INTO criteria_satisfaction_bands (set_id, minimum_index, points)
SELECT s.id, b.column1, b.column2
FROM criteria_sets s JOIN (VALUES
    (90, 15), (85, 13), (80, 12), (75, 10), (70, 9), (60, 6), (50, 4), (0, 0)
) b WHERE s.subject_kind = 'district_committee';

INSERT INTO criteria_document_kinds (set_id, code, position, title, required, uploaded_by)
SELECT s.id, k.column1, k.column2, k.column3, k.column4, k.column5
FROM criteria_sets s JOIN (VALUES
    ('to_trinh', 1, 'Tờ trình đề nghị công nhận', 1, 'subject'),
    ('bao_cao', 2, 'Báo cáo kết quả thực hiện', 1, 'subject'),
    ('tu_cham', 3, 'Bảng tự chấm điểm', 1, 'subject'),
    ('dang_ky_mo_hinh', 4, 'Đăng ký xây dựng mô hình', 0, 'subject'),
    ('phe_duyet_huyen', 5, 'Văn bản phê duyệt của Ban Chỉ đạo cấp huyện', 1, 'reviewer')
) k WHERE s.subject_kind = 'commune';

INSERT INTO criteria_document_kinds (set_id, code, position, title, required, uploaded_by)
SELECT s.id, k.column1, k.column2, k.column3, k.column4, 'subject'
FROM criteria_sets s JOIN (VALUES
    ('to_trinh', 1, 'Tờ trình', 1),
    ('bao_cao', 2, 'Báo cáo kết quả thực hiện', 1),
    ('tu_cham', 3, 'Bảng tự chấm điểm', 1)
) k WHERE s.subject_kind = 'district_committee';
