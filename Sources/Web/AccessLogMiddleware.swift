import HTTP

/// Writes one logfmt line per request:
///
///     time=2026-11-22T05:06:32.123Z id=3f2a9c1e-1b client=203.0.113.7 method=GET path=/s/12/07210 status=200 bytes=5123 ms=1.234
///
/// UTC time (ISO 8601), the request id (also in the response's `X-Request-Id`), the client address
/// (`request.clientAddress`, "-" when unknown), method, the path as `pathForLog` gives it (the raw path unless
/// told otherwise: the app redacts secrets such as kiosk tokens there; never the query, which may carry tokens),
/// status, response body bytes, and time spent inside the layers below. Put it first, after
/// `ClientAddressMiddleware` only, so it times everything.
public struct AccessLogMiddleware: SynchronousMiddleware {
    private let write: @Sendable (String) -> Void
    private let pathForLog: @Sendable (Request) -> String

    public init(
        write: @escaping @Sendable (String) -> Void = LogSink.standardOutput,
        pathForLog: @escaping @Sendable (Request) -> String = { $0.rawPath }
    ) {
        self.write = write
        self.pathForLog = pathForLog
    }

    public func finish(_ response: inout Response, for request: Request, startedAt start: ContinuousClock.Instant) {
        log(request, status: response.status.code, bytes: response.body.count, since: start)
    }

    /// Outside a router errors are not pages yet: they are logged with their status, then passed on.
    public func handle(_ request: Request, next: Handler) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await next(request)
            finish(&response, for: request, startedAt: start)
            return response
        } catch {
            let status = (error as? HTTPError)?.status.code ?? 500
            log(request, status: status, bytes: 0, since: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, bytes: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        var line = "time=" + UTCDateTime.now().iso8601WithMilliseconds
        line += " id=" + Self.logfmtValue(request.id)
        line += " client=" + Self.logfmtValue(request.clientAddress ?? "-")
        line += " method=" + Self.logfmtValue(request.method.rawValue)
        line += " path=" + Self.logfmtValue(pathForLog(request))
        line += " status=\(status) bytes=\(bytes) ms="
        line += Self.milliseconds(elapsed)
        write(line)
    }

    /// A logfmt value: control characters replaced (they could forge lines), quoted when it holds a space, a quote,
    /// an equals sign or a backslash.
    static func logfmtValue(_ text: String) -> String {
        let clean = LogText.sanitized(text)
        guard clean.isEmpty || clean.utf8.contains(where: { $0 == 0x20 || $0 == 0x22 || $0 == 0x3D || $0 == 0x5C })
        else { return clean }
        var quoted = "\""
        for character in clean.unicodeScalars {
            if character == "\"" || character == "\\" { quoted += "\\" }
            quoted.unicodeScalars.append(character)
        }
        return quoted + "\""
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
