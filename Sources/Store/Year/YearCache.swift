import Synchronization

/// The year's rankings kept between requests (`YearStore.rankings`), exact under the rule `CounterCache` relies
/// on: answers are only ever added, so a campaign whose answer total (the sum of its `unit_totals.answers`), dates,
/// state and form version are unchanged has the same per-unit figures. Each campaign's commune lines are kept
/// with that fingerprint and read again only when it moved; the whole result is kept with the fingerprints of
/// every campaign of the year and the weighting, and reused when none changed. At national scale (3,321
/// communes, seven campaigns) building the lines of all seven took ~0.5 s; a request now pays for the fingerprints
/// (a sum over a few thousand `unit_totals` keys per campaign) and for the campaigns that received answers.
public final class YearCache: Sendable {
    /// What a campaign's lines depend on.
    package struct CampaignKey: Sendable, Hashable {
        let id: Int64
        let year: Int
        let formVersionID: Int64
        let startsOn: String
        let endsOn: String
        let state: String
        let answers: Int
    }

    /// A commune of a campaign with its answers in the year and the campaign's satisfied share for it.
    package struct Line: Sendable {
        let code: String
        let name: String
        let districtCode: String?
        let districtName: String?
        let answers: Int
        let share: Double?
    }

    package struct ResultKey: Sendable, Hashable {
        let campaigns: [CampaignKey]
        let weights: [String: Double]
        let minimumAnswers: Int
    }

    private let lines = Mutex<[CampaignKey: [Line]]>([:])
    private let results = Mutex<[Int: (key: ResultKey, rankings: YearRankings)]>([:])

    public init() {}

    package func lines(_ key: CampaignKey) -> [Line]? {
        lines.withLock { $0[key] }
    }

    /// Keeps a campaign's lines, dropping the same campaign's older ones.
    package func keep(_ key: CampaignKey, _ value: [Line]) {
        lines.withLock { stored in
            for old in stored.keys where old.id == key.id && old.year == key.year { stored[old] = nil }
            stored[key] = value
        }
    }

    package func rankings(year: Int, key: ResultKey) -> YearRankings? {
        results.withLock { $0[year] }.flatMap { $0.key == key ? $0.rankings : nil }
    }

    package func keep(year: Int, key: ResultKey, rankings: YearRankings) {
        results.withLock { $0[year] = (key, rankings) }
    }
}
