/// One parsed request. The parser guarantees: a known method, HTTP/1.0 or 1.1, a `Host` for 1.1, at most one
/// valid `Content-Length`, and a body of exactly that length.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as sent (origin form: path and optional query).
    public var target: String
    /// The path, percent-decoded as UTF-8. Decoding `%2F` yields "/", so code that maps paths to files must
    /// check `rawPath` too.
    public var path: String
    /// The path as sent, not decoded.
    public var rawPath: String
    /// The raw query string after "?", not decoded; nil when the target has no "?".
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer's address ("127.0.0.1"), filled in by the server.
    public var remoteAddress: String?

    public init(
        method: HTTPMethod,
        target: String,
        path: String,
        rawPath: String? = nil,
        query: String? = nil,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        remoteAddress: String? = nil
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.rawPath = rawPath ?? path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// Whether the client asked to keep the connection open after this request (RFC 9112 §9.3).
    public var wantsKeepAlive: Bool {
        let tokens = (headers["Connection"] ?? "").lowercased().split(separator: ",").map {
            $0.filter { $0 != " " && $0 != "\t" }
        }
        switch version {
        case .http1_1: return !tokens.contains("close")
        case .http1_0: return tokens.contains("keep-alive")
        }
    }
}
