import Foundation
import Testing

@testable import Database

@Suite struct CounterIncrementTests {
    struct Abort: Error, Equatable {}

    static let addHit = CounterUpsert(
        """
        INSERT INTO hits (page, hits) VALUES (?, ?)
        ON CONFLICT (page) DO UPDATE SET hits = hits + excluded.hits
        """)

    static let schema = """
        CREATE TABLE hits (page TEXT PRIMARY KEY, hits INTEGER NOT NULL CHECK (hits >= 0)) STRICT;
        CREATE TABLE visits (id INTEGER PRIMARY KEY, page TEXT NOT NULL) STRICT;
        """

    static func hits(_ pool: DatabasePool) async throws -> [String: Int64] {
        try await pool.read { connection in
            var hits: [String: Int64] = [:]
            for row in try connection.query("SELECT page, hits FROM hits") {
                hits[try row.string(0)] = try row.int64(1)
            }
            return hits
        }
    }

    /// Queues `jobs` behind a held writer so they commit as one batch; returns each job's outcome.
    static func oneBatch(
        _ pool: DatabasePool, _ jobs: [@Sendable (Connection) throws -> Void]
    ) async throws -> [Result<Void, any Error>] {
        let hold = await WriterHold.start(on: pool)
        return try await withThrowingTaskGroup(of: (Int, Result<Void, any Error>).self) { group in
            for (index, job) in jobs.enumerated() {
                group.addTask {
                    do {
                        try await pool.write(job)
                        return (index, .success(()))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            try await hold.release(afterQueued: jobs.count, on: pool)
            var outcomes = [Result<Void, any Error>](repeating: .success(()), count: jobs.count)
            for try await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes
        }
    }

    @Test func additionsOfABatchAreSummedAndCommitWithTheirRows() async throws {
        try await withPool { pool, _ in
            try await pool.exclusiveWrite { try $0.execute(Self.schema) }
            let batchesBefore = pool.committedBatchCount
            let jobs: [@Sendable (Connection) throws -> Void] = (1...50).map { number in
                { connection in
                    try connection.run("INSERT INTO visits (page) VALUES (?)", [number % 2 == 0 ? "even" : "odd"])
                    try connection.addToCounter(Self.addHit, key: [.text(number % 2 == 0 ? "even" : "odd")])
                    try connection.addToCounter(Self.addHit, key: [.text("all")], amount: 2)
                    // Not written yet: the sum waits for the end of the batch.
                    #expect(try connection.scalar("SELECT hits FROM hits WHERE page = 'all'", as: Int64.self) == nil)
                }
            }
            let outcomes = try await Self.oneBatch(pool, jobs)
            #expect(outcomes.allSatisfy { (try? $0.get()) != nil })
            #expect(pool.committedBatchCount == batchesBefore + 1)
            #expect(try await Self.hits(pool) == ["even": 25, "odd": 25, "all": 100])
        }
    }

    @Test func aFailedJobAddsNothing() async throws {
        try await withPool { pool, _ in
            try await pool.exclusiveWrite { try $0.execute(Self.schema) }
            let jobs: [@Sendable (Connection) throws -> Void] = (1...10).map { number in
                { connection in
                    try connection.run("INSERT INTO visits (page) VALUES ('home')")
                    try connection.addToCounter(Self.addHit, key: [.text("home")])
                    if number == 4 { throw Abort() }
                }
            }
            let outcomes = try await Self.oneBatch(pool, jobs)
            #expect(throws: Abort()) { try outcomes[3].get() }
            #expect(outcomes.enumerated().allSatisfy { index, outcome in index == 3 || (try? outcome.get()) != nil })
            #expect(try await Self.hits(pool) == ["home": 9])
            #expect(try await pool.read { try $0.scalar("SELECT count(*) FROM visits", as: Int64.self) } == 9)
        }
    }

    @Test func additionsThatCannotBeWrittenFailOnlyTheirOwnJob() async throws {
        try await withPool { pool, _ in
            try await pool.exclusiveWrite { try $0.execute(Self.schema) }
            // hits >= 0: the batch's sum for "bad" is -1, so the summed write fails; the jobs then run again
            // one per transaction, and only the one that subtracts fails.
            let jobs: [@Sendable (Connection) throws -> Void] = (1...6).map { number in
                { connection in
                    try connection.run("INSERT INTO visits (page) VALUES (?)", ["page \(number)"])
                    try connection.addToCounter(Self.addHit, key: [.text("good")])
                    if number == 3 { try connection.addToCounter(Self.addHit, key: [.text("bad")], amount: -1) }
                }
            }
            let outcomes = try await Self.oneBatch(pool, jobs)
            #expect(throws: SQLiteError.self) { try outcomes[2].get() }
            #expect(outcomes.enumerated().allSatisfy { index, outcome in index == 2 || (try? outcome.get()) != nil })
            #expect(try await Self.hits(pool) == ["good": 5])
            #expect(
                try await pool.read {
                    try $0.query("SELECT page FROM visits ORDER BY page").map { try $0.string(0) }
                } == ["page 1", "page 2", "page 4", "page 5", "page 6"])
        }
    }

    @Test func outsideABatchTheRowIsWrittenAtOnce() throws {
        try withTemporaryDirectory { directory in
            let connection = try Connection(path: directory.file("direct.sqlite"))
            try connection.execute(Self.schema)
            try connection.addToCounter(Self.addHit, key: [.text("home")], amount: 3)
            try connection.transaction {
                try connection.addToCounter(Self.addHit, key: [.text("home")])
                #expect(try connection.scalar("SELECT hits FROM hits WHERE page = 'home'", as: Int64.self) == 4)
            }
        }
    }
}
