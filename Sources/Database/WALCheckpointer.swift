import CSQLite
import Foundation
import Synchronization

/// Copies the WAL back into the database file on a thread and connection of its own, so the group-commit writer
/// never stops to do it.
///
/// SQLite's automatic checkpoint runs inside the COMMIT that crosses its threshold: with synchronous=FULL that
/// commit then also copies the WAL's pages into the main file and fsyncs it, and every caller of the batch waits
/// for that. Measured on the submission path: the commits that checkpoint take about twice as long. Here the
/// writer only reports the WAL's length after each commit (SQLite's WAL hook); once it passes `thresholdFrames`
/// this thread runs a PASSIVE checkpoint, which never blocks the writer or the readers.
///
/// The WAL starts again from its beginning only when a write transaction begins with every frame copied. Under a
/// steady stream of commits the background checkpoint is always a few commits behind, so the file would grow
/// without end; past `catchUpFrames` the writer therefore checkpoints itself right after its commit (waiting for
/// a background run to end first: two checkpoints at once make one fail with SQLITE_BUSY). By then the
/// background thread has copied nearly everything, so the writer only copies the last few commits' pages, and
/// its next transaction restarts the WAL.
final class WALCheckpointer: Sendable {
    let thresholdFrames: Int
    let catchUpFrames: Int
    private let requests = CheckpointRequests()
    private let finished: CompletionSignal

    init(path: String, thresholdFrames: Int, configuration: ConnectionConfiguration) throws {
        self.thresholdFrames = max(1, thresholdFrames)
        self.catchUpFrames = 4 * self.thresholdFrames
        requests.nextRequestFrames.store(self.thresholdFrames, ordering: .relaxed)
        let requests = requests
        finished = try WorkerThread.start(name: "qcdc.db.ckpt", path: path, configuration: configuration) {
            connection in
            while requests.next() {
                if requests.checkpointing.withLock({ _ in connection.checkpointPassive() }) {
                    requests.completed.add(1, ordering: .relaxed)
                }
            }
        }
    }

    /// Checkpoints run to completion on the background thread so far.
    var completedCheckpoints: Int { requests.completed.load(ordering: .relaxed) }

    /// Called on the writer thread, by the writer connection's WAL hook, after each commit with the WAL's length
    /// in frames. A background checkpoint is asked for at `thresholdFrames` and then every half threshold more,
    /// not after every commit: each checkpoint fsyncs the database file, and a stream of them slows the WAL's own
    /// fsyncs, which every reply waits for.
    fileprivate func walGrew(toFrames frames: Int, writer database: OpaquePointer?) {
        let step = max(1, thresholdFrames / 2)
        var nextRequest = requests.nextRequestFrames.load(ordering: .relaxed)
        if frames < nextRequest - step { nextRequest = thresholdFrames }  // the WAL restarted
        if frames >= catchUpFrames {
            requests.checkpointing.withLock { _ in
                _ = sqlite3_wal_checkpoint_v2(database, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
            nextRequest = thresholdFrames
        } else if frames >= nextRequest {
            requests.request()
            nextRequest = frames + step
        }
        requests.nextRequestFrames.store(nextRequest, ordering: .relaxed)
    }

    /// Finishes a checkpoint in progress, then closes the connection. Later requests are ignored.
    func close() async {
        requests.close()
        await finished.wait()
    }

    /// Lets the thread exit when the pool goes away without `close()`.
    func closeWithoutWaiting() {
        requests.close()
    }
}

/// "A checkpoint is due": many requests while one runs fold into one more run, not a queue.
///
/// `@unchecked Sendable`: `isDue` and `isClosed` are only touched while `condition` is locked.
private final class CheckpointRequests: @unchecked Sendable {
    private let condition = NSCondition()
    private var isDue = false
    private var isClosed = false
    let completed = Atomic<Int>(0)
    /// WAL length at which the writer next asks for a checkpoint; only the writer thread uses it.
    let nextRequestFrames = Atomic<Int>(0)
    /// Held by whoever checkpoints, the background thread or the writer catching up.
    let checkpointing = Mutex<Void>(())

    func request() {
        condition.lock()
        defer { condition.unlock() }
        guard !isClosed, !isDue else { return }
        isDue = true
        condition.signal()
    }

    func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until a checkpoint is due (true) or the checkpointer is closed (false).
    func next() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !isDue && !isClosed {
            condition.wait()
        }
        isDue = false
        return !isClosed
    }
}

extension Connection {
    /// One PASSIVE checkpoint: copies what it can without waiting for any lock. True when it ran (false when
    /// another checkpoint held the lock, or on an error, which the next request simply retries).
    func checkpointPassive() -> Bool {
        var logFrames: Int32 = 0
        var copiedFrames: Int32 = 0
        return sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames) == SQLITE_OK
    }

    /// Reports the WAL's length after every commit to `checkpointer` instead of checkpointing in the commit
    /// (installing a WAL hook replaces SQLite's automatic checkpoint). `checkpointer` must outlive the hook:
    /// remove it with `removeWALHook()` before the checkpointer goes away.
    func reportWALGrowth(to checkpointer: WALCheckpointer) {
        let context = Unmanaged.passUnretained(checkpointer).toOpaque()
        sqlite3_wal_hook(
            handle,
            { context, database, _, frames in
                if let context {
                    Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
                        .walGrew(toFrames: Int(frames), writer: database)
                }
                return SQLITE_OK
            }, context)
    }

    func removeWALHook() {
        sqlite3_wal_hook(handle, nil, nil)
    }
}
