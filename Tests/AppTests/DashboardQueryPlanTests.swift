import Database
import Testing

@testable import App
@testable import Store

/// The summaries must stay fast at national scale: they read counters through their keys and never scan a table,
/// least of all `responses`.
@Suite struct DashboardQueryPlanTests {
    func plan(_ connection: Connection, _ sql: String, _ arguments: [String: any DatabaseValueConvertible]) throws
        -> [String]
    {
        try connection.query("EXPLAIN QUERY PLAN " + sql, named: arguments).map { try $0.string(3) }
    }

    @Test func perUnitSummaryReadsOnlyThroughKeys() throws {
        let fixture = try ReportFixture()
        let campaignWide = try plan(
            fixture.connection, CampaignFigures.unitsSQL(.campaign),
            ["campaign": 1, "today": "2024-06-12"])
        let oneUnit = try plan(
            fixture.connection, CampaignFigures.unitsSQL(.unit(3)),
            ["campaign": 1, "today": "2024-06-12", "scope": 3])
        let district = try plan(
            fixture.connection, CampaignFigures.unitsSQL(.district(2)),
            ["campaign": 1, "today": "2024-06-12", "scope": 2])
        for steps in [campaignWide, oneUnit, district] {
            #expect(!steps.contains { $0.hasPrefix("SCAN") }, "no stored table is scanned: \(steps)")
            #expect(!steps.joined().contains("responses"))
            #expect(steps.contains { $0.contains("suggestions_by_unit_status") })
            // Campaign-long figures: one unit_totals row per unit (migration 0009), never units × days.
            #expect(steps.contains("SEARCH t USING PRIMARY KEY (campaign_id=? AND unit_id=?) LEFT-JOIN"), "\(steps)")
            // Today's answers and report: one key lookup each.
            #expect(steps.contains { $0.hasPrefix("SEARCH a USING") && $0.contains("local_date=?") }, "\(steps)")
            #expect(steps.contains { $0.hasPrefix("SEARCH r USING") && $0.contains("local_date=?") }, "\(steps)")
            #expect(!steps.contains { $0.contains("SEARCH c ") || $0.contains("MATERIALIZE") }, "\(steps)")
        }
        #expect(campaignWide.contains("SEARCH cu USING PRIMARY KEY (campaign_id=?)"), "\(campaignWide)")
    }

    @Test func counterCacheReadsThroughKeys() throws {
        let fixture = try ReportFixture()
        #expect(
            try plan(fixture.connection, CampaignFigures.optionCountsSQL(.campaign), ["campaign": 1])
                == ["SEARCH c USING PRIMARY KEY (campaign_id=?)"])
        #expect(
            try plan(fixture.connection, CampaignFigures.optionCountsSQL(.unit(3)), ["campaign": 1, "scope": 3])
                == ["SEARCH c USING PRIMARY KEY (campaign_id=? AND unit_id=?)"])
        let today = try fixture.connection.query("EXPLAIN QUERY PLAN " + CounterCache.oneDaySQL, [1, "2024-06-12"])
            .map { try $0.string(3) }
        #expect(
            today == [
                "SEARCH daily_answer_counts USING COVERING INDEX daily_answer_counts_by_day (campaign_id=? AND local_date=?)"
            ])
    }

    @Test func answersPerDayUseTheCoveringIndex() throws {
        let fixture = try ReportFixture()
        let steps = try plan(fixture.connection, ReportSummaryStore.daysSQL(.campaign), ["campaign": 1])
        #expect(steps == ["SEARCH daily_answer_counts USING COVERING INDEX daily_answer_counts_by_day (campaign_id=?)"])
        // A district or a unit: its own keys only, whatever the size of the campaign.
        for scope: CampaignFigures.Scope in [.district(2), .unit(3)] {
            let narrowed = try plan(fixture.connection, ReportSummaryStore.daysSQL(scope), ["campaign": 1, "scope": 2])
            #expect(!narrowed.contains { $0.hasPrefix("SCAN") }, "\(narrowed)")
            #expect(
                narrowed.contains { $0.hasSuffix("USING PRIMARY KEY (campaign_id=? AND unit_id=?)") },
                "\(narrowed)")
            #expect(!narrowed.contains { $0.contains("daily_answer_counts_by_day") }, "\(narrowed)")
        }
    }
}
