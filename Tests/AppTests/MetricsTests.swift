import Database
import Foundation
import HTTP
import Testing
import Web

@testable import App
@testable import Store

/// `/metrics` in the Prometheus text format, read back with prometheus_client's own parser (the venv of `make
/// test`), and only for loopback or a province token.
@Suite(.serialized) struct MetricsTests {
    @Test func theOutputParsesAndCountsRequestsByTemplate() async throws {
        let app = try await TestApp()
        let backups = app.folder + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: true)
        let copy = backups + "/qcdc-20240612T020000Z.sqlite3"
        #expect(FileManager.default.createFile(atPath: copy, contents: Data([1])))
        let backupTime = Date(timeIntervalSince1970: 1_718_157_600)
        try FileManager.default.setAttributes([.modificationDate: backupTime], ofItemAtPath: copy)
        var environment = app.environment
        environment.backupDirectory = backups
        environment.connectionFigures = { ConnectionFigures(openConnections: 7, refusedAtConnectionLimit: 3) }
        let router = try Application.makeRouter(environment)
        for _ in 0..<2 { _ = try await CitizenPagesTests.answer(app, campaign: app.demoCampaignID) }

        for unit in ["07210", "07201"] { _ = await Self.send(router, "/q/\(unit)", from: "203.0.113.9") }
        _ = await Self.send(router, "/k/secret-token", from: "203.0.113.9")
        _ = try await app.pool.write { try $0.run("UPDATE settings SET value = value WHERE key = 'x'") }
        let response = await Self.send(router, "/metrics", from: "127.0.0.1")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(!text.contains("07210") && !text.contains("secret-token"), "labels are templates, never paths")

        let samples = try Self.parse(text)
        func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            samples.first { $0.name == name && $0.labels == labels }?.value
        }
        #expect(value("qcdc_http_requests_total", ["route": "/q/:code", "method": "GET", "status": "200"]) == 2)
        #expect(samples.contains { $0.name == "qcdc_http_requests_total" && $0.labels["route"] == "/k/:token" })
        let requests = samples.filter { $0.name == "qcdc_http_requests_total" }.map(\.value).reduce(0, +)
        #expect(requests >= 7)
        #expect(value("qcdc_http_request_duration_seconds_count") == requests, "one latency per request")
        #expect(value("qcdc_open_connections") == 7)
        #expect(value("qcdc_connections_refused_at_limit_total") == 3)
        let answers = try await app.scalar("SELECT count(*) FROM responses")
        #expect(answers == 2)
        #expect(value("qcdc_answers_stored") == Double(answers))
        #expect(value("qcdc_answers_flagged", ["state": "open"]) != nil)
        let reports = try await app.scalar("SELECT count(*) FROM unit_daily_reports")
        #expect(value("qcdc_daily_reports_received") == Double(reports))
        let batches = Double(app.pool.committedBatchCount)
        #expect(value("qcdc_writer_batch_size_count") == batches)
        #expect(value("qcdc_writer_batch_size_bucket", ["le": "+Inf"]) == batches)
        #expect(value("qcdc_writer_batch_size_bucket", ["le": "1"]) ?? 0 >= 1)
        #expect(value("qcdc_wal_fsyncs_total") ?? 0 >= 1)
        #expect(value("qcdc_database_size_bytes") ?? 0 > 0)
        #expect(value("qcdc_wal_size_bytes") != nil)
        #expect(value("qcdc_last_backup_timestamp_seconds") == backupTime.timeIntervalSince1970)

        // A second scrape: counters only move forward, by what happened in between.
        let again = try Self.parse(
            String(decoding: await Self.send(router, "/metrics", from: "::1").body, as: UTF8.self))
        let routeMetrics = again.first {
            $0.name == "qcdc_http_requests_total" && $0.labels["route"] == "/metrics"
        }
        #expect(routeMetrics?.value == 1)
        #expect(again.first { $0.name == "qcdc_connections_refused_at_limit_total" }?.value == 3)
        await app.close()
    }

    @Test func withoutABackupFolderTheBackupTimeIsAbsent() async throws {
        let app = try await TestApp(seed: false)
        let text = String(decoding: await Self.send(app.router, "/metrics", from: "127.0.0.1").body, as: UTF8.self)
        let samples = try Self.parse(text)
        #expect(samples.contains { $0.name == "qcdc_database_size_bytes" })
        #expect(!samples.contains { $0.name.hasPrefix("qcdc_last_backup") })
        await app.close()
    }

    @Test func onlyLoopbackOrAProvinceTokenMayReadIt() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await APIWorld.addToken(app, for: "tinh24").token
        let district = try await APIWorld.addToken(app, for: "huyen213").token
        func status(_ address: String, _ headers: [(String, String)] = []) async -> Int {
            await Self.send(app.router, "/metrics", from: address, headers: headers).status.code
        }
        #expect(await status("127.0.0.1") == 200)
        #expect(await status("::1") == 200)
        #expect(await status("203.0.113.9") == 404)
        #expect(await status("127.0.0.1", [("X-Forwarded-For", "203.0.113.9")]) == 404, "a proxied client is not local")
        #expect(await status("203.0.113.9", [("Authorization", "Bearer \(province)")]) == 200)
        #expect(await status("203.0.113.9", [("Authorization", "Bearer \(district)")]) == 404)
        #expect(await status("203.0.113.9", [("Authorization", "Bearer qcdc_nonsense")]) == 404)
        let refused = await Self.send(app.router, "/metrics", from: "203.0.113.9")
        let unknown = await Self.send(app.router, "/khong-co", from: "203.0.113.9")
        func withoutID(_ response: HTTPResponse) -> String {
            String(decoding: response.body, as: UTF8.self)
                .replacingOccurrences(of: response.headers["X-Request-Id"] ?? "-", with: "")
        }
        #expect(withoutID(refused) == withoutID(unknown), "the refusal is the ordinary 404 page")
        await app.close()
    }

    // MARK: - Helpers

    struct Sample: Decodable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    static func send(_ router: Router, _ path: String, from address: String, headers: [(String, String)] = []) async
        -> HTTPResponse
    {
        await router.respond(
            to: HTTPRequest(
                method: .get, target: path, path: path, rawPath: path, query: nil,
                headers: HTTPHeaders([("Host", "qcdc.test")] + headers), body: [], remoteAddress: address))
    }

    /// Every sample, through `prometheus_client.parser.text_string_to_metric_families`: a parse error fails.
    static func parse(_ text: String) throws -> [Sample] {
        let python = TestApp.repositoryRoot + "/.build/venv/bin/python"
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "make the test venv: `make .build/venv/.ready` (Tests/browser/requirements.txt has prometheus_client)")
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = []
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    out.append({"name": s.name, "labels": s.labels, "value": s.value})
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "prometheus_client refused the output: \(message)")
        return try JSONDecoder().decode([Sample].self, from: data)
    }
}
