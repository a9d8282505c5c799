import Crypto
import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The citizen's path through the real router and a real SQLite file.
@Suite struct AnswerFlowTests {
    /// A valid PKS02 answer: the first option of every choice question, required ones first.
    static func validAnswers(_ app: TestApp) async throws -> [(String, String)] {
        let campaignID = app.demoCampaignID
        let form = try await app.pool.read { connection -> FormDefinition in
            let campaign = try #require(try CampaignStore(connection).campaign(id: campaignID))
            return try #require(try FormStore(connection).definition(formVersionID: campaign.formVersionID))
        }
        let questions = form.questions.filter(\.required) + form.questions.filter { !$0.required }
        return questions.compactMap { question in
            guard question.kind.isChoice, question.showIfOptionID == nil, let first = question.options.first else {
                return nil
            }
            return (question.code, String(first.id))
        }
    }

    func render(_ app: TestApp, unit: String = "07210", headers: [(String, String)] = []) async throws -> (
        token: String, sid: String
    ) {
        let page = await app.get("/s/\(app.demoCampaignID)/\(unit)", headers: headers)
        #expect(page.status == .ok)
        #expect(page.hiddenField("sid") == nil, "the submission id travels inside the signed token only")
        let token = try #require(page.hiddenField("token"))
        guard case .current(let decoded) = try #require(RenderToken.decode(token, key: app.secret)) else {
            Issue.record("the page carries a token of the current format")
            return (token, "")
        }
        return (token, decoded.submissionID)
    }

    @Test func landingPageListsTheOpenCampaign() async throws {
        let app = try await TestApp()
        let campaignID = app.demoCampaignID
        let (campaign, formTitle) = try await app.pool.read { connection -> (CampaignRecord, String) in
            let campaign = try #require(try CampaignStore(connection).campaign(id: campaignID))
            let form = try #require(try FormStore(connection).forms().first { $0.code == campaign.formCode })
            return (campaign, form.title)
        }
        let page = await app.get(SiteRoute.landing(unit: "07210").path)
        #expect(page.status == .ok)
        let document = page.document
        #expect(document.elements(tag: "html").first?["lang"] == "vi")
        #expect(document.headings(1) == ["Phường Hoàng Văn Thụ"])
        #expect(document.headings(2) == ["Phiếu dành cho người dân, tổ chức", "Hòm thư góp ý"])
        let lists = document.elements(tag: "ul", class: "links").map(\.links)
        #expect(lists.count == 2)
        let ends = campaign.schedule.endsOn.vietnamese
        #expect(
            lists.first == [
                HTMLLink(
                    href: SiteRoute.answer(campaign: campaignID, unit: "07210").path,
                    text: "\(formTitle) \(campaign.title) · đến hết ngày \(ends)")
            ], "the one open campaign, by its form's title")
        #expect(
            lists.last == [
                HTMLLink(
                    href: SiteRoute.suggestionBox(unit: "07210").path,
                    text: "Gửi góp ý, kiến nghị cho Phường Hoàng Văn Thụ")
            ])
        await app.close()
    }

    @Test func answerPageIsSmallAndComplete() async throws {
        let app = try await TestApp()
        let page = await app.get("/s/\(app.demoCampaignID)/07210")
        #expect(page.status == .ok)
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        let css = try Data(contentsOf: URL(fileURLWithPath: TestApp.publicFolder + "/site.css"))
        #expect(page.body.count + css.count < 20 * 1024, "HTML \(page.body.count) B + CSS \(css.count) B")
        #expect(page.text.contains("Câu 1."))
        #expect(page.text.contains("name=\"website\""), "honeypot field present")
        let first = try await render(app)
        let second = try await render(app)
        #expect(first.sid != second.sid, "each rendering gets its own submission id")
        await app.close()
    }

    @Test func validAnswerIsStoredOnceAndRetriesStoreNothing() async throws {
        let app = try await TestApp()
        let (token, sid) = try await render(app)
        app.clock.advance(by: 60)
        let answers = try await Self.validAnswers(app)
        let form = [("token", token)] + answers
        let response = await app.post(
            "/s/\(app.demoCampaignID)/07210", form: form, headers: [("Origin", "https://qcdc.test")])
        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/s/\(app.demoCampaignID)/07210/thanks")
        let cookie = try #require(response.cookie(app.environment.cookieNames.respondent))
        #expect(response.headers.values(named: "Set-Cookie").first?.contains("HttpOnly") == true)

        // The phone resends the same POST (no cookie: the first answer never reached it).
        let resent = await app.post("/s/\(app.demoCampaignID)/07210", form: form)
        #expect(resent.status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 1)
        #expect(try await app.scalar("SELECT answers FROM daily_answer_counts") == 1)
        #expect(try await app.scalar("SELECT count(*) FROM option_counts") == answers.count)
        let channel = try await app.pool.read { try $0.scalar("SELECT channel FROM responses", as: String.self) }
        #expect(channel == "phone")
        #expect(try await app.scalar("SELECT fill_seconds FROM responses") == 60)

        // The same browser comes back: told kindly, and a new rendering is refused too.
        let again = await app.get("/s/\(app.demoCampaignID)/07210", headers: [("Cookie", cookie)])
        #expect(again.status == .ok)
        #expect(again.text.contains("đã trả lời phiếu này"))
        let (token2, sid2) = try await render(app)
        app.clock.advance(by: 60)
        let second = await app.post(
            "/s/\(app.demoCampaignID)/07210", form: [("token", token2)] + answers,
            headers: [("Cookie", cookie)])
        #expect(second.status == .seeOther, "to the form's address, which tells this browser it has answered")
        #expect(second.location == "/s/\(app.demoCampaignID)/07210")
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 1)

        let thanks = await app.get("/s/\(app.demoCampaignID)/07210/thanks")
        #expect(thanks.status == .ok)
        #expect(thanks.text.contains("Cảm ơn"))
        await app.close()
    }

    /// Marks stored before tokens carried their minting time are the bare SHA-256 of the cookie.
    @Test func aMarkStoredByAnEarlierVersionStillCounts() async throws {
        let app = try await TestApp()
        let cookieValue = Base64URL.encode([UInt8](repeating: 7, count: 32))
        let campaignID = app.demoCampaignID
        try await app.pool.write { connection in
            try connection.run(
                "INSERT INTO respondent_marks (campaign_id, token_hash, created_at) VALUES (?, ?, 0)",
                [campaignID, SHA256.hex(Array(cookieValue.utf8))])
        }
        let cookie = "\(app.environment.cookieNames.respondent)=\(cookieValue)"
        let page = await app.get("/s/\(campaignID)/07210", headers: [("Cookie", cookie)])
        #expect(page.text.contains("đã trả lời phiếu này"))
        let (token, sid) = try await render(app)
        app.clock.advance(by: 60)
        let answers = try await Self.validAnswers(app)
        let post = await app.post(
            "/s/\(campaignID)/07210", form: [("token", token)] + answers,
            headers: [("Cookie", cookie)])
        #expect(post.status == .seeOther)
        #expect(
            await app.get(try #require(post.location), headers: [("Cookie", cookie)]).text.contains(
                "đã trả lời phiếu này"))
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 0)
        await app.close()
    }

    @Test func missingRequiredAnswerComesBackInlineWithAnswersKept() async throws {
        let app = try await TestApp()
        let (token, sid) = try await render(app)
        app.clock.advance(by: 30)
        var answers = try await Self.validAnswers(app)
        let missing = answers.removeFirst()
        let kept = answers[0]
        let response = await app.post(
            "/s/\(app.demoCampaignID)/07210",
            form: [("token", token), ("q99", "x")] + answers)
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("id=\"e-\(missing.0)\""))
        #expect(response.text.contains("Vui lòng chọn một câu trả lời."))
        #expect(response.text.contains("value=\"\(kept.1)\" checked"))
        #expect(response.hiddenField("token") == token, "the same rendering keeps its token and submission id")
        _ = sid
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 0)
        await app.close()
    }

    @Test func protectionsRefuseForgedTooFastAndCrossSitePosts() async throws {
        let app = try await TestApp()
        let answers = try await Self.validAnswers(app)
        let (token, sid) = try await render(app)
        let path = "/s/\(app.demoCampaignID)/07210"

        let tooFast = await app.post(path, form: [("token", token)] + answers)
        #expect(tooFast.status == .unprocessableContent)
        #expect(tooFast.text.contains("hơi nhanh"))

        app.clock.advance(by: 20)
        let foreign = await app.post(
            path, form: [("token", token)] + answers,
            headers: [("Origin", "https://evil.example")])
        #expect(foreign.status == .forbidden)
        let foreignReferer = await app.post(
            path, form: [("token", token)] + answers,
            headers: [("Referer", "https://evil.example/page")])
        #expect(foreignReferer.status == .forbidden)

        let forged = await app.post(path, form: [("token", token + "x")] + answers)
        #expect(forged.status == .badRequest)
        let otherUnit = await app.post(
            "/s/\(app.demoCampaignID)/07228", form: [("token", token)] + answers)
        #expect(otherUnit.status == .badRequest, "a token for one commune does not work for another")

        let bot = await app.post(path, form: [("token", token), ("website", "http://spam")] + answers)
        #expect(bot.status == .seeOther, "bots see the thanks page")
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 0)

        app.clock.advance(by: 2 * 24 * 3600)
        let stale = await app.post(path, form: [("token", token)] + answers)
        #expect(stale.status == .unprocessableContent)
        #expect(stale.text.contains("quá một ngày"))
        #expect(stale.hiddenField("token") != token, "a fresh token comes with the re-rendered form")
        await app.close()
    }

    @Test func unknownOutOfScopeNotYetOpenAndClosedCampaigns() async throws {
        let app = try await TestApp()
        #expect(await app.get("/s/\(app.demoCampaignID)/99999").status == .notFound)
        #expect(await app.get("/s/999/07210").status == .notFound)
        #expect(await app.get("/s/abc/07210").status == .notFound)
        #expect(await app.get("/q/99999").status == .notFound)

        let today = app.clock.today
        let ids = try await app.pool.write { connection -> (Int64, Int64) in
            let store = CampaignStore(connection)
            var later = NewCampaign(
                formCode: "PKS03", title: "Đợt sau", startsOn: today.adding(days: 5), endsOn: today.adding(days: 9))
            later.scope = .units(["07228"])
            let laterID = try store.create(later, today: today, now: 0)
            var past = NewCampaign(
                formCode: "PKS04", title: "Đợt trước", startsOn: today.adding(days: -9), endsOn: today.adding(days: -2))
            past.scope = .units(["07210"])
            return (laterID, try store.create(past, today: today, now: 0))
        }
        let notYet = await app.get("/s/\(ids.0)/07228")
        #expect(notYet.status == .notFound)
        #expect(notYet.text.contains("chưa mở"))
        #expect(await app.get("/s/\(ids.0)/07210").status == .notFound, "07210 is outside that campaign")
        let closed = await app.get("/s/\(ids.1)/07210")
        #expect(closed.status == .gone)
        #expect(closed.text.contains("đã kết thúc"))
        await app.close()
    }

    @Test func kioskTakesOnePersonAfterAnother() async throws {
        let app = try await TestApp()
        let link = KioskLinks.make(
            unitCode: "07210", hours: 10, now: app.clock.nowSeconds, secret: app.secret,
            publicURL: TestApp.publicURL)
        let path = String(link.dropFirst(TestApp.publicURL.count))
        let opened = await app.get(path)
        #expect(opened.status == .seeOther)
        let kioskCookie = try #require(opened.cookie(app.environment.cookieNames.kiosk))
        let answers = try await Self.validAnswers(app)
        for _ in 0..<3 {
            let (token, sid) = try await render(app, headers: [("Cookie", kioskCookie)])
            app.clock.advance(by: 30)
            let response = await app.post(
                "/s/\(app.demoCampaignID)/07210", form: [("token", token)] + answers,
                headers: [("Cookie", kioskCookie)])
            #expect(response.status == .seeOther)
            #expect(
                response.cookie(app.environment.cookieNames.respondent) == nil,
                "a kiosk never marks the tablet as answered")
        }
        #expect(try await app.scalar("SELECT count(*) FROM responses WHERE channel = 'kiosk'") == 3)
        let thanks = await app.get("/s/\(app.demoCampaignID)/07210/thanks", headers: [("Cookie", kioskCookie)])
        #expect(
            thanks.headers["Refresh"] == "8; url=/s/\(app.demoCampaignID)/07210", "the form clears for the next person")

        // The link works for its unit only, and not after it expires.
        let (token, sid) = try await render(app, unit: "07228", headers: [("Cookie", kioskCookie)])
        #expect(!token.isEmpty && !sid.isEmpty)
        app.clock.advance(by: 11 * 3600)
        #expect(await app.get(path).status == .forbidden)
        await app.close()
    }
}
