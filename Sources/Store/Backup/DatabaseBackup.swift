import Database
import Foundation

/// Online copies of qcdc's database (`qcdc backup`) and putting one back (`qcdc restore`).
///
/// A copy is made with `VACUUM INTO`: one read transaction, so the copy is the database as of one instant, with every
/// transaction committed before it began (every acknowledged answer) and none after, while the server goes on writing
/// in WAL mode. The copy is written beside its final name, checked (`PRAGMA integrity_check`, and a schema this binary
/// knows), flushed to disk, then renamed into place: a backup file that exists is a complete, checked one.
public enum DatabaseBackup {
    /// Dated copies are named so that they sort by time: `qcdc-20261202T153000Z.sqlite3`.
    static func isDatedName(_ name: String) -> Bool {
        guard name.hasPrefix("qcdc-"), name.hasSuffix("Z.sqlite3") else { return false }
        let stamp = Array(name.utf8.dropFirst("qcdc-".count).dropLast("Z.sqlite3".count))
        guard stamp.count == 15, stamp[8] == UInt8(ascii: "T") else { return false }
        return stamp.enumerated().allSatisfy { index, byte in index == 8 || (48...57).contains(byte) }
    }

    /// Copies the database at `databasePath` to `destination`, which must not exist yet.
    @discardableResult
    public static func backup(databasePath: String, to destination: String) throws -> BackupCheck {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw BackupError("Không có cơ sở dữ liệu \(databasePath) để sao lưu.")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw BackupError("Tệp \(destination) đã có; chọn tên khác, bản sao lưu không ghi đè lên tệp cũ.")
        }
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)  // left by a copy that was interrupted
        do {
            let source = try Connection(path: databasePath)
            try source.run("VACUUM INTO ?", [partial])
            let check = try BackupCheck(path: partial)
            try check.requireCurrent()
            try DurableFile.sync(path: partial)
            try DurableFile.rename(partial, to: destination)
            return BackupCheck(path: destination, checked: check)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// A dated copy in `directory`, then only the newest `keep` dated copies stay there. Returns the copy's path and
    /// the copies removed.
    public static func backup(databasePath: String, intoDirectory directory: String, keep: Int, now: Date) throws
        -> (copy: BackupCheck, removed: [String])
    {
        guard keep >= 1 else { throw BackupError("--keep phải từ 1 trở lên.") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let copy = try backup(databasePath: databasePath, to: directory + "/" + datedName(now))
        let dated = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter(isDatedName)
            .sorted()
        var removed: [String] = []
        for name in dated.dropLast(keep) {
            let path = directory + "/" + name
            try FileManager.default.removeItem(atPath: path)
            removed.append(path)
        }
        return (copy, removed)
    }

    static func datedName(_ now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "qcdc-\(formatter.string(from: now)).sqlite3"
    }
}

/// What a restore did: where the replaced database was kept.
public struct RestoreOutcome: Sendable {
    public let restored: BackupCheck
    /// The database that was replaced, kept under a dated name (nil when there was none).
    public let replacedPath: String?
}

extension DatabaseBackup {
    /// Puts the copy at `source` in place of the database at `databasePath`. Refuses while a server holds the
    /// database (its lock file), or when the copy is damaged or from a newer qcdc. The replaced database (and its WAL)
    /// is kept beside it as `qcdc.sqlite3.replaced-<time>`, never deleted.
    public static func restore(from source: String, databasePath: String, now: Date) throws -> RestoreOutcome {
        guard FileManager.default.fileExists(atPath: source) else {
            throw BackupError("Không có tệp sao lưu \(source).")
        }
        try AppDatabase.createFolder(for: databasePath)
        guard let lock = try ExclusiveFileLock(path: ExclusiveFileLock.path(forDatabase: databasePath)) else {
            throw BackupError(
                "Máy chủ qcdc đang dùng \(databasePath) (khóa \(ExclusiveFileLock.path(forDatabase: databasePath))). Dừng máy chủ rồi khôi phục."
            )
        }
        defer { withExtendedLifetime(lock) {} }
        let check = try BackupCheck(path: source)
        let incoming = databasePath + ".restoring"
        try? FileManager.default.removeItem(atPath: incoming)
        try FileManager.default.copyItem(atPath: source, toPath: incoming)
        try DurableFile.sync(path: incoming)

        var replaced: String?
        if FileManager.default.fileExists(atPath: databasePath) {
            let aside =
                databasePath + ".replaced-"
                + DatabaseBackup.datedName(now).dropFirst("qcdc-".count)
                .replacingOccurrences(of: ".sqlite3", with: "")
            try DurableFile.rename(databasePath, to: aside)
            // The WAL belongs with the file it was written for: SQLite finds it by name (`<file>-wal`).
            if FileManager.default.fileExists(atPath: databasePath + "-wal") {
                try DurableFile.rename(databasePath + "-wal", to: aside + "-wal")
            }
            try? FileManager.default.removeItem(atPath: databasePath + "-shm")
            replaced = aside
        }
        try DurableFile.rename(incoming, to: databasePath)
        return RestoreOutcome(restored: BackupCheck(path: databasePath, checked: check), replacedPath: replaced)
    }
}

public struct BackupError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
