/// The site's cookie names. With an https public URL they are `__Host-` prefixed (RFC 6265bis §4.1.3.2): the
/// browser then accepts them only with `Secure`, `Path=/` and no `Domain`, from a secure origin, so neither a
/// sibling subdomain nor a plain-http man in the middle can plant one (session fixation, a forged kiosk cookie).
/// The login page's CSRF cookie and the device cookie are scoped to the login path, which `__Host-` forbids: they
/// take `__Secure-` (Secure required, from a secure origin only).
/// Over plain http (a laptop, the tests) the prefixes would make browsers drop the cookies, so none is used.
public struct CookieNames: Sendable, Equatable {
    public let secure: Bool

    public init(publicURL: String) {
        secure = publicURL.lowercased().hasPrefix("https://")
    }

    public var session: String { host("qcdc_session") }
    public var device: String { secure ? "__Secure-qcdc_device" : "qcdc_device" }
    public var respondent: String { host("qcdc_r") }
    public var kiosk: String { host("qcdc_kiosk") }
    public var login: String { secure ? "__Secure-qcdc_login" : "qcdc_login" }

    private func host(_ name: String) -> String {
        secure ? "__Host-" + name : name
    }
}
