import Database
import Foundation
import Store
import Survey

/// A migrated SQLite file in its own temporary folder, optionally with the demo province seeded, and the day the
/// generator is told is today: 2024-06-12 10:00 in Hanoi, as in the App tests. The folder goes when the value
/// does, so a test keeps it alive (`withExtendedLifetime`) while its connection is open.
final class ScratchDatabase {
    static let startInstant = Double(VietnamTime.instant(LocalDate(iso: "2024-06-12")!, hour: 10, minute: 0))

    let folder: String
    let path: String
    let clock = FixedClock(ScratchDatabase.startInstant)

    init(seed: Bool = false) throws {
        folder = NSTemporaryDirectory() + "qcdc-bench-data-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/qcdc.sqlite3"
        try AppDatabase.migrate(path: path)
        if seed {
            _ = try DemoSeeder.seed(try Connection(path: path), today: clock.today, now: clock.nowSeconds)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
