import ArgumentParser
import Database
import Foundation
import Store
import Survey

/// `qcdc retention show | set | apply`: how long personal traces are kept, and removing what is past it.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Show, set or apply how long personal traces are kept (suggestion contacts, network hashes).",
        subcommands: [Show.self, Set.self, Apply.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the retention settings in force.")
        @OptionGroup var database: DatabaseOption

        func run() throws {
            try AppDatabase.migrate(path: database.resolvedPath)
            let settings = try RetentionSettings.load(try Connection(path: database.resolvedPath))
            print(RetentionCommand.describe(settings))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the retention settings.")
        @OptionGroup var database: DatabaseOption

        @Option(help: "Months a suggestion's sender name and phone are kept after the reply (1–60; default 6).")
        var contactMonths: Int?

        @Option(
            help:
                "Days an answer's network and device hashes are kept after its campaign's last day (0–365; default 30)."
        )
        var networkDays: Int?

        func run() throws {
            try AppDatabase.migrate(path: database.resolvedPath)
            let connection = try Connection(path: database.resolvedPath)
            var settings = try RetentionSettings.load(connection)
            if let contactMonths { settings.contactMonths = contactMonths }
            if let networkDays { settings.networkDaysAfterClose = networkDays }
            do {
                try settings.save(connection, now: SystemClock.wall.nowSeconds)
            } catch let error as RetentionError {
                throw ValidationError(error.description)
            }
            print(RetentionCommand.describe(settings))
        }
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the traces past their retention (run nightly by deploy/qcdc-backup.service).")
        @OptionGroup var database: DatabaseOption

        func run() throws {
            try AppDatabase.migrate(path: database.resolvedPath)
            let clock = SystemClock.wall
            let outcome = try Retention(try Connection(path: database.resolvedPath))
                .apply(today: clock.today, now: clock.nowSeconds)
            print(
                "Đã xóa thông tin liên hệ của \(outcome.contactsRemoved) góp ý và dấu vết mạng của \(outcome.networkTracesRemoved) phiếu trả lời."
            )
        }
    }

    static func describe(_ settings: RetentionSettings) -> String {
        "Thông tin liên hệ trong góp ý được giữ \(settings.contactMonths) tháng sau khi trả lời; dấu vết mạng của phiếu trả lời được giữ \(settings.networkDaysAfterClose) ngày sau ngày cuối của đợt khảo sát."
    }
}
