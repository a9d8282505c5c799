import Database
import Foundation
import Survey

extension ReportSummaryStore {
    /// Answers per day over the campaign's days up to `through` (inclusive; the campaign's end when nil), with
    /// zero for quiet days so a chart has no gaps. One unit's or the whole campaign's. Given the campaign's answer
    /// total of this snapshot (`CampaignSummary.answers`) and a cache, the campaign's earlier days come from the
    /// cache when they still add up (`CounterCache.answersPerDay`).
    public func answersPerDay(
        campaignID: Int64, unitID: Int64? = nil, through: LocalDate? = nil,
        total: Int? = nil, today: LocalDate? = nil
    ) throws -> [DailyAnswerCount] {
        if unitID == nil, let cache, let total, let today {
            guard let campaign = try CampaignStore(connection).campaign(id: campaignID) else { return [] }
            let byDay = try cache.answersPerDay(connection, campaignID: campaignID, today: today, total: total).byDay
            return Self.days(of: campaign, through: through, byDay: byDay)
        }
        return try answersPerDay(
            campaignID: campaignID, scope: unitID.map { .unit($0) } ?? .campaign,
            through: through)
    }

    /// Answers per day of one district's units only: its communes and its own desk (the district's unit id), the
    /// units a district account sees (`UnitScope`), never the rest of the campaign.
    public func answersPerDay(
        campaignID: Int64, districtID: Int64,
        through: LocalDate? = nil
    ) throws -> [DailyAnswerCount] {
        try answersPerDay(campaignID: campaignID, scope: .district(districtID), through: through)
    }

    package func answersPerDay(
        campaignID: Int64, scope: CampaignFigures.Scope,
        through: LocalDate?
    ) throws -> [DailyAnswerCount] {
        guard let campaign = try CampaignStore(connection).campaign(id: campaignID) else { return [] }
        var arguments: [String: any DatabaseValueConvertible] = ["campaign": campaignID]
        if let id = scope.id { arguments["scope"] = id }
        var byDay: [String: Int] = [:]
        for row in try connection.query(Self.daysSQL(scope), named: arguments) {
            byDay[try row.string("local_date")] = try row.int("answers")
        }
        return Self.days(of: campaign, through: through, byDay: byDay)
    }

    /// Day counters summed per day over the scope's units: the campaign's through
    /// `SEARCH daily_answer_counts USING COVERING INDEX daily_answer_counts_by_day (campaign_id=?)`; a unit's, and
    /// each unit of a district (found through `units_by_parent`; CROSS JOIN keeps that order, so the campaign's
    /// other units are never read), through the primary key (campaign_id=? AND unit_id=?).
    package static func daysSQL(_ scope: CampaignFigures.Scope) -> String {
        switch scope {
        case .campaign, .unit:
            """
            SELECT local_date, sum(answers) AS answers FROM daily_answer_counts
            WHERE campaign_id = :campaign \(scope.filter("unit_id"))
            GROUP BY local_date
            """
        case .district:
            """
            SELECT c.local_date AS local_date, sum(c.answers) AS answers
            FROM units u CROSS JOIN daily_answer_counts c ON c.campaign_id = :campaign AND c.unit_id = u.id
            WHERE u.parent_id = :scope OR u.id = :scope
            GROUP BY c.local_date
            """
        }
    }

    private static func days(
        of campaign: CampaignRecord, through: LocalDate?,
        byDay: [String: Int]
    ) -> [DailyAnswerCount] {
        let last = min(through ?? campaign.schedule.endsOn, campaign.schedule.endsOn)
        return campaign.schedule.days.filter { $0 <= last }
            .map { DailyAnswerCount(date: $0, answers: byDay[$0.iso] ?? 0) }
    }

    /// Every choice question of the campaign's form with its option counts and, for evaluative questions, the
    /// positive share. For the campaign, or for one unit.
    public func questionSatisfaction(campaignID: Int64, unitID: Int64? = nil) throws -> [QuestionSatisfaction] {
        guard let campaign = try CampaignStore(connection).campaign(id: campaignID),
            let form = try FormStore(connection).definition(formVersionID: campaign.formVersionID)
        else { return [] }
        let rows: [Row]
        if let unitID {
            rows = try connection.query(
                "SELECT option_id, answers FROM option_counts WHERE campaign_id = ? AND unit_id = ?",
                [campaignID, unitID])
        } else {
            rows = try connection.query(
                """
                SELECT option_id, sum(answers) AS answers FROM option_counts WHERE campaign_id = ? GROUP BY option_id
                """,
                [campaignID])
        }
        var counts: [Int64: Int] = [:]
        for row in rows { counts[try row.int64("option_id")] = try row.int("answers") }
        return Self.questions(form: form, counts: counts)
    }

    /// The question table from per-option totals (option id → answers), however they were added up.
    package static func questions(form: FormDefinition, counts: [Int64: Int]) -> [QuestionSatisfaction] {
        let score = SatisfactionScore(form: form, counts: counts)
        let numbers = form.questionNumbers
        return form.questions.filter(\.kind.isChoice).map { question in
            let options = question.options.map { option in
                QuestionSatisfaction.OptionCount(
                    optionID: option.id, label: option.label,
                    polarity: option.polarity?.rawValue,
                    answers: counts[option.id] ?? 0)
            }
            let valid =
                question.evaluative
                ? question.options.filter { $0.polarity != nil }.reduce(0) { $0 + (counts[$1.id] ?? 0) }
                : options.reduce(0) { $0 + $1.answers }
            let number = numbers[question.code] ?? question.code
            return QuestionSatisfaction(
                questionID: question.id, code: question.code, number: number, label: "Câu " + number,
                text: question.text, evaluative: question.evaluative,
                validAnswers: valid, positiveShare: question.evaluative ? score.byQuestionID[question.id] : nil,
                options: options)
        }
    }

    /// Units of the campaign whose name or code matches, ignoring diacritics and case ("ngo quyen" finds
    /// "Phường Ngô Quyền"), in code order.
    public func searchUnits(campaignID: Int64, text: String, limit: Int = 50) throws -> [UnitRecord] {
        let folded = SearchText.fold(text)
        guard !folded.isEmpty else { return [] }
        return try connection.query(
            """
            SELECT u.id, u.unit_set_id, u.code, u.name, u.level, u.kind, u.parent_id
            FROM campaign_units cu JOIN units u ON u.id = cu.unit_id
            WHERE cu.campaign_id = ? AND (u.search_name LIKE ? ESCAPE '\\' OR u.code = ?)
            ORDER BY u.code LIMIT ?
            """, [campaignID, LikePattern.containing(folded), text.trimmingCharacters(in: .whitespaces), limit]
        )
        .map(UnitStore.record)
    }
}
