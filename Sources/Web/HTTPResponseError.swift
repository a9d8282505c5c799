import HTTP

/// An error that knows how it should be answered: the status, the sentence the person using the site reads, and
/// any headers the answer needs (`Allow`, `Retry-After`). The router asks a thrown error for these once, so a
/// handler never converts a store's refusal by hand; the API's JSON error path asks the same questions.
///
/// The message is shown to the user: never put internal details in it.
public protocol HTTPResponseError: Error, Sendable {
    var status: HTTPStatus { get }
    var message: String { get }
    var headers: HTTPHeaders { get }
}

extension HTTPResponseError {
    public var headers: HTTPHeaders { HTTPHeaders() }

    /// The same answer as a plain `HTTPError`, for renderers that take one.
    public var httpError: HTTPError {
        if let known = self as? HTTPError { return known }
        return HTTPError(status, message: message, headers: headers)
    }
}

extension HTTPError: HTTPResponseError {}
