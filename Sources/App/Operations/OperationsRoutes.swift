import HTTP
import Store
import Web

/// `/readyz` and `/metrics`: for the load balancer and for Prometheus, not for people.
struct OperationsRoutes {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.open(.get, .readiness) { _ in
            guard let problem = await Readiness.problem(environment.database, now: environment.clock.nowSeconds)
            else { return .text("ready") }
            environment.log("readyz: not ready: \(problem)")
            return .text("not ready: \(problem)", status: .serviceUnavailable)
        }
        routes.open(.get, .metrics) { request in
            guard try await mayReadMetrics(request) else { throw HTTPError(.notFound) }
            let snapshot = try await OperationsSnapshot.gather(environment)
            var response = Response.text(environment.metrics.render(snapshot))
            response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            response.headers.set("Cache-Control", "no-store")
            return response
        }
    }

    /// The TCP peer on loopback (never a forwarded address: behind a proxy on this machine every client would be
    /// on loopback, so a request that came through a proxy is refused here too), or a province user's API token.
    /// Anyone else gets the same 404 as an unknown path.
    private func mayReadMetrics(_ request: Request) async throws -> Bool {
        let forwarded = request.headers["X-Forwarded-For"] != nil || request.headers["Forwarded"] != nil
        if !forwarded, let peer = request.remoteAddress.flatMap(IPAddress.init), Self.isLoopback(peer) { return true }
        guard request.headers["Authorization"] != nil else { return false }
        let token = APITokenMiddleware(environment: environment)
        guard case .success(let user) = try await token.authenticate(request.headers["Authorization"]) else {
            return false
        }
        return user.role == .province
    }

    /// 127.0.0.0/8 (also as ::ffff:127.x) or ::1.
    static func isLoopback(_ address: IPAddress) -> Bool {
        address.isIPv4 ? address.bytes[12] == 127 : address.bytes == [UInt8](repeating: 0, count: 15) + [1]
    }
}
