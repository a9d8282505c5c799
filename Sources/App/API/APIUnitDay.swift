import Store
import Survey

/// One campaign day of a unit in `GET /api/v1/campaigns/{id}/communes/{code}`: the answers received that day (the
/// page's chart) and the day's daily report (the page's report table). `report` is "dung_gio", "muon",
/// "chua_bao_cao" (no report and the window has closed) or "chua_den_han" (today, window not closed yet); the
/// report's figures are `null` on a day without one. `late_entry` says whether the current version came through a
/// late-entry opening.
struct APIUnitDay: Encodable, Sendable {
    let date: String
    let answers: Int
    let report: String
    @Nullable var visitors: Int?
    @Nullable var guided: Int?
    @Nullable var volunteers: Int?
    /// How many times the report was filed (corrections included).
    @Nullable var versions: Int?
    @Nullable var lateEntry: Bool?

    init(date: LocalDate, answers: Int, day: CampaignUnitSummary.Day) {
        self.date = date.iso
        self.answers = answers
        report = day.state.rawValue
        visitors = day.report?.visitors
        guided = day.report?.guided
        volunteers = day.report?.volunteers
        versions = day.report?.version
        lateEntry = day.report.map { $0.lateEntryOpeningID != nil }
    }

    /// The page's two series joined by date, oldest first. Both cover the campaign's days through today (or its
    /// last day); a day missing from one of them (none should be) is left out rather than invented.
    static func series(answers: [DailyAnswerCount], reports: [CampaignUnitSummary.Day]) -> [APIUnitDay] {
        let byDate = Dictionary(reports.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        return answers.compactMap { count in
            byDate[count.date].map { APIUnitDay(date: count.date, answers: count.answers, day: $0) }
        }
    }
}

/// One day of `GET /api/v1/campaigns/{id}/days`: the answers received over the caller's scope, as the dashboard's
/// chart draws them (every campaign day through today, zero for a quiet day).
struct APIDay: Encodable, Sendable {
    let date: String
    let answers: Int

    init(_ count: DailyAnswerCount) {
        date = count.date.iso
        answers = count.answers
    }
}
