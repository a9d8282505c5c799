/// A seeded SplitMix64 generator: the same options always give the same data set, so two benchmark runs measure
/// the same thing and a surprising figure can be reproduced.
package struct BenchRandom: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    package mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    package mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    package mutating func between(_ low: Int, _ high: Int) -> Int {
        Int.random(in: low...high, using: &self)
    }

    /// `expected` rounded up or down at random so that the mean stays `expected`.
    package mutating func rounding(_ expected: Double) -> Int {
        let whole = expected.rounded(.down)
        return Int(whole) + (chance(expected - whole) ? 1 : 0)
    }
}
