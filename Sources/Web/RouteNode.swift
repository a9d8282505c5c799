import HTTP

/// A handler and the names its pattern gives to the values captured along the way. Names live here, not in
/// the tree, so `/s/:id` and `/s/:slug/edit` can share the parameter branch.
struct Endpoint: Sendable {
    let handler: Handler
    let parameterNames: [String]
    let catchAllName: String?
}

/// What a successful search found.
struct RouteMatch {
    let endpoint: Endpoint
    let values: [String]
    let catchAllSegments: [String]?
}

/// One level of the routing tree. Children are tried in a fixed order — literal, then parameter, then
/// catch-all — so `/s/new` beats `/s/:id`, and a literal branch that dead-ends falls back to the parameter.
struct RouteNode: Sendable {
    private var literals: [String: RouteNode] = [:]
    /// Zero or one node; an array gives the recursive struct the indirection it needs.
    private var parameterChild: [RouteNode] = []
    private var endpoints: [HTTPMethod: Endpoint] = [:]
    private var catchAllEndpoints: [HTTPMethod: Endpoint] = [:]

    init() {}

    mutating func insert(_ pattern: ArraySlice<RoutePattern.Segment>, method: HTTPMethod, endpoint: Endpoint) {
        guard let first = pattern.first else {
            precondition(endpoints[method] == nil, "Two routes for \(method.rawValue) at the same path.")
            endpoints[method] = endpoint
            return
        }
        let rest = pattern.dropFirst()
        switch first {
        case .literal(let text):
            literals[text, default: RouteNode()].insert(rest, method: method, endpoint: endpoint)
        case .parameter:
            if parameterChild.isEmpty { parameterChild.append(RouteNode()) }
            parameterChild[0].insert(rest, method: method, endpoint: endpoint)
        case .catchAll:
            precondition(catchAllEndpoints[method] == nil, "Two catch-all routes for \(method.rawValue) here.")
            catchAllEndpoints[method] = endpoint
        }
    }

    /// Finds the first endpoint, in priority order, that matches `segments` and answers `method`. Along the
    /// way it collects in `allowed`, when that is not nil, every method the matching paths answer, for a 405's
    /// `Allow` (the router asks for them only after a search found nothing: a set per request costs).
    func search(
        _ segments: [String], from index: Int, method: HTTPMethod, values: inout [String],
        allowed: inout Set<HTTPMethod>?
    ) -> RouteMatch? {
        if index == segments.count {
            guard let endpoint = Self.pick(endpoints, for: method, allowed: &allowed) else { return nil }
            return RouteMatch(endpoint: endpoint, values: values, catchAllSegments: nil)
        }
        if let literal = literals[segments[index]],
            let found = literal.search(segments, from: index + 1, method: method, values: &values, allowed: &allowed)
        {
            return found
        }
        if let parameter = parameterChild.first {
            values.append(segments[index])
            if let found = parameter.search(
                segments, from: index + 1, method: method, values: &values, allowed: &allowed)
            {
                return found
            }
            values.removeLast()
        }
        if let endpoint = Self.pick(catchAllEndpoints, for: method, allowed: &allowed) {
            return RouteMatch(endpoint: endpoint, values: values, catchAllSegments: Array(segments[index...]))
        }
        return nil
    }

    /// The endpoint for `method`, HEAD falling back to GET.
    private static func pick(
        _ endpoints: [HTTPMethod: Endpoint], for method: HTTPMethod, allowed: inout Set<HTTPMethod>?
    ) -> Endpoint? {
        guard !endpoints.isEmpty else { return nil }
        allowed?.formUnion(endpoints.keys)
        if let endpoint = endpoints[method] { return endpoint }
        return method == .head ? endpoints[.get] : nil
    }
}
