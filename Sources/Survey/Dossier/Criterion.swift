/// One criterion of a set, or a sub-criterion (`parentCode` names its criterion). Points are given on criteria
/// without sub-criteria; a parent's points are the sum of its sub-criteria's.
public struct Criterion: Sendable, Hashable {
    /// "1", "2", "2.1"…: what the page and the score table show.
    public let code: String
    public let parentCode: String?
    public let title: String
    public let maxPoints: Double
    /// Part of the pass rule: the criterion (with its sub-criteria added up) must reach it.
    public let minimumPoints: Double?
    /// The criterion whose self score is proposed from the year's satisfaction index.
    public let isSatisfaction: Bool

    public init(
        code: String, parentCode: String? = nil, title: String, maxPoints: Double, minimumPoints: Double? = nil,
        isSatisfaction: Bool = false
    ) {
        self.code = code
        self.parentCode = parentCode
        self.title = title
        self.maxPoints = maxPoints
        self.minimumPoints = minimumPoints
        self.isSatisfaction = isSatisfaction
    }
}
