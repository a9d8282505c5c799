import Crypto
import Database
import Foundation
import HTTP
import Testing
import Web

@testable import App
@testable import Store

@Suite struct AuthLoginTests {
    @Test func loginSetsAHardenedCookieAndStoresOnlyTheTokenHash() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let response = try await app.postLogin("tinh24", Accounts.password)
        #expect(response.status == .seeOther)
        #expect(response.location == "/admin")
        let header = try #require(
            response.headers.values(named: "Set-Cookie").first { $0.hasPrefix("__Host-qcdc_session=") })
        #expect(header.contains("HttpOnly"))
        #expect(header.contains("SameSite=Lax"))
        #expect(header.contains("Path=/;") || header.hasSuffix("Path=/"))
        #expect(header.contains("Secure"), "the public URL is https")
        let token = String(try #require(response.cookie("__Host-qcdc_session")).dropFirst("__Host-qcdc_session=".count))
        #expect(Base64URL.decode(token)?.count == 32, "a 256-bit random token")
        #expect(try await app.scalar("SELECT count(*) FROM sessions WHERE token_hash = ?", [token]) == 0)
        #expect(
            try await app.scalar("SELECT count(*) FROM sessions WHERE token_hash = ?", [SHA256.hex(Array(token.utf8))])
                == 1)

        let home = await app.get("/admin/", headers: [("Cookie", "__Host-qcdc_session=\(token)")])
        #expect(home.status == .ok)
        #expect(home.text.contains("tinh24"))
        #expect(home.text.contains("Tỉnh Bắc Giang"))
        #expect(home.text.contains("cấp tỉnh"))
        #expect(home.headers["Cache-Control"] == "no-store")
        await app.close()
    }

    @Test func wrongPasswordAndUnknownUserGetTheSameAnswer() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let wrong = try await app.postLogin("tinh24", "mat-khau-sai-hoan-toan")
        let unknown = try await app.postLogin("khong-co-ai", "mat-khau-sai-hoan-toan")
        for response in [wrong, unknown] {
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            #expect(response.cookie("__Host-qcdc_session") == nil)
        }
        #expect(try await app.scalar("SELECT count(*) FROM sessions") == 0)
        await app.close()
    }

    @Test func sixthAttemptWaitsASecondButOtherAccountsFromOtherAddressesStillWork() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        try await app.addUser("huyen213", role: .district, unit: "213")
        for attempt in 1...5 {
            let response = try await app.postLogin("tinh24", "sai-mat-khau-\(attempt)", from: "198.51.100.1")
            #expect(response.status == .unprocessableContent, "attempt \(attempt)")
        }
        // Even the right password waits until the back-off has passed: one second after five failures.
        let waiting = try await app.postLogin("tinh24", Accounts.password, from: "198.51.100.1")
        #expect(waiting.status == .tooManyRequests)
        #expect(waiting.text.contains("1 giây"))
        #expect(waiting.headers["Retry-After"] == "1")
        #expect(waiting.cookie("__Host-qcdc_session") == nil)

        let other = try await app.postLogin("huyen213", Accounts.password, from: "198.51.100.2")
        #expect(other.status == .seeOther)

        app.clock.advance(by: 1)
        let later = try await app.postLogin("tinh24", Accounts.password, from: "198.51.100.1")
        #expect(later.status == .seeOther)
        await app.close()
    }

    @Test func oneAddressTryingManyAccountsWaitsToo() async throws {
        let app = try await TestApp()
        for attempt in 1...LoginThrottle.Rule.address.freeFailures {
            let response = try await app.postLogin("nguoi\(attempt)", "sai-mat-khau", from: "198.51.100.9")
            #expect(response.status == .unprocessableContent)
        }
        let waiting = try await app.postLogin("nguoi-khac", "sai-mat-khau", from: "198.51.100.9")
        #expect(waiting.status == .tooManyRequests)
        #expect(waiting.text.contains("giây"))
        await app.close()
    }

    @Test func loginWithoutThePreSessionTokenIsRefused() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let page = await app.get("/admin/login")
        let token = try #require(page.hiddenField("csrf"))
        let noCookie = await app.post(
            "/admin/login",
            form: [
                ("csrf", token), ("username", "tinh24"),
                ("password", Accounts.password),
            ])
        #expect(noCookie.status == .forbidden)
        #expect(noCookie.cookie("__Host-qcdc_session") == nil)
        let loginCookie = try #require(page.cookie("__Secure-qcdc_login"))
        let crossSite = await app.post(
            "/admin/login",
            form: [
                ("csrf", token), ("username", "tinh24"),
                ("password", Accounts.password),
            ],
            headers: [("Cookie", loginCookie), ("Origin", "https://evil.example")])
        #expect(crossSite.status == .forbidden)
        await app.close()
    }

    @Test func nextIsFollowedOnlyInsideTheAdminArea() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let inside = try await app.postLogin("tinh24", Accounts.password, next: "/admin/users")
        #expect(inside.location == "/admin/users")
        for hostile in ["//evil.example/admin", "https://evil.example/", "/admin\\@evil", "/administrator", "/q/07210"]
        {
            let response = try await app.postLogin("tinh24", Accounts.password, next: hostile)
            #expect(response.location == "/admin", "next \(hostile)")
        }
        // An admin page without a session sends the person to the login page and back.
        let anonymous = await app.get("/admin/users?x=1")
        #expect(anonymous.status == .seeOther)
        #expect(anonymous.location == "/admin/login?next=" + PercentEncoding.encode("/admin/users?x=1"))
        await app.close()
    }

    @Test func forcedPasswordChangeLeadsEveryAdminPageToThePasswordPage() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213", mustChange: true)
        let login = try await app.postLogin("huyen213", Accounts.password)
        #expect(login.location == "/admin/password")
        let browser = try await app.signIn("huyen213")
        for path in ["/admin/", "/admin/users", "/admin/audit"] {
            let response = await app.get(path, as: browser)
            #expect(response.status == .seeOther, "\(path)")
            #expect(response.location == "/admin/password", "\(path)")
        }
        let page = await app.get("/admin/password", as: browser)
        #expect(page.status == .ok)
        #expect(page.text.contains("đặt mật khẩu mới"))
        let changed = await app.post(
            "/admin/password",
            form: [
                ("current", Accounts.password),
                ("new", "mot cau de nho 2024"),
                ("repeat", "mot cau de nho 2024"),
            ],
            as: browser, csrf: browser.csrf)
        #expect(changed.status == .seeOther, "a page that can be reloaded without sending the form again")
        #expect(changed.location == "/admin/password?done=changed")
        let done = await app.get(try #require(changed.location), as: browser)
        #expect(done.status == .ok)
        #expect(done.document.texts(of: "p", class: "notice").first?.hasPrefix("Đã đổi mật khẩu.") == true)
        #expect(!done.text.contains("đặt mật khẩu mới của riêng bạn"), "no longer asked to change it")
        #expect(await app.get(SiteRoute.today.path, as: browser).status == .ok)
        await app.close()
    }

    @Test func changePasswordRulesAreExplainedInVietnamese() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213")
        let browser = try await app.signIn("huyen213")
        let other = try await app.signIn("huyen213", from: "198.51.100.5")
        func change(_ current: String, _ new: String, _ repeated: String) async -> HTTPResponse {
            await app.post(
                "/admin/password", form: [("current", current), ("new", new), ("repeat", repeated)],
                as: browser, csrf: browser.csrf)
        }
        let short = await change(Accounts.password, "ngan-qua", "ngan-qua")
        #expect(short.status == .unprocessableContent)
        #expect(short.text.contains("ít nhất 10 ký tự"))
        try await app.addUser("huyen215-dai-ten", role: .district, unit: "215")
        let longBrowser = try await app.signIn("huyen215-dai-ten")
        let nameAsPassword = await app.post(
            "/admin/password",
            form: [
                ("current", Accounts.password),
                ("new", "HUYEN215-dai-ten"),
                ("repeat", "HUYEN215-dai-ten"),
            ],
            as: longBrowser, csrf: longBrowser.csrf)
        #expect(nameAsPassword.status == .unprocessableContent)
        #expect(nameAsPassword.text.contains("trùng với tên đăng nhập"))
        let mismatch = await change(Accounts.password, "mat khau moi 2024", "mat khau moi 2025")
        #expect(mismatch.text.contains("Hai lần nhập mật khẩu mới không giống nhau."))
        let wrongCurrent = await change("khong-phai-mat-khau", "mat khau moi 2024", "mat khau moi 2024")
        #expect(wrongCurrent.status == .unprocessableContent)
        #expect(wrongCurrent.text.contains("Mật khẩu hiện tại không đúng."))

        let done = await change(Accounts.password, "mat khau moi 2024", "mat khau moi 2024")
        #expect(done.status == .seeOther)
        #expect(await app.get(SiteRoute.today.path, as: browser).status == .ok, "the session in use stays")
        #expect(await app.get(SiteRoute.today.path, as: other).status == .seeOther, "other sessions end")
        #expect(try await app.postLogin("huyen213", Accounts.password).status == .unprocessableContent)
        #expect(try await app.postLogin("huyen213", "mat khau moi 2024").status == .seeOther)
        await app.close()
    }
}
