import Synchronization

/// In-memory counters for the public doors: at most `limit` events per key in any `window` seconds (a sliding
/// window, exact to the second: a key keeps one count per second that has events, oldest first).
///
/// An event is reserved before the work it stands for and released if the work turned out not to count (a
/// resend of a stored answer, a lookup that found its code), so parallel requests can never pass the limit.
///
/// Each reservation costs O(1) amortised whatever the limit (a load test raises it to millions): expired seconds
/// leave from the front by moving a start index, the key's entry is changed in place in the table (never copied),
/// and the running total answers "how many in the window". Memory stays bounded: when the table passes
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
        /// Seconds with events and their counts, oldest first, from `start` on.
        var seconds: [Int64] = []
        var counts: [Int] = []
        var start = 0
        var total = 0
        var window: Int64 = 0
        var latest: Int64 { seconds.last ?? 0 }

        mutating func expire(now: Int64) {
            while start < seconds.count, seconds[start] <= now - window {
                total -= counts[start]
                start += 1
            }
            // Drop the expired prefix once it is most of the arrays, so memory follows the window.
            if start > 32, start * 2 > seconds.count {
                seconds.removeFirst(start)
                counts.removeFirst(start)
                start = 0
            }
        }

        mutating func add(_ now: Int64) {
            if seconds.count > start, seconds[seconds.count - 1] == now {
                counts[counts.count - 1] += 1
            } else {
                seconds.append(now)
                counts.append(1)
            }
            total += 1
        }

        /// Takes back one event of `instant`; true when nothing is left.
        mutating func release(at instant: Int64) -> Bool {
            var index = seconds.count - 1
            while index >= start, seconds[index] > instant { index -= 1 }
            if index >= start, seconds[index] == instant, counts[index] > 0 {
                counts[index] -= 1
                total -= 1
            }
            return total == 0
        }

        /// Seconds until the window holds fewer than `limit` events (at least 1).
        func retryAfter(limit: Int, now: Int64) -> Int64 {
            var remaining = total
            for index in start..<seconds.count {
                remaining -= counts[index]
                if remaining < limit { return max(1, seconds[index] + window - now) }
            }
            return 1
        }
    }

    let maximumKeys: Int
    private let table = Mutex<[String: Entry]>([:])

    init(maximumKeys: Int = 100_000) {
        self.maximumKeys = max(1, maximumKeys)
    }

    func reserve(_ key: String, limit: Int, window: Int64, now: Int64) -> Decision {
        table.withLock { table in
            let decision = Self.reserve(&table[key, default: Entry()], limit: limit, window: window, now: now)
            if case .allowed = decision, table.count > maximumKeys { prune(&table, now: now) }
            return decision
        }
    }

    private static func reserve(_ entry: inout Entry, limit: Int, window: Int64, now: Int64) -> Decision {
        entry.window = window
        entry.expire(now: now)
        if entry.total >= limit { return .refused(retryAfter: entry.retryAfter(limit: limit, now: now)) }
        entry.add(now)
        return .allowed(at: now)
    }

    /// Takes back one event reserved at `instant`.
    func release(_ key: String, at instant: Int64) {
        table.withLock { table in
            // Changed in place through the optional: a local copy would make the arrays copy themselves.
            if table[key]?.release(at: instant) == true { table[key] = nil }
        }
    }

    /// Events of `key` inside its window now (for tests and the log).
    func count(_ key: String, now: Int64) -> Int {
        table.withLock { table in
            guard let entry = table[key] else { return 0 }
            return entry.seconds.indices.filter { $0 >= entry.start && entry.seconds[$0] > now - entry.window }
                .reduce(0) { $0 + entry.counts[$1] }
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
