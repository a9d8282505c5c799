import Foundation
import Testing

/// `qcdc serve --upload-max-megabytes`: documented, and a bad value stops the start before anything opens.
@Suite struct ServeUploadOptionTests {
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try CommandLineTests().run(arguments, environment: environment)
    }

    @Test func theUploadLimitIsDocumentedAndValidated() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.binary), "build first: swift build")
        let help = try run(["serve", "--help"])
        let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["--upload-max-megabytes", "QCDC_UPLOAD_MAX_MB", "default 20"] {
            #expect(text.contains(expected), "serve --help mentions \(expected)")
        }
        let folder = NSTemporaryDirectory() + "qcdc-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/qcdc.sqlite3"
        for (arguments, environment) in [
            (["--upload-max-megabytes", "0"], [:]), (["--upload-max-megabytes", "2000"], [:]),
            ([], ["QCDC_UPLOAD_MAX_MB": "hai mươi"]),
        ] as [([String], [String: String])] {
            let refused = try run(["serve", "--db", database] + arguments, environment: environment)
            #expect(refused.status != 0, "\(arguments) \(environment)")
            #expect(refused.output.contains("QCDC_UPLOAD_MAX_MB"), "\(arguments) \(environment)")
            #expect(!FileManager.default.fileExists(atPath: database), "refused before opening anything")
        }
    }

    /// QCDC_REPORT_PHOTO_MAX_MB (the daily report's photos) is checked before anything opens too.
    @Test func theReportPhotoLimitIsValidated() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.binary), "build first: swift build")
        let folder = NSTemporaryDirectory() + "qcdc-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/qcdc.sqlite3"
        for value in ["0", "năm", "500"] {
            let refused = try run(["serve", "--db", database], environment: ["QCDC_REPORT_PHOTO_MAX_MB": value])
            #expect(refused.status != 0, "\(value)")
            #expect(refused.output.contains("QCDC_REPORT_PHOTO_MAX_MB"), "\(value)")
            #expect(!FileManager.default.fileExists(atPath: database), "refused before opening anything")
        }
    }
}
