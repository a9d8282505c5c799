/// The mapping from the year's satisfaction index (0–100) to the satisfaction criterion's points, as data: the
/// band with the highest minimum the index reaches gives its points ("≥ 90 → 20, ≥ 85 → 18, …"). An index below
/// every band, or no index at all (a commune without enough answers), gives 0.
public struct SatisfactionBands: Sendable, Hashable {
    public struct Band: Sendable, Hashable {
        public let minimumIndex: Double
        public let points: Double

        public init(minimumIndex: Double, points: Double) {
            self.minimumIndex = minimumIndex
            self.points = points
        }
    }

    /// Highest minimum first.
    public let bands: [Band]

    public init(_ bands: [Band]) {
        self.bands = bands.sorted { $0.minimumIndex > $1.minimumIndex }
    }

    /// The band an index falls in; nil without an index or below every band. The index is compared after
    /// rounding to 1e-9, so 90 computed as 0.9 × 100 (89.99999999999999) is in the "≥ 90" band.
    public func band(forIndex index: Double?) -> Band? {
        guard let index, index.isFinite else { return nil }
        let rounded = (index * 1e9).rounded() / 1e9
        return bands.first { rounded >= $0.minimumIndex }
    }

    /// The proposed points for an index on the 0–100 scale.
    public func points(forIndex index: Double?) -> Double {
        band(forIndex: index)?.points ?? 0
    }

    /// The proposed points for a satisfied share (0–1), the form in which the year's results hold the index.
    public func points(forShare share: Double?) -> Double {
        points(forIndex: share.map { $0 * 100 })
    }
}
