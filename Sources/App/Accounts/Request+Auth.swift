import HTTP
import Store
import Web

extension Request {
    /// The account behind an API request's `Authorization: Bearer` token. Throws an `APIError` (401) when the
    /// token is missing or not valid; cookies are never accepted on the API. `RouteTable.api` calls it
    /// before the handler runs and answers the error as JSON.
    public func requireAPIUser() throws -> AuthenticatedUser {
        switch storage[APIAuthentication.self] {
        case .success(let user)?: return user
        case .failure(let error)?: throw error
        case nil: throw APIError.missingToken
        }
    }

    /// The session's CSRF token, for the hidden field "csrf" of every admin form; nil without a session.
    public var csrfToken: String? {
        storage[CurrentSession.self]?.csrfToken
    }

    /// Path and query as sent, such as the users page with `?page=2`.
    var target: String {
        http.query.map { rawPath + "?" + $0 } ?? rawPath
    }
}
