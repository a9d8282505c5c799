import ArgumentParser
import BenchData
import Database
import Foundation
import Store
import Survey

/// `qcdc-bench-data`: the benchmark data generator, a binary of its own so that `qcdc` ships without it.
@main
struct QCDCBenchData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qcdc-bench-data",
        abstract: "Generate a national-scale benchmark data set into an empty database.",
        discussion: """
            Units (the demo province for 209 communes with the 2024 tree, otherwise a made-up province), one open
            campaign per form PKS01–PKS07 over the last --days days, answers spread over days and communes with
            their counters, daily reports with versions, PKS01 headcounts and suggestions. Deterministic for a
            given --seed. Runs pending migrations first; refuses a database that already has campaigns.
            """)

    @Option(name: .customLong("db"), help: "SQLite database file (env QCDC_DB; default ./var/qcdc.sqlite3).")
    var databasePath: String?

    @Option(help: "Number of communes.")
    var communes = 209

    @Option(help: "Total answers across the seven campaigns.")
    var answers = 1_000_000

    @Option(help: "Administrative tree: 2024 (province, districts, communes) or 2025 (no districts).")
    var tree = "2024"

    @Option(help: "Campaign days up to and including today.")
    var days = 30

    @Option(name: .customLong("suggestions-per-unit"), help: "Suggestions per commune and district.")
    var suggestionsPerUnit = 3

    @Option(name: .customLong("batch"), help: "Answers per transaction.")
    var batchSize = 50_000

    @Option(help: "Random seed: the same seed gives the same data set.")
    var seed: UInt64 = 2024

    /// The same default as `qcdc --db`.
    var resolvedPath: String {
        databasePath ?? ProcessInfo.processInfo.environment["QCDC_DB"] ?? "var/qcdc.sqlite3"
    }

    func run() throws {
        guard let tree = BenchDataPlan.Tree(rawValue: tree) else {
            throw ValidationError("--tree phải là 2024 hoặc 2025.")
        }
        let clock = SystemClock { Date().timeIntervalSince1970 }
        let plan = BenchDataPlan(
            communes: communes, answers: answers, tree: tree, days: days, today: clock.today,
            now: clock.nowSeconds, suggestionsPerUnit: suggestionsPerUnit,
            batchSize: batchSize, seed: seed)
        do {
            try plan.validate()
        } catch {
            throw ValidationError(error.description)
        }
        try AppDatabase.migrate(path: resolvedPath)
        let connection = try Connection(path: resolvedPath)
        let started = Date()
        let outcome = try BenchDataGenerator(connection, plan: plan).generate { line in print(line) }
        let seconds = Date().timeIntervalSince(started)
        print("Đã tạo \(outcome) trong \(String(format: "%.1f", seconds)) giây.")
    }
}
