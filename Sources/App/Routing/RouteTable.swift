import HTML
import HTTP
import Store
import Web

/// Every route of the site with its method, typed template and access rule, in one list: the router is built from
/// it and the access tests are generated from it, so a route cannot be added without saying who may call it.
///
/// The access rule is enforced here, before the handler runs: a console handler receives the signed-in user, an
/// API handler the token's user, and neither can forget the check.
public struct RouteTable: Sendable {
    public typealias UserHandler =
        nonisolated(nonsending) @Sendable (Request, AuthenticatedUser) async throws -> Response

    public struct Entry: Sendable {
        public let method: HTTPMethod
        public let template: SiteRoute.Template
        public let access: Access
        let handler: Handler
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// A route anyone may call.
    public mutating func open(_ method: HTTPMethod, _ template: SiteRoute.Template, handler: @escaping Handler) {
        // The API's own description is the one exception: a client reads it before it has a token.
        precondition(
            template.area != "api" || template == .apiDocument, "API routes take a token: \(template.rawValue)")
        entries.append(Entry(method: method, template: template, access: .open, handler: handler))
    }

    /// A console page behind a session (see `Access.session`).
    public mutating func page(
        _ method: HTTPMethod, _ template: SiteRoute.Template, roles: Set<Role> = Access.anyRole,
        beforePasswordChange: Bool = false, handler: @escaping UserHandler
    ) {
        precondition(template.area == "admin", "Console pages live under /admin: \(template.rawValue)")
        let access = Access.session(roles, beforePasswordChange: beforePasswordChange)
        entries.append(
            Entry(
                method: method, template: template, access: access,
                handler: { request in
                    switch Self.sessionUser(request, roles: roles, beforePasswordChange: beforePasswordChange) {
                    case .success(let user): try await handler(request, user)
                    case .failure(let refusal): try refusal.answer()
                    }
                }))
    }

    /// An API endpoint behind a bearer token (see `Access.token`); its errors are answered as JSON. `refusal` is
    /// the 403 for another role, when a sentence more helpful than the generic one fits.
    public mutating func api(
        _ method: HTTPMethod, _ template: SiteRoute.Template, roles: Set<Role> = Access.anyRole,
        refusal: APIError = .forbidden, handler: @escaping UserHandler
    ) {
        precondition(template.area == "api", "API endpoints live under /api: \(template.rawValue)")
        entries.append(
            Entry(
                method: method, template: template, access: .token(roles),
                handler: APIError.handler {
                    request in
                    let user = try request.requireAPIUser()
                    guard roles.contains(user.role) else { throw refusal }
                    return try await handler(request, user)
                }))
    }

    public func install(on router: inout Router) {
        for entry in entries {
            let template = entry.template
            let handler = entry.handler
            // Tells the metrics and the access log which template served the request (see `MatchedRoute`).
            router.on(entry.method, template.rawValue) { request in
                request.storage[MatchedRouteKey.self]?.set(template)
                return try await handler(request)
            }
        }
    }

    // MARK: - Sessions

    enum SessionRefusal: Error {
        case signIn(next: String?)
        case wrongRole(Role)
        case mustChangePassword

        /// The answer to a refused request: a real redirect (not an error page with a 303) or a 403 page.
        func answer() throws -> Response {
            switch self {
            case .signIn(let next):
                return .redirect(to: LoginTarget.path(next: next))
            case .mustChangePassword:
                return .redirect(to: SiteRoute.password.path)
            case .wrongRole(let role):
                throw HTTPError(
                    .forbidden, message: "Tài khoản \(role.label.lowercased()) không được dùng chức năng này.")
            }
        }
    }

    static func sessionUser(_ request: Request, roles: Set<Role>, beforePasswordChange: Bool)
        -> Result<AuthenticatedUser, SessionRefusal>
    {
        guard let user = request.storage[CurrentUser.self] else {
            return .failure(.signIn(next: request.method == .get ? request.target : nil))
        }
        if user.mustChangePassword, !beforePasswordChange { return .failure(.mustChangePassword) }
        guard roles.contains(user.role) else { return .failure(.wrongRole(user.role)) }
        return .success(user)
    }
}
