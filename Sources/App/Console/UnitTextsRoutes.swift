import HTTP
import Store
import Survey
import Web

/// `/admin/campaigns/{id}/units/{code}/texts[?date=YYYY-MM-DD]`: what people wrote in a unit's free-text questions,
/// for the province and the unit's district. Not for the commune itself: the comments are often about its own
/// staff, and the people who wrote them answered without giving their names.
struct UnitTextsRoutes: Sendable {
    let environment: AppEnvironment

    static let badDate = HTTPError(
        .badRequest, message: "Ngày lọc không hợp lệ. Hãy chọn ngày trên lịch hoặc ghi theo dạng YYYY-MM-DD.")

    func install(on routes: inout RouteTable) {
        routes.page(.get, .unitTexts, roles: Access.managers) { request, user in try await show(request, user: user) }
    }

    /// The day filter: none when absent or empty, 400 when not a date.
    static func date(_ request: Request) throws -> LocalDate? {
        guard let text = try request.query("date"), !text.isEmpty else { return nil }
        guard let day = LocalDate(iso: text) else { throw badDate }
        return day
    }

    func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let code = request.parameters["code"] ?? ""
        let date = try Self.date(request)
        let campaign = context.campaign
        let (unit, texts) = try await environment.database.read { connection -> (UnitRecord, [ResponseText]) in
            guard
                let unitID = try ReportSummaryStore(connection).campaignUnitID(campaign: campaign, code: code),
                let unit = try UnitStore(connection).unit(id: unitID)
            else { throw CampaignUnitRoutes.unknownUnit }
            guard context.unitIDs.contains(unit.id) else { throw CampaignUnitRoutes.foreignUnit }
            guard let form = try FormStore(connection).definition(formVersionID: campaign.formVersionID) else {
                return (unit, [])
            }
            return (
                unit,
                try ResponseTextStore(connection).texts(
                    campaignID: campaign.id, unitID: unit.id, form: form, on: date, limit: UnitTextsPage.limit)
            )
        }
        let page = UnitTextsPage(campaign: campaign, unit: unit, date: date, texts: texts)
        return AdminPage.response(
            request, user: user, title: "Ý kiến ghi thêm – \(unit.name)", banner: environment.banner,
            body: page.render())
    }
}
