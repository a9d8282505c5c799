import Database
import Foundation
import Store

/// Everything `/metrics` reads at scrape time.
struct OperationsSnapshot: Sendable {
    var connections: ConnectionFigures
    var writer: WriterStatistics
    var databaseBytes: Int
    var walBytes: Int
    var answers: Int
    var flaggedByState: [(String, Int)]
    var dailyReports: Int
    /// Seconds since 1970; nil without a backup folder or with no copy in it.
    var lastBackupTime: Int?

    static func gather(_ environment: AppEnvironment) async throws -> OperationsSnapshot {
        let figures = try await environment.database.read { connection in
            try OperationsFigures.read(connection)
        }
        let path = environment.database.path
        return OperationsSnapshot(
            connections: environment.connectionFigures(), writer: environment.database.statistics,
            databaseBytes: fileSize(path), walBytes: fileSize(path + "-wal"), answers: figures.answers,
            flaggedByState: figures.flaggedByState, dailyReports: figures.dailyReports,
            lastBackupTime: environment.backupDirectory.flatMap(newestBackupTime))
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The modification time of the newest `qcdc-*.sqlite3` copy (the names `qcdc backup --dir` gives).
    static func newestBackupTime(in directory: String) -> Int? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        let times = names.filter { $0.hasPrefix("qcdc-") && $0.hasSuffix(".sqlite3") }.compactMap { name in
            (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name))?[.modificationDate] as? Date
        }
        return times.max().map { Int($0.timeIntervalSince1970) }
    }
}
