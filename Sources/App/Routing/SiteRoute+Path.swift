import HTTP
import Store

extension SiteRoute.Template {
    enum Segment: Hashable {
        case literal(String)
        case parameter
        /// A final `*name`: one segment or more.
        case rest
    }

    /// Split once: links are printed on the answer path, where every allocation shows in the benchmark.
    var segments: [Segment] {
        Self.segmentsByTemplate[self] ?? []
    }

    private static let segmentsByTemplate: [Self: [Segment]] = Dictionary(
        uniqueKeysWithValues: allCases.map {
            template in
            (
                template,
                template.rawValue.split(separator: "/").map { part -> Segment in
                    if part.hasPrefix(":") { return .parameter }
                    if part.hasPrefix("*") { return .rest }
                    return .literal(String(part))
                }
            )
        })

    var parameterCount: Int {
        segments.count { !$0.isLiteral }
    }

    /// The first segment ("admin", "api", "s"…), which decides the route's group.
    var area: Substring {
        rawValue.split(separator: "/").first ?? ""
    }

    /// The values of `path`'s segments that fill this template's parameters; nil when the path does not fit.
    func match(_ pathSegments: [String]) -> [String]? {
        var values: [String] = []
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .literal(let text):
                guard index < pathSegments.count, pathSegments[index] == text else { return nil }
            case .parameter:
                guard index < pathSegments.count else { return nil }
                values.append(pathSegments[index])
            case .rest:
                guard index < pathSegments.count else { return nil }
                return values + [pathSegments[index...].joined(separator: "/")]
            }
        }
        return pathSegments.count == segments.count ? values : nil
    }
}

extension SiteRoute.Template.Segment {
    fileprivate var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }

    /// The router's preference where two templates fit one path: a literal beats a parameter beats the rest.
    fileprivate var rank: Int {
        switch self {
        case .literal: 0
        case .parameter: 1
        case .rest: 2
        }
    }
}

extension SiteRoute {
    /// The percent-encoded path, e.g. `/admin/campaigns/12/report`. A `*rest` argument keeps its slashes.
    /// Written into one string: every answer's redirect and every page's links print paths.
    public var path: String {
        var values = arguments.makeIterator()
        var path = ""
        path.reserveCapacity(template.rawValue.utf8.count + 16)
        for segment in template.segments {
            path.append("/")
            switch segment {
            case .literal(let text): path.append(text)
            case .parameter: path.append(PercentEncoding.encode(values.next() ?? ""))
            case .rest:
                let rest = values.next() ?? ""
                path.append(
                    rest.split(separator: "/", omittingEmptySubsequences: false)
                        .map { PercentEncoding.encode(String($0)) }.joined(separator: "/"))
            }
        }
        return path.isEmpty ? "/" : path
    }

    /// The path with a query string; pairs with a nil value are left out, the rest percent-encoded.
    public func href(_ query: [(name: String, value: String?)] = []) -> String {
        let pairs = query.compactMap { pair in
            pair.value.map { PercentEncoding.encode(pair.name) + "=" + PercentEncoding.encode($0) }
        }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    /// A link relative to the public address (for QR codes, kiosk links, login slips).
    public func url(publicURL: String) -> String {
        publicURL + path
    }

    /// The route of a decoded path, choosing among templates as the router does (literals before parameters);
    /// nil for a path no route serves. Empty segments are ignored, as by the router.
    public init?(path: String) {
        let pathSegments = path.split(separator: "/").map(String.init)
        var best: (ranks: [Int], route: SiteRoute)?
        for template in Template.allCases {
            guard let values = template.match(pathSegments),
                let route = SiteRoute(template, arguments: values)
            else { continue }
            let ranks = template.segments.map(\.rank)
            if let current = best, !ranks.lexicographicallyPrecedes(current.ranks) { continue }
            best = (ranks, route)
        }
        guard let best else { return nil }
        self = best.route
    }
}
