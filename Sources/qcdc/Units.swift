import App
import ArgumentParser
import Crypto
import Database
import Foundation
import Store
import Survey

struct Units: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Administrative unit sets.",
        subcommands: [Import.self, DeskHoursCommand.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a dated unit set from a CSV file (code,name,level,kind,parent_code).",
            discussion: """
                The set is the administrative map in force from --effective. An existing set is never rewritten:
                importing the same file again changes nothing, a different file for the same date is refused.
                A bad row is refused with its line number and nothing is imported.
                --successors FILE.csv (columns old_code,new_code) maps old codes to new ones, so posters printed
                before a reform still land on the commune that took over.
                """)

        @OptionGroup var database: DatabaseOption

        @Argument(help: "CSV file, UTF-8.")
        var file: String

        @Option(help: "Date from which this map is in force (YYYY-MM-DD).")
        var effective: String

        @Option(help: "Optional CSV old_code,new_code.")
        var successors: String?

        func run() throws {
            guard let effectiveDate = LocalDate(iso: effective) else {
                throw ValidationError("--effective phải có dạng YYYY-MM-DD, ví dụ 2025-07-01.")
            }
            let bytes = try readFile(file)
            let list = try UnitList(csv: bytes)
            var pairs: [(old: String, new: String)] = []
            if let successors {
                pairs = try SuccessorList(csv: try readFile(successors)).pairs
            }
            try AppDatabase.migrate(path: database.resolvedPath)
            let connection = try Connection(path: database.resolvedPath)
            let now = SystemClock.wall.nowSeconds
            let outcome = try UnitStore(connection).importSet(
                list, effective: effectiveDate, sourceName: (file as NSString).lastPathComponent,
                checksum: SHA256.hex(bytes + (try successors.map(readFile) ?? [])), successors: pairs, now: now)
            switch outcome {
            case .imported(let id, let count):
                print("Đã nhập bộ đơn vị số \(id): \(count) đơn vị, hiệu lực từ \(effectiveDate.vietnamese).")
            case .unchanged(let id):
                print("Bộ đơn vị số \(id) đã được nhập trước đây với cùng nội dung; không có gì thay đổi.")
            }
        }

        private func readFile(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("Không đọc được tệp \(path).")
            }
            return Array(data)
        }
    }
}
