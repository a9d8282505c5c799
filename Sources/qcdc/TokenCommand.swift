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

        func run() throws {
            let created = try database.accountAdmin()
                .addToken(username: username, name: name)
            print("Mã truy cập API số \(created.id) (chỉ hiện một lần, hãy lưu lại ngay):")
            print(created.token)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their values).")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let connection = try Connection(path: database.resolvedPath)
            for token in try APITokenStore(connection).all() {
                let state = token.revokedAt == nil ? "còn hiệu lực" : "đã thu hồi"
                let used =
                    token.lastUsedAt.map {
                        "dùng lần cuối \(VietnamTime.localDate(at: $0).iso) \(VietnamTime.clockText(at: $0))"
                    } ?? "chưa dùng"
                print("\(token.id)\t\(token.username)\t\(token.name)\t\(state)\t\(used)")
            }
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
