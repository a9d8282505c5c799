import Crypto
import Database
import Foundation
import HTTP
import Survey
import Uploads
import Web

@testable import App
@testable import Store

/// A real qcdc over a real SQLite file in its own temporary folder, driven in-process through the router.
final class TestApp: Sendable {
    static let publicURL = "https://qcdc.test"
    /// 2024-06-12 10:00 in Hanoi: a Wednesday in the middle of the demo campaign.
    static let startInstant = Double(VietnamTime.instant(LocalDate(iso: "2024-06-12")!, hour: 10, minute: 0))

    let folder: String
    let databasePath: String
    let clock: FixedClock
    let pool: DatabasePool
    let router: Router
    let secret: [UInt8]
    let demoCampaignID: Int64
    let environment: AppEnvironment

    /// `doors`: trusted proxies and limits, for the tests of the public doors.
    init(seed: Bool = true, doors: DoorSettings = DoorSettings()) async throws {
        folder = NSTemporaryDirectory() + "qcdc-app-" + SecureRandom.token(byteCount: 9)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        databasePath = folder + "/qcdc.sqlite3"
        clock = FixedClock(Self.startInstant)
        try AppDatabase.migrate(path: databasePath)
        var campaignID: Int64 = 0
        if seed {
            let connection = try Connection(path: databasePath)
            campaignID = try DemoSeeder.seed(connection, today: clock.today, now: clock.nowSeconds).campaignID
        }
        demoCampaignID = campaignID
        pool = try AppDatabase.openPool(path: databasePath, readers: 2)
        secret = SecureRandom.bytes(32)
        var environment = AppEnvironment(
            database: pool, clock: clock, secret: secret, publicURL: Self.publicURL,
            staticDirectory: Self.publicFolder, log: { _ in })
        environment.doors = doors
        environment.uploads = UploadReceiver(store: try ContentAddressedStore(directory: folder + "/uploads"))
        self.environment = environment
        router = try Application.makeRouter(environment)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func close() async {
        await pool.close()
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static var publicFolder: String { repositoryRoot + "/Public" }

    // MARK: - Requests

    func get(_ target: String, headers: [(String, String)] = []) async -> HTTPResponse {
        await send(.get, target, headers: headers)
    }

    func post(_ target: String, form: [(String, String)], headers: [(String, String)] = []) async -> HTTPResponse {
        let body = form.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
            .joined(separator: "&")
        return await send(
            .post, target, body: Array(body.utf8),
            headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers)
    }

    func send(_ method: HTTPMethod, _ target: String, body: [UInt8] = [], headers: [(String, String)] = []) async
        -> HTTPResponse
    {
        let pathAndQuery = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(pathAndQuery[0])
        var allHeaders = HTTPHeaders([("Host", "qcdc.test")] + headers)
        if !body.isEmpty { allHeaders.add("Content-Length", String(body.count)) }
        let request = HTTPRequest(
            method: method, target: target, path: rawPath.removingPercentEncoding ?? rawPath,
            rawPath: rawPath, query: pathAndQuery.count > 1 ? String(pathAndQuery[1]) : nil,
            headers: allHeaders, body: body, remoteAddress: "203.0.113.7")
        return await router.respond(to: request)
    }

    // MARK: - Database

    func scalar(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) async throws -> Int {
        try await pool.read { try $0.scalar(sql, arguments, as: Int.self) ?? 0 }
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The value of a hidden input in a rendered form.
    func hiddenField(_ name: String) -> String? { document.hiddenField(name) }

    /// "name=value" of the first Set-Cookie for that name.
    func cookie(_ name: String) -> String? {
        for value in headers.values(named: "Set-Cookie") where value.hasPrefix(name + "=") {
            return String(value.prefix { $0 != ";" })
        }
        return nil
    }
}
