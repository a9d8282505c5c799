import HTTP
import Store
import Survey
import Web

/// `/admin/campaigns/{id}/units/{code}`: one unit's page in a campaign, where the dashboard's names lead. The
/// campaign is reached as on the dashboard (`ConsoleContext`: a draft is a 404 below the province, a campaign
/// outside the scope a 403); then the unit must be one of the campaign's (else 404) and inside the user's scope
/// (else 403): the province any unit, a district its communes and its desk, a commune itself.
struct CampaignUnitRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .campaignUnit) { request, user in try await show(request, user: user) }
    }

    static let unknownUnit = HTTPError(
        .notFound, message: "Đợt khảo sát này không có đơn vị mang mã đó. Hãy chọn đơn vị từ bảng của đợt khảo sát.")
    static let foreignUnit = HTTPError(
        .forbidden, message: "Đơn vị này nằm ngoài phạm vi tài khoản của bạn.")

    func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let code = request.parameters["code"] ?? ""
        let today = environment.clock.today
        let now = environment.clock.nowSeconds
        let summary = try await environment.database.read { connection -> CampaignUnitSummary in
            let store = ReportSummaryStore(connection)
            guard let unitID = try store.campaignUnitID(campaign: context.campaign, code: code) else {
                throw Self.unknownUnit
            }
            guard context.unitIDs.contains(unitID) else { throw Self.foreignUnit }
            guard
                let summary = try store.campaignUnitSummary(
                    campaignID: context.campaign.id, unitID: unitID, today: today, now: now)
            else { throw Self.unknownUnit }
            return summary
        }
        let body = CampaignUnitView(context: context, summary: summary, today: today).render()
        return AdminPage.response(
            request, user: user, title: "\(summary.unit.name) – \(context.campaign.title)",
            banner: environment.banner, body: body)
    }
}
