import Database
import Testing

@testable import App
@testable import Store

/// The code behind `qcdc user …` and `qcdc token …`, on a real database.
@Suite struct AuthCommandTests {
    @Test func bulkCreateMakesOneAccountPerUnitOnceWithReadablePasswords() async throws {
        let app = try await TestApp()
        let today = app.clock.today
        let now = app.clock.nowSeconds
        let source = AccountAdmin.BulkSource.list([("213", nil), ("07201", nil), ("07243", "canh-nau")])
        let slips = try await app.pool.write { try AccountAdmin($0, today: today, now: now).bulkCreate(source) }
        #expect(slips.map(\.username) == ["huyen213", "xa07201", "canh-nau"])
        for slip in slips {
            #expect(slip.password.count == 14)
            #expect(!slip.password.contains { "0o1liI".contains($0) })
        }
        let users = try await app.pool.read { try UserStore($0).all() }
        #expect(users.count == 3)
        #expect(users.allSatisfy { $0.mustChangePassword })
        #expect(users.first { $0.username == "huyen213" }?.role == .district)
        #expect(users.first { $0.username == "xa07201" }?.role == .commune)
        let again = try await app.pool.write { try AccountAdmin($0, today: today, now: now).bulkCreate(source) }
        #expect(again.isEmpty, "existing accounts are skipped")

        let document = LoginSlips.document(slips, loginURL: "https://qcdc.test/admin/login").rendered
        #expect(document.contains("@page{size:A4"))
        #expect(document.components(separatedBy: "<section class=\"slip\">").count - 1 == 3)
        #expect(document.contains(slips[1].password))
        #expect(document.contains("Phường Thọ Xương"))
        #expect(try await app.postLogin("xa07201", slips[1].password).location == "/admin/password")
        await app.close()
    }

    @Test func bootstrapDemoCreatesTheProvinceAccountOnlyOnce() async throws {
        let app = try await TestApp()
        let today = app.clock.today
        let now = app.clock.nowSeconds
        let slip = try #require(
            try await app.pool.write { try AccountAdmin($0, today: today, now: now).bootstrapDemo() })
        #expect(slip.username == "tinh24")
        #expect(try await app.pool.write { try AccountAdmin($0, today: today, now: now).bootstrapDemo() } == nil)
        #expect(try await app.postLogin("tinh24", slip.password).location == "/admin/password")
        await app.close()
    }

    @Test func addUserRefusesBadInputWithReasons() async throws {
        let app = try await TestApp()
        let today = app.clock.today
        let now = app.clock.nowSeconds
        func add(_ name: String, _ password: String, _ role: Role, _ unit: String) async -> String? {
            do {
                try await app.pool.write {
                    try AccountAdmin($0, today: today, now: now)
                        .addUser(
                            username: name, password: password, role: role, unitCode: unit, mustChangePassword: false)
                }
                return nil
            } catch {
                return String(describing: error)
            }
        }
        #expect(await add("huyen213", "ngan", .district, "213")?.contains("ít nhất 10 ký tự") == true)
        #expect(await add("huyen213", "mat khau du dai", .commune, "213")?.contains("cùng cấp") == true)
        #expect(await add("huyen213", "mat khau du dai", .district, "99999")?.contains("Không có đơn vị") == true)
        #expect(await add("co dau cach", "mat khau du dai", .district, "213")?.contains("dấu cách") == true)
        #expect(await add("huyen213", "mat khau du dai", .district, "213") == nil)
        #expect(await add("HUYEN213", "mat khau du dai", .district, "213")?.contains("đã có người dùng") == true)
        await app.close()
    }
}
