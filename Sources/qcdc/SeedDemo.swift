import App
import ArgumentParser
import Database
import Foundation
import Store
import Survey

struct SeedDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Load the demo province (Bắc Giang 2024, 209 communes) and an open PKS02 demo campaign.",
        discussion: "Idempotent: running it again changes nothing. Runs pending migrations first.")

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Do nothing if the database already has administrative units.")
    var ifEmpty = false

    func run() throws {
        try AppDatabase.migrate(path: database.resolvedPath)
        let connection = try Connection(path: database.resolvedPath)
        if ifEmpty, try connection.scalar("SELECT count(*) FROM unit_sets", as: Int.self) ?? 0 > 0 {
            print("Cơ sở dữ liệu đã có dữ liệu; bỏ qua dữ liệu mẫu.")
            return
        }
        let clock = SystemClock.wall
        let outcome = try DemoSeeder.seed(connection, today: clock.today, now: clock.nowSeconds)
        print("Dữ liệu mẫu: \(outcome).")
    }
}

extension SystemClock {
    static let wall = SystemClock { Date().timeIntervalSince1970 }
}
