/// The request methods qcdc understands; anything else is answered 501 by the parser.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"
    case patch = "PATCH"
    case options = "OPTIONS"
    case trace = "TRACE"
    case connect = "CONNECT"

    /// Methods whose requests carry a body and therefore need a declared length (411 otherwise).
    public var requiresContentLength: Bool {
        switch self {
        case .post, .put, .patch: true
        default: false
        }
    }
}
