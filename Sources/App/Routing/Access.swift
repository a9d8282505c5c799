import Store

/// Who may call a route, declared beside the route in the `RouteTable`: no handler checks a login by itself.
public enum Access: Sendable, Hashable {
    /// Anyone, without a login: the citizen's pages, QR codes, the login page and the console's stylesheets.
    case open
    /// A console page (`/admin/…`) for a browser session of one of these roles. Nobody signed in: a 303 to the
    /// login page that comes back afterwards; another role: 403; an account that must still change its first
    /// password is sent to the password page unless `beforePasswordChange` admits it (logout, the password page).
    case session(Set<Role>, beforePasswordChange: Bool = false)
    /// An API endpoint (`/api/v1/…`) for a bearer token of one of these roles: no or a bad token is a 401 and
    /// another role a 403, both as JSON.
    case token(Set<Role>)

    /// Every role.
    public static let anyRole = Set(Role.allCases)
    public static let managers: Set<Role> = [.province, .district]
    public static let provinceOnly: Set<Role> = [.province]

    /// The roles admitted; nil for an open route.
    public var roles: Set<Role>? {
        switch self {
        case .open: nil
        case .session(let roles, _), .token(let roles): roles
        }
    }
}
