/// Failures of the pool itself, as opposed to SQLite errors from the work it runs.
public enum DatabasePoolError: Error, Sendable, Equatable {
    /// The pool was closed before this work could be queued.
    case closed(path: String)
    /// An exclusive write returned with a transaction still open; it was rolled back.
    case transactionLeftOpen
    /// SQLite rolled the whole batch transaction back (for example after an I/O error or a full disk in
    /// another job of the batch), taking this job's changes with it. Retrying is safe.
    case batchRolledBack(reason: String)
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
        }
    }
}
