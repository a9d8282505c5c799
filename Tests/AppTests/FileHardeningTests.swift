import Foundation
import Testing

@testable import App
@testable import Store

/// The binary's files are its owner's only (umask 077, key file created exclusively, a too-open key refused), and
/// a kiosk link is never printed for an address the desk's tablet cannot reach.
@Suite struct FileHardeningTests {
    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }

    @Test func filesAreOwnerOnlyAndATooOpenKeyIsRefused() throws {
        let cli = CommandLineTests()
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.binary), "build first: swift build")
        let folder = NSTemporaryDirectory() + "qcdc-files-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/data/qcdc.sqlite3"
        #expect(try cli.run(["migrate", "--db", database]).status == 0)
        #expect(try cli.run(["seed-demo", "--db", database]).status == 0)
        #expect(try mode(folder + "/data") == 0o700)
        #expect(try mode(database) == 0o600)

        let link = try cli.run([
            "kiosk-link", "--db", database, "--unit", "07201", "--public-url", "https://qcdc.example.gov.vn",
        ])
        #expect(link.status == 0, "\(link.output)")
        #expect(link.output.hasPrefix("https://qcdc.example.gov.vn/k/"))
        let key = folder + "/data/secret.key"
        #expect(try mode(key) == 0o600)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        let refused = try cli.run([
            "kiosk-link", "--db", database, "--unit", "07201", "--public-url", "https://qcdc.example.gov.vn",
        ])
        #expect(refused.status != 0)
        #expect(refused.output.contains("chmod 600"))
    }

    @Test func kioskLinksNeedAPublicAddress() throws {
        let cli = CommandLineTests()
        let folder = NSTemporaryDirectory() + "qcdc-links-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/qcdc.sqlite3"
        #expect(try cli.run(["migrate", "--db", database]).status == 0)
        #expect(try cli.run(["seed-demo", "--db", database]).status == 0)
        let none = try cli.run(["kiosk-link", "--db", database, "--unit", "07201"])
        #expect(none.status != 0)
        #expect(none.output.contains("--public-url"))
        for loopback in ["http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "http://127.8.0.1"] {
            let refused = try cli.run(["kiosk-link", "--db", database, "--unit", "07201", "--public-url", loopback])
            #expect(refused.status != 0, "\(loopback)")
            #expect(refused.output.contains("--allow-loopback"), "\(loopback)")
        }
        let asked = try cli.run([
            "kiosk-link", "--db", database, "--unit", "07201", "--public-url", "http://127.0.0.1:8080",
            "--allow-loopback",
        ])
        #expect(asked.status == 0, "\(asked.output)")
        #expect(asked.output.hasPrefix("http://127.0.0.1:8080/k/"))
    }
}
