import Database
import Survey

/// The dashboards' and the API's numbers, read from the counter tables (`daily_answer_counts`, `option_counts`)
/// and the reports, aggregated per unit with GROUP BY over indexed keys; `responses` is never scanned.
///
/// Query plans relied on (EXPLAIN QUERY PLAN, checked by DashboardQueryPlanTests, printed by scripts/scale-bench):
/// - the campaign's units: `SEARCH cu USING PRIMARY KEY (campaign_id=?)`, each unit's campaign-long figures from
///   `SEARCH t USING PRIMARY KEY (campaign_id=? AND unit_id=?)` on unit_totals (migrations 0009 and 0011, kept by
///   triggers on daily_answer_counts and unit_daily_reports), today's answers and report by one key lookup each
///   (daily_answer_counts, unit_daily_reports with unit_id=? AND local_date=?), and a temporary B-tree to sort a few thousand rows by code;
/// - waiting suggestions: `SEARCH s USING COVERING INDEX suggestions_by_unit_status (unit_id=? AND status=?)`;
/// - one unit or one district: the same, narrowed to its units (a district's unit ids come from `units_by_parent`);
/// - per-unit satisfaction: `SEARCH option_counts USING PRIMARY KEY (campaign_id=?)`;
/// - answers per day: `SEARCH daily_answer_counts USING COVERING INDEX daily_answer_counts_by_day (campaign_id=?)`.
/// Measured with scripts/scale-bench (3,321 communes, 30 days, 5,000,000 answers; 2-core machine): the province
/// dashboard ~96 ms, the per-commune API ~65 ms, CSV ~58 ms, a district ~10 ms. Before unit_totals the per-unit
/// aggregate over 100,000 day counters and reports alone took ~120 ms.
public struct ReportSummaryStore {
    package let connection: Connection
    /// Used by campaign-wide reads when given (the server passes its own; tests of the store read directly).
    package let cache: CounterCache?

    public init(_ connection: Connection, cache: CounterCache? = nil) {
        self.connection = connection
        self.cache = cache
    }

    /// Every unit of the campaign (or of one district, by code, reading only its units' counters), in code order;
    /// nil for an unknown campaign, empty for a district code the campaign's unit set does not have.
    public func communeSummaries(
        campaignID: Int64, today: LocalDate,
        districtCode: String? = nil
    ) throws -> [CommuneSummary]? {
        guard let districtCode else {
            return try CampaignFigures.load(connection, campaignID: campaignID, today: today, cache: cache)?.communes
        }
        guard let campaign = try CampaignStore(connection).campaign(id: campaignID) else { return nil }
        guard let district = try UnitStore(connection).unit(code: districtCode, inSet: campaign.unitSetID),
            district.level == "district"
        else { return [] }
        return try CampaignFigures.load(
            connection, campaignID: campaignID, today: today,
            scope: .district(district.id))?.communes
    }

    /// One unit's summary, reading only that unit's counters; nil when the unit is not in the campaign.
    public func communeSummary(campaignID: Int64, unitID: Int64, today: LocalDate) throws -> CommuneSummary? {
        try CampaignFigures.load(connection, campaignID: campaignID, today: today, scope: .unit(unitID))?.communes.first
    }

    /// The quota rule applied to one unit; nil when the unit is not in the campaign.
    public func quotaCheck(campaignID: Int64, unitID: Int64, today: LocalDate) throws -> QuotaCheck? {
        try communeSummary(campaignID: campaignID, unitID: unitID, today: today)?.quota
    }

    public func campaignSummary(campaignID: Int64, today: LocalDate) throws -> CampaignSummary? {
        guard
            let figures = try CampaignFigures.load(
                connection, campaignID: campaignID, today: today,
                cache: cache)
        else {
            return nil
        }
        return Self.summary(figures, settings: try ReportSettings.load(connection))
    }

    /// Per district, in code order. Empty where the campaign's unit set has no districts: that level is gone.
    public func districtSummaries(campaignID: Int64, today: LocalDate) throws -> [DistrictSummary] {
        guard
            let figures = try CampaignFigures.load(
                connection, campaignID: campaignID, today: today,
                cache: cache)
        else {
            return []
        }
        return Self.districts(figures, settings: try ReportSettings.load(connection))
    }

    /// Candidates for commendation: units whose quota is at least met (đạt or vượt), by satisfied share, then
    /// answers, then code.
    public func topCommunes(
        campaignID: Int64, today: LocalDate, limit: Int = 10,
        statuses: Set<QuotaStatus> = [.met, .over]
    ) throws -> [CommuneSummary] {
        Self.top(try communeSummaries(campaignID: campaignID, today: today) ?? [], limit: limit, statuses: statuses)
    }

    /// Everything the province dashboard shows, from one pass over the counters (the figures above each
    /// read them again; at national scale that pass is the expensive part).
    public struct Overview: Sendable {
        public let communes: [CommuneSummary]
        public let summary: CampaignSummary
        public let districts: [DistrictSummary]
        public let top: [CommuneSummary]
        /// Satisfaction per question over the whole campaign, from the same pass.
        public let questions: [QuestionSatisfaction]
        /// Every choice question's option counts and shares, from the same pass (the official result table).
        package let results: QuestionResults?
    }

    public func overview(campaignID: Int64, today: LocalDate, topLimit: Int = 10) throws -> Overview? {
        guard
            let figures = try CampaignFigures.load(
                connection, campaignID: campaignID, today: today,
                cache: cache)
        else {
            return nil
        }
        let settings = try ReportSettings.load(connection)
        return Overview(
            communes: figures.communes,
            summary: Self.summary(figures, settings: settings),
            districts: Self.districts(figures, settings: settings),
            top: Self.top(figures.communes, limit: topLimit, statuses: [.met, .over]),
            questions: figures.form.map { Self.questions(form: $0, counts: figures.optionTotals) } ?? [],
            results: QuestionResults(figures: figures))
    }

    // The roll-ups below walk the units in place: at 3,321 communes, copying summaries into per-district arrays
    // or filtered arrays cost more than the arithmetic.
    /// The summary cards' figures over `communes` (the campaign's units, or those of one user's scope: the API
    /// reads its totals here, so they are the cards' figures by construction).
    package static func summary(
        _ figures: CampaignFigures, settings: ReportSettings,
        communes: [CommuneSummary]? = nil
    ) -> CampaignSummary {
        let communes = communes ?? figures.communes
        var meeting = ThresholdCount(threshold: settings.satisfactionThreshold)
        var answers = 0
        var answersToday = 0
        var visitors = 0
        var reportedToday = 0
        for unit in communes {
            meeting.add(unit.satisfiedShare)
            answers += unit.answers
            answersToday += unit.answersToday
            visitors += unit.visitors
            if unit.reportedToday.hasReport { reportedToday += 1 }
        }
        let record = figures.campaign.record
        return CampaignSummary(
            id: record.id, formCode: record.formCode, title: record.title, startsOn: record.schedule.startsOn,
            endsOn: record.schedule.endsOn, units: communes.count, answers: answers, answersToday: answersToday,
            visitors: visitors, reportedToday: reportedToday, statusCounts: statusCounts(communes),
            satisfiedShare: figures.satisfaction(pooling: communes.map(\.unitID)),
            satisfactionThreshold: settings.satisfactionThreshold, unitsMeetingThreshold: meeting.meeting,
            shareMeetingThreshold: meeting.share,
            yearlyTargetShare: settings.yearlyTargetShare)
    }

    private struct DistrictRunning {
        package let name: String
        package var communes = 0, reportedToday = 0, answers = 0, visitors = 0
        package var statusCounts = Dictionary(uniqueKeysWithValues: QuotaStatus.allCases.map { ($0, 0) })
        package var tally: SatisfactionTally?
        /// Over its communes only, like `communes`: the district's desk is not one of "its communes".
        package var meeting: ThresholdCount

        package mutating func add(_ unit: CommuneSummary, tally unitTally: SatisfactionTally?) {
            if unit.level == "commune" {
                communes += 1
                meeting.add(unit.satisfiedShare)
            }
            if unit.reportedToday.hasReport { reportedToday += 1 }
            answers += unit.answers
            visitors += unit.visitors
            statusCounts[unit.quotaStatus, default: 0] += 1
            if let unitTally { tally?.add(unitTally) }
        }
    }

    /// The roll-up per district over `communes` (every unit of the campaign by default).
    package static func districts(
        _ figures: CampaignFigures, settings: ReportSettings,
        communes: [CommuneSummary]? = nil
    ) -> [DistrictSummary] {
        var running: [String: DistrictRunning] = [:]
        for unit in communes ?? figures.communes {
            guard let code = unit.districtCode else { continue }
            if running[code] == nil {
                running[code] = DistrictRunning(
                    name: unit.districtName ?? code, tally: figures.layout?.emptyTally(),
                    meeting: ThresholdCount(threshold: settings.satisfactionThreshold))
            }
            // Mutated in place in the dictionary: no copy of the running counts per unit.
            running[code]?.add(unit, tally: figures.tallies[unit.unitID])
        }
        return running.keys.sorted().compactMap { code in
            guard let district = running[code] else { return nil }
            return DistrictSummary(
                code: code, name: district.name, communes: district.communes, reportedToday: district.reportedToday,
                answers: district.answers, visitors: district.visitors, statusCounts: district.statusCounts,
                satisfiedShare: district.tally?.overall, communesMeetingThreshold: district.meeting.meeting,
                shareMeetingThreshold: district.meeting.share)
        }
    }

    package static func top(_ units: [CommuneSummary], limit: Int, statuses: Set<QuotaStatus>) -> [CommuneSummary] {
        units.indices.filter { statuses.contains(units[$0].quotaStatus) && units[$0].satisfiedShare != nil }
            .sorted { lhs, rhs in
                let left = units[lhs].satisfiedShare ?? 0
                let right = units[rhs].satisfiedShare ?? 0
                if abs(left - right) > 1e-9 { return left > right }
                if units[lhs].answers != units[rhs].answers { return units[lhs].answers > units[rhs].answers }
                return units[lhs].code < units[rhs].code
            }
            .prefix(max(0, limit))
            .map { units[$0] }
    }

    /// Units (of one district, or all when `districtCode` is nil) with no report filed for `today`.
    public func reminderList(campaignID: Int64, today: LocalDate, districtCode: String? = nil) throws -> ReminderList {
        let units = try communeSummaries(campaignID: campaignID, today: today, districtCode: districtCode) ?? []
        return ReminderList(
            date: today,
            entries: units.filter { $0.reportedToday == .missing }
                .map { ReminderList.Entry(code: $0.code, name: $0.name) })
    }

    package static func statusCounts(_ units: [CommuneSummary]) -> [QuotaStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: QuotaStatus.allCases.map { ($0, 0) })
        for unit in units { counts[unit.quotaStatus, default: 0] += 1 }
        return counts
    }
}
