import Database
import Foundation
import Survey
import Testing
@testable import App
@testable import Store

/// The province's unit table a page at a time: attention first, status and district filters with their counts,
/// page links that keep the filters, and satisfaction that follows new answers at once.
@Suite struct DashboardTableTests {
    func rows(_ page: String) -> [String] {
        page.components(separatedBy: "<tr class=\"s-").dropFirst().map { String($0.prefix { $0 != "\n" }) }
    }

    /// Today's report for a demo commune, filed inside the window.
    func report(_ app: TestApp, _ code: String, visitors: Int) async throws {
        let today = app.clock.today
        try await app.pool.write { connection in
            let unit = try #require(try connection.scalar("SELECT id FROM units WHERE code = ?", [code], as: Int64.self))
            let draft = DailyReportDraft(campaignID: app.demoCampaignID, unitID: unit, date: today, visitors: visitors,
                                         guided: 0, staffOnDuty: 1, volunteers: 0)
            _ = try DailyReportStore(connection).submit(draft, by: ReportFixture.user(1),
                                                        now: VietnamTime.instant(today, hour: 16, minute: 40))
        }
    }

    /// Answers the way a citizen sends them (the form page, then its POST), so they take the real write path;
    /// every choice question gets the option `pick` returns, a follow-up text is filled in when it shows.
    func answer(_ app: TestApp, _ code: String, count: Int,
                pick: @escaping @Sendable (QuestionDefinition) -> OptionDefinition?) async throws {
        let campaignID = app.demoCampaignID
        let form = try await app.pool.read { connection -> FormDefinition in
            let campaign = try #require(try CampaignStore(connection).campaign(id: campaignID))
            return try #require(try FormStore(connection).definition(formVersionID: campaign.formVersionID))
        }
        var fields: [(String, String)] = []
        var chosen: Set<Int64> = []
        for question in form.questions where question.showIfOptionID.map(chosen.contains) ?? true {
            if question.kind.isChoice, let option = pick(question) {
                fields.append((question.code, String(option.id)))
                chosen.insert(option.id)
            } else if !question.kind.isChoice, question.required || question.showIfOptionID != nil {
                fields.append((question.code, "Ý kiến"))
            }
        }
        for _ in 0..<count {
            let page = await app.get("/s/\(campaignID)/\(code)")
            let token = try #require(page.hiddenField("token")), sid = try #require(page.hiddenField("sid"))
            app.clock.advance(by: 60)
            let sent = await app.post("/s/\(campaignID)/\(code)", form: [("token", token), ("sid", sid)] + fields,
                                      headers: [("Origin", TestApp.publicURL)])
            try #require(sent.status == .seeOther, "answer refused: \(sent.status) \(sent.text)")
        }
    }

    @Test func provinceSeesAttentionFirstAHundredAtATime() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        try await report(app, "07243", visitors: 1)
        try await answer(app, "07243", count: 5) { $0.options.first }
        try await report(app, "07204", visitors: 200)
        let province = try await app.signIn("tinh24")
        let base = "/admin/campaigns/\(app.demoCampaignID)"

        let first = await app.get(base, as: province)
        #expect(first.status == .ok)
        #expect(first.text.contains("Theo đơn vị (209)"))
        let firstRows = rows(first.text)
        #expect(firstRows.count == 100, "one page of 100 rows, not 209")
        #expect(firstRows.first?.hasPrefix("vuot\"><td>07243</td>") == true, "over quota comes first: \(firstRows.first ?? "")")
        #expect(firstRows.dropFirst().first?.hasPrefix("thieu\"><td>07204</td>") == true)
        #expect(first.text.contains("Hiển thị 1–100 trong 209 đơn vị phù hợp"))
        #expect(first.text.contains("<span>Trang 1/3</span>"))
        #expect(first.text.contains("href=\"\(base)?page=2#don-vi\" rel=\"next\""))
        #expect(first.text.contains("Cần chú ý (209)</a>"), "over, short and not reported")
        #expect(first.text.contains("Vượt (1)</a>"))
        #expect(first.text.contains("Thiếu (1)</a>"))
        #expect(first.text.contains("Chưa báo cáo (207)</a>"))
        #expect(first.text.contains("href=\"\(base)/export.xlsx\">Excel</a>"), "the full list is one click away")

        let last = await app.get(base + "?page=3", as: province)
        #expect(rows(last.text).count == 9)
        #expect(last.text.contains("Hiển thị 201–209 trong 209 đơn vị phù hợp"))
        #expect(last.text.contains("href=\"\(base)?page=2#don-vi\" rel=\"prev\""))
        let beyond = await app.get(base + "?page=99", as: province)
        #expect(beyond.status == .ok)
        #expect(rows(beyond.text) == rows(last.text), "a page past the end shows the last one")
        let garbage = await app.get(base + "?page=abc&status=nonsense&sort=nonsense", as: province)
        #expect(rows(garbage.text) == firstRows, "unknown values fall back to the defaults")

        let over = await app.get(base + "?status=vuot", as: province)
        #expect(rows(over.text).count == 1)
        #expect(over.text.contains("<strong aria-current=\"true\">Vượt (1)</strong>"))
        #expect(over.text.contains("trên tổng số 209"))
        let met = await app.get(base + "?status=dat", as: province)
        #expect(rows(met.text).isEmpty)
        #expect(met.text.contains("Không có đơn vị nào phù hợp."))

        // Code order keeps the filters in its links; a status filter survives the sort change.
        let byCode = await app.get(base + "?sort=code&status=chua_bao_cao", as: province)
        #expect(rows(byCode.text).count == 100)
        #expect(rows(byCode.text).allSatisfy { $0.hasPrefix("chua_bao_cao\"") })
        #expect(byCode.text.contains("href=\"\(base)?sort=code&amp;status=chua_bao_cao&amp;page=2#don-vi\""))
        #expect(byCode.text.contains("href=\"\(base)?sort=answers&amp;status=chua_bao_cao\""))
        await app.close()
    }

    @Test func districtFilterNarrowsTheTableNotTheRollUp() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let base = "/admin/campaigns/\(app.demoCampaignID)"
        let communes = try await app.scalar("""
            SELECT count(*) FROM campaign_units cu JOIN units u ON u.id = cu.unit_id
            WHERE cu.campaign_id = ? AND u.parent_id = (SELECT id FROM units WHERE code = '213')
            """, [app.demoCampaignID])
        #expect(communes > 0 && communes < 100)

        let board = await app.get(base, as: province)
        #expect(board.text.contains("<td><a href=\"\(base)?district=213\">Thành phố Bắc Giang</a></td>"),
                "each district of the roll-up opens its communes")
        let city = await app.get(base + "?district=213", as: province)
        #expect(city.status == .ok)
        #expect(rows(city.text).count == communes)
        #expect(!city.text.contains("<td>Huyện Yên Thế</td>"), "another district's communes are left out")
        #expect(city.text.contains("<option value=\"213\" selected>Thành phố Bắc Giang</option>"))
        #expect(city.text.contains("Theo huyện"), "the roll-up still covers every district")
        #expect(city.text.contains("Theo đơn vị (209)"))
        #expect(city.text.contains("Hiển thị 1–\(communes) trong \(communes) đơn vị phù hợp (trên tổng số 209)"))
        #expect(!city.text.contains("<nav class=\"pages"), "one page needs no page links")
        let search = await app.get(base + "?district=213&q=tho+xuong", as: province)
        #expect(rows(search.text).count == 1)
        #expect(search.text.contains("<td>Phường Thọ Xương</td>"))

        // A district account sees its own communes in code order, without a district filter of its own.
        let district = try await app.signIn("huyen213")
        let own = await app.get(base, as: district)
        #expect(rows(own.text).count == communes)
        #expect(!own.text.contains("name=\"district\""))
        await app.close()
    }

    @Test func satisfactionFollowsNewAnswersAtOnce() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let path = "/admin/campaigns/\(app.demoCampaignID)?q=tho+xuong"
        func thoXuong() async -> String {
            let page = await app.get(path, as: province)
            return rows(page.text).first { $0.contains("<td>07201</td>") } ?? ""
        }
        #expect(await thoXuong().contains("<td>–</td>"), "no answers yet")
        try await answer(app, "07201", count: 1) { $0.options.first }
        #expect(await thoXuong().contains("<td>100,0%</td>"))
        // The first page load keeps the unit's counters; a new answer must not be hidden by that.
        try await answer(app, "07201", count: 1) { $0.options.last }
        #expect(await thoXuong().contains("<td>50,0%</td>"))
        let csv = await app.get("/admin/campaigns/\(app.demoCampaignID)/export.csv", as: province)
        let line = csv.text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("07201,") } ?? ""
        #expect(line.contains(",50.0%,"), "\(line)")
        // Another unit's answers leave Thọ Xương's figure alone, and pool into the campaign's.
        try await answer(app, "07204", count: 2) { $0.options.first }
        #expect(await thoXuong().contains("<td>50,0%</td>"))
        let board = await app.get("/admin/campaigns/\(app.demoCampaignID)", as: province)
        #expect(board.text.contains("Hài lòng chung: <strong>75,0%</strong>"), "3 positive of 4 per question")
        await app.close()
    }
}
