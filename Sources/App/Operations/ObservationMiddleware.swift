import Web

/// Outermost after the client address: gives the request a `MatchedRoute` for the route table to fill in, then
/// counts the response by its route template (never the raw path, which would make one series per token).
struct ObservationMiddleware: Middleware {
    let metrics: SiteMetrics

    func handle(_ request: Request, next: Handler) async throws -> Response {
        var request = request
        let matched = MatchedRoute()
        request.storage[MatchedRouteKey.self] = matched
        let start = ContinuousClock.now
        let response = try await next(request)
        metrics.recordRequest(
            templateIndex: matched.templateIndex, method: request.method, status: response.status.code,
            duration: ContinuousClock.now - start)
        return response
    }
}
