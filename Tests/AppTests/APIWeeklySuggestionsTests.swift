import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The suggestion desk's figures through the API (`/api/v1/suggestions/weekly`, `…/weekly/topics`, `…/counts`)
/// against the pages that show them (the weekly summary and the desk list's overview), over the same suggestions:
/// the same numbers in the same order, the same scope and the same refusals. APIWorld's clock stands at Wednesday
/// 12/06/2024 10:00, in the week of Monday 10/06 to Sunday 16/06.
@Suite struct APIWeeklySuggestionsTests {
    static let users = ["tinh24", "huyen213", "huyen215", "xa07201", "xa07243"]
    static let weekly = SiteRoute.apiWeeklySuggestions
    static let topics = SiteRoute.apiWeeklySuggestionTopics

    @Sendable static func at(_ day: String, _ hour: Int, _ minute: Int = 0, _ second: Int = 0) -> Int64 {
        VietnamTime.instant(LocalDate(iso: day)!, hour: hour, minute: minute) + Int64(second)
    }

    /// DeskTests' week (07201: received Monday and Sunday, one resolved in the week, one older and overdue), the
    /// overdue edge on 07204 (received at the week's first instant: not overdue; one second before it and never
    /// answered: overdue), a district desk's suggestion (213), one in district 215 (07243), classifications and a
    /// reply.
    static func fill(_ world: APIWorld) async throws {
        let app = world.app
        let before = try await app.addSuggestion("07201", "Gửi tuần trước, chưa xong", at: at("2024-06-05", 9))
        let early = try await app.addSuggestion("07201", "Gửi tuần trước, xong trong tuần", at: at("2024-06-07", 9))
        let monday = try await app.addSuggestion("07201", "Gửi thứ Hai", at: at("2024-06-10", 8))
        let sunday = try await app.addSuggestion("07201", "Gửi Chủ nhật, xong tuần sau", at: at("2024-06-16", 20))
        _ = try await app.addSuggestion("07201", "Gửi tuần sau", at: at("2024-06-17", 8))
        let edge = try await app.addSuggestion("07204", "Đúng đầu tuần", at: at("2024-06-10", 0))
        _ = try await app.addSuggestion("07204", "Một giây trước tuần", at: at("2024-06-09", 23, 59, 59))
        let desk213 = try await app.addSuggestion("213", "Bộ phận một cửa đông quá", at: at("2024-06-11", 9))
        _ = try await app.addSuggestion("07243", "Yên Thế", at: at("2024-06-12", 8))
        try await app.pool.write { connection in
            let desk = SuggestionDesk(connection)
            try desk.setStatus(.resolved, suggestionID: early.id, now: at("2024-06-12", 10))
            try desk.setStatus(.resolved, suggestionID: sunday.id, now: at("2024-06-18", 10))
            try desk.setStatus(.inProgress, suggestionID: before.id, now: at("2024-06-12", 10))
            _ = try desk.reply(
                suggestionID: monday.id, text: "Đã tiếp nhận.", repliedBy: 1, now: at("2024-06-11", 9))
            let queries = DeskQueries(connection)
            try queries.setCategory(.infrastructure, suggestionID: monday.id)
            try queries.setCategory(.infrastructure, suggestionID: edge.id)
            try queries.setCategory(.procedure, suggestionID: desk213.id)
        }
    }

    static func array(_ response: HTTPResponse) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
    }

    /// The API's rows as the page's cells: code, name, received, answered, resolved, waiting, overdue.
    static func cells(_ rows: [[String: Any]]) -> [[String]] {
        rows.map { row in
            [row["code"] as? String ?? "?", row["name"] as? String ?? "?"]
                + ["received", "answered", "resolved", "waiting", "overdue"].map { "\(row[$0] as? Int ?? -1)" }
        }
    }

    @Test func theWeekIsThePagesTable() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        let queries: [[(String, String)]] = [
            [], [("week", "2024-06-12")], [("week", "2024-06-16"), ("district", "")], [("week", "2024-06-03")],
            [("week", "2024-06-17")],
        ]
        for user in Self.users {
            let browser = try await world.app.signIn(user)
            for query in queries + (user.hasPrefix("xa") ? [] : [[("district", user == "huyen215" ? "215" : "213")]]) {
                let response = await world.get(Self.weekly.href(query), as: user)
                #expect(response.status == .ok, "\(user) \(query)")
                let page = await world.app.get(SiteRoute.weeklySuggestions.href(query), as: browser)
                let table = try #require(page.document.table(withHeader: "Nhận trong tuần"), "\(user) \(query)")
                let rows = try Self.array(response)
                #expect(Self.cells(rows) == table.rows.map(\.texts), "\(user) \(query)")
                #expect(!rows.isEmpty)
            }
        }
        // The figures themselves, for the district (07201 as DeskTests counts it, plus a reply on Tuesday; 07204 at
        // the overdue edge; the desk's own suggestion).
        let district = try Self.array(await world.get(Self.weekly.href([("week", "2024-06-13")]), as: "huyen213"))
        func row(_ code: String) -> [String]? { Self.cells(district.filter { $0["code"] as? String == code }).first }
        #expect(row("07201") == ["07201", "Phường Thọ Xương", "2", "1", "1", "3", "1"])
        #expect(row("07204")?.suffix(5) == ["1", "0", "0", "2", "1"], "received at 00:00 Monday: not overdue")
        #expect(row("213")?.suffix(5) == ["1", "0", "0", "1", "0"])
        #expect(row("07243") == nil, "another district's commune")
        let first = try #require(district.first)
        #expect(first["code"] as? String == "213" && first["level"] as? String == "district")
        #expect(first["district"] as? String == "213")
        #expect(first["week_start"] as? String == "2024-06-10" && first["week_end"] as? String == "2024-06-16")
        let commune = try #require(district.first { $0["code"] as? String == "07201" })
        #expect(commune["level"] as? String == "commune" && commune["district"] as? String == "213")
        // Every key, written even when it is null (none is here), in the order the encoder gives.
        #expect(
            await world.get(Self.weekly.path, as: "xa07201").text
                == #"[{"answered":1,"code":"07201","district":"213","level":"commune","name":"Phường Thọ Xương","overdue":1,"received":2,"resolved":1,"waiting":3,"week_end":"2024-06-16","week_start":"2024-06-10"}]"#
        )
        // The province: grouped by district, each desk before its own communes; one district when asked.
        let province = try Self.array(await world.get(Self.weekly.path, as: "tinh24"))
        let codes = province.compactMap { $0["code"] as? String }
        let desk213 = try #require(codes.firstIndex(of: "213"))
        let desk215 = try #require(codes.firstIndex(of: "215"))
        #expect(codes[desk213 + 1] == "07201" && desk213 < desk215)
        let yenThe = try Self.array(await world.get(Self.weekly.href([("district", "215")]), as: "tinh24"))
        #expect(yenThe.first?["code"] as? String == "215")
        #expect(yenThe.allSatisfy { $0["district"] as? String == "215" })
        #expect(yenThe.contains { $0["code"] as? String == "07243" && $0["received"] as? Int == 1 })
        await world.close()
    }

    @Test func theTopicsAreThePagesSecondTable() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        for user in Self.users {
            let browser = try await world.app.signIn(user)
            for query in [[], [("week", "2024-06-03")], [("week", "2024-06-17")]] as [[(String, String)]] {
                let response = await world.get(Self.topics.href(query), as: user)
                #expect(response.status == .ok, "\(user) \(query)")
                let page = await world.app.get(SiteRoute.weeklySuggestions.href(query), as: browser)
                let lines = try Self.array(response).map { [$0["label"] as? String ?? "?", "\($0["count"] ?? "?")"] }
                let table = page.document.table(withHeader: "Lĩnh vực (do bộ phận tiếp nhận phân loại)")
                #expect(lines == (table?.rows.map(\.texts) ?? []), "\(user) \(query)")
                #expect(lines.isEmpty == page.text.contains("Không có góp ý nào trong tuần."), "\(user) \(query)")
            }
        }
        // District 213's week: infrastructure twice (07201 Monday, 07204 at 00:00), procedure once (the desk's),
        // and 07201's Sunday suggestion unclassified, last.
        #expect(
            await world.get(Self.topics.path, as: "huyen213").text
                == #"[{"category":"ha_tang","count":2,"label":"Hạ tầng, giao thông"},{"category":"thu_tuc","count":1,"label":"Thủ tục hành chính"},{"category":null,"count":1,"label":"Chưa phân loại"}]"#
        )
        #expect(
            await world.get(Self.topics.href([("district", "215")]), as: "tinh24").text
                == #"[{"category":null,"count":1,"label":"Chưa phân loại"}]"#)
        await world.close()
    }

    /// The page's scope rules and refusals, as JSON: a commune may not name a district, a district only itself,
    /// the province any; an unknown district or a commune's code is a 404, a malformed week a 400 with the page's
    /// message.
    @Test func scopeAndRefusalsAreThePages() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        let refusals: [(user: String, query: [(String, String)], status: HTTPStatus, message: String)] = [
            ("xa07201", [("district", "213")], .forbidden, "Huyện mã “213” ngoài phạm vi quản lý của tài khoản."),
            ("huyen213", [("district", "215")], .forbidden, "Huyện mã “215” ngoài phạm vi quản lý của tài khoản."),
            ("huyen215", [("district", "213")], .forbidden, "Huyện mã “213” ngoài phạm vi quản lý của tài khoản."),
            ("tinh24", [("district", "99999")], .notFound, "Không có huyện mã “99999”."),
            ("tinh24", [("district", "07201")], .notFound, "Không có huyện mã “07201”."),
            ("huyen213", [("district", "24")], .notFound, "Không có huyện mã “24”."),
            (
                "tinh24", [("week", "12/06/2024")], .badRequest,
                "Ngày “12/06/2024” không hợp lệ; dùng dạng NNNN-TT-NN (ví dụ 2024-06-12)."
            ),
            (
                "xa07201", [("week", "2024-02-30")], .badRequest,
                "Ngày “2024-02-30” không hợp lệ; dùng dạng NNNN-TT-NN (ví dụ 2024-06-12)."
            ),
            // The calendar's last week ends in the year 10000, which no date of four digits can name.
            (
                "tinh24", [("week", "9999-12-31")], .badRequest,
                "Ngày “9999-12-31” không hợp lệ; dùng dạng NNNN-TT-NN (ví dụ 2024-06-12)."
            ),
        ]
        for refusal in refusals {
            let browser = try await world.app.signIn(refusal.user)
            let page = await world.app.get(SiteRoute.weeklySuggestions.href(refusal.query), as: browser)
            #expect(page.status == refusal.status, "page \(refusal)")
            for route in [Self.weekly, Self.topics] {
                let response = await world.get(route.href(refusal.query), as: refusal.user)
                #expect(response.status == refusal.status, "\(route.path) \(refusal)")
                let body = try APIErrorBody(response)
                #expect(body.message == refusal.message, "\(route.path) \(refusal)")
                #expect(body.error == APIError.code(for: refusal.status))
                #expect(response.headers["Cache-Control"] == "no-store")
            }
        }
        // What each role sees without naming a district: its own box, its desk and communes, everything.
        let own = try Self.array(await world.get(Self.weekly.path, as: "xa07243"))
        #expect(own.map { $0["code"] as? String } == ["07243"])
        let yenThe = try Self.array(await world.get(Self.weekly.path, as: "huyen215"))
        #expect(yenThe.allSatisfy { $0["district"] as? String == "215" } && yenThe.first?["code"] as? String == "215")
        let asked = await world.get(Self.weekly.href([("district", "215")]), as: "huyen215")
        #expect(asked.text == (await world.get(Self.weekly.path, as: "huyen215")).text)
        #expect(await world.get(Self.weekly.path, as: "huyen213").text.contains(#""code":"07243""#) == false)
        // The calendar's first week (01/01/0001 was a Monday) and its last full one are weeks like any other.
        for week in ["0001-01-01", "9999-12-26"] {
            let edge = try Self.array(await world.get(Self.weekly.href([("week", week)]), as: "xa07201"))
            #expect(edge.first?["week_start"] as? String == (week == "0001-01-01" ? week : "9999-12-20"))
        }
        // Without a token: 401 like every API read.
        #expect(await world.app.get(Self.weekly.path).status == .unauthorized)
        await world.close()
    }

    @Test func theListsPageAndRevalidate() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        for user in Self.users {
            try await APIListPaging.checkPaging(world, Self.weekly.path, as: user)
            try await APIListPaging.checkPaging(world, Self.topics.path, as: user)
            try await APIListPaging.checkPaging(world, Self.weekly.href([("week", "2024-06-03")]), as: user)
        }
        try await APIListPaging.checkPaging(world, Self.weekly.href([("district", "215")]), as: "tinh24")
        try await APIListPaging.checkPaging(world, SiteRoute.apiSuggestionCounts.path, as: "tinh24")
        // A cursor belongs to its week and district.
        let first = await world.get(Self.weekly.href([("week", "2024-06-12"), ("limit", "1")]), as: "tinh24")
        let next = try #require(try APIListPaging.nextTarget(first))
        let cursor = try #require(APIListPaging.value("cursor", in: next))
        for query in [[("week", "2024-06-03")], [("district", "213")], [("week", "2024-06-11")]] {
            let refused = await world.get(
                Self.weekly.href(query + [("limit", "1"), ("cursor", cursor)]), as: "tinh24")
            #expect(refused.status == .badRequest, "\(query)")
            #expect(try APIErrorBody(refused).error == "invalid_cursor")
        }
        // ETag and 304, and a new suggestion changes the tag.
        for target in [Self.weekly.path, Self.topics.path, SiteRoute.apiSuggestionCounts.path] {
            let tag = try await world.etag(target, as: "huyen213")
            let cached = await world.get(target, as: "huyen213", headers: [("If-None-Match", tag)])
            #expect(cached.status == .notModified && cached.body.isEmpty, "\(target)")
            #expect(cached.headers["ETag"] == tag)
            _ = try await world.app.addSuggestion("07207", "Thêm một góp ý", at: Self.at("2024-06-12", 9))
            #expect(try await world.etag(target, as: "huyen213") != tag, "\(target)")
        }
        await world.close()
    }

    /// The desk list's overview (district and province, without a chosen unit): per box of the scope that received
    /// suggestions in the round, new, in progress and resolved now, in the page's order.
    @Test func theCountsAreTheListsOverview() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        let counts = SiteRoute.apiSuggestionCounts
        for user in ["tinh24", "huyen213", "huyen215"] {
            let browser = try await world.app.signIn(user)
            for query in [[], [("year", "2024"), ("round", "2")], [("year", "2024"), ("round", "1")]]
                as [[(
                    String, String
                )]]
            {
                let response = await world.get(counts.href(query), as: user)
                #expect(response.status == .ok, "\(user) \(query)")
                let lines = try Self.array(response).map { item in
                    ["\(item["name"] as? String ?? "?") (\(item["code"] as? String ?? "?"))"]
                        + ["new", "in_progress", "resolved"].map { "\(item[$0] as? Int ?? -1)" }
                }
                let page = await world.app.get(SiteRoute.suggestions.href(query), as: browser)
                let table = page.document.table(withHeader: "Đang xử lý")
                #expect(lines == (table?.rows.map(\.texts) ?? []), "\(user) \(query)")
            }
        }
        // Round 2 of 2024 (the quarter of June) as district 213 counts it: its desk first, then its communes.
        let district = await world.get(counts.path, as: "huyen213")
        #expect(
            district.text.hasPrefix(
                #"[{"code":"213","in_progress":0,"level":"district","name":"Thành phố Bắc Giang","new":1,"resolved":0,"round":2,"year":2024},{"code":"07201","in_progress":2,"level":"commune","name":"Phường Thọ Xương","new":1,"resolved":2,"round":2,"year":2024}"#
            ), "\(district.text)")
        #expect(!district.text.contains("07243"), "another district's commune")
        #expect(!district.text.contains("Đã tiếp nhận") && !district.text.contains("Gửi"), "no text of a suggestion")
        #expect(try Self.array(await world.get(counts.href([("round", "1")]), as: "huyen213")).isEmpty)
        // A commune reads its suggestions on the page, not counts here; bad years and rounds are the page's 400.
        let commune = await world.get(counts.path, as: "xa07201")
        #expect(commune.status == .forbidden)
        #expect(try APIErrorBody(commune).error == "forbidden")
        for query in [[("year", "1999")], [("year", "+2024")], [("year", " 2024")], [("round", "5")], [("round", "x")]]
        {
            let response = await world.get(counts.href(query), as: "tinh24")
            #expect(response.status == .badRequest, "\(query)")
            #expect(try APIErrorBody(response).message.contains("không hợp lệ"), "\(query)")
        }
        await world.close()
    }
}
