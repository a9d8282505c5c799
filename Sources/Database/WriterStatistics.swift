import Synchronization

/// What the writer has done since the pool opened, read by `/metrics`: a snapshot of plain numbers.
public struct WriterStatistics: Sendable, Equatable {
    /// Upper bounds of the batch-size buckets; the last bucket (`+Inf`) is `batches` itself.
    public static let batchSizeBounds = WriterCounters.bounds

    /// Committed batches with at most `batchSizeBounds[i]` writes, cumulative as Prometheus wants them.
    public var cumulativeBatchCounts: [Int]
    public var batches: Int
    public var writes: Int
    /// fdatasync calls of the WAL syncer and the time they took (0 without a syncer: SQLite then syncs inside
    /// COMMIT, where it cannot be timed apart).
    public var fsyncs: Int
    public var fsyncNanoseconds: Int
}

/// The counters behind `WriterStatistics`: one relaxed atomic add per batch and per fsync, no lock on the
/// writer's or the syncer's thread.
final class WriterCounters: Sendable {
    static let bounds = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]

    // One atomic per bucket: `Atomic` is not copyable, so no array of them.
    private let upTo1 = Atomic<Int>(0)
    private let upTo2 = Atomic<Int>(0)
    private let upTo4 = Atomic<Int>(0)
    private let upTo8 = Atomic<Int>(0)
    private let upTo16 = Atomic<Int>(0)
    private let upTo32 = Atomic<Int>(0)
    private let upTo64 = Atomic<Int>(0)
    private let upTo128 = Atomic<Int>(0)
    private let upTo256 = Atomic<Int>(0)
    private let upTo512 = Atomic<Int>(0)
    let fsyncs = Atomic<Int>(0)
    let fsyncNanoseconds = Atomic<Int>(0)

    func recordBatch(size: Int) {
        switch size {
        case ...1: upTo1.add(1, ordering: .relaxed)
        case 2: upTo2.add(1, ordering: .relaxed)
        case 3...4: upTo4.add(1, ordering: .relaxed)
        case 5...8: upTo8.add(1, ordering: .relaxed)
        case 9...16: upTo16.add(1, ordering: .relaxed)
        case 17...32: upTo32.add(1, ordering: .relaxed)
        case 33...64: upTo64.add(1, ordering: .relaxed)
        case 65...128: upTo128.add(1, ordering: .relaxed)
        case 129...256: upTo256.add(1, ordering: .relaxed)
        case 257...512: upTo512.add(1, ordering: .relaxed)
        default: break  // Counted in +Inf only (the batch count).
        }
    }

    func recordFsync(nanoseconds: Int) {
        fsyncs.add(1, ordering: .relaxed)
        fsyncNanoseconds.add(nanoseconds, ordering: .relaxed)
    }

    /// The per-bucket counts made cumulative.
    func cumulativeBatchCounts() -> [Int] {
        let counts = [
            upTo1.load(ordering: .relaxed), upTo2.load(ordering: .relaxed), upTo4.load(ordering: .relaxed),
            upTo8.load(ordering: .relaxed), upTo16.load(ordering: .relaxed), upTo32.load(ordering: .relaxed),
            upTo64.load(ordering: .relaxed), upTo128.load(ordering: .relaxed), upTo256.load(ordering: .relaxed),
            upTo512.load(ordering: .relaxed),
        ]
        var running = 0
        return counts.map { count in
            running += count
            return running
        }
    }
}
