import HTML
import HTTP
import Store
import Web

/// `GET/POST /admin/password`: change one's own password (current, new, repeat). Every other admin page leads
/// here while `must_change_password` is set.
struct PasswordRoutes: Sendable {
    let environment: AppEnvironment
    let service: LoginService

    func install(on routes: inout RouteTable) {
        routes.page(.get, .password, beforePasswordChange: true) { request, user in try show(request, user: user) }
        routes.page(.post, .password, beforePasswordChange: true) { request, user in
            try await submit(request, user: user)
        }
    }

    func show(_ request: Request, user: AuthenticatedUser) throws -> Response {
        page(request, user: user, errors: [:], changed: try request.query("done") == "changed", status: .ok)
    }

    func submit(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        guard let session = request.storage[CurrentSession.self] else { throw HTTPError(.forbidden) }
        let form = try request.form()
        let outcome = try await service.changePassword(
            user: user, sessionHash: session.tokenHash, current: form["current"] ?? "", new: form["new"] ?? "",
            repeated: form["repeat"] ?? "")
        switch outcome {
        case .changed:
            // A page that can be reloaded: the session now reads the changed account.
            return .redirect(to: SiteRoute.password.href([("done", "changed")]))
        case .rejected(let errors):
            return page(request, user: user, errors: errors, status: .unprocessableContent)
        case .locked(let seconds):
            return page(
                request, user: user,
                errors: [
                    "current":
                        "Nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau \(LoginThrottle.waitText(seconds))."
                ],
                status: .tooManyRequests
            )
            .settingHeader("Retry-After", String(seconds))
        }
    }

    private func page(
        _ request: Request, user: AuthenticatedUser, errors: [String: String], changed: Bool = false,
        status: HTTPStatus
    ) -> Response {
        func error(_ field: String) -> HTML {
            errors[field].map { "<p class=\"error\" id=\"e-\(field)\">\($0)</p>" } ?? .empty
        }
        let done: HTML =
            changed && !user.mustChangePassword
            ? """
            <p class="notice" role="status">Đã đổi mật khẩu. Mật khẩu mới có hiệu lực từ bây giờ; các phiên đăng nhập khác của tài khoản đã được đăng xuất.</p>
            <p><a class="button" href="\(SiteRoute.adminHome.path)">Về trang quản trị</a></p>
            """
            : .empty
        let intro: HTML =
            user.mustChangePassword
            ? "<p class=\"lead\">Đây là lần đăng nhập đầu tiên hoặc mật khẩu vừa được cấp lại: vui lòng đặt mật khẩu mới của riêng bạn trước khi tiếp tục.</p>"
            : .empty
        let body: HTML = """
            <h1>Đổi mật khẩu</h1>
            \(done)\(intro)
            <form class="stack" method="post" action="\(SiteRoute.password.path)">
            \(AdminLayout.csrfField(request.csrfToken))
            <label for="current">Mật khẩu hiện tại</label>\(error("current"))
            <input class="text" id="current" name="current" type="password" autocomplete="current-password" required>
            <label for="new">Mật khẩu mới</label>\(error("new"))
            <input class="text" id="new" name="new" type="password" autocomplete="new-password" minlength="\(PasswordPolicy.minimumLength)" required>
            <p class="help">Ít nhất \(PasswordPolicy.minimumLength) ký tự, khác tên đăng nhập. Nên dùng một câu dễ nhớ.</p>
            <label for="repeat">Nhập lại mật khẩu mới</label>\(error("repeat"))
            <input class="text" id="repeat" name="repeat" type="password" autocomplete="new-password" required>
            <p><button type="submit" class="button primary">Đổi mật khẩu</button></p>
            </form>
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Đổi mật khẩu", user: user, csrf: request.csrfToken,
                banner: environment.banner, body: body), status: status)
    }
}
