/// Code that runs around every request: it may change the request, answer by itself, or call `next` and
/// change the response. Middleware added to a router wraps all its routes, whenever they were added, and
/// its 404 and 405 answers too.
public protocol Middleware: Sendable {
    func handle(_ request: Request, next: Handler) async throws -> Response

    /// Whether this layer has anything to do for `request`. A router passes a request this says no to straight to
    /// the next layer, without calling `handle` (a layer for one area of the site costs the others nothing).
    func applies(to request: Request) -> Bool
}

extension Middleware {
    public func applies(to request: Request) -> Bool { true }
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
