import Crypto
import HTTP
import Store
import Survey
import Web

/// For every `/admin` request: resolves the session cookie (`qcdc_session`, `__Host-` prefixed over https) into `CurrentUser` and `CurrentSession`,
/// and enforces CSRF on state-changing requests. Whether a page needs a session at all, and which roles, is the
/// route's `Access` (`RouteTable.page`). Other paths are passed through untouched: the API never accepts cookies.
struct SessionMiddleware: Middleware {
    static let stateChanging: Set<HTTPMethod> = [.post, .put, .patch, .delete]

    let environment: AppEnvironment
    let policy: SessionPolicy

    var secureCookies: Bool { environment.servesHTTPS }
    var cookieName: String { environment.cookieNames.session }

    func applies(to request: Request) -> Bool {
        SiteArea(path: request.path) == .console
    }

    func handle(_ request: Request, next: Handler) async throws -> Response {
        guard applies(to: request) else { return try await next(request) }
        let path = SiteArea.normalized(request.path)
        var request = request
        var staleCookie = false
        if let token = request.cookie(cookieName), !token.isEmpty {
            if let session = try await resolve(token: token) {
                request.storage[CurrentUser.self] = session.user
                request.storage[CurrentSession.self] = session.info
            } else {
                staleCookie = true
            }
        }
        if Self.stateChanging.contains(request.method), path != SiteRoute.login.path,
            let session = request.storage[CurrentSession.self]
        {
            try Self.checkCSRF(request, expected: session.csrfToken)
        }
        var response = try await next(request)
        if staleCookie,
            !response.headers.values(named: "Set-Cookie").contains(where: { $0.hasPrefix(cookieName + "=") })
        {
            response.setCookie(try removalCookie())
        }
        return response
    }

    /// The session and user for a cookie value, or nil when it is unknown, expired or its account disabled.
    /// An expired session is deleted; `last_seen_at` is refreshed at most once per `touchIntervalSeconds`.
    private func resolve(token: String) async throws -> (user: AuthenticatedUser, info: SessionInfo)? {
        // A real token is 43 base64url characters; anything else cannot match and is not worth a query.
        guard token.utf8.count <= 64 else { return nil }
        let tokenHash = SessionStore.hash(token: token)
        guard let found = try await environment.database.read({ try SessionStore($0).resolve(tokenHash: tokenHash) })
        else { return nil }
        let now = environment.clock.nowSeconds
        guard policy.isAlive(createdAt: found.createdAt, lastSeenAt: found.lastSeenAt, now: now) else {
            try await environment.database.write { try SessionStore($0).delete(tokenHash: tokenHash) }
            return nil
        }
        if policy.needsTouch(lastSeenAt: found.lastSeenAt, now: now) {
            try await environment.database.write { try SessionStore($0).touch(tokenHash: tokenHash, now: now) }
        }
        return (
            found.user.authenticated(viaAPIToken: false), SessionInfo(tokenHash: tokenHash, csrfToken: found.csrfToken)
        )
    }

    /// The form field `csrf` (or, for scripts, the `X-CSRF-Token` header) must equal the session's token.
    static func checkCSRF(_ request: Request, expected: String) throws {
        var presented = request.headers["X-CSRF-Token"]
        if presented == nil {
            presented = (try? request.formValue("csrf")) ?? nil
        }
        guard let presented, ConstantTime.equal(Array(presented.utf8), Array(expected.utf8)) else {
            throw HTTPError(.forbidden, message: csrfMessage)
        }
    }

    static let csrfMessage =
        "Biểu mẫu đã cũ hoặc không được gửi từ trang của hệ thống, nên thao tác chưa được thực hiện. Vui lòng tải lại trang và thử lại."

    func sessionCookie(_ token: String) throws -> SetCookie {
        try SetCookie(
            name: cookieName, value: token, path: "/", httpOnly: true, secure: secureCookies,
            sameSite: .lax)
    }

    func removalCookie() throws -> SetCookie {
        try SetCookie.removing(name: cookieName, path: "/", secure: secureCookies)
    }
}
