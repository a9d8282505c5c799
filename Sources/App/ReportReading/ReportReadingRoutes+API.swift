import HTTP
import Store
import Survey
import Web

/// The reading of the communes' daily reports through the API, from the rows and the day the pages read
/// (`communeRows`, `content`), so a figure cannot differ between `/admin/reports` and `/api/v1/reports`.
extension ReportReadingRoutes {
    /// `GET /api/v1/reports[?date=YYYY-MM-DD][&district=CODE]`: the list page's rows of the day (today without
    /// `date`; a date that is not one: 400). The province may narrow it to one of its districts (404 for another
    /// code), a district only to itself (403 otherwise); communes are refused by the route, as by the page.
    func apiList(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let date = try UnitReportRoutes.day(try request.query("date"), today: environment.clock.today)
        let districtCode = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        if user.role != .province, districtCode != nil, districtCode != user.unitCode { throw APIError.forbidden }
        let (rows, districts) = try await environment.database.read { connection in
            do {
                return try Self.communeRows(
                    connection, user: user, date: date, districtCode: user.role == .province ? districtCode : nil)
            } catch let error as HTTPError where error.status == .notFound {
                // The page's only 404 here is a district the province does not have: the API's code for it.
                throw APIError.notADistrict
            }
        }
        var districtCodes = Dictionary(districts.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
        if user.role == .district { districtCodes[user.unitID] = user.unitCode }
        let items = rows.map { APICommuneReportRow($0, date: date, districtCodes: districtCodes) }
        return try APIList(request, environment, filters: ["date", "district"]).json(items, position: \.listPosition)
    }

    /// `GET /api/v1/reports/{code}/{date}`: one unit's day as its reading page shows it. A date that is not one is
    /// a 404 like the other API addresses; an unknown unit 404, one outside the scope 403.
    func apiReport(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let code = try request.parameters.require("code")
        guard let date = LocalDate(iso: try request.parameters.require("date")) else { throw APIError.badDate }
        let content = try await environment.database.read { connection in
            try Self.content(connection, user: user, code: code, date: date)
        }
        return try APIJSON.response(
            APICommuneReportDay(
                unit: content.unit, date: content.date, report: content.report, versions: content.versions,
                replies: content.replies, photos: content.photos))
    }
}
