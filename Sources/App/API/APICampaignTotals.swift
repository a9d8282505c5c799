import Store
import Survey

/// `GET /api/v1/campaigns/{id}/summary`: the dashboard's summary cards over the units the caller may see (a
/// district gets its own communes' totals, not the province's), computed by the cards' own code
/// (`ReportSummaryStore.summary` over the units in scope): answers (today's too), visitors, units reported today,
/// the quota statuses, satisfaction pooled over the units' answers (not an average of their shares), flagged
/// answers still counted and those confirmed and taken out, the units at the satisfaction threshold against the
/// yearly target, and the candidates for commendation (unit codes, best first).
struct APICampaignTotals: Encodable, Sendable {
    let id: Int64
    let form: String
    let title: String
    let starts: String
    let ends: String
    let units: Int
    let answers: Int
    let answersToday: Int
    let visitors: Int
    let reportedToday: Int
    /// Every quota status, zero included.
    let byStatus: [String: Int]
    /// Pooled over the units in scope (not an average of their shares).
    @Nullable var satisfiedShare: Double?
    /// Flagged answers not yet reviewed: still in every figure.
    let flaggedOpen: Int
    /// Confirmed as stuffing: out of the figures.
    let flaggedConfirmed: Int
    let satisfactionThreshold: Double
    let unitsMeetingThreshold: Int
    /// Units at the threshold among the units in scope (one without answers counts and does not reach it).
    @Nullable var shareMeetingThreshold: Double?
    let yearlyTargetShare: Double
    /// Units whose quota is met or over, by satisfied share, then answers, then code: the dashboard's list.
    let commendationCandidates: [String]

    init(_ scoped: ScopedCampaign) {
        let summary = ReportSummaryStore.summary(scoped.figures, settings: scoped.settings, communes: scoped.communes)
        id = summary.id
        form = summary.formCode
        title = summary.title
        starts = summary.startsOn.iso
        ends = summary.endsOn.iso
        units = summary.units
        answers = summary.answers
        answersToday = summary.answersToday
        visitors = summary.visitors
        reportedToday = summary.reportedToday
        var counts = Dictionary(uniqueKeysWithValues: QuotaStatus.allCases.map { ($0.rawValue, 0) })
        for (status, count) in summary.statusCounts { counts[status.rawValue] = count }
        byStatus = counts
        satisfiedShare = APIJSON.share(summary.satisfiedShare)
        flaggedOpen = scoped.communes.reduce(0) { $0 + $1.flaggedOpen }
        flaggedConfirmed = scoped.communes.reduce(0) { $0 + $1.flaggedConfirmed }
        satisfactionThreshold = summary.satisfactionThreshold
        unitsMeetingThreshold = summary.unitsMeetingThreshold
        shareMeetingThreshold = APIJSON.share(summary.shareMeetingThreshold)
        yearlyTargetShare = summary.yearlyTargetShare
        commendationCandidates = ReportSummaryStore.top(scoped.communes, limit: 10, statuses: [.met, .over])
            .map(\.code)
    }
}
