import Foundation
import Testing

@testable import App
@testable import Store

/// The `qcdc` binary itself, as an operator runs it: unit imports from CSV files, twice, and a bad file.
@Suite struct CommandLineTests {
    /// The `qcdc` built beside this test binary: `.build/debug/qcdc` normally, `.build-asan/debug/qcdc` or
    /// `.build-tsan/debug/qcdc` under `make test-sanitize` (each scratch path holds its own, sanitized, build).
    static var binary: String {
        let testBinary =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("qcdc").path
    }

    /// Runs the binary with `arguments` (and `environment` added to this process's) and returns its status and
    /// everything it printed.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func serveListsTheDoorSettingsAndRefusesABadProxyRange() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build first: swift build")
        let help = try run(["serve", "--help"])
        #expect(help.status == 0)
        let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in [
            "--trusted-proxy <cidr>", "QCDC_TRUSTED_PROXIES", "--answers-per-hour", "default 60",
            "--kiosk-answers-per-hour", "default 240", "--suggestions-per-day", "default 10", "--lookup-misses",
            "default 20", "--flag-scan-seconds", "QCDC_FLAG_SCAN_SECONDS",
        ] {
            #expect(text.contains(expected), "serve --help mentions \(expected)")
        }
        let folder = NSTemporaryDirectory() + "qcdc-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = try run(["serve", "--trusted-proxy", "10.0.0.0/33", "--db", folder + "/qcdc.sqlite3"])
        #expect(bad.status != 0)
        #expect(bad.output.contains("10.0.0.0/33"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/qcdc.sqlite3"), "refused before opening anything")
        let never = try run(["serve", "--flag-scan-seconds", "0", "--db", folder + "/qcdc.sqlite3"])
        #expect(never.status != 0)
        #expect(never.output.contains("QCDC_FLAG_SCAN_SECONDS"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/qcdc.sqlite3"), "refused before opening anything")
    }

    @Test func bothUnitFilesImportOnceAndABadRowIsRefused() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary),
            "build first: swift build (looked for \(Self.binary))")
        let folder = NSTemporaryDirectory() + "qcdc-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/qcdc.sqlite3"
        let seeds = TestApp.repositoryRoot + "/Seeds/"

        let first = try run(["units", "import", seeds + "bac_giang_2024.csv", "--effective", "2024-01-01", "--db", db])
        #expect(first.status == 0)
        #expect(first.output.contains("220 đơn vị"))
        let second = try run(["units", "import", seeds + "bac_ninh_2025.csv", "--effective", "2025-07-01", "--db", db])
        #expect(second.status == 0)
        #expect(second.output.contains("100 đơn vị"))
        let again = try run(["units", "import", seeds + "bac_ninh_2025.csv", "--effective", "2025-07-01", "--db", db])
        #expect(again.status == 0)
        #expect(again.output.contains("không có gì thay đổi"))

        let bad = folder + "/bad.csv"
        try
            "code,name,level,kind,parent_code\n24,Tỉnh A,province,tỉnh,\n07210,Xã A,commune,xã,24\n0721,Xã B,commune,xã,24\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try run(["units", "import", bad, "--effective", "2026-01-01", "--db", db])
        #expect(refused.status != 0)
        #expect(refused.output.contains("Dòng 4"))
        let listing = try run(["campaign", "list", "--db", db])
        #expect(listing.status == 0)
    }

    @Test func deskHoursAreShownSetAndReset() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build first: swift build")
        let folder = NSTemporaryDirectory() + "qcdc-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/qcdc.sqlite3"
        let seeds = TestApp.repositoryRoot + "/Seeds/"
        #expect(
            try run(["units", "import", seeds + "bac_giang_2024.csv", "--effective", "2024-01-01", "--db", db]).status
                == 0)

        let shown = try run(["units", "desk-hours", "--unit", "07201", "--db", db])
        #expect(shown.status == 0)
        #expect(shown.output.contains("Thứ bảy 07:00–11:30; Chủ nhật nghỉ (mặc định)"))
        let set = try run([
            "units", "desk-hours", "--unit", "07201", "--set", "1-6=07:00-11:30,13:30-17:00", "--db", db,
        ])
        #expect(set.status == 0)
        #expect(set.output.contains("Thứ bảy 07:00–11:30, 13:30–17:00; Chủ nhật nghỉ\n"))
        let refused = try run(["units", "desk-hours", "--unit", "07201", "--set", "1=17:00-07:00", "--db", db])
        #expect(refused.status != 0)
        #expect(refused.output.contains("không hợp lệ"))
        let reset = try run(["units", "desk-hours", "--unit", "07201", "--default", "--db", db])
        #expect(reset.output.contains("(mặc định)"))
        #expect(try run(["units", "desk-hours", "--unit", "99999", "--db", db]).status != 0)
    }
}
