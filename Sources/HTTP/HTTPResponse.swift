/// A response before serialisation. The server adds `Date`, `Content-Length` and `Connection`; a handler sets
/// everything else.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Ask the server to close the connection after this response (an untrustworthy request, shutdown).
    public var closeConnection: Bool

    public init(
        status: HTTPStatus = .ok,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        closeConnection: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.closeConnection = closeConnection
    }

    public init(status: HTTPStatus = .ok, contentType: String, body: String) {
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        self.init(status: status, headers: headers, body: Array(body.utf8))
    }
}
