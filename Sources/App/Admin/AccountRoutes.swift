import HTML
import HTTP
import Web

/// Installs everything about accounts: the session and API-token middleware, the login, logout, password, user
/// and audit pages, the admin stylesheet and `/api/v1/me`. One call from `Application.makeRouter`.
struct AccountRoutes: Sendable {
    let environment: AppEnvironment
    let sessions: SessionMiddleware
    let service: LoginService

    init(environment: AppEnvironment, policy: SessionPolicy = SessionPolicy(), worker: PasswordWorker = PasswordWorker()) {
        self.environment = environment
        sessions = SessionMiddleware(environment: environment, policy: policy)
        service = LoginService(environment: environment, worker: worker, policy: policy)
    }

    func install(on router: inout Router) {
        router.add(sessions)
        router.add(APITokenMiddleware(environment: environment))
        LoginRoutes(environment: environment, sessions: sessions, service: service).install(on: &router)
        PasswordRoutes(environment: environment, service: service).install(on: &router)
        UserRoutes(environment: environment, service: service).install(on: &router)
        AuditRoutes(environment: environment).install(on: &router)
        router.get("/admin") { request in try await home(request) }
        router.get(AdminPaths.stylesheet) { _ in
            Response.bytes(Array(AdminStyles.css.utf8), contentType: "text/css; charset=utf-8")
                .settingHeader("Cache-Control", "public, max-age=3600")
        }
        router.api(.get, "/api/v1/me") { request in
            let user = try request.requireAPIUser()
            return try .json(Me(username: user.username, role: user.role.rawValue, unitCode: user.unitCode,
                                unitName: user.unitName))
        }
    }

    private struct Me: Encodable {
        let username: String
        let role: String
        let unitCode: String
        let unitName: String
    }

    /// The admin home: a greeting with the role and unit; feature pages add their links here.
    func home(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let today = environment.clock.today
        let campaigns = try await environment.database.read { connection in
            try CampaignStore(connection).campaigns(coveringAnyOf: UnitScope(user: user, connection: connection).unitIDs)
                .filter { $0.schedule.endsOn >= today.adding(days: -90) && $0.schedule.state != .draft }
        }
        let campaignItems = campaigns.map { campaign -> HTML in
            let phase = campaign.schedule.phase(on: today) == .open ? "đang mở" : campaign.schedule.state.label.lowercased()
            return "<li><a href=\"/admin/campaigns/\(String(campaign.id))\"><strong>\(campaign.title)</strong><br><span class=\"note\">\(campaign.formCode) · \(campaign.schedule.startsOn.vietnamese)–\(campaign.schedule.endsOn.vietnamese) · \(phase)</span></a></li>"
        }
        let campaignList: HTML = campaignItems.isEmpty ? "<p>Chưa có đợt khảo sát nào trong phạm vi của tài khoản.</p>"
            : "<h2>Đợt khảo sát</h2><ul class=\"links\">\(campaignItems)</ul>"
        var links: [HTML] = []
        links.append("<li><a href=\"/admin/campaigns\">Các đợt khảo sát</a></li>")
        links.append("<li><a href=\"/admin/suggestions\">Hòm thư góp ý</a></li>")
        if user.role != .province { links.append("<li><a href=\"/admin/kiosk\">Liên kết máy khảo sát tại bộ phận một cửa</a></li>") }
        if user.role == .province { links.append("<li><a href=\"/admin/forms\">Mẫu phiếu</a></li>") }
        if user.role != .commune { links.append("<li><a href=\"\(AdminPaths.users)\">Tài khoản trong phạm vi quản lý</a></li>") }
        if user.role == .province { links.append("<li><a href=\"\(AdminPaths.audit)\">Nhật ký thao tác</a></li>") }
        links.append("<li><a href=\"\(AdminPaths.password)\">Đổi mật khẩu</a></li>")
        let body: HTML = """
            <h1>Xin chào, \(user.username)</h1>
            <p class="lead">Bạn đang đăng nhập với vai trò <strong>\(user.role.label.lowercased())</strong> của <strong>\(user.unitName)</strong>.</p>
            \(campaignList)
            <h2>Quản trị</h2>
            <ul class="links">\(links)</ul>
            """
        return AdminPage.response(AdminLayout.page(title: "Trang quản trị", user: user, csrf: request.csrfToken,
                                                   banner: environment.banner, body: body))
    }
}
