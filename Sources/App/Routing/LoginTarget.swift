import HTTP
import Store

/// Where the login page sends a person afterwards: back to the console page they asked for, never elsewhere.
enum LoginTarget {
    /// The login page, remembering `next` when it is a safe console address other than the home page.
    static func path(next: String?) -> String {
        guard let next, let safe = safeNext(next), safe != SiteRoute.adminHome.path else {
            return SiteRoute.login.path
        }
        return SiteRoute.login.href([("next", safe)])
    }

    /// Only a path of this site's console: "/admin…" without "//", backslashes or control characters, so a
    /// crafted `next` can never send someone to another site after login.
    static func safeNext(_ next: String) -> String? {
        let prefix = SiteRoute.adminHome.path
        guard next.hasPrefix(prefix), !next.hasPrefix("//"), next.utf8.count <= 512,
            !next.contains("\\"),
            !next.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F })
        else { return nil }
        let afterPrefix = next.dropFirst(prefix.count)
        guard afterPrefix.isEmpty || afterPrefix.first == "/" || afterPrefix.first == "?" else { return nil }
        return next
    }
}

/// The part of the site a request path belongs to, as the middleware that guards each part sees it.
enum SiteArea: Equatable {
    case console
    case api
    case other

    /// Empty segments are dropped first ("//admin/" is "/admin"), as the router does, so a path the router would
    /// route to the console is always recognised as one here. Every request asks, so the first segment is found
    /// in place, without splitting the whole path.
    init(path: String) {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        let start = bytes.firstIndex { $0 != slash } ?? bytes.endIndex
        let first = bytes[start...].prefix { $0 != slash }
        if first.elementsEqual(Self.consoleSegment) {
            self = .console
        } else if first.elementsEqual(Self.apiSegment) {
            self = .api
        } else {
            self = .other
        }
    }

    private static let consoleSegment = Array(SiteRoute.Template.adminHome.area.utf8)
    private static let apiSegment = Array(SiteRoute.Template.apiMe.area.utf8)

    /// The decoded path with empty segments dropped.
    static func normalized(_ path: String) -> String {
        "/" + path.split(separator: "/").joined(separator: "/")
    }
}
