import HTML
import HTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension HTTPResponse {
    /// A page: `text/html; charset=utf-8`.
    public static func html(_ page: HTML, status: HTTPStatus = .ok) -> HTTPResponse {
        bytes(page.bytes, contentType: "text/html; charset=utf-8", status: status)
    }

    /// Plain text: `text/plain; charset=utf-8`.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        bytes(Array(text.utf8), contentType: "text/plain; charset=utf-8", status: status)
    }

    /// A JSON document. Keys are sorted so the same value always gives the same bytes (stable ETags, tests).
    public static func json(_ value: some Encodable, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return bytes(Array(data), contentType: "application/json", status: status)
    }

    /// A redirect. `303 See Other` by default: after a form POST the browser follows with a GET.
    /// `location` should be a path on this site; building it from user input invites open redirects.
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Location", location)
        return HTTPResponse(status: status, headers: headers)
    }

    public static func bytes(_ body: [UInt8], contentType: String, status: HTTPStatus = .ok) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// Adds a `Set-Cookie` field (several cookies are several fields, never joined with commas).
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }

    /// The same response with one more `Set-Cookie` field, for chaining after a builder.
    public func settingCookie(_ cookie: SetCookie) -> HTTPResponse {
        var copy = self
        copy.setCookie(cookie)
        return copy
    }

    /// The same response with a header set (replacing any field of that name).
    public func settingHeader(_ name: String, _ value: String) -> HTTPResponse {
        var copy = self
        copy.headers.set(name, value)
        return copy
    }
}
