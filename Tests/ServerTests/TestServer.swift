import Glibc
import HTTP
import Synchronization

@testable import Server

/// Answers by path: "/" hello, "/echo" the request back, "/slow?ms=N" after sleeping, "/close" asks to close.
struct TestResponder: HTTPResponder {
    func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch request.path {
        case "/":
            return HTTPResponse(status: .ok, contentType: "text/plain; charset=utf-8", body: "xin chào")
        case "/echo":
            var response = HTTPResponse(status: .ok, headers: HTTPHeaders(), body: request.body)
            response.headers.add("X-Method", request.method.rawValue)
            response.headers.add("X-Target", request.target)
            response.headers.add("X-Remote", request.remoteAddress ?? "?")
            return response
        case "/slow":
            let milliseconds = Int(request.query?.split(separator: "=").last ?? "") ?? 100
            do {
                try await Task.sleep(for: .milliseconds(milliseconds))
            } catch {
                return HTTPResponse(status: .internalServerError)
            }
            return HTTPResponse(status: .ok, contentType: "text/plain", body: "slow \(milliseconds)")
        case "/big":
            let count = Int(request.query?.split(separator: "=").last ?? "") ?? 1_000_000
            return HTTPResponse(
                status: .ok, headers: HTTPHeaders(), body: (0..<count).map { UInt8(truncatingIfNeeded: $0 % 251) })
        case "/fill":
            let count = Int(request.query?.split(separator: "=").last ?? "") ?? 1_000_000
            return HTTPResponse(status: .ok, headers: HTTPHeaders(), body: [UInt8](repeating: 7, count: count))
        case "/close":
            return HTTPResponse(status: .ok, headers: HTTPHeaders(), body: Array("bye".utf8), closeConnection: true)
        default:
            return HTTPResponse(status: .notFound, contentType: "text/plain", body: "not found")
        }
    }
}

/// Collects the server's log lines so tests stay quiet and can look at them.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])
    func record(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// Starts a server on an ephemeral port, runs `body`, and always shuts the server down.
func withServer(
    _ configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (_ port: Int, _ server: HTTPServer) async throws -> Void
) async throws {
    var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, eventLoopCount: 2, shutdownGrace: .seconds(2))
    configure(&configuration)
    let log = LogRecorder()
    let server = HTTPServer(configuration: configuration, responder: TestResponder(), log: { log.record($0) })
    let port = try server.start()
    do {
        try await body(port, server)
    } catch {
        await server.shutdown()
        throw error
    }
    await server.shutdown()
}

/// Raises this process's open-file limit so a test can hold hundreds of sockets.
func raiseOpenFileLimit() {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    if limit.rlim_cur < limit.rlim_max {
        limit.rlim_cur = limit.rlim_max
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}

/// Runs blocking client code on its own thread, so long socket loops do not starve Swift's small cooperative
/// pool (two threads here), which the tests' other tasks and the server's shutdown polling also use.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        do {
            let thread = try LoopThread.start { continuation.resume(with: Result { try body() }) }
            thread.detach()
        } catch {
            continuation.resume(throwing: error)
        }
    }
}
