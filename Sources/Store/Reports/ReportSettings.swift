import Database

/// The operator-tunable numbers the summaries use, from the `settings` table.
public struct ReportSettings: Sendable, Hashable {
    public var satisfactionThreshold: Double
    public var yearlyTargetShare: Double

    public static let standard = ReportSettings(satisfactionThreshold: 0.8, yearlyTargetShare: 0.6)

    public init(satisfactionThreshold: Double, yearlyTargetShare: Double) {
        self.satisfactionThreshold = satisfactionThreshold
        self.yearlyTargetShare = yearlyTargetShare
    }

    /// A missing or unreadable value falls back to the standard one rather than breaking every dashboard.
    public static func load(_ connection: Connection) throws -> ReportSettings {
        func share(_ key: String, _ fallback: Double) throws -> Double {
            guard let text: String = try connection.scalar("SELECT value FROM settings WHERE key = ?", [key]),
                let value = Double(text), value >= 0, value <= 1
            else { return fallback }
            return value
        }
        return ReportSettings(
            satisfactionThreshold: try share("satisfaction_threshold", standard.satisfactionThreshold),
            yearlyTargetShare: try share("yearly_target_share", standard.yearlyTargetShare))
    }
}
