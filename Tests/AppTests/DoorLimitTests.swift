import HTTP
import Testing
import Web

@testable import App
@testable import Store

/// The hard limits on the public doors, through the real router and SQLite, each at its edge.
@Suite struct DoorLimitTests {
    static func settings(
        answers: Int = 3, kiosk: Int = 5, suggestions: Int = 2, misses: Int = 3, proxies: [String] = []
    ) -> DoorSettings {
        var settings = DoorSettings()
        settings.answersPerHour = answers
        settings.kioskAnswersPerHour = kiosk
        settings.suggestionsPerDay = suggestions
        settings.lookupMisses = misses
        settings.trustedProxies = proxies.compactMap { IPRange($0) }
        return settings
    }

    /// Renders `count` forms now (tokens), for posting later.
    static func tokens(_ app: TestApp, _ count: Int, headers: [(String, String)] = []) async throws -> [String] {
        var tokens: [String] = []
        for _ in 0..<count { tokens.append(try await AnswerFlowTests().render(app, headers: headers).token) }
        return tokens
    }

    static func post(
        _ app: TestApp, _ token: String, from address: String, headers: [(String, String)] = []
    ) async throws -> HTTPResponse {
        let answers = try await AnswerFlowTests.validAnswers(app)
        return await app.send(
            .post, "/s/\(app.demoCampaignID)/07210", form: [("token", token)] + answers, headers: headers,
            from: address)
    }

    @Test func answersStopAtTheHardLimitAndTheWindowSlides() async throws {
        let app = try await TestApp(doors: Self.settings())
        let tokens = try await Self.tokens(app, 5)
        app.clock.advance(by: 60)
        for token in tokens.prefix(3) {
            #expect(try await Self.post(app, token, from: "198.51.100.7").status == .seeOther)
        }
        let refused = try await Self.post(app, tokens[3], from: "198.51.100.7")
        #expect(refused.status == .tooManyRequests)
        #expect(refused.headers["Retry-After"] == "3600")
        #expect(refused.text.contains("hãy hỏi cán bộ tại bộ phận một cửa"))
        #expect(refused.text.contains("60 phút"))
        // The typed answers and the same token come back, so the same form can be sent again later.
        #expect(refused.hiddenField("token") == tokens[3])
        #expect(refused.document.form(action: "/s/\(app.demoCampaignID)/07210") != nil)
        #expect(refused.text.contains("checked"), "the chosen options are still chosen")
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 3)

        // A resend of an answer already stored is not counted and still gets its thanks page.
        let resend = try await Self.post(app, tokens[0], from: "198.51.100.7")
        #expect(resend.status == .seeOther)
        #expect(resend.location == SiteRoute.thanks(campaign: app.demoCampaignID, unit: "07210").path)
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 3)

        // Another network is not affected.
        #expect(try await Self.post(app, tokens[4], from: "198.51.100.8").status == .seeOther)

        // One second before the first answer leaves the hour: still refused; at the second itself: stored.
        app.clock.advance(by: 3599)
        let almost = try await Self.post(app, tokens[3], from: "198.51.100.7")
        #expect(almost.status == .tooManyRequests)
        #expect(almost.headers["Retry-After"] == "1")
        app.clock.advance(by: 1)
        #expect(try await Self.post(app, tokens[3], from: "198.51.100.7").status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 5)
        await app.close()
    }

    @Test func aForgedForwardedForFromAnUntrustedPeerChangesNothing() async throws {
        let app = try await TestApp(doors: Self.settings(answers: 1))
        let tokens = try await Self.tokens(app, 3)
        app.clock.advance(by: 60)
        #expect(try await Self.post(app, tokens[0], from: "203.0.113.50").status == .seeOther)
        for header in ["X-Forwarded-For", "Forwarded"] {
            let value = header == "Forwarded" ? "for=198.51.100.99" : "198.51.100.99"
            let forged = try await Self.post(app, tokens[1], from: "203.0.113.50", headers: [(header, value)])
            #expect(forged.status == .tooManyRequests, "\(header) from an untrusted peer is ignored")
        }
        await app.close()
    }

    @Test func behindATrustedProxyEachClientHasItsOwnCount() async throws {
        let app = try await TestApp(doors: Self.settings(answers: 1, proxies: ["10.0.0.0/8"]))
        let tokens = try await Self.tokens(app, 4)
        app.clock.advance(by: 60)
        let viaProxy = { (client: String) in [("X-Forwarded-For", "6.6.6.6, \(client)")] }
        #expect(
            try await Self.post(app, tokens[0], from: "10.0.0.2", headers: viaProxy("198.51.100.1")).status
                == .seeOther)
        #expect(
            try await Self.post(app, tokens[1], from: "10.0.0.2", headers: viaProxy("198.51.100.1")).status
                == .tooManyRequests, "the rightmost untrusted hop is the client, whatever it wrote to its left")
        #expect(
            try await Self.post(app, tokens[2], from: "10.0.0.2", headers: viaProxy("198.51.100.2")).status
                == .seeOther)
        // The stored fingerprint is the client's network, not the proxy's.
        let hashes = try await app.pool.read {
            try $0.query("SELECT DISTINCT network_hash FROM responses").map { try $0.string(0) }
        }
        #expect(hashes.count == 2)
        await app.close()
    }

    @Test func oneIPv6Slash64IsOneNetwork() async throws {
        let app = try await TestApp(doors: Self.settings(answers: 2))
        let tokens = try await Self.tokens(app, 4)
        app.clock.advance(by: 60)
        #expect(try await Self.post(app, tokens[0], from: "2001:db8:1:2::1").status == .seeOther)
        #expect(try await Self.post(app, tokens[1], from: "2001:db8:1:2:a:b:c:d").status == .seeOther)
        #expect(
            try await Self.post(app, tokens[2], from: "2001:db8:1:2:ffff::9").status == .tooManyRequests,
            "a phone rotating privacy addresses in one /64 is one network")
        #expect(try await Self.post(app, tokens[2], from: "2001:db8:1:3::1").status == .seeOther)
        let hashes = try await app.pool.read {
            try $0.query("SELECT network_hash FROM responses ORDER BY id").map { try $0.string(0) }
        }
        #expect(hashes[0] == hashes[1] && hashes[1] != hashes[2])
        await app.close()
    }

    @Test func aKioskHasItsOwnHigherLimit() async throws {
        let app = try await TestApp(doors: Self.settings(answers: 1, kiosk: 3))
        let link = KioskLinks.make(
            unitCode: "07210", hours: 10, now: app.clock.nowSeconds, secret: app.secret, publicURL: TestApp.publicURL)
        let opened = await app.get(String(link.dropFirst(TestApp.publicURL.count)))
        let kiosk = [("Cookie", try #require(opened.cookie(app.environment.cookieNames.kiosk)))]
        let kioskTokens = try await Self.tokens(app, 4, headers: kiosk)
        let phoneTokens = try await Self.tokens(app, 2)
        app.clock.advance(by: 60)
        for token in kioskTokens.prefix(3) {
            #expect(try await Self.post(app, token, from: "203.0.113.7", headers: kiosk).status == .seeOther)
        }
        #expect(
            try await Self.post(app, kioskTokens[3], from: "203.0.113.7", headers: kiosk).status == .tooManyRequests)
        // Phones on the office network count apart from the tablet.
        #expect(try await Self.post(app, phoneTokens[0], from: "203.0.113.7").status == .seeOther)
        #expect(try await Self.post(app, phoneTokens[1], from: "203.0.113.7").status == .tooManyRequests)
        #expect(try await app.scalar("SELECT count(*) FROM responses WHERE channel = 'kiosk'") == 3)
        await app.close()
    }

    @Test func parallelAnswersCannotPassTheLimit() async throws {
        let app = try await TestApp(doors: Self.settings(answers: 5))
        let tokens = try await Self.tokens(app, 20)
        app.clock.advance(by: 60)
        let statuses = await withTaskGroup(of: Int.self) { group in
            for token in tokens {
                group.addTask { (try? await Self.post(app, token, from: "198.51.100.7").status.code) ?? 0 }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 303 }.count == 5)
        #expect(statuses.filter { $0 == 429 }.count == 15)
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 5)
        await app.close()
    }
}
