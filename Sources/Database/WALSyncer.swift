import CLinux
import Foundation
import Synchronization

/// The group commit's fsync, on a thread of its own: replies wait for the disk, the writer does not.
///
/// With `synchronous=FULL` SQLite fsyncs the WAL inside every COMMIT, and the writer can do nothing else
/// meanwhile; under load that fsync was most of each commit cycle. Here the writer's connection commits with
/// `synchronous=NORMAL` (the WAL is written, not synced), hands the batch's replies to this thread and starts the
/// next batch. This thread calls `fdatasync` on the WAL file, through a descriptor of its own (Linux flushes a
/// file's data whichever descriptor asks), and only then sends the replies of every batch committed before that
/// fsync began. One fsync often covers several batches.
///
/// A reply still means what it meant with FULL: the write's commit is on stable storage. What differs: other
/// connections may read a batch up to one fsync before it is durable, and a power cut in that window loses it,
/// but nobody was told it was stored. In WAL mode NORMAL still syncs the WAL before each checkpoint and the
/// database file after it, so a checkpoint never copies frames that are not durable.
///
/// A failed fsync leaves the state of the file unknown (Linux may drop the failed pages from its cache), so from
/// then on every reply is an error until the server is restarted and SQLite recovers from the WAL on disk.
final class WALSyncer: Sendable {
    private let walPath: String
    private let queue = JobQueue<[BatchedWrite.Delivery]>()
    private let finished = CompletionSignal()
    private let record = SyncRecord()

    init(databasePath: String, counters: WriterCounters) {
        walPath = databasePath + "-wal"
        let thread = Thread { [queue, walPath, record, finished] in
            clinux_set_thread_name(pthread_self(), "qcdc.db.syncer")
            let file = WALFile(path: walPath)
            while let batches = queue.take(limit: .max) {
                let error = record.firstFailure ?? Self.timedSync(file, counters: counters)
                if let error {
                    record.fail(error)
                } else {
                    record.completedSyncs.add(1, ordering: .releasing)
                }
                for deliveries in batches {
                    for deliver in deliveries { deliver(error) }
                }
            }
            file.close()
            finished.fire()
        }
        thread.name = "qcdc.db.syncer"
        thread.start()
    }

    private static func timedSync(_ file: WALFile, counters: WriterCounters) -> DatabasePoolError? {
        let start = ContinuousClock.now
        let error = file.sync()
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        counters.recordFsync(nanoseconds: Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
        return error
    }

    /// Called by the writer after a COMMIT: `deliveries` run once the WAL holding that commit is on disk.
    func deliverWhenDurable(_ deliveries: [BatchedWrite.Delivery]) {
        if !queue.enqueue(deliveries) {
            // Closed: only after the writer finished, so this cannot happen; fail rather than claim durability.
            let error = DatabasePoolError.syncFailed(reason: "the syncer was already closed")
            for deliver in deliveries { deliver(error) }
        }
    }

    /// Syncs the WAL on the calling thread (the writer, after an exclusive write); throws if it fails now or
    /// failed before.
    func syncNow() throws {
        if let error = record.firstFailure { throw error }
        let file = WALFile(path: walPath)
        defer { file.close() }
        if let error = file.sync() {
            record.fail(error)
            throw error
        }
        record.completedSyncs.add(1, ordering: .releasing)
    }

    /// fdatasync calls that succeeded so far; each is counted before the replies it covers are sent.
    var completedSyncs: Int { record.completedSyncs.load(ordering: .acquiring) }

    /// Sends the replies still waiting (after their fsync), then ends the thread.
    func close() async {
        queue.close()
        await finished.wait()
    }

    func closeWithoutWaiting() {
        queue.close()
    }
}

/// The WAL file, opened on first use: it exists once the writer has committed.
private final class WALFile: @unchecked Sendable {
    // Used only by the thread that created it.
    private let path: String
    private var descriptor: Int32 = -1

    init(path: String) {
        self.path = path
    }

    func sync() -> DatabasePoolError? {
        if descriptor < 0 {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 {
                return .syncFailed(reason: "cannot open \(path): \(String(cString: strerror(errno)))")
            }
        }
        if fdatasync(descriptor) != 0 {
            return .syncFailed(reason: "fdatasync of \(path) failed: \(String(cString: strerror(errno)))")
        }
        return nil
    }

    func close() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            descriptor = -1
        }
    }
}

/// What the syncer has done, shared between its thread and the writer's `syncNow`.
private final class SyncRecord: Sendable {
    let completedSyncs = Atomic<Int>(0)
    private let first = Mutex<DatabasePoolError?>(nil)

    var firstFailure: DatabasePoolError? { first.withLock { $0 } }

    func fail(_ error: DatabasePoolError) {
        first.withLock { if $0 == nil { $0 = error } }
    }
}
