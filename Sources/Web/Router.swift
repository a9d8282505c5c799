import HTTP

/// Matches requests to handlers through a tree of path segments and runs them inside the middleware.
///
/// Build it at start-up (add routes and middleware in any order: middleware always wraps every route and the
/// router's own 404, 405 and 400 answers), then hand it to the server. Errors never escape: an `HTTPResponseError`
/// (such as `HTTPError`) becomes `errorRenderer`'s page with the error's status and headers; anything else is logged with the
/// request id and answered with a generic 500 that reveals nothing about the cause.
public struct Router: HTTPResponder {
    public typealias ErrorRenderer = @Sendable (HTTPError, Request) -> Response

    public var errorRenderer: ErrorRenderer
    /// Receives one line per unexpected error. Defaults to standard error.
    public var errorLogger: @Sendable (String) -> Void

    private var root = RouteNode()
    /// The middleware in order, as positions in the two lists below: sorted once, when added, so that a request
    /// never casts, and the layers are called in place in their lists rather than copied out of an enum.
    private var layers: [Layer] = []
    private var synchronousLayers: [any SynchronousMiddleware] = []
    private var wrappingLayers: [any Middleware] = []
    private let requestIDs = RequestIDGenerator()

    public init(
        errorRenderer: @escaping ErrorRenderer = DefaultErrorPage.response,
        errorLogger: @escaping @Sendable (String) -> Void = LogSink.standardError
    ) {
        self.errorRenderer = errorRenderer
        self.errorLogger = errorLogger
    }

    /// Adds middleware around everything; the first added is the outermost.
    public mutating func add(_ middleware: any Middleware) {
        if let synchronous = middleware as? any SynchronousMiddleware {
            layers.append(.synchronous(synchronousLayers.count))
            synchronousLayers.append(synchronous)
        } else {
            layers.append(.wrapping(wrappingLayers.count))
            wrappingLayers.append(middleware)
        }
    }

    private enum Layer: Sendable {
        case synchronous(Int)
        case wrapping(Int)
    }

    /// Adds a route. `pattern` is a path whose segments are literals, `:name` parameters, or a final `*name`
    /// that captures the rest of the path (one segment or more).
    public mutating func on(_ method: HTTPMethod, _ pattern: String, handler: @escaping Handler) {
        var names: [String] = []
        var catchAllName: String?
        let parsed = RoutePattern(pattern)
        for segment in parsed.segments {
            switch segment {
            case .parameter(let name): names.append(name)
            case .catchAll(let name): catchAllName = name
            case .literal: break
            }
        }
        let endpoint = Endpoint(handler: handler, parameterNames: names, catchAllName: catchAllName)
        root.insert(parsed.segments[...], method: method, endpoint: endpoint)
    }

    public mutating func get(_ pattern: String, handler: @escaping Handler) { on(.get, pattern, handler: handler) }
    public mutating func post(_ pattern: String, handler: @escaping Handler) { on(.post, pattern, handler: handler) }
    public mutating func put(_ pattern: String, handler: @escaping Handler) { on(.put, pattern, handler: handler) }
    public mutating func patch(_ pattern: String, handler: @escaping Handler) {
        on(.patch, pattern, handler: handler)
    }
    public mutating func delete(_ pattern: String, handler: @escaping Handler) {
        on(.delete, pattern, handler: handler)
    }

    public func respond(to http: HTTPRequest) async -> HTTPResponse {
        let request = Request(http, id: requestIDs.next())
        var response = await runRenderingErrors(request, from: 0)
        // The id a user reads on an error page, in the access log and here: one request, one id.
        response.headers.set("X-Request-Id", request.id)
        return response
    }

    /// Runs the layers from `start` on: the synchronous ones up to the next wrapping layer that applies in this
    /// call (prepared outermost first, finished innermost first, with the inner errors rendered before they
    /// finish), then that wrapping layer, or the route search past the last layer.
    private func run(_ original: Request, from start: Int) async throws -> Response {
        var request = original
        let prepared = prepareSynchronousLayers(&request, from: start)
        guard let startedAt = prepared.startedAt else { return try await runWrapping(request, at: prepared.end) }
        var response: Response
        do {
            response = try await runWrapping(request, at: prepared.end)
        } catch {
            response = errorResponse(for: error, request: request)
        }
        finishSynchronousLayers(&response, for: request, in: start..<prepared.end, startedAt: startedAt)
        return response
    }

    // These two are kept out of `run`: an async function's frame holds its whole inlined body, and is allocated
    // on the request's task once per call.

    /// Prepares the synchronous layers from `start` and steps over wrapping ones that do not apply, up to the first
    /// wrapping layer that does (or the end). `startedAt` is nil when no synchronous layer ran.
    @inline(never)
    private func prepareSynchronousLayers(_ request: inout Request, from start: Int) -> (
        end: Int, startedAt: ContinuousClock.Instant?
    ) {
        var index = start
        var startedAt: ContinuousClock.Instant?
        scan: while index < layers.count {
            switch layers[index] {
            case .synchronous(let position):
                if startedAt == nil { startedAt = .now }
                synchronousLayers[position].prepare(&request)
            case .wrapping(let position):
                if wrappingLayers[position].applies(to: request) { break scan }
            }
            index += 1
        }
        return (index, startedAt)
    }

    @inline(never)
    private func finishSynchronousLayers(
        _ response: inout Response, for request: Request, in range: Range<Int>, startedAt: ContinuousClock.Instant
    ) {
        for index in range.reversed() {
            if case .synchronous(let position) = layers[index] {
                synchronousLayers[position].finish(&response, for: request, startedAt: startedAt)
            }
        }
    }

    /// The wrapping layer at `index`, with the layers after it as its `next`, or the route search past the end.
    private func runWrapping(_ request: Request, at index: Int) async throws -> Response {
        guard index < layers.count, case .wrapping(let position) = layers[index] else {
            return try await route(request)
        }
        return try await wrappingLayers[position].handle(request) { next in
            await runRenderingErrors(next, from: index + 1)
        }
    }

    /// Runs the rest of the chain and renders its errors on the spot, so that every middleware sees error
    /// pages as ordinary responses: the access log records their status, security headers are added to them,
    /// whichever layer threw.
    private func runRenderingErrors(_ request: Request, from index: Int) async -> Response {
        do {
            return try await run(request, from: index)
        } catch {
            return errorResponse(for: error, request: request)
        }
    }

    @inline(never)
    private func route(_ request: Request) async throws -> Response {
        switch try resolve(request) {
        case .endpoint(let handler, let matched): return try await handler(matched)
        case .answered(let response): return response
        }
    }

    private enum Resolution {
        case endpoint(Handler, Request)
        case answered(Response)
    }

    /// The route search, synchronous and not inlined into `route`: an async function's frame is sized for its
    /// whole body and allocated for every request, while this one's locals stay on the thread's stack.
    @inline(never)
    private func resolve(_ original: Request) throws -> Resolution {
        var request = original
        // Split the path as sent, then decode each segment: an encoded slash stays inside its segment.
        var segments: [String] = []
        for raw in request.rawPath.utf8.split(separator: UInt8(ascii: "/")) {
            do {
                segments.append(try PercentEncoding.decode(Substring(raw)))
            } catch {
                throw HTTPError(.badRequest)
            }
        }
        var values: [String] = []
        var notCollected: Set<HTTPMethod>? = nil
        if let match = root.search(
            segments, from: 0, method: request.method, values: &values, allowed: &notCollected)
        {
            var names = match.endpoint.parameterNames
            var captured = match.values
            if let catchAllName = match.endpoint.catchAllName, let rest = match.catchAllSegments {
                names.append(catchAllName)
                captured.append(rest.joined(separator: "/"))
            }
            request.parameters = Parameters(names: names, values: captured, catchAllSegments: match.catchAllSegments)
            return .endpoint(match.endpoint.handler, request)
        }
        var collected: Set<HTTPMethod>? = []
        values.removeAll()
        _ = root.search(segments, from: 0, method: request.method, values: &values, allowed: &collected)
        guard let allowed = collected, !allowed.isEmpty else { throw HTTPError(.notFound) }
        var allowHeader = HTTPHeaders()
        allowHeader.add("Allow", Self.allowValue(allowed))
        if request.method == .options {
            return .answered(HTTPResponse(status: .noContent, headers: allowHeader))
        }
        throw HTTPError(.methodNotAllowed, headers: allowHeader)
    }

    /// The methods in a fixed order, HEAD implied by GET and OPTIONS always answered.
    private static func allowValue(_ methods: Set<HTTPMethod>) -> String {
        var methods = methods
        if methods.contains(.get) { methods.insert(.head) }
        methods.insert(.options)
        return HTTPMethod.allCases.filter(methods.contains).map(\.rawValue).joined(separator: ", ")
    }

    @inline(never)
    private func errorResponse(for error: any Error, request: Request) -> Response {
        let httpError: HTTPError
        if let known = error as? any HTTPResponseError {
            httpError = known.httpError
        } else {
            errorLogger(
                "request \(request.id) \(request.method.rawValue) \(LogText.sanitized(request.rawPath)) failed: "
                    + LogText.sanitized(String(reflecting: error)))
            httpError = HTTPError(.internalServerError)
        }
        var response = errorRenderer(httpError, request)
        response.status = httpError.status
        // The renderer may set its own values; the error's headers fill in what it left out.
        let namesFromRenderer = Set(response.headers.map { $0.name.lowercased() })
        for (name, value) in httpError.headers where !namesFromRenderer.contains(name.lowercased()) {
            response.headers.add(name, value)
        }
        return response
    }
}
