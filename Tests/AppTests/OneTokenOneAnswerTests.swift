import Crypto
import Foundation
import Testing

@testable import App
@testable import Store

/// One rendering stores at most one answer: the submission id is inside the signed token, so a script that loads
/// the form once and posts it again and again (with made-up ids, without the cookie) stores one answer, and every
/// repeat answers the same thanks page. The same holds for the suggestion box.
@Suite struct OneTokenOneAnswerTests {
    @Test func repeatedPostsOfOneTokenStoreOneAnswer() async throws {
        let app = try await TestApp()
        let (token, _) = try await AnswerFlowTests().render(app)
        app.clock.advance(by: 60)
        let answers = try await AnswerFlowTests.validAnswers(app)
        let path = SiteRoute.answer(campaign: app.demoCampaignID, unit: "07210").path
        for attempt in 0..<5 {
            // A script's made-up id beside the token is ignored, as is any other unknown field.
            let madeUp = TimeOrderedID.submissionID(milliseconds: Int64(attempt))
            let response = await app.post(path, form: [("token", token), ("sid", madeUp)] + answers)
            #expect(response.status == .seeOther)
            #expect(response.location == SiteRoute.thanks(campaign: app.demoCampaignID, unit: "07210").path)
        }
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 1)
        #expect(try await app.scalar("SELECT sum(answers) FROM daily_answer_counts") == 1)
        await app.close()
    }

    @Test func concurrentPostsOfOneTokenStoreOneAnswer() async throws {
        let app = try await TestApp()
        let (token, sid) = try await AnswerFlowTests().render(app)
        app.clock.advance(by: 60)
        let answers = try await AnswerFlowTests.validAnswers(app)
        let path = SiteRoute.answer(campaign: app.demoCampaignID, unit: "07210").path
        let statuses = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<24 {
                group.addTask { await app.post(path, form: [("token", token)] + answers).status.code }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 303, count: 24), "every copy is acknowledged with the thanks page")
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 1)
        let stored = try await app.pool.read {
            try $0.scalar("SELECT submission_id FROM responses", as: String.self)
        }
        #expect(stored == sid, "the id the server signed, not one the client chose")
        await app.close()
    }

    @Test func eachRenderingCarriesItsOwnSignedID() async throws {
        let app = try await TestApp()
        let first = try await AnswerFlowTests().render(app)
        let second = try await AnswerFlowTests().render(app)
        #expect(first.sid != second.sid)
        #expect(SubmissionID.isValid(first.sid) && SubmissionID.isValid(second.sid))
        // The id cannot be swapped: the signature covers it.
        guard case .current(let decoded) = try #require(RenderToken.decode(first.token, key: app.secret)) else {
            Issue.record("current format expected")
            return
        }
        let swapped = RenderToken(
            campaignID: decoded.campaignID, unitID: decoded.unitID, issuedAt: decoded.issuedAt, kiosk: false,
            submissionID: second.sid
        ).encode(key: Array("another key".utf8))
        #expect(RenderToken.decode(swapped, key: app.secret) == nil)
        await app.close()
    }

    /// A form opened before the upgrade carries an "r1" token without an id: its answers come back under a new
    /// token rather than being refused or stored without a signed id.
    @Test func aTokenOfTheEarlierFormatIsRenderedAgainWithAnswersKept() async throws {
        let app = try await TestApp()
        let unitID = try #require(
            try await app.pool.read { try UnitStore($0).resolve(code: "07210", on: app.clock.today) }
        )
        .id
        let earlier = SignedToken(key: app.secret).sign([
            "r1", String(app.demoCampaignID), String(unitID), String(app.clock.nowSeconds - 60), "p",
        ])
        let answers = try await AnswerFlowTests.validAnswers(app)
        let path = SiteRoute.answer(campaign: app.demoCampaignID, unit: "07210").path
        let response = await app.post(path, form: [("token", earlier)] + answers)
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("vừa được cập nhật"))
        #expect(response.text.contains("value=\"\(answers[0].1)\" checked"))
        let fresh = try #require(response.hiddenField("token"))
        #expect(fresh != earlier)
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 0)
        app.clock.advance(by: 30)
        #expect(await app.post(path, form: [("token", fresh)] + answers).status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 1)
        await app.close()
    }

    @Test func mintedTokensEachStoreOneAnswer() async throws {
        let app = try await TestApp()
        let unitID = try #require(
            try await app.pool.read { try UnitStore($0).resolve(code: "07210", on: app.clock.today) }
        )
        .id
        let tokens = RenderTokenIssuer.tokens(
            count: 3, campaignID: app.demoCampaignID, unitID: unitID, issuedAt: app.clock.nowSeconds - 60,
            secret: app.secret)
        #expect(Set(tokens).count == 3)
        #expect(Set(tokens.map(\.utf8.count)).count == 1, "equal lengths: the load test seeks to the n-th line")
        let answers = try await AnswerFlowTests.validAnswers(app)
        let path = SiteRoute.answer(campaign: app.demoCampaignID, unit: "07210").path
        for token in tokens + tokens {
            #expect(await app.post(path, form: [("token", token)] + answers).status == .seeOther)
        }
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 3)
        await app.close()
    }

    @Test func aSuggestionFormStoresOneSuggestionHoweverOftenSent() async throws {
        let app = try await TestApp()
        let box = await app.get(SiteRoute.suggestionBox(unit: "07210").path)
        let form = try #require(box.document.form(action: SiteRoute.suggestionBox(unit: "07210").path))
        #expect(form.field("sid") == nil, "the id is inside the token")
        let token = try #require(form.field("token")?.value)
        let fields = [("token", token), ("text", "Đề nghị sửa mái che.")]

        let tooFast = await app.post(SiteRoute.suggestionBox(unit: "07210").path, form: fields)
        #expect(tooFast.status == .unprocessableContent, "sent in the second it was opened: a script")
        #expect(tooFast.text.contains("hơi nhanh"))
        #expect(tooFast.text.contains("Đề nghị sửa mái che."), "the text is kept")
        app.clock.advance(by: Double(SuggestionFormToken.minimumFillSeconds - 1))
        let stillFast = await app.post(SiteRoute.suggestionBox(unit: "07210").path, form: fields)
        #expect(stillFast.status == .unprocessableContent, "a second short of the minimum")
        app.clock.advance(by: 1)
        var receipts: Set<String> = []
        for attempt in 0..<4 {
            let madeUp = TimeOrderedID.submissionID(milliseconds: Int64(attempt))
            let sent = await app.post(
                SiteRoute.suggestionBox(unit: "07210").path, form: fields + [("sid", madeUp)])
            #expect(sent.status == .seeOther)
            receipts.insert(sent.location ?? "")
        }
        #expect(receipts.count == 1, "the same receipt every time")
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 1)
        await app.close()
    }
}
