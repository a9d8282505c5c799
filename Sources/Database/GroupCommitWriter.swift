import CSQLite
import Synchronization

/// The writer thread's loop: takes every write waiting, commits them as one transaction, and only then
/// tells each caller its outcome. One fsync then covers the whole batch, which is what makes
/// `synchronous=FULL` affordable under load.
final class GroupCommitWriter: Sendable {
    let queue = JobQueue<WriterJob>()
    let maximumBatchSize: Int
    let committedBatches = Atomic<Int>(0)
    let committedWrites = Atomic<Int>(0)

    init(maximumBatchSize: Int) {
        self.maximumBatchSize = maximumBatchSize
    }

    /// Runs on the writer thread until the queue is closed and drained.
    func serve(_ connection: Connection) {
        while let jobs = queue.take(limit: maximumBatchSize, joinsBatch: \.joinsBatch) {
            var batch: [BatchedWrite] = []
            for job in jobs {
                switch job {
                case .batched(let write): batch.append(write)
                case .exclusive(let run): run(connection)
                }
            }
            if !batch.isEmpty {
                commit(batch, on: connection)
            }
        }
        // Fold the WAL back into the main file so a closed database is one self-contained file.
        try? connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    private func commit(_ batch: [BatchedWrite], on connection: Connection) {
        var remaining = batch[...]
        while !remaining.isEmpty {
            do {
                try connection.runCached("BEGIN IMMEDIATE")
            } catch {
                for write in remaining { write.fail(error) }
                return
            }
            var deliveries: [BatchedWrite.Delivery] = []
            var abortReason: (any Error)?
            while let write = remaining.popFirst() {
                var jobError: (any Error)?
                do {
                    deliveries.append(try connection.savepoint("batched_write") { try perform(write, on: connection) })
                } catch {
                    jobError = error
                    write.fail(error)
                }
                // SQLite itself ended the transaction (I/O error, full disk, or a body that ran COMMIT or
                // ROLLBACK): the earlier jobs' changes are no longer pending, so they cannot be confirmed.
                if !connection.isInTransaction {
                    abortReason = jobError
                        ?? SQLiteError(extendedCode: SQLITE_ERROR, message: "a write ended the batch transaction itself")
                    break
                }
            }
            if let abortReason {
                let error = DatabasePoolError.batchRolledBack(reason: "\(abortReason)")
                for deliver in deliveries { deliver(error) }
                continue
            }
            do {
                try connection.runCached("COMMIT")
                committedBatches.add(1, ordering: .relaxed)
                committedWrites.add(deliveries.count, ordering: .relaxed)
                for deliver in deliveries { deliver(nil) }
            } catch {
                connection.rollbackQuietly()
                for deliver in deliveries { deliver(error) }
            }
        }
    }

    /// Runs one job's body, refusing to keep changes that would make the shared COMMIT fail.
    private func perform(_ write: BatchedWrite, on connection: Connection) throws -> BatchedWrite.Delivery {
        let delivery = try write.perform(connection)
        // A deferred foreign-key violation is only reported at COMMIT, where it would fail every job of the
        // batch; catching it here rolls back the guilty job alone.
        if connection.pendingDeferredForeignKeyViolations > 0 {
            throw SQLiteError(
                extendedCode: SQLiteError.constraintForeignKey,
                message: "FOREIGN KEY constraint failed: this write left a deferred foreign key unresolved")
        }
        return delivery
    }
}
