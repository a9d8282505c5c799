import Foundation
import Testing

@testable import App
@testable import Store

/// `qcdc form export` and `qcdc form import`, the real binary as an operator runs it.
@Suite struct FormCommandLineTests {
    let cli = CommandLineTests()

    @Test func exportImportUnderAnotherCodeAndExportAgainGiveTheSameDocument() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.binary), "build first: swift build")
        let folder = NSTemporaryDirectory() + "qcdc-form-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/qcdc.sqlite3"
        #expect(try cli.run(["migrate", "--db", db]).status == 0)
        let seeds = TestApp.repositoryRoot + "/Seeds/"
        #expect(
            try cli.run(["units", "import", seeds + "bac_giang_2024.csv", "--effective", "2024-01-01", "--db", db])
                .status
                == 0)

        let exported = try cli.run(["form", "export", "PKS05", "--db", db])
        #expect(exported.status == 0)
        let example = try String(contentsOfFile: TestApp.repositoryRoot + "/docs/examples/PKS05.json", encoding: .utf8)
        #expect(exported.output == example, "docs/examples/PKS05.json is what the command writes")

        let ward = folder + "/ward.json"
        try exported.output.replacingOccurrences(of: "\"code\": \"PKS05\"", with: "\"code\": \"DTN-07210\"")
            .write(toFile: ward, atomically: true, encoding: .utf8)
        let imported = try cli.run(["form", "import", ward, "--owner", "07210", "--db", db])
        #expect(imported.status == 0)
        #expect(imported.output.contains("Đã tạo mẫu phiếu DTN-07210, phiên bản 1."))
        let again = try cli.run(["form", "export", "DTN-07210", "--db", db])
        #expect(again.status == 0)
        #expect(
            again.output
                == exported.output.replacingOccurrences(of: "\"code\": \"PKS05\"", with: "\"code\": \"DTN-07210\"")
                .replacingOccurrences(of: "\"owner\": null", with: "\"owner\": \"07210\""))
        let twice = try cli.run(["form", "import", ward, "--owner", "07210", "--db", db])
        #expect(twice.status == 0 && twice.output.contains("không có gì thay đổi"))

        // Another unit cannot add a version to the ward's form, nor a ward to the province's; unknown units and forms.
        let other = try cli.run(["form", "import", ward, "--owner", "07201", "--db", db])
        #expect(other.status != 0)
        #expect(other.output.contains("thuộc đơn vị 07210, không thuộc đơn vị 07201"))
        let standard = folder + "/pks05.json"
        try exported.output.write(toFile: standard, atomically: true, encoding: .utf8)
        let province = try cli.run(["form", "import", standard, "--owner", "07210", "--db", db])
        #expect(province.status != 0 && province.output.contains("thuộc tỉnh"))
        let unknown = try cli.run(["form", "import", ward, "--owner", "99999", "--db", db])
        #expect(unknown.status != 0 && unknown.output.contains("Không có đơn vị mã “99999”"))
        let missing = try cli.run(["form", "export", "PKS99", "--db", db])
        #expect(missing.status != 0 && missing.output.contains("Không có mẫu phiếu mã “PKS99”"))

        // A broken document: every problem with its line and field, nothing stored.
        let broken = folder + "/broken.json"
        try exported.output.replacingOccurrences(of: "\"code\": \"PKS05\"", with: "\"code\": \"DTN-2\"")
            .replacingOccurrences(of: "\"polarity\": \"positive\"", with: "\"polarity\": \"good\"")
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let brokenLines = try String(contentsOfFile: broken, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let firstBad = try #require(brokenLines.firstIndex { $0.contains("\"good\"") }) + 1
        let refused = try cli.run(["form", "import", broken, "--owner", "07210", "--db", db])
        #expect(refused.status != 0)
        #expect(refused.output.contains("dòng \(firstBad), questions[5].options[0].polarity: null, \"positive\""))
        #expect(!refused.output.contains("Usage:"), "the command line was right; only the file is refused")
        #expect(try cli.run(["form", "export", "DTN-2", "--db", db]).status != 0, "nothing stored")
    }
}
