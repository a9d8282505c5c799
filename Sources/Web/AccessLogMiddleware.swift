import HTTP

/// Writes one line per request:
///
///     2026-11-22T05:06:32.123Z 203.0.113.7 GET /s/hn/phuc-xa 200 5123 1.234ms id=3f2a9c1e-1b
///
/// UTC time (ISO 8601), the client address (`request.clientAddress`, "-" when unknown), method, path as sent
/// (without the query, which may carry tokens), status, response body bytes, time spent inside the layers
/// below, and the request id. Put it first, after `ClientAddressMiddleware` only, so it times everything.
public struct AccessLogMiddleware: Middleware {
    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void = LogSink.standardOutput) {
        self.write = write
    }

    public func handle(_ request: Request, next: Handler) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request)
            log(request, status: response.status.code, bytes: response.body.count, since: start)
            return response
        } catch {
            // Behind a Router errors arrive as pages; this only runs when used elsewhere.
            let status = (error as? HTTPError)?.status.code ?? 500
            log(request, status: status, bytes: 0, since: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, bytes: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        var line = UTCDateTime.now().iso8601WithMilliseconds
        line += " "
        line += request.clientAddress.map(LogText.sanitized) ?? "-"
        line += " "
        line += request.method.rawValue
        line += " "
        line += LogText.sanitized(request.rawPath)
        line += " \(status) \(bytes) "
        line += Self.milliseconds(elapsed)
        line += "ms id="
        line += request.id
        write(line)
    }

    /// `1.234` for 1 234 µs; integer arithmetic only.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        var text = String(microseconds / 1000) + "."
        UTCDateTime.append(Int(microseconds % 1000), width: 3, to: &text)
        return text
    }
}
