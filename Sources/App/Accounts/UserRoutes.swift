import HTML
import HTTP
import Store
import Web

/// `/admin/users`: the accounts in the user's scope, as a table on a laptop and as cards on a phone, with what a
/// manager may do to each (reset the password after a confirmation, disable, enable), and the ways to create
/// accounts (`UserRoutes+Create.swift`) and read their login slips (`UserRoutes+Slips.swift`). Province and district
/// users only; every scope rule is checked on the server by `UserAdminService` and `LoginService`.
struct UserRoutes: Sendable {
    let environment: AppEnvironment
    let service: LoginService
    let admin: UserAdminService

    init(environment: AppEnvironment, service: LoginService) {
        self.environment = environment
        self.service = service
        admin = UserAdminService(environment: environment, worker: service.worker)
    }

    /// What the list says after a change it was redirected from (`?done=`).
    static let notices: [String: String] = [
        "disabled": "Đã khóa tài khoản; các phiên đăng nhập của tài khoản đó đã kết thúc.",
        "enabled": "Đã mở khóa tài khoản.",
    ]

    func install(on routes: inout RouteTable) {
        routes.page(.get, .users, roles: Access.managers) { request, user in try await list(request, user: user) }
        routes.page(.get, .newUser, roles: Access.managers) { request, user in
            try await newUserForm(request, user: user)
        }
        routes.page(.post, .newUser, roles: Access.managers) { request, user in
            try await createUser(request, user: user)
        }
        routes.page(.get, .bulkUsers, roles: Access.managers) { request, user in
            try await bulkForm(request, user: user)
        }
        routes.page(.post, .bulkUsers, roles: Access.managers) { request, user in
            try await bulkCreate(request, user: user)
        }
        routes.page(.get, .resetPassword, roles: Access.managers) { request, user in
            try await confirmReset(request, user: user)
        }
        routes.page(.post, .resetPassword, roles: Access.managers) { request, user in
            try await reset(request, user: user)
        }
        routes.page(.post, .disableUser, roles: Access.managers) { request, user in
            try await setDisabled(request, user: user, true)
        }
        routes.page(.post, .enableUser, roles: Access.managers) { request, user in
            try await setDisabled(request, user: user, false)
        }
        routes.page(.get, .loginSlip, roles: Access.managers) { request, user in
            try await showSlip(request, user: user)
        }
    }

    func list(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (users, managed) = try await environment.database.read { connection in
            (
                try UserStore(connection).users(inUnits: try UnitScope(user: user, connection: connection).unitIDs),
                try ManagedUnits(actor: user, connection: connection, today: environment.clock.today)
            )
        }
        let csrf = request.csrfToken
        let rows = users.map { account -> HTML in
            var tags: [HTML] = []
            if account.disabled { tags.append("<span class=\"tag off\">Đã khóa</span>") }
            if account.mustChangePassword { tags.append("<span class=\"tag warn\">Chưa đổi mật khẩu lần đầu</span>") }
            if !account.disabled && !account.mustChangePassword { tags.append("<span class=\"tag\">Đang dùng</span>") }
            var actions: [HTML] = []
            if user.role.manages(account.role) && account.id != user.id {
                actions.append(
                    "<a class=\"button\" href=\"\(SiteRoute.resetPassword(user: account.id).path)\">Cấp lại mật khẩu</a>"
                )
                let toggle: SiteRoute =
                    account.disabled ? .enableUser(user: account.id) : .disableUser(user: account.id)
                actions.append(
                    """
                    <form method="post" action="\(toggle.path)">\(AdminLayout.csrfField(csrf))<button type="submit" class="button">\(account.disabled ? "Mở khóa" : "Khóa")</button></form>
                    """)
            }
            return """
                <tr><td data-label="Tên đăng nhập"><strong>\(account.username)</strong></td><td data-label="Cấp">\(account.role.label)</td><td data-label="Đơn vị">\(account.unitName) <span class="note">(\(account.unitCode))</span></td><td data-label="Trạng thái">\(tags, separator: " ")</td><td class="actions">\(actions, separator: " ")</td></tr>
                """
        }
        let table: HTML =
            users.isEmpty
            ? "<p>Chưa có tài khoản nào trong phạm vi quản lý.</p>"
            : """
            <table class="cards">
            <thead><tr><th>Tên đăng nhập</th><th>Cấp</th><th>Đơn vị</th><th>Trạng thái</th><th>Thao tác</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        let missing = managed.withoutAccount.count
        var tools: [HTML] = []
        if !managed.items.isEmpty {
            tools.append("<a class=\"button\" href=\"\(SiteRoute.newUser.path)\">Tạo tài khoản</a>")
        }
        if missing > 0 {
            tools.append(
                "<a class=\"button\" href=\"\(SiteRoute.bulkUsers.path)\">Tạo hàng loạt cho \(missing) đơn vị chưa có tài khoản</a>"
            )
        }
        let notice: HTML =
            try request.query("done").flatMap { Self.notices[$0] }
            .map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let body: HTML = """
            <h1>Tài khoản trong phạm vi quản lý</h1>
            \(notice)
            <p>\(users.count) tài khoản. Tài khoản mới và mật khẩu cấp lại có mật khẩu lần đầu in trên phiếu; người dùng phải đổi ngay khi đăng nhập.</p>
            <p class="tools">\(tools, separator: " ")</p>
            \(table)
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Tài khoản", user: user, csrf: csrf, banner: environment.banner, body: body))
    }

    func setDisabled(_ request: Request, user: AuthenticatedUser, _ disabled: Bool) async throws -> Response {
        _ = try await admin.setDisabled(actor: user, targetID: try Self.accountID(request), disabled)
        return .redirect(to: SiteRoute.users.href([("done", disabled ? "disabled" : "enabled")]))
    }

    /// The `:id` of an account address; a 400 when it is not a number.
    static func accountID(_ request: Request) throws -> Int64 {
        guard let id = Int64(try request.parameters.require("id")) else {
            throw HTTPError(.badRequest, message: "Mã tài khoản không hợp lệ.")
        }
        return id
    }
}
