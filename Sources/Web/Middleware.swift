/// Code that runs around every request: it may change the request, answer by itself, or call `next` and
/// change the response. Middleware added to a router wraps all its routes, whenever they were added, and
/// its 404 and 405 answers too.
public protocol Middleware: Sendable {
    func handle(_ request: Request, next: Handler) async throws -> Response
}

/// Middleware from a closure, for one-off needs in the app and in tests.
public struct ClosureMiddleware: Middleware {
    public typealias Body = nonisolated(nonsending) @Sendable (Request, Handler) async throws -> Response

    private let body: Body

    public init(_ body: @escaping Body) {
        self.body = body
    }

    public func handle(_ request: Request, next: Handler) async throws -> Response {
        try await body(request, next)
    }
}
