import HTTP
import Synchronization

@testable import Web

/// A GET as the server's parser would hand it over.
func makeRequest(_ target: String, headers: [(String, String)] = [], body: String = "") -> HTTPRequest {
    makeRequest(.get, target, headers: headers, body: body)
}

/// A request as the server's parser would hand it over: `target` split into raw path and query.
func makeRequest(
    _ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], body: String = ""
) -> HTTPRequest {
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let rawPath = String(parts[0])
    let decodedPath = (try? PercentEncoding.decode(rawPath)) ?? rawPath
    return HTTPRequest(
        method: method, target: target, path: decodedPath, rawPath: rawPath,
        query: parts.count > 1 ? String(parts[1]) : nil,
        headers: HTTPHeaders(headers + [("Host", "example.test")]), body: Array(body.utf8))
}

extension HTTPResponse {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Collects log lines from concurrent code.
final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    var sink: @Sendable (String) -> Void {
        { [self] line in storage.withLock { $0.append(line) } }
    }
}

/// A failure whose text must never reach a client.
struct SecretFailure: Error, CustomStringConvertible {
    var description: String { "database password is hunter2" }
}
