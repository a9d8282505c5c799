import Database
import HTTP
import Testing
import Web

@testable import App
@testable import Store

@Suite struct AuthScopeTests {
    @Test func unitScopeFollowsTheRole() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let scopes = try await app.pool.read { connection -> [String: Set<Int64>] in
            var result: [String: Set<Int64>] = [:]
            for name in ["tinh24", "huyen213", "xa07201"] {
                let user = try #require(try UserStore(connection).find(username: name)).authenticated(
                    viaAPIToken: false)
                result[name] = try UnitScope(user: user, connection: connection).unitIDs
            }
            return result
        }
        let units = try await app.scalar("SELECT count(*) FROM units")
        let district = try await app.scalar("SELECT id FROM units WHERE code = '213'")
        let children = try await app.scalar("SELECT count(*) FROM units WHERE parent_id = ?", [district])
        let commune = try await app.scalar("SELECT id FROM units WHERE code = '07201'")
        let otherCommune = try await app.scalar("SELECT id FROM units WHERE code = '07243'")
        #expect(scopes["tinh24"]?.count == units)
        #expect(scopes["huyen213"]?.count == children + 1)
        #expect(scopes["huyen213"]?.contains(Int64(district)) == true)
        #expect(scopes["huyen213"]?.contains(Int64(commune)) == true)
        #expect(scopes["huyen213"]?.contains(Int64(otherCommune)) == false)
        #expect(scopes["xa07201"] == [Int64(commune)])
        await app.close()
    }

    /// Who may reset whom: actor × target → status.
    @Test func resetScopeMatrix() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        try await app.addUser("tinh24-pho", role: .province, unit: "24")
        let cases: [(actor: String, target: String, status: HTTPStatus)] = [
            // In this order because a reset changes the target's password: actors act before being reset.
            ("xa07201", "xa07201", .forbidden),
            ("xa07201", "xa07243", .forbidden),
            ("huyen213", "xa07243", .forbidden),
            ("huyen213", "huyen215", .forbidden),
            ("huyen213", "huyen213", .forbidden),
            ("huyen213", "xa07201", .seeOther),
            ("tinh24", "tinh24-pho", .forbidden),
            ("tinh24", "huyen213", .seeOther),
            ("tinh24", "xa07243", .seeOther),
        ]
        for (actor, target, status) in cases {
            // Signed in afresh each time: a reset ends the target's own sessions.
            let browser = try await app.signIn(actor)
            let id = try await app.userID(target)
            let response = await app.post("/admin/users/\(id)/reset", form: [], as: browser, csrf: browser.csrf)
            #expect(response.status == status, "\(actor) resets \(target)")
            if status == .seeOther {
                let slip = await app.get(try #require(response.location), as: browser)
                #expect(slip.status == .ok)
                #expect(slip.headers["Cache-Control"] == "no-store")
                #expect(slip.text.contains(target))
                #expect(slip.text.contains("https://qcdc.test/admin/login"))
            }
        }
        #expect(try await app.scalar("SELECT count(*) FROM audit_log WHERE action = 'password_reset'") == 3)
        let province = try await app.signIn("tinh24")
        #expect(
            await app.post("/admin/users/999999/reset", form: [], as: province, csrf: province.csrf).status == .notFound
        )
        #expect(
            await app.post("/admin/users/abc/reset", form: [], as: province, csrf: province.csrf).status == .badRequest)
        await app.close()
    }

    @Test func resetGivesAOneTimePasswordThatMustBeChanged() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let commune = try await app.signIn("xa07201")
        let id = try await app.userID("xa07201")
        let reset = await app.post("/admin/users/\(id)/reset", form: [], as: district, csrf: district.csrf)
        #expect(reset.status == .seeOther)
        let slip = await app.get(try #require(reset.location), as: district)
        #expect(slip.status == .ok)
        let password = try #require(
            slip.text.firstMatch(of: /class="secret">([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</)?.1)
        #expect(!password.contains(where: { "0o1li".contains($0) }))
        #expect(await app.get(SiteRoute.today.path, as: commune).status == .seeOther, "the target's sessions ended")
        #expect(try await app.postLogin("xa07201", Accounts.password).status == .unprocessableContent)
        let login = try await app.postLogin("xa07201", String(password))
        #expect(login.location == "/admin/password")
        await app.close()
    }

    /// The users page × role × whose accounts appear.
    @Test func usersListShowsOnlyTheScope() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = await app.get("/admin/users", as: try await app.signIn("tinh24"))
        #expect(province.status == .ok)
        for name in ["huyen213", "huyen215", "xa07201", "xa07243"] { #expect(province.text.contains(name)) }
        let district = await app.get("/admin/users", as: try await app.signIn("huyen213"))
        #expect(district.status == .ok)
        #expect(district.text.contains("xa07201"))
        #expect(!district.text.contains("xa07243"))
        #expect(!district.text.contains("huyen215"))
        let commune = await app.get("/admin/users", as: try await app.signIn("xa07201"))
        #expect(commune.status == .forbidden)
        await app.close()
    }

    @Test func usernamesAreEscapedOnTheUsersPage() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        try await app.addUser("<script>alert(1)</script>", role: .commune, unit: "07201")
        let page = await app.get("/admin/users", as: try await app.signIn("tinh24"))
        #expect(page.status == .ok)
        #expect(!page.text.contains("<script>alert(1)</script>"))
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        await app.close()
    }

    @Test func auditPageIsForProvinceUsersOnly() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        #expect(await app.get("/admin/audit", as: try await app.signIn("huyen213")).status == .forbidden)
        #expect(await app.get("/admin/audit", as: try await app.signIn("xa07201")).status == .forbidden)
        #expect(await app.get("/admin/audit", as: try await app.signIn("tinh24")).status == .ok)
        await app.close()
    }
}
