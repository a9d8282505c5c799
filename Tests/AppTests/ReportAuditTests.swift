import Database
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Every report write leaves exactly one audit entry, whatever the door (web form or API), written by the store;
/// late entry seen from both sides; and the audit page speaks Vietnamese for every action.
@Suite struct ReportAuditTests {
    static let day = LocalDate(iso: "2024-06-12")!

    func at(_ app: TestApp, _ hour: Int, _ minute: Int, _ second: Int = 0) {
        app.clock.set(Double(VietnamTime.instant(Self.day, hour: hour, minute: minute, second: second)))
    }

    func entries(_ app: TestApp, _ action: AuditAction) async throws -> [String] {
        try await app.pool.read {
            try $0.query("SELECT detail FROM audit_log WHERE action = ? ORDER BY id", [action.rawValue])
                .map { try $0.string("detail") }
        }
    }

    @Test func aWebFilingIsAuditedOnce() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 16, 40)
        let commune = try await app.signIn("xa07201")
        let filed = await app.post(
            SiteRoute.dailyReport(campaign: app.demoCampaignID).path, form: ConsoleTests.report,
            as: commune, csrf: commune.csrf)
        #expect(filed.status == .seeOther)
        let details = try await entries(app, .dailyReportSubmit)
        #expect(details.count == 1)
        #expect(details.first?.hasPrefix("Báo cáo ngày 12/06/2024, đợt \(app.demoCampaignID), đơn vị 07201 ") == true)
        #expect(details.first?.hasSuffix(", lần 1, trên web") == true)
        await app.close()
    }

    @Test func anAPIFilingIsAuditedOnce() async throws {
        let world = try await APIWorld()
        world.setClock(APIWorld.wednesday, 16, 40)
        let filed = await world.put(
            world.reportPath("07201", APIWorld.wednesday), json: APIWorld.goodReport,
            as: "xa07201")
        #expect(filed.status == .ok)
        let details = try await entries(world.app, .dailyReportSubmit)
        #expect(details.count == 1)
        #expect(details.first?.hasSuffix(", lần 1, qua API") == true)
        await world.close()
    }

    @Test func aHeadcountIsAuditedOnceAndOnlyCampaignsThatCountOfficialsAskForIt() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let today = app.clock.today
        let pks01 = try await app.pool.write { connection in
            var campaign = NewCampaign(
                formCode: "PKS01", title: "Cán bộ tự đánh giá", startsOn: today.adding(days: -2),
                endsOn: today.adding(days: 4))
            campaign.scope = .units(["07201"])
            campaign.state = .open
            return try CampaignStore(connection).create(campaign, today: today, now: 0)
        }
        let commune = try await app.signIn("xa07201")
        let asking = "nhập một lần cho cả đợt"
        let path = SiteRoute.dailyReport(campaign: pks01).path
        let headcountForm = try #require(await app.get(path, as: commune).document.form(action: path))
        #expect(headcountForm.method == "post")
        #expect(headcountForm.names == ["csrf", "headcount"], "the headcount instead of the daily report")
        let field = try #require(headcountForm.field("headcount"))
        #expect(field.type == "number" && field.isRequired && field.min == "0")
        #expect(
            headcountForm.element.elements(tag: "label").first { $0["for"] == "headcount" }?.text
                .contains(asking) == true)
        let daily = SiteRoute.dailyReport(campaign: app.demoCampaignID).path
        let toUnitReport = await app.get(daily, as: commune)
        #expect(toUnitReport.status == .seeOther && toUnitReport.location == SiteRoute.unitReport.path)
        let unitReport = SiteRoute.unitReport.path
        let dailyForm = try #require(await app.get(unitReport, as: commune).document.form(action: unitReport))
        #expect(dailyForm.field("headcount") == nil)
        #expect(dailyForm.field("visitors") != nil)
        #expect(!dailyForm.element.text.contains(asking))
        #expect(await app.post(path, form: [("headcount", "24")], as: commune, csrf: commune.csrf).status == .seeOther)
        #expect(await app.post(path, form: [("headcount", "25")], as: commune, csrf: commune.csrf).status == .conflict)
        let details = try await entries(app, .headcountEnter)
        #expect(details.count == 1, "the refused second entry leaves none")
        #expect(details.first?.hasPrefix("Số cán bộ, công chức: 24 người, đợt \(pks01), đơn vị 07201 ") == true)
        #expect(details.first?.hasSuffix(", trên web") == true)
        // Entered once, the page only reads the figure back: no form to send another.
        let entered = await app.get(path, as: commune).document
        #expect(entered.form(action: path) == nil)
        #expect(
            entered.texts(of: "p", class: "ok").contains(
                "Đã nhập số cán bộ, công chức của cơ quan: 24. Cần sửa, vui lòng liên hệ huyện."))
        await app.close()
    }

    @Test func anOpeningIsAuditedOnceAndShownWithItsEnd() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let late = SiteRoute.lateEntry(campaign: app.demoCampaignID).path
        let opened = await app.post(
            late, form: [("unit", "07201"), ("date", "2024-06-11"), ("reason", "Mất mạng")],
            as: district, csrf: district.csrf)
        #expect(opened.status == .seeOther)
        let location = try #require(opened.location)
        #expect(location.hasPrefix(late + "/"))
        let details = try await entries(app, .lateEntryOpen)
        #expect(details.count == 1)
        let opening = "Mở nhập muộn báo cáo ngày 11/06/2024, đợt \(app.demoCampaignID), đơn vị 07201 "
        #expect(details.first?.hasPrefix(opening) == true)
        #expect(details.first?.hasSuffix(", đến 23:59 13/06/2024, trên web. Lý do: Mất mạng") == true)

        let confirmation = await app.get(location, as: district)
        #expect(confirmation.status == .ok)
        #expect(confirmation.text.contains("Đã mở nhập muộn báo cáo ngày 11/06/2024 cho 07201"))
        #expect(confirmation.text.contains("được nhập muộn đến 23:59 13/06/2024"))
        let stranger = try await app.signIn("huyen215")
        #expect(await app.get(location, as: stranger).status != .ok, "another district cannot read it")

        // A chosen last day ("hạn nhập"), checked.
        let chosen = await app.post(
            late,
            form: [
                ("unit", "07201"), ("date", "2024-06-10"), ("reason", "Bổ sung"),
                ("until", "2024-06-15"),
            ], as: district, csrf: district.csrf)
        #expect(chosen.status == .seeOther)
        #expect(try await entries(app, .lateEntryOpen).last?.contains("đến 23:59 15/06/2024") == true)
        let bad = await app.post(
            late,
            form: [
                ("unit", "07201"), ("date", "2024-06-10"), ("reason", "x"),
                ("until", "mai"),
            ], as: district, csrf: district.csrf)
        #expect(bad.status == .unprocessableContent)
        let far = await app.post(
            late,
            form: [
                ("unit", "07201"), ("date", "2024-06-10"), ("reason", "x"),
                ("until", "2024-07-13"),
            ], as: district, csrf: district.csrf)
        #expect(far.status == .unprocessableContent)
        #expect(far.text.contains("dài nhất 30 ngày"))
        #expect(try await entries(app, .lateEntryOpen).count == 2, "refused openings leave no entry")

        // The commune sees both openings with their ends, and files the 11th late through the page.
        let commune = try await app.signIn("xa07201")
        let reportRoute = SiteRoute.unitReport
        let report = reportRoute.path
        let page = await app.get(report, as: commune)
        let openDays = page.document.elements(tag: "li").filter { $0.text.contains("được nhập muộn đến") }
        #expect(
            openDays.map(\.text).sorted(by: >) == [
                "Báo cáo ngày 11/06/2024: được nhập muộn đến 23:59 13/06/2024",
                "Báo cáo ngày 10/06/2024: được nhập muộn đến 23:59 15/06/2024",
            ])
        #expect(
            openDays.flatMap(\.links).sorted { $0.href > $1.href } == [
                HTMLLink(href: reportRoute.href([("date", "2024-06-11")]), text: "Báo cáo ngày 11/06/2024"),
                HTMLLink(href: reportRoute.href([("date", "2024-06-10")]), text: "Báo cáo ngày 10/06/2024"),
            ])
        let day11 = await app.get(report + "?date=2024-06-11", as: commune)
        #expect(
            day11.document.texts(of: "p", class: "ok")
                .contains("Ngày 11/06/2024 được nhập muộn đến 23:59 13/06/2024."))
        let lateForm = try #require(day11.document.form(action: report))
        #expect(lateForm.field("date")?.type == "hidden")
        #expect(lateForm.field("date")?.value == "2024-06-11")
        let filed = await app.post(
            report, form: ConsoleTests.report + [("date", "2024-06-11")], as: commune,
            csrf: commune.csrf)
        #expect(filed.status == .seeOther)
        #expect(filed.location == report + "?date=2024-06-11&saved=1&late=1")
        #expect(try await app.scalar("SELECT on_time FROM unit_daily_reports WHERE local_date = '2024-06-11'") == 0)
        #expect(try await entries(app, .dailyReportSubmit).first?.hasSuffix(", lần 1, nhập muộn, trên web") == true)
        let closed = await app.get(report + "?date=2024-06-09", as: commune)
        #expect(
            closed.document.texts(of: "p", class: "warn").contains {
                $0.hasSuffix("Muốn nộp hoặc sửa báo cáo ngày đã qua, hãy đề nghị cấp huyện mở nhập muộn.")
            })
        #expect(closed.document.form(action: report) == nil, "a closed day can only be read")
        #expect(!closed.text.contains("Gửi báo cáo"))
        #expect(await app.get(report + "?date=hom-qua", as: commune).status == .badRequest)
        await app.close()
    }

    @Test func everyActionHasItsOwnVietnameseLabel() {
        for action in AuditAction.allCases {
            #expect(!action.label.isEmpty, "\(action)")
            #expect(action.label != action.rawValue, "\(action)")
        }
        #expect(Set(AuditAction.allCases.map(\.label)).count == AuditAction.allCases.count, "labels tell apart")
        #expect(AuditAction.label("campaign_create") == "Tạo đợt khảo sát")
        #expect(AuditAction.label("hanh_dong_cu") == "hanh_dong_cu", "an older version's action shows as written")
    }

    @Test func theAuditPageShowsLabels() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let now = app.clock.nowSeconds
        try await app.pool.write { connection in
            try AuditLog(connection).record(
                userID: nil, username: "tinh24", unitID: nil, action: .campaignCreate,
                detail: "Đợt số 9", at: now - 60)
            try connection.run(
                """
                INSERT INTO audit_log (at, user_id, username, unit_id, action, detail)
                VALUES (?, NULL, 'cu', NULL, 'hanh_dong_cu', 'từ bản cũ')
                """, [now - 120])
        }
        let browser = try await app.signIn("tinh24")
        let page = await app.get(SiteRoute.audit.path, as: browser)
        #expect(page.status == .ok)
        let log = try #require(page.document.table(withHeader: "Thao tác"))
        let actions = try #require(log.column("Thao tác"))
        #expect(log.row(where: "Thao tác", is: "Tạo đợt khảo sát")?["Chi tiết"] == "Đợt số 9")
        #expect(!actions.contains("campaign_create"))
        #expect(log.row(where: "Thao tác", is: "hanh_dong_cu")?["Chi tiết"] == "từ bản cũ")
        let filter = try #require(page.document.form(action: SiteRoute.audit.path)?.field("action"))
        #expect(
            filter.options.contains(
                HTMLOption(
                    value: "campaign_create", text: "Tạo đợt khảo sát",
                    isSelected: false)))
        await app.close()
    }
}
