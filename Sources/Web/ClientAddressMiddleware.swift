/// Sets `request.clientAddress` from the TCP peer and, only when the peer is a trusted proxy, its forwarding
/// headers (`ClientAddressResolver`). Add it before everything else, the access log included, so every layer
/// and the log line see the same client. The address is written in its canonical form (an IPv4-mapped peer as
/// plain IPv4), so one client is one string.
public struct ClientAddressMiddleware: SynchronousMiddleware {
    public let resolver: ClientAddressResolver

    public init(trustedProxies: [IPRange]) {
        resolver = ClientAddressResolver(trustedProxies: trustedProxies)
    }

    public func prepare(_ request: inout Request) {
        // The common case costs nothing: no proxy to believe, and the socket layer's inet_ntop text is already
        // canonical unless it is an IPv4-mapped peer.
        if resolver.trustedProxies.isEmpty, request.remoteAddress?.hasPrefix("::ffff:") != true { return }
        if let client = resolver.client(peer: request.remoteAddress, headers: request.headers) {
            request.clientAddress = client.description
        }
    }

    public func finish(_ response: inout Response, for request: Request, startedAt start: ContinuousClock.Instant) {}
}
