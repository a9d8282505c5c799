import Survey

/// A commune's or a district's line in the year's rankings: its figures per form, its index and its ranks.
public struct YearUnitResult: Sendable, Hashable {
    public let code: String
    public let name: String
    /// A commune's district; nil for a district line or a commune of a unit set without districts.
    public let districtCode: String?
    public let districtName: String?
    /// Form code → the year's figures, for the forms whose campaigns covered the unit.
    public let forms: [String: SatisfactionIndex.FormResult]
    public let outcome: SatisfactionIndex.Outcome
    /// Among the communes of its district (communes only); nil when unranked.
    public package(set) var rankInDistrict: Int?
    /// Among the communes (or the districts) of the province; nil when unranked.
    public package(set) var rankInProvince: Int?
}

/// The year's rankings (`YearStore.rankings`): every commune covered by a campaign of the year, in code order, and
/// every district, each with its index and ranks. How ranks are given: `CompetitionRanking` ("1, 2, 2, 4", ties
/// listed by code); a commune is ranked in its district among that district's communes and in the province among
/// all; a district is ranked among districts by the index of its communes' pooled figures (per form, answers
/// added up and shares weighted by answers; its one-stop desk's PKS05 is not one of its communes'). Unranked
/// units keep their reason.
public struct YearRankings: Sendable {
    public let year: Int
    public let index: SatisfactionIndex
    /// The forms of the year's campaigns, in code order.
    public let formCodes: [String]
    public let communes: [YearUnitResult]
    public let districts: [YearUnitResult]
    /// Published campaigns of the year.
    public let campaigns: Int

    /// Ranked units first by rank (ties by code), then the unranked by code. Sorts positions, not the units
    /// (copying 3,321 results for a sort cost more than the rest of a cached rankings page).
    public static func ordered(_ units: [YearUnitResult], by rank: (YearUnitResult) -> Int?) -> [Int] {
        let ranks = units.map { rank($0) ?? Int.max }
        return units.indices.sorted { lhs, rhs in
            ranks[lhs] != ranks[rhs] ? ranks[lhs] < ranks[rhs] : units[lhs].code < units[rhs].code
        }
    }

    /// Gives the ranks: communes in their district and in the province, districts in the province.
    static func ranked(
        communes: [YearUnitResult], districts: [YearUnitResult]
    ) -> (communes: [YearUnitResult], districts: [YearUnitResult]) {
        var communes = communes
        var districts = districts
        let rankedCommunes = communes.indices.filter { communes[$0].outcome.value != nil }
        for place in CompetitionRanking.rank(
            rankedCommunes, code: { communes[$0].code }, value: { communes[$0].outcome.value ?? 0 })
        {
            communes[place.item].rankInProvince = place.rank
        }
        let byDistrict = Dictionary(grouping: rankedCommunes) { communes[$0].districtCode ?? "" }
        for (district, members) in byDistrict where !district.isEmpty {
            for place in CompetitionRanking.rank(
                members, code: { communes[$0].code }, value: { communes[$0].outcome.value ?? 0 })
            {
                communes[place.item].rankInDistrict = place.rank
            }
        }
        let rankedDistricts = districts.indices.filter { districts[$0].outcome.value != nil }
        for place in CompetitionRanking.rank(
            rankedDistricts, code: { districts[$0].code }, value: { districts[$0].outcome.value ?? 0 })
        {
            districts[place.item].rankInProvince = place.rank
        }
        return (communes, districts)
    }
}
