/// A cookie that cannot be sent as it is. Each case says what to change.
public enum CookieError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidName(String)
    case invalidValue(name: String)
    case invalidPath(String)
    case negativeMaxAge(Int)
    case sameSiteNoneRequiresSecure

    public var description: String {
        switch self {
        case .invalidName(let name):
            "Cookie name \"\(name)\" is empty or has characters outside RFC 9110 token characters."
        case .invalidValue(let name):
            "Cookie \"\(name)\" has a value with spaces, quotes, commas, semicolons, backslashes or non-ASCII; "
                + "encode it (base64url, hex) first."
        case .invalidPath(let path):
            "Cookie path \"\(path)\" must start with \"/\" and contain only printable ASCII without \";\"."
        case .negativeMaxAge(let seconds):
            "Cookie Max-Age \(seconds) is negative; use 0 to delete a cookie."
        case .sameSiteNoneRequiresSecure:
            "A SameSite=None cookie must also be Secure, or browsers drop it."
        }
    }
}
