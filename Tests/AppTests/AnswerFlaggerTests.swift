import Database
import Survey
import Testing

@testable import Store

/// The scanner over a real SQLite file: what it reads, that it flags every member of a pattern once it forms (the
/// earlier answers included), that scanning again adds nothing, and the signals that need the database (the quota
/// after a report, per-unit desk hours).
@Suite struct AnswerFlaggerTests {
    /// Wednesday 12/06/2024, inside the desk hours.
    static func at(_ hour: Int, _ minute: Int, _ second: Int = 0, on date: LocalDate = ReportFixture.today) -> Int64 {
        ReportFixture.at(date, hour, minute, second)
    }

    @Test func burstFlagsEveryMemberOnceItFormsAndRescanningAddsNothing() throws {
        let fixture = try ReportFixture()
        let writer = FlagWriter(connection: fixture.connection, campaignID: fixture.campaignID)
        let unit = try fixture.unitID("07201")
        let settings = FlagSettings()
        var ids: [Int64] = []
        for index in 0..<(settings.burstAnswers - 1) {
            ids.append(try writer.answer(unitID: unit, at: Self.at(9, index * 5), network: "net-a"))
        }
        // Someone else's answer on another network, at the same time.
        let other = try writer.answer(unitID: unit, at: Self.at(9, 1), network: "net-b")
        let flagger = AnswerFlagger(fixture.connection)
        #expect(try flagger.scan(now: Self.at(10, 0)) == 0)
        #expect(try writer.flagged().isEmpty)
        ids.append(try writer.answer(unitID: unit, at: Self.at(9, 50), network: "net-a"))
        #expect(try flagger.scan(now: Self.at(10, 0)) == settings.burstAnswers)
        #expect(try writer.flagged()[.burst] == Set(ids))
        #expect(try writer.flagged()[.burst]?.contains(other) == false)
        // Idempotent: nothing new, nothing added, and a fresh scanner agrees.
        #expect(try flagger.scan(now: Self.at(10, 1)) == 0)
        #expect(try AnswerFlagger(fixture.connection).scan(now: Self.at(10, 2)) == 0)
        #expect(
            try fixture.connection.scalar("SELECT count(*) FROM response_reviews WHERE state = 'open'") == ids.count)
        // A later member of the same pattern is flagged on the next scan; the others keep their one flag.
        let late = try writer.answer(unitID: unit, at: Self.at(9, 55), network: "net-a")
        #expect(try flagger.scan(now: Self.at(10, 3)) == 1)
        #expect(try writer.flagged()[.burst] == Set(ids + [late]))
        #expect(
            try FlagStore(fixture.connection).flags(responseIDs: [ids[0], other, late]) == [
                ids[0]: [.burst], late: [.burst],
            ])
    }

    @Test func repeatDeviceAndSeveralReasonsOnOneAnswer() throws {
        let fixture = try ReportFixture()
        let writer = FlagWriter(connection: fixture.connection, campaignID: fixture.campaignID)
        let unit = try fixture.unitID("07204")
        // Two cookie-less answers from one device, a third that kept its cookie: not a repeat yet.
        let first = try writer.answer(unitID: unit, at: Self.at(14, 0), device: "dev-1")
        let second = try writer.answer(unitID: unit, at: Self.at(14, 10), device: "dev-1")
        _ = try writer.answer(unitID: unit, at: Self.at(14, 12), device: "dev-1", cookie: true)
        #expect(try AnswerFlagger(fixture.connection).scan(now: Self.at(15, 0)) == 0)
        // The third cookie-less one, filled in 5 s: a repeat and too fast.
        let third = try writer.answer(unitID: unit, at: Self.at(14, 20), fill: 5, device: "dev-1")
        #expect(try AnswerFlagger(fixture.connection).scan(now: Self.at(15, 0)) == 4)
        let flags = try FlagStore(fixture.connection).flags(responseIDs: [first, second, third])
        #expect(flags == [first: [.repeatDevice], second: [.repeatDevice], third: [.repeatDevice, .tooFast]])
    }

    @Test func overQuotaWaitsForTheDaysReport() throws {
        let fixture = try ReportFixture()
        let writer = FlagWriter(connection: fixture.connection, campaignID: fixture.campaignID)
        let unit = try fixture.unitID("07207")
        var ids: [Int64] = []
        for index in 0..<17 { ids.append(try writer.answer(unitID: unit, at: Self.at(8, index))) }
        let flagger = AnswerFlagger(fixture.connection)
        #expect(try flagger.scan(now: Self.at(16, 0)) == 0)
        // 10 visitors allow 15 answers: 17 are beyond the bound, and every answer of the day is for review.
        try fixture.file("07207", on: ReportFixture.today, visitors: 10)
        #expect(try flagger.scan(now: Self.at(16, 50)) == 17)
        #expect(try writer.flagged()[.overQuota] == Set(ids))
        #expect(try flagger.scan(now: Self.at(16, 51)) == 0)
    }

    @Test func offHoursFollowEachUnitsDeskHours() throws {
        let fixture = try ReportFixture()
        let writer = FlagWriter(connection: fixture.connection, campaignID: fixture.campaignID)
        let standard = try fixture.unitID("07201")
        let longer = try fixture.unitID("07204")
        try DeskHoursStore(fixture.connection).set(
            unitID: longer, hours: DeskHours(text: "1-5=07:00-11:30,13:30-17:00;6=07:00-11:30,13:30-16:30"))
        #expect(try DeskHoursStore(fixture.connection).hours(unitID: standard) == nil)
        let saturday = LocalDate(iso: "2024-06-15")!
        let atStandard = try writer.answer(unitID: standard, at: Self.at(14, 0, on: saturday))
        let atLonger = try writer.answer(unitID: longer, at: Self.at(14, 0, on: saturday))
        let lateAtLonger = try writer.answer(unitID: longer, at: Self.at(16, 45, on: saturday))
        #expect(try AnswerFlagger(fixture.connection).scan(now: Self.at(17, 0, on: saturday)) == 2)
        #expect(try writer.flagged()[.offHours] == [atStandard, lateAtLonger])
        #expect(try writer.flagged()[.offHours]?.contains(atLonger) == false)
        // Back to the default.
        try DeskHoursStore(fixture.connection).set(unitID: longer, hours: nil)
        #expect(try DeskHoursStore(fixture.connection).hours(unitID: longer) == nil)
    }

    @Test func aLimitedScanGoesOnWhereItStopped() throws {
        let fixture = try ReportFixture()
        let writer = FlagWriter(connection: fixture.connection, campaignID: fixture.campaignID)
        let unit = try fixture.unitID("07201")
        var settings = FlagSettings()
        settings.maxAnswersPerScan = 2
        // Five answers at 05:00, each off hours.
        for index in 0..<5 { try writer.answer(unitID: unit, at: Self.at(5, index)) }
        let flagger = AnswerFlagger(fixture.connection, settings: settings)
        var total = 0
        for _ in 0..<4 { total += try flagger.scan(now: Self.at(6, 0)) }
        #expect(total == 5)
        #expect(try fixture.connection.scalar("SELECT last_response_id FROM flag_scan_progress") == 5)
    }
}
