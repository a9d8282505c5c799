/// One `Set-Cookie` header value. The defaults are the safe ones: `HttpOnly`, `Secure`, `SameSite=Lax`,
/// `Path=/`, and no `Domain` (a host-only cookie is never sent to sibling subdomains).
///
/// Names and values are validated, not escaped: a value outside the cookie alphabet (RFC 6265 §4.1.1) is a
/// programming mistake, so it is refused with a `CookieError` instead of being silently changed. Encode
/// arbitrary data (base64url, hex) before storing it in a cookie.
public struct SetCookie: Sendable, Hashable {
    public enum SameSite: String, Sendable, Hashable {
        case strict = "Strict"
        case lax = "Lax"
        case none = "None"
    }

    public let name: String
    public let value: String
    public let path: String
    /// Seconds until the browser drops the cookie; nil makes a session cookie, 0 deletes it now.
    public let maxAge: Int?
    public let httpOnly: Bool
    public let secure: Bool
    public let sameSite: SameSite

    public init(
        name: String,
        value: String,
        maxAge: Int? = nil,
        path: String = "/",
        httpOnly: Bool = true,
        secure: Bool = true,
        sameSite: SameSite = .lax
    ) throws(CookieError) {
        guard !name.isEmpty, name.utf8.allSatisfy(Self.isTokenByte) else { throw .invalidName(name) }
        guard value.utf8.allSatisfy(Self.isCookieValueByte) else { throw .invalidValue(name: name) }
        guard path.hasPrefix("/"), path.utf8.allSatisfy(Self.isPathByte) else { throw .invalidPath(path) }
        if let maxAge, maxAge < 0 { throw .negativeMaxAge(maxAge) }
        // Browsers drop `SameSite=None` without `Secure`, so accepting it would only hide the mistake.
        if sameSite == .none && !secure { throw .sameSiteNoneRequiresSecure }
        self.name = name
        self.value = value
        self.maxAge = maxAge
        self.path = path
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// A cookie that makes the browser forget `name` at once. It must use the same path and `Secure` flag
    /// as the cookie it replaces.
    public static func removing(name: String, path: String = "/", secure: Bool = true) throws(CookieError)
        -> SetCookie
    {
        try SetCookie(name: name, value: "", maxAge: 0, path: path, secure: secure)
    }

    /// The text of the `Set-Cookie` field.
    public var headerValue: String {
        // Every stored answer sets one: one string grown in place rather than one per interpolation.
        var text = ""
        text.reserveCapacity(name.utf8.count + value.utf8.count + path.utf8.count + 64)
        text += name
        text += "="
        text += value
        text += "; Path="
        text += path
        if let maxAge {
            text += "; Max-Age="
            text += String(maxAge)
        }
        if httpOnly { text += "; HttpOnly" }
        if secure { text += "; Secure" }
        text += "; SameSite="
        text += sameSite.rawValue
        return text
    }

    /// `tchar` of RFC 9110 §5.6.2: the characters allowed in a cookie name.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// `cookie-octet` of RFC 6265 §4.1.1: printable ASCII except space, `"`, `,`, `;` and `\`.
    static func isCookieValueByte(_ byte: UInt8) -> Bool {
        byte >= 0x21 && byte <= 0x7E && byte != 0x22 && byte != 0x2C && byte != 0x3B && byte != 0x5C
    }

    /// A path attribute may hold any printable character except `;`, which would start a new attribute.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        byte >= 0x21 && byte <= 0x7E && byte != 0x3B
    }
}
