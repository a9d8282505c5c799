import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// `/admin/today` through the real router over `TodayWorld`: a district's board before, inside and after the
/// window, each unit once with every campaign counting it, nothing of drafts, closed or future campaigns or of
/// another district; the province's roll-up; a commune's own day with its late days; `/admin` per role.
@Suite struct TodayBoardTests {
    @Test func aDistrictBoardBeforeInsideAndAfterTheWindow() async throws {
        let world = try await TodayWorld()
        let app = world.app

        // 10:00: nothing is missing yet; the desk first, then the communes by code, each once.
        var district = try await world.at(10, 0, as: "huyen213")
        let morning = await world.board(as: district)
        #expect(morning.status == .ok)
        #expect(morning.todayCodes == ["213", "07201", "07204", "07207"])
        #expect(morning.todayUnits.values.allSatisfy { $0["Tình trạng"] == "Chưa đến giờ báo cáo" })
        #expect(morning.todayUnits["07201"]?["Đợt tính báo cáo"] == "Đợt A một cửa, Đợt B người dân")
        #expect(
            morning.document.table(withHeader: "Tình trạng")?.rows.first { $0["Đơn vị"]?.hasSuffix("(07201)") == true }?
                .cell("Đợt tính báo cáo")?.links.map(\.href)
                == [
                    SiteRoute.dashboard(campaign: world.campaignA).path,
                    SiteRoute.dashboard(campaign: world.campaignB).path,
                ])
        // The day's window is the earliest start to the latest end of the campaigns covering the district.
        #expect(morning.text.contains("Khung giờ báo cáo hôm nay: <strong>16:15–17:15</strong>"))
        #expect(morning.text.contains("Chưa đến giờ báo cáo."))
        #expect(
            morning.document.elements(tag: "div", class: "today-counts").first?.childElements.map(\.text)
                == ["0/4 đơn vị đã báo cáo", "0 đúng giờ", "0 muộn", "4 chưa đến giờ báo cáo"])
        let reminder = try #require(morning.document.elements(tag: "textarea").first { $0["id"] == "nhac-bao-cao" })
        #expect(reminder["readonly"] != nil)
        #expect(
            reminder.rawText
                == "Chưa báo cáo ngày 12/06/2024 (4 đơn vị):\nThành phố Bắc Giang (213)\nPhường Thọ Xương (07201)\n"
                + "Phường Trần Nguyên Hãn (07204)\nPhường Ngô Quyền (07207)")
        #expect(morning.text.contains("<script src=\"/static/copy.js\" defer></script>"))
        #expect(await app.get("/static/copy.js").status == .ok)

        // 16:20: B's window (16:15) is open for 07207; A's (16:30) not yet for 07204 and the desk.
        district = try await world.at(16, 20, as: "huyen213")
        let early = await world.board(as: district).todayUnits
        #expect(early["07207"]?["Tình trạng"] == "Chưa báo cáo")
        #expect(early["07204"]?["Tình trạng"] == "Chưa đến giờ báo cáo")
        #expect(early["213"]?["Tình trạng"] == "Chưa đến giờ báo cáo")

        // 16:45: 07201 files once (counted by A and B), then corrects it.
        let commune = try await world.at(16, 45, as: "xa07201")
        for _ in 0..<2 {
            let filed = await app.post(
                SiteRoute.unitReport.path, form: ConsoleTests.report, as: commune, csrf: commune.csrf)
            #expect(filed.status == .seeOther)
        }
        district = try await app.signIn("huyen213")
        let inside = await world.board(as: district)
        #expect(inside.todayUnits["07201"]?["Tình trạng"] == "Đã báo cáo đúng giờ")
        #expect(inside.todayUnits["07201"]?["Giờ nộp"] == "16:45")
        #expect(inside.todayUnits["07201"]?["Số lần nộp"] == "2")
        #expect(inside.todayUnits["07204"]?["Tình trạng"] == "Chưa báo cáo")
        #expect(inside.text.contains("Đang trong khung giờ báo cáo."))

        // 17:30: the district opens today for 07204, which files late; the desk and 07207 are missing.
        district = try await world.at(17, 30, as: "huyen213")
        let opened = await app.post(
            SiteRoute.lateEntries.path, form: [("unit", "07204"), ("date", "2024-06-12"), ("reason", "Mất điện")],
            as: district, csrf: district.csrf)
        #expect(opened.status == .seeOther)
        let late = try await app.signIn("xa07204")
        #expect(
            await app.post(SiteRoute.unitReport.path, form: ConsoleTests.report, as: late, csrf: late.csrf).status
                == .seeOther)
        let after = await world.board(as: district)
        let units = after.todayUnits
        #expect(units["07201"]?["Tình trạng"] == "Đã báo cáo đúng giờ")
        #expect(units["07204"]?["Tình trạng"] == "Báo cáo muộn")
        #expect(units["07204"]?["Giờ nộp"] == "17:30")
        #expect(units["07207"]?["Tình trạng"] == "Chưa báo cáo")
        #expect(units["213"]?["Tình trạng"] == "Chưa báo cáo")
        #expect(units["07207"]?["Giờ nộp"] == "–")
        let counts = after.document.elements(tag: "div", class: "today-counts").first?.childElements.map(\.text)
        #expect(counts == ["2/4 đơn vị đã báo cáo", "1 đúng giờ", "1 muộn", "2 chưa báo cáo"])
        #expect(after.text.contains("Đã hết khung giờ báo cáo hôm nay."))
        let remind = after.document.elements(tag: "textarea").first?.rawText
        #expect(
            remind == "Chưa báo cáo ngày 12/06/2024 (2 đơn vị):\nThành phố Bắc Giang (213)\nPhường Ngô Quyền (07207)")
        // The opening shows among the late entries in force, with the way to the list that closes it.
        #expect(after.text.contains("Phường Trần Nguyên Hãn (07204): ngày 12/06/2024, hạn đến 23:59 13/06/2024"))
        #expect(after.document.links.contains { $0.href == SiteRoute.lateEntries.path })
        await app.close()
    }

    @Test func aUnitWithoutAReportIsNotYetDueUntilTheSecondItsWindowOpens() {
        let window = ReportingWindow.standard
        func at(_ hour: Int, _ minute: Int, _ second: Int) -> Int64 {
            VietnamTime.instant(TodayWorld.day, hour: hour, minute: minute, second: second)
        }
        #expect(TodayBoard.status(filing: nil, window: window, now: at(16, 29, 59)) == .notYetOpen)
        #expect(TodayBoard.status(filing: nil, window: window, now: at(16, 30, 0)) == .missing)
        #expect(TodayBoard.status(filing: nil, window: window, now: at(17, 0, 0)) == .missing)
        let onTime = TodayBoard.Filing(submittedAt: at(16, 45, 0), version: 1, onTime: true)
        let late = TodayBoard.Filing(submittedAt: at(17, 5, 0), version: 2, onTime: false)
        #expect(TodayBoard.status(filing: onTime, window: window, now: at(17, 30, 0)) == .onTime)
        #expect(TodayBoard.status(filing: late, window: window, now: at(17, 30, 0)) == .late)
        #expect(late.timeText == "17:05")
    }

    @Test func unitsOfDraftsClosedFutureCampaignsAndOtherDistrictsNeverShow() async throws {
        let world = try await TodayWorld()
        let district = try await world.at(16, 40, as: "huyen213")
        let page = await world.board(as: district)
        for absent in ["07210", "07213", "07216", "07243", "215", "07222"] {
            #expect(!page.todayCodes.contains(absent), "\(absent) has no open campaign of district 213 today")
        }
        #expect(!page.text.contains("Đợt nháp") && !page.text.contains("Đợt đã đóng"))
        #expect(!page.text.contains("Đợt ngày mai") && !page.text.contains("Đợt E Yên Thế"))
        let other = try await world.app.signIn("huyen215")
        #expect(await world.board(as: other).todayCodes == ["215", "07243"])
        // Another district's board is refused; so is a commune naming a district.
        #expect(await world.board(as: district, "?district=215").status == .forbidden)
        #expect(await world.board(as: district, "?district=213").status == .ok)
        let commune = try await world.app.signIn("xa07201")
        #expect(await world.board(as: commune, "?district=213").status == .forbidden)
        await world.app.close()
    }

    @Test func theProvinceSeesEachDistrictsCountsAndOneDistrict() async throws {
        let world = try await TodayWorld()
        let province = try await world.at(17, 20, as: "tinh24")
        let page = await world.board(as: province)
        #expect(page.status == .ok)
        let table = try #require(page.document.table(withHeader: "Huyện"))
        #expect(table.headers == ["Huyện", "Số đơn vị", "Đúng giờ", "Muộn", "Chưa báo cáo"])
        #expect(
            table.rows.map(\.texts) == [
                ["Thành phố Bắc Giang", "4", "0", "0", "4"], ["Huyện Yên Thế", "2", "0", "0", "2"],
            ])
        let link = try #require(table.rows.first?.cell("Huyện")?.links.first?.href)
        #expect(link == SiteRoute.today.href([("district", "213")]))
        let one = await world.app.get(link, as: province)
        #expect(one.status == .ok)
        #expect(one.todayCodes == ["213", "07201", "07204", "07207"])
        #expect(one.document.links.contains { $0.href == SiteRoute.today.path })
        #expect(await world.board(as: province, "?district=07201").status == .notFound)
        #expect(await world.board(as: province, "?district=999").status == .notFound)

        // Before the window the province's last column says so.
        let morning = try await world.at(9, 0, as: "tinh24")
        #expect(await world.board(as: morning).document.table(withHeader: "Huyện")?.headers.last == "Chưa đến giờ")
        await world.app.close()
    }

    @Test func aCommuneSeesItsOwnDayAndTheDaysOpenToIt() async throws {
        let world = try await TodayWorld()
        let app = world.app
        // A district opens 11/06 for 07201 (until the end of tomorrow).
        let district = try await world.at(17, 30, as: "huyen213")
        #expect(
            await app.post(
                SiteRoute.lateEntries.path,
                form: [("unit", "07201"), ("date", "2024-06-11"), ("reason", "Mất mạng")],
                as: district, csrf: district.csrf
            ).status == .seeOther)
        let commune = try await app.signIn("xa07201")
        let page = await world.board(as: commune)
        #expect(page.status == .ok)
        let status = try #require(page.document.elements(tag: "p", class: "today-status").first)
        #expect(status.text.hasPrefix("Chưa báo cáo."))
        #expect(page.document.table(withHeader: "Tình trạng") == nil)
        #expect(page.text.contains("Khung giờ báo cáo hôm nay: <strong>16:15–17:15</strong>"))
        let campaigns = page.document.links.map(\.href).filter { $0.hasPrefix("/admin/campaigns/") }
        #expect(
            campaigns == [
                SiteRoute.dashboard(campaign: world.campaignA).path,
                SiteRoute.dashboard(campaign: world.campaignB).path,
            ])
        #expect(page.document.links.contains { $0.href == SiteRoute.unitReport.path })
        let lateDay = try #require(
            page.document.links.first { $0.href == SiteRoute.unitReport.href([("date", "2024-06-11")]) })
        #expect(lateDay.text == "Báo cáo ngày 11/06/2024")
        #expect(page.text.contains("hạn đến 23:59 13/06/2024"))

        // Filed late on the opened day; today still shows its own status.
        #expect(
            await app.post(
                SiteRoute.unitReport.path, form: ConsoleTests.report + [("date", "2024-06-11")], as: commune,
                csrf: commune.csrf
            ).status == .seeOther)
        let filed = await world.board(as: commune)
        #expect(filed.document.elements(tag: "p", class: "today-status").first?.text.hasPrefix("Chưa báo cáo.") == true)

        // A commune no open campaign covers today gets a sentence, and still the menu.
        let uncovered = try await app.signIn("xa07210")
        let none = await world.board(as: uncovered)
        #expect(none.status == .ok)
        #expect(none.text.contains("Hôm nay không có đợt khảo sát nào đang mở nhận báo cáo ngày"))
        #expect(none.document.elements(tag: "p", class: "today-status").isEmpty)
        #expect(none.text.contains("Không có ngày nào đang được mở nhập muộn."))
        await app.close()
    }

    @Test func aCommuneThatFiledOnTimeSeesTheTimeAndVersion() async throws {
        let world = try await TodayWorld()
        let commune = try await world.at(16, 50, as: "xa07201")
        #expect(
            await world.app.post(
                SiteRoute.unitReport.path, form: ConsoleTests.report, as: commune, csrf: commune.csrf
            ).status == .seeOther)
        let page = await world.board(as: commune)
        let status = try #require(page.document.elements(tag: "p", class: "today-status").first)
        #expect(status.text == "Đã báo cáo đúng giờ: nộp lúc 16:50, lần 1.")
        #expect(status.hasClass("ok"))
        await world.app.close()
    }

    @Test func noOpenCampaignTodayIsASentenceNotAnEmptyTable() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let demo = app.demoCampaignID
        try await app.pool.write { try CampaignStore($0).close(campaignID: demo, today: app.clock.today) }
        for username in ["huyen213", "tinh24"] {
            let page = await app.get(SiteRoute.today.path, as: try await app.signIn(username))
            #expect(page.status == .ok)
            #expect(page.text.contains("Hôm nay không có đợt khảo sát nào đang mở nhận báo cáo ngày"), "\(username)")
            #expect(page.document.tables.isEmpty, "\(username)")
            #expect(page.document.elements(tag: "textarea").isEmpty, "\(username)")
        }
        await app.close()
    }

    @Test func adminLandsDistrictsAndCommunesOnTodaysBoard() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        for (username, role, _) in Accounts.all {
            let browser = try await app.signIn(username)
            let home = await app.get(SiteRoute.adminHome.path, as: browser)
            if role == .province {
                #expect(home.status == .ok)
                #expect(home.text.contains("Xin chào, \(username)"))
            } else {
                #expect(home.status == .seeOther, "\(username)")
                #expect(home.location == SiteRoute.today.path, "\(username)")
            }
            // "Hôm nay" in every role's navigation, and the home page's menu on the board.
            let board = await app.get(SiteRoute.today.path, as: browser)
            let nav = try #require(board.document.elements(tag: "nav", class: "adminnav").first)
            #expect(nav.links.first == HTMLLink(href: SiteRoute.today.path, text: "Hôm nay", rel: nil), "\(username)")
            #expect(board.document.links.contains { $0.href == SiteRoute.password.path }, "\(username)")
        }
        // After signing in, a district follows /admin to the board.
        let login = try await app.postLogin("huyen213", Accounts.password)
        #expect(login.location == SiteRoute.adminHome.path)
        await app.close()
    }

    @Test func theLateEntriesListIsCardsWithAPostFormToClose() async throws {
        let world = try await TodayWorld()
        let district = try await world.at(17, 30, as: "huyen213")
        #expect(
            await world.app.post(
                SiteRoute.lateEntries.path, form: [("unit", "07207"), ("date", "2024-06-12"), ("reason", "Mất điện")],
                as: district, csrf: district.csrf
            ).status == .seeOther)
        let list = await world.app.get(SiteRoute.lateEntries.path, as: district)
        let table = try #require(list.document.table(withHeader: "Ngày báo cáo"))
        #expect(table.element.hasClass("cards"))
        let row = try #require(table.rows.first)
        #expect(row.cells.prefix(4).map { $0["data-label"] } == ["Đơn vị", "Ngày báo cáo", "Hạn nhập", "Lý do"])
        let form = try #require(row.cell("Thao tác")?.elements(tag: "form").first)
        #expect(form["method"] == "post")
        #expect(form.elements(tag: "input").first { $0["name"] == "csrf" }?["value"] == district.csrf)
        await world.app.close()
    }
}
