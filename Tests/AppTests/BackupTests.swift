import Crypto
import Database
import Foundation
import Survey
import Synchronization
import Testing
import Uploads

@testable import App
@testable import Store

/// `qcdc backup` and `qcdc restore` on real files: a copy taken while answers are being written holds every answer
/// acknowledged before it began; a restore refuses a held database, a damaged copy and one from a newer qcdc, and
/// keeps the database it replaces.
@Suite struct BackupTests {
    /// What the writers share: the ids acknowledged so far, and when to stop.
    final class WriteLoad: Sendable {
        let acknowledged = Mutex<[Int64]>([])
        let stop = Atomic<Bool>(false)
    }

    /// A PKS02 campaign over the fixture's communes, one valid answer to store again and again.
    static func answers(_ fixture: ReportFixture) throws -> ValidatedAnswers {
        let campaign = try #require(try CampaignStore(fixture.connection).campaign(id: fixture.campaignID))
        let form = try #require(try FormStore(fixture.connection).definition(formVersionID: campaign.formVersionID))
        var fields: [String: [String]] = [:]
        for question in form.questions where question.kind.isChoice && question.showIfOptionID == nil {
            fields[question.code] = question.options.first.map { [String($0.id)] }
        }
        return try AnswerValidator(form: form).validate(fields).get()
    }

    @Test func aCopyTakenUnderWriteLoadHoldsEveryAcknowledgedAnswer() async throws {
        let fixture = try ReportFixture()
        let path = fixture.connection.path
        let folder = (path as NSString).deletingLastPathComponent
        let answers = try Self.answers(fixture)
        let campaignID = fixture.campaignID
        let unitID = try fixture.unitID("07201")
        let pool = try AppDatabase.openPool(path: path)
        let load = WriteLoad()

        // Four writers, each storing answers one after another and noting each acknowledged id.
        let writers = (0..<4).map { writer in
            Task {
                var index = 0
                while !load.stop.load(ordering: .relaxed) {
                    let submission = Submission(
                        campaignID: campaignID, unitID: unitID, submissionID: "w\(writer)-\(index)",
                        submittedAt: ReportFixture.at(ReportFixture.today, 10, 0), channel: .phone, fillSeconds: 60,
                        networkHash: nil, answers: answers, respondent: nil)
                    let outcome = try await pool.write { try ResponseStore($0).store(submission) }
                    if case .stored(let id) = outcome { load.acknowledged.withLock { $0.append(id) } }
                    index += 1
                }
            }
        }
        while load.acknowledged.withLock({ $0.count }) < 200 { try await Task.sleep(for: .milliseconds(5)) }
        let before = Set(load.acknowledged.withLock { $0 })
        let copyPath = folder + "/copy.sqlite3"
        let copy = try await Task.detached { try DatabaseBackup.backup(databasePath: path, to: copyPath) }.value
        let afterCopy = load.acknowledged.withLock { $0.count }
        load.stop.store(true, ordering: .relaxed)
        for writer in writers { try await writer.value }
        await pool.close()

        #expect(copy.schemaVersion == (try AppDatabase.migrations().map(\.version).max()))
        #expect(copy.pendingMigrations == 0)
        let copied = try Connection(
            path: copyPath, configuration: ConnectionConfiguration(readOnly: true, journalModeWAL: false))
        let ids = Set(try copied.query("SELECT id FROM responses").map { try $0.int64("id") })
        #expect(before.isSubset(of: ids), "every answer acknowledged before the copy began is in it")
        #expect(ids.count >= before.count)
        #expect(afterCopy > before.count, "writers kept writing while the copy was taken")
        // The copy's counters agree with its rows: one transaction's view, not a mix.
        let counted: Int? = try copied.scalar("SELECT sum(answers) FROM daily_answer_counts")
        #expect(counted == ids.count)

        // Restore the copy over the live file: the answers written after the copy are gone, the old file kept.
        let total = try fixture.connection.scalar("SELECT count(*) FROM responses", as: Int.self) ?? 0
        let outcome = try DatabaseBackup.restore(from: copyPath, databasePath: path, now: Date())
        let replaced = try #require(outcome.replacedPath)
        let restored = try Connection(path: path)
        #expect(try restored.scalar("SELECT count(*) FROM responses", as: Int.self) == ids.count)
        let kept = try Connection(path: replaced, configuration: ConnectionConfiguration(readOnly: true))
        #expect(try kept.scalar("SELECT count(*) FROM responses", as: Int.self) == total)
    }

    @Test func restoreRefusesAHeldDatabaseADamagedCopyAndANewerOne() throws {
        let fixture = try ReportFixture()
        let path = fixture.connection.path
        let folder = (path as NSString).deletingLastPathComponent
        let good = folder + "/good.sqlite3"
        try DatabaseBackup.backup(databasePath: path, to: good)
        #expect(throws: BackupError.self) { try DatabaseBackup.backup(databasePath: path, to: good) }

        // A server holds the lock: nothing is touched.
        do {
            let held = try #require(try ExclusiveFileLock(path: ExclusiveFileLock.path(forDatabase: path)))
            let error = #expect(throws: BackupError.self) {
                try DatabaseBackup.restore(from: good, databasePath: path, now: Date())
            }
            #expect(error?.description.contains("Máy chủ qcdc đang dùng") == true)
            withExtendedLifetime(held) {}
        }
        // Not a database at all, then a damaged one (a page overwritten in the middle).
        let text = folder + "/text.sqlite3"
        try Data("<html>không phải cơ sở dữ liệu</html>".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: (any Error).self) { try DatabaseBackup.restore(from: text, databasePath: path, now: Date()) }
        let damaged = folder + "/damaged.sqlite3"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        let middle = bytes.count / 2
        bytes.replaceSubrange(middle..<(middle + 4096), with: Data(repeating: 0x5A, count: 4096))
        try bytes.write(to: URL(fileURLWithPath: damaged))
        #expect(throws: (any Error).self) {
            try DatabaseBackup.restore(from: damaged, databasePath: path, now: Date())
        }
        // From a newer qcdc: a migration this binary does not know.
        let newer = folder + "/newer.sqlite3"
        try FileManager.default.copyItem(atPath: good, toPath: newer)
        try Connection(path: newer).run(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, '0999_future.sql', 'x', '')"
        )
        let future = #expect(throws: BackupError.self) {
            try DatabaseBackup.restore(from: newer, databasePath: path, now: Date())
        }
        #expect(future?.description.contains("bản qcdc mới hơn") == true)
        // None of the refusals touched the database.
        #expect(!FileManager.default.fileExists(atPath: path + ".restoring"))
        #expect(try fixture.connection.scalar("SELECT count(*) FROM campaigns", as: Int.self) == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("replaced") }
        #expect(leftovers.isEmpty)
    }

    @Test func datedCopiesKeepTheNewestOnly() throws {
        let fixture = try ReportFixture()
        let path = fixture.connection.path
        let folder = (path as NSString).deletingLastPathComponent + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/README.txt"))
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        var removed: [String] = []
        for day in 0..<4 {
            let outcome = try DatabaseBackup.backup(
                databasePath: path, intoDirectory: folder, keep: 2, now: start.addingTimeInterval(Double(day) * 86_400))
            removed += outcome.removed
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["README.txt", "qcdc-20261202T005320Z.sqlite3", "qcdc-20261203T005320Z.sqlite3"])
        #expect(
            removed.map { ($0 as NSString).lastPathComponent } == [
                "qcdc-20261130T005320Z.sqlite3", "qcdc-20261201T005320Z.sqlite3",
            ])
        #expect(DatabaseBackup.isDatedName("qcdc-20261202T075320Z.sqlite3"))
        #expect(!DatabaseBackup.isDatedName("qcdc-2026120XT075320Z.sqlite3"))
        #expect(!DatabaseBackup.isDatedName("qcdc-20261202T075320Z.sqlite3.partial"))
    }

    /// The binary: a running server holds its database, so `qcdc restore` and a second `qcdc serve` on it refuse,
    /// and once it stops the restore goes through.
    @Test func aRunningServerHoldsItsDatabase() async throws {
        let binary = CommandLineTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
        let folder = NSTemporaryDirectory() + "qcdc-backup-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/qcdc.sqlite3"
        #expect(try CommandLineTests().run(["migrate", "--db", database]).status == 0)
        let copy = try CommandLineTests().run(["backup", "--db", database, "--to", folder + "/copy.sqlite3"])
        #expect(copy.status == 0, "\(copy.output)")
        #expect(copy.output.contains("integrity_check: ok"))

        let server = Process()
        server.executableURL = URL(fileURLWithPath: binary)
        server.arguments = ["serve", "--port", "0", "--quiet", "--db", database]
        let log = folder + "/serve.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.standardOutput = handle
        server.standardError = handle
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var serving = false
        for _ in 0..<400 where !serving {
            try await Task.sleep(for: .milliseconds(50))
            serving = (try? String(contentsOfFile: log, encoding: .utf8))?.contains("đang phục vụ") == true
        }
        try #require(serving, "the server started")

        let refused = try CommandLineTests().run(["restore", "--db", database, "--from", folder + "/copy.sqlite3"])
        #expect(refused.status != 0)
        #expect(refused.output.contains("Máy chủ qcdc đang dùng"))
        let second = try CommandLineTests().run(["serve", "--port", "0", "--db", database])
        #expect(second.status != 0)
        #expect(second.output.contains("Một máy chủ qcdc khác đang dùng"))

        server.terminate()
        server.waitUntilExit()
        let restored = try CommandLineTests().run(["restore", "--db", database, "--from", folder + "/copy.sqlite3"])
        #expect(restored.status == 0, "\(restored.output)")
        #expect(restored.output.contains("Cơ sở dữ liệu cũ được giữ tại"))
    }

    /// Uploaded documents travel with the database: copied beside the backup by content hash (only new ones, each
    /// re-hashed; a damaged file fails the command), and put back by a restore.
    @Test func uploadsAreCopiedByHashAndComeBackWithARestore() throws {
        let cli = CommandLineTests()
        let folder = NSTemporaryDirectory() + "qcdc-backup-uploads-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/data/qcdc.sqlite3"
        #expect(try cli.run(["migrate", "--db", database]).status == 0)
        let uploads = try ContentAddressedStore(directory: folder + "/data/uploads")
        let first = try uploads.store(Array("%PDF-1.4 tờ trình".utf8))
        let second = try uploads.store(Array("%PDF-1.4 báo cáo".utf8))

        let backup = try cli.run(["backup", "--db", database, "--dir", folder + "/backups", "--keep", "3"])
        #expect(backup.status == 0, "\(backup.output)")
        #expect(backup.output.contains("đã chép 2 tệp"))
        let copied = try ContentAddressedStore(directory: folder + "/backups/uploads")
        #expect(Set(try copied.storedHashes()) == [first.hash, second.hash])
        Thread.sleep(forTimeInterval: 1.1)  // dated copies are named to the second
        let again = try cli.run(["backup", "--db", database, "--dir", folder + "/backups", "--keep", "3"])
        #expect(again.output.contains("đã chép 0 tệp") && again.output.contains("2 tệp đã có"))

        // A file damaged on disk (its content no longer its name) is reported, not copied.
        let damagedHash = String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(
            atPath: folder + "/data/uploads/ab", withIntermediateDirectories: true)
        try Data("không khớp".utf8).write(to: URL(fileURLWithPath: folder + "/data/uploads/ab/" + damagedHash))
        Thread.sleep(forTimeInterval: 1.1)
        let damaged = try cli.run(["backup", "--db", database, "--dir", folder + "/backups", "--keep", "3"])
        #expect(damaged.status != 0)
        #expect(damaged.output.contains("không còn khớp"))
        #expect(!copied.contains(try #require(ContentHash(damagedHash))))

        // Restore into a fresh data folder: the database and its documents.
        let copy = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder + "/backups").filter {
                DatabaseBackup.isDatedName($0)
            }.sorted().last)
        let fresh = folder + "/fresh/qcdc.sqlite3"
        let restored = try cli.run(["restore", "--db", fresh, "--from", folder + "/backups/" + copy])
        #expect(restored.status == 0, "\(restored.output)")
        let back = try ContentAddressedStore(directory: folder + "/fresh/uploads")
        #expect(Set(try back.storedHashes()) == [first.hash, second.hash])
        #expect(try back.contents(of: first.hash) == Array("%PDF-1.4 tờ trình".utf8))
    }
}
