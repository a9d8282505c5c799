import HTTP
import Web

extension Request {
    /// The signed-in user of an admin page. Nobody signed in: a 303 to the login page that comes back here
    /// afterwards; signed in with another role: a 403.
    public func requireUser(roles: Set<Role> = Set(Role.allCases)) throws -> AuthenticatedUser {
        guard let user = storage[CurrentUser.self] else {
            var headers = HTTPHeaders()
            headers.add("Location", AdminPaths.login(next: method == .get ? target : nil))
            throw HTTPError(.seeOther, message: "Vui lòng đăng nhập để tiếp tục.", headers: headers)
        }
        guard roles.contains(user.role) else {
            throw HTTPError(.forbidden, message: "Tài khoản \(user.role.label.lowercased()) không được dùng chức năng này.")
        }
        return user
    }

    /// The account behind an API request's `Authorization: Bearer` token. Throws an `APIError` (401) when the
    /// token is missing or not valid; cookies are never accepted on the API. Use it in routes added with
    /// `router.api(...)`, which answer the error as JSON.
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

    /// Path and query as sent ("/admin/users?page=2").
    var target: String {
        http.query.map { rawPath + "?" + $0 } ?? rawPath
    }
}
