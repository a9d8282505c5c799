import Database
import Foundation
import Survey
import Testing

@testable import App
@testable import Store

/// Migration 0011 moves per-campaign daily reports to one report per unit and day without loss: every version of
/// every campaign's report of a (unit, day) becomes a version of the unit's report, in filing order, the latest
/// current, with its on-time flag, who filed it and the campaign it was filed under.
@Suite struct DailyReportMigrationTests {
    let today = ReportFixture.today

    @Test func perCampaignReportsBecomeVersionsOfTheUnitsReport() throws {
        let folder = NSTemporaryDirectory() + "qcdc-0011-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let connection = try Connection(path: folder + "/qcdc.sqlite3")
        let all = try AppDatabase.migrations()
        try Migrator(migrations: all.filter { $0.version < 11 }).migrate(connection)
        let setID = try ReportFixture.importUnits(connection, file: "bac_giang_2024.csv", effective: "2024-01-01")
        let first = try ReportFixture.createCampaign(connection, formCode: "PKS02", codes: ["07201"], today: today)
        let second = try ReportFixture.createCampaign(
            connection, formCode: "PKS03", codes: ["07201"], today: today, start: today)
        let unit = try #require(try UnitStore(connection).unit(code: "07201", inSet: setID)).id
        try connection.run(
            """
            INSERT INTO late_entry_openings (campaign_id, unit_id, local_date, reason, opened_by, opened_at, until)
            VALUES (?, ?, ?, 'Mất mạng', 42, ?, ?)
            """, [second, unit, today.iso, ReportFixture.at(today, 17, 5), ReportFixture.at(today, 23, 0)])
        let opening = connection.lastInsertRowID
        // (campaign, version, visitors, on_time, submitted at, by, opening) as 0008–0010 stored them.
        typealias Version = (
            campaign: Int64, version: Int, visitors: Int, onTime: Int, at: Int64, by: Int64, opening: Int64?
        )
        let filed: [Version] = [
            (first, 1, 10, 1, ReportFixture.at(today, 16, 40), 7, nil),
            (second, 1, 11, 1, ReportFixture.at(today, 16, 42), 8, nil),
            (first, 2, 12, 1, ReportFixture.at(today, 16, 50), 7, nil),
            (second, 2, 13, 0, ReportFixture.at(today, 17, 10), 8, opening),
        ]
        var reportIDs: [Int64: Int64] = [:]
        for campaign in [first, second] {
            let versions = filed.filter { $0.campaign == campaign }
            let last = try #require(versions.last)
            try connection.run(
                """
                INSERT INTO daily_reports (campaign_id, unit_id, local_date, visitors, guided, staff_on_duty,
                                           volunteers, on_time, version, first_submitted_at, submitted_at,
                                           submitted_by, late_entry_opening_id)
                VALUES (?, ?, ?, ?, 2, 1, 0, ?, ?, ?, ?, ?, ?)
                """,
                [
                    campaign, unit, today.iso, last.visitors, last.onTime, last.version, versions[0].at, last.at,
                    last.by,
                    last.opening,
                ])
            reportIDs[campaign] = connection.lastInsertRowID
        }
        for version in filed {
            try connection.run(
                """
                INSERT INTO daily_report_versions (report_id, version, visitors, guided, staff_on_duty, volunteers,
                                                   publicity, difficulties, proposals, on_time, submitted_at,
                                                   submitted_by, late_entry_opening_id)
                VALUES (?, ?, ?, 2, 1, 0, 'loa', '', ?, ?, ?, ?, ?)
                """,
                [
                    reportIDs[version.campaign], version.version, version.visitors, "v\(version.version)",
                    version.onTime, version.at, version.by, version.opening,
                ])
        }
        // An earlier day only the first campaign has, filed once.
        let monday = ReportFixture.campaignStart
        try connection.run(
            """
            INSERT INTO daily_reports (campaign_id, unit_id, local_date, visitors, guided, staff_on_duty, volunteers,
                                       on_time, version, first_submitted_at, submitted_at, submitted_by)
            VALUES (?, ?, ?, 5, 2, 1, 0, 1, 1, 100, 100, 7)
            """, [first, unit, monday.iso])
        try connection.run(
            """
            INSERT INTO daily_report_versions (report_id, version, visitors, guided, staff_on_duty, volunteers,
                                               publicity, difficulties, proposals, on_time, submitted_at, submitted_by)
            VALUES (?, 1, 5, 2, 1, 0, '', '', '', 1, 100, 7)
            """, [connection.lastInsertRowID])

        let applied = try Migrator(migrations: all).migrate(connection)
        #expect(applied.first?.version == 11, "0011 applies first over a database at 0010")

        let store = DailyReportStore(connection)
        let report = try #require(try store.report(unitID: unit, date: today))
        #expect(report.version == 4)
        #expect(report.visitors == 13 && !report.onTime && report.submittedBy == 8)
        #expect(report.lateEntryOpeningID == opening)
        let versions = try store.versions(reportID: report.id)
        #expect(versions.map(\.visitors) == [10, 11, 12, 13], "in filing order")
        #expect(versions.map(\.version) == [1, 2, 3, 4])
        #expect(versions.map(\.onTime) == [true, true, true, false])
        #expect(versions.map(\.submittedBy) == [7, 8, 7, 8])
        #expect(versions.map(\.submittedAt) == filed.map(\.at))
        #expect(versions.map(\.filedUnderCampaignID) == [first, second, first, second])
        #expect(versions.map(\.proposals) == ["v1", "v1", "v2", "v2"])
        #expect(versions.map(\.lateEntryOpeningID) == [nil, nil, nil, opening])
        #expect(
            try connection.scalar(
                "SELECT first_submitted_at FROM unit_daily_reports WHERE id = ?", [report.id], as: Int64.self)
                == filed[0].at)
        let monday1 = try #require(try store.report(unitID: unit, date: monday))
        #expect(monday1.version == 1 && monday1.visitors == 5 && monday1.onTime)
        #expect(try connection.scalar("SELECT count(*) FROM unit_daily_report_versions", as: Int.self) == 5)
        #expect(
            try connection.scalar(
                "SELECT count(*) FROM sqlite_schema WHERE name IN ('daily_reports', 'daily_report_versions')",
                as: Int.self) == 0)

        // The totals: the first campaign counts both days, the second (from 12/06) only today; both now late.
        let row = "SELECT report_days, on_time_reports, visitors FROM unit_totals WHERE campaign_id = ? AND unit_id = ?"
        let one = try #require(try connection.queryOne(row, [first, unit]))
        #expect([try one.int("report_days"), try one.int("on_time_reports"), try one.int("visitors")] == [2, 1, 18])
        let two = try #require(try connection.queryOne(row, [second, unit]))
        #expect([try two.int("report_days"), try two.int("on_time_reports"), try two.int("visitors")] == [1, 0, 13])
        #expect(try UnitDailyReportTests.drift(connection) == 0)
    }
}
