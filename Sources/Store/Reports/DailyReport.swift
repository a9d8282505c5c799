import Survey

/// A filed daily report: the current version of a unit's report of a day (counted by every campaign covering that
/// day), or one version from its history.
public struct DailyReport: Sendable, Hashable {
    public let id: Int64
    public let unitID: Int64
    public let date: LocalDate
    public let visitors: Int
    public let guided: Int
    public let staffOnDuty: Int
    public let volunteers: Int
    public let publicity: Set<PublicityChannel>
    public let difficulties: String
    public let proposals: String
    /// Whether this version was filed inside the window; for the current report, its current version.
    public let onTime: Bool
    public let version: Int
    public let submittedAt: Int64
    public let submittedBy: Int64?
    /// Set when this version came through a late-entry opening.
    public let lateEntryOpeningID: Int64?
    /// For a version moved by migration 0011 from a per-campaign report: the campaign it was filed under.
    public var filedUnderCampaignID: Int64? = nil
}
