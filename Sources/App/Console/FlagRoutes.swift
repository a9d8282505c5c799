import HTTP
import Store
import Survey
import Web

/// `/admin/campaigns/{id}/units/{code}/flags`: a unit's flagged answers in a campaign, for the province and (to
/// read) the unit's district; the province confirms a flagged answer (it leaves every count) or clears it (it
/// counts again), with a POST that answers 303 back to the list. The campaign and unit are reached as on the
/// unit's page (`CampaignUnitRoutes`): a draft is a 404 below the province, a unit outside the scope a 403.
struct FlagRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .unitFlags, roles: Access.managers) { request, user in try await show(request, user: user) }
        routes.page(.post, .reviewFlag, roles: Access.provinceOnly) { request, user in
            try await review(request, user: user)
        }
    }

    /// The campaign and the unit of the request, inside the user's scope.
    private func target(_ request: Request, user: AuthenticatedUser) async throws -> (ConsoleContext, UnitRecord) {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let code = request.parameters["code"] ?? ""
        let unit = try await environment.database.read { connection -> UnitRecord in
            guard
                let unitID = try ReportSummaryStore(connection).campaignUnitID(campaign: context.campaign, code: code),
                let unit = try UnitStore(connection).unit(id: unitID)
            else { throw CampaignUnitRoutes.unknownUnit }
            return unit
        }
        guard context.unitIDs.contains(unit.id) else { throw CampaignUnitRoutes.foreignUnit }
        return (context, unit)
    }

    func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (context, unit) = try await target(request, user: user)
        let campaignID = context.campaign.id
        let answers = try await environment.database.read {
            try FlagStore($0).flaggedAnswers(campaignID: campaignID, unitID: unit.id)
        }
        let page = FlagsPage(
            campaign: context.campaign, unit: unit, answers: answers, canReview: user.role == .province,
            csrf: request.csrfToken, notice: try request.query("da-luu") == "1" ? "Đã lưu." : nil)
        return AdminPage.response(
            request, user: user, title: "Phiếu bị gắn cờ – \(unit.name)", banner: environment.banner,
            body: page.render())
    }

    static let badAction = HTTPError(
        .badRequest, message: "Thao tác không hợp lệ: chọn “Xác nhận” hoặc “Bỏ cờ” trên danh sách phiếu bị gắn cờ.")

    func review(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (context, unit) = try await target(request, user: user)
        guard let responseID = request.parameters["response"].flatMap({ Int64($0) }) else {
            throw FlagReviewError.notFound
        }
        let state: FlagReviewState
        switch try request.formValue("action") {
        case "confirm": state = .confirmed
        case "clear": state = .cleared
        default: throw Self.badAction
        }
        let campaignID = context.campaign.id
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try FlagStore(connection).review(
                responseID: responseID, campaignID: campaignID, unitID: unit.id, to: state, by: user, now: now)
        }
        // Confirming takes counters down, which the cache's "answers only grow" rule does not expect.
        environment.counterCache.forget(campaignID: campaignID)
        return .redirect(to: SiteRoute.unitFlags(campaign: campaignID, unit: unit.code).href([("da-luu", "1")]))
    }
}
