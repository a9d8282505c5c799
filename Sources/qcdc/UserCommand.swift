import App
import ArgumentParser
import Database
import Foundation
import Store
import Survey

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Admin accounts (tài khoản quản trị).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, BootstrapDemo.self, BulkCreate.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; the password is read from standard input.",
            discussion: """
                The role must be the level of the unit (province, district, commune); the unit is looked up in the
                unit set in force today. The password is read from standard input so it never appears in the
                shell history or the process list, e.g. `qcdc user add --username huyen213 --role district
                --unit 213 < password.txt`. It must have at least 10 characters and differ from the username.
                """)

        @OptionGroup var database: DatabaseOption

        @Option(help: "Username (no spaces).")
        var username: String

        @Option(help: "province, district or commune.")
        var role: String

        @Option(help: "Unit code, e.g. 24, 213, 07210.")
        var unit: String

        @Flag(
            help: """
                Require a new password at the first login (without it the password given works at once, e.g. for an \
                account whose API tokens scripts use).
                """)
        var mustChangePassword = false

        func run() throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role phải là province, district hoặc commune.")
            }
            if isatty(0) != 0 {
                FileHandle.standardError.write(Data("Mật khẩu (ít nhất 10 ký tự), rồi Enter: ".utf8))
            }
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError("Không đọc được mật khẩu từ đầu vào chuẩn (stdin).")
            }
            if let problem = PasswordPolicy.problem(password, username: username) {
                throw ValidationError(problem)
            }
            let id = try database.accountAdmin()
                .addUser(
                    username: username, password: password, role: role, unitCode: unit,
                    mustChangePassword: mustChangePassword)
            print("Đã tạo tài khoản \(username) (số \(id)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let connection = try Connection(path: database.resolvedPath)
            for user in try UserStore(connection).all() {
                var state: [String] = []
                if user.disabled { state.append("đã khóa") }
                if user.mustChangePassword { state.append("phải đổi mật khẩu") }
                print(
                    "\(user.id)\t\(user.username)\t\(user.role.rawValue)\t\(user.unitCode)\t\(user.unitName)\t\(state.joined(separator: ", "))"
                )
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account; its sessions end at once.")

        @OptionGroup var database: DatabaseOption

        @Option(help: "Username.")
        var username: String

        func run() throws {
            try database.accountAdmin().setDisabled(username: username, true)
            print("Đã khóa tài khoản \(username).")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-enable a disabled account.")

        @OptionGroup var database: DatabaseOption

        @Option(help: "Username.")
        var username: String

        func run() throws {
            try database.accountAdmin().setDisabled(username: username, false)
            print("Đã mở khóa tài khoản \(username).")
        }
    }

    struct BootstrapDemo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bootstrap-demo",
            abstract: "Create the demo province account if no account exists; prints its password once.")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let connection = try Connection(path: database.resolvedPath)
            let clock = SystemClock.wall
            guard let slip = try AccountAdmin(connection, today: clock.today, now: clock.nowSeconds).bootstrapDemo()
            else {
                print("Đã có tài khoản quản trị; không tạo tài khoản mẫu.")
                return
            }
            print(
                """
                Tài khoản quản trị mẫu (\(slip.unitName)) – mật khẩu chỉ hiện một lần:
                  tên đăng nhập: \(slip.username)
                  mật khẩu:      \(slip.password)
                Đăng nhập tại /admin/login; hệ thống sẽ yêu cầu đổi mật khẩu ngay.
                """)
        }
    }

    struct BulkCreate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bulk-create",
            abstract: "Create accounts for every district and commune (or a CSV list) and write login slips.",
            discussion: """
                Usernames are xa<code> for communes and huyen<code> for districts (e.g. xa07210, huyen213); units that
                already have that account are skipped, so running it again only adds what is missing. First
                passwords are random and readable (no 0/o, 1/l/i) and must be changed at the first login.
                --csv FILE takes a header line with a unit_code column and an optional username column.
                The passwords appear only in the slips file (one A4 page per unit), written readable by its owner only.
                """)

        @OptionGroup var database: DatabaseOption

        @Flag(help: "Every district and commune of the unit set in force (the default).")
        var fromUnits = false

        @Option(help: "CSV with unit_code[,username].")
        var csv: String?

        @Option(help: "Where to write the printable slips (HTML).")
        var slips: String

        @Option(help: "Public address of the site, printed on the slips (env QCDC_PUBLIC_URL).")
        var publicURL: String?

        func run() throws {
            guard !(fromUnits && csv != nil) else {
                throw ValidationError("Chọn --from-units hoặc --csv, không dùng cả hai.")
            }
            let source: AccountAdmin.BulkSource = try csv.map { .list(try Self.readList($0)) } ?? .allUnits
            let base = publicURL ?? ProcessInfo.processInfo.environment["QCDC_PUBLIC_URL"] ?? "http://127.0.0.1:8080"
            let loginURL = SiteRoute.login.url(publicURL: base.hasSuffix("/") ? String(base.dropLast()) : base)
            // Refuse before creating anything if the slips cannot be written.
            guard FileManager.default.createFile(atPath: slips, contents: nil, attributes: [.posixPermissions: 0o600])
            else {
                throw ValidationError("Không ghi được tệp \(slips).")
            }
            let created = try database.accountAdmin().bulkCreate(source)
            let document = LoginSlips.document(created, loginURL: loginURL)
            try Data(document.bytes).write(to: URL(fileURLWithPath: slips))
            print("Đã tạo \(created.count) tài khoản; phiếu tài khoản ở \(slips) (chứa mật khẩu: in xong hãy xóa tệp).")
        }

        static func readList(_ path: String) throws -> [(code: String, username: String?)] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("Không đọc được tệp \(path).")
            }
            let records = try CSVReader().records(Array(data))
            guard let header = records.first?.fields.map({ $0.lowercased() }),
                let codeColumn = header.firstIndex(of: "unit_code")
            else {
                throw ValidationError("Dòng đầu của \(path) phải có cột unit_code (và có thể có cột username).")
            }
            let nameColumn = header.firstIndex(of: "username")
            return records.dropFirst().compactMap { record in
                guard codeColumn < record.fields.count, !record.fields[codeColumn].isEmpty else { return nil }
                let name = nameColumn.flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
                return (record.fields[codeColumn], name?.isEmpty == false ? name : nil)
            }
        }
    }
}
