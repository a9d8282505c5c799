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
    let visitors: Int?
    let guided: Int?
    let volunteers: Int?
    /// How many times the report was filed (corrections included).
    let versions: Int?
    let lateEntry: Bool?

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

    enum CodingKeys: String, CodingKey {
        case date, answers, report, visitors, guided, volunteers, versions
        case lateEntry = "late_entry"
    }

    // Explicit, so that a day without a report writes its figures as null rather than leaving them out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(answers, forKey: .answers)
        try container.encode(report, forKey: .report)
        try container.encode(visitors, forKey: .visitors)
        try container.encode(guided, forKey: .guided)
        try container.encode(volunteers, forKey: .volunteers)
        try container.encode(versions, forKey: .versions)
        try container.encode(lateEntry, forKey: .lateEntry)
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
