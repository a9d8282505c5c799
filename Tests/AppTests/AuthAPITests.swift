import Database
import Foundation
import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

@Suite struct AuthAPITests {
    struct ErrorBody: Decodable {
        let error: String
        let message: String
    }

    func addToken(_ app: TestApp, for username: String) async throws -> (id: Int64, token: String) {
        let today = app.clock.today
        let now = app.clock.nowSeconds
        return try await app.pool.write {
            try AccountAdmin($0, today: today, now: now).addToken(username: username, name: "báo cáo")
        }
    }

    @Test func bearerTokenWorksUntilRevoked() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213")
        let (id, token) = try await addToken(app, for: "huyen213")
        #expect(
            try await app.scalar("SELECT count(*) FROM api_tokens WHERE token_hash = ?", [token]) == 0,
            "only the hash is stored")
        let me = await app.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")])
        #expect(me.status == .ok)
        #expect(me.text.contains("\"username\":\"huyen213\""))
        let account = try JSONSerialization.jsonObject(with: Data(me.body)) as? [String: Any]
        #expect(account?["unit_code"] as? String == "213")
        #expect(account?["unitCode"] as? String == "213", "the deprecated name stays until v2")
        #expect(account?["unit_name"] as? String == account?["unitName"] as? String)
        let used = account?["token"] as? [String: Any]
        #expect(used?["name"] as? String == "báo cáo")
        #expect(used?["scope"] as? String == "read,write")
        let created = try #require(used?["created_at"] as? String)
        #expect(created == VietnamTime.timestampText(at: app.clock.nowSeconds))
        let expires = VietnamTime.timestampText(
            at: app.clock.nowSeconds + Int64(APITokenStore.defaultLifetimeDays) * 86_400)
        #expect(used?["expires_at"] as? String == expires)
        #expect(used?["last_used_at"] as? String == created, "this very request was the first use")

        let today = app.clock.today
        let now = app.clock.nowSeconds
        try await app.pool.write { try AccountAdmin($0, today: today, now: now).revokeToken(id: id) }
        let revoked = await app.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")])
        #expect(revoked.status == .unauthorized)
        #expect(revoked.headers["Content-Type"] == "application/json")
        #expect(revoked.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(revoked.body))
        #expect(body.error == "token_revoked")
        #expect(body.message.contains("thu hồi"))
        await app.close()
    }

    @Test func cookiesAreNeverAnAPILogin() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let browser = try await app.signIn("tinh24")
        let response = await app.get("/api/v1/me", headers: [browser.cookieHeader])
        #expect(response.status == .unauthorized)
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
        #expect(body.error == "missing_token")
        let garbage = await app.get("/api/v1/me", headers: [("Authorization", "Bearer qcdc_khong-hop-le")])
        #expect(garbage.status == .unauthorized)
        let basic = await app.get("/api/v1/me", headers: [("Authorization", "Basic dGluaDI0OnBhc3M=")])
        #expect(basic.status == .unauthorized)
        await app.close()
    }

    @Test func disabledAccountsTokensStopWorking() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213")
        let (_, token) = try await addToken(app, for: "huyen213")
        try await app.pool.write { try $0.run("UPDATE users SET disabled = 1") }
        #expect(await app.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")]).status == .unauthorized)
        await app.close()
    }

    @Test func lastUsedIsWrittenAtMostOncePerMinute() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213")
        let (_, token) = try await addToken(app, for: "huyen213")
        let first = app.clock.nowSeconds
        #expect(await app.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")]).status == .ok)
        app.clock.advance(by: 59)
        #expect(await app.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")]).status == .ok)
        #expect(try await app.scalar("SELECT last_used_at FROM api_tokens") == Int(first))
        app.clock.advance(by: 1)
        #expect(await app.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")]).status == .ok)
        #expect(try await app.scalar("SELECT last_used_at FROM api_tokens") == Int(first + 60))
        await app.close()
    }

    @Test func apiErrorsAreJSONEvenFromTheRouter() async throws {
        let app = try await TestApp()
        let missing = await app.get("/api/v1/khong-co")
        #expect(missing.status == .notFound)
        #expect(missing.headers["Content-Type"] == "application/json")
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(missing.body))
        #expect(body.error == "not_found")
        await app.close()
    }
}
