-- The standard forms follow the 2024 programme (issue 14). A campaign keeps the form version it was created with, so
-- this migration never edits a version: it adds the next version of PKS02, PKS04, PKS05 and PKS07, which campaigns
-- created from now on take (`FormStore.latestVersionID`); running campaigns keep theirs, and their answers, counters
-- and results keep their meaning.
--
-- 1. Forms: the partner organisation the programme assigns to each form (`organisation`, shown on the campaign and
--    the form's admin page), and an owner unit for forms a district or commune builds itself (NULL: a standard form
--    of the province). The owner is a unit code, which outlives the dated unit sets a reform adds.
-- 2. Questions: a condition on `required` — a question may be required only when an option of an earlier question
--    was (`required_when_chosen` = 1) or was not (0) chosen. PKS02 uses it so that a person who never met the
--    chairman is not made to rate the chairman's manner.
-- 3. New versions:
--    PKS02 v+1: "Thái độ, tác phong của Chủ tịch" is required unless q1 "Có từng gặp Chủ tịch?" is "Không".
--    PKS04 v+1: first asks who answers (cá nhân / tổ chức / doanh nghiệp); "Lĩnh vực khác" is followed by a free text.
--    PKS05 v+1: who answers; the province's age bands (dưới 25 / 25–49 / 50–60 / trên 60); the reasons for a long
--               wait include "Công chức xử lý chậm" and "Thủ tục rườm rà"; "Lĩnh vực khác" of the procedure field
--               is followed by a free text.
--    PKS07 v+1: "3 an" is an ninh – an sinh – an toàn: the "an dân" question gives way to an "an sinh" one, placed
--               between an ninh and an toàn.
--    Wording is that of the seeded version 1; the intro is the newest version's (a new one for PKS04 and PKS05).
--    Ids continue above every existing id and above the seeded ranges (10000 upwards), as 0004_seed_forms.sql asks,
--    so a version made on the forms page before this migration keeps its ids.
ALTER TABLE forms ADD COLUMN owner_unit_code TEXT;

ALTER TABLE questions ADD COLUMN required_when_option_id INTEGER REFERENCES options(id);
ALTER TABLE questions ADD COLUMN required_when_chosen INTEGER CHECK (required_when_chosen IN (0, 1));

UPDATE forms SET organisation = CASE code
    WHEN 'PKS01' THEN 'Liên đoàn Lao động'
    WHEN 'PKS02' THEN 'Hội Cựu chiến binh'
    WHEN 'PKS03' THEN 'Hội Nông dân'
    WHEN 'PKS04' THEN 'Tỉnh đoàn (Đoàn Thanh niên)'
    WHEN 'PKS05' THEN 'Tỉnh đoàn (Đoàn Thanh niên)'
    WHEN 'PKS06' THEN 'Hội Liên hiệp Phụ nữ'
    WHEN 'PKS07' THEN 'Tổ dân vận'
    ELSE organisation END;

-- The new versions' content, by position: a follow-up or a condition names the position of an earlier question of
-- the same version and the position of its option.
CREATE TEMP TABLE new_versions (
    form_code TEXT PRIMARY KEY,
    intro     TEXT,
    id        INTEGER,
    version   INTEGER
);
CREATE TEMP TABLE new_questions (
    seq                    INTEGER PRIMARY KEY,
    form_code              TEXT NOT NULL,
    position               INTEGER NOT NULL,
    kind                   TEXT NOT NULL,
    text                   TEXT NOT NULL,
    help                   TEXT NOT NULL,
    required               INTEGER NOT NULL,
    evaluative             INTEGER NOT NULL,
    fact                   TEXT,
    show_if_question       INTEGER,
    show_if_option         INTEGER,
    required_when_question INTEGER,
    required_when_option   INTEGER,
    required_when_chosen   INTEGER,
    id                     INTEGER
);
CREATE TEMP TABLE new_options (
    seq               INTEGER PRIMARY KEY,
    form_code         TEXT NOT NULL,
    question_position INTEGER NOT NULL,
    position          INTEGER NOT NULL,
    label             TEXT NOT NULL,
    polarity          TEXT,
    id                INTEGER
);

INSERT INTO new_versions (form_code, intro) VALUES
    ('PKS02', NULL),
    ('PKS04', 'Phiếu khảo sát không ghi tên, ý kiến của Anh/Chị được giữ bí mật. Kính mời Anh/Chị (cá nhân, đại diện tổ chức hoặc doanh nghiệp) dành ít phút đánh giá việc giải quyết thủ tục hành chính tại xã, phường để chính quyền phục vụ ngày càng tốt hơn.'),
    ('PKS05', 'Phiếu khảo sát không ghi tên, ý kiến của Anh/Chị được giữ bí mật. Kính mời Anh/Chị (cá nhân, đại diện tổ chức hoặc doanh nghiệp) vừa giao dịch tại Bộ phận Tiếp nhận và Trả kết quả (Bộ phận Một cửa) dành ít phút đánh giá chất lượng phục vụ của công chức.'),
    ('PKS07', NULL);

-- PKS02
INSERT INTO new_questions (form_code, position, kind, text, help, required, evaluative, fact,
                           show_if_question, show_if_option, required_when_question, required_when_option,
                           required_when_chosen) VALUES
    ('PKS02', 1, 'yes_no', 'Anh/Chị có từng gặp, làm việc trực tiếp với Chủ tịch UBND xã, phường không?', '', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS02', 2, 'single', 'Khi cần, Anh/Chị có dễ dàng gặp, liên hệ được với Chủ tịch UBND xã, phường không?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS02', 3, 'single', 'Anh/Chị đánh giá thế nào về việc tiếp công dân định kỳ của Chủ tịch UBND xã, phường?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS02', 4, 'single', 'Anh/Chị đánh giá thế nào về việc Chủ tịch UBND xã, phường đối thoại, lắng nghe ý kiến của Nhân dân (hội nghị đối thoại, tiếp xúc cử tri, họp thôn, tổ dân phố...)?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS02', 5, 'single', 'Các kiến nghị, phản ánh, khiếu nại của người dân có được Chủ tịch UBND xã, phường xem xét, giải quyết kịp thời, thỏa đáng không?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS02', 6, 'single', 'Thái độ, tác phong của Chủ tịch UBND xã, phường khi làm việc với Nhân dân như thế nào?', '', 1, 1, NULL, NULL, NULL, 1, 2, 0),
    ('PKS02', 7, 'single', 'Chủ tịch UBND xã, phường có dám nghĩ, dám làm, dám chịu trách nhiệm trước những vấn đề bức xúc ở địa phương không?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS02', 8, 'single', 'Anh/Chị đánh giá thế nào về hiệu quả chỉ đạo, điều hành của Chủ tịch UBND xã, phường trong phát triển kinh tế - xã hội, giữ gìn trật tự ở địa phương?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS02', 9, 'single', 'Nhìn chung, Anh/Chị hài lòng với Chủ tịch UBND xã, phường ở mức độ nào?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS02', 10, 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO new_options (form_code, question_position, position, label, polarity) VALUES
    ('PKS02', 1, 1, 'Có', NULL),
    ('PKS02', 1, 2, 'Không', NULL),
    ('PKS02', 2, 1, 'Dễ dàng gặp, liên hệ', 'positive'),
    ('PKS02', 2, 2, 'Gặp được nhưng phải chờ đợi', 'neutral'),
    ('PKS02', 2, 3, 'Rất khó gặp, liên hệ', 'negative'),
    ('PKS02', 3, 1, 'Hài lòng', 'positive'),
    ('PKS02', 3, 2, 'Bình thường', 'neutral'),
    ('PKS02', 3, 3, 'Không hài lòng', 'negative'),
    ('PKS02', 4, 1, 'Hài lòng', 'positive'),
    ('PKS02', 4, 2, 'Bình thường', 'neutral'),
    ('PKS02', 4, 3, 'Không hài lòng', 'negative'),
    ('PKS02', 5, 1, 'Kịp thời, thỏa đáng', 'positive'),
    ('PKS02', 5, 2, 'Có giải quyết nhưng còn chậm hoặc chưa thỏa đáng', 'neutral'),
    ('PKS02', 5, 3, 'Không được xem xét, giải quyết', 'negative'),
    ('PKS02', 6, 1, 'Gần gũi, tôn trọng, lắng nghe', 'positive'),
    ('PKS02', 6, 2, 'Bình thường', 'neutral'),
    ('PKS02', 6, 3, 'Hách dịch, thiếu tôn trọng', 'negative'),
    ('PKS02', 7, 1, 'Chủ động, quyết liệt, dám chịu trách nhiệm', 'positive'),
    ('PKS02', 7, 2, 'Có nhưng chưa quyết liệt', 'neutral'),
    ('PKS02', 7, 3, 'Né tránh, đùn đẩy trách nhiệm', 'negative'),
    ('PKS02', 8, 1, 'Hài lòng', 'positive'),
    ('PKS02', 8, 2, 'Bình thường', 'neutral'),
    ('PKS02', 8, 3, 'Không hài lòng', 'negative'),
    ('PKS02', 9, 1, 'Rất hài lòng', 'positive'),
    ('PKS02', 9, 2, 'Hài lòng', 'positive'),
    ('PKS02', 9, 3, 'Bình thường', 'neutral'),
    ('PKS02', 9, 4, 'Không hài lòng', 'negative'),
    ('PKS02', 9, 5, 'Rất không hài lòng', 'negative');

-- PKS04
INSERT INTO new_questions (form_code, position, kind, text, help, required, evaluative, fact,
                           show_if_question, show_if_option, required_when_question, required_when_option,
                           required_when_chosen) VALUES
    ('PKS04', 1, 'single', 'Anh/Chị trả lời phiếu này với tư cách là', '', 1, 0, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS04', 2, 'single', 'Thủ tục hành chính Anh/Chị giải quyết thuộc lĩnh vực nào?', '', 0, 0, 'procedure_field', NULL, NULL, NULL, NULL, NULL),
    ('PKS04', 3, 'short_text', 'Lĩnh vực khác (ghi rõ)', '', 0, 0, NULL, 2, 6, NULL, NULL, NULL),
    ('PKS04', 4, 'single', 'Việc tìm hiểu thông tin về thủ tục hành chính (thành phần hồ sơ, trình tự, thời hạn giải quyết, phí, lệ phí) có dễ dàng không?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS04', 5, 'single', 'Giấy tờ, hồ sơ Anh/Chị phải nộp có đúng như quy định đã công khai không?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS04', 6, 'single', 'Thời gian giải quyết hồ sơ so với ngày hẹn trả kết quả như thế nào?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS04', 7, 'single', 'Phí, lệ phí Anh/Chị phải nộp có đúng mức đã niêm yết công khai không?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS04', 8, 'single', 'Anh/Chị nộp hồ sơ theo hình thức nào?', '', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS04', 9, 'single', 'Anh/Chị đánh giá thế nào về dịch vụ công trực tuyến (dễ truy cập, dễ thao tác, được hỗ trợ khi cần)?', '', 1, 1, NULL, 8, 1, NULL, NULL, NULL),
    ('PKS04', 10, 'single', 'Anh/Chị đánh giá thế nào về thái độ và sự hướng dẫn của cán bộ, công chức tiếp nhận, giải quyết hồ sơ?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS04', 11, 'single', 'Nhìn chung, Anh/Chị hài lòng với việc giải quyết thủ tục hành chính ở mức độ nào?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS04', 12, 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO new_options (form_code, question_position, position, label, polarity) VALUES
    ('PKS04', 1, 1, 'Cá nhân', NULL),
    ('PKS04', 1, 2, 'Tổ chức', NULL),
    ('PKS04', 1, 3, 'Doanh nghiệp', NULL),
    ('PKS04', 2, 1, 'Đất đai', NULL),
    ('PKS04', 2, 2, 'Chứng thực', NULL),
    ('PKS04', 2, 3, 'Hộ tịch', NULL),
    ('PKS04', 2, 4, 'Người có công', NULL),
    ('PKS04', 2, 5, 'Bảo trợ xã hội', NULL),
    ('PKS04', 2, 6, 'Lĩnh vực khác', NULL),
    ('PKS04', 4, 1, 'Dễ dàng, đầy đủ', 'positive'),
    ('PKS04', 4, 2, 'Bình thường', 'neutral'),
    ('PKS04', 4, 3, 'Khó khăn, thiếu thông tin', 'negative'),
    ('PKS04', 5, 1, 'Đúng như quy định đã công khai', 'positive'),
    ('PKS04', 5, 2, 'Phải bổ sung, hoàn thiện hồ sơ một lần theo hướng dẫn', 'neutral'),
    ('PKS04', 5, 3, 'Phải nộp thêm giấy tờ ngoài quy định hoặc bổ sung nhiều lần', 'negative'),
    ('PKS04', 6, 1, 'Sớm hơn ngày hẹn', 'positive'),
    ('PKS04', 6, 2, 'Đúng ngày hẹn', 'positive'),
    ('PKS04', 6, 3, 'Trễ hẹn', 'negative'),
    ('PKS04', 7, 1, 'Đúng mức niêm yết (hoặc không phải nộp)', 'positive'),
    ('PKS04', 7, 2, 'Cao hơn mức niêm yết hoặc phải nộp khoản ngoài quy định', 'negative'),
    ('PKS04', 8, 1, 'Nộp trực tuyến qua Cổng Dịch vụ công', NULL),
    ('PKS04', 8, 2, 'Nộp trực tiếp tại Bộ phận Một cửa', NULL),
    ('PKS04', 8, 3, 'Nộp qua dịch vụ bưu chính công ích', NULL),
    ('PKS04', 9, 1, 'Hài lòng', 'positive'),
    ('PKS04', 9, 2, 'Bình thường', 'neutral'),
    ('PKS04', 9, 3, 'Không hài lòng', 'negative'),
    ('PKS04', 10, 1, 'Hài lòng', 'positive'),
    ('PKS04', 10, 2, 'Bình thường', 'neutral'),
    ('PKS04', 10, 3, 'Không hài lòng', 'negative'),
    ('PKS04', 11, 1, 'Rất hài lòng', 'positive'),
    ('PKS04', 11, 2, 'Hài lòng', 'positive'),
    ('PKS04', 11, 3, 'Bình thường', 'neutral'),
    ('PKS04', 11, 4, 'Không hài lòng', 'negative'),
    ('PKS04', 11, 5, 'Rất không hài lòng', 'negative');

-- PKS05
INSERT INTO new_questions (form_code, position, kind, text, help, required, evaluative, fact,
                           show_if_question, show_if_option, required_when_question, required_when_option,
                           required_when_chosen) VALUES
    ('PKS05', 1, 'single', 'Anh/Chị trả lời phiếu này với tư cách là', '', 1, 0, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 2, 'single', 'Độ tuổi của Anh/Chị', '', 0, 0, 'age_band', NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 3, 'single', 'Giới tính của Anh/Chị', '', 0, 0, 'gender', NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 4, 'single', 'Anh/Chị đến giải quyết thủ tục hành chính thuộc lĩnh vực nào?', '', 0, 0, 'procedure_field', NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 5, 'short_text', 'Lĩnh vực khác (ghi rõ)', '', 0, 0, NULL, 4, 6, NULL, NULL, NULL),
    ('PKS05', 6, 'single', 'Thời gian chờ đợi đến lượt được tiếp nhận hồ sơ', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 7, 'single', 'Nếu chờ đợi rất lâu, theo Anh/Chị vì sao?', '', 0, 0, NULL, 6, 3, NULL, NULL, NULL),
    ('PKS05', 8, 'single', 'Thái độ của công chức khi tiếp nhận, giải quyết hồ sơ', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 9, 'single', 'Việc hướng dẫn kê khai, hoàn thiện hồ sơ của công chức', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 10, 'single', 'Năng lực, kỹ năng giải quyết công việc của công chức', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 11, 'single', 'Thời gian giải quyết hồ sơ gần nhất của Anh/Chị so với ngày hẹn trả kết quả', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 12, 'yes_no', 'Anh/Chị có được thông báo, xin lỗi về việc trễ hẹn không?', '', 1, 1, NULL, 11, 3, NULL, NULL, NULL),
    ('PKS05', 13, 'yes_no', 'Trong quá trình giải quyết hồ sơ, có ai gợi ý Anh/Chị trả thêm tiền ngoài phí, lệ phí theo quy định không?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 14, 'single', 'Trong lĩnh vực nào?', 'Lĩnh vực thủ tục hành chính mà Anh/Chị được gợi ý trả thêm tiền.', 1, 0, NULL, 13, 1, NULL, NULL, NULL),
    ('PKS05', 15, 'single', 'Nhìn chung, Anh/Chị hài lòng với chất lượng phục vụ của Bộ phận Một cửa ở mức độ nào?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS05', 16, 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO new_options (form_code, question_position, position, label, polarity) VALUES
    ('PKS05', 1, 1, 'Cá nhân', NULL),
    ('PKS05', 1, 2, 'Tổ chức', NULL),
    ('PKS05', 1, 3, 'Doanh nghiệp', NULL),
    ('PKS05', 2, 1, 'Dưới 25 tuổi', NULL),
    ('PKS05', 2, 2, 'Từ 25 đến 49 tuổi', NULL),
    ('PKS05', 2, 3, 'Từ 50 đến 60 tuổi', NULL),
    ('PKS05', 2, 4, 'Trên 60 tuổi', NULL),
    ('PKS05', 3, 1, 'Nam', NULL),
    ('PKS05', 3, 2, 'Nữ', NULL),
    ('PKS05', 3, 3, 'Khác', NULL),
    ('PKS05', 4, 1, 'Đất đai', NULL),
    ('PKS05', 4, 2, 'Chứng thực', NULL),
    ('PKS05', 4, 3, 'Hộ tịch', NULL),
    ('PKS05', 4, 4, 'Người có công', NULL),
    ('PKS05', 4, 5, 'Bảo trợ xã hội', NULL),
    ('PKS05', 4, 6, 'Lĩnh vực khác', NULL),
    ('PKS05', 6, 1, 'Nhanh chóng', 'positive'),
    ('PKS05', 6, 2, 'Bình thường, theo thứ tự', 'neutral'),
    ('PKS05', 6, 3, 'Chờ đợi rất lâu', 'negative'),
    ('PKS05', 7, 1, 'Đông người chờ', NULL),
    ('PKS05', 7, 2, 'Thiếu công chức tiếp nhận', NULL),
    ('PKS05', 7, 3, 'Công chức xử lý chậm', NULL),
    ('PKS05', 7, 4, 'Thủ tục rườm rà', NULL),
    ('PKS05', 7, 5, 'Công chức vắng mặt hoặc làm việc riêng', NULL),
    ('PKS05', 7, 6, 'Hệ thống, thiết bị gặp sự cố', NULL),
    ('PKS05', 7, 7, 'Lý do khác', NULL),
    ('PKS05', 8, 1, 'Lịch sự, tận tình', 'positive'),
    ('PKS05', 8, 2, 'Bình thường', 'neutral'),
    ('PKS05', 8, 3, 'Thiếu tôn trọng, gây khó khăn', 'negative'),
    ('PKS05', 9, 1, 'Rõ ràng, đầy đủ, dễ hiểu', 'positive'),
    ('PKS05', 9, 2, 'Bình thường', 'neutral'),
    ('PKS05', 9, 3, 'Khó hiểu, phải đi lại nhiều lần', 'negative'),
    ('PKS05', 10, 1, 'Thành thạo, chính xác', 'positive'),
    ('PKS05', 10, 2, 'Bình thường', 'neutral'),
    ('PKS05', 10, 3, 'Lúng túng, hay sai sót', 'negative'),
    ('PKS05', 11, 1, 'Sớm hơn hẹn', 'positive'),
    ('PKS05', 11, 2, 'Đúng hẹn', 'positive'),
    ('PKS05', 11, 3, 'Trễ hẹn', 'negative'),
    ('PKS05', 12, 1, 'Có', 'positive'),
    ('PKS05', 12, 2, 'Không', 'negative'),
    ('PKS05', 13, 1, 'Có', 'negative'),
    ('PKS05', 13, 2, 'Không', 'positive'),
    ('PKS05', 14, 1, 'Đất đai', NULL),
    ('PKS05', 14, 2, 'Chứng thực', NULL),
    ('PKS05', 14, 3, 'Hộ tịch', NULL),
    ('PKS05', 14, 4, 'Người có công', NULL),
    ('PKS05', 14, 5, 'Bảo trợ xã hội', NULL),
    ('PKS05', 14, 6, 'Lĩnh vực khác', NULL),
    ('PKS05', 15, 1, 'Rất hài lòng', 'positive'),
    ('PKS05', 15, 2, 'Hài lòng', 'positive'),
    ('PKS05', 15, 3, 'Bình thường', 'neutral'),
    ('PKS05', 15, 4, 'Không hài lòng', 'negative');

-- PKS07
INSERT INTO new_questions (form_code, position, kind, text, help, required, evaluative, fact,
                           show_if_question, show_if_option, required_when_question, required_when_option,
                           required_when_chosen) VALUES
    ('PKS07', 1, 'single', 'Dân biết: Anh/Chị đánh giá thế nào về việc chính quyền thông tin, công khai chủ trương, chính sách và các công việc của địa phương để Nhân dân biết?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 2, 'single', 'Dân bàn: Anh/Chị đánh giá thế nào về việc Nhân dân được bàn bạc, góp ý kiến trước khi chính quyền quyết định những việc quan trọng ở địa phương?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 3, 'single', 'Dân làm: Anh/Chị đánh giá thế nào về việc Nhân dân được tham gia thực hiện các phong trào, công trình, dự án ở địa phương?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 4, 'single', 'Dân kiểm tra, dân giám sát: Anh/Chị đánh giá thế nào về việc Nhân dân được kiểm tra, giám sát hoạt động của chính quyền và cán bộ, công chức?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 5, 'single', 'Dân thụ hưởng: Anh/Chị đánh giá thế nào về việc Nhân dân được thụ hưởng thành quả phát triển của địa phương (đời sống, hạ tầng, y tế, giáo dục...)?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 6, 'single', 'An ninh: Tình hình an ninh, trật tự nơi Anh/Chị sinh sống như thế nào?', 'Tiêu chí “3 an”: an ninh – an sinh – an toàn.', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 7, 'single', 'An sinh: Anh/Chị đánh giá thế nào về việc chính quyền thực hiện các chính sách an sinh xã hội ở địa phương (hỗ trợ hộ nghèo, người có công, người cao tuổi, bảo trợ xã hội, bảo hiểm y tế...)?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 8, 'single', 'An toàn: Anh/Chị có cảm thấy an toàn khi sinh sống, đi lại, làm ăn ở địa phương (an toàn giao thông, phòng cháy, chữa cháy, vệ sinh thực phẩm...) không?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 9, 'single', 'Anh/Chị đánh giá thế nào về tinh thần thân thiện, gần dân, trọng dân, vì dân của cán bộ, công chức xã, phường?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 10, 'single', 'Nhìn chung, Anh/Chị hài lòng với chính quyền xã, phường nơi mình sinh sống ở mức độ nào?', '', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
    ('PKS07', 11, 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO new_options (form_code, question_position, position, label, polarity) VALUES
    ('PKS07', 1, 1, 'Hài lòng', 'positive'),
    ('PKS07', 1, 2, 'Bình thường', 'neutral'),
    ('PKS07', 1, 3, 'Không hài lòng', 'negative'),
    ('PKS07', 2, 1, 'Hài lòng', 'positive'),
    ('PKS07', 2, 2, 'Bình thường', 'neutral'),
    ('PKS07', 2, 3, 'Không hài lòng', 'negative'),
    ('PKS07', 3, 1, 'Hài lòng', 'positive'),
    ('PKS07', 3, 2, 'Bình thường', 'neutral'),
    ('PKS07', 3, 3, 'Không hài lòng', 'negative'),
    ('PKS07', 4, 1, 'Hài lòng', 'positive'),
    ('PKS07', 4, 2, 'Bình thường', 'neutral'),
    ('PKS07', 4, 3, 'Không hài lòng', 'negative'),
    ('PKS07', 5, 1, 'Hài lòng', 'positive'),
    ('PKS07', 5, 2, 'Bình thường', 'neutral'),
    ('PKS07', 5, 3, 'Không hài lòng', 'negative'),
    ('PKS07', 6, 1, 'Ổn định, bảo đảm', 'positive'),
    ('PKS07', 6, 2, 'Cơ bản ổn định', 'neutral'),
    ('PKS07', 6, 3, 'Phức tạp, đáng lo ngại', 'negative'),
    ('PKS07', 7, 1, 'Kịp thời, đúng đối tượng', 'positive'),
    ('PKS07', 7, 2, 'Có thực hiện nhưng chưa kịp thời, đầy đủ', 'neutral'),
    ('PKS07', 7, 3, 'Chưa quan tâm, thiếu công bằng', 'negative'),
    ('PKS07', 8, 1, 'An toàn', 'positive'),
    ('PKS07', 8, 2, 'Tương đối an toàn', 'neutral'),
    ('PKS07', 8, 3, 'Không an toàn', 'negative'),
    ('PKS07', 9, 1, 'Hài lòng', 'positive'),
    ('PKS07', 9, 2, 'Bình thường', 'neutral'),
    ('PKS07', 9, 3, 'Không hài lòng', 'negative'),
    ('PKS07', 10, 1, 'Rất hài lòng', 'positive'),
    ('PKS07', 10, 2, 'Hài lòng', 'positive'),
    ('PKS07', 10, 3, 'Bình thường', 'neutral'),
    ('PKS07', 10, 4, 'Không hài lòng', 'negative'),
    ('PKS07', 10, 5, 'Rất không hài lòng', 'negative');

-- Ids: versions after the newest; questions and options above every existing id and above the seeded ranges.
UPDATE new_versions SET
    id = (SELECT max(id) FROM form_versions)
         + (SELECT count(*) FROM new_versions earlier WHERE earlier.form_code <= new_versions.form_code),
    version = (SELECT max(v.version) + 1 FROM form_versions v JOIN forms f ON f.id = v.form_id
               WHERE f.code = new_versions.form_code),
    intro = coalesce(intro, (SELECT v.intro FROM form_versions v JOIN forms f ON f.id = v.form_id
                             WHERE f.code = new_versions.form_code ORDER BY v.version DESC LIMIT 1));
UPDATE new_questions SET id = max(coalesce((SELECT max(id) FROM questions), 0), 9999) + seq;
UPDATE new_options SET id = max(coalesce((SELECT max(id) FROM options), 0), 9999) + seq;

INSERT INTO form_versions (id, form_id, version, intro, created_at)
SELECT n.id, f.id, n.version, n.intro, CAST(strftime('%s', 'now') AS INTEGER)
FROM new_versions n JOIN forms f ON f.code = n.form_code ORDER BY n.id;

-- Questions first without their references, then the options, then the references (a follow-up points at an option
-- of an earlier question, and options point at their question).
INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact)
SELECT q.id, n.id, q.position, 'q' || q.position, q.kind, q.text, q.help, q.required, q.evaluative, q.fact
FROM new_questions q JOIN new_versions n ON n.form_code = q.form_code ORDER BY q.seq;

INSERT INTO options (id, question_id, position, label, polarity)
SELECT o.id, q.id, o.position, o.label, o.polarity
FROM new_options o JOIN new_questions q ON q.form_code = o.form_code AND q.position = o.question_position
ORDER BY o.seq;

UPDATE questions SET
    show_if_option_id = (
        SELECT o.id FROM new_questions q
        JOIN new_questions parent ON parent.form_code = q.form_code AND parent.position = q.show_if_question
        JOIN new_options o ON o.form_code = q.form_code AND o.question_position = parent.position
                          AND o.position = q.show_if_option
        WHERE q.id = questions.id),
    required_when_option_id = (
        SELECT o.id FROM new_questions q
        JOIN new_questions earlier ON earlier.form_code = q.form_code AND earlier.position = q.required_when_question
        JOIN new_options o ON o.form_code = q.form_code AND o.question_position = earlier.position
                          AND o.position = q.required_when_option
        WHERE q.id = questions.id),
    required_when_chosen = (SELECT q.required_when_chosen FROM new_questions q WHERE q.id = questions.id)
WHERE id IN (SELECT id FROM new_questions);

DROP TABLE new_versions;
DROP TABLE new_questions;
DROP TABLE new_options;
