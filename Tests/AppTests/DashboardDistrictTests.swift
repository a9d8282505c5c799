import Database
import Survey
import Testing

@testable import App
@testable import Store

/// A district account's dashboard, print page and exports: only its own communes and desk, and no daily-report
/// board before the campaign has started.
@Suite struct DashboardDistrictTests {
    /// Answers straight into the counters (the triggers keep `unit_totals`), as the write path leaves them.
    func addAnswers(_ app: TestApp, _ code: String, _ answers: Int, campaignID: Int64? = nil) async throws {
        let campaign = campaignID ?? app.demoCampaignID
        let today = app.clock.today
        try await app.pool.write { connection in
            let unit = try #require(
                try connection.scalar(
                    "SELECT id FROM units WHERE code = ?", [code],
                    as: Int64.self))
            try connection.run(
                """
                INSERT INTO daily_answer_counts (campaign_id, unit_id, local_date, answers) VALUES (?, ?, ?, ?)
                """, [campaign, unit, today.iso, answers])
        }
    }

    @Test func districtChartPrintAndExportCountOnlyItsOwnUnits() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        try await addAnswers(app, "07201", 2)  // Thọ Xương, Thành phố Bắc Giang (213)
        try await addAnswers(app, "07243", 5)  // Đồng Tiến, Huyện Yên Thế (215)
        let base = SiteRoute.dashboard(campaign: app.demoCampaignID).path
        let printPath = SiteRoute.printReport(campaign: app.demoCampaignID).path
        let district = try await app.signIn("huyen213")
        let province = try await app.signIn("tinh24")

        let board = await app.get(base, as: district)
        #expect(board.status == .ok)
        #expect(board.text.contains("Tổng 2 phiếu từ"), "the chart counts the district's communes only")
        #expect(!board.text.contains("Tổng 7 phiếu"))
        let boardCodes = try #require(board.document.table(class: "units")?.column("Mã"))
        #expect(boardCodes.contains("07201") && !boardCodes.contains("07243"))
        let printed = await app.get(printPath, as: district)
        #expect(printed.text.contains("Tổng 2 phiếu từ"), "the print page's chart too")
        let printedTable = try #require(printed.document.table(withHeader: "Mã"))
        #expect(printedTable.column("Mã")?.contains("07243") == false)
        #expect(printedTable.column("Mã")?.contains("07201") == true)
        #expect(!printedTable.headers.contains("Huyện"), "a district's own table needs no district column")
        let csv = await app.get(SiteRoute.exportCSV(campaign: app.demoCampaignID).path, as: district)
        #expect(csv.text.contains("\n07201,"))
        #expect(!csv.text.contains("07243"), "another district's commune is not exported")

        #expect(await app.get(base, as: province).text.contains("Tổng 7 phiếu từ"), "the province counts every unit")
        let provincePrint = await app.get(printPath, as: province)
        #expect(provincePrint.text.contains("Tổng 7 phiếu từ"))
        #expect(
            provincePrint.document.elements(tag: "tr", class: "group").count == 10,
            "the province's print page groups its units under their districts (ExportPrintTests)")
        let commune = try await app.signIn("xa07243")
        #expect(await app.get(printPath, as: commune).text.contains("Tổng 5 phiếu từ"))
        await app.close()
    }

    @Test func noReportBoardBeforeTheCampaignStarts() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let today = app.clock.today
        let (upcoming, draft) = try await app.pool.write { connection -> (Int64, Int64) in
            let store = CampaignStore(connection)
            var later = NewCampaign(
                formCode: "PKS03", title: "Sắp mở", startsOn: today.adding(days: 3),
                endsOn: today.adding(days: 10))
            later.scope = .units(["07201", "07204"])
            var unpublished = NewCampaign(
                formCode: "PKS04", title: "Bản nháp", startsOn: today.adding(days: -1),
                endsOn: today.adding(days: 10))
            unpublished.scope = .units(["07201", "07204"])
            unpublished.state = .draft
            return (try store.create(later, today: today, now: 0), try store.create(unpublished, today: today, now: 0))
        }
        let district = try await app.signIn("huyen213")
        // A draft does not exist for a district (CampaignAccess); a published campaign still to come shows no board.
        #expect(await app.get(SiteRoute.dashboard(campaign: draft).path, as: district).status == .notFound)
        for campaign in [upcoming] {
            let board = await app.get(SiteRoute.dashboard(campaign: campaign).path, as: district)
            #expect(board.status == .ok)
            #expect(board.text.contains("Đợt khảo sát chưa bắt đầu."), "campaign \(campaign)")
            #expect(!board.text.contains("Danh sách cần nhắc"), "no reminders before the first day")
            #expect(board.document.element(id: "nhac") == nil)
            #expect(board.document.elements(tag: "div", class: "today").isEmpty, "no board of who reported")
            #expect(
                board.document.table(class: "units")?.column("Mã")?.sorted() == ["07201", "07204"],
                "the communes are still listed")
        }
        let running = await app.get(SiteRoute.dashboard(campaign: app.demoCampaignID).path, as: district)
        #expect(running.text.contains("Danh sách cần nhắc"))
        #expect(running.document.elements(tag: "div", class: "today").count == 1)
        #expect(!running.text.contains("Đợt khảo sát chưa bắt đầu."))
        await app.close()
    }
}
