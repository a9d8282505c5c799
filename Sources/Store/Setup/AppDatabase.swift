import Database
import Foundation

/// Opening and migrating qcdc's database file.
public enum AppDatabase {
    /// The migrations embedded in the binary (from `Migrations/`), in version order.
    public static func migrations() throws -> [Migration] {
        try EmbeddedResources.migrations.map { try Migration(fileName: $0.name, sql: $0.text) }
    }

    /// Creates the folder if needed, then applies pending migrations. Refuses to run when an applied migration
    /// changed (the error names it).
    @discardableResult
    public static func migrate(path: String) throws -> [Migration] {
        try createFolder(for: path)
        let connection = try Connection(path: path)
        return try Migrator(migrations: migrations()).migrate(connection)
    }

    /// The pool the server uses: one group-committing writer with `synchronous=FULL`, a few readers. The
    /// schema must be current: serving against pending migrations would fail in odd places later.
    public static func openPool(path: String, readers: Int = 4, maximumBatchSize: Int = 512) throws -> DatabasePool {
        try createFolder(for: path)
        let connection = try Connection(path: path)
        let pending = try Migrator(migrations: migrations()).pendingMigrations(connection)
        guard pending.isEmpty else {
            throw SetupError(
                description:
                    "Cơ sở dữ liệu \(path) chưa được cập nhật (\(pending.count) migration chưa chạy). Chạy `qcdc migrate --db \(path)` trước."
            )
        }
        // One write per batch is the benchmark's "no group commit": then every commit also syncs on its own.
        return try DatabasePool(
            path: path,
            configuration: DatabasePoolConfiguration(
                readerCount: readers, maximumBatchSize: maximumBatchSize, syncsOffWriterThread: maximumBatchSize > 1))
    }

    package static func createFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}

public struct SetupError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}
