import Database
import HTTP
import Testing
import Web

@testable import App
@testable import Store

@Suite struct AuthSessionTests {
    @Test func idleSessionsExpireAndUseKeepsThemAlive() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let browser = try await app.signIn("tinh24")
        app.clock.advance(by: 2 * 3600 - 60)
        #expect(await app.get("/admin/", as: browser).status == .ok, "used just before the idle limit")
        app.clock.advance(by: 2 * 3600 - 60)
        #expect(await app.get("/admin/", as: browser).status == .ok, "the last use restarted the idle time")
        app.clock.advance(by: 2 * 3600 + 1)
        let expired = await app.get("/admin/", as: browser)
        #expect(expired.status == .seeOther)
        #expect(expired.location?.hasPrefix("/admin/login") == true)
        #expect(
            expired.headers.values(named: "Set-Cookie").contains {
                $0.hasPrefix("__Host-qcdc_session=;") && $0.contains("Max-Age=0")
            })
        #expect(try await app.scalar("SELECT count(*) FROM sessions") == 0, "the expired session is deleted")
        await app.close()
    }

    @Test func sessionsEndAfterTwelveHoursEvenWhenUsed() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let browser = try await app.signIn("tinh24")
        for _ in 1...11 {
            app.clock.advance(by: 3600)
            #expect(await app.get("/admin/", as: browser).status == .ok)
        }
        app.clock.advance(by: 3600 + 1)
        #expect(await app.get("/admin/", as: browser).status == .seeOther)
        await app.close()
    }

    @Test func lastSeenIsWrittenAtMostOncePerMinute() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let browser = try await app.signIn("tinh24")
        let loginTime = app.clock.nowSeconds
        app.clock.advance(by: 30)
        #expect(await app.get("/admin/", as: browser).status == .ok)
        #expect(try await app.scalar("SELECT last_seen_at FROM sessions") == Int(loginTime))
        app.clock.advance(by: 31)
        #expect(await app.get("/admin/", as: browser).status == .ok)
        #expect(try await app.scalar("SELECT last_seen_at FROM sessions") == Int(loginTime + 61))
        await app.close()
    }

    @Test func aDisabledAccountsSessionStopsAtOnce() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213")
        let browser = try await app.signIn("huyen213")
        #expect(await app.get(SiteRoute.today.path, as: browser).status == .ok)
        // Straight in the table, so the check on every request is what stops it (not the session cleanup).
        try await app.pool.write { try $0.run("UPDATE users SET disabled = 1 WHERE username = 'huyen213'") }
        #expect(await app.get(SiteRoute.today.path, as: browser).status == .seeOther)
        #expect(
            try await app.postLogin("huyen213", Accounts.password).text.contains(
                "Tên đăng nhập hoặc mật khẩu không đúng."))

        // Through `qcdc user disable`, the sessions are deleted as well.
        try await app.pool.write { try $0.run("UPDATE users SET disabled = 0 WHERE username = 'huyen213'") }
        let again = try await app.signIn("huyen213")
        let today = app.clock.today
        let now = app.clock.nowSeconds
        try await app.pool.write {
            try AccountAdmin($0, today: today, now: now).setDisabled(username: "huyen213", true)
        }
        #expect(await app.get("/admin/", as: again).status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM sessions") == 0)
        await app.close()
    }

    @Test func stateChangingAdminRequestsNeedTheSessionsCSRFToken() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let targetID = try await app.userID("xa07201")
        let requests: [(String, [(String, String)])] = [
            ("/admin/logout", []),
            (
                "/admin/password",
                [("current", Accounts.password), ("new", "mat khau moi 2024"), ("repeat", "mat khau moi 2024")]
            ),
            ("/admin/users/\(targetID)/reset", []),
        ]
        for (path, form) in requests {
            let missing = await app.post(path, form: form, as: province)
            #expect(missing.status == .forbidden, "\(path) without csrf")
            #expect(missing.text.contains("Vui lòng tải lại trang"))
            let wrong = await app.post(path, form: form, as: province, csrf: "gia-mao")
            #expect(wrong.status == .forbidden, "\(path) with a wrong csrf")
        }
        #expect(await app.get("/admin/", as: province).status == .ok, "nothing was logged out")
        #expect(try await app.postLogin("tinh24", Accounts.password).status == .seeOther, "the password did not change")
        #expect(try await app.scalar("SELECT count(*) FROM audit_log WHERE action = 'password_reset'") == 0)

        let logout = await app.post("/admin/logout", form: [], as: province, csrf: province.csrf)
        #expect(logout.status == .seeOther)
        #expect(logout.location == "/admin/login")
        #expect(logout.headers.values(named: "Set-Cookie").contains { $0.hasPrefix("__Host-qcdc_session=;") })
        #expect(await app.get("/admin/", as: province).status == .seeOther, "the session is gone")
        await app.close()
    }

    @Test func theLogoutButtonCarriesTheToken() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let browser = try await app.signIn("tinh24")
        let home = await app.get("/admin/", as: browser)
        #expect(home.hiddenField("csrf") == browser.csrf)
        #expect(home.text.contains("action=\"/admin/logout\""))
        await app.close()
    }
}
