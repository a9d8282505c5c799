import ArgumentParser
import Database
import Foundation
import Simulation
import Store

/// `qcdc-simulate`: issue 11's proof. A month of honest desk traffic with labelled stuffing, through the server's
/// validation and storage, then the flagger; prints recall per pattern and the honest answers flagged.
@main
struct QCDCSimulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qcdc-simulate",
        abstract: "Measure how well qcdc flags stuffed answers, on a simulated month with known truth.",
        discussion: """
            Seeds the demo province (209 communes) and its PKS02 campaign into a new database, generates a month of
            honest answers from each commune's visitors (desk hours, reading times, phones on mobile networks and
            office Wi-Fi, some kiosks) and --events stuffing events of each pattern, stores every answer through
            AnswerValidator and ResponseStore, files the daily reports, scans with the flagger and prints the table
            that BENCHMARKS.md carries. Deterministic for a given --seed.
            """)

    @Option(name: .customLong("db"), help: "Database file to create (default: a temporary file, removed after).")
    var databasePath: String?

    @Option(help: "Random seed: the same seed gives the same traffic.")
    var seed: UInt64 = 2026

    @Option(help: "Simulated days.")
    var days = 30

    @Option(help: "Only the first N communes (default: all).")
    var units: Int?

    @Option(help: "Stuffing events per pattern.")
    var events = 8

    @Option(help: "Flagger threshold to vary: too-fast seconds per question shown (0–3; default the server's).")
    var secondsPerQuestion: Int?

    @Option(help: "Flagger threshold to vary: cookie-less answers from one device over a working day (default 5).")
    var repeatDeviceDayAnswers: Int?

    @Option(help: "Flagger threshold to vary: that working-day window in minutes (default 600; 0 turns the rule off).")
    var repeatDeviceDayMinutes: Int?

    @Flag(help: "Flag only the answers after the quota's upper bound on an over-quota day, not the whole day.")
    var overQuotaLaterOnly = false

    func run() throws {
        var plan = SimulationPlan()
        plan.seed = seed
        plan.days = days
        plan.unitLimit = units
        plan.eventsPerPattern = events
        if let secondsPerQuestion { plan.flagSettings.secondsPerQuestion = secondsPerQuestion }
        if let repeatDeviceDayAnswers { plan.flagSettings.repeatDeviceDayAnswers = repeatDeviceDayAnswers }
        if let repeatDeviceDayMinutes { plan.flagSettings.repeatDeviceDayWindow = Int64(repeatDeviceDayMinutes) * 60 }
        if overQuotaLaterOnly { plan.flagSettings.overQuotaWholeDay = false }
        let folder = NSTemporaryDirectory() + "qcdc-simulate-\(ProcessInfo.processInfo.processIdentifier)"
        let path = databasePath ?? folder + "/simulate.sqlite3"
        if databasePath == nil {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        defer { if databasePath == nil { try? FileManager.default.removeItem(atPath: folder) } }
        try AppDatabase.migrate(path: path)
        let connection = try Connection(path: path)
        let started = Date()
        let score: SimulationScore
        do {
            score = try SimulationRun(connection, plan: plan).run { print($0) }
        } catch let error as SimulationError {
            throw ValidationError(error.description)
        }
        print(score.markdown())
        print("seed \(seed), \(days) days, \(Int(Date().timeIntervalSince(started).rounded())) s")
    }
}
