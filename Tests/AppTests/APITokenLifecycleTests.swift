import Database
import Foundation
import HTTP
import Testing
import Web

@testable import App
@testable import Store

/// API tokens end: at their expiry (to the second), when revoked, when the owner is disabled, changes or is reset a
/// password, or still has to change a first one; the 401 says which. A read token cannot write. Owners see and
/// revoke their own tokens on /admin/tokens, and only their own.
@Suite struct APITokenLifecycleTests {
    struct ErrorBody: Decodable {
        let error: String
        let message: String
    }

    func me(_ app: TestApp, _ token: String) async throws -> (status: HTTPStatus, error: String?) {
        let response = await app.get("/api/v1/me", headers: [("Authorization", "Bearer \(token)")])
        let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
        return (response.status, body?.error)
    }

    func addToken(_ app: TestApp, _ username: String, days: Int = 180, scope: APITokenScope = .readWrite)
        async throws -> (id: Int64, token: String)
    {
        let today = app.clock.today
        let now = app.clock.nowSeconds
        return try await app.pool.write {
            try AccountAdmin($0, today: today, now: now).addToken(
                username: username, name: "bảng tính tỉnh", expiresInDays: days, scope: scope)
        }
    }

    @Test func aTokenExpiresToTheSecond() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213")
        let (_, token) = try await addToken(app, "huyen213", days: 1)
        let start = app.clock.nowSeconds
        app.clock.set(Double(start + 86_400 - 1))
        #expect(try await me(app, token).status == .ok)
        app.clock.set(Double(start + 86_400))
        let expired = try await me(app, token)
        #expect(expired.status == .unauthorized)
        #expect(expired.error == "token_expired")
        // The default is 180 days; more than 730 is refused.
        app.clock.set(Double(start))
        let (id, _) = try await addToken(app, "huyen213")
        let record = try #require(try await app.pool.read { try APITokenStore($0).find(id: id) })
        #expect(record.expiresAt == start + 180 * 86_400)
        await #expect(throws: AccountError.self) { try await addToken(app, "huyen213", days: 731) }
        await app.close()
    }

    @Test func theOwnersAccountDecides() async throws {
        let app = try await TestApp()
        try await app.addUser("huyen213", role: .district, unit: "213")
        let (_, beforeChange) = try await addToken(app, "huyen213")
        #expect(try await me(app, beforeChange).status == .ok)

        // A password changed after the token was made ends it; a token made after the change works.
        app.clock.advance(by: 60)
        let changedAt = app.clock.nowSeconds
        try await app.pool.write { try $0.run("UPDATE users SET password_changed_at = ?", [changedAt]) }
        #expect(try await me(app, beforeChange) == (.unauthorized, "password_changed"))
        let (_, afterChange) = try await addToken(app, "huyen213")
        #expect(try await me(app, afterChange).status == .ok)

        // A reset (a first password to change) stops it until the owner changes it.
        try await app.pool.write { try $0.run("UPDATE users SET must_change_password = 1") }
        #expect(try await me(app, afterChange) == (.unauthorized, "password_change_required"))
        try await app.pool.write { try $0.run("UPDATE users SET must_change_password = 0") }
        #expect(try await me(app, afterChange).status == .ok)

        // Disabled: named as such (checked before the password, the first thing an operator fixes).
        try await app.pool.write { try $0.run("UPDATE users SET disabled = 1") }
        #expect(try await me(app, afterChange) == (.unauthorized, "account_disabled"))
        await app.close()
    }

    @Test func aReadTokenCannotWrite() async throws {
        let world = try await APIWorld()
        let (_, token) = try await addToken(world.app, "xa07201", scope: .read)
        let bearer = [("Authorization", "Bearer \(token)")]
        #expect(await world.app.get("/api/v1/me", headers: bearer).status == .ok)
        let put = await world.app.send(
            .put, world.reportPath("07201", APIWorld.wednesday), body: Array(APIWorld.goodReport.utf8),
            headers: bearer + [("Content-Type", "application/json")])
        #expect(put.status == .forbidden)
        #expect(try JSONDecoder().decode(ErrorBody.self, from: Data(put.body)).error == "read_only_token")
        #expect(try await world.app.scalar("SELECT count(*) FROM unit_daily_reports") == 0)
        await world.close()
    }

    @Test func ownersSeeAndRevokeTheirOwnTokensOnly() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let (own, ownToken) = try await addToken(app, "huyen213", scope: .read)
        let (others, othersToken) = try await addToken(app, "huyen215")
        let district = try await app.signIn("huyen213")

        let page = await app.get(SiteRoute.apiTokens.path, as: district)
        #expect(page.status == .ok)
        #expect(page.text.contains("bảng tính tỉnh") && page.text.contains("chỉ đọc"))
        #expect(!page.text.contains(ownToken), "a token's value is never shown again")
        #expect(page.text.contains(SiteRoute.revokeAPIToken(id: own).path))
        #expect(!page.text.contains(SiteRoute.revokeAPIToken(id: others).path))

        let refused = await app.post(
            SiteRoute.revokeAPIToken(id: others).path, form: [], as: district, csrf: district.csrf)
        #expect(refused.status == .notFound)
        #expect(try await me(app, othersToken).status == .ok)

        let revoked = await app.post(
            SiteRoute.revokeAPIToken(id: own).path, form: [], as: district, csrf: district.csrf)
        #expect(revoked.status == .seeOther)
        #expect(try await me(app, ownToken) == (.unauthorized, "token_revoked"))
        #expect(try await app.auditActions().contains("token_revoke"))
        await app.close()
    }

    @Test func theCommandLineSetsScopeAndExpiryAndListsThem() throws {
        let cli = CommandLineTests()
        let folder = NSTemporaryDirectory() + "qcdc-tokens-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/qcdc.sqlite3"
        #expect(try cli.run(["seed-demo", "--db", database]).status == 0)
        #expect(try cli.run(["user", "bootstrap-demo", "--db", database]).status == 0)
        let username = "tinh24"  // the demo's province account
        let added = try cli.run([
            "token", "add", "--db", database, "--username", username, "--name", "cổng báo cáo", "--scope", "read",
            "--expires-in-days", "30",
        ])
        #expect(added.status == 0, "\(added.output)")
        let tokens = try cli.run(["token", "list", "--db", database])
        #expect(tokens.output.contains("cổng báo cáo\tread\tcòn hiệu lực"))
        let bad = try cli.run(["token", "add", "--db", database, "--username", username, "--scope", "write"])
        #expect(bad.status != 0)
        #expect(bad.output.contains("read hoặc read,write"))
    }
}
