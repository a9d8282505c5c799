import Database
import Foundation
import Survey
import Testing

@testable import App
@testable import Store

/// Late-entry openings end: by default at the end of the day after the one they were opened on (Vietnam time),
/// or at the end of a last day the district chose; openings stored without an end get that default.
@Suite struct LateEntryTests {
    let today = ReportFixture.today
    let district = ReportFixture.user(42, role: .district)

    @Test func theDefaultEndIsTheEndOfTheNextDayInVietnamTime() throws {
        let fixture = try ReportFixture()
        let openings = LateEntryStore(fixture.connection)
        let store = DailyReportStore(fixture.connection)
        let unit = try fixture.unitID("07207")
        let monday = LocalDate(iso: "2024-06-10")!
        let thursday = today.adding(days: 1)
        let friday = today.adding(days: 2)

        let opening = try openings.open(
            campaignID: fixture.campaignID, unitID: unit, date: monday, reason: "Mất mạng",
            by: district, now: ReportFixture.at(today, 17, 10))
        #expect(opening.until == VietnamTime.startOfDay(friday))
        #expect(opening.untilText == "23:59 13/06/2024")
        #expect(
            try openings.activeOpening(
                unitID: unit, date: monday,
                at: ReportFixture.at(thursday, 23, 59, 59)) == opening)
        let expired = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07207", on: monday, visitors: 4), by: ReportFixture.user(7),
                now: ReportFixture.at(friday, 0, 0, 0))
        }
        #expect(expired?.kind == .notToday(date: monday, today: friday))
        let last = try store.submit(
            try fixture.draft("07207", on: monday, visitors: 4), by: ReportFixture.user(7),
            now: ReportFixture.at(thursday, 23, 59, 59))
        #expect(!last.onTime && last.lateEntryOpeningID == opening.id)

        // The day it is opened on counts in Hanoi, not in UTC: 23:59:59 and 00:00:00 fall on different days.
        let lateAtNight = try openings.open(
            campaignID: fixture.campaignID, unitID: unit, date: monday,
            reason: "Bổ sung", by: district, now: ReportFixture.at(today, 23, 59, 59))
        #expect(lateAtNight.until == VietnamTime.startOfDay(friday))
        let afterMidnight = try openings.open(
            campaignID: fixture.campaignID, unitID: unit, date: monday,
            reason: "Bổ sung", by: district, now: ReportFixture.at(thursday, 0, 0))
        #expect(afterMidnight.until == VietnamTime.startOfDay(friday.adding(days: 1)))
        #expect(afterMidnight.untilText == "23:59 14/06/2024")
    }

    @Test func aChosenLastDayIsCheckedAtItsEdges() throws {
        let fixture = try ReportFixture()
        let openings = LateEntryStore(fixture.connection)
        let unit = try fixture.unitID("07207")
        let now = ReportFixture.at(today, 17, 10)
        func open(lastDay: LocalDate) throws -> LateEntryOpening {
            try openings.open(
                campaignID: fixture.campaignID, unitID: unit, date: today, reason: "Lý do", by: district,
                now: now, until: LateEntryOpening.end(lastDay: lastDay))
        }
        #expect(try open(lastDay: today).untilText == "23:59 12/06/2024", "the last day may be today")
        let furthest = today.adding(days: LateEntryStore.maxDays)
        #expect(try open(lastDay: furthest).until == VietnamTime.startOfDay(furthest.adding(days: 1)))
        let tooFar = #expect(throws: ReportSubmissionError.self) { try open(lastDay: furthest.adding(days: 1)) }
        #expect(tooFar?.kind == .invalid(["until": "Hạn nhập muộn dài nhất 30 ngày, đến hết ngày 12/07/2024."]))
        let past = #expect(throws: ReportSubmissionError.self) { try open(lastDay: today.adding(days: -1)) }
        #expect(past?.kind == .invalid(["until": "Thời hạn nhập muộn phải sau thời điểm hiện tại."]))
        #expect(try openings.openings(campaignID: fixture.campaignID).count == 2)
    }

    @Test func theUnitSeesItsOpeningsInForceOnePerDate() throws {
        let fixture = try ReportFixture()
        let openings = LateEntryStore(fixture.connection)
        let unit = try fixture.unitID("07207")
        let monday = LocalDate(iso: "2024-06-10")!
        let tuesday = LocalDate(iso: "2024-06-11")!
        let now = ReportFixture.at(today, 9, 0)
        try openings.open(
            campaignID: fixture.campaignID, unitID: unit, date: tuesday, reason: "Một", by: district,
            now: now)
        let longer = try openings.open(
            campaignID: fixture.campaignID, unitID: unit, date: tuesday, reason: "Hai",
            by: district, now: now,
            until: LateEntryOpening.end(lastDay: today.adding(days: 5)))
        let ended = try openings.open(
            campaignID: fixture.campaignID, unitID: unit, date: monday, reason: "Ba",
            by: district, now: now)
        try openings.close(openingID: ended.id, now: now + 60)
        try openings.open(
            campaignID: fixture.campaignID, unitID: try fixture.unitID("07201"), date: monday,
            reason: "Đơn vị khác", by: district, now: now)
        let listed = try openings.activeOpenings(unitID: unit, at: now + 120)
        #expect(listed == [longer])
    }

    @Test func openingsStoredWithoutAnEndGetTheDefaultAndNoNewOneCanLackIt() throws {
        let folder = NSTemporaryDirectory() + "qcdc-late-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let connection = try Connection(path: folder + "/qcdc.sqlite3")
        let all = try AppDatabase.migrations()
        try Migrator(migrations: all.filter { $0.version < 10 }).migrate(connection)
        let setID = try ReportFixture.importUnits(connection, file: "bac_giang_2024.csv", effective: "2024-01-01")
        let campaign = try ReportFixture.createCampaign(connection, formCode: "PKS02", codes: ["07201"], today: today)
        let unit = try #require(try UnitStore(connection).unit(code: "07201", inSet: setID)).id
        // As 0008 allowed: an opening with no end, and an on-time report corrected through it that kept on_time.
        let opened = ReportFixture.at(today, 23, 30)
        try connection.run(
            """
            INSERT INTO late_entry_openings (campaign_id, unit_id, local_date, reason, opened_by, opened_at, until)
            VALUES (?, ?, ?, 'Cũ', 1, ?, NULL)
            """, [campaign, unit, today.iso, opened])
        try connection.run(
            """
            INSERT INTO daily_reports (campaign_id, unit_id, local_date, visitors, guided, staff_on_duty, volunteers,
                                       on_time, version, first_submitted_at, submitted_at, late_entry_opening_id)
            VALUES (?, ?, ?, 5, 2, 1, 0, 1, 2, 0, 0, 1)
            """, [campaign, unit, today.iso])
        for (version, onTime) in [(1, 1), (2, 0)] {
            try connection.run(
                """
                INSERT INTO daily_report_versions (report_id, version, visitors, guided, staff_on_duty, volunteers,
                                                   publicity, difficulties, proposals, on_time, submitted_at)
                VALUES (1, ?, 5, 2, 1, 0, '', '', '', ?, 0)
                """, [version, onTime])
        }
        let onTimeReports = "SELECT on_time_reports FROM unit_totals WHERE campaign_id = ? AND unit_id = ?"
        #expect(try connection.scalar(onTimeReports, [campaign, unit], as: Int.self) == 1)

        let applied = try Migrator(migrations: all.filter { $0.version < 11 }).migrate(connection)
        #expect(applied.map(\.version).contains(10))
        let until = try connection.scalar("SELECT until FROM late_entry_openings", as: Int64.self)
        #expect(until == VietnamTime.startOfDay(today.adding(days: 2)), "the end of the day after 12/06, in Hanoi")
        #expect(try connection.scalar("SELECT on_time FROM daily_reports", as: Int.self) == 0)
        #expect(try connection.scalar(onTimeReports, [campaign, unit], as: Int.self) == 0, "the totals follow")

        #expect(throws: SQLiteError.self) {
            try connection.run(
                """
                INSERT INTO late_entry_openings (campaign_id, unit_id, local_date, reason, opened_by, opened_at)
                VALUES (?, ?, ?, 'Mới', 1, ?)
                """, [campaign, unit, today.iso, opened])
        }
        #expect(throws: SQLiteError.self) { try connection.run("UPDATE late_entry_openings SET until = NULL") }
    }
}
