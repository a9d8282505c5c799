import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Suggestion rounds as data per unit (issue 14): set on `/admin/units/{code}/rounds` by the unit, its district or
/// the province; the box says which round is open or when the next opens, files a suggestion in its round, and
/// between rounds takes it (for the next round) or not, as the unit says. Clock edges in Asia/Ho_Chi_Minh.
@Suite struct SuggestionRoundTests {
    static let wardRounds = [
        ("start1", "22/01"), ("end1", "25/03"), ("start2", "01/04"), ("end2", "25/06"), ("start3", "01/07"),
        ("end3", "25/09"), ("start4", "01/10"), ("end4", "25/12"),
    ]

    static func at(_ app: TestApp, _ iso: String, _ hour: Int, _ minute: Int, _ second: Int = 0) {
        app.clock.set(Double(VietnamTime.instant(LocalDate(iso: iso)!, hour: hour, minute: minute, second: second)))
    }

    static func lastFiling(_ app: TestApp) async throws -> (year: Int, round: Int) {
        try await app.pool.read { connection in
            let row = try #require(
                try connection.queryOne("SELECT year, round FROM suggestions ORDER BY id DESC LIMIT 1"))
            return (try row.int("year"), try row.int("round"))
        }
    }

    @Test func theWardSetsItsRoundsAndTheBoxFilesByThemAtTheirEdges() async throws {
        let app = try await TestApp()
        Self.at(app, "2025-03-25", 8, 0)
        let browsers = try await app.signInAll()
        let ward = try #require(browsers["xa07201"])
        let path = SuggestionRoundRoutes.path("07201")
        #expect(await app.get(path, as: ward).status == .ok)
        let saved = await app.post(path, form: Self.wardRounds, as: ward, csrf: ward.csrf)
        #expect(saved.status == .seeOther)
        let rounds = try await app.pool.read { try SuggestionRoundStore($0).rounds(unitCode: "07201") }
        #expect(rounds.rounds.count == 4 && !rounds.acceptsBetween, "the box was left unticked")

        // 25/03 23:59 in Hanoi (16:59 UTC): still Đợt 1.
        Self.at(app, "2025-03-25", 23, 59, 0)
        let open = await app.get(SiteRoute.suggestionBox(unit: "07201").path)
        #expect(open.document.text.contains("Đợt 1 đang mở đến hết ngày 25/03/2025"))
        let inRound = try await SuggestionTests.send(app, unit: "07201", [("text", "Góp ý cuối đợt 1.")])
        #expect(inRound.status == .seeOther)
        #expect(try await Self.lastFiling(app) == (2025, 1))

        // 26/03 00:00: between rounds, and the ward takes nothing then: the text is kept, nothing stored.
        Self.at(app, "2025-03-26", 0, 0, 0)
        let closed = await app.get(SiteRoute.suggestionBox(unit: "07201").path)
        #expect(closed.document.text.contains("Đợt 2 mở từ ngày 01/04/2025"))
        let count = try await app.scalar("SELECT count(*) FROM suggestions")
        let refused = try await SuggestionTests.send(app, unit: "07201", [("text", "Góp ý giữa hai đợt.")])
        #expect(refused.status == .conflict)
        #expect(refused.text.contains("Góp ý giữa hai đợt."))
        #expect(refused.text.contains("đang nghỉ giữa hai đợt"))
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == count)

        // The district turns on "between rounds": the same day's suggestion goes to Đợt 2.
        let district = try await app.signIn("huyen213")
        let between = await app.post(
            path, form: Self.wardRounds + [("between", "1")], as: district, csrf: district.csrf)
        #expect(between.status == .seeOther)
        #expect(try await SuggestionTests.send(app, unit: "07201", [("text", "Góp ý sớm.")]).status == .seeOther)
        #expect(try await Self.lastFiling(app) == (2025, 2))
        // After Đợt 4: next year's Đợt 1.
        Self.at(app, "2025-12-26", 9, 0)
        #expect(try await SuggestionTests.send(app, unit: "07201", [("text", "Góp ý cuối năm.")]).status == .seeOther)
        #expect(try await Self.lastFiling(app) == (2026, 1))
        // A unit without rounds: all year, by quarter, as before.
        #expect(try await SuggestionTests.send(app, unit: "07243", [("text", "Không chia đợt.")]).status == .seeOther)
        #expect(try await Self.lastFiling(app) == (2025, 4))
        await app.close()
    }

    @Test func roundsAreCheckedAndSetOnlyWithinTheScope() async throws {
        let app = try await TestApp()
        let browsers = try await app.signInAll()
        let ward = try #require(browsers["xa07201"])
        let otherDistrict = try #require(browsers["huyen215"])
        let path = SuggestionRoundRoutes.path("07201")
        #expect(await app.get(path, as: otherDistrict).status == .forbidden)
        #expect(
            await app.post(path, form: Self.wardRounds, as: otherDistrict, csrf: otherDistrict.csrf).status
                == .forbidden)
        #expect(await app.get(SuggestionRoundRoutes.path("07243"), as: ward).status == .forbidden)
        #expect(await app.get(SuggestionRoundRoutes.path("99999"), as: ward).status == .notFound)
        let overlapping = await app.post(
            path, form: [("start1", "01/01"), ("end1", "31/03"), ("start2", "31/03"), ("end2", "30/06")], as: ward,
            csrf: ward.csrf)
        #expect(overlapping.status == .unprocessableContent)
        #expect(overlapping.text.contains("trùng ngày"))
        let badDay = await app.post(path, form: [("start1", "29/02"), ("end1", "31/03")], as: ward, csrf: ward.csrf)
        #expect(badDay.status == .unprocessableContent)
        #expect(badDay.document.form(action: path)?.field("start1")?.value == "29/02", "kept as typed")
        #expect(try await app.pool.read { try SuggestionRoundStore($0).rounds(unitCode: "07201") }.rounds.isEmpty)
        await app.close()
    }
}
