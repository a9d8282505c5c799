import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Dashboards, daily reports and exports through the router, signed in as real accounts.
@Suite struct ConsoleTests {
    static let day = LocalDate(iso: "2024-06-12")!

    func at(_ app: TestApp, _ hour: Int, _ minute: Int, _ second: Int) {
        app.clock.set(Double(VietnamTime.instant(Self.day, hour: hour, minute: minute, second: second)))
    }

    static let report: [(String, String)] = [
        ("visitors", "12"), ("guided", "10"), ("staff_on_duty", "2"), ("volunteers", "3"),
        ("publicity", "loa"), ("publicity", "niem_yet"), ("difficulties", "Mất điện buổi chiều"), ("proposals", ""),
    ]

    @Test func dailyReportWindowEdgesThroughThePage() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 16, 29, 59)
        let commune = try await app.signIn("xa07201")
        let path = SiteRoute.unitReport.path

        let page = await app.get(path, as: commune)
        #expect(page.status == .ok)
        #expect(
            page.document.texts(of: "p", class: "warn") == [
                "Chưa đến giờ báo cáo. Khung giờ báo cáo hôm nay mở lúc 16:30 (còn 1 giây); bây giờ là 16:29:59. "
                    + "Có thể điền trước và gửi khi đến giờ."
            ])
        #expect(page.document.form(action: path)?.field("visitors") != nil, "the form is ready before the window")
        let early = await app.post(path, form: Self.report, as: commune, csrf: commune.csrf)
        #expect(early.status == .conflict)
        let refusal = try #require(early.document.elements(tag: "p", class: "summary").first)
        #expect(refusal["role"] == "alert")
        #expect(refusal.text.contains("16:30"))
        #expect(early.document.form(action: path)?.field("visitors")?.value == "12", "what was typed is kept")

        at(app, 16, 30, 0)
        #expect(await app.post(path, form: Self.report, as: commune, csrf: commune.csrf).status == .seeOther)
        at(app, 16, 59, 59)
        var corrected = Self.report
        corrected[0] = ("visitors", "14")
        #expect(await app.post(path, form: corrected, as: commune, csrf: commune.csrf).status == .seeOther)
        at(app, 17, 0, 0)
        #expect(await app.post(path, form: Self.report, as: commune, csrf: commune.csrf).status == .conflict)

        #expect(try await app.scalar("SELECT visitors FROM unit_daily_reports") == 14)
        #expect(
            try await app.scalar("SELECT count(*) FROM unit_daily_report_versions") == 2, "the earlier version is kept")
        #expect(await app.post(path, form: Self.report, as: commune).status == .forbidden, "no CSRF token")
        await app.close()
    }

    @Test func districtSeesWhoReportedAndCanOpenLateEntry() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 16, 40, 0)
        let commune = try await app.signIn("xa07201")
        let district = try await app.signIn("huyen213")
        #expect(
            await app.post(
                SiteRoute.dailyReport(campaign: app.demoCampaignID).path, form: Self.report,
                as: commune, csrf: commune.csrf
            ).status == .seeOther)
        let board = await app.get(SiteRoute.dashboard(campaign: app.demoCampaignID).path, as: district)
        #expect(board.status == .ok)
        #expect(board.headers["Refresh"] == nil, "no header reload under a half-typed form (DashboardRefreshTests)")
        #expect(board.document.element(id: "so-lieu")?["data-refresh"] == "60", "the page's own script reloads it")
        let today = board.document.elements(tag: "div", class: "today").first?.childElements ?? []
        let groups = today.map { group in
            (group.elements(tag: "h3").first?.text ?? "", group.elements(tag: "li").map(\.text))
        }
        #expect(groups.first?.0 == "Đã báo cáo đúng giờ (1)")
        #expect(groups.first?.1 == ["Phường Thọ Xương"])
        #expect(!groups.contains { $0.0 == "Chưa báo cáo (0)" })
        #expect(
            board.document.elements(tag: "label").contains {
                $0["for"] == "nhac" && $0.text.hasPrefix("Danh sách cần nhắc")
            })
        #expect(board.document.element(id: "nhac").map { $0.tag == "textarea" && $0["readonly"] != nil } == true)
        #expect(!board.text.contains("Huyện Yên Thế"), "another district's communes are not listed")

        // Late entry for a commune of the district, with a reason, lands in the audit log.
        let late = await app.post(
            SiteRoute.lateEntry(campaign: app.demoCampaignID).path,
            form: [("unit", "07210"), ("date", "2024-06-11"), ("reason", "Mất mạng")],
            as: district, csrf: district.csrf)
        #expect(late.status == .seeOther)
        #expect(try await app.auditActions().contains("late_entry_open"))
        let foreign = await app.post(
            SiteRoute.lateEntry(campaign: app.demoCampaignID).path,
            form: [("unit", "07243"), ("date", "2024-06-11"), ("reason", "x")],
            as: district, csrf: district.csrf)
        #expect(foreign.status == .forbidden)
        await app.close()
    }

    @Test func scopeMatrixForConsoleRoutes() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let id = app.demoCampaignID
        // A campaign covering only Yên Thế's commune 07243: outside Bắc Giang city's scope.
        let other = try await app.pool.write { connection in
            var campaign = NewCampaign(formCode: "PKS03", title: "Yên Thế", startsOn: Self.day, endsOn: Self.day)
            campaign.scope = .units(["07243"])
            return try CampaignStore(connection).create(campaign, today: Self.day, now: 0)
        }
        let routes: [(Int64) -> String] = [
            { SiteRoute.dashboard(campaign: $0).path }, { SiteRoute.exportXLSX(campaign: $0).path },
            { SiteRoute.exportCSV(campaign: $0).path }, { SiteRoute.exportCSV(campaign: $0).path + "?sep=semicolon" },
            { SiteRoute.printReport(campaign: $0).path },
        ]
        let expectations: [(String, Int64, HTTPStatus)] = [
            ("tinh24", id, .ok), ("tinh24", other, .ok),
            ("huyen213", id, .ok), ("huyen213", other, .forbidden),
            ("xa07201", id, .ok), ("xa07201", other, .forbidden),
            ("xa07243", other, .ok), ("huyen215", other, .ok),
        ]
        for (username, campaign, status) in expectations {
            let browser = try await app.signIn(username)
            for route in routes {
                let response = await app.get(route(campaign), as: browser)
                #expect(response.status == status, "\(username) \(route(campaign))")
            }
        }
        let province = try await app.signIn("tinh24")
        #expect(await app.get(SiteRoute.dashboard(campaign: 999).path, as: province).status == .notFound)
        let reportAsProvince = await app.get(SiteRoute.dailyReport(campaign: id).path, as: province)
        #expect(reportAsProvince.status == .forbidden, "the province files no daily report")
        #expect(await app.get(SiteRoute.dashboard(campaign: id).path).status == .seeOther, "signed out → login")
        await app.close()
    }

    @Test func provinceDashboardAndExportsCarryTheFigures() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let dashboard = SiteRoute.dashboard(campaign: app.demoCampaignID).path
        let board = await app.get(dashboard + "?sort=status", as: province)
        #expect(board.status == .ok)
        #expect(board.document.headings(2).contains("Theo huyện"))
        #expect(board.document.headings(2).contains("Theo đơn vị (209)"))
        #expect(board.document.table(withHeader: "Số xã")?.rows.isEmpty == false)
        #expect(board.document.table(class: "units")?.rows.count == 100)
        #expect(!board.document.elements(tag: "svg").isEmpty)
        #expect(board.text.contains("mục tiêu năm 60,0%"))
        let found = await app.get(dashboard + "?q=ngo+quyen", as: province)
        let names = found.document.table(class: "units")?.column("Đơn vị") ?? []
        #expect(names.contains("Phường Ngô Quyền"))
        #expect(!names.contains("Phường Thọ Xương"), "the search keeps only matching units")
        #expect(names.allSatisfy { $0.localizedCaseInsensitiveContains("Ngô Quyền") })
        let csv = await app.get(
            SiteRoute.exportCSV(campaign: app.demoCampaignID).path + "?sep=semicolon",
            as: province)
        #expect(csv.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(csv.body.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with BOM for Excel")
        #expect(csv.text.split(whereSeparator: \.isNewline).count == 210)
        #expect(csv.text.contains(";"))
        let xlsx = await app.get(SiteRoute.exportXLSX(campaign: app.demoCampaignID).path, as: province)
        #expect(xlsx.body.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP container")
        #expect(try await app.auditActions().filter { $0 == "export" }.count == 2)
        let home = await app.get(SiteRoute.adminHome.path, as: province)
        #expect(home.document.links.contains { $0.href == dashboard })
        await app.close()
    }
}
