import Foundation
import HTTP
import Store

/// Refuses cross-site posts: a foreign `Origin` (or, without it, a foreign `Referer`) is a 403. A request with
/// neither is allowed, because some in-app browsers (Zalo's, Facebook's) send none.
struct OriginCheck: Sendable {
    /// "https://qcdc.example.vn"
    let publicOrigin: String

    init(publicURL: String) {
        publicOrigin = Self.origin(of: publicURL) ?? publicURL
    }

    func allows(_ headers: HTTPHeaders) -> Bool {
        let host = headers["Host"].map { $0.lowercased() }
        func sameSite(_ origin: String) -> Bool {
            if origin == publicOrigin { return true }
            guard let host else { return false }
            return origin == "http://\(host)" || origin == "https://\(host)"
        }
        if let origin = headers["Origin"] {
            return sameSite(origin.lowercased())
        }
        if let referer = headers["Referer"] {
            guard let origin = Self.origin(of: referer.lowercased()) else { return false }
            return sameSite(origin)
        }
        return true
    }

    /// "scheme://host[:port]" of a URL, lowercased; nil when it has no scheme and host.
    static func origin(of url: String) -> String? {
        let lowered = url.lowercased()
        guard let schemeEnd = lowered.range(of: "://") else { return nil }
        let afterScheme = lowered[schemeEnd.upperBound...]
        let host = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty else { return nil }
        return String(lowered[..<schemeEnd.upperBound]) + host
    }
}
