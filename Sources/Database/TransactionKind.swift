/// How `BEGIN` takes its locks.
public enum TransactionKind: String, Sendable {
    /// Takes no lock until the first read or write. A read that later upgrades to a write can fail with
    /// SQLITE_BUSY that no timeout fixes, so writers should not use it.
    case deferred = "DEFERRED"
    /// Takes the write lock at BEGIN, waiting up to the busy timeout: the right choice for every write.
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}
