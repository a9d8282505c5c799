import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The web side of one report per unit and day: a commune files once and every open campaign covering it shows
/// it; a district lists the late-entry openings in force in its scope and closes one; the API files the unit's
/// report through any campaign covering the unit and the day.
@Suite struct UnitReportFlowTests {
    func at(_ app: TestApp, _ hour: Int, _ minute: Int, on day: LocalDate = ConsoleTests.day) {
        app.clock.set(Double(VietnamTime.instant(day, hour: hour, minute: minute)))
    }

    @Test func oneReportShowsOnEveryOpenCampaignsDashboard() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 16, 40)
        let today = app.clock.today
        let second = try await APIWorld.createCampaign(
            app, title: "Đợt thứ hai", scope: .units(["07201", "07210"]), start: today.adding(days: -2),
            end: today.adding(days: 4))
        let commune = try await app.signIn("xa07201")
        let district = try await app.signIn("huyen213")
        let path = SiteRoute.unitReport.path
        let page = await app.get(path, as: commune).document
        let listed = page.elements(tag: "ul", class: "campaign-list").first?.links.map(\.href) ?? []
        #expect(
            listed == [
                SiteRoute.dashboard(campaign: app.demoCampaignID).path, SiteRoute.dashboard(campaign: second).path,
            ])
        #expect(await app.post(path, form: ConsoleTests.report, as: commune, csrf: commune.csrf).status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM unit_daily_reports") == 1)

        for campaign in [app.demoCampaignID, second] {
            let board = await app.get(SiteRoute.dashboard(campaign: campaign).path, as: district)
            let groups = (board.document.elements(tag: "div", class: "today").first?.childElements ?? []).map {
                ($0.elements(tag: "h3").first?.text ?? "", $0.elements(tag: "li").map(\.text))
            }
            #expect(groups.first?.0 == "Đã báo cáo đúng giờ (1)", "campaign \(campaign)")
            #expect(groups.first?.1 == ["Phường Thọ Xương"], "campaign \(campaign)")
        }
        let audit = try await app.pool.read {
            try $0.query("SELECT detail FROM audit_log WHERE action = 'daily_report_submit'").map {
                try $0.string("detail")
            }
        }
        #expect(audit.count == 1)
        #expect(audit.first?.hasPrefix("Báo cáo ngày 12/06/2024, các đợt \(app.demoCampaignID) và \(second), ") == true)
        await app.close()
    }

    @Test func aDistrictListsOpenLateEntriesAndClosesOne() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 17, 10)
        let district = try await app.signIn("huyen213")
        let stranger = try await app.signIn("huyen215")
        let commune = try await app.signIn("xa07201")
        let opened = await app.post(
            SiteRoute.lateEntry(campaign: app.demoCampaignID).path,
            form: [("unit", "07201"), ("date", "2024-06-11"), ("reason", "Mất mạng")], as: district,
            csrf: district.csrf)
        #expect(opened.status == .seeOther)
        let confirmation = await app.get(try #require(opened.location), as: district)
        #expect(confirmation.document.links.contains { $0.href == SiteRoute.lateEntries.path })

        let list = await app.get(SiteRoute.lateEntries.path, as: district)
        #expect(list.status == .ok)
        let table = try #require(list.document.table(withHeader: "Ngày báo cáo"))
        #expect(table.rows.count == 1)
        #expect(table.rows.first?["Đơn vị"] == "07201 Phường Thọ Xương")
        #expect(table.rows.first?["Ngày báo cáo"] == "11/06/2024")
        #expect(table.rows.first?["Hạn nhập"] == "23:59 13/06/2024")
        #expect(table.rows.first?["Lý do"] == "Mất mạng")
        let opening = try #require(
            try await app.pool.read { try $0.scalar("SELECT id FROM late_entry_openings", as: Int64.self) })
        let close = SiteRoute.closeLateEntry(opening: opening).path
        #expect(list.document.form(action: close) != nil)

        // The commune sees the day on its report page; another district neither sees nor closes it.
        let report = await app.get(SiteRoute.unitReport.path, as: commune).document
        #expect(
            report.elements(tag: "ul", class: "late-days").first?.links.map(\.href)
                == [SiteRoute.unitReport.href([("date", "2024-06-11")])])
        #expect(
            await app.get(SiteRoute.lateEntries.path, as: stranger).document.table(withHeader: "Ngày báo cáo") == nil)
        #expect(await app.post(close, form: [], as: stranger, csrf: stranger.csrf).status == .forbidden)

        at(app, 17, 20)
        let closed = await app.post(close, form: [], as: district, csrf: district.csrf)
        #expect(closed.status == .seeOther)
        #expect(closed.location == SiteRoute.lateEntries.href([("closed", "1")]))
        let after = await app.get(try #require(closed.location), as: district).document
        #expect(after.table(withHeader: "Ngày báo cáo") == nil)
        #expect(after.elements(tag: "p").first { $0["role"] == "status" }?.text == "Đã đóng lượt mở nhập muộn.")
        #expect(try await app.auditActions().filter { $0 == "late_entry_close" }.count == 1)
        // Closing again changes nothing and records nothing.
        let again = await app.post(close, form: [], as: district, csrf: district.csrf)
        #expect(again.location == SiteRoute.lateEntries.href([("closed", "0")]))
        #expect(try await app.auditActions().filter { $0 == "late_entry_close" }.count == 1)
        // A closed opening is refused.
        let refused = await app.post(
            SiteRoute.unitReport.path, form: ConsoleTests.report + [("date", "2024-06-11")], as: commune,
            csrf: commune.csrf)
        #expect(refused.status == .conflict)
        await app.close()
    }

    @Test func theAPIFilesTheUnitsReportThroughAnyCampaignCoveringIt() async throws {
        let world = try await APIWorld()
        let second = try await APIWorld.createCampaign(
            world.app, title: "Đợt từ thứ Năm", scope: .units(["07201"]), start: APIWorld.wednesday.adding(days: 1),
            end: LocalDate(iso: "2024-06-16")!)
        world.setClock(APIWorld.wednesday, 16, 40, 0)
        let first = await world.put(
            world.reportPath("07201", APIWorld.wednesday), json: APIWorld.goodReport, as: "xa07201")
        #expect(first.status == .ok)
        let notCovered = await world.put(
            world.reportPath("07201", APIWorld.wednesday, campaign: second), json: APIWorld.goodReport, as: "xa07201")
        #expect(notCovered.status == .conflict)
        #expect(try APIErrorBody(notCovered).error == "not_in_campaign")
        world.setClock(APIWorld.wednesday.adding(days: 1), 16, 40, 0)
        let thursday = APIWorld.wednesday.adding(days: 1)
        let viaSecond = await world.put(
            world.reportPath("07201", thursday, campaign: second), json: APIWorld.goodReport, as: "xa07201")
        #expect(viaSecond.status == .ok)
        #expect(viaSecond.text.contains(#""campaign":\#(second)"#))
        let viaFirst = await world.put(world.reportPath("07201", thursday), json: APIWorld.goodReport, as: "xa07201")
        #expect(viaFirst.text.contains(#""version":2"#), "the same report of the day, corrected")
        #expect(try await world.app.scalar("SELECT count(*) FROM unit_daily_reports") == 2)
        await world.close()
    }

    @Test func aDistrictOpensLateEntryFromItsOwnPage() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 17, 10)
        let district = try await app.signIn("huyen213")
        let path = SiteRoute.lateEntries.path
        let page = await app.get(path, as: district).document
        let form = try #require(page.form(action: path))
        let options = form.element.elements(tag: "option").map { $0["value"] ?? "" }
        #expect(options.first == "213" && options.contains("07201") && !options.contains("07243"))

        let opened = await app.post(
            path, form: [("unit", "07201"), ("date", "2024-06-10"), ("reason", "Mất điện")], as: district,
            csrf: district.csrf)
        #expect(opened.status == .seeOther)
        let opening = try #require(
            try await app.pool.read { try $0.scalar("SELECT id FROM late_entry_openings", as: Int64.self) })
        #expect(opened.location == SiteRoute.lateEntryOpening(campaign: app.demoCampaignID, opening: opening).path)
        let list = await app.get(path, as: district).document
        #expect(list.table(withHeader: "Ngày báo cáo")?.rows.first?["Ngày báo cáo"] == "10/06/2024")

        let foreign = await app.post(
            path, form: [("unit", "07243"), ("date", "2024-06-10"), ("reason", "x")], as: district,
            csrf: district.csrf)
        #expect(foreign.status == .forbidden)
        let noReason = await app.post(
            path, form: [("unit", "07210"), ("date", "2024-06-10"), ("reason", " ")], as: district,
            csrf: district.csrf)
        #expect(noReason.status == .unprocessableContent)
        #expect(noReason.document.elements(tag: "p", class: "summary").first?.text.contains("lý do") == true)
        #expect(noReason.document.form(action: path)?.field("date")?.value == "2024-06-10", "what was typed is kept")
        let noCampaign = await app.post(
            path, form: [("unit", "07210"), ("date", "2023-01-02"), ("reason", "Cũ")], as: district,
            csrf: district.csrf)
        #expect(noCampaign.status == .conflict)
        #expect(try await app.auditActions().filter { $0 == "late_entry_open" }.count == 1)
        await app.close()
    }
}
