import Web

/// Outermost after the client address: gives the request a `MatchedRoute` for the route table to fill in, then
/// counts the response by its route template (never the raw path, which would make one series per token).
struct ObservationMiddleware: SynchronousMiddleware {
    let metrics: SiteMetrics

    func prepare(_ request: inout Request) {
        request.storage[MatchedRouteKey.self] = MatchedRoute()
    }

    func finish(_ response: inout Response, for request: Request, startedAt start: ContinuousClock.Instant) {
        metrics.recordRequest(
            templateIndex: request.storage[MatchedRouteKey.self]?.templateIndex ?? -1, method: request.method,
            status: response.status.code, duration: ContinuousClock.now - start)
    }
}
