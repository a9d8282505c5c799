/// Sizing and durability of a `DatabasePool`.
public struct DatabasePoolConfiguration: Sendable {
    /// Reader connections, each on its own thread.
    public var readerCount: Int
    /// `.full` makes a returned `write` survive a power loss; group commit keeps that affordable.
    public var writerSynchronous: SynchronousMode
    public var busyTimeout: Duration
    public var foreignKeys: Bool
    /// Most `write` jobs folded into one transaction.
    public var maximumBatchSize: Int
    /// WAL length (pages) at which a background thread checkpoints; 0 leaves it to SQLite's automatic
    /// checkpoint inside the writer's commits (1,000 pages), which stalls every caller of that batch.
    public var checkpointThresholdFrames: Int
    /// With `writerSynchronous == .full`: commit with NORMAL and fsync the WAL on a thread of its own before
    /// confirming (`WALSyncer`), so the writer never waits for the disk. Confirmed writes are just as durable.
    public var syncsOffWriterThread: Bool

    public init(
        readerCount: Int = 3,
        writerSynchronous: SynchronousMode = .full,
        busyTimeout: Duration = .seconds(5),
        foreignKeys: Bool = true,
        maximumBatchSize: Int = 512,
        checkpointThresholdFrames: Int = 1000,
        syncsOffWriterThread: Bool = true
    ) {
        self.readerCount = max(1, readerCount)
        self.writerSynchronous = writerSynchronous
        self.busyTimeout = busyTimeout
        self.foreignKeys = foreignKeys
        self.maximumBatchSize = max(1, maximumBatchSize)
        self.checkpointThresholdFrames = max(0, checkpointThresholdFrames)
        self.syncsOffWriterThread = syncsOffWriterThread
    }

    /// The WALSyncer gives the writer's commits FULL's guarantee.
    var usesSyncer: Bool { writerSynchronous == .full && syncsOffWriterThread }

    var writerConnection: ConnectionConfiguration {
        ConnectionConfiguration(
            synchronous: usesSyncer ? .normal : writerSynchronous, foreignKeys: foreignKeys,
            busyTimeout: busyTimeout)
    }

    /// The checkpointer syncs what it copies as FULL would.
    var checkpointerConnection: ConnectionConfiguration {
        ConnectionConfiguration(synchronous: writerSynchronous, foreignKeys: foreignKeys, busyTimeout: busyTimeout)
    }

    var readerConnection: ConnectionConfiguration {
        ConnectionConfiguration(readOnly: true, foreignKeys: foreignKeys, busyTimeout: busyTimeout)
    }
}
