import Database
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
    /// Answers carrying a flag, open or confirmed (`response_reviews`; cleared ones are not flagged any more).
    public var flagged = 0
    /// Of those, the ones a province user confirmed: they are out of every count and share.
    public var flaggedConfirmed = 0
    /// The reasons of the open (not yet reviewed) flags, in `FlagReason` order.
    package var flagReasons: [FlagReason] = []

    /// Flagged answers still counted in the figures.
    public var flaggedOpen: Int { flagged - flaggedConfirmed }
    public var quotaStatus: QuotaStatus { quota.status }
    public var reportedDays: Int { reportsOnTime + lateReports }
}

extension CommuneSummary {
    /// One row of `CampaignFigures.unitsSQL`, read by column name; the quota rule and the satisfied share (from
    /// the option counters) are worked out here, so every output shows the same figures.
    package init(row: Row, campaign: ReportingCampaign, satisfiedShare: Double?) throws {
        let answers = try row.int("answers")
        let onReportedDays = try row.int("reported_answers")
        let visitors = try row.int("visitors")
        let days = try row.int("report_days")
        let onTime = try row.int("on_time_reports")
        let headcount = try row.optionalInt("headcount")
        let quota =
            campaign.countsOfficials
            ? QuotaCheck(
                rule: campaign.record.quota, basis: .headcount, answers: answers, base: headcount ?? 0,
                uncountedAnswers: 0, hasReport: headcount != nil)
            : QuotaCheck(
                rule: campaign.record.quota, basis: .visitors, answers: onReportedDays, base: visitors,
                uncountedAnswers: answers - onReportedDays, hasReport: days > 0)
        let reportedToday: ReportedToday =
            switch try row.optionalInt("report_today") {
            case 2: .onTime
            case 1: .late
            default: .missing
            }
        self.init(
            unitID: try row.int64("unit_id"), code: try row.string("code"), name: try row.string("name"),
            level: try row.string("level"), districtCode: try row.optionalString("district_code"),
            districtName: try row.optionalString("district_name"), answers: answers,
            answersToday: try row.int("answers_today"), answersOnReportedDays: onReportedDays,
            answersOnUnreportedDays: answers - onReportedDays, visitors: visitors, headcount: headcount,
            quota: quota, satisfiedShare: satisfiedShare, reportsOnTime: onTime, lateReports: days - onTime,
            lastReportDate: try row.optionalString("last_report_date").flatMap { LocalDate(iso: $0) },
            reportedToday: reportedToday, suggestionsWaiting: try row.int("suggestions_waiting"))
        flagged = try row.int("flagged")
        flaggedConfirmed = try row.int("flagged_confirmed")
        flagReasons = FlagReason.sorted(
            (try row.optionalString("flag_reasons") ?? "").split(separator: ",").compactMap {
                FlagReason(rawValue: String($0))
            })
    }
}
