import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// The recognition dossier through real requests: a commune opens (and so starts) its dossier, self-scores,
/// submits once its documents are there; its district reviews, adjusts the satisfaction points with a reason,
/// returns it, then forwards it; the province recognises it. Who may take each step, what each step needs, the
/// score history, the timeline, the audit log and the year API along the way.
@Suite struct DossierFlowTests {
    static let year = 2024
    static let page = SiteRoute.dossier(year: year, unit: "07201").path
    static let scores = SiteRoute.dossierScores(year: year, unit: "07201").path
    static let step = SiteRoute.dossierStep(year: year, unit: "07201").path

    func state(_ app: TestApp, _ code: String = "07201") async throws -> String? {
        try await app.pool.read {
            try $0.scalar(
                "SELECT state FROM dossiers WHERE year = ? AND unit_code = ?", [Self.year, code], as: String.self)
        }
    }

    @Test func aCommuneDossierGoesFromDraftThroughReviewToRecognition() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let district = try await app.signIn("huyen213")
        let commune = try await app.signIn("xa07201")

        // The district opens a dossier never started: "chưa lập hồ sơ", and nothing is created.
        let before = await app.get(Self.page, as: district)
        #expect(before.status == .ok)
        #expect(before.text.contains("Chưa lập hồ sơ"))
        #expect(try await app.scalar("SELECT count(*) FROM dossiers") == 0)

        // The commune opens it: the draft starts, with the score form (the satisfaction criterion is proposed).
        let opened = await app.get(Self.page, as: commune)
        #expect(opened.status == .ok)
        #expect(opened.text.contains("Đang lập"))
        #expect(try await state(app) == "draft")
        let form = try #require(opened.document.form(action: Self.scores))
        #expect(form.field("points-1.1") != nil && form.field("points-4") != nil)
        #expect(form.field("points-1") == nil, "a criterion with sub-criteria is scored on them")
        #expect(form.field("points-5") == nil, "the commune does not type the satisfaction points")
        #expect(opened.text.contains("Tài liệu") && opened.text.contains("Còn thiếu"))
        // Opening it again starts nothing more.
        _ = await app.get(Self.page, as: commune)
        #expect(try await app.scalar("SELECT count(*) FROM dossiers") == 1)

        // Not the district's turn, nor may the commune score above the maximum.
        let early = await app.post(Self.scores, form: [("points-1.1", "5")], as: district, csrf: district.csrf)
        #expect(early.status == .conflict)
        let tooMany = await app.post(Self.scores, form: [("points-1.1", "9")], as: commune, csrf: commune.csrf)
        #expect(tooMany.status == .unprocessableContent)
        #expect(tooMany.text.contains("từ 0 đến 8"))

        let saved = await app.post(Self.scores, form: TestApp.selfScores, as: commune, csrf: commune.csrf)
        #expect(saved.status == .seeOther)
        // Submitting without the required documents says which are missing.
        let refused = await app.post(Self.step, form: [("action", "submit")], as: commune, csrf: commune.csrf)
        #expect(refused.status == .unprocessableContent)
        #expect(refused.text.contains("Tờ trình đề nghị công nhận"))
        #expect(try await state(app) == "draft")
        for kind in ["to_trinh", "bao_cao", "tu_cham"] {
            try await app.addDossierDocument(year: Self.year, code: "07201", kind: kind, as: "xa07201")
        }
        // The district may not upload the commune's documents.
        await #expect(throws: DossierError.self) {
            try await app.addDossierDocument(year: Self.year, code: "07201", kind: "bao_cao", as: "huyen213")
        }
        let submitted = await app.post(Self.step, form: [("action", "submit")], as: commune, csrf: commune.csrf)
        #expect(submitted.status == .seeOther)
        #expect(try await state(app) == "submitted")
        // The proposal is recorded as the self score of criterion 5 (no index for 07201 in the demo: 0 points).
        let proposal = try await app.pool.read {
            try $0.queryOne(
                "SELECT points, note FROM dossier_scores WHERE criterion_code = '5' AND stage = 'self' ORDER BY id DESC"
            )
        }
        #expect(try proposal?.double("points") == 0)
        #expect(try proposal?.string("note").contains("Đề xuất tự động") == true)
        let late = await app.post(Self.scores, form: [("points-1.1", "8")], as: commune, csrf: commune.csrf)
        #expect(late.status == .conflict)

        // The district reviews: the satisfaction points changed without a reason are refused.
        let review = TestApp.selfScores.filter { $0.0.hasPrefix("points-") }.map {
            ($0.0, $0.0 == "points-4" ? "14" : $0.1)
        }
        let noReason = await app.post(
            Self.scores, form: review + [("points-5", "16")], as: district, csrf: district.csrf)
        #expect(noReason.status == .unprocessableContent)
        #expect(noReason.text.contains("lý do"))
        let reviewed = await app.post(
            Self.scores,
            form: review + [
                ("points-5", "16"), ("note-5", "Phiếu PKS05 của xã chưa đủ 30 phiếu; kết quả kiểm tra thực tế tốt"),
            ],
            as: district, csrf: district.csrf)
        #expect(reviewed.status == .seeOther)
        // Returned with a comment (a return without one is refused), then submitted again.
        let bare = await app.post(Self.step, form: [("action", "return")], as: district, csrf: district.csrf)
        #expect(bare.status == .unprocessableContent)
        let returned = await app.post(
            Self.step, form: [("action", "return"), ("comment", "Bổ sung biên bản đối thoại quý II")], as: district,
            csrf: district.csrf)
        #expect(returned.status == .seeOther)
        #expect(try await state(app) == "returned")
        #expect(await app.get(Self.page, as: commune).text.contains("Bổ sung biên bản đối thoại quý II"))
        #expect(
            await app.post(Self.step, form: [("action", "submit")], as: commune, csrf: commune.csrf).status == .seeOther
        )
        // Forwarding needs the district's approval document.
        let noApproval = await app.post(Self.step, form: [("action", "forward")], as: district, csrf: district.csrf)
        #expect(noApproval.status == .unprocessableContent)
        #expect(noApproval.text.contains("Văn bản phê duyệt của Ban Chỉ đạo cấp huyện"))
        try await app.addDossierDocument(
            year: Self.year, code: "07201", kind: "phe_duyet_huyen", as: "huyen213", name: "phe-duyet.pdf")
        // The commune may not forward, nor the province decide before the district has.
        #expect(
            await app.post(Self.step, form: [("action", "forward")], as: commune, csrf: commune.csrf).status
                == .conflict)
        let decision = [("action", "decide"), ("recognised", "1"), ("number", "125/QĐ-BCĐ"), ("date", "2024-06-20")]
        #expect(await app.post(Self.step, form: decision, as: province, csrf: province.csrf).status == .conflict)
        let forwarded = await app.post(Self.step, form: [("action", "forward")], as: district, csrf: district.csrf)
        #expect(forwarded.status == .seeOther)
        #expect(try await state(app) == "district_reviewed")

        // The province decides; an incomplete decision is refused.
        let incomplete = await app.post(
            Self.step, form: [("action", "decide"), ("recognised", "1"), ("date", "2024-06-20")], as: province,
            csrf: province.csrf)
        #expect(incomplete.status == .unprocessableContent)
        #expect(await app.post(Self.step, form: decision, as: province, csrf: province.csrf).status == .seeOther)
        #expect(try await state(app) == "decided")

        let final = await app.get(Self.page, as: district)
        #expect(final.text.contains("Được công nhận"))
        #expect(final.text.contains("125/QĐ-BCĐ") && final.text.contains("20/06/2024"))
        // Totals: self 72 (chưa đạt), district 89 (đạt).
        #expect(final.text.contains("72") && final.text.contains("89"))
        // History: criterion 5 was proposed (self) and adjusted by the district; the timeline has every step.
        let history = try #require(final.document.element(id: "lich-su")).text
        #expect(history.contains("Tiêu chí 5 · 2 lần chấm"))
        #expect(history.contains("Phiếu PKS05 của xã chưa đủ 30 phiếu"))
        let timeline = try await app.pool.read {
            try $0.query("SELECT action FROM dossier_events ORDER BY id").map { try $0.string("action") }
        }
        #expect(timeline == ["start", "submit", "return", "submit", "forward", "decide"])
        let audit = try await app.auditActions()
        for action in [
            "dossier_start", "dossier_scores", "dossier_submit", "dossier_return", "dossier_forward",
            "dossier_decide", "dossier_document_add",
        ] {
            #expect(audit.contains(action), "\(action) audited")
        }
        // Nothing moves once decided.
        #expect(await app.post(Self.scores, form: review, as: province, csrf: province.csrf).status == .conflict)

        // The year API carries the dossier's fields.
        let token = try await APIWorld.addToken(app, for: "tinh24").token
        let api = await app.get(
            SiteRoute.apiYearCommunes(year: Self.year).path, headers: [("Authorization", "Bearer \(token)")])
        #expect(api.status == .ok)
        let line = try #require(api.text.components(separatedBy: #"{"code":"07201""#).dropFirst().first)
        #expect(line.contains(#""district_score":89,"dossier_state":"decided""#))
        #expect(line.contains(#""recognised":true"#) && line.contains(#""self_score":72}"#))
        await app.close()
    }

    @Test func aDistrictCommitteeIsScoredAndDecidedByTheProvince() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let district = try await app.signIn("huyen213")
        let commune = try await app.signIn("xa07201")
        let page = SiteRoute.dossier(year: Self.year, unit: "213").path
        let step = SiteRoute.dossierStep(year: Self.year, unit: "213").path
        let scores = SiteRoute.dossierScores(year: Self.year, unit: "213").path
        // A commune has no part in its district's dossier; another district neither.
        #expect(await app.get(page, as: commune).status == .forbidden)
        let opened = await app.get(page, as: district)
        #expect(opened.text.contains("Ban Chỉ đạo cấp huyện") && opened.text.contains("Đang lập"))
        let own = ["1", "2", "3", "4", "6"].map { ("points-\($0)", "9") }
        #expect(await app.post(scores, form: own, as: district, csrf: district.csrf).status == .seeOther)
        for kind in ["to_trinh", "bao_cao", "tu_cham"] {
            try await app.addDossierDocument(year: Self.year, code: "213", kind: kind, as: "huyen213")
        }
        #expect(
            await app.post(step, form: [("action", "submit")], as: district, csrf: district.csrf).status == .seeOther)
        // No district review: the province scores every criterion, then decides.
        let decision = [("action", "decide"), ("recognised", "0"), ("number", "9/QĐ-BCĐ"), ("date", "20/06/2024")]
        let unscored = await app.post(step, form: decision, as: province, csrf: province.csrf)
        #expect(unscored.status == .unprocessableContent)
        #expect(unscored.text.contains("Chưa đủ điểm (tỉnh chấm)"))
        let provinceScores = ["1", "2", "3", "4", "6"].map { ("points-\($0)", "8") } + [("points-5", "0")]
        #expect(await app.post(scores, form: provinceScores, as: province, csrf: province.csrf).status == .seeOther)
        #expect(await app.post(step, form: decision, as: province, csrf: province.csrf).status == .seeOther)
        #expect(try await state(app, "213") == "decided")
        let decided = await app.get(page, as: district)
        #expect(decided.text.contains("Không công nhận") && decided.text.contains("9/QĐ-BCĐ"))
        await app.close()
    }

    @Test func aUsedSetIsFrozenAndACopyIsEditable() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let set = SiteRoute.criteriaSet(id: 1).path
        let unused = await app.get(set, as: province)
        let form = try #require(unused.document.form(action: set))
        // Unused: an edit is stored.
        let edited = form.submission.map { $0.0 == "pass_total" ? ($0.0, "85") : $0 }
        #expect(await app.post(set, form: edited, as: province, csrf: province.csrf).status == .seeOther)
        #expect(try await app.scalar("SELECT CAST(pass_total AS INTEGER) FROM criteria_sets WHERE id = 1") == 85)
        // A sub-criterion that no longer adds up is refused with the reason.
        let broken = form.submission.map { $0.0 == "c1-max" ? ($0.0, "9") : $0 }
        let refused = await app.post(set, form: broken, as: province, csrf: province.csrf)
        #expect(refused.status == .unprocessableContent)
        #expect(refused.text.contains("cộng lại đúng điểm tối đa"))
        // Once a commune opens its dossier the set is frozen: no form, and a POST is refused.
        try await app.openDossier(year: Self.year, code: "07201", as: "xa07201")
        let frozen = await app.get(set, as: province)
        #expect(frozen.text.contains("đã khóa"))
        #expect(frozen.document.form(action: set) == nil)
        #expect(await app.post(set, form: edited, as: province, csrf: province.csrf).status == .conflict)
        // The copy is version 2, editable, and the year's next dossiers take it.
        let copied = await app.post(SiteRoute.copyCriteriaSet(id: 1).path, form: [], as: province, csrf: province.csrf)
        #expect(copied.status == .seeOther)
        let copyPath = try #require(copied.location)
        let copy = await app.get(copyPath, as: province)
        #expect(copy.text.contains("phiên bản 2") && copy.document.form(action: copyPath) != nil)
        try await app.addUser("xa07204", role: .commune, unit: "07204")
        try await app.openDossier(year: Self.year, code: "07204", as: "xa07204")
        let copyID = try #require(Int(copyPath.split(separator: "/").last ?? ""))
        #expect(try await app.scalar("SELECT criteria_set_id FROM dossiers WHERE unit_code = '07204'") == copyID)
        #expect(try await app.scalar("SELECT criteria_set_id FROM dossiers WHERE unit_code = '07201'") == 1)
        await app.close()
    }
}
