/// One figure a periodic report carries, as the `periodic_report_fields` table defines it.
public struct PeriodicReportField: Sendable, Hashable {
    public let code: String
    public let title: String
}
