import HTML
import HTTP
import Store
import Web

/// `GET /admin/users` (the accounts in the user's scope) and `POST /admin/users/{id}/reset` (a new first
/// password, shown once on a printable slip). Province and district users only; scope is checked on the server.
struct UserRoutes: Sendable {
    let environment: AppEnvironment
    let service: LoginService

    func install(on routes: inout RouteTable) {
        routes.page(.get, .users, roles: Access.managers) { request, user in try await list(request, user: user) }
        routes.page(.post, .resetPassword, roles: Access.managers) { request, user in
            try await reset(request, user: user)
        }
    }

    func list(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let users = try await environment.database.read { connection in
            try UserStore(connection).users(inUnits: try UnitScope(user: user, connection: connection).unitIDs)
        }
        let rows = users.map { account -> HTML in
            var tags: [HTML] = []
            if account.disabled { tags.append("<span class=\"tag off\">Đã khóa</span>") }
            if account.mustChangePassword { tags.append("<span class=\"tag warn\">Chưa đổi mật khẩu lần đầu</span>") }
            let action: HTML =
                user.role.manages(account.role)
                ? """
                <form method="post" action="\(SiteRoute.resetPassword(user: account.id).path)">\(AdminLayout.csrfField(request.csrfToken))<button type="submit" class="button">Cấp lại mật khẩu</button></form>
                """
                : .empty
            return """
                <tr><td>\(account.username)</td><td>\(account.role.label)</td><td>\(account.unitName) <span class="note">(\(account.unitCode))</span></td><td>\(tags, separator: " ")</td><td>\(action)</td></tr>
                """
        }
        let table: HTML =
            users.isEmpty
            ? "<p>Chưa có tài khoản nào trong phạm vi quản lý.</p>"
            : """
            <div class="scroll"><table>
            <thead><tr><th>Tên đăng nhập</th><th>Cấp</th><th>Đơn vị</th><th>Trạng thái</th><th></th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
        let body: HTML = """
            <h1>Tài khoản trong phạm vi quản lý</h1>
            <p>\(users.count) tài khoản. Khi cấp lại mật khẩu, mật khẩu mới chỉ hiện một lần trên phiếu để in; người dùng phải đổi ngay khi đăng nhập.</p>
            \(table)
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Tài khoản", user: user, csrf: request.csrfToken,
                banner: environment.banner, body: body))
    }

    func reset(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        guard let id = Int64(try request.parameters.require("id")) else {
            throw HTTPError(.badRequest, message: "Mã tài khoản không hợp lệ.")
        }
        let (target, password) = try await service.resetPassword(actor: user, targetID: id)
        let slip = LoginSlips.Slip(unitName: target.unitName, username: target.username, password: password)
        let body: HTML = """
            <p class="notice noprint">Đã cấp lại mật khẩu cho <strong>\(target.username)</strong>. Mật khẩu này chỉ hiện một lần: hãy in phiếu hoặc ghi lại ngay. Người dùng phải đổi mật khẩu khi đăng nhập.</p>
            \(LoginSlips.slip(slip, loginURL: SiteRoute.login.url(publicURL: environment.publicURL)))
            <p class="noprint"><a class="button" href="\(SiteRoute.users.path)">Về danh sách tài khoản</a></p>
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Phiếu tài khoản \(target.username)", user: user,
                csrf: request.csrfToken, banner: environment.banner, body: body))
    }
}
