/// Work queued for the writer thread.
enum WriterJob: Sendable {
    /// Joins a group-committed batch: runs inside the batch's transaction, in its own savepoint.
    case batched(BatchedWrite)
    /// Runs alone, outside any transaction; owns the connection until it returns.
    case exclusive(@Sendable (Connection) -> Void)

    var joinsBatch: Bool {
        if case .batched = self { return true }
        return false
    }
}

/// One `DatabasePool.write` call, split so that its result is handed over only after COMMIT.
struct BatchedWrite: Sendable {
    /// Hands the caller its result, or the commit error when the batch's COMMIT failed.
    typealias Delivery = @Sendable (_ commitError: (any Error)?) -> Void

    /// Runs the caller's body; throws its error. The returned delivery must be called exactly once.
    let perform: @Sendable (Connection) throws -> Delivery
    /// Fails the caller; used instead of `perform`'s delivery, never together with it.
    let fail: @Sendable (any Error) -> Void
}
