import HTTP
import Testing
import Web

@testable import App
@testable import Store

/// Over https the cookies are `Secure` and prefixed (`__Host-`, or `__Secure-` for the two scoped to the login
/// path) and HSTS is sent; over plain http neither, or browsers would drop the cookies.
@Suite struct CookieSecurityTests {
    static func router(_ app: TestApp, publicURL: String, hsts: Bool = true) throws -> Router {
        var environment = AppEnvironment(
            database: app.pool, clock: app.clock, secret: app.secret, publicURL: publicURL,
            staticDirectory: TestApp.publicFolder, log: { _ in })
        environment.strictTransportSecurity = hsts
        return try Application.makeRouter(environment)
    }

    static func get(_ router: Router, _ path: String, cookie: String? = nil) async -> HTTPResponse {
        var headers = HTTPHeaders([("Host", "qcdc.test")])
        if let cookie { headers.add("Cookie", cookie) }
        return await router.respond(
            to: HTTPRequest(
                method: .get, target: path, path: path, rawPath: path, query: nil, headers: headers, body: [],
                remoteAddress: "203.0.113.7"))
    }

    @Test func httpsPrefixesEveryCookieAndSendsHSTS() async throws {
        let app = try await TestApp()
        let router = try Self.router(app, publicURL: "https://qcdc.example.vn")
        let login = await Self.get(router, "/admin/login")
        let cookie = try #require(login.headers.values(named: "Set-Cookie").first)
        #expect(cookie.hasPrefix("__Secure-qcdc_login="))
        #expect(cookie.contains("; Secure") && cookie.contains("; HttpOnly"))
        #expect(login.headers["Strict-Transport-Security"] == "max-age=31536000")
        #expect((await Self.get(router, "/q/07210")).headers["Strict-Transport-Security"] == "max-age=31536000")

        // The session cookie a real sign-in sets is `__Host-`: Secure, Path=/, no Domain.
        try await app.addStandardUsers()
        let signedIn = try await app.postLogin("tinh24", Accounts.password)
        let session = try #require(
            signedIn.headers.values(named: "Set-Cookie").first { $0.hasPrefix("__Host-qcdc_session=") })
        #expect(session.contains("; Path=/;") && session.contains("; Secure") && !session.contains("Domain"))
        let token = String(session.prefix { $0 != ";" }.dropFirst("__Host-qcdc_session=".count))
        #expect(await app.get("/admin", headers: [("Cookie", "__Host-qcdc_session=\(token)")]).status == .ok)
        // The same value under the unprefixed name (as a sibling subdomain or plain http could plant) is no session.
        let planted = await app.get("/admin", headers: [("Cookie", "qcdc_session=\(token)")])
        #expect(planted.status == .seeOther)
        #expect(planted.headers["Location"]?.hasPrefix(SiteRoute.login.path) == true)
        await app.close()
    }

    @Test func plainHTTPKeepsPlainNamesAndNoHSTS() async throws {
        let app = try await TestApp(seed: false)
        let router = try Self.router(app, publicURL: "http://127.0.0.1:8080")
        let login = await Self.get(router, "/admin/login")
        let cookie = try #require(login.headers.values(named: "Set-Cookie").first)
        #expect(cookie.hasPrefix("qcdc_login="))
        #expect(!cookie.contains("Secure"))
        #expect(login.headers["Strict-Transport-Security"] == nil)
        await app.close()
    }

    @Test func hstsCanBeTurnedOffOverHTTPS() async throws {
        let app = try await TestApp(seed: false)
        let router = try Self.router(app, publicURL: "https://qcdc.example.vn", hsts: false)
        let page = await Self.get(router, "/gioi-thieu")
        #expect(page.headers["Strict-Transport-Security"] == nil)
        #expect(CookieNames(publicURL: "HTTPS://qcdc.example.vn").session == "__Host-qcdc_session")
        #expect(CookieNames(publicURL: "http://qcdc.example.vn").kiosk == "qcdc_kiosk")
        await app.close()
    }
}
