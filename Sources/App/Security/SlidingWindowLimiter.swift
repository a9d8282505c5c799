import Synchronization

/// In-memory counters for the public doors: at most `limit` events per key in any `window` seconds (a sliding
/// window, exact to the second: the instants themselves are kept, at most `limit` per key).
///
/// An event is reserved before the work it stands for and released if the work turned out not to count (a
/// resend of a stored answer, a lookup that found its code), so parallel requests can never pass the limit.
///
/// Memory stays bounded: a key's expired instants go whenever it is touched, and when the table passes
/// `maximumKeys` every expired key is dropped, then the keys idle longest until it is a tenth below the cap.
/// Dropping a live key forgets its count (it may start again), which only happens while something creates
/// more keys than the cap in one window; the cap is set far above what a province's communes produce.
final class SlidingWindowLimiter: Sendable {
    enum Decision: Sendable, Equatable {
        /// Counted at this instant; pass it to `release` if the event turns out not to count.
        case allowed(at: Int64)
        /// Full; the oldest event in the window leaves after this many seconds (at least 1).
        case refused(retryAfter: Int64)
    }

    private struct Entry {
        var instants: [Int64]
        var window: Int64
        var latest: Int64 { instants.last ?? 0 }
    }

    let maximumKeys: Int
    private let table = Mutex<[String: Entry]>([:])

    init(maximumKeys: Int = 100_000) {
        self.maximumKeys = max(1, maximumKeys)
    }

    func reserve(_ key: String, limit: Int, window: Int64, now: Int64) -> Decision {
        table.withLock { table in
            var entry = table[key] ?? Entry(instants: [], window: window)
            entry.window = window
            entry.instants.removeAll { $0 <= now - window }
            if entry.instants.count >= limit {
                table[key] = entry
                let oldest = entry.instants[entry.instants.count - limit]
                return .refused(retryAfter: max(1, oldest + window - now))
            }
            entry.instants.append(now)
            table[key] = entry
            if table.count > maximumKeys { prune(&table, now: now) }
            return .allowed(at: now)
        }
    }

    /// Takes back one event reserved at `instant`.
    func release(_ key: String, at instant: Int64) {
        table.withLock { table in
            guard var entry = table[key], let index = entry.instants.lastIndex(of: instant) else { return }
            entry.instants.remove(at: index)
            table[key] = entry.instants.isEmpty ? nil : entry
        }
    }

    /// Events of `key` inside its window now (for tests and the log).
    func count(_ key: String, now: Int64) -> Int {
        table.withLock { table in
            guard let entry = table[key] else { return 0 }
            return entry.instants.count { $0 > now - entry.window }
        }
    }

    var keyCount: Int { table.withLock { $0.count } }

    private func prune(_ table: inout [String: Entry], now: Int64) {
        table = table.filter { $0.value.latest > now - $0.value.window }
        let target = maximumKeys - maximumKeys / 10
        guard table.count > target else { return }
        let idlest = table.sorted { $0.value.latest < $1.value.latest }.prefix(table.count - target)
        for (key, _) in idlest { table[key] = nil }
    }
}
