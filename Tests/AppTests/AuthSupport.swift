import Crypto
import Database
import Foundation
import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// A signed-in browser in the auth tests: its session cookie and the CSRF token its pages carry.
struct Browser: Sendable {
    let cookie: String
    let csrf: String
    var cookieHeader: (String, String) { ("Cookie", cookie) }
}

/// Accounts used across the auth tests, in the demo province (Bắc Giang 2024): the province, two districts
/// (213 Thành phố Bắc Giang, 215 Yên Thế) and one commune of each.
enum Accounts {
    static let password = "mat-khau-thu-nghiem-01"
    static let all: [(username: String, role: Role, unit: String)] = [
        ("tinh24", .province, "24"),
        ("huyen213", .district, "213"),
        ("huyen215", .district, "215"),
        ("xa07201", .commune, "07201"),
        ("xa07243", .commune, "07243"),
    ]
}

extension TestApp {
    /// Adds an account through the same code as `qcdc user add`.
    @discardableResult
    func addUser(
        _ username: String, role: Role, unit: String, password: String = Accounts.password,
        mustChange: Bool = false
    ) async throws -> Int64 {
        let today = clock.today
        let now = clock.nowSeconds
        return try await pool.write { connection in
            try AccountAdmin(connection, today: today, now: now)
                .addUser(
                    username: username, password: password, role: role, unitCode: unit, mustChangePassword: mustChange)
        }
    }

    func addStandardUsers() async throws {
        for account in Accounts.all {
            try await addUser(account.username, role: account.role, unit: account.unit)
        }
    }

    func userID(_ username: String) async throws -> Int64 {
        try #require(try await pool.read { try UserStore($0).find(username: username)?.id })
    }

    /// A request from a chosen client address (TestApp's own helper always uses one address).
    func send(
        _ method: HTTPMethod, _ target: String, form: [(String, String)]? = nil, headers: [(String, String)] = [],
        from address: String
    ) async -> HTTPResponse {
        let pathAndQuery = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(pathAndQuery[0])
        var allHeaders = HTTPHeaders([("Host", "qcdc.test")] + headers)
        var body: [UInt8] = []
        if let form {
            body = Array(
                form.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
                    .joined(separator: "&").utf8)
            allHeaders.add("Content-Type", "application/x-www-form-urlencoded")
            allHeaders.add("Content-Length", String(body.count))
        }
        let request = HTTPRequest(
            method: method, target: target, path: rawPath.removingPercentEncoding ?? rawPath,
            rawPath: rawPath, query: pathAndQuery.count > 1 ? String(pathAndQuery[1]) : nil,
            headers: allHeaders, body: body, remoteAddress: address)
        return await router.respond(to: request)
    }

    /// Opens the login page and posts the form with its pre-session token, as a browser does.
    func postLogin(
        _ username: String, _ password: String, next: String? = nil,
        from address: String = "203.0.113.7"
    ) async throws -> HTTPResponse {
        let page = await send(.get, "/admin/login", from: address)
        let loginCookie = try #require(page.cookie(environment.cookieNames.login))
        let token = try #require(page.hiddenField("csrf"))
        var form = [("csrf", token), ("username", username), ("password", password)]
        if let next { form.append(("next", next)) }
        return await send(.post, "/admin/login", form: form, headers: [("Cookie", loginCookie)], from: address)
    }

    /// Signs in and returns the browser, checking the redirect.
    func signIn(
        _ username: String, password: String = Accounts.password,
        from address: String = "203.0.113.7"
    ) async throws -> Browser {
        let response = try await postLogin(username, password, from: address)
        try #require(response.status == .seeOther, "login of \(username) answered \(response.status): \(response.text)")
        let cookie = try #require(response.cookie(environment.cookieNames.session))
        let tokenHash = SessionStore.hash(token: String(cookie.dropFirst(environment.cookieNames.session.count + 1)))
        let csrf = try #require(
            try await pool.read {
                try $0.scalar("SELECT csrf_token FROM sessions WHERE token_hash = ?", [tokenHash], as: String.self)
            })
        return Browser(cookie: cookie, csrf: csrf)
    }

    func get(_ target: String, as browser: Browser) async -> HTTPResponse {
        await get(target, headers: [browser.cookieHeader])
    }

    func post(_ target: String, form: [(String, String)], as browser: Browser, csrf: String? = nil) async
        -> HTTPResponse
    {
        var fields = form
        if let csrf { fields.append(("csrf", csrf)) }
        return await post(target, form: fields, headers: [browser.cookieHeader])
    }

    func auditActions() async throws -> [String] {
        try await pool.read { try $0.query("SELECT action FROM audit_log ORDER BY id").map { try $0.string(0) } }
    }
}

extension HTTPResponse {
    var location: String? { headers["Location"] }
}
