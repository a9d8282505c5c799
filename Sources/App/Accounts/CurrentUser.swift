import Store
import Web

/// `request.storage[CurrentUser.self]`: the signed-in user of an `/admin/` request, set by `SessionMiddleware`.
/// `RouteTable.page` checks it against the route's `Access` and hands it to the handler.
public enum CurrentUser: RequestStorageKey {
    public typealias Value = AuthenticatedUser
}

/// The session behind an `/admin/` request: what logout deletes and what forms must echo as "csrf".
struct CurrentSession: RequestStorageKey {
    typealias Value = SessionInfo
}

struct SessionInfo: Sendable, Hashable {
    let tokenHash: String
    let csrfToken: String
}

/// What `APITokenMiddleware` concluded about an `/api/` request's bearer token.
enum APIAuthentication: RequestStorageKey {
    typealias Value = Result<AuthenticatedUser, APIError>
}

/// The bearer token an authenticated `/api/` request came with (`/api/v1/me` shows its name, scope and expiry).
enum APITokenInUse: RequestStorageKey {
    typealias Value = APITokenStore.TokenRecord
}
