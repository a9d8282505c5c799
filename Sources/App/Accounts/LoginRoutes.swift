import Crypto
import Foundation
import HTML
import HTTP
import Store
import Web

/// `GET/POST /admin/login` and `POST /admin/logout`.
///
/// Login CSRF (someone else's page signing a person into the attacker's account) is stopped with a pre-session
/// token: the login page sets a random `qcdc_login` cookie (path /admin/login) and the same value as the hidden
/// field "csrf"; a POST without both, equal, is refused. Another site can make a browser send the cookie but
/// cannot read it to fill the field. Cross-site Origin/Referer headers are refused too.
struct LoginRoutes: Sendable {
    let environment: AppEnvironment
    let sessions: SessionMiddleware
    let service: LoginService
    let originCheck: OriginCheck

    static let wrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng."

    init(environment: AppEnvironment, sessions: SessionMiddleware, service: LoginService) {
        self.environment = environment
        self.sessions = sessions
        self.service = service
        originCheck = OriginCheck(publicURL: environment.publicURL)
    }

    func install(on routes: inout RouteTable) {
        routes.open(.get, .login) { request in try show(request) }
        routes.open(.post, .login) { request in try await submit(request) }
        routes.page(.post, .logout, beforePasswordChange: true) { request, user in
            try await logout(request, user: user)
        }
    }

    func show(_ request: Request) throws -> Response {
        if request.storage[CurrentUser.self] != nil {
            return .redirect(to: SiteRoute.adminHome.path)
        }
        let next = try request.query("next").flatMap(LoginTarget.safeNext)
        return try form(username: "", next: next, error: nil, status: .ok)
    }

    func submit(_ request: Request) async throws -> Response {
        let form = try request.form()
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let next = form["next"].flatMap(LoginTarget.safeNext)
        guard let cookie = request.cookie(environment.cookieNames.login), let field = form["csrf"],
            ConstantTime.equal(Array(cookie.utf8), Array(field.utf8)), originCheck.allows(request.headers)
        else {
            return try self.form(
                username: username, next: next,
                error: "Trang đăng nhập đã hết hạn hoặc không được mở từ hệ thống. Vui lòng đăng nhập lại.",
                status: .forbidden)
        }
        guard !username.isEmpty, !password.isEmpty else {
            return try self.form(
                username: username, next: next,
                error: "Vui lòng nhập tên đăng nhập và mật khẩu.", status: .unprocessableContent)
        }
        let previous = request.cookie(sessions.cookieName).map(SessionStore.hash(token:))
        let device = request.cookie(environment.cookieNames.device).flatMap {
            DeviceToken.decode($0, key: environment.secret)
        }
        let outcome = try await service.login(
            username: username, password: password, client: request.clientIP,
            userAgent: request.headers["User-Agent"], previousTokenHash: previous, device: device)
        switch outcome {
        case .failed:
            return try self.form(
                username: username, next: next, error: Self.wrongCredentials,
                status: .unprocessableContent)
        case .locked(let seconds):
            return try self.form(
                username: username, next: next,
                error:
                    "Đăng nhập sai nhiều lần nên cần chờ một lúc. Vui lòng thử lại sau \(LoginThrottle.waitText(seconds)).",
                status: .tooManyRequests
            )
            .settingHeader("Retry-After", String(seconds))
        case .success(let user, let session, let device):
            let target = user.mustChangePassword ? SiteRoute.password.path : (next ?? SiteRoute.adminHome.path)
            return Response.redirect(to: target)
                .settingCookie(try sessions.sessionCookie(session.token))
                .settingCookie(
                    try SetCookie.removing(
                        name: environment.cookieNames.login, path: SiteRoute.login.path,
                        secure: sessions.secureCookies)
                )
                .settingCookie(
                    try SetCookie(
                        name: environment.cookieNames.device, value: device.encode(key: environment.secret),
                        maxAge: Int(DeviceToken.lifetimeSeconds), path: SiteRoute.login.path, httpOnly: true,
                        secure: sessions.secureCookies, sameSite: .lax)
                )
                .settingHeader("Cache-Control", "no-store")
        }
    }

    /// Ends the session (the middleware already checked its CSRF token) and forgets the cookie.
    func logout(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        if let session = request.storage[CurrentSession.self] {
            try await service.logout(user: user, tokenHash: session.tokenHash)
        }
        return Response.redirect(to: SiteRoute.login.path).settingCookie(try sessions.removalCookie())
    }

    /// The login form with a fresh pre-session token in its cookie and hidden field.
    private func form(username: String, next: String?, error: String?, status: HTTPStatus) throws -> Response {
        let token = SecureRandom.token(byteCount: 32)
        let errorHTML: HTML = error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? .empty
        let nextField: HTML = next.map { "<input type=\"hidden\" name=\"next\" value=\"\($0)\">" } ?? .empty
        let body: HTML = """
            <h1>Đăng nhập quản trị</h1>
            <p>Dành cho cán bộ Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở các cấp.</p>
            \(errorHTML)
            <form class="stack" method="post" action="\(SiteRoute.login.path)">
            <input type="hidden" name="csrf" value="\(token)">
            \(nextField)
            <label for="username">Tên đăng nhập</label>
            <input class="text" id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="\(username)">
            <label for="password">Mật khẩu</label>
            <input class="text" id="password" name="password" type="password" autocomplete="current-password" required>
            <p><button type="submit" class="button primary">Đăng nhập</button></p>
            </form>
            <p class="note">Quên mật khẩu? Liên hệ cán bộ quản trị cấp trên để được cấp lại.</p>
            """
        let cookie = try SetCookie(
            name: environment.cookieNames.login, value: token, maxAge: 2 * 3600, path: SiteRoute.login.path,
            httpOnly: true, secure: sessions.secureCookies, sameSite: .lax)
        return AdminPage.response(
            AdminLayout.bare(title: "Đăng nhập", banner: environment.banner, body: body),
            status: status
        )
        .settingCookie(cookie)
    }
}
