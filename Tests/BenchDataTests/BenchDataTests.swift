import BenchData
import Database
import Foundation
import Store
import Survey
import Testing

/// `qcdc-bench-data`: the generated set must look like what the live code writes — counters equal to the rows
/// they count, a version row for every report version — or the benchmark would measure a database that cannot
/// exist.
@Suite struct BenchDataTests {
    static func plan(
        _ scratch: ScratchDatabase, tree: BenchDataPlan.Tree = .districts2024,
        seed: UInt64 = 7
    ) -> BenchDataPlan {
        BenchDataPlan(
            communes: 30, answers: 5_000, tree: tree, days: 5, today: scratch.clock.today,
            now: scratch.clock.nowSeconds, suggestionsPerUnit: 2, batchSize: 700, seed: seed)
    }

    @Test func countersMatchTheRowsTheyCount() throws {
        let scratch = try ScratchDatabase()
        defer { withExtendedLifetime(scratch) {} }
        let connection = try Connection(path: scratch.path)
        let outcome = try BenchDataGenerator(connection, plan: Self.plan(scratch)).generate()

        #expect(outcome.units == 1 + 3 + 30)
        #expect(outcome.campaignIDs.count == 7)
        // Each unit-day rounds its expected share at random: the total is close to, not exactly, the request.
        #expect(abs(outcome.answers - 5_000) < 100)
        #expect(try connection.scalar("SELECT count(*) FROM responses", as: Int.self) == outcome.answers)
        #expect(try connection.scalar("SELECT sum(answers) FROM daily_answer_counts", as: Int.self) == outcome.answers)
        // Day counters, both ways: no row of one without its equal in the other.
        #expect(
            try connection.scalar(
                """
                SELECT count(*) FROM (
                    SELECT campaign_id, unit_id, local_date, count(*) FROM responses GROUP BY 1, 2, 3
                    EXCEPT SELECT campaign_id, unit_id, local_date, answers FROM daily_answer_counts)
                """, as: Int.self) == 0)
        #expect(
            try connection.scalar(
                """
                SELECT count(*) FROM (
                    SELECT campaign_id, unit_id, local_date, answers FROM daily_answer_counts
                    EXCEPT SELECT campaign_id, unit_id, local_date, count(*) FROM responses GROUP BY 1, 2, 3)
                """, as: Int.self) == 0)
        // Option counters against the choices stored in each response.
        var expected: [String: Int] = [:]
        for row in try connection.query("SELECT campaign_id, unit_id, choices FROM responses") {
            for option in try row.string("choices").split(separator: ",") {
                expected["\(try row.int64("campaign_id"))/\(try row.int64("unit_id"))/\(option)", default: 0] += 1
            }
        }
        var stored: [String: Int] = [:]
        for row in try connection.query("SELECT campaign_id, unit_id, option_id, answers FROM option_counts") {
            let key = "\(try row.int64("campaign_id"))/\(try row.int64("unit_id"))/\(try row.int64("option_id"))"
            stored[key] = try row.int("answers")
        }
        #expect(!stored.isEmpty)
        #expect(stored == expected)
        // Multiple-choice answered counters against a recount from the stored choices, both ways.
        let answered = "SELECT campaign_id, unit_id, question_id, answers FROM question_answer_counts"
        let recounted = """
            SELECT r.campaign_id, r.unit_id, o.question_id, count(DISTINCT r.id) FROM responses r
            JOIN json_each('[' || r.choices || ']') chosen JOIN options o ON o.id = chosen.value
            JOIN questions q ON q.id = o.question_id AND q.kind = 'multiple' GROUP BY 1, 2, 3
            """
        #expect(try connection.scalar("SELECT count(*) FROM question_answer_counts", as: Int.self) ?? 0 > 0)
        #expect(try connection.scalar("SELECT count(*) FROM (\(answered) EXCEPT \(recounted))", as: Int.self) == 0)
        #expect(try connection.scalar("SELECT count(*) FROM (\(recounted) EXCEPT \(answered))", as: Int.self) == 0)
        #expect(try connection.scalar("SELECT count(*) FROM response_texts", as: Int.self) == outcome.textAnswers)
        // unit_totals (kept by triggers while the generator wrote counters and reports) equals a fresh aggregate.
        let fresh = UnitTotalsRecount.sql
        let totals = "SELECT campaign_id, unit_id, answers, reported_answers, report_days, visitors FROM unit_totals"
        #expect(try connection.scalar("SELECT count(*) FROM (\(fresh) EXCEPT \(totals))", as: Int.self) == 0)
        #expect(try connection.scalar("SELECT count(*) FROM (\(totals) EXCEPT \(fresh))", as: Int.self) == 0)
    }

    @Test func reportsKeepEveryVersionAndHeadcountsCoverPKS01() throws {
        let scratch = try ScratchDatabase()
        defer { withExtendedLifetime(scratch) {} }
        let connection = try Connection(path: scratch.path)
        let outcome = try BenchDataGenerator(connection, plan: Self.plan(scratch)).generate()

        #expect(outcome.dailyReports > 0)
        #expect(outcome.reportVersions > outcome.dailyReports)
        #expect(
            try connection.scalar("SELECT count(*) FROM unit_daily_report_versions", as: Int.self)
                == outcome.reportVersions)
        // Each report's version number is its number of versions, and the latest version is the report.
        #expect(
            try connection.scalar(
                """
                SELECT count(*) FROM unit_daily_reports r
                WHERE r.version != (SELECT count(*) FROM unit_daily_report_versions v WHERE v.report_id = r.id)
                   OR r.visitors != (SELECT v.visitors FROM unit_daily_report_versions v
                                     WHERE v.report_id = r.id AND v.version = r.version)
                """, as: Int.self) == 0)
        let pks01 = try #require(outcome.campaignIDs.first)
        #expect(
            try connection.scalar(
                "SELECT count(*) FROM campaign_unit_headcounts WHERE campaign_id = ?", [pks01],
                as: Int.self) == 30)
        #expect(try connection.scalar("SELECT count(*) FROM suggestions", as: Int.self) == outcome.suggestions)
        #expect(outcome.suggestions == 2 * (3 + 30))
    }

    @Test func dashboardFiguresShowVarietyAcrossCommunes() throws {
        let scratch = try ScratchDatabase()
        defer { withExtendedLifetime(scratch) {} }
        let connection = try Connection(path: scratch.path)
        let outcome = try BenchDataGenerator(connection, plan: Self.plan(scratch)).generate()
        let campaignID = outcome.campaignIDs[1]
        let overview = try #require(
            try ReportSummaryStore(connection).overview(
                campaignID: campaignID,
                today: scratch.clock.today))
        #expect(overview.communes.count == 30)
        #expect(overview.summary.answers == (try ResponseStore(connection).count(campaignID: campaignID)))
        #expect(overview.districts.count == 3)
        #expect(Set(overview.communes.map(\.quotaStatus)).count >= 2)
        let shares = overview.communes.compactMap(\.satisfiedShare)
        #expect((shares.max() ?? 0) - (shares.min() ?? 0) > 0.05)
    }

    @Test func sameSeedSameDataAndTheFlatTreeHasNoDistricts() throws {
        var fingerprints: [String] = []
        for _ in 0..<2 {
            let scratch = try ScratchDatabase()
            defer { withExtendedLifetime(scratch) {} }
            let connection = try Connection(path: scratch.path)
            var plan = Self.plan(scratch, tree: .flat2025)
            // The 2025 map takes effect on 2025-07-01, after the test clock's day.
            plan.today = try #require(LocalDate(iso: "2025-08-01"))
            _ = try BenchDataGenerator(connection, plan: plan).generate()
            #expect(try connection.scalar("SELECT count(*) FROM units WHERE level = 'district'", as: Int.self) == 0)
            #expect(try connection.scalar("SELECT count(*) FROM units WHERE level = 'commune'", as: Int.self) == 30)
            fingerprints.append(
                try connection.scalar(
                    "SELECT group_concat(unit_id || ':' || choices, ';') FROM (SELECT * FROM responses ORDER BY id)")
                    ?? "")
        }
        #expect(fingerprints[0] == fingerprints[1])
        #expect(!fingerprints[0].isEmpty)
    }

    @Test func refusesADatabaseWithCampaignsAndBadNumbers() throws {
        let scratch = try ScratchDatabase(seed: true)
        defer { withExtendedLifetime(scratch) {} }
        let connection = try Connection(path: scratch.path)
        #expect(throws: BenchDataError.self) {
            try BenchDataGenerator(connection, plan: Self.plan(scratch)).generate()
        }
        var plan = Self.plan(scratch)
        plan.communes = 0
        #expect(throws: BenchDataError.self) { try plan.validate() }
        plan.communes = 30
        plan.days = 0
        #expect(throws: BenchDataError.self) { try plan.validate() }
    }

    /// `qcdc-bench-data`, built beside this test binary, as scripts/scale-bench runs it.
    @Test func commandLineWritesASmallSet() throws {
        let testBinary =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let binary = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
            .appendingPathComponent("qcdc-bench-data").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build (\(binary))")
        let scratch = try ScratchDatabase()
        defer { withExtendedLifetime(scratch) {} }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--db", scratch.path, "--communes", "12", "--answers", "300", "--days", "2",
            "--tree", "2024", "--suggestions-per-unit", "1", "--batch", "50", "--seed", "3",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("7 đợt khảo sát"))
        let connection = try Connection(path: scratch.path)
        #expect(try connection.scalar("SELECT count(*) FROM units WHERE level = 'commune'", as: Int.self) == 12)
        #expect(try connection.scalar("SELECT count(*) FROM campaigns", as: Int.self) == 7)
    }
}
