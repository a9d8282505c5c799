import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// `/admin/campaigns/{id}/units/{code}`: who may open which unit's page, and what it shows. APIWorld's campaign
/// runs 10–16/06/2024 over 07201, 07204, 07207 (district 213) and 07243 (district 215); today is Wednesday
/// 12/06/2024, 10:00.
@Suite struct CampaignUnitPageTests {
    func path(_ campaign: Int64, _ code: String) -> String {
        SiteRoute.campaignUnit(campaign: campaign, unit: code).path
    }

    /// A PKS05 campaign over two communes and their district desks (a desk takes part in PKS05 only).
    func deskCampaign(_ world: APIWorld, state: CampaignState = .open) async throws -> Int64 {
        let today = world.app.clock.today
        return try await world.app.pool.write { connection in
            var campaign = NewCampaign(
                formCode: "PKS05", title: "Một cửa cấp huyện", startsOn: today, endsOn: today.adding(days: 5))
            campaign.scope = .units(["07201", "213", "07243", "215"])
            campaign.state = state
            return try CampaignStore(connection).create(campaign, today: today, now: 0)
        }
    }

    @Test func eachRoleOpensTheUnitsOfItsScopeOnly() async throws {
        let world = try await APIWorld()
        let app = world.app
        let desks = try await deskCampaign(world)
        let draft = try await deskCampaign(world, state: .draft)
        let city = try await APIWorld.createCampaign(
            app, title: "Chỉ Yên Thế", scope: .units(["07243"]), start: APIWorld.monday,
            end: APIWorld.wednesday)
        let campaign = world.campaignID
        var browsers: [String: Browser] = [:]
        for name in ["tinh24", "huyen213", "xa07201"] { browsers[name] = try await app.signIn(name) }

        let expectations: [(String, String, HTTPStatus)] = [
            // The province: any unit of the campaign; a code the campaign does not cover does not exist here.
            ("tinh24", path(campaign, "07201"), .ok), ("tinh24", path(campaign, "07243"), .ok),
            ("tinh24", path(campaign, "213"), .notFound), ("tinh24", path(campaign, "99999"), .notFound),
            ("tinh24", path(campaign, "07210"), .notFound), ("tinh24", path(desks, "215"), .ok),
            ("tinh24", path(draft, "07201"), .ok), ("tinh24", path(city, "07243"), .ok),
            // A district: its communes and its desk; another district's commune or desk is refused.
            ("huyen213", path(campaign, "07201"), .ok), ("huyen213", path(campaign, "07207"), .ok),
            ("huyen213", path(desks, "213"), .ok), ("huyen213", path(desks, "215"), .forbidden),
            ("huyen213", path(campaign, "07243"), .forbidden), ("huyen213", path(campaign, "99999"), .notFound),
            ("huyen213", path(draft, "07201"), .notFound), ("huyen213", path(city, "07243"), .forbidden),
            // A commune: itself only, not a neighbour nor its district's desk.
            ("xa07201", path(campaign, "07201"), .ok), ("xa07201", path(campaign, "07204"), .forbidden),
            ("xa07201", path(desks, "213"), .forbidden), ("xa07201", path(campaign, "07243"), .forbidden),
            ("xa07201", path(campaign, "99999"), .notFound), ("xa07201", path(draft, "07201"), .notFound),
            ("xa07201", path(9999, "07201"), .notFound),
        ]
        for (user, target, status) in expectations {
            let page = await app.get(target, as: try #require(browsers[user]))
            #expect(page.status == status, "\(user) \(target)")
            if status == .forbidden {
                #expect(page.text.contains("phạm vi"), "a Vietnamese refusal: \(user) \(target)")
            }
        }
        let anonymous = await app.get(path(campaign, "07201"))
        #expect(anonymous.status == .seeOther, "no session: to the login page")
        await world.close()
    }

    @Test func thePageShowsTheUnitsFiguresQuestionsChartAndReports() async throws {
        let world = try await APIWorld()
        let app = world.app
        // Monday filed on time and corrected (2 versions); Tuesday filed late through an opening; Wednesday (today,
        // 10:00) not yet due.
        try await world.file("07201", on: APIWorld.monday, visitors: 10)
        try await world.file("07201", on: APIWorld.monday, visitors: 1_200)
        let unitID = try await world.unitID("07201")
        let campaignID = world.campaignID
        let now = app.clock.nowSeconds
        try await app.pool.write { connection in
            _ = try LateEntryStore(connection).open(
                campaignID: campaignID, unitID: unitID, date: APIWorld.tuesday, reason: "Mất mạng",
                by: ReportFixture.user(42, role: .district), now: now)
            _ = try DailyReportStore(connection).submit(
                DailyReportDraft(
                    campaignID: campaignID, unitID: unitID, date: APIWorld.tuesday, visitors: 7, guided: 3,
                    staffOnDuty: 2, volunteers: 4),
                by: ReportFixture.user(7), now: now)
        }
        try await world.answer("07201", on: APIWorld.monday, positive: 3, negative: 1)
        try await world.answer("07201", on: APIWorld.wednesday, positive: 2)
        let district = try await app.signIn("huyen213")
        let page = await app.get(path(campaignID, "07201"), as: district)
        #expect(page.status == .ok)
        #expect(page.document.headings(1) == ["Phường Thọ Xương"])
        let heading = try #require(page.document.texts(of: "p", class: "note").first)
        #expect(heading.hasPrefix("Thành phố Bắc Giang · mã 07201 · đợt Đợt thử API"))
        #expect(
            page.document.headings(2) == [
                "Số liệu", "Mức hài lòng theo câu hỏi", "Số phiếu theo ngày", "Báo cáo ngày",
            ])
        let cards = page.document.elements(class: "cards").first?.elements(tag: "p").map(\.text) ?? []
        #expect(cards.first == "6 phiếu (hôm nay 2)")
        #expect(cards.contains("1.207 lượt khách đã báo cáo"), "counts through Format: \(cards)")
        #expect(cards.contains { $0.hasPrefix("Chỉ tiêu: thiếu (4 phiếu, cần 20–1.810 theo 1.207 lượt khách") })
        #expect(cards.contains("Báo cáo ngày: đúng giờ 1 · muộn 1 · không có 0"))
        let questions = try #require(page.document.table(class: "questions"))
        #expect(questions.rows.count > 0)
        #expect(questions.rows.first?["Số trả lời"] == "6")
        #expect(questions.rows.first?["Hài lòng"] == "83,3%")
        #expect(page.text.contains("Tổng 6 phiếu từ 10/06/2024 đến 12/06/2024"), "the unit's own chart")

        let reports = try #require(page.document.table(class: "reports"))
        #expect(reports.column("Ngày") == ["12/06/2024", "11/06/2024", "10/06/2024"], "newest first, through today")
        #expect(reports.rows[0].texts == ["12/06/2024", "–", "–", "–", "Chưa đến hạn", "–"])
        #expect(reports.rows[1].texts == ["11/06/2024", "7", "3", "4", "Muộn", "1"])
        #expect(reports.rows[2].texts == ["10/06/2024", "1.200", "600", "1", "Đúng giờ", "2"])

        let links = page.document.elements(tag: "p", class: "actions").first?.links ?? []
        let year = SiteRoute.communeYear(year: 2024, unit: "07201").path
        #expect(
            links.map(\.href) == [
                SiteRoute.dashboard(campaign: campaignID).path,
                SiteRoute.unitFlags(campaign: campaignID, unit: "07201").path,
                SiteRoute.unitTexts(campaign: campaignID, unit: "07201").path, year,
            ])
        let province = try await app.signIn("tinh24")
        let provincePage = await app.get(path(campaignID, "07201"), as: province)
        let provinceLinks = provincePage.document.elements(tag: "p", class: "actions").first?.links ?? []
        #expect(
            provinceLinks.map(\.href) == [
                SiteRoute.dashboard(campaign: campaignID).path,
                SiteRoute.unitFlags(campaign: campaignID, unit: "07201").path,
                SiteRoute.unitTexts(campaign: campaignID, unit: "07201").path, year,
                SiteRoute.dashboard(campaign: campaignID).path + "?district=213#don-vi",
            ])
        await world.close()
    }

    @Test func aDayWithoutAReportIsMissingOnceItsWindowHasClosed() async throws {
        let world = try await APIWorld()
        let target = path(world.campaignID, "07201")
        world.setClock(APIWorld.wednesday, 16, 59, 59)
        // Signed in at that time: a session idle since 10:00 would have ended.
        let commune = try await world.app.signIn("xa07201")
        var reports = try #require(await world.app.get(target, as: commune).document.table(class: "reports"))
        #expect(reports.column("Nộp") == ["Chưa đến hạn", "Không có", "Không có"])
        world.setClock(APIWorld.wednesday, 17, 0, 0)
        let closed = await world.app.get(target, as: commune)
        reports = try #require(closed.document.table(class: "reports"))
        #expect(reports.column("Nộp") == ["Không có", "Không có", "Không có"])
        #expect(
            closed.document.elements(class: "cards").first?.elements(tag: "p").map(\.text)
                .contains("Báo cáo ngày: đúng giờ 0 · muộn 0 · không có 3") == true)
        // The commune's dashboard links to its own page.
        let dashboard = await world.app.get(SiteRoute.dashboard(campaign: world.campaignID).path, as: commune)
        #expect(dashboard.document.links.contains { $0.href == target })
        await world.close()
    }

    @Test func beforeTheFirstDayThereIsNoReportToList() async throws {
        let world = try await APIWorld()
        let later = try await APIWorld.createCampaign(
            world.app, title: "Sắp mở", scope: .units(["07201"]), start: LocalDate(iso: "2024-06-20")!,
            end: LocalDate(iso: "2024-06-25")!)
        let commune = try await world.app.signIn("xa07201")
        let page = await world.app.get(path(later, "07201"), as: commune)
        #expect(page.status == .ok)
        #expect(page.document.table(class: "reports") == nil)
        #expect(page.text.contains("Đợt khảo sát chưa bắt đầu."))
        #expect(page.text.contains("Không có ngày nào trong khoảng này."), "an empty chart, still described")
        await world.close()
    }
}
