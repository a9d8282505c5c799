/// The server's access to one SQLite file: one writer connection and a few readers, each on its own
/// thread, behind an async API.
///
/// - `write` jobs are group-committed: every job waiting when the writer becomes free runs in one
///   `BEGIN IMMEDIATE` transaction, each in its own savepoint, then one COMMIT; a job's result (or error)
///   arrives only after that COMMIT reached the disk. Counter additions are summed per batch
///   (`Connection.addToCounter`), and a background thread checkpoints the WAL (`WALCheckpointer`).
/// - `exclusiveWrite` runs alone, outside any transaction, for imports and migrations.
/// - `read` runs in a read transaction on a read-only connection: one consistent snapshot of committed data.
///
/// Work is not cancellable once queued; a cancelled task still waits for its job to finish.
public final class DatabasePool: Sendable {
    public let path: String
    private let writer: GroupCommitWriter
    private let checkpointer: WALCheckpointer?
    private let syncer: WALSyncer?
    private let readQueue = JobQueue<@Sendable (Connection) -> Void>()
    private let writerFinished: CompletionSignal
    private let readersFinished: [CompletionSignal]

    /// Opens (creating if needed) the file in WAL mode. Blocks until every connection is open.
    public init(path: String, configuration: DatabasePoolConfiguration = DatabasePoolConfiguration()) throws {
        self.path = path
        // Read-write connections first (the checkpointer's, then the writer's): they create the file and
        // switch it to WAL, which read-only openers cannot do.
        let checkpointer =
            configuration.checkpointThresholdFrames > 0
            ? try WALCheckpointer(
                path: path, thresholdFrames: configuration.checkpointThresholdFrames,
                configuration: configuration.checkpointerConnection)
            : nil
        self.checkpointer = checkpointer
        let counters = WriterCounters()
        let syncer = configuration.usesSyncer ? WALSyncer(databasePath: path, counters: counters) : nil
        self.syncer = syncer
        let writer = GroupCommitWriter(
            maximumBatchSize: configuration.maximumBatchSize, checkpointer: checkpointer,
            syncer: syncer, counters: counters)
        self.writer = writer
        do {
            writerFinished = try WorkerThread.start(
                name: "qcdc.db.writer", path: path, configuration: configuration.writerConnection
            ) { connection in
                writer.serve(connection)
            }
        } catch {
            checkpointer?.closeWithoutWaiting()
            syncer?.closeWithoutWaiting()
            throw error
        }
        var readersFinished: [CompletionSignal] = []
        do {
            for number in 1...configuration.readerCount {
                let queue = readQueue
                readersFinished.append(
                    try WorkerThread.start(
                        name: "qcdc.db.reader\(number)", path: path, configuration: configuration.readerConnection
                    ) { connection in
                        while let jobs = queue.take(limit: 1) {
                            for job in jobs { job(connection) }
                        }
                    })
            }
        } catch {
            // Let the threads already started exit.
            readQueue.close()
            writer.queue.close()
            checkpointer?.closeWithoutWaiting()
            syncer?.closeWithoutWaiting()
            throw error
        }
        self.readersFinished = readersFinished
    }

    deinit {
        // Without close() the threads would wait forever; closing lets them drain and exit.
        readQueue.close()
        writer.queue.close()
        checkpointer?.closeWithoutWaiting()
        syncer?.closeWithoutWaiting()
    }

    /// Runs `body` on a reader connection inside a read transaction.
    @discardableResult
    public func read<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job: @Sendable (Connection) -> Void = { connection in
                continuation.resume(
                    with: Result { try connection.transaction(kind: .deferred) { try body(connection) } })
            }
            if !readQueue.enqueue(job) {
                continuation.resume(throwing: DatabasePoolError.closed(path: path))
            }
        }
    }

    /// Runs `body` in the next group-committed batch and returns once the batch is durably committed.
    /// If `body` throws, only its own changes are rolled back and its error is rethrown. `body` must not
    /// run BEGIN, COMMIT or ROLLBACK itself (use `connection.transaction`, which nests as a savepoint).
    /// `body` may run twice (after its batch's summed counter additions failed to write, the batch's jobs run
    /// again one per transaction), so it should do nothing but database work.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job = BatchedWrite(
                perform: { connection in
                    let value = try body(connection)
                    return { commitError in
                        if let commitError {
                            continuation.resume(throwing: commitError)
                        } else {
                            continuation.resume(returning: value)
                        }
                    }
                },
                fail: { error in continuation.resume(throwing: error) })
            if !writer.queue.enqueue(.batched(job)) {
                continuation.resume(throwing: DatabasePoolError.closed(path: path))
            }
        }
    }

    /// Runs `body` alone on the writer connection, outside any transaction: it manages its own
    /// transactions (`connection.transaction { }`). For imports and migrations.
    @discardableResult
    public func exclusiveWrite<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { [syncer] continuation in
            let job: @Sendable (Connection) -> Void = { connection in
                do {
                    let value = try body(connection)
                    if connection.isInTransaction {
                        connection.rollbackQuietly()
                        continuation.resume(throwing: DatabasePoolError.transactionLeftOpen)
                    } else {
                        // Rare (imports, maintenance): sync here rather than through the syncer's queue.
                        try syncer?.syncNow()
                        continuation.resume(returning: value)
                    }
                } catch {
                    connection.rollbackQuietly()
                    continuation.resume(throwing: error)
                }
            }
            if !writer.queue.enqueue(.exclusive(job)) {
                continuation.resume(throwing: DatabasePoolError.closed(path: path))
            }
        }
    }

    /// Finishes the work already queued, then closes every connection (the writer last, checkpointing
    /// the WAL into the main file). Later calls fail with `DatabasePoolError.closed`.
    public func close() async {
        readQueue.close()
        for finished in readersFinished {
            await finished.wait()
        }
        // Before the writer's final checkpoint, which would otherwise wait for a background one to finish.
        await checkpointer?.close()
        writer.queue.close()
        await writerFinished.wait()
        // After the writer: the replies of its last batches still wait for their fsync.
        await syncer?.close()
    }

    /// Transactions committed by the group-commit writer since the pool opened.
    public var committedBatchCount: Int { writer.committedBatches.load(ordering: .relaxed) }
    /// `write` jobs those transactions carried.
    public var committedWriteCount: Int { writer.committedWrites.load(ordering: .relaxed) }
    /// Checkpoints the background checkpointer completed (0 when checkpoints are left to SQLite).
    public var backgroundCheckpointCount: Int { checkpointer?.completedCheckpoints ?? 0 }
    /// Batch sizes and fsync times since the pool opened, for `/metrics`.
    public var statistics: WriterStatistics {
        let counters = writer.counters
        return WriterStatistics(
            cumulativeBatchCounts: counters.cumulativeBatchCounts(),
            batches: writer.committedBatches.load(ordering: .relaxed),
            writes: writer.committedWrites.load(ordering: .relaxed),
            fsyncs: counters.fsyncs.load(ordering: .relaxed),
            fsyncNanoseconds: counters.fsyncNanoseconds.load(ordering: .relaxed))
    }

    /// WAL fsyncs the syncer thread completed (0 without a syncer).
    var walSyncCount: Int { syncer?.completedSyncs ?? 0 }

    /// Writes waiting for the writer thread (tests use it to line up a batch).
    var queuedWriteCount: Int { writer.queue.count }
}
