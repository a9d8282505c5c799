import Database
import Foundation

/// A database file checked before it is trusted as a copy: SQLite's own integrity check passes, and its migrations
/// are ones this binary knows (same versions, same checksums). A copy from an older qcdc is fine (the next
/// `qcdc migrate` brings it up to date); one from a newer qcdc, or with a changed migration, is refused.
public struct BackupCheck: Sendable {
    public let path: String
    public let bytes: Int
    /// The newest migration applied in the file.
    public let schemaVersion: Int
    /// Migrations this binary has that the file has not applied yet.
    public let pendingMigrations: Int

    public init(path: String) throws {
        let connection: Connection
        let problems: [String]
        do {
            connection = try Connection(
                path: path, configuration: ConnectionConfiguration(readOnly: true, journalModeWAL: false))
            problems = try connection.query("PRAGMA integrity_check").map { try $0.string(0) }
        } catch let error as SQLiteError {
            throw BackupError("Tệp \(path) không phải cơ sở dữ liệu SQLite đọc được hoặc đã hỏng: \(error.message).")
        }
        guard problems == ["ok"] else {
            throw BackupError(
                "Tệp \(path) bị hỏng (PRAGMA integrity_check): \(problems.prefix(3).joined(separator: "; "))")
        }
        let migrator = try Migrator(migrations: AppDatabase.migrations())
        let applied = try migrator.appliedMigrations(connection)
        let known = Dictionary(uniqueKeysWithValues: migrator.migrations.map { ($0.version, $0.checksum) })
        for record in applied where known[record.version] != record.checksum {
            throw BackupError(
                known[record.version] == nil
                    ? "Tệp \(path) có migration \(record.version) (\(record.name)) mà bản qcdc này không biết: nó được tạo bởi bản qcdc mới hơn."
                    : "Migration \(record.version) (\(record.name)) trong tệp \(path) khác với bản trong qcdc này.")
        }
        guard let newest = applied.map(\.version).max() else {
            throw BackupError("Tệp \(path) không phải cơ sở dữ liệu qcdc (chưa có migration nào).")
        }
        self.path = path
        schemaVersion = newest
        pendingMigrations = try migrator.pendingMigrations(connection).count
        bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// The same check for a file moved or copied unchanged.
    init(path: String, checked: BackupCheck) {
        self.path = path
        bytes = checked.bytes
        schemaVersion = checked.schemaVersion
        pendingMigrations = checked.pendingMigrations
    }

    /// A fresh backup must be of a current database: the server only serves a migrated one.
    func requireCurrent() throws {
        guard pendingMigrations == 0 else {
            throw BackupError("Bản sao \(path) thiếu \(pendingMigrations) migration; chạy `qcdc migrate` trước.")
        }
    }
}
