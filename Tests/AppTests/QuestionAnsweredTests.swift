import Database
import Foundation
import Survey
import Testing

@testable import App
@testable import Store

/// A multiple-choice question's share is of the people who answered it, not of the choices: PKS03's "Câu 2"
/// (channels, several allowed, not required) counted through the real submit path, the flag review, and the
/// migration that counts the answers stored before it.
@Suite struct QuestionAnsweredTests {
    static let today = ReportFixture.today

    /// Thọ Xương (07201): 3 answers ticking "Niêm yết" and "Loa truyền thanh", 2 ticking "Họp thôn, tổ dân phố",
    /// 1 leaving Câu 2 blank: 5 people answered it, the counts add up to 8.
    func fixture() throws -> (fixture: ReportFixture, both: [Int64], meeting: [Int64]) {
        let fixture = try ReportFixture(formCode: "PKS03")
        let both = try fixture.storeResponses("07201", on: Self.today, count: 3, fields: ["q2": ["3021", "3022"]])
        let meeting = try fixture.storeResponses("07201", on: Self.today, count: 2, fields: ["q2": ["3023"]])
        try fixture.storeResponses("07201", on: Self.today, count: 1, fields: ["q2": []])
        return (fixture, both, meeting)
    }

    func channels(_ fixture: ReportFixture) throws -> QuestionResults.Question {
        let results = try #require(
            try QuestionResults.load(fixture.connection, campaignID: fixture.campaignID, today: Self.today))
        return try #require(results.questions.first { $0.number == "2" })
    }

    /// The recount the counter must always equal: one per answer and multiple-choice question it chose in, leaving
    /// out answers confirmed as not genuine (the same query as migration 0019's).
    static func recount(_ connection: Connection) throws -> [[Int]] {
        try connection.query(
            """
            SELECT r.campaign_id, r.unit_id, o.question_id, count(DISTINCT r.id) AS answers
            FROM responses r JOIN json_each('[' || r.choices || ']') chosen
            JOIN options o ON o.id = chosen.value JOIN questions q ON q.id = o.question_id AND q.kind = 'multiple'
            WHERE NOT EXISTS (SELECT 1 FROM response_reviews v WHERE v.response_id = r.id AND v.state = 'confirmed')
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """
        ).map { [try $0.int("campaign_id"), try $0.int("unit_id"), try $0.int("question_id"), try $0.int("answers")] }
    }

    static func counted(_ connection: Connection) throws -> [[Int]] {
        try connection.query(
            "SELECT campaign_id, unit_id, question_id, answers FROM question_answer_counts WHERE answers > 0 ORDER BY 1, 2, 3"
        ).map { [try $0.int("campaign_id"), try $0.int("unit_id"), try $0.int("question_id"), try $0.int("answers")] }
    }

    @Test func sharesAreOfThePeopleWhoAnswered() throws {
        let (fixture, _, _) = try fixture()
        let question = try channels(fixture)
        #expect(question.kind == .multiple)
        #expect(question.answered == 5)
        #expect(question.options.map(\.count) == [3, 3, 2, 0, 0])
        let shares: [Double?] = [0.6, 0.6, 0.4, 0, 0]
        #expect(question.options.map(\.share) == shares)
        #expect(try Self.counted(fixture.connection) == Self.recount(fixture.connection))

        // A district and a unit scope read the same counter over their own units.
        let unit = try fixture.unitID("07201")
        let own = try #require(
            try QuestionResults.load(
                fixture.connection, campaignID: fixture.campaignID, today: Self.today, scope: .unit(unit)))
        #expect(own.questions.first { $0.number == "2" }?.answered == 5)
        let other = try #require(
            try QuestionResults.load(
                fixture.connection, campaignID: fixture.campaignID, today: Self.today,
                scope: .unit(try fixture.unitID("07243"))))
        #expect(other.questions.first { $0.number == "2" }?.answered == 0)
        #expect(other.questions.first { $0.number == "2" }?.options.allSatisfy { $0.share == nil } == true)
    }

    @Test func confirmingAFlaggedAnswerTakesItOutOfTheQuestionCount() throws {
        let (fixture, both, _) = try fixture()
        let connection = fixture.connection
        let unit = try fixture.unitID("07201")
        for id in both.prefix(2) {
            try connection.run(
                "INSERT INTO response_reviews (response_id, campaign_id, unit_id) VALUES (?, ?, ?)",
                [id, fixture.campaignID, unit])
        }
        let store = FlagStore(connection)
        let province = ReportFixture.user(1, role: .province)
        let now = ReportFixture.at(Self.today, 23, 0)
        for id in both.prefix(2) {
            try store.review(
                responseID: id, campaignID: fixture.campaignID, unitID: unit, to: .confirmed, by: province, now: now)
        }
        var question = try channels(fixture)
        #expect(question.answered == 3)
        #expect(question.options.map(\.count) == [1, 1, 2, 0, 0])
        #expect(try Self.counted(connection) == Self.recount(connection))

        try store.review(
            responseID: both[0], campaignID: fixture.campaignID, unitID: unit, to: .cleared, by: province, now: now)
        question = try channels(fixture)
        #expect(question.answered == 4)
        #expect(try Self.counted(connection) == Self.recount(connection))
    }

    /// Answers stored before migration 0019 (one of them confirmed as not genuine) are counted by it.
    @Test func migrationCountsTheAnswersAlreadyStored() throws {
        let folder = NSTemporaryDirectory() + "qcdc-0019-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let connection = try Connection(path: folder + "/qcdc.sqlite3")
        let all = try AppDatabase.migrations()
        try Migrator(migrations: all.filter { $0.version < 19 }).migrate(connection)
        let setID = try ReportFixture.importUnits(connection, file: "bac_giang_2024.csv", effective: "2024-01-01")
        let campaign = try ReportFixture.createCampaign(
            connection, formCode: "PKS03", codes: ["07201", "07243"], today: Self.today)
        let thoXuong = try #require(try UnitStore(connection).unit(code: "07201", inSet: setID)).id
        let dongTam = try #require(try UnitStore(connection).unit(code: "07243", inSet: setID)).id
        // (unit, choices as 0005 stores them): Câu 1 then Câu 2's channels.
        let stored: [(Int64, String)] = [
            (thoXuong, "3011,3021,3022"), (thoXuong, "3011,3021,3022,3024"), (thoXuong, "3012"),
            (thoXuong, "3013,3025"), (dongTam, "3011,3023"), (thoXuong, ""),
        ]
        var ids: [Int64] = []
        for (index, (unit, choices)) in stored.enumerated() {
            try connection.run(
                """
                INSERT INTO responses (campaign_id, unit_id, submission_id, submitted_at, local_date, channel,
                                       fill_seconds, choices)
                VALUES (?, ?, ?, ?, ?, 'phone', 60, ?)
                """, [campaign, unit, "s\(index)", ReportFixture.at(Self.today, 9, index), Self.today.iso, choices])
            ids.append(connection.lastInsertRowID)
        }
        try connection.run(
            "INSERT INTO response_reviews (response_id, campaign_id, unit_id, state) VALUES (?, ?, ?, 'confirmed')",
            [ids[3], campaign, thoXuong])

        let applied = try Migrator(migrations: all).migrate(connection)
        #expect(applied.first?.version == 19)
        #expect(
            try Self.counted(connection) == [
                [Int(campaign), Int(thoXuong), 302, 2], [Int(campaign), Int(dongTam), 302, 1],
            ])
        #expect(try Self.counted(connection) == Self.recount(connection))
    }
}
