import Survey

/// One unit of one campaign in full, for the unit's page in that campaign: its row of the dashboard's table, its
/// satisfaction per question, its answers per day and its daily reports day by day.
public struct CampaignUnitSummary: Sendable {
    /// Where a day's report stands for this unit.
    public enum ReportState: String, Sendable, Hashable {
        case onTime = "dung_gio"
        case late = "muon"
        /// No report, and the day's window has closed.
        case missing = "chua_bao_cao"
        /// No report yet for today, whose window has not closed: not missing yet.
        case notDue = "chua_den_han"

        public var label: String {
            switch self {
            case .onTime: "Đúng giờ"
            case .late: "Muộn"
            case .missing: "Không có"
            case .notDue: "Chưa đến hạn"
            }
        }
    }

    /// A campaign day up to today with the unit's current report of it, if any.
    public struct Day: Sendable, Hashable {
        public let date: LocalDate
        public let report: DailyReport?
        public let state: ReportState
    }

    public let campaign: CampaignRecord
    /// The unit's figures, exactly as the dashboard's table shows them.
    public let unit: CommuneSummary
    public let questions: [QuestionSatisfaction]
    /// Answers per day from the first day through today (or the last day), zero for quiet days.
    public let answersPerDay: [DailyAnswerCount]
    /// The campaign's days through today (or its last day), newest first: what a district checks first is
    /// yesterday and today.
    public let days: [Day]

    /// Days whose window has closed without a report.
    public var reportsMissing: Int { days.filter { $0.state == .missing }.count }

    /// The state of a day for a unit: from its report when there is one; otherwise missing once the day is over or
    /// its window has closed (`now` on `today`), not due before that.
    package static func state(
        of date: LocalDate, report: DailyReport?, today: LocalDate, now: Int64, window: ReportingWindow
    ) -> ReportState {
        if let report { return report.onTime ? .onTime : .late }
        if date < today { return .missing }
        if case .after = window.position(at: now), date == today { return .missing }
        return .notDue
    }
}
