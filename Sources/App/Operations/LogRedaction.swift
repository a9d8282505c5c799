import HTTP
import Web

/// The path the access log writes: secrets that travel in paths never reach a log file. A kiosk link's token
/// (`/k/…`) and a suggestion's lookup code (`/g/UNIT/CODE`) are replaced; every other path is written as sent.
enum LogRedaction {
    static let mark = "[redacted]"

    static func path(_ request: Request) -> String {
        switch request.storage[MatchedRouteKey.self]?.template {
        case .kioskLink?: return "/k/" + mark
        case .suggestionReceipt?:
            let segments = request.rawPath.split(separator: "/")
            return "/g/" + (segments.count > 1 ? String(segments[1]) : "-") + "/" + mark
        case .some: return request.rawPath
        case nil: return unmatched(request.rawPath)
        }
    }

    /// A path no route served (a 404 or 400) may still carry a token with a typo or an extra segment: judged by
    /// its decoded first segment, the way the router would read it.
    private static func unmatched(_ rawPath: String) -> String {
        let segments = rawPath.split(separator: "/")
        let first = segments.first.map { (try? PercentEncoding.decode($0)) ?? String($0) }
        switch first {
        case "k"? where segments.count > 1: return "/k/" + mark
        case "g"? where segments.count > 2: return "/g/" + String(segments[1]) + "/" + mark
        default: return rawPath
        }
    }
}
