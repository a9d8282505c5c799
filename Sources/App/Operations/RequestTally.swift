import HTTP
import Synchronization

/// Requests by route template, method and status, and their latencies, as `/metrics` shows them.
///
/// Every request records here, on the event loops, so a record is one uncontended lock around integer updates:
/// the key is three small integers and the histogram is fixed buckets. (swift-prometheus's registry, which the
/// scrape-time figures use, builds a string key and takes the registry's lock per `makeCounter`; at tens of
/// thousands of requests a second that showed in the profile, issue 18.) The text is written at scrape time.
final class RequestTally: Sendable {
    struct Key: Hashable {
        let templateIndex: Int
        let method: HTTPMethod
        let status: Int
    }

    struct State {
        var counts: [Key: Int] = [:]
        var buckets: [Int]
        var count = 0
        var totalNanoseconds: Int64 = 0
    }

    /// Upper bounds of the latency buckets, in nanoseconds, ascending.
    let bucketBounds: [Int64]
    private let state: Mutex<State>

    init(bucketBounds: [Duration]) {
        self.bucketBounds = bucketBounds.map(Self.nanoseconds)
        state = Mutex(State(buckets: Array(repeating: 0, count: bucketBounds.count)))
    }

    func record(templateIndex: Int, method: HTTPMethod, status: Int, duration: Duration) {
        let nanoseconds = Self.nanoseconds(duration)
        let bucket = bucketBounds.firstIndex { nanoseconds <= $0 }
        state.withLock { state in
            state.counts[Key(templateIndex: templateIndex, method: method, status: status), default: 0] += 1
            if let bucket { state.buckets[bucket] += 1 }
            state.count += 1
            state.totalNanoseconds += nanoseconds
        }
    }

    var snapshot: State { state.withLock { $0 } }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
