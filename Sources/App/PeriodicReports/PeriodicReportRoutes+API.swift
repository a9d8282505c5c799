import HTTP
import Store
import Survey
import Web

/// Periodic reports through the API, from the page's own loader (`content`), so a filing or a list of who has not
/// filed cannot differ between `/admin/periodic-reports` and `/api/v1/periodic-reports`.
extension PeriodicReportRoutes {
    /// `GET /api/v1/periodic-reports[?year=YYYY][&district=CODE]`: the caller's page of the year (this year without
    /// `year`; an empty one or one outside 2000–2100: 400). The province may read a district's page instead (its own
    /// reports and its communes'; 404 for a code that is not one of its districts), a district only its own (403 for
    /// another code), a commune none but its own (403 with `district`).
    func apiReports(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        // Stricter than the page, whose form may send an empty year: a client that names one must give one.
        if try request.query("year")?.isEmpty == true {
            throw HTTPError(.badRequest, message: "Thiếu năm: ghi year=NNNN hoặc bỏ tham số.")
        }
        let year = try year(request)
        let today = environment.clock.today
        let districtCode = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        let (content, role) = try await environment.database.read {
            connection -> (PeriodicReportsPage.Content, Role) in
            let units = UnitStore(connection)
            guard let own = try units.unit(id: user.unitID) else { throw HTTPError.notFound }
            // A district may name itself; only the province names another unit's page.
            guard let districtCode, !(user.role == .district && districtCode == own.code) else {
                return (try Self.content(connection, own: own, role: user.role, year: year), user.role)
            }
            guard user.role == .province else { throw APIError.forbidden }
            guard let district = try units.unit(code: districtCode, inSet: own.unitSetID), district.level == "district"
            else { throw APIError.notADistrict }
            return (try Self.content(connection, own: district, role: .district, year: year), .district)
        }
        return try APIJSON.response(
            APIPeriodicReports(content, year: year, today: today, filesItself: role != .province))
    }
}
