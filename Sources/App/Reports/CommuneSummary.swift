import Survey

/// One unit of a campaign as the dashboards and the API show it. Named for communes, which almost all units
/// are; a district one-stop desk (PKS05) appears too, with `level == "district"` and itself as its district.
public struct CommuneSummary: Sendable, Hashable {
    public let unitID: Int64
    public let code: String
    public let name: String
    public let level: String
    /// nil when the unit set has no districts (the two-level map from 2025).
    public let districtCode: String?
    public let districtName: String?
    public let answers: Int
    public let answersToday: Int
    public let answersOnReportedDays: Int
    public let answersOnUnreportedDays: Int
    /// Visitors summed over reported days.
    public let visitors: Int
    /// PKS01 only: officials and staff, entered once.
    public let headcount: Int?
    public let quota: QuotaCheck
    /// SIPAS satisfied share over the unit's option counts; nil before any evaluative answer.
    public let satisfiedShare: Double?
    public let reportsOnTime: Int
    public let lateReports: Int
    public let lastReportDate: LocalDate?
    public let reportedToday: ReportedToday
    /// Suggestions in the unit's box still new or in progress (every round).
    public let suggestionsWaiting: Int

    public var quotaStatus: QuotaStatus { quota.status }
    public var reportedDays: Int { reportsOnTime + lateReports }
}
