import Database
import Store
import Survey
import Synchronization

/// Runs `AnswerFlagger` off the submit path: every `interval` while the server runs, and soon after a daily report
/// is filed (the over-quota signal needs the day's visitors). Scans are serialised by the pool's single writer;
/// one that finds nothing new costs two indexed reads. Until `run` starts it, `scanSoon` does nothing, so tests
/// that build an environment without it stay deterministic.
public final class FlagScanner: Sendable {
    let database: DatabasePool
    let clock: any Survey.Clock
    let log: @Sendable (String) -> Void
    private let running = Atomic<Bool>(false)

    init(database: DatabasePool, clock: any Survey.Clock, log: @escaping @Sendable (String) -> Void) {
        self.database = database
        self.clock = clock
        self.log = log
    }

    /// One scan now; the number of flags added (0 after an error, which is logged: the next scan goes on from the
    /// same place).
    @discardableResult
    public func scan() async -> Int {
        let now = clock.nowSeconds
        do {
            return try await database.write { try AnswerFlagger($0).scan(now: now) }
        } catch {
            log("Quét gắn cờ phiếu thất bại: \(error)")
            return 0
        }
    }

    /// Scans every `interval` until the task is cancelled.
    public func run(every interval: Duration = .seconds(30)) async {
        running.store(true, ordering: .relaxed)
        defer { running.store(false, ordering: .relaxed) }
        while !Task.isCancelled {
            await scan()
            try? await Task.sleep(for: interval)
        }
    }

    /// A scan in the background, when the periodic scanner runs.
    func scanSoon() {
        guard running.load(ordering: .relaxed) else { return }
        Task { await scan() }
    }
}
