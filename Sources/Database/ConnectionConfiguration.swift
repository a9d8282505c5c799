/// How a `Connection` opens its file and which pragmas it sets.
public struct ConnectionConfiguration: Sendable {
    /// Open with SQLITE_OPEN_READONLY: the reader connections of a pool. The file must already exist.
    public var readOnly: Bool
    /// Switch the file to WAL (checked; opening fails if SQLite refuses). Read-only connections only
    /// verify that the file already is in WAL mode.
    public var journalModeWAL: Bool
    public var synchronous: SynchronousMode
    public var foreignKeys: Bool
    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    public var busyTimeout: Duration
    /// Prepared statements kept by `cachedStatement(_:)`; the cache is emptied when it would grow beyond.
    public var statementCacheLimit: Int

    public init(
        readOnly: Bool = false,
        journalModeWAL: Bool = true,
        synchronous: SynchronousMode = .full,
        foreignKeys: Bool = true,
        busyTimeout: Duration = .seconds(5),
        statementCacheLimit: Int = 256
    ) {
        self.readOnly = readOnly
        self.journalModeWAL = journalModeWAL
        self.synchronous = synchronous
        self.foreignKeys = foreignKeys
        self.busyTimeout = busyTimeout
        self.statementCacheLimit = statementCacheLimit
    }

    /// Milliseconds for `sqlite3_busy_timeout`, clamped into its Int32 range.
    var busyTimeoutMilliseconds: Int32 {
        let (seconds, attoseconds) = busyTimeout.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }
}
