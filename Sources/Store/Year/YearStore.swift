import Database
import Survey

/// A year's figures across campaigns: the rankings (every commune, `rankings`) and one commune's year
/// (`communeYear`, in YearStore+Commune.swift). Read from the counter tables and read models only — `unit_totals`
/// for a campaign's answers per unit, `option_counts` through the `CounterCache` for satisfaction, and
/// `daily_answer_counts` for the days of a campaign spanning two years — never from `responses`.
public struct YearStore {
    package let connection: Connection
    package let cache: CounterCache?

    public init(_ connection: Connection, cache: CounterCache? = nil) {
        self.connection = connection
        self.cache = cache
    }

    private struct Running {
        var name: String
        var districtCode: String?
        var districtName: String?
        var parts: [String: [SatisfactionIndex.FormResult]] = [:]
    }

    /// Every commune a published campaign of the year covers, and every district, with the index and ranks.
    public func rankings(year: Int) throws -> YearRankings {
        let index = try IndexWeights(connection).index()
        let campaigns = try YearCampaigns.all(connection, year: year)
        var communes: [String: Running] = [:]
        var districtNames: [String: String] = [:]
        var formCodes: Set<String> = []
        for campaign in campaigns {
            formCodes.insert(campaign.formCode)
            let rows = try connection.query(Self.unitsSQL, [campaign.id])
            let shares = try satisfiedShares(campaign, rows: rows)
            let dated = YearCampaigns.isWithin(campaign, year: year) ? nil : try answersInYear(campaign, year: year)
            for row in rows where try row.string("level") == "commune" {
                let unitID = try row.int64("unit_id")
                let code = try row.string("code")
                let districtCode = try row.optionalString("district_code")
                let districtName = try row.optionalString("district_name")
                if let districtCode, let districtName { districtNames[districtCode] = districtName }
                // Campaigns come in date order: the latest one's name and district stand.
                var running = communes[code] ?? Running(name: "")
                running.name = try row.string("name")
                running.districtCode = districtCode
                running.districtName = districtName
                let answers = try dated.map { $0[unitID] ?? 0 } ?? row.int("answers")
                running.parts[campaign.formCode, default: []].append(
                    .init(answers: answers, satisfiedShare: shares[unitID]))
                communes[code] = running
            }
        }
        var communeResults: [YearUnitResult] = []
        var districtParts: [String: [String: [SatisfactionIndex.FormResult]]] = [:]
        for code in communes.keys.sorted() {
            guard let running = communes[code] else { continue }
            let forms = running.parts.mapValues(SatisfactionIndex.FormResult.pooling)
            communeResults.append(
                YearUnitResult(
                    code: code, name: running.name, districtCode: running.districtCode,
                    districtName: running.districtName, forms: forms, outcome: index.outcome(forms)))
            if let district = running.districtCode {
                for (form, result) in forms { districtParts[district, default: [:]][form, default: []].append(result) }
            }
        }
        let districtResults = districtParts.keys.sorted().map { code in
            let forms = (districtParts[code] ?? [:]).mapValues(SatisfactionIndex.FormResult.pooling)
            return YearUnitResult(
                code: code, name: districtNames[code] ?? code, districtCode: nil, districtName: nil, forms: forms,
                outcome: index.outcome(forms))
        }
        let ranked = YearRankings.ranked(communes: communeResults, districts: districtResults)
        return YearRankings(
            year: year, index: index, formCodes: formCodes.sorted(), communes: ranked.communes,
            districts: ranked.districts, campaigns: campaigns.count)
    }

    /// A campaign's units with their campaign-long answers (`unit_totals`): `SEARCH cu USING PRIMARY KEY
    /// (campaign_id=?)`, then key lookups. Every unit, desks included, so the counter cache keeps the same unit
    /// list as the dashboard's and neither evicts the other's entries.
    static let unitsSQL = """
        SELECT u.id AS unit_id, u.code AS code, u.name AS name, u.level AS level,
               d.code AS district_code, d.name AS district_name, coalesce(t.answers, 0) AS answers
        FROM campaign_units cu
        JOIN units u ON u.id = cu.unit_id
        LEFT JOIN units d ON d.id = u.parent_id AND d.level = 'district'
        LEFT JOIN unit_totals t ON t.campaign_id = cu.campaign_id AND t.unit_id = cu.unit_id
        WHERE cu.campaign_id = ?
        """

    /// Unit id → the campaign's satisfied share for that unit (the dashboard's figure: `SatisfactionTally.overall`
    /// of its option counters), through the counter cache when there is one.
    private func satisfiedShares(_ campaign: CampaignRecord, rows: [Row]) throws -> [Int64: Double] {
        guard let form = try FormStore(connection).definition(formVersionID: campaign.formVersionID) else {
            return [:]
        }
        let layout = SatisfactionLayout(form: form)
        let tallies: [Int64: SatisfactionTally]
        if let cache {
            tallies =
                try cache.counters(
                    connection, campaignID: campaign.id, formVersionID: campaign.formVersionID, layout: layout,
                    units: try rows.map { (id: try $0.int64("unit_id"), answers: try $0.int("answers")) }
                ).tallies
        } else {
            tallies =
                try CampaignFigures.add(
                    try connection.query(
                        CampaignFigures.optionCountsSQL(.campaign), named: ["campaign": campaign.id]),
                    layout: layout
                ).tallies
        }
        var shares: [Int64: Double] = [:]
        shares.reserveCapacity(tallies.count)
        for (unitID, tally) in tallies {
            if let share = tally.overall { shares[unitID] = share }
        }
        return shares
    }

    /// Unit id → answers dated in the year, for a campaign whose days straddle it.
    private func answersInYear(_ campaign: CampaignRecord, year: Int) throws -> [Int64: Int] {
        var answers: [Int64: Int] = [:]
        for row in try connection.query(
            """
            SELECT unit_id, sum(answers) AS answers FROM daily_answer_counts
            WHERE campaign_id = ? AND local_date BETWEEN ? AND ? GROUP BY unit_id
            """,
            [campaign.id, YearCampaigns.firstDay(of: year).iso, YearCampaigns.lastDay(of: year).iso])
        {
            answers[try row.int64("unit_id")] = try row.int("answers")
        }
        return answers
    }
}
