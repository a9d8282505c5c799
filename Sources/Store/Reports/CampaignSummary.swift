import Survey

/// A campaign at a glance: the province dashboard's header and the API's campaign object.
public struct CampaignSummary: Sendable, Hashable {
    public let id: Int64
    public let formCode: String
    public let title: String
    public let startsOn: LocalDate
    public let endsOn: LocalDate
    public let units: Int
    public let answers: Int
    public let answersToday: Int
    /// Visitors on reported days, every unit.
    public let visitors: Int
    public let reportedToday: Int
    /// Every status present, zero included.
    public let statusCounts: [QuotaStatus: Int]
    /// SIPAS satisfied share over every option count of the campaign; nil before any evaluative answer.
    public let satisfiedShare: Double?
    /// The `satisfaction_threshold` setting (0.8 unless changed).
    public let satisfactionThreshold: Double
    public let unitsMeetingThreshold: Int
    /// unitsMeetingThreshold / units; a unit without answers does not meet it. nil for a campaign without units.
    public let shareMeetingThreshold: Double?
    /// The `yearly_target_share` setting (0.6 unless changed).
    public let yearlyTargetShare: Double

    public var meetsYearlyTarget: Bool {
        guard let shareMeetingThreshold else { return false }
        return shareMeetingThreshold + 1e-9 >= yearlyTargetShare
    }
}
