/// The pass rule applied to a dossier's points: the total against the set's pass total and every per-criterion
/// minimum. Incomplete points (`missing`) give no verdict yet.
public struct PassVerdict: Sendable, Hashable {
    public enum Shortfall: Sendable, Hashable {
        case total(total: Double, required: Double)
        case criterion(code: String, points: Double, required: Double)
    }

    public let total: Double
    /// Scorable criteria without points.
    public let missing: [String]
    public let shortfalls: [Shortfall]

    public var complete: Bool { missing.isEmpty }
    /// Complete and short of nothing.
    public var passes: Bool { complete && shortfalls.isEmpty }
}
