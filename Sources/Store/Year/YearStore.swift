import Database
import Survey

/// A year's figures across campaigns: the rankings (every commune, `rankings`) and one commune's year
/// (`communeYear`, in YearStore+Commune.swift). Read from the counter tables and read models only — `unit_totals`
/// for a campaign's answers per unit, `option_counts` through the `CounterCache` for satisfaction, and
/// `daily_answer_counts` for the days of a campaign spanning two years — never from `responses`.
public struct YearStore {
    package let connection: Connection
    package let cache: CounterCache?
    package let yearCache: YearCache?

    public init(_ connection: Connection, cache: CounterCache? = nil, yearCache: YearCache? = nil) {
        self.connection = connection
        self.cache = cache
        self.yearCache = yearCache
    }

    /// Every commune a published campaign of the year covers, and every district, with the index and ranks.
    /// With a `YearCache`, only campaigns whose fingerprint moved are read again (see there).
    public func rankings(year: Int) throws -> YearRankings {
        let index = try IndexWeights(connection).index()
        let campaigns = try YearCampaigns.all(connection, year: year)
        var keys: [YearCache.CampaignKey] = []
        for campaign in campaigns {
            let answers =
                try connection.scalar(
                    "SELECT coalesce(sum(answers), 0) FROM unit_totals WHERE campaign_id = ?", [campaign.id],
                    as: Int.self) ?? 0
            keys.append(
                YearCache.CampaignKey(
                    id: campaign.id, year: year, formVersionID: campaign.formVersionID,
                    startsOn: campaign.schedule.startsOn.iso, endsOn: campaign.schedule.endsOn.iso,
                    state: campaign.schedule.state.rawValue, answers: answers))
        }
        let resultKey = YearCache.ResultKey(
            campaigns: keys, weights: index.weights, minimumAnswers: index.minimumAnswers)
        if let kept = yearCache?.rankings(year: year, key: resultKey) { return kept }
        var parts: [(formCode: String, lines: [YearCache.Line])] = []
        for (campaign, key) in zip(campaigns, keys) {
            if let kept = yearCache?.lines(key) {
                parts.append((campaign.formCode, kept))
                continue
            }
            let lines = try lines(campaign, year: year)
            yearCache?.keep(key, lines)
            parts.append((campaign.formCode, lines))
        }
        let rankings = Self.rankings(year: year, index: index, parts: parts)
        yearCache?.keep(year: year, key: resultKey, rankings: rankings)
        return rankings
    }

    /// A campaign's communes with their answers in the year and satisfied share.
    private func lines(_ campaign: CampaignRecord, year: Int) throws -> [YearCache.Line] {
        let rows = try connection.query(Self.unitsSQL, [campaign.id])
        let shares = try satisfiedShares(campaign, rows: rows)
        let dated = YearCampaigns.isWithin(campaign, year: year) ? nil : try answersInYear(campaign, year: year)
        var lines: [YearCache.Line] = []
        lines.reserveCapacity(rows.count)
        for row in rows where try row.string("level") == "commune" {
            let unitID = try row.int64("unit_id")
            lines.append(
                YearCache.Line(
                    code: try row.string("code"), name: try row.string("name"),
                    districtCode: try row.optionalString("district_code"),
                    districtName: try row.optionalString("district_name"),
                    answers: try dated.map { $0[unitID] ?? 0 } ?? row.int("answers"), share: shares[unitID]))
        }
        return lines
    }

    /// Per commune and form, the campaigns' parts pooled as `SatisfactionIndex.FormResult.pooling` does (same
    /// order, same arithmetic), in flat arrays: at 3,321 communes × seven campaigns, nested dictionaries of arrays
    /// cost more than the rest of the request.
    static func rankings(
        year: Int, index: SatisfactionIndex, parts: [(formCode: String, lines: [YearCache.Line])]
    ) -> YearRankings {
        let formCodes = Array(Set(parts.map(\.formCode))).sorted()
        let formSlot = Dictionary(uniqueKeysWithValues: formCodes.enumerated().map { ($1, $0) })
        struct Accumulator {
            var present = false
            var answers = 0
            var weighted = 0.0
            var weight = 0
        }
        struct Commune {
            var name: String
            var districtCode: String?
            var districtName: String?
            var forms: [Accumulator]
        }
        var slots: [String: Int] = [:]
        var communes: [Commune] = []
        var districtNames: [String: String] = [:]
        for part in parts {
            guard let form = formSlot[part.formCode] else { continue }
            for line in part.lines {
                let slot: Int
                if let known = slots[line.code] {
                    slot = known
                    // Campaigns come in date order: the latest one's name and district stand.
                    communes[slot].name = line.name
                    communes[slot].districtCode = line.districtCode
                    communes[slot].districtName = line.districtName
                } else {
                    slot = communes.count
                    slots[line.code] = slot
                    communes.append(
                        Commune(
                            name: line.name, districtCode: line.districtCode, districtName: line.districtName,
                            forms: Array(repeating: Accumulator(), count: formCodes.count)))
                }
                if let code = line.districtCode, let name = line.districtName { districtNames[code] = name }
                communes[slot].forms[form].present = true
                communes[slot].forms[form].answers += line.answers
                if let share = line.share, line.answers > 0 {
                    communes[slot].forms[form].weighted += share * Double(line.answers)
                    communes[slot].forms[form].weight += line.answers
                }
            }
        }
        var communeResults: [YearUnitResult] = []
        communeResults.reserveCapacity(communes.count)
        var districtParts: [String: [[SatisfactionIndex.FormResult]]] = [:]
        for (code, slot) in slots.sorted(by: { $0.key < $1.key }) {
            let commune = communes[slot]
            var forms: [String: SatisfactionIndex.FormResult] = [:]
            for (place, accumulator) in commune.forms.enumerated() where accumulator.present {
                forms[formCodes[place]] = SatisfactionIndex.FormResult(
                    answers: accumulator.answers,
                    satisfiedShare: accumulator.weight > 0 ? accumulator.weighted / Double(accumulator.weight) : nil)
            }
            communeResults.append(
                YearUnitResult(
                    code: code, name: commune.name, districtCode: commune.districtCode,
                    districtName: commune.districtName, forms: forms, outcome: index.outcome(forms)))
            if let district = commune.districtCode {
                let empty = Array(repeating: [SatisfactionIndex.FormResult](), count: formCodes.count)
                // Appended in place in the dictionary: a copy taken out and put back copies every array.
                for (place, code) in formCodes.enumerated() {
                    if let result = forms[code] { districtParts[district, default: empty][place].append(result) }
                }
            }
        }
        let districtResults = districtParts.keys.sorted().map { code in
            var forms: [String: SatisfactionIndex.FormResult] = [:]
            for (place, results) in (districtParts[code] ?? []).enumerated() where !results.isEmpty {
                forms[formCodes[place]] = SatisfactionIndex.FormResult.pooling(results)
            }
            return YearUnitResult(
                code: code, name: districtNames[code] ?? code, districtCode: nil, districtName: nil, forms: forms,
                outcome: index.outcome(forms))
        }
        let ranked = YearRankings.ranked(communes: communeResults, districts: districtResults)
        return YearRankings(
            year: year, index: index, formCodes: formCodes, communes: ranked.communes, districts: ranked.districts,
            campaigns: parts.count)
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
