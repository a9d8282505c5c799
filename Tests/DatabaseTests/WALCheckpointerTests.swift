import Foundation
import Testing

@testable import Database

@Suite struct WALCheckpointerTests {
    static func walBytes(_ directory: TemporaryDirectory) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: directory.file("pool.sqlite-wal")))?[.size] as? Int) ?? 0
    }

    /// Many small commits, as under a stream of answers: the background thread checkpoints, the writer's own
    /// catch-up keeps the WAL from growing without end, and every row is in the main file after close.
    @Test func aSteadyStreamOfCommitsKeepsTheWALBounded() async throws {
        var configuration = testPoolConfiguration()
        configuration.checkpointThresholdFrames = 20
        try await withPool(configuration: configuration) { pool, directory in
            try await pool.exclusiveWrite {
                try $0.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, padding BLOB NOT NULL)")
            }
            var largestWAL = 0
            for round in 0..<400 {
                // A page of data per commit, so the WAL grows by at least two frames each time.
                try await pool.write { try $0.run("INSERT INTO t (padding) VALUES (zeroblob(4000))") }
                if round % 20 == 0 { largestWAL = max(largestWAL, Self.walBytes(directory)) }
            }
            #expect(pool.backgroundCheckpointCount > 0)
            // Without checkpoints 400 commits of 2+ pages each would pass 800 frames (3.2 MB); the catch-up
            // point is 4 × 20 frames, so the file restarts long before that.
            #expect(largestWAL < 200 * 4_200, "the WAL grew to \(largestWAL) bytes")
            #expect(try await pool.read { try $0.scalar("SELECT count(*) FROM t", as: Int64.self) } == 400)
        }
    }

    @Test func zeroThresholdLeavesCheckpointsToSQLite() async throws {
        var configuration = testPoolConfiguration()
        configuration.checkpointThresholdFrames = 0
        try await withPool(configuration: configuration) { pool, _ in
            let automatic = try await pool.exclusiveWrite {
                try $0.scalar("PRAGMA wal_autocheckpoint", as: Int64.self)
            }
            #expect(automatic == 1000)
            try await pool.write { try $0.execute("CREATE TABLE t (x)") }
            #expect(pool.backgroundCheckpointCount == 0)
        }
    }
}
