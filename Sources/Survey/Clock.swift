import Synchronization

/// The one source of "now" for every rule, injected so tests and rehearsals can move time.
public protocol Clock: Sendable {
    /// Unix seconds, UTC, with a fraction.
    func now() -> Double
    /// Set when the clock is not the real one, so every page can show a banner.
    var isSimulated: Bool { get }
}

extension Clock {
    public var nowSeconds: Int64 { Int64(now().rounded(.down)) }
    public var nowMilliseconds: Int64 { Int64((now() * 1000).rounded(.down)) }
    public var today: LocalDate { VietnamTime.localDate(at: nowSeconds) }
}

/// Wall-clock time, read through a closure so this module needs no Foundation.
public struct SystemClock: Clock {
    private let read: @Sendable () -> Double

    public init(read: @escaping @Sendable () -> Double) {
        self.read = read
    }

    public func now() -> Double { read() }
    public var isSimulated: Bool { false }
}

/// Starts at a chosen instant and then runs with real time: for training and rehearsals
/// (`qcdc serve --simulate-time 2024-06-12T16:45:00+07:00`).
public struct SimulatedClock: Clock {
    private let base: any Clock
    private let offset: Double

    public init(startingAt instant: Double, base: any Clock) {
        self.base = base
        self.offset = instant - base.now()
    }

    public func now() -> Double { base.now() + offset }
    public var isSimulated: Bool { true }
}

/// A clock that stands still until moved: for tests.
public final class FixedClock: Clock {
    private let current: Mutex<Double>

    public init(_ instant: Double) {
        current = Mutex(instant)
    }

    public func now() -> Double { current.withLock { $0 } }
    public var isSimulated: Bool { false }

    public func set(_ instant: Double) { current.withLock { $0 = instant } }
    public func advance(by seconds: Double) { current.withLock { $0 += seconds } }
}
