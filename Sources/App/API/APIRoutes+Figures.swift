import Database
import HTTP
import Store
import Survey
import Web

/// The API's reads of what the console's campaign pages show beyond the lists: one unit's page and the
/// dashboard's chart. Each reads the same store figures its page reads, behind the same scope rule
/// (`CampaignAccess`: 404 for an unknown campaign or a draft below the province, 403 out of scope).
extension APIRoutes {
    /// `GET /api/v1/campaigns/{id}/communes/{code}`: the unit's page (`CampaignUnitRoutes`) as JSON. A code the
    /// campaign does not cover is a 404, a unit outside the caller's scope a 403 (the campaign's access first, so a
    /// stranger learns nothing about its units).
    func commune(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let campaignID = try Self.campaignID(request)
        let code = try request.parameters.require("code")
        let today = environment.clock.today
        let now = environment.clock.nowSeconds
        let summary = try await environment.database.read { connection -> CampaignUnitSummary in
            let access = try CampaignAccess.load(connection, user: user, campaignID: campaignID)
            let store = ReportSummaryStore(connection)
            guard let unitID = try store.campaignUnitID(campaign: access.campaign, code: code) else {
                throw APIError.unitNotFound
            }
            guard access.unitIDs.contains(unitID) else { throw APIError.forbidden }
            guard
                let summary = try store.campaignUnitSummary(
                    campaignID: campaignID, unitID: unitID, today: today, now: now)
            else { throw APIError.unitNotFound }
            return summary
        }
        return try APIJSON.response(APICampaignUnit(summary))
    }

    /// `GET /api/v1/campaigns/{id}/days`: answers per day over the caller's scope, the dashboard's chart (the
    /// province's whole campaign, a district's communes and desk, a commune itself), every campaign day through
    /// today. A list, paged like the others (`APIList`).
    func days(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let campaignID = try Self.campaignID(request)
        let today = environment.clock.today
        let days = try await environment.database.read { connection in
            _ = try CampaignAccess.load(connection, user: user, campaignID: campaignID)
            return try ReportSummaryStore(connection).answersPerDay(
                campaignID: campaignID, scope: CampaignFigures.Scope(user: user), through: today)
        }
        return try APIList(request, environment).json(days.map(APIDay.init)) {
            APIListPosition(.ascendingText($0.date))
        }
    }

    /// `GET /api/v1/campaigns/{id}/districts`: the dashboard's roll-up per district (`DistrictSummary`) over the
    /// units in scope: the province every district, a district its own line. Communes are refused by the route
    /// (a district's line is its other communes' figures too).
    func districts(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let scoped = try await scopedCampaign(request, user: user)
        let lines = ReportSummaryStore.districts(scoped.figures, settings: scoped.settings, communes: scoped.communes)
        return try APIList(request, environment).json(lines.map(APIDistrictItem.init)) {
            APIListPosition(.ascendingText($0.code))
        }
    }

    /// `GET /api/v1/campaigns/{id}/satisfaction`: satisfaction per question over the units in scope, the table
    /// the province's and a commune's dashboards show (`ReportSummaryStore.questions` over the scope's option
    /// counters, as the dashboard computes it from the same pass).
    func satisfaction(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let scoped = try await scopedCampaign(request, user: user)
        let figures = scoped.figures
        let questions = figures.form.map { ReportSummaryStore.questions(form: $0, counts: figures.optionTotals) } ?? []
        // Questions keep the form's order: a question's place in it is its position.
        return try APIList(request, environment).response(
            Array(questions.map(APIQuestionSatisfaction.init).enumerated()),
            position: { APIListPosition(.ascending(Int64($0.offset))) },
            body: { try APIJSON.response($0.map(\.element)) })
    }

    /// `GET /api/v1/today[?district=CODE]`: the today board (`TodayRoutes`) as a bare array of its rows, for the
    /// caller's scope; the province may narrow it to one district (404 for a code that is not a district of its
    /// set), a district only to itself and a commune not at all (403).
    func today(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let now = environment.clock.nowSeconds
        let districtCode = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        let board = try await environment.database.read { connection -> TodayBoard in
            let boards = TodayBoardStore(connection)
            switch user.role {
            case .commune:
                guard districtCode == nil else { throw APIError.forbidden }
                return try boards.board(scope: .unit(user.unitID), now: now)
            case .district:
                guard districtCode == nil || districtCode == user.unitCode else { throw APIError.forbidden }
                return try boards.board(scope: .district(user.unitID), now: now)
            case .province:
                guard let districtCode else { return try boards.board(scope: .province, now: now) }
                let units = UnitStore(connection)
                guard let own = try units.unit(id: user.unitID),
                    let district = try units.unit(code: districtCode, inSet: own.unitSetID),
                    district.level == "district"
                else { throw APIError.notADistrict }
                return try boards.board(scope: .district(district.id), now: now)
            }
        }
        // The board's own order (district, then unit): a row's place in it is its position.
        return try APIList(request, environment, filters: ["district"]).response(
            Array(board.rows.map { APITodayUnit($0, date: board.date) }.enumerated()),
            position: { APIListPosition(.ascending(Int64($0.offset))) },
            body: { try APIJSON.response($0.map(\.element)) })
    }
}
