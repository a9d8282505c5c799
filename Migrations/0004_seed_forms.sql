-- Seed data: survey forms PKS01–PKS07, version 1 each, with their questions and options (schema: 0003_forms.sql).
--
-- Ids are explicit and derived from position, so that follow-up questions, tests and fixtures can name them:
--   forms.id          = 1..7 for PKS01..PKS07
--   form_versions.id  = forms.id (each form has exactly one seeded version, version = 1)
--   questions.id      = form number * 100 + position    e.g. PKS02 question 3 -> 203
--   options.id        = question id * 10 + position     e.g. question 203 option 1 -> 2031
--   questions.code    = 'q' || position
-- Positions stay below 100 (questions) and 10 (options), so the ranges never collide. A later version of a form
-- must use ids outside these ranges (e.g. from 10000 upwards), never reuse or renumber these rows.
--
-- Polarity: every option of an evaluative question (evaluative = 1) has a polarity; options of
-- non-evaluative questions have NULL. For yes/no questions "Không" may be the good answer
-- (e.g. "có ai gợi ý trả thêm tiền không?" -> Không = positive).
-- fact: optional respondent facts used only for breakdowns (age band, gender, procedure field); never name, phone
-- or identity number.
-- Follow-ups: show_if_option_id points at an option of an earlier question in the same version. For a follow-up,
-- required = 1 means "required when shown"; a follow-up that is not shown is never required.
-- Each question is inserted right after the options it may refer to, so foreign keys hold row by row.
-- created_at = 0 for seeded rows.


-- ==============================================================================================================
-- PKS01 — Phiếu khảo sát việc thực hiện dân chủ trong cơ quan (dành cho cán bộ, công chức cấp xã)
-- ==============================================================================================================
INSERT INTO forms (id, code, title, respondent_kind, organisation, unit_levels) VALUES
    (1, 'PKS01', 'PKS01 — Phiếu khảo sát việc thực hiện dân chủ trong cơ quan (dành cho cán bộ, công chức cấp xã)', 'officials', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'commune');
INSERT INTO form_versions (id, form_id, version, intro, created_at) VALUES
    (1, 1, 1, 'Phiếu khảo sát không ghi tên, ý kiến của Anh/Chị được giữ bí mật. Kính mời Anh/Chị dành ít phút cho biết đánh giá của mình về việc thực hiện dân chủ tại cơ quan, đơn vị nơi mình công tác.', 0);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (101, 1, 1, 'q1', 'single', 'Kế hoạch công tác năm, kế hoạch tuyển dụng, đào tạo, bố trí cán bộ của cơ quan có được công khai để cán bộ, công chức biết không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1011, 101, 1, 'Công khai đầy đủ, kịp thời', 'positive'),
    (1012, 101, 2, 'Có công khai nhưng chưa đầy đủ, kịp thời', 'neutral'),
    (1013, 101, 3, 'Không công khai', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (102, 1, 2, 'q2', 'single', 'Tình hình tài chính của cơ quan (dự toán, quyết toán ngân sách; quản lý, sử dụng tài sản công; các khoản đóng góp, quỹ) có được công khai không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1021, 102, 1, 'Công khai đầy đủ, kịp thời', 'positive'),
    (1022, 102, 2, 'Có công khai nhưng chưa đầy đủ, kịp thời', 'neutral'),
    (1023, 102, 3, 'Không công khai', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (103, 1, 3, 'q3', 'single', 'Cán bộ, công chức có được thảo luận, góp ý kiến trước khi cơ quan quyết định những việc quan trọng (quy chế làm việc, quy chế chi tiêu nội bộ, kế hoạch công tác...) không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1031, 103, 1, 'Thường xuyên được lấy ý kiến', 'positive'),
    (1032, 103, 2, 'Thỉnh thoảng được lấy ý kiến', 'neutral'),
    (1033, 103, 3, 'Không được lấy ý kiến', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (104, 1, 4, 'q4', 'single', 'Ý kiến đóng góp của cán bộ, công chức có được lãnh đạo cơ quan tiếp thu, phản hồi không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1041, 104, 1, 'Được tiếp thu, phản hồi đầy đủ', 'positive'),
    (1042, 104, 2, 'Có tiếp thu nhưng chưa phản hồi đầy đủ', 'neutral'),
    (1043, 104, 3, 'Không được tiếp thu, phản hồi', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (105, 1, 5, 'q5', 'yes_no', 'Trong năm qua, người đứng đầu cơ quan có tổ chức đối thoại với cán bộ, công chức không?', 'Theo quy định, người đứng đầu cơ quan đối thoại với cán bộ, công chức ít nhất mỗi năm một lần.', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1051, 105, 1, 'Có', 'positive'),
    (1052, 105, 2, 'Không', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (106, 1, 6, 'q6', 'single', 'Anh/Chị đánh giá thế nào về tinh thần lắng nghe, cầu thị của người đứng đầu cơ quan khi đối thoại, trao đổi với cán bộ, công chức?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1061, 106, 1, 'Hài lòng', 'positive'),
    (1062, 106, 2, 'Bình thường', 'neutral'),
    (1063, 106, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (107, 1, 7, 'q7', 'single', 'Việc đánh giá, xếp loại cán bộ, công chức hằng năm có công khai, khách quan, công bằng không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1071, 107, 1, 'Công khai, khách quan, công bằng', 'positive'),
    (1072, 107, 2, 'Cơ bản bảo đảm nhưng còn hạn chế', 'neutral'),
    (1073, 107, 3, 'Thiếu công khai, chưa công bằng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (108, 1, 8, 'q8', 'single', 'Việc quy hoạch, đề bạt, bổ nhiệm, khen thưởng trong cơ quan có công khai, minh bạch, đúng quy trình không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1081, 108, 1, 'Công khai, minh bạch, đúng quy trình', 'positive'),
    (1082, 108, 2, 'Cơ bản bảo đảm nhưng còn hạn chế', 'neutral'),
    (1083, 108, 3, 'Thiếu công khai, minh bạch', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (109, 1, 9, 'q9', 'single', 'Theo Anh/Chị, các kiến nghị, khiếu nại của cán bộ, công chức trong cơ quan được xem xét, giải quyết như thế nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1091, 109, 1, 'Kịp thời, đúng quy định', 'positive'),
    (1092, 109, 2, 'Có giải quyết nhưng còn chậm', 'neutral'),
    (1093, 109, 3, 'Không được xem xét, giải quyết', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (110, 1, 10, 'q10', 'single', 'Điều kiện làm việc (phòng làm việc, trang thiết bị, phương tiện) tại cơ quan đáp ứng yêu cầu công việc như thế nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1101, 110, 1, 'Đáp ứng tốt', 'positive'),
    (1102, 110, 2, 'Cơ bản đáp ứng', 'neutral'),
    (1103, 110, 3, 'Chưa đáp ứng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (111, 1, 11, 'q11', 'single', 'Nhìn chung, Anh/Chị hài lòng với việc thực hiện dân chủ trong cơ quan ở mức độ nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (1111, 111, 1, 'Rất hài lòng', 'positive'),
    (1112, 111, 2, 'Hài lòng', 'positive'),
    (1113, 111, 3, 'Bình thường', 'neutral'),
    (1114, 111, 4, 'Không hài lòng', 'negative'),
    (1115, 111, 5, 'Rất không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (112, 1, 12, 'q12', 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL);

-- ==============================================================================================================
-- PKS02 — Phiếu khảo sát sự hài lòng của người dân đối với Chủ tịch Ủy ban nhân dân cấp xã
-- ==============================================================================================================
INSERT INTO forms (id, code, title, respondent_kind, organisation, unit_levels) VALUES
    (2, 'PKS02', 'PKS02 — Phiếu khảo sát sự hài lòng của người dân đối với Chủ tịch Ủy ban nhân dân cấp xã', 'citizens', 'Hội Cựu chiến binh', 'commune');
INSERT INTO form_versions (id, form_id, version, intro, created_at) VALUES
    (2, 2, 1, 'Phiếu khảo sát không ghi tên, ý kiến của Anh/Chị được giữ bí mật. Kính mời Anh/Chị dành ít phút cho biết đánh giá của mình về Chủ tịch Ủy ban nhân dân xã, phường để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (201, 2, 1, 'q1', 'yes_no', 'Anh/Chị có từng gặp, làm việc trực tiếp với Chủ tịch UBND xã, phường không?', '', 0, 0, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (2011, 201, 1, 'Có', NULL),
    (2012, 201, 2, 'Không', NULL);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (202, 2, 2, 'q2', 'single', 'Khi cần, Anh/Chị có dễ dàng gặp, liên hệ được với Chủ tịch UBND xã, phường không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (2021, 202, 1, 'Dễ dàng gặp, liên hệ', 'positive'),
    (2022, 202, 2, 'Gặp được nhưng phải chờ đợi', 'neutral'),
    (2023, 202, 3, 'Rất khó gặp, liên hệ', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (203, 2, 3, 'q3', 'single', 'Anh/Chị đánh giá thế nào về việc tiếp công dân định kỳ của Chủ tịch UBND xã, phường?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (2031, 203, 1, 'Hài lòng', 'positive'),
    (2032, 203, 2, 'Bình thường', 'neutral'),
    (2033, 203, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (204, 2, 4, 'q4', 'single', 'Anh/Chị đánh giá thế nào về việc Chủ tịch UBND xã, phường đối thoại, lắng nghe ý kiến của Nhân dân (hội nghị đối thoại, tiếp xúc cử tri, họp thôn, tổ dân phố...)?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (2041, 204, 1, 'Hài lòng', 'positive'),
    (2042, 204, 2, 'Bình thường', 'neutral'),
    (2043, 204, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (205, 2, 5, 'q5', 'single', 'Các kiến nghị, phản ánh, khiếu nại của người dân có được Chủ tịch UBND xã, phường xem xét, giải quyết kịp thời, thỏa đáng không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (2051, 205, 1, 'Kịp thời, thỏa đáng', 'positive'),
    (2052, 205, 2, 'Có giải quyết nhưng còn chậm hoặc chưa thỏa đáng', 'neutral'),
    (2053, 205, 3, 'Không được xem xét, giải quyết', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (206, 2, 6, 'q6', 'single', 'Thái độ, tác phong của Chủ tịch UBND xã, phường khi làm việc với Nhân dân như thế nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (2061, 206, 1, 'Gần gũi, tôn trọng, lắng nghe', 'positive'),
    (2062, 206, 2, 'Bình thường', 'neutral'),
    (2063, 206, 3, 'Hách dịch, thiếu tôn trọng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (207, 2, 7, 'q7', 'single', 'Chủ tịch UBND xã, phường có dám nghĩ, dám làm, dám chịu trách nhiệm trước những vấn đề bức xúc ở địa phương không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (2071, 207, 1, 'Chủ động, quyết liệt, dám chịu trách nhiệm', 'positive'),
    (2072, 207, 2, 'Có nhưng chưa quyết liệt', 'neutral'),
    (2073, 207, 3, 'Né tránh, đùn đẩy trách nhiệm', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (208, 2, 8, 'q8', 'single', 'Anh/Chị đánh giá thế nào về hiệu quả chỉ đạo, điều hành của Chủ tịch UBND xã, phường trong phát triển kinh tế - xã hội, giữ gìn trật tự ở địa phương?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (2081, 208, 1, 'Hài lòng', 'positive'),
    (2082, 208, 2, 'Bình thường', 'neutral'),
    (2083, 208, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (209, 2, 9, 'q9', 'single', 'Nhìn chung, Anh/Chị hài lòng với Chủ tịch UBND xã, phường ở mức độ nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (2091, 209, 1, 'Rất hài lòng', 'positive'),
    (2092, 209, 2, 'Hài lòng', 'positive'),
    (2093, 209, 3, 'Bình thường', 'neutral'),
    (2094, 209, 4, 'Không hài lòng', 'negative'),
    (2095, 209, 5, 'Rất không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (210, 2, 10, 'q10', 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL);

-- ==============================================================================================================
-- PKS03 — Phiếu khảo sát kết quả thực hiện dân chủ ở cơ sở
-- ==============================================================================================================
INSERT INTO forms (id, code, title, respondent_kind, organisation, unit_levels) VALUES
    (3, 'PKS03', 'PKS03 — Phiếu khảo sát kết quả thực hiện dân chủ ở cơ sở', 'citizens', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'commune');
INSERT INTO form_versions (id, form_id, version, intro, created_at) VALUES
    (3, 3, 1, 'Phiếu khảo sát không ghi tên, ý kiến của Anh/Chị được giữ bí mật. Kính mời Anh/Chị dành ít phút cho biết đánh giá của mình về việc thực hiện dân chủ ở cơ sở tại nơi mình sinh sống.', 0);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (301, 3, 1, 'q1', 'single', 'Dân biết: Anh/Chị có được thông tin, công khai đầy đủ về chủ trương, chính sách, kế hoạch phát triển kinh tế - xã hội và các công việc của địa phương không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3011, 301, 1, 'Đầy đủ, kịp thời', 'positive'),
    (3012, 301, 2, 'Có nhưng chưa đầy đủ, kịp thời', 'neutral'),
    (3013, 301, 3, 'Không được thông tin', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (302, 3, 2, 'q2', 'multiple', 'Anh/Chị biết thông tin qua những kênh nào?', 'Có thể chọn nhiều phương án.', 0, 0, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3021, 302, 1, 'Niêm yết', NULL),
    (3022, 302, 2, 'Loa truyền thanh', NULL),
    (3023, 302, 3, 'Họp thôn, tổ dân phố', NULL),
    (3024, 302, 4, 'Trang thông tin điện tử, mạng xã hội', NULL),
    (3025, 302, 5, 'Khác', NULL);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (303, 3, 3, 'q3', 'single', 'Dân bàn: Anh/Chị có được tham gia bàn, góp ý kiến về những việc quan trọng của thôn, tổ dân phố, xã, phường (hương ước, quy ước; kế hoạch sử dụng đất; dự án đầu tư tại địa phương...) không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3031, 303, 1, 'Thường xuyên được tham gia', 'positive'),
    (3032, 303, 2, 'Thỉnh thoảng được tham gia', 'neutral'),
    (3033, 303, 3, 'Không được tham gia', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (304, 3, 4, 'q4', 'single', 'Ý kiến đóng góp của người dân có được chính quyền tiếp thu, phản hồi không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3041, 304, 1, 'Được tiếp thu, phản hồi đầy đủ', 'positive'),
    (3042, 304, 2, 'Có tiếp thu nhưng chưa phản hồi đầy đủ', 'neutral'),
    (3043, 304, 3, 'Không được tiếp thu, phản hồi', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (305, 3, 5, 'q5', 'single', 'Dân quyết định: Những việc do Nhân dân quyết định (mức đóng góp xây dựng công trình công cộng, nội dung hương ước, quy ước...) có được tổ chức bàn bạc, biểu quyết dân chủ, đúng quy định không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3051, 305, 1, 'Dân chủ, đúng quy định', 'positive'),
    (3052, 305, 2, 'Có tổ chức nhưng còn hình thức', 'neutral'),
    (3053, 305, 3, 'Không tổ chức để Nhân dân quyết định', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (306, 3, 6, 'q6', 'single', 'Dân kiểm tra, giám sát: Người dân có được tạo điều kiện kiểm tra, giám sát các công trình, dự án và hoạt động của cán bộ, công chức ở địa phương không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3061, 306, 1, 'Được tạo điều kiện thuận lợi', 'positive'),
    (3062, 306, 2, 'Có nhưng còn hạn chế', 'neutral'),
    (3063, 306, 3, 'Không được tạo điều kiện', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (307, 3, 7, 'q7', 'single', 'Anh/Chị đánh giá thế nào về hoạt động của Ban Thanh tra nhân dân và Ban Giám sát đầu tư của cộng đồng ở địa phương?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3071, 307, 1, 'Hài lòng', 'positive'),
    (3072, 307, 2, 'Bình thường', 'neutral'),
    (3073, 307, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (308, 3, 8, 'q8', 'single', 'Việc công khai thu, chi ngân sách, các khoản đóng góp của Nhân dân và các quỹ ở xã, phường, thôn, tổ dân phố như thế nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3081, 308, 1, 'Công khai đầy đủ, kịp thời', 'positive'),
    (3082, 308, 2, 'Có công khai nhưng chưa đầy đủ', 'neutral'),
    (3083, 308, 3, 'Không công khai', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (309, 3, 9, 'q9', 'single', 'Việc công khai quy hoạch, kế hoạch sử dụng đất; giao đất, cho thuê đất; bồi thường, hỗ trợ, tái định cư ở địa phương như thế nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3091, 309, 1, 'Công khai đầy đủ, kịp thời', 'positive'),
    (3092, 309, 2, 'Có công khai nhưng chưa đầy đủ', 'neutral'),
    (3093, 309, 3, 'Không công khai', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (310, 3, 10, 'q10', 'single', 'Nhìn chung, Anh/Chị hài lòng với kết quả thực hiện dân chủ ở cơ sở tại địa phương ở mức độ nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (3101, 310, 1, 'Rất hài lòng', 'positive'),
    (3102, 310, 2, 'Hài lòng', 'positive'),
    (3103, 310, 3, 'Bình thường', 'neutral'),
    (3104, 310, 4, 'Không hài lòng', 'negative'),
    (3105, 310, 5, 'Rất không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (311, 3, 11, 'q11', 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL);

-- ==============================================================================================================
-- PKS04 — Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính
-- ==============================================================================================================
INSERT INTO forms (id, code, title, respondent_kind, organisation, unit_levels) VALUES
    (4, 'PKS04', 'PKS04 — Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính', 'citizens_and_organisations', 'Hội Nông dân', 'commune');
INSERT INTO form_versions (id, form_id, version, intro, created_at) VALUES
    (4, 4, 1, 'Phiếu khảo sát không ghi tên, ý kiến của Anh/Chị được giữ bí mật. Kính mời Anh/Chị (cá nhân hoặc đại diện tổ chức) dành ít phút đánh giá việc giải quyết thủ tục hành chính tại xã, phường để chính quyền phục vụ ngày càng tốt hơn.', 0);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (401, 4, 1, 'q1', 'single', 'Thủ tục hành chính Anh/Chị giải quyết thuộc lĩnh vực nào?', '', 0, 0, 'procedure_field', NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (4011, 401, 1, 'Đất đai', NULL),
    (4012, 401, 2, 'Chứng thực', NULL),
    (4013, 401, 3, 'Hộ tịch', NULL),
    (4014, 401, 4, 'Người có công', NULL),
    (4015, 401, 5, 'Bảo trợ xã hội', NULL),
    (4016, 401, 6, 'Lĩnh vực khác', NULL);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (402, 4, 2, 'q2', 'single', 'Việc tìm hiểu thông tin về thủ tục hành chính (thành phần hồ sơ, trình tự, thời hạn giải quyết, phí, lệ phí) có dễ dàng không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (4021, 402, 1, 'Dễ dàng, đầy đủ', 'positive'),
    (4022, 402, 2, 'Bình thường', 'neutral'),
    (4023, 402, 3, 'Khó khăn, thiếu thông tin', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (403, 4, 3, 'q3', 'single', 'Giấy tờ, hồ sơ Anh/Chị phải nộp có đúng như quy định đã công khai không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (4031, 403, 1, 'Đúng như quy định đã công khai', 'positive'),
    (4032, 403, 2, 'Phải bổ sung, hoàn thiện hồ sơ một lần theo hướng dẫn', 'neutral'),
    (4033, 403, 3, 'Phải nộp thêm giấy tờ ngoài quy định hoặc bổ sung nhiều lần', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (404, 4, 4, 'q4', 'single', 'Thời gian giải quyết hồ sơ so với ngày hẹn trả kết quả như thế nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (4041, 404, 1, 'Sớm hơn ngày hẹn', 'positive'),
    (4042, 404, 2, 'Đúng ngày hẹn', 'positive'),
    (4043, 404, 3, 'Trễ hẹn', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (405, 4, 5, 'q5', 'single', 'Phí, lệ phí Anh/Chị phải nộp có đúng mức đã niêm yết công khai không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (4051, 405, 1, 'Đúng mức niêm yết (hoặc không phải nộp)', 'positive'),
    (4052, 405, 2, 'Cao hơn mức niêm yết hoặc phải nộp khoản ngoài quy định', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (406, 4, 6, 'q6', 'single', 'Anh/Chị nộp hồ sơ theo hình thức nào?', '', 0, 0, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (4061, 406, 1, 'Nộp trực tuyến qua Cổng Dịch vụ công', NULL),
    (4062, 406, 2, 'Nộp trực tiếp tại Bộ phận Một cửa', NULL),
    (4063, 406, 3, 'Nộp qua dịch vụ bưu chính công ích', NULL);

-- q7: follow-up, shown only when option 4061 "Nộp trực tuyến qua Cổng Dịch vụ công" is chosen; required when shown.
INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (407, 4, 7, 'q7', 'single', 'Anh/Chị đánh giá thế nào về dịch vụ công trực tuyến (dễ truy cập, dễ thao tác, được hỗ trợ khi cần)?', '', 1, 1, NULL, 4061);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (4071, 407, 1, 'Hài lòng', 'positive'),
    (4072, 407, 2, 'Bình thường', 'neutral'),
    (4073, 407, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (408, 4, 8, 'q8', 'single', 'Anh/Chị đánh giá thế nào về thái độ và sự hướng dẫn của cán bộ, công chức tiếp nhận, giải quyết hồ sơ?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (4081, 408, 1, 'Hài lòng', 'positive'),
    (4082, 408, 2, 'Bình thường', 'neutral'),
    (4083, 408, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (409, 4, 9, 'q9', 'single', 'Nhìn chung, Anh/Chị hài lòng với việc giải quyết thủ tục hành chính ở mức độ nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (4091, 409, 1, 'Rất hài lòng', 'positive'),
    (4092, 409, 2, 'Hài lòng', 'positive'),
    (4093, 409, 3, 'Bình thường', 'neutral'),
    (4094, 409, 4, 'Không hài lòng', 'negative'),
    (4095, 409, 5, 'Rất không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (410, 4, 10, 'q10', 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL);

-- ==============================================================================================================
-- PKS05 — Phiếu khảo sát sự hài lòng của người dân đối với chất lượng phục vụ của Bộ phận Một cửa
-- ==============================================================================================================
INSERT INTO forms (id, code, title, respondent_kind, organisation, unit_levels) VALUES
    (5, 'PKS05', 'PKS05 — Phiếu khảo sát sự hài lòng của người dân đối với chất lượng phục vụ của Bộ phận Một cửa', 'citizens', 'Hội Liên hiệp Phụ nữ', 'commune,district');
INSERT INTO form_versions (id, form_id, version, intro, created_at) VALUES
    (5, 5, 1, 'Phiếu khảo sát không ghi tên, ý kiến của Anh/Chị được giữ bí mật. Kính mời Anh/Chị vừa giao dịch tại Bộ phận Tiếp nhận và Trả kết quả (Bộ phận Một cửa) dành ít phút đánh giá chất lượng phục vụ của công chức.', 0);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (501, 5, 1, 'q1', 'single', 'Độ tuổi của Anh/Chị', '', 0, 0, 'age_band', NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5011, 501, 1, 'Dưới 30 tuổi', NULL),
    (5012, 501, 2, 'Từ 30 đến 50 tuổi', NULL),
    (5013, 501, 3, 'Trên 50 tuổi', NULL);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (502, 5, 2, 'q2', 'single', 'Giới tính của Anh/Chị', '', 0, 0, 'gender', NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5021, 502, 1, 'Nam', NULL),
    (5022, 502, 2, 'Nữ', NULL),
    (5023, 502, 3, 'Khác', NULL);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (503, 5, 3, 'q3', 'single', 'Anh/Chị đến giải quyết thủ tục hành chính thuộc lĩnh vực nào?', '', 0, 0, 'procedure_field', NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5031, 503, 1, 'Đất đai', NULL),
    (5032, 503, 2, 'Chứng thực', NULL),
    (5033, 503, 3, 'Hộ tịch', NULL),
    (5034, 503, 4, 'Người có công', NULL),
    (5035, 503, 5, 'Bảo trợ xã hội', NULL),
    (5036, 503, 6, 'Lĩnh vực khác', NULL);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (504, 5, 4, 'q4', 'single', 'Thời gian chờ đợi đến lượt được tiếp nhận hồ sơ', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5041, 504, 1, 'Nhanh chóng', 'positive'),
    (5042, 504, 2, 'Bình thường, theo thứ tự', 'neutral'),
    (5043, 504, 3, 'Chờ đợi rất lâu', 'negative');

-- q5: follow-up, shown only when option 5043 "Chờ đợi rất lâu" is chosen; optional even when shown.
INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (505, 5, 5, 'q5', 'single', 'Nếu chờ đợi rất lâu, theo Anh/Chị vì sao?', '', 0, 0, NULL, 5043);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5051, 505, 1, 'Đông người chờ', NULL),
    (5052, 505, 2, 'Thiếu công chức tiếp nhận', NULL),
    (5053, 505, 3, 'Công chức vắng mặt hoặc làm việc riêng', NULL),
    (5054, 505, 4, 'Hệ thống, thiết bị gặp sự cố', NULL),
    (5055, 505, 5, 'Lý do khác', NULL);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (506, 5, 6, 'q6', 'single', 'Thái độ của công chức khi tiếp nhận, giải quyết hồ sơ', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5061, 506, 1, 'Lịch sự, tận tình', 'positive'),
    (5062, 506, 2, 'Bình thường', 'neutral'),
    (5063, 506, 3, 'Thiếu tôn trọng, gây khó khăn', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (507, 5, 7, 'q7', 'single', 'Việc hướng dẫn kê khai, hoàn thiện hồ sơ của công chức', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5071, 507, 1, 'Rõ ràng, đầy đủ, dễ hiểu', 'positive'),
    (5072, 507, 2, 'Bình thường', 'neutral'),
    (5073, 507, 3, 'Khó hiểu, phải đi lại nhiều lần', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (508, 5, 8, 'q8', 'single', 'Năng lực, kỹ năng giải quyết công việc của công chức', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5081, 508, 1, 'Thành thạo, chính xác', 'positive'),
    (5082, 508, 2, 'Bình thường', 'neutral'),
    (5083, 508, 3, 'Lúng túng, hay sai sót', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (509, 5, 9, 'q9', 'single', 'Thời gian giải quyết hồ sơ gần nhất của Anh/Chị so với ngày hẹn trả kết quả', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5091, 509, 1, 'Sớm hơn hẹn', 'positive'),
    (5092, 509, 2, 'Đúng hẹn', 'positive'),
    (5093, 509, 3, 'Trễ hẹn', 'negative');

-- q10: follow-up, shown only when option 5093 "Trễ hẹn" is chosen; required when shown.
INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (510, 5, 10, 'q10', 'yes_no', 'Anh/Chị có được thông báo, xin lỗi về việc trễ hẹn không?', '', 1, 1, NULL, 5093);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5101, 510, 1, 'Có', 'positive'),
    (5102, 510, 2, 'Không', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (511, 5, 11, 'q11', 'yes_no', 'Trong quá trình giải quyết hồ sơ, có ai gợi ý Anh/Chị trả thêm tiền ngoài phí, lệ phí theo quy định không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5111, 511, 1, 'Có', 'negative'),
    (5112, 511, 2, 'Không', 'positive');

-- q12: follow-up, shown only when option 5111 "Có" (someone suggested paying extra) is chosen; required when shown; not a respondent fact.
INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (512, 5, 12, 'q12', 'single', 'Trong lĩnh vực nào?', 'Lĩnh vực thủ tục hành chính mà Anh/Chị được gợi ý trả thêm tiền.', 1, 0, NULL, 5111);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5121, 512, 1, 'Đất đai', NULL),
    (5122, 512, 2, 'Chứng thực', NULL),
    (5123, 512, 3, 'Hộ tịch', NULL),
    (5124, 512, 4, 'Người có công', NULL),
    (5125, 512, 5, 'Bảo trợ xã hội', NULL),
    (5126, 512, 6, 'Lĩnh vực khác', NULL);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (513, 5, 13, 'q13', 'single', 'Nhìn chung, Anh/Chị hài lòng với chất lượng phục vụ của Bộ phận Một cửa ở mức độ nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (5131, 513, 1, 'Rất hài lòng', 'positive'),
    (5132, 513, 2, 'Hài lòng', 'positive'),
    (5133, 513, 3, 'Bình thường', 'neutral'),
    (5134, 513, 4, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (514, 5, 14, 'q14', 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL);

-- ==============================================================================================================
-- PKS06 — Phiếu khảo sát việc thực hiện văn hóa công sở tại Ủy ban nhân dân cấp xã
-- ==============================================================================================================
INSERT INTO forms (id, code, title, respondent_kind, organisation, unit_levels) VALUES
    (6, 'PKS06', 'PKS06 — Phiếu khảo sát việc thực hiện văn hóa công sở tại Ủy ban nhân dân cấp xã', 'citizens', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'commune');
INSERT INTO form_versions (id, form_id, version, intro, created_at) VALUES
    (6, 6, 1, 'Phiếu khảo sát không ghi tên, ý kiến của Anh/Chị được giữ bí mật. Kính mời Anh/Chị dành ít phút cho biết nhận xét của mình về văn hóa công sở tại trụ sở UBND xã, phường.', 0);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (601, 6, 1, 'q1', 'single', 'Trang phục của cán bộ, công chức khi làm việc như thế nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (6011, 601, 1, 'Gọn gàng, lịch sự, phù hợp', 'positive'),
    (6012, 601, 2, 'Bình thường', 'neutral'),
    (6013, 601, 3, 'Luộm thuộm, chưa phù hợp', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (602, 6, 2, 'q2', 'yes_no', 'Cán bộ, công chức tiếp Anh/Chị có đeo thẻ công chức hoặc có biển chức danh trên bàn làm việc không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (6021, 602, 1, 'Có', 'positive'),
    (6022, 602, 2, 'Không', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (603, 6, 3, 'q3', 'single', 'Cán bộ, công chức có làm việc đúng giờ, có mặt tại vị trí làm việc trong giờ hành chính không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (6031, 603, 1, 'Đúng giờ, luôn có mặt tại vị trí', 'positive'),
    (6032, 603, 2, 'Đôi khi chưa đúng giờ hoặc vắng vị trí', 'neutral'),
    (6033, 603, 3, 'Thường xuyên đi muộn, về sớm, vắng vị trí', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (604, 6, 4, 'q4', 'single', 'Trụ sở, khuôn viên và phòng làm việc có sạch sẽ, gọn gàng không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (6041, 604, 1, 'Sạch sẽ, gọn gàng', 'positive'),
    (6042, 604, 2, 'Bình thường', 'neutral'),
    (6043, 604, 3, 'Bừa bộn, thiếu vệ sinh', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (605, 6, 5, 'q5', 'single', 'Cách giao tiếp, ứng xử của cán bộ, công chức với người dân (chào hỏi, xưng hô, lắng nghe) như thế nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (6051, 605, 1, 'Lịch sự, thân thiện, tôn trọng', 'positive'),
    (6052, 605, 2, 'Bình thường', 'neutral'),
    (6053, 605, 3, 'Thờ ơ, thiếu tôn trọng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (606, 6, 6, 'q6', 'yes_no', 'Anh/Chị có thấy cán bộ, công chức hút thuốc lá trong phòng làm việc hoặc uống rượu, bia trong giờ làm việc không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (6061, 606, 1, 'Có', 'negative'),
    (6062, 606, 2, 'Không', 'positive');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (607, 6, 7, 'q7', 'single', 'Cơ sở vật chất phục vụ người dân (ghế ngồi chờ, nước uống, nhà vệ sinh, chỗ để xe...) như thế nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (6071, 607, 1, 'Đầy đủ, thuận tiện', 'positive'),
    (6072, 607, 2, 'Cơ bản đáp ứng', 'neutral'),
    (6073, 607, 3, 'Thiếu thốn, bất tiện', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (608, 6, 8, 'q8', 'multiple', 'Theo Anh/Chị, những tiện ích nào cần bổ sung hoặc cải thiện?', 'Có thể chọn nhiều phương án.', 0, 0, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (6081, 608, 1, 'Ghế ngồi chờ', NULL),
    (6082, 608, 2, 'Nước uống', NULL),
    (6083, 608, 3, 'Nhà vệ sinh', NULL),
    (6084, 608, 4, 'Chỗ để xe', NULL),
    (6085, 608, 5, 'Bảng niêm yết, biển chỉ dẫn', NULL),
    (6086, 608, 6, 'Khác', NULL);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (609, 6, 9, 'q9', 'single', 'Nhìn chung, Anh/Chị hài lòng với văn hóa công sở tại UBND xã, phường ở mức độ nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (6091, 609, 1, 'Rất hài lòng', 'positive'),
    (6092, 609, 2, 'Hài lòng', 'positive'),
    (6093, 609, 3, 'Bình thường', 'neutral'),
    (6094, 609, 4, 'Không hài lòng', 'negative'),
    (6095, 609, 5, 'Rất không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (610, 6, 10, 'q10', 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL);

-- ==============================================================================================================
-- PKS07 — Phiếu khảo sát sự hài lòng của người dân về xây dựng chính quyền thân thiện
-- ==============================================================================================================
INSERT INTO forms (id, code, title, respondent_kind, organisation, unit_levels) VALUES
    (7, 'PKS07', 'PKS07 — Phiếu khảo sát sự hài lòng của người dân về xây dựng chính quyền thân thiện', 'citizens', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'commune');
INSERT INTO form_versions (id, form_id, version, intro, created_at) VALUES
    (7, 7, 1, 'Phiếu khảo sát không ghi tên, ý kiến của Anh/Chị được giữ bí mật. Kính mời Anh/Chị dành ít phút cho biết mức độ hài lòng của mình đối với chính quyền xã, phường nơi mình sinh sống.', 0);

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (701, 7, 1, 'q1', 'single', 'Dân biết: Anh/Chị đánh giá thế nào về việc chính quyền thông tin, công khai chủ trương, chính sách và các công việc của địa phương để Nhân dân biết?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7011, 701, 1, 'Hài lòng', 'positive'),
    (7012, 701, 2, 'Bình thường', 'neutral'),
    (7013, 701, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (702, 7, 2, 'q2', 'single', 'Dân bàn: Anh/Chị đánh giá thế nào về việc Nhân dân được bàn bạc, góp ý kiến trước khi chính quyền quyết định những việc quan trọng ở địa phương?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7021, 702, 1, 'Hài lòng', 'positive'),
    (7022, 702, 2, 'Bình thường', 'neutral'),
    (7023, 702, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (703, 7, 3, 'q3', 'single', 'Dân làm: Anh/Chị đánh giá thế nào về việc Nhân dân được tham gia thực hiện các phong trào, công trình, dự án ở địa phương?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7031, 703, 1, 'Hài lòng', 'positive'),
    (7032, 703, 2, 'Bình thường', 'neutral'),
    (7033, 703, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (704, 7, 4, 'q4', 'single', 'Dân kiểm tra, dân giám sát: Anh/Chị đánh giá thế nào về việc Nhân dân được kiểm tra, giám sát hoạt động của chính quyền và cán bộ, công chức?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7041, 704, 1, 'Hài lòng', 'positive'),
    (7042, 704, 2, 'Bình thường', 'neutral'),
    (7043, 704, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (705, 7, 5, 'q5', 'single', 'Dân thụ hưởng: Anh/Chị đánh giá thế nào về việc Nhân dân được thụ hưởng thành quả phát triển của địa phương (đời sống, hạ tầng, y tế, giáo dục...)?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7051, 705, 1, 'Hài lòng', 'positive'),
    (7052, 705, 2, 'Bình thường', 'neutral'),
    (7053, 705, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (706, 7, 6, 'q6', 'single', 'An ninh: Tình hình an ninh, trật tự nơi Anh/Chị sinh sống như thế nào?', 'Tiêu chí “3 an”: an ninh, an toàn, an dân.', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7061, 706, 1, 'Ổn định, bảo đảm', 'positive'),
    (7062, 706, 2, 'Cơ bản ổn định', 'neutral'),
    (7063, 706, 3, 'Phức tạp, đáng lo ngại', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (707, 7, 7, 'q7', 'single', 'An toàn: Anh/Chị có cảm thấy an toàn khi sinh sống, đi lại, làm ăn ở địa phương (an toàn giao thông, phòng cháy, chữa cháy, vệ sinh thực phẩm...) không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7071, 707, 1, 'An toàn', 'positive'),
    (7072, 707, 2, 'Tương đối an toàn', 'neutral'),
    (7073, 707, 3, 'Không an toàn', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (708, 7, 8, 'q8', 'single', 'An dân: Chính quyền có quan tâm giải quyết kịp thời những vấn đề Nhân dân bức xúc, để Nhân dân yên tâm sinh sống, làm ăn không?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7081, 708, 1, 'Quan tâm, giải quyết kịp thời', 'positive'),
    (7082, 708, 2, 'Có quan tâm nhưng chưa kịp thời', 'neutral'),
    (7083, 708, 3, 'Chưa quan tâm', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (709, 7, 9, 'q9', 'single', 'Anh/Chị đánh giá thế nào về tinh thần thân thiện, gần dân, trọng dân, vì dân của cán bộ, công chức xã, phường?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7091, 709, 1, 'Hài lòng', 'positive'),
    (7092, 709, 2, 'Bình thường', 'neutral'),
    (7093, 709, 3, 'Không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (710, 7, 10, 'q10', 'single', 'Nhìn chung, Anh/Chị hài lòng với chính quyền xã, phường nơi mình sinh sống ở mức độ nào?', '', 1, 1, NULL, NULL);
INSERT INTO options (id, question_id, position, label, polarity) VALUES
    (7101, 710, 1, 'Rất hài lòng', 'positive'),
    (7102, 710, 2, 'Hài lòng', 'positive'),
    (7103, 710, 3, 'Bình thường', 'neutral'),
    (7104, 710, 4, 'Không hài lòng', 'negative'),
    (7105, 710, 5, 'Rất không hài lòng', 'negative');

INSERT INTO questions (id, form_version_id, position, code, kind, text, help, required, evaluative, fact, show_if_option_id) VALUES
    (711, 7, 11, 'q11', 'long_text', 'Ý kiến, đề xuất khác', 'Anh/Chị có thể ghi thêm ý kiến, kiến nghị để chính quyền phục vụ Nhân dân ngày càng tốt hơn.', 0, 0, NULL, NULL);
