/// A route's path pattern, split once when the route is added: `/s/:campaign/:commune`, `/static/*path`.
struct RoutePattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case catchAll(String)
    }

    let segments: [Segment]

    /// Patterns are written by programmers, so a malformed one stops the program at start-up with a message
    /// naming the mistake rather than producing a route that silently never matches.
    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "Route pattern \"\(pattern)\" must start with \"/\".")
        var segments: [Segment] = []
        var names: Set<String> = []
        for piece in pattern.split(separator: "/") {
            precondition(
                !segments.contains { if case .catchAll = $0 { true } else { false } },
                "Route pattern \"\(pattern)\": a *catch-all must be the last segment.")
            let segment: Segment
            if piece.hasPrefix(":") {
                segment = .parameter(String(piece.dropFirst()))
            } else if piece.hasPrefix("*") {
                segment = .catchAll(String(piece.dropFirst()))
            } else {
                segment = .literal(String(piece))
            }
            switch segment {
            case .parameter(let name), .catchAll(let name):
                precondition(!name.isEmpty, "Route pattern \"\(pattern)\" has a parameter without a name.")
                precondition(names.insert(name).inserted, "Route pattern \"\(pattern)\" repeats \"\(name)\".")
            case .literal:
                break
            }
            segments.append(segment)
        }
        self.segments = segments
    }
}
