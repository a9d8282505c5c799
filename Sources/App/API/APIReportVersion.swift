import Store
import Survey

/// One version of a unit's daily report as the reading page shows it: every figure and text the commune filed,
/// when, and whether inside the window. The current report is its last version.
struct APIReportVersion: Encodable, Sendable {
    let version: Int
    let filedAt: String
    let onTime: Bool
    let lateEntry: Bool
    let visitors: Int
    let guided: Int
    let staffOnDuty: Int
    let volunteers: Int
    /// The channels' codes in the paper form's order (`PublicityChannel`).
    let publicity: [String]
    let difficulties: String
    let proposals: String

    init(_ report: DailyReport) {
        version = report.version
        filedAt = VietnamTime.timestampText(at: report.submittedAt)
        onTime = report.onTime
        lateEntry = report.lateEntryOpeningID != nil
        visitors = report.visitors
        guided = report.guided
        staffOnDuty = report.staffOnDuty
        volunteers = report.volunteers
        publicity = report.publicity.sorted().map(\.rawValue)
        difficulties = report.difficulties
        proposals = report.proposals
    }
}
