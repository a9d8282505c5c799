import Database
import HTML
import HTTP
import Store
import Survey
import Uploads
import Web

/// `/admin/periodic-reports`: a commune files its six-month and annual reports to its district, a district to the
/// province (a document through `Uploads` and the figures the field table defines; 303 back); the level above sees
/// who has not filed each period and opens each document (`/admin/periodic-reports/{id}`, an attachment).
struct PeriodicReportRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .periodicReports) { request, user in try await show(request, user: user) }
        routes.page(.post, .periodicReports, roles: [.district, .commune]) { request, user in
            try await file(request, user: user)
        }
        routes.page(.get, .periodicReportDocument) { request, user in try await download(request, user: user) }
        routes.api(.get, .apiPeriodicReports) { request, user in try await apiReports(request, user: user) }
    }

    func year(_ request: Request) throws -> Int {
        guard let text = try request.query("year"), !text.isEmpty else { return environment.clock.today.year }
        guard let year = Int(text), (2000...2100).contains(year) else {
            throw HTTPError(.badRequest, message: "Năm “\(text)” không hợp lệ.")
        }
        return year
    }

    private func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try year(request)
        let content = try await environment.database.read { connection -> PeriodicReportsPage.Content in
            guard let own = try UnitStore(connection).unit(id: user.unitID) else { throw HTTPError.notFound }
            return try Self.content(connection, own: own, role: user.role, year: year)
        }
        let saved = ((try? request.query("saved")) ?? nil) != nil
        let body = PeriodicReportsPage(
            user: user, year: year, today: environment.clock.today, content: content, csrf: request.csrfToken,
            saved: saved
        ).render()
        return AdminPage.response(
            AdminLayout.page(
                title: "Báo cáo định kỳ", user: user, csrf: request.csrfToken, banner: environment.banner, body: body))
    }

    /// What the page shows of `own`'s year as a unit of `role` (a district's communes, the province's districts
    /// below it); the API reads the same, so its filings and lists of who has not filed are the page's.
    static func content(_ connection: Connection, own: UnitRecord, role: Role, year: Int) throws
        -> PeriodicReportsPage.Content
    {
        let units = UnitStore(connection)
        let store = PeriodicReportStore(connection)
        let below: [UnitRecord] =
            switch role {
            case .commune: []
            case .district: try units.communes(inSet: own.unitSetID, district: own.id)
            case .province: try units.units(inSet: own.unitSetID, level: "district")
            }
        return PeriodicReportsPage.Content(
            own: own, below: below, fields: try store.fields(),
            reports: try store.reports(unitIDs: [own.id] + below.map(\.id), year: year))
    }

    private func file(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try year(request)
        guard let receiver = environment.uploads else { throw StoredUpload.noStore }
        let received: ReceivedUpload
        do {
            received = try await receiver.receiveOffLoop(
                body: request.body, contentType: request.headers["Content-Type"])
        } catch {
            environment.log("báo cáo định kỳ bị từ chối (\(user.unitCode), \(year)): \(error.detail)")
            throw HTTPError(error.status, message: error.message)
        }
        let typed = Dictionary(
            received.fields.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let period = ReportPeriod(rawValue: typed["period"] ?? "") else {
            throw PeriodicReportError(.invalid, "Vui lòng chọn kỳ báo cáo (6 tháng hoặc cả năm).")
        }
        let file = received.file
        let document = PeriodicReport.Document(
            contentHash: file.hash.hex, mediaType: file.kind.mediaType, fileName: file.name.value, size: file.size)
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            let store = PeriodicReportStore(connection)
            let values = try store.figures(typed)
            try store.file(
                unitID: user.unitID, year: year, period: period, document: document, values: values, by: user,
                now: now)
        }
        return .redirect(to: SiteRoute.periodicReports.href([("year", String(year)), ("saved", "1")]))
    }

    private func download(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try request.parameters.require("id", as: Int64.self)
        let report = try await environment.database.read { connection in
            guard let report = try PeriodicReportStore(connection).report(id: id) else {
                throw PeriodicReportError(.notFound, "Không có báo cáo định kỳ này.")
            }
            guard try UnitScope(user: user, connection: connection).contains(unitID: report.unitID) else {
                throw PeriodicReportError(.outOfScope, "Báo cáo này thuộc đơn vị ngoài phạm vi quản lý của tài khoản.")
            }
            return report
        }
        let bytes = try await StoredUpload.bytes(
            environment, contentHash: report.contentHash, what: "báo cáo định kỳ \(id)")
        return StoredUpload.attachment(bytes, mediaType: report.mediaType, fileName: report.fileName)
    }
}
