import HTTP

/// Gives every response an explicit `Cache-Control`: the one its handler chose (static files, QR images, the
/// public pages, stylesheets), else `fallback`, `no-store` by default. A dynamic page is the safe case by
/// construction: a new route, an error page, a redirect or the router's own 404 and 405 can never be kept by a
/// shared cache because someone forgot the header; only a handler that states its policy loosens it.
public struct CacheControlMiddleware: SynchronousMiddleware {
    public let fallback: String

    public init(fallback: String = "no-store") {
        self.fallback = fallback
    }

    public func finish(_ response: inout Response, for request: Request, startedAt start: ContinuousClock.Instant) {
        if !response.headers.contains("Cache-Control") {
            response.headers.add("Cache-Control", fallback)
        }
    }
}
