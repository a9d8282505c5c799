import Foundation
import Testing

@testable import Database

@Suite struct WALSyncerTests {
    static func syncingConfiguration() -> DatabasePoolConfiguration {
        DatabasePoolConfiguration(readerCount: 1, writerSynchronous: .full, syncsOffWriterThread: true)
    }

    @Test func writesAreConfirmedAfterTheirSyncAndSeenByReaders() async throws {
        try await withPool(configuration: Self.syncingConfiguration()) { pool, _ in
            try await pool.exclusiveWrite { try $0.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in 1...100 {
                    group.addTask { _ = try await pool.write { try $0.run("INSERT INTO t (id) VALUES (?)", [id]) } }
                }
                try await group.waitForAll()
            }
            #expect(try await pool.read { try $0.scalar("SELECT count(*) FROM t", as: Int64.self) } == 100)
        }
    }

    /// The promise of `synchronous=FULL`: a write is confirmed only after an fsync that began after its COMMIT.
    @Test func noWriteIsConfirmedBeforeAnFsyncThatFollowedIt() async throws {
        try await withPool(configuration: Self.syncingConfiguration()) { pool, _ in
            try await pool.exclusiveWrite { try $0.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in 1...200 {
                    group.addTask {
                        // Read inside the body, so before this write's batch commits: its fsync must come later.
                        let syncsBeforeCommit = try await pool.write { connection in
                            try connection.run("INSERT INTO t (id) VALUES (?)", [id])
                            return pool.walSyncCount
                        }
                        #expect(pool.walSyncCount > syncsBeforeCommit)
                    }
                }
                try await group.waitForAll()
            }
            #expect(pool.walSyncCount >= 1)
        }
    }

    /// After a failed fsync nothing may be confirmed: the write is committed in the WAL but perhaps not on disk.
    @Test func aFailedSyncFailsThatWriteAndEveryLaterOne() async throws {
        // The syncer opens the WAL by name when it first syncs; a WAL removed before that makes the sync fail.
        try await withPool(configuration: Self.syncingConfiguration()) { _, directory in
            let path = directory.file("failing.sqlite")
            let failing = try DatabasePool(path: path, configuration: Self.syncingConfiguration())
            try FileManager.default.removeItem(atPath: path + "-wal")
            await #expect(throws: DatabasePoolError.self) {
                try await failing.write { try $0.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)") }
            }
            await #expect(throws: DatabasePoolError.self) {
                try await failing.write { try $0.run("INSERT INTO t (id) VALUES (1)") }
            }
            await #expect(throws: DatabasePoolError.self) {
                try await failing.exclusiveWrite { try $0.run("INSERT INTO t (id) VALUES (2)") }
            }
            await failing.close()
        }
    }

    @Test func withoutTheSyncerTheWriterCommitsWithFull() async throws {
        var configuration = Self.syncingConfiguration()
        configuration.syncsOffWriterThread = false
        try await withPool(configuration: configuration) { pool, _ in
            let mode = try await pool.exclusiveWrite { try $0.scalar("PRAGMA synchronous", as: Int64.self) }
            #expect(mode == 2)
        }
    }

    /// top -H and perf tell the pool's threads apart by the kernel's names, which Foundation's `Thread.name` does not set.
    @Test func thePoolsThreadsCarryTheirNames() async throws {
        let expected: Set = ["qcdc.db.writer", "qcdc.db.syncer", "qcdc.db.reader1"]
        try await withPool(configuration: Self.syncingConfiguration()) { _, _ in
            // The syncer names itself once its thread runs, which may be just after the pool is open.
            var names: Set<String> = []
            for _ in 0..<200 {
                names = Set(
                    try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").compactMap {
                        try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)
                            .trimmingCharacters(in: .newlines)
                    })
                if expected.isSubset(of: names) { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(expected.isSubset(of: names), "thread names: \(names.sorted())")
        }
    }
}
