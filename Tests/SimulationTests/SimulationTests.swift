import Database
import Foundation
import Store
import Testing

@testable import Simulation

/// The simulation's own guarantees: deterministic for a seed, every answer stored through the real path with its
/// label, each pattern present, honest traffic inside desk hours and under the visitors reported.
@Suite struct SimulationTests {
    static func run(seed: UInt64) throws -> (SimulationScore, Connection, String) {
        let folder = NSTemporaryDirectory() + "qcdc-sim-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/sim.sqlite3"
        try AppDatabase.migrate(path: path)
        let connection = try Connection(path: path)
        var plan = SimulationPlan()
        plan.seed = seed
        plan.days = 7
        plan.unitLimit = 12
        plan.eventsPerPattern = 2
        return (try SimulationRun(connection, plan: plan).run(), connection, folder)
    }

    @Test func theSameSeedGivesTheSameTraffic() throws {
        let (first, firstConnection, firstFolder) = try Self.run(seed: 7)
        let (second, secondConnection, secondFolder) = try Self.run(seed: 7)
        defer {
            try? FileManager.default.removeItem(atPath: firstFolder)
            try? FileManager.default.removeItem(atPath: secondFolder)
        }
        #expect(first.honestCount == second.honestCount)
        #expect(first.recall == second.recall)
        let query = "SELECT group_concat(choices || '@' || submitted_at || '@' || fill_seconds, ';') FROM responses"
        #expect(
            try firstConnection.scalar(query, as: String.self) == secondConnection.scalar(query, as: String.self))
        let (other, _, otherFolder) = try Self.run(seed: 8)
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        #expect(other.honestCount != first.honestCount || other.recall != first.recall)
    }

    @Test func everyAnswerIsStoredWithItsLabelAndEveryPatternOccurs() throws {
        let (score, connection, folder) = try Self.run(seed: 11)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try connection.scalar("SELECT count(*) FROM responses", as: Int.self) == score.labels.count)
        #expect(
            try connection.scalar("SELECT sum(answers) FROM daily_answer_counts", as: Int.self) == score.labels.count)
        #expect(score.honestCount > 100)
        for line in score.recall {
            #expect(line.answers >= 2 * 8, "\(line.name): two events of at least 8 answers")
        }
        // Honest answers stay under the visitors each commune reported that day.
        let over = try connection.scalar(
            """
            SELECT count(*) FROM unit_daily_reports r
            WHERE r.visitors < (SELECT count(*) FROM responses s WHERE s.unit_id = r.unit_id
                                AND s.local_date = r.local_date AND s.fill_seconds >= 0
                                AND s.submission_id IN (SELECT value FROM json_each(?)))
            """, [Self.json(score.labels.filter { $0.value == nil }.map(\.key))], as: Int.self)
        #expect(over == 0)
    }

    static func json(_ ids: [String]) -> String {
        "[" + ids.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    @Test func honestAnswersComeInDeskHours() throws {
        let (score, connection, folder) = try Self.run(seed: 13)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let honest = Set(score.labels.filter { $0.value == nil }.map(\.key))
        var outside = 0
        for row in try connection.query("SELECT submission_id, submitted_at, fill_seconds FROM responses") {
            guard honest.contains(try row.string("submission_id")) else { continue }
            // Arrival (submission minus reading time) falls in 07:00–11:30 or 13:30–17:00 Hanoi time.
            let arrival = try row.int64("submitted_at") - Int64(try row.int("fill_seconds"))
            let minute = Int(((arrival + 7 * 3600) % 86400) / 60)
            if !((7 * 60..<11 * 60 + 30).contains(minute) || (13 * 60 + 30..<17 * 60).contains(minute)) {
                outside += 1
            }
        }
        #expect(outside == 0)
    }

    @Test func theScoreCountsRecallAndFalseFlags() {
        var score = SimulationScore(labels: ["a": nil, "b": nil, "c": .burst, "d": .burst, "e": .tooFast])
        score.flags = ["b": ["burst"], "c": ["burst"], "e": ["too_fast", "burst"]]
        #expect(score.falseFlags == .init(name: "honest", answers: 2, flagged: 1))
        #expect(score.overallRecall == .init(name: "all", answers: 3, flagged: 2))
        #expect(score.recall.first { $0.name == "burst" } == .init(name: "burst", answers: 2, flagged: 1))
        #expect(score.reasons(of: .tooFast) == ["too_fast": 1, "burst": 1])
        #expect(score.markdown().contains("| **honest (false flags)** | 2 | 1 | **50.0%** | burst 1 |"))
    }
}
