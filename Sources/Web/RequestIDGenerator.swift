import Synchronization

/// Gives each request a short id: a random per-process prefix (so ids from two runs don't collide in the
/// logs) and a counter. Cheap: one atomic increment per request.
final class RequestIDGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        var generator = SystemRandomNumberGenerator()
        let random = UInt32.random(in: 0...UInt32.max, using: &generator)
        let hex = String(random, radix: 16)
        prefix = String(repeating: "0", count: 8 - hex.count) + hex
    }

    func next() -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(number, radix: 36)
    }
}
