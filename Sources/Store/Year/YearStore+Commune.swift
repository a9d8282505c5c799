import Database
import Survey

extension YearStore {
    /// A commune by code, in the newest unit set that has it: its name and district code (for the scope check
    /// before anything else is read); nil for an unknown code or a unit that is not a commune.
    public func commune(code: String) throws -> (name: String, districtCode: String?)? {
        guard
            let row = try connection.queryOne(
                """
                SELECT u.name AS name, u.level AS level, d.code AS district_code FROM units u
                LEFT JOIN units d ON d.id = u.parent_id AND d.level = 'district'
                WHERE u.code = ? ORDER BY u.unit_set_id DESC LIMIT 1
                """, [code]),
            try row.string("level") == "commune"
        else { return nil }
        return (try row.string("name"), try row.optionalString("district_code"))
    }

    /// The commune's year; nil for an unknown code or a unit that is not a commune. Each campaign is read as the
    /// unit's page in it reads it (`campaignUnitSummary`: that unit's counters and reports only), so the page
    /// costs a few key lookups per campaign however large the province.
    public func communeYear(code: String, year: Int, today: LocalDate, now: Int64) throws -> CommuneYear? {
        guard let commune = try commune(code: code) else { return nil }
        let index = try IndexWeights(connection).index()
        let summaries = ReportSummaryStore(connection)
        var campaignsByForm: [String: [CommuneYear.Campaign]] = [:]
        var questionsByForm: [String: [String: CommuneYear.Question]] = [:]
        var questionOrder: [String: [String]] = [:]
        var quarterAnswers = Array(repeating: 0, count: 4)
        var quarterParts = Array(repeating: [SatisfactionIndex.FormResult](), count: 4)
        var statesByDay: [LocalDate: CampaignUnitSummary.ReportState] = [:]
        var districtName: String?
        for (campaign, unitID) in try YearCampaigns.covering(connection, code: code, year: year) {
            guard
                let summary = try summaries.campaignUnitSummary(
                    campaignID: campaign.id, unitID: unitID, today: today, now: now)
            else { continue }
            districtName = summary.unit.districtName ?? districtName
            var punctuality = CommuneYear.Punctuality()
            for day in summary.days where day.date.year == year {
                punctuality.add(day.state)
                // One report per unit and day, whichever campaigns count it: the year counts each day once.
                if statesByDay[day.date] == nil { statesByDay[day.date] = day.state }
            }
            var answersInYear = 0
            var byQuarter = Array(repeating: 0, count: 4)
            for day in summary.answersPerDay where day.date.year == year {
                answersInYear += day.answers
                byQuarter[day.date.quarter - 1] += day.answers
            }
            for quarter in 0..<4 {
                quarterAnswers[quarter] += byQuarter[quarter]
                quarterParts[quarter].append(
                    .init(answers: byQuarter[quarter], satisfiedShare: summary.unit.satisfiedShare))
            }
            campaignsByForm[campaign.formCode, default: []].append(
                CommuneYear.Campaign(
                    record: campaign, unit: summary.unit, answersInYear: answersInYear, punctuality: punctuality,
                    spansYears: !YearCampaigns.isWithin(campaign, year: year)))
            for question in summary.questions where question.evaluative {
                let positive = Int(((question.positiveShare ?? 0) * Double(question.validAnswers)).rounded())
                let earlier = questionsByForm[campaign.formCode]?[question.code]
                if earlier == nil { questionOrder[campaign.formCode, default: []].append(question.code) }
                questionsByForm[campaign.formCode, default: [:]][question.code] = CommuneYear.Question(
                    code: question.code, number: question.number, label: question.label, text: question.text,
                    validAnswers: (earlier?.validAnswers ?? 0) + question.validAnswers,
                    positiveAnswers: (earlier?.positiveAnswers ?? 0) + positive)
            }
        }
        var titles: [String: String] = [:]
        for form in try FormStore(connection).forms() { titles[form.code] = form.title }
        let codes = Set(titles.keys).union(campaignsByForm.keys).sorted()
        let forms = codes.map { formCode in
            let campaigns = campaignsByForm[formCode] ?? []
            let result = SatisfactionIndex.FormResult.pooling(
                campaigns.map { .init(answers: $0.answersInYear, satisfiedShare: $0.unit.satisfiedShare) })
            return CommuneYear.Form(
                code: formCode, title: titles[formCode] ?? formCode, campaigns: campaigns, result: result,
                questions: (questionOrder[formCode] ?? []).compactMap { questionsByForm[formCode]?[$0] },
                weight: index.weight(of: formCode), counted: !campaigns.isEmpty && index.counts(formCode, result))
        }
        var punctuality = CommuneYear.Punctuality()
        for state in statesByDay.values { punctuality.add(state) }
        let results = Dictionary(
            uniqueKeysWithValues: forms.filter { !$0.campaigns.isEmpty }.map { ($0.code, $0.result) })
        return CommuneYear(
            year: year, code: code, name: commune.name, districtCode: commune.districtCode,
            districtName: districtName, forms: forms, index: index, outcome: index.outcome(results),
            quarters: (0..<4).map { quarter in
                CommuneYear.Quarter(
                    number: quarter + 1, answers: quarterAnswers[quarter],
                    satisfiedShare: SatisfactionIndex.FormResult.pooling(quarterParts[quarter]).satisfiedShare)
            },
            punctuality: punctuality, suggestions: try suggestions(code: code, year: year))
    }

    /// Suggestions sent to the commune's box in the year's rounds (`suggestions.year`), by any unit with its code:
    /// `SEARCH s USING INDEX suggestions_by_unit_round (unit_id=? AND year=?)` per unit.
    func suggestions(code: String, year: Int) throws -> CommuneYear.Suggestions {
        let row = try connection.queryOne(
            """
            SELECT count(*) AS received, coalesce(sum(s.replied_at IS NOT NULL), 0) AS answered,
                   coalesce(sum(s.status = 'resolved'), 0) AS resolved
            FROM suggestions s WHERE s.unit_id IN (SELECT id FROM units WHERE code = ?) AND s.year = ?
            """, [code, year])
        return CommuneYear.Suggestions(
            received: try row?.int("received") ?? 0, answered: try row?.int("answered") ?? 0,
            resolved: try row?.int("resolved") ?? 0)
    }
}
