import Dispatch
import Foundation
import Testing

@testable import Database

@Suite struct DatabasePoolTests {
    struct Abort: Error, Equatable {}

    @Test func readerSeesTheOldSnapshotUntilTheWriteCommits() async throws {
        try await withPool { pool, _ in
            try await pool.exclusiveWrite { try $0.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1);") }
            let (inserted, signalInserted) = AsyncStream<Void>.makeStream()
            let commitGate = DispatchSemaphore(value: 0)
            let writing = Task {
                try await pool.exclusiveWrite { connection in
                    try connection.transaction {
                        try connection.run("INSERT INTO t VALUES (2)")
                        signalInserted.yield()
                        commitGate.wait()
                    }
                }
            }
            for await _ in inserted { break }
            let count: @Sendable (Connection) throws -> Int64? = { try $0.scalar("SELECT count(*) FROM t") }
            // Two reads at once, while the write transaction is open: both see the committed state only.
            async let first = pool.read(count)
            async let second = pool.read(count)
            #expect(try await [first, second] == [1, 1])
            commitGate.signal()
            try await writing.value
            #expect(try await pool.read(count) == 2)
        }
    }

    @Test func groupCommitLandsEveryWriteAndIsolatesAFailingOne() async throws {
        try await withPool(configuration: testPoolConfiguration(readers: 3)) { pool, _ in
            try await pool.exclusiveWrite {
                try $0.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT NOT NULL)")
            }
            let batchesBefore = pool.committedBatchCount
            let hold = await WriterHold.start(on: pool)
            let outcomes = try await withThrowingTaskGroup(of: (Int, Result<Int64, any Error>, Int64?).self) { group in
                for id in 1...200 {
                    group.addTask {
                        let result: Result<Int64, any Error>
                        do {
                            result = .success(
                                try await pool.write { connection in
                                    try connection.run("INSERT INTO t (id, label) VALUES (?, ?)", [id, "row \(id)"])
                                    if id == 100 { throw Abort() }
                                    return connection.lastInsertRowID
                                })
                        } catch {
                            result = .failure(error)
                        }
                        // A reader only sees committed data: the row must already be there when write returns.
                        let visible = try await pool.read {
                            try $0.scalar("SELECT count(*) FROM t WHERE id = ?", [id], as: Int64.self)
                        }
                        return (id, result, visible)
                    }
                }
                try await hold.release(afterQueued: 200, on: pool)
                var outcomes: [(Int, Result<Int64, any Error>, Int64?)] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            #expect(outcomes.count == 200)
            for (id, result, visible) in outcomes {
                if id == 100 {
                    #expect(throws: Abort()) { try result.get() }
                    #expect(visible == 0)
                } else {
                    #expect(try result.get() == Int64(id))
                    #expect(visible == 1)
                }
            }
            #expect(pool.committedBatchCount == batchesBefore + 1)
            #expect(try await pool.read { try $0.scalar("SELECT count(*) FROM t", as: Int64.self) } == 199)
        }
    }

    @Test func failedCommitFailsEveryJobOfTheBatch() async throws {
        try await withPool { pool, _ in
            try await pool.exclusiveWrite { try $0.execute("CREATE TABLE t (x)") }
            let hold = await WriterHold.start(on: pool)
            let errors = try await withThrowingTaskGroup(of: (any Error)?.self) { group in
                for number in 1...5 {
                    group.addTask {
                        do {
                            try await pool.write { connection in
                                try connection.run("INSERT INTO t VALUES (?)", [number])
                                if number == 3 { connection.setCommitVeto(true) }
                            }
                            return nil
                        } catch {
                            return error
                        }
                    }
                }
                try await hold.release(afterQueued: 5, on: pool)
                var errors: [(any Error)?] = []
                for try await error in group { errors.append(error) }
                return errors
            }
            #expect(errors.count == 5)
            for error in errors {
                let sqliteError = try #require(error as? SQLiteError)
                #expect(sqliteError.extendedCode == SQLiteError.constraintCommitHook)
            }
            try await pool.exclusiveWrite { $0.setCommitVeto(false) }
            #expect(try await pool.read { try $0.scalar("SELECT count(*) FROM t", as: Int64.self) } == 0)
            try await pool.write { try $0.run("INSERT INTO t VALUES (6)") }
            #expect(try await pool.read { try $0.scalar("SELECT count(*) FROM t", as: Int64.self) } == 1)
        }
    }

    @Test func deferredForeignKeyViolationFailsOnlyItsOwnJob() async throws {
        try await withPool { pool, _ in
            try await pool.exclusiveWrite {
                try $0.execute(
                    """
                    CREATE TABLE units (id INTEGER PRIMARY KEY);
                    CREATE TABLE surveys (id INTEGER PRIMARY KEY,
                        unit_id INTEGER NOT NULL REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED);
                    INSERT INTO units VALUES (1);
                    """)
            }
            let hold = await WriterHold.start(on: pool)
            async let good = pool.write { try $0.run("INSERT INTO surveys (unit_id) VALUES (1)") }
            let orphan = Task { try await pool.write { try $0.run("INSERT INTO surveys (unit_id) VALUES (42)") } }
            async let alsoGood = pool.write { try $0.run("INSERT INTO surveys (unit_id) VALUES (1)") }
            try await hold.release(afterQueued: 3, on: pool)
            #expect(try await good == 1)
            #expect(try await alsoGood == 1)
            let error = try await #require(throws: SQLiteError.self) { try await orphan.value }
            #expect(error.isForeignKeyViolation)
            #expect(try await pool.read { try $0.scalar("SELECT count(*) FROM surveys", as: Int64.self) } == 2)
        }
    }

    @Test func writeThatEndsTheBatchTransactionFailsTheJobsBeforeItOnly() async throws {
        try await withPool { pool, _ in
            try await pool.exclusiveWrite { try $0.execute("CREATE TABLE t (x)") }
            let hold = await WriterHold.start(on: pool)
            // Queued one by one so the batch order is known: before, the culprit, after.
            let bodies: [@Sendable (Connection) throws -> Void] = [
                { try $0.run("INSERT INTO t VALUES ('before')") },
                { try $0.execute("ROLLBACK") },
                { try $0.run("INSERT INTO t VALUES ('after')") },
            ]
            var tasks: [Task<Void, any Error>] = []
            for body in bodies {
                tasks.append(Task { try await pool.write(body) })
                while pool.queuedWriteCount < tasks.count { try await Task.sleep(for: .milliseconds(1)) }
            }
            try await hold.release(afterQueued: 3, on: pool)
            let before = try await #require(throws: DatabasePoolError.self) { try await tasks[0].value }
            guard case .batchRolledBack = before else {
                Issue.record("expected batchRolledBack, got \(before)")
                return
            }
            await #expect(throws: SQLiteError.self) { try await tasks[1].value }
            try await tasks[2].value
            let rows = try await pool.read { try $0.query("SELECT x FROM t").map { try $0.string(0) } }
            #expect(rows == ["after"])
        }
    }

    @Test func exclusiveWriteThatLeavesATransactionOpenIsRolledBack() async throws {
        try await withPool { pool, _ in
            try await pool.exclusiveWrite { try $0.execute("CREATE TABLE t (x)") }
            await #expect(throws: DatabasePoolError.transactionLeftOpen) {
                try await pool.exclusiveWrite { try $0.execute("BEGIN; INSERT INTO t VALUES (1);") }
            }
            #expect(try await pool.read { try $0.scalar("SELECT count(*) FROM t", as: Int64.self) } == 0)
            // The writer is usable afterwards.
            try await pool.write { try $0.run("INSERT INTO t VALUES (2)") }
        }
    }

    @Test func readersCannotWrite() async throws {
        try await withPool { pool, _ in
            try await pool.exclusiveWrite { try $0.execute("CREATE TABLE t (x)") }
            let error = try await #require(throws: SQLiteError.self) {
                try await pool.read { try $0.run("INSERT INTO t VALUES (1)") }
            }
            #expect(error.isReadOnly)
        }
    }

    @Test func closeFinishesQueuedWorkThenRefusesNewWork() async throws {
        try await withPool { pool, directory in
            let path = directory.file("pool.sqlite")
            try await pool.exclusiveWrite { try $0.execute("CREATE TABLE t (x)") }
            let hold = await WriterHold.start(on: pool)
            let queued = (1...10).map { number in
                Task { try await pool.write { try $0.run("INSERT INTO t VALUES (?)", [number]) } }
            }
            try await hold.release(afterQueued: 10, on: pool)
            await pool.close()
            for task in queued {
                #expect(try await task.value == 1)
            }
            await #expect(throws: DatabasePoolError.closed(path: path)) {
                try await pool.write { try $0.run("INSERT INTO t VALUES (0)") }
            }
            await #expect(throws: DatabasePoolError.closed(path: path)) {
                try await pool.read { try $0.scalar("SELECT 1", as: Int64.self) }
            }
            // The last connection closed after a checkpoint: the WAL is folded into the main file.
            let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            #expect(walSize == 0)
            let reopened = try Connection(path: path)
            #expect(try reopened.scalar("SELECT count(*) FROM t", as: Int64.self) == 10)
        }
    }

    @Test func openingInAMissingDirectoryThrows() throws {
        try withTemporaryDirectory { directory in
            #expect(throws: SQLiteError.self) {
                try DatabasePool(path: directory.file("missing/pool.sqlite"))
            }
        }
    }
}

@Suite struct DatabasePoolDefaultsTests {
    @Test func writerIsDurableAndReadersAreReadOnlyWALConnections() async throws {
        try await withPool(configuration: DatabasePoolConfiguration()) { pool, _ in
            let writerSettings = try await pool.exclusiveWrite { connection in
                [
                    try connection.scalar("PRAGMA synchronous", as: Int64.self),
                    try connection.scalar("PRAGMA foreign_keys", as: Int64.self),
                ]
            }
            // NORMAL (1) for the connection: the WALSyncer fsyncs the WAL before a write returns, which makes a
            // write that returned survive a power loss as FULL would.
            #expect(writerSettings == [1, 1])
            #expect(DatabasePoolConfiguration().usesSyncer)
            let readerSettings = try await pool.read { connection in
                (
                    try connection.scalar("PRAGMA journal_mode", as: String.self),
                    try connection.scalar("PRAGMA foreign_keys", as: Int64.self),
                    connection.configuration.readOnly
                )
            }
            #expect(readerSettings == ("wal", 1, true))
        }
    }
}
