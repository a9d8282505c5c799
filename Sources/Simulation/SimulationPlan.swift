import Store
import Survey

/// What `qcdc-simulate` generates: a month of desk traffic for the demo province's communes, with labelled
/// stuffing events of every pattern. The defaults are the run whose table is in BENCHMARKS.md.
package struct SimulationPlan: Sendable {
    package var seed: UInt64 = 2026
    /// Simulated days, ending the day before `endsBefore`.
    package var days = 30
    /// The campaign's "today" when it is created: the simulated month ends the day before.
    package var endsBefore = LocalDate(iso: "2024-07-01")!
    /// Only the first N communes by code (nil: every commune of the campaign), for quick runs.
    package var unitLimit: Int?
    /// Stuffing events of each pattern over the month, each in a different commune and day.
    package var eventsPerPattern = 8
    /// The flagger's thresholds under test (the server's defaults unless a run varies one).
    package var flagSettings = FlagSettings()

    package init() {}

    package var firstDay: LocalDate { endsBefore.adding(days: -days) }
    package var lastDay: LocalDate { endsBefore.adding(days: -1) }

    package func validate() throws(SimulationError) {
        guard (1...366).contains(days) else { throw SimulationError("--days phải từ 1 đến 366.") }
        guard (0...200).contains(eventsPerPattern) else {
            throw SimulationError("--events phải từ 0 đến 200.")
        }
        if let unitLimit, unitLimit < 1 { throw SimulationError("--units phải lớn hơn 0.") }
    }
}

package struct SimulationError: Error, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}
