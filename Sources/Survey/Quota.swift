/// Whether a unit's answers fit the visitors it reported. Over the campaign days that have a report:
/// R answers, V visitors, tolerance t, floor F for busy units (applied to the campaign total);
/// lower = min(ceil(V × (1 − t)), F), upper = floor(V × (1 + t)).
public struct QuotaRule: Sendable, Hashable {
    /// Tolerance in per-mille (500 = ±50%), so bounds are exact integers with no floating-point drift
    /// (10 × (1 − 0.3) is 7.000000000000001 in binary floating point, whose ceiling would be 8).
    public let tolerancePerMille: Int
    public let busyFloor: Int

    public static let standard = QuotaRule(tolerance: 0.5, busyFloor: 20)

    public init(tolerance: Double, busyFloor: Int) {
        tolerancePerMille = min(1000, max(0, Int((tolerance * 1000).rounded())))
        self.busyFloor = max(0, busyFloor)
    }

    public func lowerBound(visitors: Int) -> Int {
        let scaled = visitors * (1000 - tolerancePerMille)
        return min((scaled + 999) / 1000, busyFloor)
    }

    public func upperBound(visitors: Int) -> Int {
        visitors * (1000 + tolerancePerMille) / 1000
    }

    /// `answers` and `visitors` count only days that have a report; `hasReport` is whether any day has one.
    public func status(answers: Int, visitors: Int, hasReport: Bool) -> QuotaStatus {
        guard hasReport else { return .notReported }
        if answers < lowerBound(visitors: visitors) { return .short }
        if answers > upperBound(visitors: visitors) { return .over }
        return .met
    }
}

public enum QuotaStatus: String, Sendable, Hashable, CaseIterable {
    case notReported = "chua_bao_cao"
    case short = "thieu"
    case met = "dat"
    case over = "vuot"

    /// What the dashboards print.
    public var label: String {
        switch self {
        case .notReported: "chưa báo cáo"
        case .short: "thiếu"
        case .met: "đạt"
        case .over: "vượt"
        }
    }
}
