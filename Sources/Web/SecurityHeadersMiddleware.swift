import HTTP

/// Adds the browser-hardening headers to every response, error pages included. A header a handler set
/// itself is left alone, so one page can loosen or tighten its policy. Set a property to nil to omit it.
public struct SecurityHeadersMiddleware: SynchronousMiddleware {
    public static let defaultContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    public var contentSecurityPolicy: String?
    public var contentTypeOptions: String?
    public var referrerPolicy: String?
    public var frameOptions: String?
    /// Off by default: only send it when the site is served over HTTPS for good.
    public var strictTransportSecurity: String?

    public init(
        contentSecurityPolicy: String? = SecurityHeadersMiddleware.defaultContentSecurityPolicy,
        contentTypeOptions: String? = "nosniff",
        referrerPolicy: String? = "same-origin",
        frameOptions: String? = "DENY",
        strictTransportSecurity: String? = nil
    ) {
        self.contentSecurityPolicy = contentSecurityPolicy
        self.contentTypeOptions = contentTypeOptions
        self.referrerPolicy = referrerPolicy
        self.frameOptions = frameOptions
        self.strictTransportSecurity = strictTransportSecurity
    }

    public func finish(_ response: inout Response, for request: Request, startedAt start: ContinuousClock.Instant) {
        // One call per field rather than a list of them: this runs on every response.
        Self.add("Content-Security-Policy", contentSecurityPolicy, to: &response.headers)
        Self.add("X-Content-Type-Options", contentTypeOptions, to: &response.headers)
        Self.add("Referrer-Policy", referrerPolicy, to: &response.headers)
        Self.add("X-Frame-Options", frameOptions, to: &response.headers)
        Self.add("Strict-Transport-Security", strictTransportSecurity, to: &response.headers)
    }

    private static func add(_ name: String, _ value: String?, to headers: inout HTTPHeaders) {
        if let value, !headers.contains(name) { headers.add(name, value) }
    }
}
