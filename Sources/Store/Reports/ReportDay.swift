import Survey

/// A unit's reporting day as its report page shows it: the open campaigns that count the report of that day, and
/// the window they give it (`ReportingCampaign.window(of:)`).
public struct ReportDay: Sendable, Hashable {
    public let unitID: Int64
    public let date: LocalDate
    /// The open campaigns covering the unit on that day, by id; empty: no report is taken for the day.
    public let campaigns: [CampaignRecord]
    /// From the earliest start to the latest end of their windows; nil when no campaign covers the day.
    public let window: ReportingWindow?
}
