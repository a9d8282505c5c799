import Database
import Foundation
import Survey
import Testing

@testable import App
@testable import Store

/// A campaign closed by hand before its last day stops counting on the closing day: reports the unit files later
/// for its other campaigns no longer add to this one's report days, punctuality or visitors; reopening gives the
/// days back. Migration 0014 applies the same to campaigns closed early before it, from the audit log.
@Suite struct CampaignEarlyCloseTests {
    let today = ReportFixture.today  // Wednesday 12/06; the campaigns run 10–16/06.

    static func totals(_ connection: Connection, campaign: Int64, unit: Int64) throws -> (days: Int, visitors: Int) {
        let row = try #require(
            try connection.queryOne(
                "SELECT report_days, visitors FROM unit_totals WHERE campaign_id = ? AND unit_id = ?",
                [campaign, unit]))
        return (try row.int("report_days"), try row.int("visitors"))
    }

    /// Files the unit's own report for `date` inside that day's window, not through a campaign.
    static func file(_ fixture: ReportFixture, _ code: String, on date: LocalDate, visitors: Int) throws {
        var draft = try fixture.draft(code, on: date, visitors: visitors)
        draft.campaignID = nil
        try DailyReportStore(fixture.connection).submit(
            draft, by: ReportFixture.user(7), now: ReportFixture.at(date, 16, 45))
    }

    @Test func closingEarlyStopsCountingAfterTheClosingDayAndReopeningRestores() throws {
        let fixture = try ReportFixture()
        let other = try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS03", codes: ["07201"], today: today)
        let unit = try fixture.unitID("07201")
        let store = CampaignStore(fixture.connection)
        for (offset, visitors) in [(0, 10), (1, 20), (2, 30)] {
            try Self.file(fixture, "07201", on: ReportFixture.campaignStart.adding(days: offset), visitors: visitors)
        }

        try store.close(campaignID: fixture.campaignID, today: today)
        let closed = try #require(try store.campaign(id: fixture.campaignID))
        #expect(closed.schedule.state == .closed)
        #expect(closed.schedule.endsOn == today)
        #expect(closed.plannedEndsOn == ReportFixture.campaignEnd)

        // Thursday's report counts for the campaign still open, not for the one closed on Wednesday.
        try Self.file(fixture, "07201", on: today.adding(days: 1), visitors: 40)
        #expect(try Self.totals(fixture.connection, campaign: fixture.campaignID, unit: unit) == (3, 60))
        #expect(try Self.totals(fixture.connection, campaign: other, unit: unit) == (4, 100))

        // Closing twice keeps the first planned end; reopening gives the days (and Thursday's report) back.
        try store.close(campaignID: fixture.campaignID, today: today.adding(days: 1))
        #expect(try store.campaign(id: fixture.campaignID)?.plannedEndsOn == ReportFixture.campaignEnd)
        try store.open(campaignID: fixture.campaignID)
        let reopened = try #require(try store.campaign(id: fixture.campaignID))
        #expect(reopened.schedule.endsOn == ReportFixture.campaignEnd)
        #expect(reopened.plannedEndsOn == nil)
        #expect(try Self.totals(fixture.connection, campaign: fixture.campaignID, unit: unit) == (4, 100))
    }

    @Test func closingOnOrAfterTheLastDayKeepsTheDates() throws {
        let fixture = try ReportFixture()
        let store = CampaignStore(fixture.connection)
        try store.close(campaignID: fixture.campaignID, today: ReportFixture.campaignEnd)
        let onLastDay = try #require(try store.campaign(id: fixture.campaignID))
        #expect(onLastDay.schedule.endsOn == ReportFixture.campaignEnd)
        #expect(onLastDay.plannedEndsOn == nil)
        try store.open(campaignID: fixture.campaignID)
        try store.close(campaignID: fixture.campaignID, today: ReportFixture.campaignEnd.adding(days: 5))
        #expect(try store.campaign(id: fixture.campaignID)?.schedule.endsOn == ReportFixture.campaignEnd)
    }

    @Test func closingBeforeTheFirstDayEndsOnTheFirstDay() throws {
        let fixture = try ReportFixture()
        let store = CampaignStore(fixture.connection)
        try store.close(campaignID: fixture.campaignID, today: ReportFixture.campaignStart.adding(days: -3))
        let closed = try #require(try store.campaign(id: fixture.campaignID))
        #expect(closed.schedule.endsOn == ReportFixture.campaignStart)
        #expect(closed.plannedEndsOn == ReportFixture.campaignEnd)
    }

    @Test func migrationEndsCampaignsClosedEarlyOnTheirClosingDay() throws {
        let folder = NSTemporaryDirectory() + "qcdc-0014-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let connection = try Connection(path: folder + "/qcdc.sqlite3")
        let all = try AppDatabase.migrations()
        try Migrator(migrations: all.filter { $0.version < 14 }).migrate(connection)
        try ReportFixture.importUnits(connection, file: "bac_giang_2024.csv", effective: "2024-01-01")
        let closedEarly = try ReportFixture.createCampaign(
            connection, formCode: "PKS02", codes: ["07201"], today: today)
        let closedWithoutLog = try ReportFixture.createCampaign(
            connection, formCode: "PKS03", codes: ["07201"], today: today)
        let closedAfterEnd = try ReportFixture.createCampaign(
            connection, formCode: "PKS04", codes: ["07201"], today: today)
        let stillOpen = try ReportFixture.createCampaign(
            connection, formCode: "PKS06", codes: ["07201"], today: today)
        for id in [closedEarly, closedWithoutLog, closedAfterEnd, stillOpen] {
            try connection.run(
                "UPDATE campaigns SET state = ? WHERE id = ?", [id == stillOpen ? "open" : "closed", id])
        }
        // Closed at 23:30 Hanoi on Wednesday (16:30 UTC): the Hanoi date is the 12th; an older close on the 11th
        // was followed by a reopening, so the last close counts.
        for (campaign, instant) in [
            (closedEarly, ReportFixture.at(today.adding(days: -1), 9, 0)),
            (closedEarly, ReportFixture.at(today, 23, 30)),
            (closedAfterEnd, ReportFixture.at(ReportFixture.campaignEnd.adding(days: 2), 8, 0)),
            (stillOpen, ReportFixture.at(today, 8, 0)),
        ] {
            try connection.run(
                "INSERT INTO audit_log (at, username, action, detail) VALUES (?, 'tinh', 'campaign_close', ?)",
                [instant, "Đợt số \(campaign) “Đợt thử”: Đang mở → Đã đóng"])
        }
        try Migrator(migrations: all).migrate(connection)

        let store = CampaignStore(connection)
        let early = try #require(try store.campaign(id: closedEarly))
        #expect(early.schedule.endsOn == today)
        #expect(early.plannedEndsOn == ReportFixture.campaignEnd)
        for id in [closedWithoutLog, closedAfterEnd, stillOpen] {
            let campaign = try #require(try store.campaign(id: id))
            #expect(campaign.schedule.endsOn == ReportFixture.campaignEnd)
            #expect(campaign.plannedEndsOn == nil)
        }
    }
}
