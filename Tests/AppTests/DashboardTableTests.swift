import Database
import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The province's unit table a page at a time: attention first, status and district filters with their counts,
/// page links that keep the filters, and satisfaction that follows new answers at once.
@Suite struct DashboardTableTests {
    /// The per-unit table of a dashboard page, read by its headers.
    func units(_ page: HTTPResponse) throws -> HTMLTable {
        try #require(page.document.table(class: "units"), "no unit table: \(page.status)")
    }

    /// The sentence above the table that says which rows are shown.
    func shown(_ page: HTTPResponse) -> String? {
        page.document.texts(of: "p", class: "note").first { $0.hasPrefix("Hiển thị") || $0.hasPrefix("Không có") }
    }

    /// The status filters: links to the other filters, and the current one in `<strong aria-current>`.
    func filters(_ page: HTTPResponse) -> (links: [HTMLLink], current: [String]) {
        let paragraph = page.document.elements(tag: "p", class: "filters").first
        return (
            paragraph?.links ?? [],
            paragraph?.elements(tag: "strong").filter { $0["aria-current"] == "true" }.map(\.text) ?? []
        )
    }

    /// The page links under the table, and the "Trang x/y" it shows; nil without page links.
    func pager(_ page: HTTPResponse) -> (links: [HTMLLink], position: String?)? {
        page.document.elements(tag: "nav", class: "pages").first
            .map { ($0.links, $0.elements(tag: "span").first?.text) }
    }

    /// Today's report for a demo commune, filed inside the window.
    func report(_ app: TestApp, _ code: String, visitors: Int) async throws {
        let today = app.clock.today
        try await app.pool.write { connection in
            let unit = try #require(
                try connection.scalar("SELECT id FROM units WHERE code = ?", [code], as: Int64.self))
            let draft = DailyReportDraft(
                campaignID: app.demoCampaignID, unitID: unit, date: today, visitors: visitors,
                guided: 0, staffOnDuty: 1, volunteers: 0)
            _ = try DailyReportStore(connection).submit(
                draft, by: ReportFixture.user(1),
                now: VietnamTime.instant(today, hour: 16, minute: 40))
        }
    }

    /// Answers the way a citizen sends them (the form page, then its POST), so they take the real write path;
    /// every choice question gets the option `pick` returns, a follow-up text is filled in when it shows.
    func answer(
        _ app: TestApp, _ code: String, count: Int,
        pick: @escaping @Sendable (QuestionDefinition) -> OptionDefinition?
    ) async throws {
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
            let answerPath = SiteRoute.answer(campaign: campaignID, unit: code).path
            let page = await app.get(answerPath)
            let token = try #require(page.hiddenField("token"))
            app.clock.advance(by: 60)
            let sent = await app.post(
                answerPath, form: [("token", token)] + fields,
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
        let base = SiteRoute.dashboard(campaign: app.demoCampaignID).path

        let first = await app.get(base, as: province)
        #expect(first.status == .ok)
        #expect(first.document.headings(2).contains("Theo đơn vị (209)"))
        let firstTable = try units(first)
        #expect(firstTable.headers.starts(with: ["Mã", "Đơn vị", "Huyện"]))
        #expect(firstTable.rows.count == 100, "one page of 100 rows, not 209")
        let top = try #require(firstTable.rows.first)
        #expect(top.classes == ["s-vuot"], "over quota comes first: \(top.texts)")
        #expect(top["Mã"] == "07243")
        #expect(top.cell("Chỉ tiêu")?.elements(tag: "strong").first?.text == "vượt")
        #expect(top["Tổng phiếu"] == "5 (hôm nay 5)")
        let second = try #require(firstTable.rows.dropFirst().first)
        #expect(second.classes == ["s-thieu"])
        #expect(second["Mã"] == "07204")
        #expect(second.cell("Chỉ tiêu")?.elements(tag: "strong").first?.text == "thiếu")
        // Sorted by status: its header says so and links nowhere; the other sortable headers link to their order.
        #expect(firstTable.headerCell("Chỉ tiêu")?["aria-sort"] == "ascending")
        #expect(firstTable.headerCell("Chỉ tiêu")?.links.isEmpty == true)
        #expect(firstTable.headerCell("Mã")?.links.first?.href == base + "?sort=code")
        #expect(firstTable.headerCell("Tổng phiếu")?.links.first?.href == base + "?sort=answers")
        #expect(shown(first)?.hasPrefix("Hiển thị 1–100 trong 209 đơn vị phù hợp") == true, "\(shown(first) ?? "")")
        let firstPager = try #require(pager(first))
        #expect(firstPager.position == "Trang 1/3")
        #expect(firstPager.links.contains(HTMLLink(href: base + "?page=2#don-vi", text: "Trang sau ›", rel: "next")))
        let (firstFilters, firstCurrent) = filters(first)
        #expect(firstCurrent == ["Tất cả (209)"])
        #expect(
            firstFilters.map(\.text)
                == ["Cần chú ý (209)", "Vượt (1)", "Thiếu (1)", "Chưa báo cáo (207)", "Đạt (0)"],
            "over, short and not reported need attention")
        #expect(
            firstFilters.map(\.href)
                == ["can_chu_y", "vuot", "thieu", "chua_bao_cao", "dat"]
                .map { base + "?status=\($0)#don-vi" })
        #expect(
            first.document.links.contains(
                HTMLLink(
                    href: SiteRoute.exportXLSX(campaign: app.demoCampaignID).path,
                    text: "Excel")), "the full list is one click away")

        let last = await app.get(base + "?page=3", as: province)
        let lastTable = try units(last)
        #expect(lastTable.rows.count == 9)
        #expect(shown(last)?.hasPrefix("Hiển thị 201–209 trong 209 đơn vị phù hợp") == true)
        #expect(pager(last)?.position == "Trang 3/3")
        #expect(
            pager(last)?.links.contains(HTMLLink(href: base + "?page=2#don-vi", text: "‹ Trang trước", rel: "prev"))
                == true)
        let beyond = await app.get(base + "?page=99", as: province)
        #expect(beyond.status == .ok)
        #expect(
            try units(beyond).rows.map(\.texts) == lastTable.rows.map(\.texts),
            "a page past the end shows the last one")
        let garbage = await app.get(base + "?page=abc&status=nonsense&sort=nonsense", as: province)
        #expect(
            try units(garbage).rows.map(\.texts) == firstTable.rows.map(\.texts),
            "unknown values fall back to the defaults")

        let over = await app.get(base + "?status=vuot", as: province)
        #expect(try units(over).column("Mã") == ["07243"])
        #expect(filters(over).current == ["Vượt (1)"])
        #expect(shown(over)?.contains("(trên tổng số 209)") == true)
        let met = await app.get(base + "?status=dat", as: province)
        #expect(try units(met).rows.isEmpty)
        #expect(shown(met) == "Không có đơn vị nào phù hợp.")

        // Code order keeps the filters in its links; a status filter survives the sort change.
        let byCode = await app.get(base + "?sort=code&status=chua_bao_cao", as: province)
        let byCodeTable = try units(byCode)
        #expect(byCodeTable.rows.count == 100)
        #expect(byCodeTable.rows.allSatisfy { $0.classes == ["s-chua_bao_cao"] })
        #expect(byCodeTable.column("Chỉ tiêu")?.allSatisfy { $0.hasPrefix("chưa báo cáo") } == true)
        let codes = byCodeTable.column("Mã") ?? []
        #expect(codes == codes.sorted())
        #expect(byCodeTable.headerCell("Mã")?["aria-sort"] == "ascending")
        let nextByCode = base + "?sort=code&status=chua_bao_cao&page=2#don-vi"
        #expect(pager(byCode)?.links.contains { $0.href == nextByCode && $0.rel == "next" } == true)
        #expect(byCodeTable.headerCell("Tổng phiếu")?.links.first?.href == base + "?sort=answers&status=chua_bao_cao")
        await app.close()
    }

    @Test func districtFilterNarrowsTheTableNotTheRollUp() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let base = SiteRoute.dashboard(campaign: app.demoCampaignID).path
        let communes = try await app.scalar(
            """
            SELECT count(*) FROM campaign_units cu JOIN units u ON u.id = cu.unit_id
            WHERE cu.campaign_id = ? AND u.parent_id = (SELECT id FROM units WHERE code = '213')
            """, [app.demoCampaignID])
        #expect(communes > 0 && communes < 100)

        let board = await app.get(base, as: province)
        let rollUp = try #require(board.document.table(withHeader: "Số xã"))
        let cityRow = try #require(rollUp.row(where: "Huyện", is: "Thành phố Bắc Giang"))
        #expect(
            cityRow.cell("Huyện")?.links.first?.href == base + "?district=213#don-vi",
            "each district of the roll-up opens its communes, at the unit table below")
        let city = await app.get(base + "?district=213", as: province)
        #expect(city.status == .ok)
        let cityTable = try units(city)
        #expect(cityTable.rows.count == communes)
        #expect(
            cityTable.column("Huyện")?.contains("Huyện Yên Thế") == false,
            "another district's communes are left out")
        #expect(cityTable.column("Huyện")?.allSatisfy { $0 == "Thành phố Bắc Giang" } == true)
        let filter = try #require(city.document.form(action: base))
        #expect(filter.method == "get")
        let district = try #require(filter.field("district"))
        #expect(district.value == "213")
        #expect(
            district.options.first { $0.isSelected }
                == HTMLOption(
                    value: "213", text: "Thành phố Bắc Giang",
                    isSelected: true))
        #expect(city.document.headings(2).contains("Theo huyện"), "the roll-up still covers every district")
        #expect(city.document.headings(2).contains("Theo đơn vị (209)"))
        #expect(
            shown(city) == "Hiển thị 1–\(communes) trong \(communes) đơn vị phù hợp (trên tổng số 209). "
                + "Danh sách đầy đủ: Excel, CSV.")
        #expect(pager(city) == nil, "one page needs no page links")
        let search = await app.get(base + "?district=213&q=tho+xuong", as: province)
        let found = try units(search)
        #expect(found.rows.count == 1)
        #expect(found.rows.first?["Đơn vị"] == "Phường Thọ Xương")

        // A district account sees its own communes in code order, without a district filter of its own.
        let own = await app.get(base, as: try await app.signIn("huyen213"))
        let ownTable = try units(own)
        #expect(ownTable.rows.count == communes)
        let codes = ownTable.column("Mã") ?? []
        #expect(codes == codes.sorted())
        #expect(own.document.form(action: base)?.field("district") == nil)
        #expect(own.document.elements().allSatisfy { $0["name"] != "district" })
        await app.close()
    }

    @Test func satisfactionFollowsNewAnswersAtOnce() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let dashboard = SiteRoute.dashboard(campaign: app.demoCampaignID).path
        func thoXuong() async throws -> String? {
            let page = await app.get(dashboard + "?q=tho+xuong", as: province)
            return try units(page).row(where: "Mã", is: "07201")?["Hài lòng"]
        }
        #expect(try await thoXuong() == "–", "no answers yet")
        try await answer(app, "07201", count: 1) { $0.options.first }
        #expect(try await thoXuong() == "100,0%")
        // The first page load keeps the unit's counters; a new answer must not be hidden by that.
        try await answer(app, "07201", count: 1) { $0.options.last }
        #expect(try await thoXuong() == "50,0%")
        let csv = await app.get(SiteRoute.exportCSV(campaign: app.demoCampaignID).path, as: province)
        let line = csv.text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("07201,") } ?? ""
        #expect(line.contains(",50.0%,"), "\(line)")
        // Another unit's answers leave Thọ Xương's figure alone, and pool into the campaign's.
        try await answer(app, "07204", count: 2) { $0.options.first }
        #expect(try await thoXuong() == "50,0%")
        let board = await app.get(dashboard, as: province)
        let overall = board.document.elements(tag: "p").first { $0.text.hasPrefix("Hài lòng chung:") }
        #expect(overall?.elements(tag: "strong").first?.text == "75,0%", "3 positive of 4 per question")
        await app.close()
    }
}
