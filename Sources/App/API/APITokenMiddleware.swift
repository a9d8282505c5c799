import Crypto
import HTTP
import Store
import Web

/// For every `/api` request: resolves `Authorization: Bearer <token>` into `APIAuthentication` (read by
/// `request.requireAPIUser()`), and turns the router's HTML error pages into JSON errors, so API clients always
/// get `{"error": ..., "message": ...}`. Cookies are ignored here: a browser session is never an API login.
struct APITokenMiddleware: Middleware {
    let environment: AppEnvironment
    /// `last_used_at` is written at most this often.
    var touchIntervalSeconds: Int64 = 60

    func applies(to request: Request) -> Bool {
        SiteArea(path: request.path) == .api
    }

    func handle(_ request: Request, next: Handler) async throws -> Response {
        guard applies(to: request) else { return try await next(request) }
        var request = request
        let resolved = try await resolve(request.headers["Authorization"], method: request.method)
        request.storage[APIAuthentication.self] = resolved.map(\.user)
        if case .success(let found) = resolved { request.storage[APITokenInUse.self] = found.token }
        let response = try await next(request)
        return Self.jsonError(from: response)
    }

    /// Also used by `/metrics`, which takes a province token outside `/api` (a GET).
    func authenticate(_ header: String?, method: HTTPMethod = .get) async throws -> Result<AuthenticatedUser, APIError>
    {
        try await resolve(header, method: method).map(\.user)
    }

    private func resolve(_ header: String?, method: HTTPMethod) async throws -> Result<
        (user: AuthenticatedUser, token: APITokenStore.TokenRecord), APIError
    > {
        guard let header else { return .failure(.missingToken) }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return .failure(.missingToken) }
        let token = Self.trimmingBlanks(parts[1])
        guard token.hasPrefix(APITokenStore.prefix), token.utf8.count <= 100 else { return .failure(.invalidToken) }
        let tokenHash = SessionStore.hash(token: token)
        let now = environment.clock.nowSeconds
        let resolved = try await environment.database.read {
            try APITokenStore($0).resolve(tokenHash: tokenHash, now: now)
        }
        let found: (token: APITokenStore.TokenRecord, user: UserRecord)
        switch resolved {
        case .success(let pair): found = pair
        case .failure(let refusal): return .failure(APIError.refused(refusal))
        }
        if found.token.scope == .read, method != .get, method != .head {
            return .failure(.readOnlyToken)
        }
        var record = found.token
        if now - (record.lastUsedAt ?? Int64.min / 2) >= touchIntervalSeconds {
            try await environment.database.write { [id = record.id] in try APITokenStore($0).touch(id: id, now: now) }
            record = record.touched(at: now)
        }
        return .success((found.user.authenticated(viaAPIToken: true), record))
    }

    /// An HTML error page (a 404 for an unknown API path, a 500) re-encoded as a JSON error.
    static func jsonError(from response: Response) -> Response {
        guard response.status.code >= 400,
            response.headers["Content-Type"]?.hasPrefix("text/html") == true
        else { return response }
        let error = APIError(
            status: response.status, code: APIError.code(for: response.status),
            message: HTTPError.defaultMessage(for: response.status))
        var json = error.response
        for (name, value) in response.headers where name.lowercased() == "allow" || name.lowercased() == "retry-after" {
            json.headers.set(name, value)
        }
        return json
    }

    static func trimmingBlanks(_ text: Substring) -> String {
        var slice = text
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
