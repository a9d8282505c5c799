import Database
import Survey
import Testing

@testable import Store

/// Confirming a flagged answer takes exactly its choices and its day out of the counters (and so `unit_totals`);
/// clearing a confirmed one puts them back; both are audited once; a review of an answer that is not flagged there
/// is refused.
@Suite struct FlagReviewTests {
    /// The counters recounted from the answers not confirmed: "campaign unit option" → answers and
    /// "campaign unit day" → answers.
    static func recount(_ connection: Connection) throws -> (options: [String: Int], days: [String: Int]) {
        var options: [String: Int] = [:]
        var days: [String: Int] = [:]
        for row in try connection.query(
            """
            SELECT r.campaign_id AS campaign_id, r.unit_id AS unit_id, r.local_date AS local_date, r.choices AS choices
            FROM responses r LEFT JOIN response_reviews v ON v.response_id = r.id
            WHERE v.state IS NULL OR v.state <> 'confirmed'
            """)
        {
            let prefix = "\(try row.int64("campaign_id")) \(try row.int64("unit_id"))"
            days["\(prefix) \(try row.string("local_date"))", default: 0] += 1
            for option in try row.string("choices").split(separator: ",") {
                options["\(prefix) \(option)", default: 0] += 1
            }
        }
        return (options, days)
    }

    static func counters(_ connection: Connection) throws -> (options: [String: Int], days: [String: Int]) {
        var options: [String: Int] = [:]
        var days: [String: Int] = [:]
        for row in try connection.query("SELECT campaign_id, unit_id, option_id, answers FROM option_counts")
        where try row.int("answers") != 0 {
            options["\(try row.int64("campaign_id")) \(try row.int64("unit_id")) \(try row.int64("option_id"))"] =
                try row.int("answers")
        }
        for row in try connection.query("SELECT campaign_id, unit_id, local_date, answers FROM daily_answer_counts")
        where try row.int("answers") != 0 {
            days["\(try row.int64("campaign_id")) \(try row.int64("unit_id")) \(try row.string("local_date"))"] =
                try row.int("answers")
        }
        return (options, days)
    }

    static func expectCountersMatchRecount(_ connection: Connection) throws {
        let recounted = try recount(connection)
        let counted = try counters(connection)
        #expect(counted.options == recounted.options)
        #expect(counted.days == recounted.days)
        let totals = try connection.query(
            "SELECT campaign_id, unit_id, answers, reported_answers FROM unit_totals ORDER BY 1, 2"
        )
        .map {
            [try $0.int("campaign_id"), try $0.int("unit_id"), try $0.int("answers"), try $0.int("reported_answers")]
        }
        let expected = try connection.query(UnitTotalsRecount.sql + " ORDER BY 1, 2")
            .map {
                [
                    try $0.int("campaign_id"), try $0.int("unit_id"), try $0.int("answers"),
                    try $0.int("reported_answers"),
                ]
            }
        #expect(totals == expected)
    }

    @Test func confirmAndClearMoveTheCountersExactly() throws {
        let fixture = try ReportFixture()
        let connection = fixture.connection
        let writer = FlagWriter(connection: connection, campaignID: fixture.campaignID)
        let unit = try fixture.unitID("07201")
        // Answers on two days in the desk hours, five more at night: the same choices, so only the hour differs.
        let honest = try writer.answers { $0.options.last }
        for index in 0..<3 {
            try writer.answer(unitID: unit, at: ReportFixture.at(ReportFixture.today, 9, index), answers: honest)
        }
        try writer.answer(unitID: unit, at: ReportFixture.at(ReportFixture.campaignStart, 9, 0), answers: honest)
        var stuffed: [Int64] = []
        for index in 0..<5 {
            stuffed.append(
                try writer.answer(unitID: unit, at: ReportFixture.at(ReportFixture.today, 22, index), answers: honest))
        }
        try fixture.file("07201", on: ReportFixture.today, visitors: 20)
        #expect(try AnswerFlagger(connection).scan(now: ReportFixture.at(ReportFixture.today, 23, 0)) == 5)
        try Self.expectCountersMatchRecount(connection)
        let answersBefore: Int = try connection.scalar("SELECT answers FROM unit_totals WHERE unit_id = ?", [unit]) ?? 0
        #expect(answersBefore == 9)

        let store = FlagStore(connection)
        let province = ReportFixture.user(1, role: .province)
        let now = ReportFixture.at(ReportFixture.today, 23, 30)
        for id in stuffed.prefix(3) {
            #expect(
                try store.review(
                    responseID: id, campaignID: fixture.campaignID, unitID: unit, to: .confirmed, by: province, now: now
                ) == .open)
        }
        try Self.expectCountersMatchRecount(connection)
        #expect(try connection.scalar("SELECT answers FROM unit_totals WHERE unit_id = ?", [unit]) == 6)
        #expect(try store.counts(campaignID: fixture.campaignID) == FlagCounts(flagged: 5, confirmed: 3))
        // Confirming again changes nothing and writes no second audit row.
        #expect(
            try store.review(
                responseID: stuffed[0], campaignID: fixture.campaignID, unitID: unit, to: .confirmed, by: province,
                now: now) == .confirmed)
        try Self.expectCountersMatchRecount(connection)
        #expect(try connection.scalar("SELECT count(*) FROM audit_log WHERE action = 'flag_confirm'") == 3)

        // Clearing a confirmed answer counts it again; clearing an open one moves nothing.
        try store.review(
            responseID: stuffed[0], campaignID: fixture.campaignID, unitID: unit, to: .cleared, by: province, now: now)
        try store.review(
            responseID: stuffed[4], campaignID: fixture.campaignID, unitID: unit, to: .cleared, by: province, now: now)
        try Self.expectCountersMatchRecount(connection)
        #expect(try connection.scalar("SELECT answers FROM unit_totals WHERE unit_id = ?", [unit]) == 7)
        #expect(try store.counts(campaignID: fixture.campaignID) == FlagCounts(flagged: 3, confirmed: 2))
        #expect(try connection.scalar("SELECT count(*) FROM audit_log WHERE action = 'flag_clear'") == 2)
        let detail: String? = try connection.scalar(
            "SELECT detail FROM audit_log WHERE action = 'flag_clear' ORDER BY id LIMIT 1")
        #expect(
            detail
                == "Đợt số \(fixture.campaignID), phiếu số \(stuffed[0]) gửi ngày 12/06/2024: đã xác nhận (không tính) → đã bỏ cờ (vẫn tính)"
        )

        // The unit's list shows each answer's state; a rescan does not reopen anything.
        #expect(try AnswerFlagger(connection).scan(now: now) == 0)
        let listed = try store.flaggedAnswers(campaignID: fixture.campaignID, unitID: unit)
        #expect(listed.map(\.id) == stuffed.reversed())
        #expect(listed.map(\.state) == [.cleared, .open, .confirmed, .confirmed, .cleared])
        #expect(listed.allSatisfy { $0.reasons == [.offHours] })
    }

    @Test func aReviewOutsideItsUnitIsRefused() throws {
        let fixture = try ReportFixture()
        let writer = FlagWriter(connection: fixture.connection, campaignID: fixture.campaignID)
        let unit = try fixture.unitID("07201")
        let id = try writer.answer(unitID: unit, at: ReportFixture.at(ReportFixture.today, 22, 0))
        let honest = try writer.answer(unitID: unit, at: ReportFixture.at(ReportFixture.today, 9, 0))
        try AnswerFlagger(fixture.connection).scan(now: ReportFixture.at(ReportFixture.today, 23, 0))
        let store = FlagStore(fixture.connection)
        let province = ReportFixture.user(1, role: .province)
        #expect(throws: FlagReviewError.notFound) {
            try store.review(
                responseID: id, campaignID: fixture.campaignID, unitID: try fixture.unitID("07204"), to: .confirmed,
                by: province, now: 0)
        }
        #expect(throws: FlagReviewError.notFound) {
            try store.review(
                responseID: honest, campaignID: fixture.campaignID, unitID: unit, to: .confirmed, by: province, now: 0)
        }
        try Self.expectCountersMatchRecount(fixture.connection)
    }
}
