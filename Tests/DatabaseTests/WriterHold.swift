import Dispatch

@testable import Database

/// Parks the pool's writer thread inside an exclusive write, so that writes queued meanwhile are taken
/// together as one batch once it is released.
struct WriterHold {
    private let gate: DispatchSemaphore
    private let holding: Task<Void, any Error>

    static func start(on pool: DatabasePool) async -> WriterHold {
        let (started, signalStarted) = AsyncStream<Void>.makeStream()
        let gate = DispatchSemaphore(value: 0)
        let holding = Task {
            try await pool.exclusiveWrite { _ in
                signalStarted.yield()
                gate.wait()
            }
        }
        for await _ in started { break }
        return WriterHold(gate: gate, holding: holding)
    }

    /// Waits until `count` writes are queued behind the hold, then lets the writer go.
    func release(afterQueued count: Int, on pool: DatabasePool) async throws {
        while pool.queuedWriteCount < count {
            try await Task.sleep(for: .milliseconds(1))
        }
        gate.signal()
        try await holding.value
    }
}

/// NORMAL keeps the suite fast on a shared disk; group commit itself does not depend on fsync.
func testPoolConfiguration(readers: Int = 2) -> DatabasePoolConfiguration {
    DatabasePoolConfiguration(readerCount: readers, writerSynchronous: .normal)
}

/// A pool on a fresh file, closed before its directory is removed even when the test body throws, so no
/// worker thread outlives the test.
@discardableResult
func withPool<T>(
    configuration: DatabasePoolConfiguration = testPoolConfiguration(),
    _ body: (DatabasePool, TemporaryDirectory) async throws -> T
) async throws -> T {
    try await withTemporaryDirectory { directory in
        let pool = try DatabasePool(path: directory.file("pool.sqlite"), configuration: configuration)
        do {
            let result = try await body(pool, directory)
            await pool.close()
            return result
        } catch {
            await pool.close()
            throw error
        }
    }
}
