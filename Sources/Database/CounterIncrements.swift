/// The statement that adds to one kind of counter row. It takes the key's values, then the amount:
///
///     INSERT INTO hits (page, day, hits) VALUES (?, ?, ?)
///     ON CONFLICT (page, day) DO UPDATE SET hits = hits + excluded.hits
///
/// Create each once (a `static let`): batches group additions by the upsert's identity, so its SQL text is not
/// hashed again for every addition.
public final class CounterUpsert: Sendable {
    public let sql: String

    public init(_ sql: String) {
        self.sql = sql
    }
}

/// One addition to one counter row, as a write job makes it.
struct CounterAddition {
    let upsert: CounterUpsert
    let key: [DatabaseValue]
    let amount: Int64
}

/// Additions to counter rows, summed per row until they are written.
///
/// The group-commit writer collects the additions of every job in a batch: thirty answers for one commune then
/// add 30 to each of its counter rows with one statement per row, instead of thirty statements per row. The
/// sums are written just before the batch's COMMIT, in the same transaction, so counters and the rows they
/// count still commit together.
struct CounterIncrements {
    private struct Counter: Hashable {
        let upsert: ObjectIdentifier
        let key: [DatabaseValue]
    }

    private var amounts: [Counter: Int64] = [:]
    /// First-seen order, so the same batch always writes in the same order.
    private var order: [(counter: Counter, upsert: CounterUpsert)] = []

    var isEmpty: Bool { order.isEmpty }

    mutating func add(_ addition: CounterAddition) {
        let counter = Counter(upsert: ObjectIdentifier(addition.upsert), key: addition.key)
        if let current = amounts[counter] {
            amounts[counter] = current + addition.amount
        } else {
            amounts[counter] = addition.amount
            order.append((counter, addition.upsert))
        }
    }

    /// Runs each counter's upsert once, with its key followed by the summed amount.
    func write(on connection: Connection) throws {
        for (counter, upsert) in order {
            let statement = try connection.cachedStatement(upsert.sql)
            defer { statement.reset() }
            for (offset, value) in counter.key.enumerated() {
                try statement.bind(value, at: offset + 1)
            }
            try statement.bind(.integer(amounts[counter] ?? 0), at: counter.key.count + 1)
            try statement.run()
        }
    }
}

extension Connection {
    /// Adds `amount` to the counter row that `upsert` writes for `key`.
    ///
    /// Inside a `DatabasePool.write` job the addition is summed with the batch's other additions to the same
    /// row and written once, just before the batch's COMMIT and in the same transaction: it commits exactly
    /// when the job's own rows do, and is dropped with them if the job fails. Until then reads do not see it,
    /// so a job must not read back a counter it just added to. Anywhere else the row is written at once.
    public func addToCounter(_ upsert: CounterUpsert, key: [DatabaseValue], amount: Int64 = 1) throws {
        let addition = CounterAddition(upsert: upsert, key: key, amount: amount)
        if deferredAdditions != nil {
            deferredAdditions?.append(addition)
            return
        }
        var now = CounterIncrements()
        now.add(addition)
        try now.write(on: self)
    }
}
