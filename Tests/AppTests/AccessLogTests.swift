import Foundation
import HTTP
import Synchronization
import Testing

@testable import App
@testable import Store

/// The access log as `qcdc serve` writes it: logfmt with the request id the response also carries, and no secret
/// that travels in a path (kiosk tokens, suggestion lookup codes), however the path is spelled.
@Suite struct AccessLogTests {
    @Test func kioskTokensAndLookupCodesNeverReachTheLog() async throws {
        let app = try await TestApp()
        let lines = Mutex<[String]>([])
        let router = try Application.makeRouter(
            app.environment, accessLog: { line in lines.withLock { $0.append(line) } })
        let targets = [
            "/k/Tok3nKiosk.abc", "/%6B/Tok3nEncoded", "/k/Tok3nExtra/more", "/g/213/K7M2Q9",
            "/g/213/K7M2Q9/x", "/g/213/tra-cuu?ma=Q4P8Z2", "/q/07210",
        ]
        var ids: [String] = []
        for target in targets {
            let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
            let response = await router.respond(
                to: HTTPRequest(
                    method: .get, target: target, path: parts[0].removingPercentEncoding ?? parts[0],
                    rawPath: parts[0], query: parts.count > 1 ? parts[1] : nil,
                    headers: HTTPHeaders([("Host", "qcdc.test")]), body: [], remoteAddress: "203.0.113.7"))
            ids.append(try #require(response.headers["X-Request-Id"]))
        }
        let log = lines.withLock { $0 }
        #expect(log.count == targets.count)
        for secret in ["Tok3nKiosk", "Tok3nEncoded", "Tok3nExtra", "K7M2Q9", "Q4P8Z2"] {
            #expect(!log.contains { $0.contains(secret) }, "\(secret) reached the log")
        }
        #expect(log[0].contains(" path=/k/[redacted] "))
        #expect(log[3].contains(" path=/g/213/[redacted] "))
        #expect(log[6].contains(" path=/q/07210 "), "other paths are logged as sent")
        for (line, id) in zip(log, ids) {
            #expect(line.hasPrefix("time=") && line.contains(" id=\(id) "), "the line carries the response's id")
        }
        #expect(Set(ids).count == ids.count)
        await app.close()
    }
}
