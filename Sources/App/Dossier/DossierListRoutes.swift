import HTTP
import Store
import Survey
import Web

/// The year's dossiers for the managers: the list (a district its communes and its own committee's dossier; the
/// province the share recognised by district against the yearly target, every district committee and every
/// commune, `?district=CODE` narrowing the communes), the XLSX export and the printable list for the decision.
struct DossierListRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .dossiersExport, roles: Access.managers) { request, user in
            try await export(request, user: user)
        }
        routes.page(.get, .dossiersPrint, roles: Access.managers) { request, user in
            try await printable(request, user: user)
        }
        installAPI(on: &routes)
    }

    /// The commune lines in the user's scope, the district committee lines, and the target.
    struct Listing: Sendable {
        let communes: [DossierListItem]
        let districts: [DossierListItem]
        let target: Double
    }

    func load(_ request: Request, user: AuthenticatedUser, year: Int) async throws -> Listing {
        let asked = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        if user.role == .district, let asked, asked != user.unitCode {
            throw HTTPError(.forbidden, message: "Huyện này nằm ngoài phạm vi tài khoản của bạn.")
        }
        let district = user.role == .district ? user.unitCode : asked
        return try await environment.database.read { connection in
            let store = DossierStore(connection)
            let districts = try store.list(year: year, kind: .districtCommittee).filter {
                user.role == .province || $0.code == user.unitCode
            }
            return Listing(
                communes: try store.list(year: year, kind: .commune, district: district), districts: districts,
                target: try ReportSettings.load(connection).yearlyTargetShare)
        }
    }

    func list(_ request: Request, user: AuthenticatedUser, year: Int) async throws -> Response {
        let listing = try await load(request, user: user, year: year)
        let view = DossierListView(
            year: year, user: user, communes: listing.communes, districts: listing.districts, target: listing.target,
            narrowed: try request.query("district").flatMap { $0.isEmpty ? nil : $0 })
        return AdminPage.response(
            request, user: user, title: "Hồ sơ công nhận năm \(String(year))", banner: environment.banner,
            body: view.render())
    }

    private func export(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let today = environment.clock.today
        let year = try DossierRoutes.year(request, today: today)
        let listing = try await load(request, user: user, year: year)
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try AuditLog(connection).record(
                user, action: .export,
                detail: "Hồ sơ công nhận năm \(year): \(Format.count(listing.communes.count)) xã", at: now)
        }
        let body = try TableExport.xlsx(sheets: DossierExport.sheets(listing))
        let scope: ExportFileName.Scope =
            user.role == .province ? .province : .district(code: user.unitCode, name: user.unitName)
        let name = ExportFileName(
            formCode: "", campaignTitle: "Hồ sơ công nhận \(year)", campaignID: Int64(year), scope: scope, date: today,
            fileExtension: "xlsx")
        return Response.bytes(body, contentType: TableExport.xlsxMediaType)
            .settingHeader("Content-Disposition", name.contentDisposition)
            .settingHeader("Cache-Control", "no-store")
    }

    private func printable(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let today = environment.clock.today
        let year = try DossierRoutes.year(request, today: today)
        let listing = try await load(request, user: user, year: year)
        let page = DossierPrintPage(user: user, year: year, communes: listing.communes, today: today)
        return AdminPage.response(
            request, user: user, title: "Danh sách đề nghị công nhận năm \(String(year))", banner: nil,
            body: page.body)
    }
}
