import Database
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The suggestion desk through the real router and a real SQLite file: scope, CSRF, escaping, reply, status,
/// category, search and the weekly summary.
@Suite struct DeskTests {
    @Test func scopeMatrixOnEveryRoute() async throws {
        let app = try await TestApp()
        let browsers = try await app.signInAll()
        let inCity = try await app.addSuggestion("07201", "Đường làng bị ngập")  // district 213
        let inYenThe = try await app.addSuggestion("07243", "Xin thêm giờ tiếp dân")  // district 215
        let allowed: [String: Set<Int64>] = [
            "tinh24": [inCity.id, inYenThe.id],
            "huyen213": [inCity.id], "xa07201": [inCity.id],
            "huyen215": [inYenThe.id], "xa07243": [inYenThe.id],
        ]
        for (username, browser) in browsers {
            for suggestion in [inCity, inYenThe] {
                let expected: HTTPStatus = allowed[username, default: []].contains(suggestion.id) ? .ok : .forbidden
                let page = await app.get(SiteRoute.suggestion(id: suggestion.id).path, as: browser)
                #expect(page.status == expected, "\(username) GET suggestion \(suggestion.id)")
                let expectedPost: HTTPStatus = expected == .ok ? .seeOther : .forbidden
                let category = await app.post(
                    SiteRoute.suggestionCategory(id: suggestion.id).path, form: [("category", "ha_tang")],
                    as: browser, csrf: browser.csrf)
                #expect(category.status == expectedPost, "\(username) POST category \(suggestion.id)")
                let unitCode = suggestion.id == inCity.id ? "07201" : "07243"
                let list = await app.get(SiteRoute.suggestions.path + "?unit=" + unitCode, as: browser)
                #expect(list.status == expected, "\(username) list of \(unitCode)")
            }
        }
        let commune = try #require(browsers["xa07201"])
        let foreignReply = await app.post(
            SiteRoute.replyToSuggestion(id: inYenThe.id).path, form: [("reply", "Không phải việc của xã này")],
            as: commune, csrf: commune.csrf)
        #expect(foreignReply.status == .forbidden)
        let foreignStatus = await app.post(
            SiteRoute.suggestionStatus(id: inYenThe.id).path, form: [("status", "resolved")],
            as: commune, csrf: commune.csrf)
        #expect(foreignStatus.status == .forbidden)
        #expect(
            try await app.scalar("SELECT count(*) FROM suggestions WHERE reply IS NOT NULL OR status != 'new'") == 0)

        #expect(await app.get(SiteRoute.suggestion(id: 999_999).path, as: commune).status == .notFound)
        #expect(await app.get("/admin/suggestions/abc", as: commune).status == .notFound)
        #expect(await app.get(SiteRoute.suggestions.path + "?unit=99999", as: commune).status == .notFound)
        #expect(await app.get(SiteRoute.suggestions.path + "?round=5", as: commune).status == .badRequest)
        #expect(
            await app.get(SiteRoute.suggestion(id: inCity.id).path).status == .seeOther,
            "nobody signed in: to the login page")
    }

    @Test func postsWithoutTheCSRFFieldChangeNothing() async throws {
        let app = try await TestApp()
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        let browser = try await app.signIn("xa07201")
        let suggestion = try await app.addSuggestion("07201", "Đèn đường hỏng")
        let reply = await app.post(
            SiteRoute.replyToSuggestion(id: suggestion.id).path, form: [("reply", "Đã sửa")], as: browser)
        #expect(reply.status == .forbidden)
        let status = await app.post(
            SiteRoute.suggestionStatus(id: suggestion.id).path, form: [("status", "resolved"), ("csrf", "sai")],
            as: browser)
        #expect(status.status == .forbidden)
        #expect(
            try await app.scalar("SELECT count(*) FROM suggestions WHERE reply IS NOT NULL OR status != 'new'") == 0)
        #expect(try await app.auditActions().filter { $0.hasPrefix("suggestion_") }.isEmpty)
    }

    @Test func scriptInASuggestionIsShownAsText() async throws {
        let app = try await TestApp()
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        let browser = try await app.signIn("xa07201")
        let suggestion = try await app.addSuggestion(
            "07201", "<script>alert('x')</script> đường hỏng",
            topic: "<b>chủ đề</b>", name: "<img src=x onerror=alert(1)>")
        for target in [SiteRoute.suggestion(id: suggestion.id).path, SiteRoute.suggestions.path] {
            let page = await app.get(target, as: browser)
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>alert"), "\(target)")
            #expect(page.text.contains("&lt;script&gt;alert("), "\(target)")
            #expect(!page.text.contains("<b>chủ đề</b>"), "\(target)")
        }
        let detail = await app.get(SiteRoute.suggestion(id: suggestion.id).path, as: browser)
        #expect(detail.text.contains("&lt;img src=x onerror=alert(1)&gt;"), "the consented name, escaped")
        #expect(!detail.text.contains("<img src=x"))
    }

    @Test func replyReachesThePublicLookupAndEveryChangeIsAudited() async throws {
        let app = try await TestApp()
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        let browser = try await app.signIn("xa07201")
        let anonymous = try await app.addSuggestion("07201", "Cần thêm ghế chờ ở bộ phận một cửa")
        let detail = await app.get(SiteRoute.suggestion(id: anonymous.id).path, as: browser)
        #expect(detail.text.contains("Người gửi không để lại thông tin liên hệ."))
        #expect(detail.hiddenField("csrf") == browser.csrf, "the desk's forms carry the CSRF field")

        let empty = await app.post(
            SiteRoute.replyToSuggestion(id: anonymous.id).path, form: [("reply", "   ")], as: browser,
            csrf: browser.csrf)
        #expect(empty.status == .unprocessableContent)
        #expect(empty.text.contains("Vui lòng nhập nội dung trả lời."))

        let answer = "UBND phường đã bổ sung 10 ghế chờ từ ngày 15/06."
        let reply = await app.post(
            SiteRoute.replyToSuggestion(id: anonymous.id).path, form: [("reply", answer)], as: browser,
            csrf: browser.csrf)
        #expect(reply.status == .seeOther)
        #expect(reply.location == SiteRoute.suggestion(id: anonymous.id).path + "?done=reply")
        let lookup = await app.get("/g/07201/\(anonymous.lookupCode)")
        #expect(lookup.status == .ok)
        #expect(lookup.text.contains(answer))
        #expect(lookup.text.contains("Đang xử lý"), "a first reply moves a new suggestion to in progress")

        let category = await app.post(
            SiteRoute.suggestionCategory(id: anonymous.id).path, form: [("category", "ha_tang")], as: browser,
            csrf: browser.csrf)
        #expect(category.status == .seeOther)
        let unknownCategory = await app.post(
            SiteRoute.suggestionCategory(id: anonymous.id).path, form: [("category", "xyz")], as: browser,
            csrf: browser.csrf)
        #expect(unknownCategory.status == .badRequest)
        let resolved = await app.post(
            SiteRoute.suggestionStatus(id: anonymous.id).path, form: [("status", "resolved")], as: browser,
            csrf: browser.csrf)
        #expect(resolved.status == .seeOther)
        let back = await app.post(
            SiteRoute.suggestionStatus(id: anonymous.id).path, form: [("status", "new")], as: browser,
            csrf: browser.csrf)
        #expect(back.status == .conflict)
        #expect(back.text.contains("Không thể chuyển góp ý"))

        let page = await app.get(SiteRoute.suggestion(id: anonymous.id).path + "?done=status", as: browser)
        #expect(page.text.contains("Đã giải quyết"))
        #expect(page.text.contains("Hạ tầng, giao thông"))
        #expect(page.text.contains("Đã cập nhật trạng thái."))
        #expect(
            try await app.auditActions().filter { $0.hasPrefix("suggestion_") }
                == [DeskAudit.reply, DeskAudit.category, DeskAudit.status])
        let detailText = try await app.pool.read {
            try $0.scalar("SELECT detail FROM audit_log WHERE action = ?", [DeskAudit.status], as: String.self)
        }
        #expect(detailText == "Góp ý số \(anonymous.id) của Phường Thọ Xương: Đang xử lý → Đã giải quyết")
    }

    @Test func listFiltersByStatusAndSearchesWithoutDiacritics() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213")
        let browser = try await app.signIn("huyen213")
        let flooded = try await app.addSuggestion("07201", "Đường làng bị NGẬP khi mưa to")
        let lights = try await app.addSuggestion("07201", "Đèn đường tổ 5 không sáng")
        _ = try await app.addSuggestion("07204", "Cần thêm chỗ gửi xe")
        try await app.pool.write { try SuggestionDesk($0).setStatus(.resolved, suggestionID: lights.id, now: 0) }

        let search = await app.get(SiteRoute.suggestions.path + "?unit=07201&q=duong%20lang%20bi%20ngap", as: browser)
        #expect(search.status == .ok)
        #expect(search.text.contains(SiteRoute.suggestion(id: flooded.id).path))
        #expect(!search.text.contains(SiteRoute.suggestion(id: lights.id).path))

        let resolved = await app.get(SiteRoute.suggestions.path + "?unit=07201&status=resolved", as: browser)
        #expect(resolved.text.contains(SiteRoute.suggestion(id: lights.id).path))
        #expect(!resolved.text.contains(SiteRoute.suggestion(id: flooded.id).path))

        let overview = await app.get(SiteRoute.suggestions.path, as: browser)
        #expect(overview.status == .ok)
        #expect(overview.text.contains("Phường Thọ Xương"))
        #expect(
            overview.text.contains("<td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td>"),
            "07201: one new, none in progress, one resolved")

        let otherRound = await app.get(SiteRoute.suggestions.path + "?unit=07201&year=2024&round=1", as: browser)
        #expect(otherRound.text.contains("chưa nhận góp ý nào trong đợt này"))
    }

    @Test func weeklySummaryCountsReceivedResolvedAndWaiting() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213")
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        try await app.addUser("tinh24", role: .province, unit: "24")
        let district = try await app.signIn("huyen213")
        @Sendable func at(_ day: String, _ hour: Int) -> Int64 {
            VietnamTime.instant(LocalDate(iso: day)!, hour: hour, minute: 0)
        }
        // The week of Wednesday 12/06/2024 runs from Monday 10/06 to Sunday 16/06.
        let before = try await app.addSuggestion("07201", "Gửi tuần trước, chưa xong", at: at("2024-06-05", 9))
        let early = try await app.addSuggestion("07201", "Gửi tuần trước, xong trong tuần", at: at("2024-06-07", 9))
        _ = try await app.addSuggestion("07201", "Gửi thứ Hai", at: at("2024-06-10", 8))
        let sunday = try await app.addSuggestion("07201", "Gửi Chủ nhật, xong tuần sau", at: at("2024-06-16", 20))
        _ = try await app.addSuggestion("07201", "Gửi tuần sau", at: at("2024-06-17", 8))
        _ = try await app.addSuggestion("07204", "Phường khác", at: at("2024-06-11", 8))
        try await app.pool.write { connection in
            let desk = SuggestionDesk(connection)
            try desk.setStatus(.resolved, suggestionID: early.id, now: at("2024-06-12", 10))
            try desk.setStatus(.resolved, suggestionID: sunday.id, now: at("2024-06-18", 10))
            try desk.setStatus(.inProgress, suggestionID: before.id, now: at("2024-06-12", 10))
        }
        let page = await app.get(SiteRoute.weeklySuggestions.path + "?week=2024-06-13", as: district)
        #expect(page.status == .ok)
        #expect(page.text.contains("Tổng hợp góp ý tuần 10/06/2024 – 16/06/2024"))
        // 07201: received Monday + Sunday = 2; answered: none; resolved in the week: 1; waiting at the week's end: the
        // one from 05/06, Monday's and Sunday's = 3; overdue: the one from 05/06 (no reply after 7 days).
        let week = try #require(page.document.table(withHeader: "Nhận trong tuần"))
        #expect(
            week.headers == [
                "Mã", "Đơn vị", "Nhận trong tuần", "Đã trả lời trong tuần", "Đã giải quyết trong tuần",
                "Còn chờ cuối tuần", "Quá hạn (chưa trả lời sau 7 ngày)",
            ])
        #expect(week.row(where: "Mã", is: "07201")?.texts == ["07201", "Phường Thọ Xương", "2", "0", "1", "3", "1"])
        let codes = try #require(week.column("Mã"))
        #expect(codes.contains("07204"))
        #expect(!codes.contains("07243"), "a district sees its own communes only")
        // With 07204's one suggestion (received, still waiting): 3 received, 1 resolved, 4 waiting.
        #expect(week.footer.map(\.texts) == [["", "Cộng", "3", "0", "1", "4", "1"]])
        #expect(page.text.contains(SiteRoute.deskStylesheet.path))
        let css = await app.get(SiteRoute.deskStylesheet.path)
        #expect(css.text.contains("@page{size:A4"))

        #expect(await app.get(SiteRoute.weeklySuggestions.path + "?district=215", as: district).status == .forbidden)
        #expect(
            await app.get(SiteRoute.weeklySuggestions.path + "?week=12/06/2024", as: district).status == .badRequest)
        let commune = try await app.signIn("xa07201")
        // The commune reads its own box's week only, from its today page.
        let own = await app.get(SiteRoute.weeklySuggestions.path + "?week=2024-06-13", as: commune)
        #expect(own.status == .ok)
        let ownWeek = try #require(own.document.table(withHeader: "Nhận trong tuần"))
        #expect(ownWeek.column("Mã") == ["07201"])
        #expect(ownWeek.row(where: "Mã", is: "07201")?.texts == ["07201", "Phường Thọ Xương", "2", "0", "1", "3", "1"])
        #expect(await app.get(SiteRoute.weeklySuggestions.path + "?district=213", as: commune).status == .forbidden)
        // The same week as files: CSV and XLSX, its own row only; an unknown format is a 400.
        let csv = await app.get(SiteRoute.weeklySuggestions.path + "?week=2024-06-13&format=csv", as: commune)
        #expect(csv.status == .ok)
        #expect(csv.headers["Content-Type"] == TableExport.csvMediaType)
        #expect(csv.text.contains("07201,Phường Thọ Xương,2,0,1,3,1"))
        #expect(!csv.text.contains("07204"))
        #expect(csv.headers["Content-Disposition"]?.contains("xa-07201") == true)
        let xlsx = await app.get(SiteRoute.weeklySuggestions.path + "?week=2024-06-13&format=xlsx", as: commune)
        #expect(xlsx.status == .ok)
        #expect(xlsx.headers["Content-Type"] == TableExport.xlsxMediaType)
        #expect(xlsx.body.starts(with: Array("PK".utf8)))
        #expect(
            await app.get(SiteRoute.weeklySuggestions.path + "?format=pdf", as: commune).status == .badRequest)
        #expect(
            await app.get(SiteRoute.today.path, as: commune).text.contains(
                "href=\"\(SiteRoute.weeklySuggestions.path)\""))
        let province = try await app.signIn("tinh24")
        let yenThe = await app.get(SiteRoute.weeklySuggestions.path + "?district=215&week=2024-06-12", as: province)
        #expect(yenThe.status == .ok)
        let yenTheCodes = try #require(yenThe.document.table(withHeader: "Nhận trong tuần")?.column("Mã"))
        #expect(yenTheCodes.contains("07243"))
        #expect(!yenTheCodes.contains("07201"))
    }
}
