import App
import ArgumentParser
import Database
import Store
import Survey

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "API tokens (mã truy cập API) for scripts and other systems.",
        subcommands: [Add.self, List.self, Revoke.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token for an account; prints it once (only its hash is stored).",
            discussion: "Clients send it as `Authorization: Bearer <token>`; it sees what the account sees.")

        @OptionGroup var database: DatabaseOption

        @Option(help: "The account the token acts as.")
        var username: String

        @Option(help: "What the token is for, e.g. \"báo cáo tuần\".")
        var name: String = "API"

        @Option(help: "Days until the token stops working (1–730; default 180).")
        var expiresInDays: Int = APITokenStore.defaultLifetimeDays

        @Option(help: "read (GET only) or read,write (default).")
        var scope: String = APITokenScope.readWrite.rawValue

        func validate() throws {
            guard APITokenStore.lifetimeDays.contains(expiresInDays) else {
                throw ValidationError("--expires-in-days phải từ 1 đến 730.")
            }
            guard APITokenScope(rawValue: scope) != nil else {
                throw ValidationError("--scope phải là read hoặc read,write.")
            }
        }

        func run() throws {
            let created = try database.accountAdmin()
                .addToken(
                    username: username, name: name, expiresInDays: expiresInDays,
                    scope: APITokenScope(rawValue: scope) ?? .readWrite)
            print("Mã truy cập API số \(created.id) (chỉ hiện một lần, hãy lưu lại ngay):")
            print(created.token)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their values).")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let connection = try Connection(path: database.resolvedPath)
            let now = SystemClock.wall.nowSeconds
            print("số\ttài khoản\ttên\tphạm vi\ttình trạng\thết hạn\tdùng lần cuối")
            for token in try APITokenStore(connection).all() {
                let state =
                    token.revokedAt != nil ? "đã thu hồi" : now >= token.expiresAt ? "đã hết hạn" : "còn hiệu lực"
                let used = token.lastUsedAt.map(Self.instant) ?? "chưa dùng"
                print(
                    "\(token.id)\t\(token.username)\t\(token.name)\t\(token.scope.rawValue)\t\(state)\t\(Self.instant(token.expiresAt))\t\(used)"
                )
            }
        }

        static func instant(_ seconds: Int64) -> String {
            "\(VietnamTime.localDate(at: seconds).iso) \(VietnamTime.clockText(at: seconds))"
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token at once.")

        @OptionGroup var database: DatabaseOption

        @Option(help: "Token id (see `qcdc token list`).")
        var id: Int64

        func run() throws {
            try database.accountAdmin().revokeToken(id: id)
            print("Đã thu hồi mã truy cập API số \(id).")
        }
    }
}
