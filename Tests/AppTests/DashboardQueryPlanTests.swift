import Database
import Testing
@testable import App

/// The summaries must stay fast at national scale: they read counters through their keys and never scan a table,
/// least of all `responses`.
@Suite struct DashboardQueryPlanTests {
    func plan(_ connection: Connection, _ sql: String, _ arguments: [String: any DatabaseValueConvertible]) throws -> [String] {
        try connection.query("EXPLAIN QUERY PLAN " + sql, named: arguments).map { try $0.string(3) }
    }

    @Test func perUnitSummaryReadsOnlyThroughKeys() throws {
        let fixture = try ReportFixture()
        let campaignWide = try plan(fixture.connection, CampaignFigures.unitsSQL(.campaign),
                                    ["campaign": 1, "today": "2024-06-12"])
        let oneUnit = try plan(fixture.connection, CampaignFigures.unitsSQL(.unit(3)),
                               ["campaign": 1, "today": "2024-06-12", "scope": 3])
        let district = try plan(fixture.connection, CampaignFigures.unitsSQL(.district(2)),
                                ["campaign": 1, "today": "2024-06-12", "scope": 2])
        for steps in [campaignWide, oneUnit, district] {
            // "a" and "r" are the materialised per-unit aggregates (one row per unit), not stored tables.
            let scans = steps.filter { $0.hasPrefix("SCAN") && !$0.hasPrefix("SCAN a ") && !$0.hasPrefix("SCAN r ") }
            #expect(scans.isEmpty, "no stored table is scanned: \(steps)")
            #expect(!steps.joined().contains("responses"))
            #expect(steps.contains { $0.contains("suggestions_by_unit_status") })
            #expect(steps.contains { $0.contains("sqlite_autoindex_daily_reports_1 (campaign_id=? AND unit_id=? AND local_date=?)") })
        }
        #expect(campaignWide.contains("SEARCH c USING PRIMARY KEY (campaign_id=?)"))
        #expect(oneUnit.contains("SEARCH c USING PRIMARY KEY (campaign_id=? AND unit_id=?)"))
        #expect(district.contains("SEARCH c USING PRIMARY KEY (campaign_id=? AND unit_id=?)"), "\(district)")
    }

    @Test func answersPerDayUseTheCoveringIndex() throws {
        let fixture = try ReportFixture()
        let steps = try plan(fixture.connection, """
            SELECT local_date, sum(answers) FROM daily_answer_counts WHERE campaign_id = :campaign GROUP BY local_date
            """, ["campaign": 1])
        #expect(steps == ["SEARCH daily_answer_counts USING COVERING INDEX daily_answer_counts_by_day (campaign_id=?)"])
    }
}
