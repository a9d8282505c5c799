import ArgumentParser
import Database
import Foundation
import Store
import Survey

/// Forms as documents: a form's newest version as JSON on standard output, and a JSON document stored as a form
/// (docs/form-format.md), so forms can be reviewed and kept under version control.
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Survey forms (mẫu phiếu) as JSON documents.",
        subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the newest version of a form as JSON to standard output.")

        @OptionGroup var database: DatabaseOption

        @Argument(help: "Form code, e.g. PKS05.")
        var code: String

        func run() throws {
            let connection = try Connection(path: database.resolvedPath)
            guard let document = try FormDocumentStore(connection).document(code: code) else {
                throw FormCommandError(description: "Không có mẫu phiếu mã “\(code)”.")
            }
            FileHandle.standardOutput.write(Data(document.json().utf8))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a JSON form document as a new form, or as the next version of the owner's form.",
            discussion: """
                The document is checked whole first; every problem is listed with its line and field. A version \
                a campaign uses is never changed: a form already stored gets a new version, which campaigns \
                created from then on take. A document equal to the newest version stores nothing.
                """)

        @OptionGroup var database: DatabaseOption

        @Argument(help: "The JSON document.")
        var file: String

        @Option(help: "Code of the owning unit (the province's code for a standard form).")
        var owner: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw FormCommandError(description: "Không đọc được tệp \(file).")
            }
            let document: FormDocument
            do {
                document = try FormDocument.read(Array(data))
            } catch {
                throw FormCommandError(description: "Tệp \(file) chưa hợp lệ:\n\(error.description)")
            }
            let connection = try Connection(path: database.resolvedPath)
            let clock = SystemClock.wall
            let store = FormDocumentStore(connection)
            let ownerCode = try store.owner(unitCode: owner, today: clock.today)
            let saved = try store.save(document, owner: ownerCode, now: clock.nowSeconds)
            if !saved.stored {
                print("Mẫu phiếu \(saved.code) phiên bản \(saved.version) đã có cùng nội dung; không có gì thay đổi.")
            } else if saved.newForm {
                print("Đã tạo mẫu phiếu \(saved.code), phiên bản \(saved.version).")
            } else {
                print("Đã thêm phiên bản \(saved.version) của mẫu phiếu \(saved.code).")
            }
        }
    }
}
