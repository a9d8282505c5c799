import Database
import Foundation
import Survey
import Testing

@testable import App
@testable import Store

/// One daily report per unit and day (migration 0011): every open campaign covering the unit on that day counts it,
/// and the per-campaign totals the dashboards read stay equal to a count from scratch.
@Suite struct UnitDailyReportTests {
    let today = ReportFixture.today
    let commune = ReportFixture.user(7)

    /// A draft from the unit's own report page: no campaign named.
    func unitDraft(
        _ fixture: ReportFixture, _ code: String, on date: LocalDate = ReportFixture.today, visitors: Int
    ) throws -> DailyReportDraft {
        var draft = try fixture.draft(code, on: date, visitors: visitors)
        draft.campaignID = nil
        return draft
    }

    /// `unit_totals` minus a recount from scratch, both ways: 0 when they agree row for row.
    static func drift(_ connection: Connection) throws -> Int {
        // Rows of zeros (a unit taken out of a draft) say nothing either way.
        func nonZero(_ sql: String) -> String {
            "SELECT * FROM (\(sql)) WHERE answers + reported_answers + report_days + visitors > 0"
        }
        let totals = nonZero(
            "SELECT campaign_id, unit_id, answers, reported_answers, report_days, visitors FROM unit_totals")
        let fresh = nonZero(UnitTotalsRecount.sql)
        let one = try connection.scalar("SELECT count(*) FROM (\(fresh) EXCEPT \(totals))", as: Int.self) ?? -1
        let other = try connection.scalar("SELECT count(*) FROM (\(totals) EXCEPT \(fresh))", as: Int.self) ?? -1
        return one + other
    }

    func totals(_ fixture: ReportFixture, campaign: Int64, _ code: String) throws -> [Int] {
        guard
            let row = try fixture.connection.queryOne(
                """
                SELECT report_days, on_time_reports, visitors, reported_answers FROM unit_totals
                WHERE campaign_id = ? AND unit_id = ?
                """, [campaign, try fixture.unitID(code)])
        else { return [] }
        return [
            try row.int("report_days"), try row.int("on_time_reports"), try row.int("visitors"),
            try row.int("reported_answers"),
        ]
    }

    @Test func oneReportCountsForEveryCampaignCoveringTheDay() throws {
        let fixture = try ReportFixture()
        // A second campaign over two of the communes, from 12/06 only; a third that ended on 11/06.
        let second = try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS03", codes: ["07201", "07204"], today: today, start: today)
        let ended = try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS04", codes: ["07201"], today: today,
            start: ReportFixture.campaignStart, end: today.adding(days: -1))
        try fixture.addCounts("07201", on: today, answers: 3)
        try fixture.addCounts("07201", on: today, answers: 2, campaignID: second)

        let receipt = try DailyReportStore(fixture.connection).submit(
            try unitDraft(fixture, "07201", visitors: 10), by: commune,
            now: ReportFixture.at(today, 16, 45))
        #expect(receipt.campaignIDs == [fixture.campaignID, second], "the ended campaign does not take it")
        #expect(try fixture.connection.scalar("SELECT count(*) FROM unit_daily_reports", as: Int.self) == 1)
        #expect(try totals(fixture, campaign: fixture.campaignID, "07201") == [1, 1, 10, 3])
        #expect(try totals(fixture, campaign: second, "07201") == [1, 1, 10, 2])
        #expect(try totals(fixture, campaign: ended, "07201") == [])

        // A day only the first campaign covers: the second one does not count it.
        try fixture.file("07201", on: ReportFixture.campaignStart.adding(days: 1), visitors: 4)
        #expect(try totals(fixture, campaign: second, "07201") == [1, 1, 10, 2])
        #expect(try totals(fixture, campaign: fixture.campaignID, "07201") == [2, 2, 14, 3])
        #expect(try totals(fixture, campaign: ended, "07201") == [1, 1, 4, 0])

        // A correction moves every covering campaign's totals once, and the report keeps one row.
        let corrected = try DailyReportStore(fixture.connection).submit(
            try fixture.draft("07201", visitors: 12, campaignID: second), by: commune,
            now: ReportFixture.at(today, 16, 55))
        #expect(corrected.version == 2 && corrected.reportID == receipt.reportID)
        #expect(try totals(fixture, campaign: fixture.campaignID, "07201") == [2, 2, 16, 3])
        #expect(try totals(fixture, campaign: second, "07201") == [1, 1, 12, 2])
        // Answers arriving after the report count as reported answers in their own campaign only.
        try fixture.addCounts("07201", on: today, answers: 5, campaignID: second)
        #expect(try totals(fixture, campaign: second, "07201") == [1, 1, 12, 7])
        #expect(try Self.drift(fixture.connection) == 0)
        #expect(
            try DailyReportStore(fixture.connection).report(
                campaignID: ended, unitID: try fixture.unitID("07201"), date: today) == nil)
    }

    @Test func aCampaignNamedByTheCallerMustCoverTheUnitAndTheDay() throws {
        let fixture = try ReportFixture()
        let second = try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS03", codes: ["07201"], today: today, start: today)
        let store = DailyReportStore(fixture.connection)
        let notCovered = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07201", on: today.adding(days: -1), visitors: 3, campaignID: second), by: commune,
                now: ReportFixture.at(today, 16, 45))
        }
        #expect(notCovered?.kind == .notInCampaign)
        let otherUnit = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07204", visitors: 3, campaignID: second), by: commune,
                now: ReportFixture.at(today, 16, 45))
        }
        #expect(otherUnit?.kind == .notInCampaign)
        // A unit no open campaign covers on the day files nothing.
        let noCampaign = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try unitDraft(fixture, "07201", on: ReportFixture.campaignEnd.adding(days: 1), visitors: 3),
                by: commune, now: ReportFixture.at(ReportFixture.campaignEnd.adding(days: 1), 16, 45))
        }
        #expect(noCampaign?.kind == .notInCampaign)
        #expect(noCampaign?.message.contains("17/06/2024") == true)
        #expect(try fixture.connection.scalar("SELECT count(*) FROM unit_daily_reports", as: Int.self) == 0)
    }

    @Test func theWindowEdgesHoldForTheOneReport() throws {
        let fixture = try ReportFixture()
        try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS03", codes: ["07201"], today: today, start: today)
        let store = DailyReportStore(fixture.connection)
        func file(_ hour: Int, _ minute: Int, _ second: Int) throws -> DailyReportReceipt {
            try store.submit(
                try unitDraft(fixture, "07201", visitors: 3), by: commune,
                now: ReportFixture.at(today, hour, minute, second))
        }
        #expect(throws: ReportSubmissionError.self) { try file(16, 29, 59) }
        #expect(try file(16, 30, 0).onTime)
        #expect(try file(16, 59, 59).version == 2)
        let after = #expect(throws: ReportSubmissionError.self) { try file(17, 0, 0) }
        if case .outsideWindow = after?.kind {
        } else {
            Issue.record("17:00:00 is outside: \(String(describing: after))")
        }
    }

    @Test func campaignEditsRecountTheirTotals() throws {
        let fixture = try ReportFixture()
        try fixture.file("07204", on: today, visitors: 6)
        try fixture.file("07204", on: today.adding(days: -2), visitors: 2)
        // A draft over 07204 from today: created after the reports, it counts the one on its days.
        var draft = NewCampaign(formCode: "PKS03", title: "Nháp", startsOn: today, endsOn: ReportFixture.campaignEnd)
        draft.scope = .units(["07204"])
        draft.state = .draft
        let id = try CampaignStore(fixture.connection).create(draft, today: today, now: 0)
        #expect(try totals(fixture, campaign: id, "07204") == [1, 1, 6, 0])
        try fixture.connection.run(
            "UPDATE campaigns SET starts_on = ? WHERE id = ?", [ReportFixture.campaignStart.iso, id])
        #expect(try totals(fixture, campaign: id, "07204") == [2, 2, 8, 0])
        try fixture.connection.run("DELETE FROM campaign_units WHERE campaign_id = ?", [id])
        #expect(try totals(fixture, campaign: id, "07204") == [0, 0, 0, 0])
        #expect(try Self.drift(fixture.connection) == 0)
    }

    @Test func campaignsWithDifferentWindowsGiveTheDayTheirWidestWindow() throws {
        let fixture = try ReportFixture()
        let second = try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS03", codes: ["07201"], today: today, start: today)
        // 16:00–16:45 beside the fixture's 16:30–17:00: the day takes 16:00–17:00.
        try fixture.connection.run(
            "UPDATE campaigns SET window_start = 960, window_end = 1005 WHERE id = ?", [second])
        let store = DailyReportStore(fixture.connection)
        let day = try store.day(unitID: try fixture.unitID("07201"), date: today)
        #expect(day.campaigns.map(\.id) == [fixture.campaignID, second])
        #expect(day.window?.text == "16:00–17:00")
        #expect(try store.day(unitID: try fixture.unitID("07204"), date: today).window?.text == "16:30–17:00")
        func file(_ code: String, _ hour: Int, _ minute: Int, _ second: Int = 0) throws -> DailyReportReceipt {
            try store.submit(
                try unitDraft(fixture, code, visitors: 3), by: commune,
                now: ReportFixture.at(today, hour, minute, second))
        }
        #expect(throws: ReportSubmissionError.self) { try file("07201", 15, 59, 59) }
        #expect(try file("07201", 16, 0).onTime)
        #expect(throws: ReportSubmissionError.self) { try file("07204", 16, 0) }
        #expect(try file("07201", 16, 59, 59).version == 2)
    }
}
