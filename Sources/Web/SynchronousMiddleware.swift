/// Middleware whose work is synchronous: it looks at (and may change) the request before the layers inside it,
/// and the response after them, but never awaits anything itself and never answers on its own.
///
/// A router runs consecutive layers of this kind in one call, one after another, instead of nesting a call per
/// layer: each nested call of an async function allocates its frame on the request's task, and the headers,
/// compression, metrics and log layers run on every request. The result is the same as nesting them: the
/// layers' `prepare` run outermost first, their `finish` innermost first, and an error thrown inside reaches
/// `finish` as its rendered page.
public protocol SynchronousMiddleware: Middleware {
    /// Before the layers inside; may change the request they get.
    func prepare(_ request: inout Request)

    /// After the layers inside, with their response. `request` is the request as the run of synchronous layers
    /// this one belongs to passed it on; `start` is when that run began, for layers that time the request.
    func finish(_ response: inout Response, for request: Request, startedAt start: ContinuousClock.Instant)
}

extension SynchronousMiddleware {
    public func prepare(_ request: inout Request) {}

    /// The same work as a nested layer, for use outside a router (a router calls `prepare` and `finish` itself).
    public func handle(_ request: Request, next: Handler) async throws -> Response {
        let start = ContinuousClock.now
        var request = request
        prepare(&request)
        var response = try await next(request)
        finish(&response, for: request, startedAt: start)
        return response
    }
}
