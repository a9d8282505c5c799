import Survey

/// One commune in the district's reading list of a day: its report of the day if filed, with how many replies
/// and photos it has.
public struct CommuneReportRow: Sendable, Hashable {
    public let unit: UnitRecord
    public let districtName: String
    public let report: DailyReport?
    public let replies: Int
    public let photos: Int
}
