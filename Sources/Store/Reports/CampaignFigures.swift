import Database
import Survey

/// Everything the summaries derive from, read in two queries: per-unit answers and reports (one row per unit), and
/// the option counters, added up once into per-unit satisfaction tallies and per-option totals.
package struct CampaignFigures {
    package let campaign: ReportingCampaign
    package let form: FormDefinition?
    package let communes: [CommuneSummary]
    package let layout: SatisfactionLayout?
    /// unit id → that unit's satisfaction tally (units without evaluative answers are absent).
    package let tallies: [Int64: SatisfactionTally]
    /// option id → answers, over every unit read (the campaign, a district or a unit).
    package let optionTotals: [Int64: Int]
    /// multiple-choice question id → people who answered it, over the same units (`question_answer_counts`).
    package let questionAnswered: [Int64: Int]

    /// Pooled satisfied share of some units (one unit, a district, the campaign).
    package func satisfaction(pooling unitIDs: [Int64]) -> Double? {
        tally(pooling: unitIDs)?.overall
    }

    package func tally(pooling unitIDs: [Int64]) -> SatisfactionTally? {
        guard let layout else { return nil }
        var pooled = layout.emptyTally()
        for unitID in unitIDs {
            if let tally = tallies[unitID] { pooled.add(tally) }
        }
        return pooled
    }

    /// Which units to read: narrowing reads only their keys, so a commune or district page stays cheap however
    /// large the campaign.
    package enum Scope {
        case campaign
        /// A district (by unit id): its communes and its own desk.
        case district(Int64)
        case unit(Int64)

        /// Fixed SQL fragments, chosen by the scope; the ids are bound as :scope.
        package func filter(_ column: String) -> String {
            switch self {
            case .campaign: ""
            case .district: "AND \(column) IN (SELECT id FROM units WHERE parent_id = :scope OR id = :scope)"
            case .unit: "AND \(column) = :scope"
            }
        }

        /// What a user may see: the province the campaign, a district its communes and desk (`UnitScope`'s
        /// rule), a commune itself.
        package init(user: AuthenticatedUser) {
            self =
                switch user.role {
                case .province: .campaign
                case .district: .district(user.unitID)
                case .commune: .unit(user.unitID)
                }
        }

        package var id: Int64? {
            switch self {
            case .campaign: nil
            case .district(let id), .unit(let id): id
            }
        }
    }

    /// With a cache, a campaign-wide read takes the option counters of units without new answers from it
    /// (`CounterCache`); narrower scopes read their few counters directly.
    package static func load(
        _ connection: Connection, campaignID: Int64, today: LocalDate, scope: Scope = .campaign,
        cache: CounterCache? = nil
    ) throws -> CampaignFigures? {
        guard let campaign = try ReportingCampaign.load(connection, campaignID: campaignID) else { return nil }
        let form = try FormStore(connection).definition(formVersionID: campaign.record.formVersionID)
        var arguments: [String: any DatabaseValueConvertible] = ["campaign": campaignID, "today": today.iso]
        var countArguments: [String: any DatabaseValueConvertible] = ["campaign": campaignID]
        if let id = scope.id {
            arguments["scope"] = id
            countArguments["scope"] = id
        }
        let rows = try connection.query(unitsSQL(scope), named: arguments)
        let layout = form.map(SatisfactionLayout.init)
        let tallies: [Int64: SatisfactionTally]
        let optionTotals: [Int64: Int]
        if let layout, let cache, case .campaign = scope {
            (tallies, optionTotals, _) = try cache.counters(
                connection, campaignID: campaignID, formVersionID: campaign.record.formVersionID, layout: layout,
                units: try rows.map { (id: try $0.int64("unit_id"), answers: try $0.int("answers")) })
        } else if let layout {
            (tallies, optionTotals) = try add(
                try connection.query(optionCountsSQL(scope), named: countArguments),
                layout: layout)
        } else {
            (tallies, optionTotals) = ([:], [:])
        }
        let communes = try rows.map { row in
            try CommuneSummary(row: row, campaign: campaign, satisfiedShare: tallies[try row.int64("unit_id")]?.overall)
        }
        var questionAnswered: [Int64: Int] = [:]
        if form?.questions.contains(where: { $0.kind == .multiple }) == true {
            for row in try connection.query(questionCountsSQL(scope), named: countArguments) {
                questionAnswered[try row.int64("question_id"), default: 0] += try row.int("answers")
            }
        }
        return CampaignFigures(
            campaign: campaign, form: form, communes: communes, layout: layout, tallies: tallies,
            optionTotals: optionTotals, questionAnswered: questionAnswered)
    }

    /// The option counters in key order (unit, then option): `SEARCH c USING PRIMARY KEY (campaign_id=?)`.
    package static func optionCountsSQL(_ scope: Scope) -> String {
        """
        SELECT c.unit_id AS unit_id, c.option_id AS option_id, c.answers AS answers FROM option_counts c
        WHERE c.campaign_id = :campaign \(scope.filter("c.unit_id"))
        """
    }

    /// The multiple-choice answered counters in key order (unit, then question), like `optionCountsSQL`: a range of
    /// the primary key, a handful of rows per unit.
    package static func questionCountsSQL(_ scope: Scope) -> String {
        """
        SELECT c.unit_id AS unit_id, c.question_id AS question_id, c.answers AS answers FROM question_answer_counts c
        WHERE c.campaign_id = :campaign \(scope.filter("c.unit_id"))
        """
    }

    /// One pass over (unit, option, answers) rows: each unit's tally and the per-option totals. Rows come grouped
    /// by unit, so a unit's tally is built in place and stored once.
    package static func add(_ rows: [Row], layout: SatisfactionLayout) throws
        -> (tallies: [Int64: SatisfactionTally], optionTotals: [Int64: Int])
    {
        var tallies: [Int64: SatisfactionTally] = [:]
        var totals = Array(repeating: 0, count: layout.optionIDs.count)
        var currentUnit: Int64?
        var current = layout.emptyTally()
        for row in rows {
            let unitID = try row.int64("unit_id")
            guard let place = layout.place(ofOption: try row.int64("option_id")) else { continue }
            let answers = try row.int("answers")
            if unitID != currentUnit {
                if let currentUnit { tallies[currentUnit, default: layout.emptyTally()].add(current) }
                currentUnit = unitID
                current = layout.emptyTally()
            }
            totals[place.option] += answers
            current.add(answers, at: place)
        }
        if let currentUnit { tallies[currentUnit, default: layout.emptyTally()].add(current) }
        var optionTotals: [Int64: Int] = [:]
        for (index, optionID) in layout.optionIDs.enumerated() where totals[index] != 0 {
            optionTotals[optionID] = totals[index]
        }
        return (tallies, optionTotals)
    }

    /// The per-unit query; values are always bound (:campaign, :today, and :scope when narrowed). Campaign-long
    /// figures come from `unit_totals` (one row per unit, kept by triggers, migrations 0009 and 0011); today's
    /// answers and the unit's report of today (when the campaign covers today) are single-key lookups, so the cost grows with the number of units, not units × days. Every column
    /// has an alias and is read by that name (`CommuneSummary.init(row:campaign:satisfiedShare:)`); a figure
    /// that comes from here names its alias (`UnitFigure.sqlAlias`).
    package static func unitsSQL(_ scope: Scope) -> String {
        let unitsFilter = scope.filter("cu.unit_id")
        return """
            SELECT u.id AS unit_id, u.code AS code, u.name AS name, u.level AS level,
                   d.code AS district_code, d.name AS district_name,
                   coalesce(t.answers, 0) AS answers, coalesce(a.answers, 0) AS answers_today,
                   coalesce(t.reported_answers, 0) AS reported_answers, coalesce(t.visitors, 0) AS visitors,
                   coalesce(t.report_days, 0) AS report_days, coalesce(t.on_time_reports, 0) AS on_time_reports,
                   t.last_report_date AS last_report_date,
                   CASE WHEN r.id IS NULL THEN NULL ELSE 1 + r.on_time END AS report_today,
                   h.headcount AS headcount,
                   (SELECT count(*) FROM suggestions s WHERE s.unit_id = u.id AND s.status IN ('new', 'in_progress'))
                       AS suggestions_waiting,
                   (SELECT count(*) FROM response_reviews f WHERE f.campaign_id = cu.campaign_id
                    AND f.unit_id = u.id AND f.state IN ('open', 'confirmed')) AS flagged,
                   (SELECT count(*) FROM response_reviews f WHERE f.campaign_id = cu.campaign_id
                    AND f.unit_id = u.id AND f.state = 'confirmed') AS flagged_confirmed,
                   (SELECT group_concat(DISTINCT fl.reason) FROM response_reviews f
                    JOIN response_flags fl ON fl.response_id = f.response_id
                    WHERE f.campaign_id = cu.campaign_id AND f.unit_id = u.id AND f.state = 'open') AS flag_reasons
            FROM campaign_units cu
            JOIN units u ON u.id = cu.unit_id
            LEFT JOIN units d ON d.id = (CASE WHEN u.level = 'district' THEN u.id ELSE u.parent_id END)
                             AND d.level = 'district'
            LEFT JOIN unit_totals t ON t.campaign_id = cu.campaign_id AND t.unit_id = u.id
            LEFT JOIN daily_answer_counts a
                   ON a.campaign_id = cu.campaign_id AND a.unit_id = u.id AND a.local_date = :today
            LEFT JOIN unit_daily_reports r ON r.unit_id = u.id AND r.local_date = :today
                  AND :today BETWEEN (SELECT starts_on FROM campaigns WHERE id = :campaign)
                                 AND (SELECT ends_on FROM campaigns WHERE id = :campaign)
            LEFT JOIN campaign_unit_headcounts h ON h.campaign_id = cu.campaign_id AND h.unit_id = u.id
            WHERE cu.campaign_id = :campaign \(unitsFilter)
            ORDER BY u.code
            """
    }
}
