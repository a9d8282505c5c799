import Survey

/// The roll-up of one district's units. Absent altogether where the unit set has no districts.
public struct DistrictSummary: Sendable, Hashable {
    public let code: String
    public let name: String
    /// Units at commune level (a district desk is counted in the figures, not here).
    public let communes: Int
    public let reportedToday: Int
    public let answers: Int
    public let visitors: Int
    public let statusCounts: [QuotaStatus: Int]
    /// Pooled over the option counts of the district's units; nil before any evaluative answer.
    public let satisfiedShare: Double?
    /// Its communes whose satisfied share reaches the threshold (`ThresholdCount`, the province card's rule).
    public let communesMeetingThreshold: Int
    /// communesMeetingThreshold ÷ communes; nil for a district without communes in the campaign.
    public let shareMeetingThreshold: Double?
}
