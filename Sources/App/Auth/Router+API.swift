import HTTP
import Web

extension Router {
    /// Adds an API route whose `APIError`s and `HTTPError`s are answered as JSON (see `APIError.handler`).
    public mutating func api(_ method: HTTPMethod, _ pattern: String, handler: @escaping Handler) {
        on(method, pattern, handler: APIError.handler(handler))
    }
}
