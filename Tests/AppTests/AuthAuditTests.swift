import Database
import Foundation
import HTTP
import Survey
import Synchronization
import Testing
import Web

@testable import App
@testable import Store

@Suite struct AuthAuditTests {
    @Test func everyAccountActionIsAudited() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        _ = try await app.postLogin("huyen213", "mat-khau-sai-123")
        let district = try await app.signIn("huyen213")
        let communeID = try await app.userID("xa07201")
        #expect(
            await app.post("/admin/users/\(communeID)/reset", form: [], as: district, csrf: district.csrf).status
                == .seeOther)
        #expect(
            await app.post(
                "/admin/password",
                form: [
                    ("current", Accounts.password), ("new", "mat khau moi 2024"),
                    ("repeat", "mat khau moi 2024"),
                ],
                as: district, csrf: district.csrf
            ).status == .seeOther)
        #expect(await app.post("/admin/logout", form: [], as: district, csrf: district.csrf).status == .seeOther)
        let today = app.clock.today
        let now = app.clock.nowSeconds
        try await app.pool.write { connection in
            let admin = AccountAdmin(connection, today: today, now: now)
            let token = try admin.addToken(username: "huyen215", name: "thử")
            try admin.revokeToken(id: token.id)
            try admin.setDisabled(username: "xa07243", true)
        }
        let actions = try await app.auditActions()
        for action in [
            "user_add", "login_failed", "login", "password_reset", "password_change", "logout",
            "token_add", "token_revoke", "user_disable",
        ] {
            #expect(actions.contains(action), "\(action) is audited")
        }
        let failed = try #require(
            try await app.pool.read {
                try $0.queryOne("SELECT username, user_id, detail FROM audit_log WHERE action = 'login_failed'")
            })
        #expect(try failed.string(0) == "huyen213", "the name tried is kept")
        #expect(try failed.optionalInt64(1) == (try await app.userID("huyen213")))
        let reset = try await app.pool.read {
            try $0.scalar("SELECT detail FROM audit_log WHERE action = 'password_reset'", as: String.self)
        }
        #expect(reset?.contains("xa07201") == true)
        await app.close()
    }

    @Test func auditPageFiltersAndPages() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let base = app.clock.nowSeconds
        try await app.pool.write { connection in
            let log = AuditLog(connection)
            for index in 0..<120 {
                try log.record(
                    userID: nil, username: "nguoi\(index % 2)", unitID: nil, action: .export,
                    detail: "xuất lần \(index)", at: base - 86_400 + Int64(index))
            }
            try log.record(
                userID: nil, username: "cu", unitID: nil, action: .campaignOpen, detail: "đợt cũ",
                at: base - 10 * 86_400)
        }
        let browser = try await app.signIn("tinh24")
        let first = await app.get("/admin/audit?action=export", as: browser)
        #expect(first.status == .ok)
        #expect(first.text.components(separatedBy: "<tr><td data-label=\"Thời gian\">").count - 1 == 50)
        #expect(first.text.contains("xuất lần 119"), "newest first")
        #expect(!first.text.contains("xuất lần 69<"))
        #expect(first.text.contains("page=2"))
        let third = await app.get("/admin/audit?action=export&page=3", as: browser)
        #expect(third.text.components(separatedBy: "<tr><td data-label=\"Thời gian\">").count - 1 == 20)
        #expect(third.text.contains("xuất lần 0<"))
        #expect(!third.text.contains("page=4"))

        let byUser = await app.get("/admin/audit?action=export&user=NGUOI1", as: browser)
        #expect(!byUser.text.contains("xuất lần 118<"))
        #expect(byUser.text.contains("xuất lần 119<"))

        let oldDay = VietnamTime.localDate(at: base - 10 * 86_400).iso
        let byDate = await app.get("/admin/audit?from=\(oldDay)&to=\(oldDay)", as: browser)
        #expect(byDate.text.contains("đợt cũ"))
        #expect(!byDate.text.contains("xuất lần"))
        #expect(await app.get("/admin/audit?from=hom-qua", as: browser).status == .badRequest)
        #expect(await app.get("/admin/audit?page=0", as: browser).status == .badRequest)
        await app.close()
    }

    @Test func passwordsNeverReachTheDatabaseFileOrTheLogs() async throws {
        let app = try await TestApp()
        let lines = Mutex<[String]>([])
        let capture: @Sendable (String) -> Void = { line in lines.withLock { $0.append(line) } }
        let environment = AppEnvironment(
            database: app.pool, clock: app.clock, secret: app.secret,
            publicURL: TestApp.publicURL, staticDirectory: TestApp.publicFolder,
            log: capture)
        let router = try Application.makeRouter(environment, accessLog: capture)
        let first = "Bi-mat-dau-tien-7391"
        let wrong = "Sai-bet-roi-khong-dung-5528"
        let second = "Mat-khau-thu-hai-8842"
        try await app.addUser("tinh24", role: .province, unit: "24", password: first)

        func send(_ method: HTTPMethod, _ target: String, form: [(String, String)] = [], cookie: String? = nil) async
            -> HTTPResponse
        {
            let body = Array(
                form.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
                    .utf8)
            var headers = HTTPHeaders([("Host", "qcdc.test"), ("Content-Type", "application/x-www-form-urlencoded")])
            if let cookie { headers.add("Cookie", cookie) }
            let query = target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init)
            let path = String(target.split(separator: "?").first ?? "")
            return await router.respond(
                to: HTTPRequest(
                    method: method, target: target, path: path, rawPath: path, query: query,
                    headers: headers, body: body, remoteAddress: "203.0.113.8"))
        }
        func login(_ password: String) async throws -> HTTPResponse {
            let page = await send(.get, "/admin/login")
            let cookie = try #require(page.cookie("__Secure-qcdc_login"))
            return await send(
                .post, "/admin/login?next=/admin/",
                form: [
                    ("csrf", try #require(page.hiddenField("csrf"))), ("username", "tinh24"), ("password", password),
                ],
                cookie: cookie)
        }
        #expect(try await login(wrong).status == .unprocessableContent)
        let ok = try await login(first)
        let session = try #require(ok.cookie("__Host-qcdc_session"))
        let csrf = try #require(await send(.get, "/admin/", cookie: session).hiddenField("csrf"))
        let changed = await send(
            .post, "/admin/password",
            form: [
                ("csrf", csrf), ("current", first), ("new", second),
                ("repeat", second),
            ], cookie: session)
        #expect(changed.status == .seeOther)
        await app.close()

        var bytes = try Data(contentsOf: URL(fileURLWithPath: app.databasePath))
        for suffix in ["-wal", "-journal"] {
            if let extra = FileManager.default.contents(atPath: app.databasePath + suffix) { bytes.append(extra) }
        }
        let logged = lines.withLock { $0 }
        #expect(!logged.isEmpty, "the access log captured the requests")
        for password in [first, wrong, second] {
            #expect(bytes.range(of: Data(password.utf8)) == nil, "\(password) is not in the database file")
            #expect(!logged.contains { $0.contains(password) }, "\(password) is not in the logs")
        }
    }
}
