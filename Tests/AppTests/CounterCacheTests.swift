import Database
import Survey
import Testing

@testable import App
@testable import Store

/// The counter cache must never change a figure: after each change the cached read equals a direct read, and it
/// reads only what changed.
@Suite struct CounterCacheTests {
    static let today = ReportFixture.today
    static let monday = LocalDate(iso: "2024-06-10")!

    func counters(_ fixture: ReportFixture, _ cache: CounterCache) throws
        -> (tallies: [Int64: SatisfactionTally], optionTotals: [Int64: Int], refresh: CounterCache.Refresh)
    {
        let campaign = try #require(try CampaignStore(fixture.connection).campaign(id: fixture.campaignID))
        let form = try #require(try FormStore(fixture.connection).definition(formVersionID: campaign.formVersionID))
        let units = try ReportFixture.communeCodes.map { code in
            let id = try fixture.unitID(code)
            let answers =
                try fixture.connection.scalar(
                    "SELECT answers FROM unit_totals WHERE campaign_id = ? AND unit_id = ?", [fixture.campaignID, id],
                    as: Int.self) ?? 0
            return (id: id, answers: answers)
        }
        return try cache.counters(
            fixture.connection, campaignID: fixture.campaignID,
            formVersionID: campaign.formVersionID, layout: SatisfactionLayout(form: form),
            units: units)
    }

    /// The cached figures against a direct read of the same data.
    func expectSameFigures(_ fixture: ReportFixture, _ cache: CounterCache) throws {
        let cached = try #require(
            try CampaignFigures.load(
                fixture.connection, campaignID: fixture.campaignID,
                today: Self.today, cache: cache))
        let direct = try #require(
            try CampaignFigures.load(
                fixture.connection, campaignID: fixture.campaignID,
                today: Self.today))
        #expect(cached.communes == direct.communes)
        #expect(cached.optionTotals == direct.optionTotals)
        let ids = direct.communes.map(\.unitID)
        #expect(cached.satisfaction(pooling: ids) == direct.satisfaction(pooling: ids))
        let store = ReportSummaryStore(fixture.connection)
        #expect(
            try ReportSummaryStore(fixture.connection, cache: cache).answersPerDay(
                campaignID: fixture.campaignID, through: Self.today,
                total: direct.communes.reduce(0) { $0 + $1.answers },
                today: Self.today)
                == store.answersPerDay(campaignID: fixture.campaignID, through: Self.today))
    }

    @Test func readsOnlyUnitsWithNewAnswers() throws {
        let fixture = try ReportFixture()
        let cache = CounterCache()
        try fixture.addCounts("07201", on: Self.monday, answers: 2, options: [2021: 2])
        try fixture.addCounts("07243", on: Self.monday, answers: 1, options: [2023: 1])
        #expect(try counters(fixture, cache).refresh == .scan, "the first read scans the campaign")
        #expect(try counters(fixture, cache).refresh == .units(0), "nothing new: nothing read")
        try expectSameFigures(fixture, cache)

        try fixture.addCounts("07201", on: Self.today, answers: 1, options: [2023: 1])
        let after = try counters(fixture, cache)
        #expect(after.refresh == .units(1), "only Thọ Xương got an answer")
        #expect(after.tallies[try fixture.unitID("07201")]?.overall == 2.0 / 3)
        #expect(after.optionTotals[2023] == 2)
        try expectSameFigures(fixture, cache)

        try fixture.storeResponses("07207", on: Self.today, count: 3)
        #expect(try counters(fixture, cache).refresh == .units(1), "real answers move the unit's total too")
        try expectSameFigures(fixture, cache)
    }

    @Test func rescansWhenOldOrForgotten() throws {
        let fixture = try ReportFixture()
        try fixture.addCounts("07201", on: Self.monday, answers: 2, options: [2021: 2])
        let always = CounterCache(maxAge: .zero)
        #expect(try counters(fixture, always).refresh == .scan)
        #expect(try counters(fixture, always).refresh == .scan, "older than maxAge: scanned again")
        let cache = CounterCache()
        _ = try counters(fixture, cache)
        cache.forget(campaignID: fixture.campaignID)
        #expect(try counters(fixture, cache).refresh == .scan)
    }

    @Test func answersPerDayRereadOnlyTodayUnlessAnEarlierDayMoved() throws {
        let fixture = try ReportFixture()
        let cache = CounterCache()
        func perDay(_ total: Int) throws -> ([String: Int], CounterCache.Refresh) {
            let result = try cache.answersPerDay(
                fixture.connection, campaignID: fixture.campaignID, today: Self.today,
                total: total)
            return (result.byDay, result.refresh)
        }
        try fixture.addCounts("07201", on: Self.monday, answers: 4)
        #expect(try perDay(4) == (["2024-06-10": 4], .scan))
        #expect(try perDay(4) == (["2024-06-10": 4], .units(1)))
        try fixture.addCounts("07204", on: Self.today, answers: 2)
        #expect(try perDay(6) == (["2024-06-10": 4, "2024-06-12": 2], .units(1)), "today is read afresh")
        // A counter of an earlier day moved (a late import, a clock set back): the sums no longer add up.
        try fixture.addCounts("07204", on: Self.monday, answers: 1)
        #expect(try perDay(7) == (["2024-06-10": 5, "2024-06-12": 2], .scan))
        try expectSameFigures(fixture, cache)
    }
}
