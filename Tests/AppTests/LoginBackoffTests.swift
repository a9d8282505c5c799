import HTTP
import Testing
import Web

@testable import App
@testable import Store

/// Logins back off instead of locking: nobody can lock a commune's predictable account for long, a browser that
/// signed in before is slowed only by its own failures, parallel guesses cannot pass the limit, and refused
/// attempts are counted on a bounded number of audit rows.
@Suite struct LoginBackoffTests {
    /// The login form posted as a browser does, with an optional earlier device cookie ("qcdc_device=…").
    static func login(
        _ app: TestApp, _ username: String, _ password: String, from address: String, device: String? = nil
    ) async throws -> HTTPResponse {
        let page = await app.send(.get, "/admin/login", from: address)
        let loginCookie = try #require(page.cookie(app.environment.cookieNames.login))
        let token = try #require(page.hiddenField("csrf"))
        let cookie = [loginCookie, device].compactMap { $0 }.joined(separator: "; ")
        return await app.send(
            .post, "/admin/login", form: [("csrf", token), ("username", username), ("password", password)],
            headers: [("Cookie", cookie)], from: address)
    }

    @Test func waitsDoubleAfterTheFifthFailure() async throws {
        let app = try await TestApp()
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        for attempt in 1...5 {
            #expect(try await Self.login(app, "xa07201", "sai-\(attempt)", from: "198.51.100.1").status.code == 422)
        }
        for wait in [1, 2, 4, 8] {
            let refused = try await Self.login(app, "xa07201", "sai", from: "198.51.100.1")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers["Retry-After"] == String(wait))
            app.clock.advance(by: Double(wait - 1))
            #expect(try await Self.login(app, "xa07201", "sai", from: "198.51.100.1").status == .tooManyRequests)
            app.clock.advance(by: 1)
            #expect(try await Self.login(app, "xa07201", "sai", from: "198.51.100.1").status.code == 422)
        }
        // The right password after the wait signs in and clears the account.
        app.clock.advance(by: 16)
        #expect(try await Self.login(app, "xa07201", Accounts.password, from: "198.51.100.1").status == .seeOther)
        #expect(try await Self.login(app, "xa07201", "sai", from: "198.51.100.1").status.code == 422)
        await app.close()
    }

    @Test func aKnownBrowserIsNotSlowedByFailuresFromElsewhereButByItsOwn() async throws {
        let app = try await TestApp()
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        let first = try await Self.login(app, "xa07201", Accounts.password, from: "203.0.113.10")
        #expect(first.status == .seeOther)
        let device = try #require(first.cookie(app.environment.cookieNames.device))
        let setCookie = try #require(
            first.headers.values(named: "Set-Cookie").first { $0.hasPrefix(app.environment.cookieNames.device) })
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("Max-Age=34560000"))

        // Someone guesses the predictable name from other networks during the reporting window.
        for attempt in 0..<12 {
            app.clock.advance(by: 1000)
            _ = try await Self.login(app, "xa07201", "doan-\(attempt)", from: "192.0.2.\(attempt + 1)")
        }
        let stranger = try await Self.login(app, "xa07201", Accounts.password, from: "203.0.113.99")
        #expect(stranger.status == .tooManyRequests, "a browser without the cookie waits")
        let office = try await Self.login(app, "xa07201", Accounts.password, from: "203.0.113.10", device: device)
        #expect(office.status == .seeOther, "the commune's own browser signs in at once")

        // Its own failures slow it: five free, then a wait, even with the right password.
        for attempt in 1...5 {
            let wrong = try await Self.login(app, "xa07201", "go-nham-\(attempt)", from: "203.0.113.10", device: device)
            #expect(wrong.status.code == 422)
        }
        let waiting = try await Self.login(app, "xa07201", Accounts.password, from: "203.0.113.10", device: device)
        #expect(waiting.status == .tooManyRequests)
        #expect(waiting.headers["Retry-After"] == "1")
        // A device cookie names one account: for another account it is a stranger's browser.
        try await app.addUser("xa07243", role: .commune, unit: "07243")
        let forged = DeviceToken(userID: 999, deviceID: "x", issuedAt: app.clock.nowSeconds).encode(key: app.secret)
        let other = try await Self.login(
            app, "xa07243", Accounts.password, from: "203.0.113.11", device: "__Secure-qcdc_device=" + forged)
        #expect(other.status == .seeOther)
        await app.close()
    }

    @Test func twentyParallelGuessesGetFiveChecks() async throws {
        let app = try await TestApp()
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        // The pages first (a GET counts nothing), then twenty posts at the same instant from twenty networks.
        var forms: [(cookie: String, csrf: String, address: String)] = []
        for index in 0..<20 {
            let address = "192.0.2.\(index + 1)"
            let page = await app.send(.get, "/admin/login", from: address)
            forms.append(
                (
                    try #require(page.cookie(app.environment.cookieNames.login)),
                    try #require(page.hiddenField("csrf")),
                    address
                ))
        }
        let statuses = await withTaskGroup(of: Int.self) { group in
            for (index, form) in forms.enumerated() {
                group.addTask {
                    await app.send(
                        .post, "/admin/login",
                        form: [("csrf", form.csrf), ("username", "xa07201"), ("password", "doan-\(index)")],
                        headers: [("Cookie", form.cookie)], from: form.address
                    ).status.code
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 422 }.count == 5, "exactly five passwords were checked")
        #expect(statuses.filter { $0 == 429 }.count == 15)
        let failures = try await app.pool.read {
            try LoginThrottle($0).failures(key: "user:xa07201", now: app.clock.nowSeconds)
        }
        #expect(failures == 5)
        await app.close()
    }

    @Test func aSignedInUserChangesThePasswordWhileOthersFail() async throws {
        let app = try await TestApp()
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        let browser = try await app.signIn("xa07201")
        for attempt in 0..<10 {
            _ = try await Self.login(app, "xa07201", "doan-\(attempt)", from: "192.0.2.\(attempt + 1)")
        }
        #expect(try await Self.login(app, "xa07201", "doan", from: "192.0.2.99").status == .tooManyRequests)
        let changed = await app.post(
            SiteRoute.password.path,
            form: [
                ("current", Accounts.password), ("new", "mat-khau-moi-rat-dai-42"),
                ("repeat", "mat-khau-moi-rat-dai-42"),
            ],
            as: browser, csrf: browser.csrf)
        #expect(changed.status == .seeOther, "\(changed.text)")
        // The change page has its own back-off, per session: a borrowed session cannot guess quickly either.
        let fresh = "mat-khau-khac-rat-dai-77"
        for attempt in 1...5 {
            let wrong = await app.post(
                SiteRoute.password.path, form: [("current", "doan-\(attempt)"), ("new", fresh), ("repeat", fresh)],
                as: browser, csrf: browser.csrf)
            #expect(wrong.status == .unprocessableContent)
        }
        let waiting = await app.post(
            SiteRoute.password.path,
            form: [("current", "mat-khau-moi-rat-dai-42"), ("new", fresh), ("repeat", fresh)], as: browser,
            csrf: browser.csrf)
        #expect(waiting.status == .tooManyRequests)
        #expect(waiting.headers["Retry-After"] == "1")
        await app.close()
    }

    @Test func refusedAttemptsAddOneAuditRowPerAccountAndHour() async throws {
        let app = try await TestApp()
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        for attempt in 0..<30 {
            _ = try await Self.login(app, "xa07201", "doan-\(attempt)", from: "192.0.2.\(attempt + 1)")
            _ = try await Self.login(app, "ten-bia-\(attempt)", "doan", from: "198.51.100.\(attempt + 1)")
        }
        let rows = try await app.pool.read { connection in
            try connection.query(
                "SELECT action, coalesce(username, '-'), repeats, detail FROM audit_log WHERE action LIKE 'login_%' ORDER BY id"
            ).map { (try $0.string(0), try $0.string(1), try $0.int(2), try $0.string(3)) }
        }
        #expect(
            rows.map { "\($0.0) \($0.1) \($0.2)" } == [
                "login_failed xa07201 5", "login_failed - 30", "login_locked xa07201 25",
            ])
        #expect(rows[1].3.contains("ten-bia-29"), "the latest name tried is in the detail")
        #expect(rows[0].3 == "Sai mật khẩu · 5 lần trong giờ")
        // The next hour starts a new row.
        app.clock.advance(by: 3600)
        _ = try await Self.login(app, "xa07201", "doan", from: "192.0.2.200")
        #expect(try await app.scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'login_%'") == 4)
        await app.close()
    }
}
