/// Failures of the pool itself, as opposed to SQLite errors from the work it runs.
public enum DatabasePoolError: Error, Sendable, Equatable {
    /// The pool was closed before this work could be queued.
    case closed(path: String)
    /// An exclusive write returned with a transaction still open; it was rolled back.
    case transactionLeftOpen
    /// SQLite rolled the whole batch transaction back (for example after an I/O error or a full disk in
    /// another job of the batch), taking this job's changes with it. Retrying is safe.
    case batchRolledBack(reason: String)
    /// The WAL could not be synced to disk, now or earlier: whether committed writes survive a power loss is
    /// unknown, so no write is confirmed until the server restarts.
    case syncFailed(reason: String)
}

extension DatabasePoolError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .closed(let path):
            "the database pool for \(path) is closed; the server is shutting down"
        case .transactionLeftOpen:
            "an exclusive write returned with its transaction still open; it was rolled back — end it with COMMIT"
        case .batchRolledBack(let reason):
            "the write was rolled back together with its batch because SQLite aborted the transaction: \(reason)"
        case .syncFailed(let reason):
            "the database could not be synced to disk (\(reason)); restart the server after checking the disk"
        }
    }
}
