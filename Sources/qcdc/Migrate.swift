import App
import ArgumentParser
import Store

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations (Migrations/NNNN_name.sql, embedded in the binary).",
        discussion: "Each migration runs in its own transaction. Refuses to run if an applied migration was changed.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let applied = try AppDatabase.migrate(path: database.resolvedPath)
        if applied.isEmpty {
            print("Cơ sở dữ liệu \(database.resolvedPath) đã ở phiên bản mới nhất.")
        } else {
            for migration in applied { print("Đã áp dụng \(migration.source)") }
        }
    }
}
