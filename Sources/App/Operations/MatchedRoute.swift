import Synchronization
import Web

/// Which route template served a request, written by the route table's handler wrapper and read after the
/// response by the metrics and the access log (they run outside the router, where the match is not known).
/// A reference, so a value set deep in the chain is seen by the layers outside it; one atomic, no lock.
final class MatchedRoute: Sendable {
    private let index = Atomic<Int>(-1)

    func set(_ template: SiteRoute.Template) {
        index.store(Self.indexes[template] ?? -1, ordering: .relaxed)
    }

    var template: SiteRoute.Template? { Self.template(at: templateIndex) }

    /// The template's place in `SiteRoute.Template.allCases`, or -1 before a route matched.
    var templateIndex: Int { index.load(ordering: .relaxed) }

    static func template(at index: Int) -> SiteRoute.Template? {
        index >= 0 && index < templates.count ? templates[index] : nil
    }

    private static let templates = SiteRoute.Template.allCases
    private static let indexes = Dictionary(uniqueKeysWithValues: templates.enumerated().map { ($1, $0) })
}

enum MatchedRouteKey: RequestStorageKey {
    typealias Value = MatchedRoute
}
