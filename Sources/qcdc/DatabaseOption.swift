import App
import ArgumentParser
import Database
import Foundation
import Store
import Survey

/// `--db`, shared by every subcommand that touches the database.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "SQLite database file (env QCDC_DB; default ./var/qcdc.sqlite3).")
    var path: String?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["QCDC_DB"] ?? "var/qcdc.sqlite3"
    }

    /// The database's folder: the key file and uploaded documents live there too.
    var dataFolder: String {
        let folder = (resolvedPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Where the signing key lives when QCDC_SECRET is not set: beside the database.
    var keyFilePath: String { dataFolder + "/secret.key" }

    /// Account administration on this database, acting now, as the command line.
    func accountAdmin() throws -> AccountAdmin {
        let clock = SystemClock.wall
        return AccountAdmin(try Connection(path: resolvedPath), today: clock.today, now: clock.nowSeconds)
    }
}
