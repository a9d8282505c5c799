import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// The suggestion box's daily limit per network and unit, and the limit on guessing lookup codes.
@Suite struct DoorLimitSuggestionTests {
    static let text = [("topic", ""), ("text", "Đề nghị mở thêm quầy vào buổi chiều."), ("name", ""), ("phone", "")]

    @Test func theDailyLimitEndsAtHanoiMidnightAndAResendIsNotCounted() async throws {
        let app = try await TestApp(doors: DoorLimitTests.settings(suggestions: 2))
        let first = try await SuggestionTests.send(app, Self.text)
        #expect(first.status == .seeOther)
        #expect(try await SuggestionTests.send(app, Self.text).status == .seeOther)
        let refused = try await SuggestionTests.send(app, Self.text)
        #expect(refused.status == .tooManyRequests)
        #expect(refused.text.contains("hãy hỏi cán bộ tại bộ phận một cửa"))
        #expect(refused.text.contains("Đề nghị mở thêm quầy vào buổi chiều."), "the text is kept as typed")
        let now = app.clock.nowSeconds
        let midnight = VietnamTime.instant(app.clock.today.adding(days: 1), hour: 0, minute: 0)
        #expect(refused.headers["Retry-After"] == String(midnight - now))
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 2)

        // Another unit is counted apart.
        #expect(try await SuggestionTests.send(app, unit: "07228", Self.text).status == .seeOther)

        // The refused form keeps its token: sent again at 23:59:59 it is still refused, at 00:00:00 stored.
        let box = SiteRoute.suggestionBox(unit: "07210").path
        let form = try #require(refused.document.form(action: box))
        let fields = [("token", try #require(form.field("token")?.value))] + Self.text
        app.clock.advance(by: Double(midnight - app.clock.nowSeconds - 1))
        let lastSecond = await app.post(box, form: fields)
        #expect(lastSecond.status == .tooManyRequests)
        #expect(lastSecond.headers["Retry-After"] == "1")
        app.clock.advance(by: 1)
        #expect(await app.post(box, form: fields).status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM suggestions WHERE unit_id != 0") == 4)
        await app.close()
    }

    @Test func aResendOfAStoredSuggestionIsAnsweredEvenWhenFull() async throws {
        let app = try await TestApp(doors: DoorLimitTests.settings(suggestions: 1))
        let box = SiteRoute.suggestionBox(unit: "07210").path
        let page = await app.get(box)
        let token = try #require(page.document.form(action: box)?.field("token")?.value)
        app.clock.advance(by: Double(SuggestionFormToken.minimumFillSeconds))
        let sent = await app.post(box, form: [("token", token)] + Self.text)
        #expect(sent.status == .seeOther)
        #expect(try await SuggestionTests.send(app, Self.text).status == .tooManyRequests)
        let again = await app.post(box, form: [("token", token)] + Self.text)
        #expect(again.status == .seeOther)
        #expect(again.location == sent.location, "the same receipt")
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 1)
        await app.close()
    }

    @Test func guessingLookupCodesIsLimitedPerNetwork() async throws {
        let app = try await TestApp(doors: DoorLimitTests.settings(misses: 3))
        let sent = try await SuggestionTests.send(app, Self.text)
        let receipt = try #require(sent.location?.split(separator: "?").first.map(String.init))
        // Finding a code does not count, however often.
        for _ in 0..<5 { #expect(await app.get(receipt).status == .ok) }
        #expect(await app.get("/g/07210/tra-cuu?ma=AAAA2222").status == .notFound)
        #expect(await app.get("/g/07210/BBBB3333").status == .notFound)
        app.clock.advance(by: 100)
        #expect(await app.get("/g/07210/CCCC4444").status == .notFound)
        let refused = await app.get("/g/07210/tra-cuu?ma=DDDD5555")
        #expect(refused.status == .tooManyRequests)
        #expect(refused.headers["Retry-After"] == "500")
        #expect(await app.get(receipt).status == .tooManyRequests, "past the limit a right code is refused too")
        // Another network may still look up; the window slides.
        #expect(await app.send(.get, receipt, from: "198.51.100.20").status == .ok)
        app.clock.advance(by: 499)
        #expect(await app.get(receipt).status == .tooManyRequests)
        app.clock.advance(by: 1)
        #expect(await app.get(receipt).status == .ok)
        await app.close()
    }
}
