import HTML
import HTTP
import Store
import Web

/// Everything about accounts: the login, logout, password, user and audit pages, the console's home page and
/// stylesheet, and `/api/v1/me`. The session middleware they rely on is `sessions`, which `Application` installs.
struct AccountRoutes: Sendable {
    let environment: AppEnvironment
    let sessions: SessionMiddleware
    let service: LoginService

    init(
        environment: AppEnvironment, policy: SessionPolicy = SessionPolicy(), worker: PasswordWorker = PasswordWorker()
    ) {
        self.environment = environment
        sessions = SessionMiddleware(environment: environment, policy: policy)
        service = LoginService(environment: environment, worker: worker, policy: policy)
    }

    func install(on routes: inout RouteTable) {
        LoginRoutes(environment: environment, sessions: sessions, service: service).install(on: &routes)
        PasswordRoutes(environment: environment, service: service).install(on: &routes)
        TokenRoutes(environment: environment).install(on: &routes)
        UserRoutes(environment: environment, service: service).install(on: &routes)
        AuditRoutes(environment: environment).install(on: &routes)
        routes.page(.get, .adminHome) { request, user in try await home(request, user: user) }
        routes.open(.get, .adminStylesheet) { _ in
            Response.bytes(Array(AdminStyles.css.utf8), contentType: "text/css; charset=utf-8")
                .settingHeader("Cache-Control", "public, max-age=3600")
        }
        routes.api(.get, .apiMe) { request, user in
            // Set with the user by `APITokenMiddleware`; a handler never runs with one and not the other.
            guard let token = request.storage[APITokenInUse.self] else { throw APIError.missingToken }
            return try APIJSON.response(APIMe(user: user, token: token))
        }
    }

    /// The admin home: a greeting with the role and unit, the campaigns in scope and the menu. Districts and
    /// communes land on today's board instead (303; the menu is there too); the province keeps this page.
    func home(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        guard user.role == .province else { return .redirect(to: SiteRoute.today.path) }
        let today = environment.clock.today
        let campaigns = try await environment.database.read { connection in
            try CampaignAccess.listed(connection, user: user, today: today, endedWithinDays: CampaignAccess.recentDays)
        }
        let campaignItems = campaigns.map { campaign -> HTML in
            let phase =
                campaign.schedule.phase(on: today) == .open ? "đang mở" : campaign.schedule.state.label.lowercased()
            return
                "<li><a href=\"\(SiteRoute.dashboard(campaign: campaign.id).path)\"><strong>\(campaign.title)</strong><br><span class=\"note\">\(campaign.formCode) · \(campaign.schedule.startsOn.vietnamese)–\(campaign.schedule.endsOn.vietnamese) · \(phase)</span></a></li>"
        }
        let campaignList: HTML =
            campaignItems.isEmpty
            ? "<p>Chưa có đợt khảo sát nào trong phạm vi của tài khoản.</p>"
            : "<h2>Đợt khảo sát</h2><ul class=\"links\">\(campaignItems)</ul>"
        let body: HTML = """
            <h1>Xin chào, \(user.username)</h1>
            <p class="lead">Bạn đang đăng nhập với vai trò <strong>\(user.role.label.lowercased())</strong> của <strong>\(user.unitName)</strong>.</p>
            \(campaignList)
            <h2>Quản trị</h2>
            <ul class="links">\(Self.menu(for: user))</ul>
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Trang quản trị", user: user, csrf: request.csrfToken,
                banner: environment.banner, body: body))
    }

    /// The console's menu for a role: the home page's list, repeated on today's board.
    static func menu(for user: AuthenticatedUser) -> [HTML] {
        var links: [HTML] = []
        // One daily report per unit and day, and the late entries a district has opened.
        if user.role != .province {
            links.append("<li><a href=\"\(SiteRoute.unitReport.path)\">Báo cáo ngày của đơn vị</a></li>")
        }
        if user.role != .commune {
            links.append("<li><a href=\"\(SiteRoute.communeReports.path)\">Đọc báo cáo ngày của các xã</a></li>")
            links.append("<li><a href=\"\(SiteRoute.lateEntries.path)\">Nhập muộn đang mở</a></li>")
        }
        links.append("<li><a href=\"\(SiteRoute.roster.path)\">Danh sách người trực</a></li>")
        links.append("<li><a href=\"\(SiteRoute.periodicReports.path)\">Báo cáo 6 tháng, báo cáo năm</a></li>")
        links.append("<li><a href=\"\(SiteRoute.campaigns.path)\">Các đợt khảo sát</a></li>")
        links.append("<li><a href=\"\(SiteRoute.suggestions.path)\">Hòm thư góp ý</a></li>")
        if user.role != .province {
            links.append("<li><a href=\"\(SiteRoute.kiosk.path)\">Liên kết máy khảo sát tại bộ phận một cửa</a></li>")
        }
        if user.role == .province { links.append("<li><a href=\"\(SiteRoute.forms.path)\">Mẫu phiếu</a></li>") }
        if user.role != .commune {
            links.append("<li><a href=\"\(SiteRoute.users.path)\">Tài khoản trong phạm vi quản lý</a></li>")
        }
        if user.role == .province { links.append("<li><a href=\"\(SiteRoute.audit.path)\">Nhật ký thao tác</a></li>") }
        links.append("<li><a href=\"\(SiteRoute.password.path)\">Đổi mật khẩu</a></li>")
        links.append("<li><a href=\"\(SiteRoute.apiTokens.path)\">Mã truy cập API của tài khoản</a></li>")
        return links
    }
}
