import BenchData
import Foundation

/// The distributions the simulation draws from, over the benchmark's seeded generator: the same seed always
/// gives the same traffic.
extension BenchRandom {
    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(unit(), 1e-12)
        let u2 = unit()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// Log-normal with the given median and spread (σ of the logarithm).
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * Foundation.exp(sigma * normal())
    }

    /// Poisson by inversion (small means) or its normal approximation (large ones).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 40 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
        let limit = Foundation.exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            product *= unit()
            count += 1
        }
        return count
    }

    /// An index drawn with the given weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    mutating func element<T>(_ items: [T]) -> T {
        items[between(0, items.count - 1)]
    }
}
