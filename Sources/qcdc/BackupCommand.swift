import ArgumentParser
import Database
import Foundation
import Store
import Uploads

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a consistent copy of the database while the server runs, and check it.",
        discussion: """
            The copy is the database as of one instant (SQLite's VACUUM INTO), checked with PRAGMA integrity_check and \
            against this binary's migrations before it gets its final name. Either --to FILE (must not exist), or \
            --dir DIR with --keep N: a dated copy qcdc-YYYYMMDDTHHMMSSZ.sqlite3, and only the newest N dated copies stay.
            Uploaded documents (<data folder>/uploads) are copied into an uploads/ folder beside the copy, by content             hash: only files it does not have yet, each re-hashed (a damaged file is reported and the command fails).
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "Write the copy to this file (it must not exist yet).")
    var to: String?

    @Option(help: "Write a dated copy into this folder (with --keep).")
    var dir: String?

    @Option(help: "With --dir: how many dated copies to keep (default 14).")
    var keep: Int = 14

    func validate() throws {
        guard (to == nil) != (dir == nil) else { throw ValidationError("Chọn một trong --to FILE hoặc --dir DIR.") }
        guard keep >= 1 else { throw ValidationError("--keep phải từ 1 trở lên.") }
    }

    func run() throws {
        do {
            if let to {
                let copy = try DatabaseBackup.backup(databasePath: database.resolvedPath, to: to)
                print(Self.summary(copy))
            } else if let dir {
                let (copy, removed) = try DatabaseBackup.backup(
                    databasePath: database.resolvedPath, intoDirectory: dir, keep: keep, now: Date())
                print(Self.summary(copy))
                for path in removed { print("Đã xóa bản sao cũ \(path)") }
            }
        } catch let error as BackupError {
            throw ValidationError(error.description)
        }
        let folder = dir ?? to.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        try Self.copyUploads(from: database.dataFolder, to: folder.isEmpty ? "." : folder)
    }

    /// The uploads of `from` (a data folder, or a backup folder at restore) into `to`'s uploads/, missing files only.
    static func copyUploads(from: String, to: String) throws {
        let source = from + "/uploads"
        guard FileManager.default.fileExists(atPath: source) else { return }
        let outcome = try ContentAddressedStore(directory: source)
            .copyMissing(into: ContentAddressedStore(directory: to + "/uploads"))
        print(
            "Tài liệu tải lên: đã chép \(outcome.copied) tệp vào \(to)/uploads (\(outcome.alreadyThere) tệp đã có từ trước)."
        )
        guard outcome.damaged.isEmpty else {
            throw ValidationError(
                "\(outcome.damaged.count) tệp tải lên trong \(source) không còn khớp với mã băm (hỏng trên đĩa), không được chép: \(outcome.damaged.prefix(5).joined(separator: ", "))."
            )
        }
    }

    static func summary(_ copy: BackupCheck) -> String {
        "Đã sao lưu vào \(copy.path) (\(copy.bytes) byte, migration \(copy.schemaVersion), integrity_check: ok)."
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put a backup in place of the database (the server must be stopped).",
        discussion: """
            Refuses while a qcdc server holds the database, and refuses a damaged copy or one made by a newer qcdc. \
            The replaced database is kept beside it as <db>.replaced-<time>.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "The backup file to restore.")
    var from: String

    func run() throws {
        do {
            let outcome = try DatabaseBackup.restore(from: from, databasePath: database.resolvedPath, now: Date())
            print("Đã khôi phục \(database.resolvedPath) từ \(from) (migration \(outcome.restored.schemaVersion)).")
            if let replaced = outcome.replacedPath { print("Cơ sở dữ liệu cũ được giữ tại \(replaced).") }
            let backupFolder = (from as NSString).deletingLastPathComponent
            try Backup.copyUploads(from: backupFolder.isEmpty ? "." : backupFolder, to: database.dataFolder)
            if outcome.restored.pendingMigrations > 0 {
                print(
                    "Bản sao lưu cũ hơn bản qcdc này \(outcome.restored.pendingMigrations) migration: chạy `qcdc migrate` trước khi phục vụ."
                )
            }
        } catch let error as BackupError {
            throw ValidationError(error.description)
        }
    }
}
