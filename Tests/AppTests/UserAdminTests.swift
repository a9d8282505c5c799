import Foundation
import HTTP
import Testing

@testable import App
@testable import Store

/// Accounts on the web: who may create, bulk-create, disable and enable which accounts, the reset confirmation, and
/// the login slip page (reloadable by its maker only, until the password changes or 24 hours pass).
@Suite struct UserAdminTests {
    /// The (username, password) pairs of a slip page, in print order.
    static func slips(_ response: HTTPResponse) -> [(username: String, password: String)] {
        response.document.elements(tag: "section", class: "slip").compactMap { section in
            let secrets = section.elements(class: "secret").map(\.text)
            return secrets.count == 2 ? (secrets[0], secrets[1]) : nil
        }
    }

    /// Posts a form of the console as `browser`.
    static func post(
        _ app: TestApp, _ route: SiteRoute, _ form: [(String, String)] = [], as browser: Browser
    ) async -> HTTPResponse {
        await app.post(route.path, form: form, as: browser, csrf: browser.csrf)
    }

    /// Creates the account of `unit` as `browser`; returns the slip page it leads to.
    static func create(
        _ app: TestApp, unit: String, username: String = "", as browser: Browser
    ) async throws -> HTTPResponse {
        let created = await post(app, .newUser, [("unit", unit), ("username", username)], as: browser)
        try #require(created.status == .seeOther, "create \(unit): \(created.status) \(created.text)")
        let location = try #require(created.location)
        #expect(location.hasPrefix("/admin/users/slips/"))
        return await app.get(location, as: browser)
    }

    @Test func provinceCreatesDistrictAndCommuneAccountsThatMustChangeTheirPassword() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let province = try await app.signIn("tinh24")
        let page = await app.get(SiteRoute.newUser.path, as: province)
        #expect(page.status == .ok)
        let form = try #require(page.document.form(action: SiteRoute.newUser.path))
        let offered = try #require(form.field("unit")).options.map(\.value)
        #expect(offered.contains("213") && offered.contains("215") && offered.contains("07201"))
        #expect(!offered.contains("24"), "no province account from the web")
        let proposed = await app.get(SiteRoute.newUser.href([("unit", "215")]), as: province)
        #expect(proposed.document.form(action: SiteRoute.newUser.path)?.field("username")?.value == "huyen215")

        let slip = try await Self.create(app, unit: "215", as: province)
        #expect(slip.status == .ok)
        #expect(slip.headers["Cache-Control"] == "no-store")
        let printed = try #require(Self.slips(slip).first)
        #expect(printed.username == "huyen215", "empty username: the usual one")
        let account = try #require(try await app.pool.read { try UserStore($0).find(username: "huyen215") })
        #expect(account.role == .district && account.mustChangePassword && !account.disabled)
        let login = try await app.postLogin("huyen215", printed.password)
        #expect(login.location == SiteRoute.password.path, "first login leads to the password page")

        let commune = try await Self.create(app, unit: "07243", username: "xa07243-pho", as: province)
        #expect(Self.slips(commune).first?.username == "xa07243-pho")
        #expect(
            try await app.scalar("SELECT count(*) FROM audit_log WHERE action = 'user_add' AND username = 'tinh24'")
                == 2)

        let provinceAccount = await Self.post(app, .newUser, [("unit", "24"), ("username", "tinh24b")], as: province)
        #expect(provinceAccount.status == .forbidden)
        #expect(try await app.scalar("SELECT count(*) FROM users WHERE username = 'tinh24b'") == 0)
        await app.close()
    }

    @Test func aDistrictCreatesAccountsForItsOwnCommunesOnly() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let form = try #require(
            await app.get(SiteRoute.newUser.path, as: district).document.form(action: SiteRoute.newUser.path))
        let offered = try #require(form.field("unit")).options.map(\.value).filter { !$0.isEmpty }
        let today = app.clock.today
        let communes = try await app.pool.read { connection in
            try UnitStore(connection).children(
                of: try #require(try UnitStore(connection).resolve(code: "213", on: today)).id
            )
            .map(\.code)
        }
        #expect(offered == communes, "exactly the district's own communes")

        let slip = try await Self.create(app, unit: "07204", as: district)
        #expect(Self.slips(slip).map(\.username) == ["xa07204"])
        for unit in ["07243", "215", "213", "24", "99999"] {
            let refused = await Self.post(app, .newUser, [("unit", unit), ("username", "")], as: district)
            #expect(refused.status == .forbidden, "district creates for \(unit)")
        }
        #expect(try await app.scalar("SELECT count(*) FROM users") == Accounts.all.count + 1)

        let commune = try await app.signIn("xa07201")
        #expect(await app.get(SiteRoute.newUser.path, as: commune).status == .forbidden)
        #expect(await Self.post(app, .newUser, [("unit", "07201")], as: commune).status == .forbidden)
        #expect(await app.get(SiteRoute.bulkUsers.path, as: commune).status == .forbidden)
        await app.close()
    }

    @Test func aTakenOrInvalidUsernameReturnsTheFormWithTheReason() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let taken = await Self.post(app, .newUser, [("unit", "07204"), ("username", "xa07201")], as: district)
        #expect(taken.status == .conflict)
        let form = try #require(taken.document.form(action: SiteRoute.newUser.path))
        #expect(form.field("unit")?.value == "07204", "the choice is kept")
        #expect(taken.document.element(id: "e-form")?.text.contains("đã có người dùng") == true)
        let invalid = await Self.post(app, .newUser, [("unit", "07204"), ("username", "xa 07204")], as: district)
        #expect(invalid.status == .unprocessableContent)
        let noUnit = await Self.post(app, .newUser, [("unit", ""), ("username", "")], as: district)
        #expect(noUnit.status == .unprocessableContent)
        #expect(try await app.scalar("SELECT count(*) FROM users") == Accounts.all.count)
        await app.close()
    }

    @Test func disableEndsTheSessionsAndEnableRestoresTheAccount() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let commune = try await app.signIn("xa07201")
        let id = try await app.userID("xa07201")
        let list = await app.get(SiteRoute.users.path, as: district)
        let row = try #require(
            list.document.table(withHeader: "Tên đăng nhập")?.row(where: "Tên đăng nhập", is: "xa07201"))
        #expect(row.element.elements(tag: "form").contains { $0["action"] == SiteRoute.disableUser(user: id).path })

        let disabled = await Self.post(app, .disableUser(user: id), as: district)
        #expect(disabled.status == .seeOther)
        let after = await app.get(try #require(disabled.location), as: district)
        #expect(after.document.elements(class: "notice").first?.text.contains("Đã khóa tài khoản") == true)
        let disabledRow = try #require(
            after.document.table(withHeader: "Tên đăng nhập")?.row(where: "Tên đăng nhập", is: "xa07201"))
        #expect(disabledRow["Trạng thái"]?.contains("Đã khóa") == true)
        #expect(await app.get(SiteRoute.today.path, as: commune).status == .seeOther, "its session ended")
        #expect(try await app.postLogin("xa07201", Accounts.password).status == .unprocessableContent)

        #expect(await Self.post(app, .enableUser(user: id), as: district).status == .seeOther)
        #expect(try await app.postLogin("xa07201", Accounts.password).status == .seeOther)
        #expect(
            try await app.scalar(
                "SELECT count(*) FROM audit_log WHERE action IN ('user_disable', 'user_enable') AND username = 'huyen213'"
            )
                == 2)

        let other = try await app.userID("xa07243")
        #expect(await Self.post(app, .disableUser(user: other), as: district).status == .forbidden)
        let itself = try await app.userID("huyen213")
        #expect(await Self.post(app, .disableUser(user: itself), as: district).status == .conflict)
        let province = try await app.signIn("tinh24")
        let provinceID = try await app.userID("tinh24")
        #expect(await Self.post(app, .disableUser(user: provinceID), as: province).status == .conflict)
        #expect(await Self.post(app, .disableUser(user: itself), as: province).status == .seeOther)
        #expect(await app.get(SiteRoute.today.path, as: district).status == .seeOther)
        #expect(await Self.post(app, .disableUser(user: 999_999), as: province).status == .notFound)
        await app.close()
    }

    @Test func bulkCreationMakesTheMissingAccountsOfTheScopeOnce() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let page = await app.get(SiteRoute.bulkUsers.path, as: district)
        let form = try #require(page.document.form(action: SiteRoute.bulkUsers.path))
        let offered = form.fields(named: "unit")
        #expect(offered.allSatisfy { $0.isChecked })
        let codes = offered.compactMap(\.value)
        #expect(!codes.isEmpty && !codes.contains("07201"), "07201 has an account already")
        #expect(!codes.contains("07243") && codes.contains("07705"))

        let created = await Self.post(app, .bulkUsers, codes.map { ("unit", $0) }, as: district)
        #expect(created.status == .seeOther)
        let slipPage = await app.get(try #require(created.location), as: district)
        let slips = Self.slips(slipPage)
        #expect(slips.map(\.username) == codes.map { "xa" + $0 })
        #expect(Set(slips.map(\.password)).count == slips.count)
        let login = try await app.postLogin(try #require(slips.first).username, try #require(slips.first).password)
        #expect(login.location == SiteRoute.password.path)

        #expect(await Self.post(app, .bulkUsers, codes.map { ("unit", $0) }, as: district).status == .conflict)
        #expect(await Self.post(app, .bulkUsers, [("unit", "07243")], as: district).status == .forbidden)
        #expect(await Self.post(app, .bulkUsers, [], as: district).status == .unprocessableContent)
        let done = await app.get(SiteRoute.bulkUsers.path, as: district)
        #expect(done.document.form(action: SiteRoute.bulkUsers.path) == nil, "nothing left to create")
        await app.close()
    }

    @Test func aResetAsksFirstAndItsSlipReloadsWithoutASecondReset() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let id = try await app.userID("xa07201")
        let list = await app.get(SiteRoute.users.path, as: district)
        #expect(list.document.links.contains { $0.href == SiteRoute.resetPassword(user: id).path })

        let confirm = await app.get(SiteRoute.resetPassword(user: id).path, as: district)
        #expect(confirm.status == .ok)
        let form = try #require(confirm.document.form(action: SiteRoute.resetPassword(user: id).path))
        #expect(form.method == "post")
        #expect(try await app.postLogin("xa07201", Accounts.password).status == .seeOther, "asking changes nothing")
        let other = try await app.userID("xa07243")
        #expect(await app.get(SiteRoute.resetPassword(user: other).path, as: district).status == .forbidden)

        let reset = await Self.post(app, .resetPassword(user: id), as: district)
        #expect(reset.status == .seeOther)
        let location = try #require(reset.location)
        let first = Self.slips(await app.get(location, as: district))
        let again = Self.slips(await app.get(location, as: district))
        #expect(first.count == 1)
        #expect(first.map(\.password) == again.map(\.password))
        #expect(try await app.scalar("SELECT count(*) FROM audit_log WHERE action = 'password_reset'") == 1)
        #expect(try await app.scalar("SELECT count(*) FROM audit_log WHERE action = 'login_slip_view'") == 2)
        let login = try await app.postLogin("xa07201", try #require(first.first).password)
        #expect(login.location == SiteRoute.password.path)
        await app.close()
    }

    @Test func aSlipIsReadableByItsMakerOnlyAndSealedAtRest() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let id = try await app.userID("xa07201")
        let reset = await Self.post(app, .resetPassword(user: id), as: district)
        let location = try #require(reset.location)
        let password = try #require(Self.slips(await app.get(location, as: district)).first).password
        #expect(await app.get(location, as: try await app.signIn("tinh24")).status == .notFound)
        #expect(await app.get(location, as: try await app.signIn("huyen215")).status == .notFound)
        #expect(await app.get(location, as: try await app.signIn("xa07243")).status == .forbidden)
        #expect(await app.get(location, as: district).status == .ok, "still readable by its maker")
        let stored = try await app.pool.read { connection in
            try connection.query("SELECT sealed FROM login_slip_passwords").map { try $0.blob("sealed") }
        }
        #expect(stored.count == 1)
        #expect(!String(decoding: try #require(stored.first), as: UTF8.self).contains(password))
        await app.close()
    }

    @Test func aSlipIsGoneOnceThePasswordChangesOrAfter24Hours() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let id = try await app.userID("xa07201")
        let location = try #require(await Self.post(app, .resetPassword(user: id), as: district).location)
        let password = try #require(Self.slips(await app.get(location, as: district)).first).password
        let commune = try await app.signIn("xa07201", password: password)
        let changed = await app.post(
            SiteRoute.password.path,
            form: [("current", password), ("new", "mat-khau-rieng-cua-xa"), ("repeat", "mat-khau-rieng-cua-xa")],
            as: commune, csrf: commune.csrf)
        #expect(changed.status == .seeOther)
        #expect(await app.get(location, as: district).status == .notFound)
        #expect(try await app.scalar("SELECT count(*) FROM login_slip_passwords WHERE user_id = ?", [id]) == 0)

        // A newer reset replaces what an older slip held for the account.
        let first = try #require(await Self.post(app, .resetPassword(user: id), as: district).location)
        let second = try #require(await Self.post(app, .resetPassword(user: id), as: district).location)
        #expect(await app.get(first, as: district).status == .notFound)
        #expect(await app.get(second, as: district).status == .ok)

        app.clock.advance(by: Double(LoginSlipStore.lifetimeSeconds) - 60)
        // Signed in afresh: the session itself would have expired.
        #expect(await app.get(second, as: try await app.signIn("huyen213")).status == .ok, "a minute before expiry")
        app.clock.advance(by: 61)
        let district2 = try await app.signIn("huyen213")
        #expect(await app.get(second, as: district2).status == .notFound, "expired")
        #expect(try await app.scalar("SELECT count(*) FROM login_slips") == 0, "expired slips are deleted")
        #expect(try await app.scalar("SELECT count(*) FROM login_slip_passwords") == 0)
        await app.close()
    }

    /// `qcdc user add` keeps an operator-chosen password usable at once (scripts use such accounts' API tokens)
    /// unless `--must-change-password` is given, which then leads the first login to the password page.
    @Test func userAddMustChangePasswordFlagForcesTheChangeAtFirstLogin() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.binary), "build first: swift build")
        let app = try await TestApp()
        func add(_ arguments: [String]) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
            process.arguments = ["user", "add", "--db", app.databasePath] + arguments
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            input.fileHandleForWriting.write(Data((Accounts.password + "\n").utf8))
            try input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let forced = try add([
            "--username", "huyen213", "--role", "district", "--unit", "213", "--must-change-password",
        ])
        #expect(forced.status == 0, "\(forced.output)")
        let plain = try add(["--username", "huyen215", "--role", "district", "--unit", "215"])
        #expect(plain.status == 0, "\(plain.output)")
        let flags = try await app.pool.read { connection in
            (
                try UserStore(connection).find(username: "huyen213")?.mustChangePassword,
                try UserStore(connection).find(username: "huyen215")?.mustChangePassword
            )
        }
        #expect(flags.0 == true && flags.1 == false)

        let login = try await app.postLogin("huyen213", Accounts.password)
        #expect(login.location == SiteRoute.password.path)
        let browser = try await app.signIn("huyen213")
        let home = await app.get(SiteRoute.users.path, as: browser)
        #expect(home.status == .seeOther && home.location == SiteRoute.password.path, "every page leads there")
        #expect(try await app.postLogin("huyen215", Accounts.password).location == SiteRoute.adminHome.path)
        await app.close()
    }
}
