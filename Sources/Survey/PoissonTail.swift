#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Upper quantiles of the Poisson distribution, for "repeated beyond what chance predicts": if a vector of answers
/// has probability p and n answers arrive, its copies are close to Poisson(λ = n·p) when p is small. The quantile
/// at a tiny α is a count that honest answers reach with probability at most α.
public enum PoissonTail {
    /// The smallest k with P(X ≥ k) ≤ alpha for X ~ Poisson(lambda). Summed in log space from 0, so a large λ does
    /// not underflow e^−λ; stops once the lower tail reaches 1 − α.
    public static func upperQuantile(lambda: Double, alpha: Double) -> Int {
        guard lambda > 0 else { return 1 }
        let alpha = min(max(alpha, 1e-15), 0.5)
        var cumulative = 0.0
        var k = 0
        let limit = Int(lambda + 40 * lambda.squareRoot() + 100)
        while k < limit {
            cumulative += exp(-lambda + Double(k) * log(lambda) - lgamma(Double(k) + 1))
            // cumulative = P(X ≤ k), so P(X ≥ k + 1) = 1 − cumulative.
            if 1 - cumulative <= alpha { return k + 1 }
            k += 1
        }
        return limit
    }
}
