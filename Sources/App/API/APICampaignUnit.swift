import Store
import Survey

/// `GET /api/v1/campaigns/{id}/communes/{code}`: what the unit's page in the campaign shows
/// (`CampaignUnitSummary`). `commune` is the unit's item of `GET …/communes`, byte for byte the same keys and values
/// (`APICommuneItem`); beside it the figures only the pages have: today's answers and report, the suggestions
/// waiting (a commune's dashboard), the quota's numbers, the report days missed, satisfaction per question, and the
/// campaign's days through today (oldest first) with the unit's answers and its daily report of each. Every key is
/// always written, `null` where a value is missing.
struct APICampaignUnit: Encodable, Sendable {
    struct Quota: Encodable, Sendable {
        /// "visitors" (visitors on reported days) or "headcount" (PKS01: the officials' headcount).
        let basis: String
        /// Answers that count: those of reported days (every answer for a headcount).
        let answers: Int
        let base: Int
        let lowerBound: Int
        let upperBound: Int
        /// Answers of days without a report: shown beside, never counted.
        let uncountedAnswers: Int
    }

    struct Reports: Encodable, Sendable {
        let onTime: Int
        let late: Int
        /// Days whose window has closed without a report.
        let missing: Int
    }

    let commune: APICommuneItem
    let answersToday: Int
    /// Today's report for this campaign: "dung_gio", "muon" or "chua_bao_cao" (a commune's dashboard card).
    let reportedToday: String
    /// Suggestions in the unit's box still waiting for an answer (a commune's dashboard card).
    let suggestionsWaiting: Int
    let quota: Quota
    let reports: Reports
    let questions: [APIQuestionSatisfaction]
    let days: [APIUnitDay]

    init(_ summary: CampaignUnitSummary) {
        let unit = summary.unit
        commune = APICommuneItem(unit)
        answersToday = unit.answersToday
        reportedToday = unit.reportedToday.rawValue
        suggestionsWaiting = unit.suggestionsWaiting
        quota = Quota(
            basis: unit.quota.basis.rawValue, answers: unit.quota.answers, base: unit.quota.base,
            lowerBound: unit.quota.lowerBound, upperBound: unit.quota.upperBound,
            uncountedAnswers: unit.quota.uncountedAnswers)
        reports = Reports(onTime: unit.reportsOnTime, late: unit.lateReports, missing: summary.reportsMissing)
        questions = summary.questions.map(APIQuestionSatisfaction.init)
        days = APIUnitDay.series(answers: summary.answersPerDay, reports: summary.days)
    }
}
