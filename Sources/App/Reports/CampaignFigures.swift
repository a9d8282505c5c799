import Database
import Survey

/// Everything the summaries derive from, read in three grouped queries: per-unit answers and reports, per-unit
/// option counts, and the campaign with its form.
struct CampaignFigures {
    let campaign: ReportingCampaign
    let form: FormDefinition?
    let communes: [CommuneSummary]
    /// unit id → option id → answers.
    let optionCounts: [Int64: [Int64: Int]]

    /// Pooled satisfied share of some units (one unit, a district, the campaign).
    func satisfaction(pooling unitIDs: [Int64]) -> Double? {
        guard let form else { return nil }
        var pooled: [Int64: Int] = [:]
        for unitID in unitIDs {
            for (option, count) in optionCounts[unitID] ?? [:] { pooled[option, default: 0] += count }
        }
        return SatisfactionScore(form: form, counts: pooled).overall
    }

    /// Which units to read: narrowing reads only their keys, so a commune or district page stays cheap however
    /// large the campaign.
    enum Scope {
        case campaign
        /// A district (by unit id): its communes and its own desk.
        case district(Int64)
        case unit(Int64)

        /// Fixed SQL fragments, chosen by the scope; the ids are bound as :scope.
        func filter(_ column: String) -> String {
            switch self {
            case .campaign: ""
            case .district: "AND \(column) IN (SELECT id FROM units WHERE parent_id = :scope OR id = :scope)"
            case .unit: "AND \(column) = :scope"
            }
        }

        var id: Int64? {
            switch self {
            case .campaign: nil
            case .district(let id), .unit(let id): id
            }
        }
    }

    static func load(_ connection: Connection, campaignID: Int64, today: LocalDate,
                     scope: Scope = .campaign) throws -> CampaignFigures? {
        guard let campaign = try ReportingCampaign.load(connection, campaignID: campaignID) else { return nil }
        let form = try FormStore(connection).definition(formVersionID: campaign.record.formVersionID)
        var arguments: [String: any DatabaseValueConvertible] = ["campaign": campaignID, "today": today.iso]
        var countArguments: [String: any DatabaseValueConvertible] = ["campaign": campaignID]
        if let id = scope.id {
            arguments["scope"] = id
            countArguments["scope"] = id
        }
        let rows = try connection.query(unitsSQL(scope), named: arguments)

        var optionCounts: [Int64: [Int64: Int]] = [:]
        for row in try connection.query("""
            SELECT c.unit_id, c.option_id, c.answers FROM option_counts c
            WHERE c.campaign_id = :campaign \(scope.filter("c.unit_id"))
            """, named: countArguments) {
            optionCounts[try row.int64(0), default: [:]][try row.int64(1)] = try row.int(2)
        }
        let figures = CampaignFigures(campaign: campaign, form: form, communes: [], optionCounts: optionCounts)
        let communes = try rows.map { try figures.summary($0) }
        return CampaignFigures(campaign: campaign, form: form, communes: communes, optionCounts: optionCounts)
    }

    /// The per-unit query; values are always bound (:campaign, :today, and :scope when narrowed). Campaign-long
    /// figures come from `unit_totals` (one row per unit, kept by triggers, migration 0009); today's answers and
    /// report are single-key lookups, so the cost grows with the number of units, not units × days.
    static func unitsSQL(_ scope: Scope) -> String {
        let unitsFilter = scope.filter("cu.unit_id")
        return """
            SELECT u.id, u.code, u.name, u.level, d.code, d.name,
                   coalesce(t.answers, 0), coalesce(a.answers, 0), coalesce(t.reported_answers, 0),
                   coalesce(t.visitors, 0), coalesce(t.report_days, 0), coalesce(t.on_time_reports, 0),
                   t.last_report_date, CASE WHEN r.id IS NULL THEN NULL ELSE 1 + r.on_time END,
                   h.headcount,
                   (SELECT count(*) FROM suggestions s WHERE s.unit_id = u.id AND s.status IN ('new', 'in_progress'))
            FROM campaign_units cu
            JOIN units u ON u.id = cu.unit_id
            LEFT JOIN units d ON d.id = (CASE WHEN u.level = 'district' THEN u.id ELSE u.parent_id END)
                             AND d.level = 'district'
            LEFT JOIN unit_totals t ON t.campaign_id = cu.campaign_id AND t.unit_id = u.id
            LEFT JOIN daily_answer_counts a
                   ON a.campaign_id = cu.campaign_id AND a.unit_id = u.id AND a.local_date = :today
            LEFT JOIN daily_reports r ON r.campaign_id = cu.campaign_id AND r.unit_id = u.id AND r.local_date = :today
            LEFT JOIN campaign_unit_headcounts h ON h.campaign_id = cu.campaign_id AND h.unit_id = u.id
            WHERE cu.campaign_id = :campaign \(unitsFilter)
            ORDER BY u.code
            """
    }

    private func summary(_ row: Row) throws -> CommuneSummary {
        let unitID = try row.int64(0)
        let answers = try row.int(6), onReportedDays = try row.int(8)
        let visitors = try row.int(9), days = try row.int(10), onTime = try row.int(11)
        let headcount = try row.optionalInt(14)
        let lastDate = try row.optionalString(12).flatMap { LocalDate(iso: $0) }
        let todayState: ReportedToday = switch try row.optionalInt(13) {
        case 2: .onTime
        case 1: .late
        default: .missing
        }
        let quota = campaign.countsOfficials
            ? QuotaCheck(rule: campaign.record.quota, basis: .headcount, answers: answers, base: headcount ?? 0,
                         uncountedAnswers: 0, hasReport: headcount != nil)
            : QuotaCheck(rule: campaign.record.quota, basis: .visitors, answers: onReportedDays, base: visitors,
                         uncountedAnswers: answers - onReportedDays, hasReport: days > 0)
        return CommuneSummary(
            unitID: unitID, code: try row.string(1), name: try row.string(2), level: try row.string(3),
            districtCode: try row.optionalString(4), districtName: try row.optionalString(5), answers: answers,
            answersToday: try row.int(7), answersOnReportedDays: onReportedDays,
            answersOnUnreportedDays: answers - onReportedDays, visitors: visitors, headcount: headcount,
            quota: quota, satisfiedShare: satisfaction(pooling: [unitID]), reportsOnTime: onTime,
            lateReports: days - onTime, lastReportDate: lastDate, reportedToday: todayState,
            suggestionsWaiting: try row.int(15))
    }
}
