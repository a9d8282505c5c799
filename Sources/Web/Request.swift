import HTTP

/// What a handler receives: the parsed HTTP request, the path parameters the route captured, an id for logs
/// and error pages, and typed storage for whatever middleware attaches (the session, the user).
///
/// The query, the form body and the cookies are decoded on first use and the result is kept, so asking for
/// ten form fields decodes the body once.
public struct Request: Sendable {
    public var parameters: Parameters
    public var storage: RequestStorage
    /// The client as `ClientAddressMiddleware` worked it out (through trusted proxies); the TCP peer until
    /// then. Limits, fingerprints and login throttling use this, never `remoteAddress`.
    public var clientAddress: String?

    /// The parts that never change, behind one reference (see `SharedRequestParts` for why).
    private let shared: SharedRequestParts

    public init(_ http: HTTPRequest, id: String, parameters: Parameters = Parameters()) {
        self.parameters = parameters
        self.storage = RequestStorage()
        self.clientAddress = http.remoteAddress
        self.shared = SharedRequestParts(http: http, id: id)
    }

    /// The request as the server parsed it. Immutable, so the decoded pieces can never go stale.
    public var http: HTTPRequest { shared.http }
    /// Short id that ties a log line to the page a user reports ("Mã yêu cầu").
    public var id: String { shared.id }

    public var method: HTTPMethod { shared.http.method }
    /// The decoded path (see `HTTPRequest.path` for why file code must look at `rawPath`).
    public var path: String { shared.http.path }
    public var rawPath: String { shared.http.rawPath }
    public var headers: HTTPHeaders { shared.http.headers }
    public var body: [UInt8] { shared.http.body }
    /// The TCP peer: the reverse proxy, when there is one. See `clientAddress`.
    public var remoteAddress: String? { shared.http.remoteAddress }
    /// `clientAddress` parsed, for grouping by network.
    public var clientIP: IPAddress? { clientAddress.flatMap { IPAddress($0) } }

    /// The decoded query string; malformed encoding is a 400.
    public func queryItems() throws(HTTPError) -> URLEncodedForm {
        try shared.query { () throws(HTTPError) in
            do {
                return try URLEncodedForm(decoding: http.query ?? "")
            } catch {
                throw HTTPError(.badRequest, message: "Địa chỉ có tham số không hợp lệ.")
            }
        }
    }

    /// The first value of a query parameter.
    public func query(_ name: String) throws(HTTPError) -> String? {
        try queryItems()[name]
    }

    /// The decoded `application/x-www-form-urlencoded` body, or the text fields of a `multipart/form-data` one
    /// (an upload form's CSRF token and other fields; its file is read with `Uploads.UploadReceiver`): a 415
    /// for another content type, a 400 for malformed encoding.
    public func form() throws(HTTPError) -> URLEncodedForm {
        try shared.form { () throws(HTTPError) in
            if http.body.isEmpty { return URLEncodedForm() }
            if let contentType = http.headers["Content-Type"] {
                if MediaTypeEssence.matches(contentType, "multipart/form-data") {
                    return try multipartFields(contentType: contentType)
                }
                guard MediaTypeEssence.matches(contentType, "application/x-www-form-urlencoded") else {
                    throw HTTPError(.unsupportedMediaType)
                }
            }
            do {
                return try URLEncodedForm(decoding: http.body)
            } catch {
                throw HTTPError(.badRequest, message: "Dữ liệu gửi lên không hợp lệ.")
            }
        }
    }

    private func multipartFields(contentType: String) throws(HTTPError) -> URLEncodedForm {
        do {
            // The body already passed the server's size limit for this route; only the part count is bounded here.
            return try URLEncodedForm(
                multipartBody: http.body, contentType: contentType, limits: MultipartLimits(maxTotalBytes: .max))
        } catch {
            throw HTTPError(
                error.status,
                message: error.status == .contentTooLarge
                    ? "Biểu mẫu có quá nhiều phần." : "Dữ liệu gửi lên không hợp lệ hoặc bị gián đoạn.")
        }
    }

    /// The first value of a form field.
    public func formValue(_ name: String) throws(HTTPError) -> String? {
        try form()[name]
    }

    public var cookies: Cookies {
        shared.cookies { Cookies(headerValues: http.headers.values(named: "Cookie")) }
    }

    public func cookie(_ name: String) -> String? {
        cookies[name]
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
