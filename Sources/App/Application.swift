import HTML
import HTTP
import Store
import Web

/// Builds the whole site: routes, middleware and the Vietnamese error pages.
public enum Application {
    public static func makeRouter(
        _ environment: AppEnvironment,
        accessLog: (@Sendable (String) -> Void)? = nil
    ) throws -> Router {
        let banner = environment.banner
        var router = Router(
            errorRenderer: { error, request in errorPage(error, requestID: request.id, banner: banner) },
            errorLogger: environment.log)
        // First: every layer below, the access log included, sees the client behind a trusted proxy.
        router.add(ClientAddressMiddleware(trustedProxies: environment.doors.trustedProxies))
        router.add(ObservationMiddleware(metrics: environment.metrics))
        if let accessLog { router.add(AccessLogMiddleware(write: accessLog, pathForLog: LogRedaction.path)) }
        // Pages, styles, scripts, JSON and CSV over cheap phones' networks: gzip when the client takes it.
        router.add(CompressionMiddleware())
        // HSTS only where the site is https for good: a browser told so refuses plain http to the host for a year.
        router.add(
            SecurityHeadersMiddleware(
                strictTransportSecurity: environment.servesHTTPS && environment.strictTransportSecurity
                    ? "max-age=31536000" : nil))
        // Every dynamic answer says how it may be cached: no-store unless its handler chose otherwise (see
        // `CachePolicy`), so no shared cache keeps a page with a token, a person's data or a stale campaign list.
        router.add(CacheControlMiddleware(fallback: CachePolicy.dynamic))

        let accounts = AccountRoutes(environment: environment)
        router.add(accounts.sessions)
        router.add(APITokenMiddleware(environment: environment))
        try routes(environment, accounts: accounts).install(on: &router)
        return router
    }

    /// The routes that take upload-sized bodies, as the server's limits want them (`HTTPLimits.uploadTargets`): from
    /// the route templates, so the large-body allowance follows the route if it moves. Every other route keeps the
    /// 1 MiB body limit.
    public static let uploadTargets: [UploadTarget] = [
        SiteRoute.Template.dossierDocuments, .reportPhotos, .periodicReports,
    ].map {
        template in
        UploadTarget(
            method: .post,
            pattern: template.rawValue.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "*" : String($0) }.joined(separator: "/"))
    }

    /// Every route of the site with its access rule (see `RouteTable`); the access tests enumerate it.
    public static func routes(_ environment: AppEnvironment) throws -> RouteTable {
        try routes(environment, accounts: AccountRoutes(environment: environment))
    }

    private static func routes(_ environment: AppEnvironment, accounts: AccountRoutes) throws -> RouteTable {
        var routes = RouteTable()
        routes.open(.get, .health) { _ in .text("ok") }
        OperationsRoutes(environment: environment).install(on: &routes)
        routes.open(.get, .privacy) { _ in
            let settings = try await environment.database.read { try RetentionSettings.load($0) }
            return .html(PrivacyPage.render(settings, banner: environment.banner))
                .settingHeader("Cache-Control", CachePolicy.publicPage)
        }
        routes.open(.get, .root) { _ in
            Response.redirect(to: SiteRoute.about.path, status: .found)
                .settingHeader("Cache-Control", CachePolicy.publicPage)
        }
        routes.open(.get, .about) { _ in
            .html(aboutPage(banner: environment.banner)).settingHeader("Cache-Control", CachePolicy.publicPage)
        }
        let assets = try StaticFiles(root: environment.staticDirectory, cacheControl: CachePolicy.asset)
        routes.open(.get, .asset, handler: assets.handler)

        let catalog = SurveyCatalog(database: environment.database, clock: environment.clock)
        AnswerRoutes(environment: environment, catalog: catalog).install(on: &routes)
        LandingRoutes(environment: environment).install(on: &routes)
        SuggestionRoutes(environment: environment).install(on: &routes)
        QRRoutes(environment: environment).install(on: &routes)
        accounts.install(on: &routes)
        ConsoleRoutes(environment: environment).install(on: &routes)
        APIRoutes(environment: environment).install(on: &routes)
        APIDocumentRoute.install(on: &routes)
        DeskRoutes(environment: environment).install(on: &routes)
        SuggestionRoundRoutes(environment: environment).install(on: &routes)
        CampaignAdminRoutes(environment: environment).install(on: &routes)
        YearRoutes(environment: environment).install(on: &routes)
        DossierRoutes(environment: environment).install(on: &routes)
        ReportReadingRoutes(environment: environment).install(on: &routes)
        RosterRoutes(environment: environment).install(on: &routes)
        PeriodicReportRoutes(environment: environment).install(on: &routes)
        return routes
    }

    /// Every error a person can meet, as a short Vietnamese page with the status and a way back.
    static func errorPage(_ error: HTTPError, requestID: String, banner: String?) -> Response {
        let title: String =
            switch error.status.code {
            case 400: "Yêu cầu không hợp lệ"
            case 403: "Không được phép"
            case 404: "Không tìm thấy"
            case 405: "Thao tác không được hỗ trợ"
            case 410: "Đã kết thúc"
            case 413: "Dữ liệu gửi lên quá lớn"
            case 415: "Định dạng dữ liệu không được hỗ trợ"
            case 422: "Dữ liệu chưa hợp lệ"
            case 429: "Quá nhiều yêu cầu"
            default: error.status.code >= 500 ? "Đã có lỗi xảy ra" : "Không thực hiện được yêu cầu"
            }
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="lead">\(error.message)</p>
            <p class="note">Mã lỗi \(error.status.code) · mã yêu cầu \(requestID)</p>
            <p><a class="button" href="/">Về trang chủ</a></p>
            """
        var response = Response.html(Layout.page(title: title, banner: banner, body: body), status: error.status)
        for (name, value) in error.headers { response.headers.set(name, value) }
        return response
    }

    static func aboutPage(banner: String?) -> HTML {
        Layout.page(
            title: "Khảo sát sự hài lòng – chính quyền thân thiện", banner: banner,
            body: """
                <h1>Khảo sát sự hài lòng của người dân</h1>
                <p class="lead">Cổng khảo sát phục vụ thực hiện Quy chế dân chủ ở cơ sở và mô hình “chính quyền thân thiện”.</p>
                <p>Để trả lời phiếu, Anh/Chị hãy quét mã QR dán tại bộ phận một cửa của xã, phường, thị trấn.</p>
                """)
    }
}
