import CSQLite
import Synchronization

/// The writer thread's loop: takes every write waiting, commits them as one transaction, and only then
/// tells each caller its outcome. One fsync then covers the whole batch, which is what makes
/// `synchronous=FULL` affordable under load.
///
/// Counter additions (`Connection.addToCounter`) are summed over the batch and written once per counter row just
/// before COMMIT; checkpoints run on the `WALCheckpointer`'s thread, not in the commit; and with a `WALSyncer` the
/// writer hands the batch's replies over for the fsync and goes on with the next batch.
final class GroupCommitWriter: Sendable {
    let queue = JobQueue<WriterJob>()
    let maximumBatchSize: Int
    let checkpointer: WALCheckpointer?
    let syncer: WALSyncer?
    let committedBatches = Atomic<Int>(0)
    let committedWrites = Atomic<Int>(0)
    let counters: WriterCounters

    init(
        maximumBatchSize: Int, checkpointer: WALCheckpointer?, syncer: WALSyncer?,
        counters: WriterCounters = WriterCounters()
    ) {
        self.counters = counters
        self.maximumBatchSize = maximumBatchSize
        self.checkpointer = checkpointer
        self.syncer = syncer
    }

    /// Runs on the writer thread until the queue is closed and drained.
    func serve(_ connection: Connection) {
        if let checkpointer {
            connection.reportWALGrowth(to: checkpointer)
        }
        defer { connection.removeWALHook() }
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
        // After a batch's summed counter additions failed to write, its jobs run again one per transaction, so
        // that only the job whose additions are at fault fails.
        var oneJobPerTransaction = false
        while !remaining.isEmpty {
            do {
                try connection.runCached("BEGIN IMMEDIATE")
            } catch {
                for write in remaining { write.fail(error) }
                return
            }
            var performed: [(write: BatchedWrite, deliver: BatchedWrite.Delivery)] = []
            var abortReason: (any Error)?
            var increments = CounterIncrements()
            while let write = remaining.popFirst() {
                var jobError: (any Error)?
                connection.deferredAdditions = []
                do {
                    let deliver = try connection.savepoint("batched_write") { try perform(write, on: connection) }
                    performed.append((write, deliver))
                    // Only a job whose savepoint was kept contributes its additions.
                    for addition in connection.deferredAdditions ?? [] { increments.add(addition) }
                } catch {
                    jobError = error
                    write.fail(error)
                }
                connection.deferredAdditions = nil
                // SQLite itself ended the transaction (I/O error, full disk, or a body that ran COMMIT or
                // ROLLBACK): the earlier jobs' changes are no longer pending, so they cannot be confirmed.
                if !connection.isInTransaction {
                    abortReason =
                        jobError
                        ?? SQLiteError(
                            extendedCode: SQLITE_ERROR, message: "a write ended the batch transaction itself")
                    break
                }
                if oneJobPerTransaction && !performed.isEmpty { break }
            }
            if let abortReason {
                let error = DatabasePoolError.batchRolledBack(reason: "\(abortReason)")
                for job in performed { job.deliver(error) }
                continue
            }
            do {
                try increments.write(on: connection)
            } catch {
                connection.rollbackQuietly()
                if performed.count > 1 {
                    // The bodies are run again from the start; their first deliveries are dropped unused.
                    remaining = performed.map(\.write)[...] + remaining
                    oneJobPerTransaction = true
                } else {
                    for job in performed { job.deliver(error) }
                }
                continue
            }
            do {
                try connection.runCached("COMMIT")
                committedBatches.add(1, ordering: .relaxed)
                committedWrites.add(performed.count, ordering: .relaxed)
                counters.recordBatch(size: performed.count)
                if let syncer {
                    syncer.deliverWhenDurable(performed.map(\.deliver))
                } else {
                    for job in performed { job.deliver(nil) }
                }
            } catch {
                connection.rollbackQuietly()
                for job in performed { job.deliver(error) }
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
