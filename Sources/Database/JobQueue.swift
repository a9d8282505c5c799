import Foundation

/// A blocking FIFO between async callers and the worker threads that own connections.
///
/// `@unchecked Sendable` is sound here: `jobs` and `isClosed` are only read or written while `condition`
/// is locked, and the worker threads block on that same condition instead of spinning.
final class JobQueue<Job: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var isClosed = false

    /// False once the queue is closed: the caller must fail the job itself.
    func enqueue(_ job: Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !isClosed else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Refuses new jobs; the workers still finish what is queued, then `take` returns nil.
    func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until work is waiting. Returns the leading run of at most `limit` jobs that `joinsBatch`
    /// accepts, or the first job alone when it does not; nil once the queue is closed and empty.
    func take(limit: Int, joinsBatch: (Job) -> Bool = { _ in true }) -> [Job]? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty {
            if isClosed { return nil }
            condition.wait()
        }
        guard joinsBatch(jobs[0]) else {
            return [jobs.removeFirst()]
        }
        var count = 1
        while count < min(limit, jobs.count), joinsBatch(jobs[count]) {
            count += 1
        }
        let batch = Array(jobs.prefix(count))
        jobs.removeFirst(count)
        return batch
    }

    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return jobs.count
    }
}
